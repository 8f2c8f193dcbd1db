"""Which claims a dashboard view shows: a date window plus filters, as a value that fits in a URL.

Pure functions over the store's row dicts (see STORE_API): no Streamlit, no Folium. A `View`
turns into query parameters and back (`to_query` / `View.from_query`), so a copied URL
restores the same date, window, filters, centre and zoom.

    view = View(date=dt.date(2024, 6, 19), window="7d", actors=("russia",))
    shown = select(rows, view)              # placed claims in the window that pass the filters
    missing = unresolved(rows, view)        # mentions in the window with no place
"""

from __future__ import annotations

import bisect
import datetime as dt
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from geo.map import facets

# Window name -> days it spans, ending on (and including) the view's date; None = every day up to it.
WINDOWS: dict[str, int | None] = {"day": 1, "7d": 7, "30d": 30, "all": None}
WINDOW_LABELS = {"day": "That day", "7d": "Last 7 days", "30d": "Last 30 days", "all": "Everything up to that day"}
KINDS = ("advance", "attack", "strike")
ACTORS = ("russia", "ukraine")
STATUSES = ("confirmed", "claimed")

# View field -> (query parameter, row key) for the multi-value filters.
_FILTERS = {
    "actors": ("actor", "actor"),
    "kinds": ("kind", "kind"),
    "statuses": ("status", "status"),
    "claimants": ("claimant", "claimant_group"),
    "sections": ("section", "axis"),
    "oblasts": ("oblast", "admin1"),
}
_FIXED = {"actors": ACTORS, "kinds": KINDS, "statuses": STATUSES}  # filters with a fixed vocabulary
NO_CLAIMANT = facets.ISW_OWN  # the claimant filter's name for rows with no claimant


@dataclass(frozen=True)
class View:
    """One view of the map: the window ending on `date` and the filters (empty tuple = no filter)."""

    date: dt.date | None = None  # None: the latest report date
    window: str = "day"
    actors: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    claimants: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    oblasts: tuple[str, ...] = ()
    text: str = ""
    center: tuple[float, float] | None = None
    zoom: int | None = None
    briefing: bool = False
    new_only: bool = False  # only the places new since the previous report (see new_places)
    # The sector: only claims inside `bbox` (west, south, east, north) are shown and the map frames it.
    # `around` + `radius_km` name it by a place (the app resolves the place to a bbox with the gazetteer);
    # `fit` frames the claims shown instead.
    bbox: tuple[float, float, float, float] | None = None
    around: str = ""
    radius_km: float | None = None
    fit: bool = False

    def __post_init__(self):
        if self.window not in WINDOWS:
            raise ValueError(f"window {self.window!r} is not one of {', '.join(WINDOWS)}")
        if self.bbox is not None:
            object.__setattr__(self, "bbox", check_bbox(self.bbox))
        for name in _FILTERS:
            value = getattr(self, name)
            if isinstance(value, str):
                value = (value,)
            object.__setattr__(self, name, tuple(dict.fromkeys(v for v in value if v)))

    # -- URL round trip --------------------------------------------------------------------

    def to_query(self) -> dict[str, str | list[str]]:
        """Query parameters for this view; defaults are left out, so a plain URL is the default view."""
        q: dict[str, str | list[str]] = {}
        if self.date is not None:
            q["date"] = self.date.isoformat()
        if self.window != "day":
            q["window"] = self.window
        for name, (param, _) in _FILTERS.items():
            values = getattr(self, name)
            if values:
                q[param] = list(values)
        if self.text:
            q["q"] = self.text
        if self.center is not None:
            q["lat"], q["lon"] = f"{self.center[0]:.4f}", f"{self.center[1]:.4f}"
        if self.zoom is not None:
            q["zoom"] = str(self.zoom)
        if self.briefing:
            q["briefing"] = "1"
        if self.new_only:
            q["new"] = "1"
        if self.bbox is not None:
            q["bbox"] = ",".join(f"{v:.4f}" for v in self.bbox)
        if self.around and self.radius_km:
            q["around"], q["radius"] = self.around, f"{self.radius_km:g}"
        if self.fit:
            q["fit"] = "1"
        return q

    @classmethod
    def from_query(cls, params: Mapping[str, str | Sequence[str]]) -> View:
        """The view a URL's query parameters describe. Values that do not parse are ignored
        (a hand-edited link still opens), so the result is always a usable view."""

        def one(key: str) -> str | None:
            v = params.get(key)
            if v is None:
                return None
            if not isinstance(v, str):
                v = v[-1] if len(v) else None
            return v.strip() if v is not None else None

        def many(key: str) -> tuple[str, ...]:
            v = params.get(key)
            if v is None:
                return ()
            return (v,) if isinstance(v, str) else tuple(v)

        kw: dict = {}
        if d := one("date"):
            try:
                kw["date"] = dt.date.fromisoformat(d)
            except ValueError:
                pass
        if (w := one("window")) in WINDOWS:
            kw["window"] = w
        for name, (param, _) in _FILTERS.items():
            kw[name] = many(param)
            if name in _FIXED:  # a value outside the fixed vocabulary is ignored; case does not matter
                kw[name] = tuple(v.strip().lower() for v in kw[name] if v.strip().lower() in _FIXED[name])
        # links made before the facets were canonical name raw wording: read it as its canonical value
        kw["claimants"] = tuple(v if v in facets.CLAIMANT_ORDER else facets.canonical_claimant(v) for v in kw["claimants"])
        kw["sections"] = tuple(v if v in facets.AXIS_ORDER else facets.canonical_axis(v) for v in kw["sections"])
        kw["text"] = one("q") or ""
        try:
            lat, lon = float(one("lat") or "x"), float(one("lon") or "x")
            if -90 <= lat <= 90 and -180 <= lon <= 180:
                kw["center"] = (lat, lon)
        except ValueError:
            pass
        try:
            zoom = int(one("zoom") or "x")
            if 0 <= zoom <= 20:
                kw["zoom"] = zoom
        except ValueError:
            pass
        kw["briefing"] = one("briefing") in ("1", "true", "yes")
        kw["new_only"] = one("new") in ("1", "true", "yes")
        try:
            kw["bbox"] = check_bbox(tuple(float(v) for v in (one("bbox") or "x").split(",")))
        except ValueError:
            pass
        around = " ".join((one("around") or "").split())[:80]
        try:
            radius = float(one("radius") or "x")
        except ValueError:
            radius = None
        if around and radius is not None and 1 <= radius <= 1000:
            kw["around"], kw["radius_km"] = around, radius
        kw["fit"] = one("fit") in ("1", "true", "yes")
        return cls(**kw)

    def with_(self, **changes) -> View:
        return replace(self, **changes)


def check_bbox(bbox) -> tuple[float, float, float, float]:
    """(west, south, east, north) in degrees, west < east and south < north; ValueError otherwise."""
    try:
        w, s, e, n = (float(v) for v in bbox)
    except (TypeError, ValueError):
        raise ValueError(f"{bbox!r} is not a box: give west,south,east,north in degrees, e.g. 36.9,48.3,38.6,49.0") from None
    if not (-180 <= w < e <= 180 and -85 <= s < n <= 85):
        raise ValueError(f"{w:g},{s:g},{e:g},{n:g} is not a box: west < east within -180..180, "
                         "south < north within -85..85")
    return (w, s, e, n)


def bbox_around(lat: float, lon: float, radius_km: float) -> tuple[float, float, float, float]:
    """The box (west, south, east, north) holding the circle of `radius_km` around (lat, lon), to 4 decimals
    (as a URL writes it)."""
    import math

    dlat = radius_km / 111.32
    dlon = radius_km / (111.32 * max(math.cos(math.radians(lat)), 0.01))
    return check_bbox(tuple(round(v, 4) for v in (max(lon - dlon, -180), max(lat - dlat, -85),
                                                   min(lon + dlon, 180), min(lat + dlat, 85))))


def in_bbox(row: dict, bbox: tuple[float, float, float, float] | None) -> bool:
    if bbox is None:
        return True
    w, s, e, n = bbox
    return w <= float(row["lon"]) <= e and s <= float(row["lat"]) <= n


def same_view(center: tuple[float, float] | None, zoom: int | None, other_center: tuple[float, float] | None,
              other_zoom: int | None, pixels: float = 1.5) -> bool:
    """Whether two map views are the same to the eye: the same zoom and centres less than `pixels` screen
    pixels apart (Leaflet snaps a centre to whole pixels, so a view read back from the map differs from
    the one it was given by up to a pixel)."""
    if center is None or other_center is None or zoom is None or other_zoom is None:
        return center == other_center and zoom == other_zoom
    if int(zoom) != int(other_zoom):
        return False
    degrees = 360.0 / (256 * 2 ** int(zoom)) * pixels  # one pixel in degrees of longitude at this zoom
    return abs(center[0] - other_center[0]) < degrees and abs(center[1] - other_center[1]) < degrees


# -- dates ----------------------------------------------------------------------------------


def report_dates(rows: Iterable[dict]) -> list[dt.date]:
    """The distinct report dates of `rows`, ascending. Remembered for the last list of rows asked about (the
    dashboard asks several times a run about the same shared, read-only rows)."""
    global _last_dates
    last = _last_dates  # one read: another thread may replace it, never change it
    if last is not None and last[0] is rows and last[1] == len(rows):
        return list(last[2])
    dates = sorted({dt.date.fromisoformat(r["report_date"]) for r in rows})
    if isinstance(rows, list) and len(rows) > 1000:
        _last_dates = (rows, len(rows), tuple(dates))
    return dates


_last_dates: tuple | None = None  # (rows, len(rows), dates) of the last large list of rows asked about


def end_date(view: View, dates: Sequence[dt.date]) -> dt.date | None:
    """The view's date, or the latest of `dates` when the view names none (None when there are no dates)."""
    if view.date is not None:
        return view.date
    return max(dates) if dates else None


def window_start(view: View, end: dt.date, dates: Sequence[dt.date] = ()) -> dt.date:
    """The first day of the view's window ending on `end` (for "all": the first report date)."""
    days = WINDOWS[view.window]
    if days is None:
        earlier = [d for d in dates if d <= end]
        return min(earlier) if earlier else end
    return end - dt.timedelta(days=days - 1)


def snap_date(dates: Sequence[dt.date], day: dt.date | None) -> dt.date:
    """The report date a requested day opens: that day, else the last report before it (else the first;
    None: the latest). `dates` must not be empty."""
    ordered = sorted(dates)
    if day is None:
        return ordered[-1]
    earlier = [d for d in ordered if d <= day]
    return earlier[-1] if earlier else ordered[0]


def nearest_date(dates: Sequence[dt.date], day: dt.date) -> dt.date:
    """The report date closest to `day` (the earlier one on a tie). `dates` must not be empty."""
    return min(dates, key=lambda d: (abs((d - day).days), d))


def step_date(dates: Sequence[dt.date], current: dt.date, step: int) -> dt.date:
    """The report date `step` places before (<0) or after (>0) `current`, clamped to the ends."""
    ordered = sorted(dates)
    if not ordered:
        return current
    if current in ordered:
        i = ordered.index(current) + step
    elif step < 0:
        i = sum(1 for d in ordered if d < current) - 1
    else:
        i = sum(1 for d in ordered if d <= current)
    return ordered[min(max(i, 0), len(ordered) - 1)]


# -- filtering ------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Case- and accent-insensitive form for free-text search."""
    s = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def facet_value(row: dict, key: str):
    """The value a filter compares: the canonical claimant and axis (geo.map.facets), else the row's field."""
    if key == "claimant_group":
        return facets.claimant_group(row)
    if key == "axis":
        return facets.axis(row)
    return row.get(key)


# id(rows) -> (rows, their report dates) for row lists sorted by date (as the store returns them), so a
# window is two binary searches rather than a scan of the whole war; the list is kept to keep its id valid.
_DATE_INDEX: dict[int, tuple[Sequence[dict], list[str]]] = {}


def _dates_if_sorted(rows: Sequence[dict]) -> list[str] | None:
    found = _DATE_INDEX.get(id(rows))
    if found is not None and found[0] is rows and len(found[1]) == len(rows):
        return found[1]
    days = [r["report_date"] for r in rows]
    if any(a > b for a, b in zip(days, days[1:])):
        return None
    if len(_DATE_INDEX) > 8:
        _DATE_INDEX.clear()
    _DATE_INDEX[id(rows)] = (rows, days)
    return days


def in_window(rows: Iterable[dict], view: View, end: dt.date, start: dt.date) -> list[dict]:
    """The rows reported from `start` to `end` (inclusive), in their order."""
    lo, hi = start.isoformat(), end.isoformat()
    if isinstance(rows, list) and len(rows) > 1000 and (days := _dates_if_sorted(rows)) is not None:
        return rows[bisect.bisect_left(days, lo):bisect.bisect_right(days, hi)]
    return [r for r in rows if lo <= r["report_date"] <= hi]


def matches(row: dict, view: View, *, oblast: bool = True) -> bool:
    """Whether `row` passes the view's filters (not the dates). `oblast=False` skips the oblast
    filter (unresolved mentions have no oblast)."""
    for name, (_, key) in _FILTERS.items():
        wanted = getattr(view, name)
        if not wanted or (name == "oblasts" and not oblast):
            continue
        if facet_value(row, key) not in wanted:
            return False
    if view.text:
        hay = fold(" ".join(str(row.get(k) or "") for k in ("quote", "place", "claimant", "bearing")))
        if not all(term in hay for term in fold(view.text).split()):
            return False
    return True


def _windowed(rows: Sequence[dict], view: View) -> list[dict]:
    dates = report_dates(rows)
    end = end_date(view, dates)
    if end is None:
        return []
    return in_window(rows, view, end, window_start(view, end, dates))


def place_key(row: dict) -> str:
    """Where a placed row is: its GeoNames id, else its rounded position (claims at one key share a symbol)."""
    if row.get("geonameid") is not None:
        return f"g{row['geonameid']}"
    return f"{float(row['lat']):.4f},{float(row['lon']):.4f}"


NEW_LOOKBACK_DAYS = 7


def new_places(rows: Sequence[dict], view: View, days: int = NEW_LOOKBACK_DAYS) -> set[str]:
    """The places (place_key) with a claim on the view's date that passes its filters and none in the `days`
    days before: what is new since the previous report."""
    dates = report_dates(rows)
    end = end_date(view, dates)
    if end is None:
        return set()
    today, before = set(), set()
    day = end.isoformat()
    for r in in_window(rows, view, end, end - dt.timedelta(days=days)):
        if r.get("lat") is not None and r.get("lon") is not None and matches(r, view):
            (today if r["report_date"] == day else before).add(place_key(r))
    return today - before


def select(rows: Sequence[dict], view: View) -> list[dict]:
    """The placed rows (with lat/lon) in the view's window that pass its filters, oldest first."""
    shown = [r for r in _windowed(rows, view) if r.get("lat") is not None and r.get("lon") is not None
             and in_bbox(r, view.bbox) and matches(r, view)]
    if view.new_only:
        fresh = new_places(rows, view)
        shown = [r for r in shown if place_key(r) in fresh]
    return shown


def unresolved(rows: Sequence[dict], view: View) -> list[dict]:
    """The rows in the view's window with no place (their `rule` says why), filtered except by oblast."""
    return [r for r in _windowed(rows, view) if (r.get("lat") is None or r.get("lon") is None) and matches(r, view, oblast=False)]


def choices(rows: Iterable[dict]) -> dict[str, list[str]]:
    """The values each filter can take in `rows`, most frequent first (for the sidebar)."""
    fixed = {"actors": ACTORS, "kinds": KINDS, "statuses": STATUSES}
    rows = rows if isinstance(rows, (list, tuple)) else list(rows)
    # the fixed vocabularies need no count; the others are counted one field at a time
    counters = {name: Counter() if name in fixed else Counter(v for r in rows if (v := facet_value(r, key)))
                for name, (_, key) in _FILTERS.items()}
    canonical = {"claimants": facets.CLAIMANT_ORDER, "sections": facets.AXIS_ORDER}
    out = {}
    for name, counter in counters.items():
        if name in fixed:
            out[name] = list(fixed[name])
        elif name in canonical:
            out[name] = [v for v in canonical[name] if counter.get(v)]
        else:
            out[name] = [v for v, _ in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]
    return out


# -- tempo ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DayCount:
    date: dt.date
    kind: str
    actor: str
    count: int


def tempo_span(rows: Sequence[dict], view: View, min_days: int = 30) -> tuple[dt.date, dt.date] | None:
    """The days the tempo chart covers: the window, but at least the last `min_days` days up to the view's date."""
    dates = report_dates(rows)
    end = end_date(view, dates)
    if end is None:
        return None
    return min(window_start(view, end, dates), end - dt.timedelta(days=min_days - 1)), end


def tempo(rows: Sequence[dict], view: View, min_days: int = 30) -> list[DayCount]:
    """Claims per report day, by kind and actor, over `tempo_span` (so a one-day view still shows
    the trend). Filters apply; every (claim, place) row with a place counts once."""
    counts = _placed_counts(rows, view, min_days, lambda r: (r["report_date"], r["kind"], r["actor"]))
    return [DayCount(dt.date.fromisoformat(d), k, a, n) for (d, k, a), n in sorted(counts.items())]


def _placed_counts(rows: Sequence[dict], view: View, min_days: int, key) -> Counter:
    """Placed rows over `tempo_span` that pass the view's filters, counted by `key(row)`."""
    counts: Counter = Counter()
    span = tempo_span(rows, view, min_days)
    if span is None:
        return counts
    start, end = span
    for r in in_window(rows, view, end, start):
        if r.get("lat") is not None and matches(r, view):
            counts[key(r)] += 1
    return counts


def tempo_by_axis(rows: Sequence[dict], view: View, min_days: int = 30) -> list[tuple[dt.date, str, int]]:
    """Claims per report day on each canonical axis (geo.map.facets) over `tempo_span`, filters applied:
    (day, axis, count), by day then axis."""
    counts = _placed_counts(rows, view, min_days, lambda r: (r["report_date"], facets.axis(r)))
    return [(dt.date.fromisoformat(d), a, n) for (d, a), n in sorted(counts.items())]


def age_opacity(report_date: str, end: dt.date, start: dt.date, faintest: float = 0.3, older: float = 0.75) -> float:
    """Opacity of a claim by its age in the window: 1 on the end date; a visible step down to `older` for the
    day before, then fading to `faintest` on the first day (so today's claims stand out in any window)."""
    span = (end - start).days
    age = (end - dt.date.fromisoformat(report_date)).days
    if span <= 0 or age <= 0:
        return 1.0
    return round(max(faintest, older - (older - faintest) * (age - 1) / max(span - 1, 1)), 3)


__all__ = [
    "View", "WINDOWS", "WINDOW_LABELS", "KINDS", "ACTORS", "STATUSES", "NO_CLAIMANT", "DayCount",
    "report_dates", "end_date", "window_start", "snap_date", "nearest_date", "step_date", "select", "unresolved", "matches", "choices",
    "tempo", "tempo_span", "tempo_by_axis", "age_opacity", "fold", "same_view", "place_key", "new_places", "check_bbox", "bbox_around", "in_bbox",
]
