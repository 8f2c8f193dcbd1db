"""What needs an analyst, the places each item may be, and an analyst's choice as override rows.

`queue(rows, gazetteer)` lists the stored rows the method was unsure of: mentions left unresolved,
places matched by a fuzzy spelling or flagged for a check, and (given a front-line distance) ground
claims far from the front. Each item carries its options: the gazetteer's candidates with their
oblast, the distance to the other places of the sentence and, when known, to the front; plus the
online geocoder's suggestions for a name the gazetteer lacks.

An analyst's choice becomes override rows in the `overrides.csv` format (`accept`, `add_place`,
`block`): a choice that holds in one sentence carries that sentence's `report_date` and `quote`
(the pipeline applies it to that mention), a new spelling or a new place holds everywhere (the
gazetteer applies it). Pure functions: the store records the rows, the pipeline re-resolves.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from geopy.distance import geodesic

from geo.errors import GazetteerError
from geo.models import Place
from geo.places.frontline import FAR_KM, GROUND_KINDS
from geo.places.gazetteer import override_id
from geo.places.names import normalize
from geo.places.resolver import km as sphere_km
from geo.places.suggest import Suggestion

REASONS = ("unresolved", "fuzzy match", "check", "far from the front")
FAR_FROM_FRONT_KM = FAR_KM  # a ground claim farther than this from its day's front line is listed (as the audit does)
MAX_OPTIONS = 12
_CANDIDATE = re.compile(r"^(?P<name>.*) \((?P<admin1>.*), (?P<gid>-?\d+)\)$")

# (report dates ISO, lats, lons) -> km from each point to the front line of its date (None where none is known);
# one call for the whole queue, as front-line distances are measured in batches
FrontDistance = Callable[[Sequence[str], Sequence[float], Sequence[float]], Sequence["float | None"]]


@dataclass(frozen=True)
class Option:
    """A place an item's mention may mean: a gazetteer candidate or a geocoder's suggestion."""

    name: str
    lat: float
    lon: float
    admin1: str
    source: str  # gazetteer | nominatim | geonames
    geonameid: int | None = None  # None for a suggestion that is no GeoNames place
    feature_code: str = ""
    population: int = 0
    label: str = ""  # a suggestion's full label
    current: bool = False  # where the row is placed now
    km_sentence: float | None = None  # to the nearest other placed place of the sentence
    near: str | None = None  # that place
    km_front: float | None = None  # to the front line of the report date (when a front line is known)

    @property
    def key(self) -> str:
        return f"{self.source}:{self.geonameid if self.geonameid is not None else f'{self.lat:.5f},{self.lon:.5f}'}"


@dataclass(frozen=True)
class Item:
    """One stored row that needs a human."""

    row_id: int
    report_date: str
    place: str  # the mention as written
    quote: str
    reason: str  # one of REASONS
    why: str  # the resolver's rule ("ambiguous: 4 candidates ...", "single candidate (fuzzy match)")
    kind: str
    actor: str
    source: str
    placed: bool
    options: tuple[Option, ...] = field(default=())

    @property
    def key(self) -> str:
        """A name for the item that outlives re-resolution (row ids do not): its report date and a digest of
        its sentence and mention, "2024-06-19.3f9a1c07"."""
        return item_key(self.report_date, self.quote, self.place)


def item_key(report_date: str, quote: str, place: str) -> str:
    import hashlib

    digest = hashlib.sha1("\0".join(pick_key(report_date, quote, place)).encode("utf-8")).hexdigest()[:8]
    return f"{report_date}.{digest}"


def reason_of(row: dict, front_km: float | None = None) -> str | None:
    """Why a stored row needs a human, or None."""
    if row.get("lat") is None:
        return "unresolved"
    if row.get("review"):
        return "fuzzy match" if "fuzzy" in str(row.get("rule") or "") else "check"
    if front_km is not None and front_km > FAR_FROM_FRONT_KM and row.get("kind") in GROUND_KINDS \
            and row.get("precision") == "settlement":
        return "far from the front"
    return None


def candidate_ids(row: dict) -> list[int]:
    """The GeoNames ids a stored row lists: its candidates, its place and its runner-up."""
    out: list[int] = []
    for text in [*(row.get("candidates") or ()), row.get("runner_up") or ""]:
        m = _CANDIDATE.match(str(text))
        if m:
            out.append(int(m.group("gid")))
    if row.get("geonameid") is not None:
        out.insert(0, int(row["geonameid"]))
    return list(dict.fromkeys(out))


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Geodesic (WGS 84) distance in km."""
    return _geodesic_km(float(a[0]), float(a[1]), float(b[0]), float(b[1]))


@functools.lru_cache(maxsize=1 << 16)
def _geodesic_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    # the same pairs come back often: a place and its sentence's other places recur from report to report
    return geodesic((lat1, lon1), (lat2, lon2)).km


def queue(
    rows: Iterable[dict],
    gazetteer,
    suggestions: Mapping[str, Sequence[Suggestion]] | None = None,
    front_distance: FrontDistance | None = None,
    near_front: Callable[[dict], bool] | None = None,
    options_front: bool = True,
) -> list[Item]:
    """The rows that need a human, newest report first, each with its options.

    `suggestions` maps a mention (as written) to a geocoder's suggestions for it; `front_distance`, when
    given, measures how far a point lies from the front line of a report date (the "far from the front"
    reason and each option's `km_front`; a row carrying `front_km`, its stored measure, is not measured
    again); `near_front` says which placed rows should lie near it (by default the ground claims: advances
    and attacks). With `options_front` false the options are not measured against the front (see
    `with_front`: a caller showing one item at a time measures only that one)."""
    rows = list(rows)
    suggestions = suggestions or {}
    placed_in: dict[tuple[str, str], list[dict]] = {}
    for r in rows:
        if r.get("lat") is not None:
            placed_in.setdefault((r["report_date"], r["quote"]), []).append(r)
    front_of: dict[int, float | None] = {}
    if front_distance is not None:
        ground = [r for r in rows if r.get("lat") is not None and not r.get("review") and r.get("kind") in GROUND_KINDS
                  and r.get("precision") == "settlement" and (near_front is None or near_front(r))]
        front_of = {id(r): r["front_km"] for r in ground if "front_km" in r}  # measured already (when stored)
        todo = [r for r in ground if "front_km" not in r]
        got = front_distance([r["report_date"] for r in todo], [r["lat"] for r in todo], [r["lon"] for r in todo])
        front_of.update((id(r), d) for r, d in zip(todo, got))
    items = []
    for r in rows:
        reason = reason_of(r, front_of.get(id(r)))
        if reason is None:
            continue
        others = [o for o in placed_in.get((r["report_date"], r["quote"]), ()) if o.get("id") != r.get("id")
                  and normalize(o["place"]) != normalize(r["place"])]
        options = _options(r, gazetteer, suggestions.get(r["place"], ()), others)
        items.append(Item(
            row_id=int(r.get("id") or 0), report_date=r["report_date"], place=r["place"], quote=r["quote"], reason=reason,
            why=str(r.get("rule") or ""), kind=r.get("kind", ""), actor=r.get("actor", ""), source=str(r.get("source") or ""),
            placed=r.get("lat") is not None, options=tuple(options),
        ))
    if front_distance is not None and options_front:
        items = with_front(items, front_distance)
    items.sort(key=lambda i: (i.report_date, -REASONS.index(i.reason)), reverse=True)
    return items


def with_front(items: Sequence[Item], front_distance: FrontDistance) -> list[Item]:
    """The items with each option's distance to the front line of the item's report date (`km_front`)."""
    points = [(i.report_date, o.lat, o.lon) for i in items for o in i.options]
    got = iter(front_distance([p[0] for p in points], [p[1] for p in points], [p[2] for p in points]))
    return [replace(i, options=tuple(replace(o, km_front=None if (d := next(got)) is None else round(d, 1))
                                     for o in i.options)) for i in items]


def _options(row: dict, gazetteer, suggested: Sequence[Suggestion], others: list[dict]) -> list[Option]:
    places: list[Place] = []
    for gid in candidate_ids(row):
        p = gazetteer.get(gid)
        if p is not None:
            places.append(p)
    if len(places) < MAX_OPTIONS:
        for c in gazetteer.lookup(row["place"]):
            if c.place not in places:
                places.append(c.place)
    out: list[Option] = []
    for p in places[:MAX_OPTIONS]:
        out.append(Option(p.name, p.lat, p.lon, p.admin1, "gazetteer", p.geonameid, p.feature_code, p.population,
                          current=row.get("geonameid") == p.geonameid))
    for s in suggested:
        region = gazetteer.region(s.region) if s.region else None
        out.append(Option(s.name, s.lat, s.lon, region.admin1 if region else s.region, s.service, s.geonameid,
                          s.kind, 0, s.label))
    measured = []
    for o in out:
        # the nearest by the resolver's spherical formula (a few hundred times faster), then measured geodesically
        nearest = min(others, key=lambda x: sphere_km((o.lat, o.lon), (x["lat"], x["lon"])), default=None)
        if nearest is None:
            measured.append(o)
        else:
            d = km((o.lat, o.lon), (nearest["lat"], nearest["lon"]))
            measured.append(replace(o, km_sentence=round(d, 1), near=nearest["place"]))
    return measured


def counts(items: Iterable[Item]) -> tuple[Counter, Counter]:
    """(items per reason, items per report date)."""
    items = list(items)
    return Counter(i.reason for i in items), Counter(i.report_date for i in items)


# -- an analyst's choice as override rows ---------------------------------------------------------


def _row(action: str, name: str = "", geonameid: int | None = None, lat: float | None = None, lon: float | None = None,
         admin1: str = "", note: str = "", item: Item | None = None, feature_code: str = "") -> dict:
    return {"action": action, "name": name, "geonameid": "" if geonameid is None else str(geonameid),
            "lat": "" if lat is None else f"{lat:.6f}", "lon": "" if lon is None else f"{lon:.6f}", "admin1": admin1,
            "note": note, "feature_code": feature_code,
            "report_date": item.report_date if item else "", "quote": item.quote if item else ""}


def accept(item: Item, option: Option, gazetteer, note: str = "") -> list[dict]:
    """Put this item's mention on `option`. Always a choice for this sentence; when the gazetteer does not
    know the spelling, also an alias (a gazetteer place) or an added place (a geocoder's suggestion) so every
    report that writes it so finds it."""
    note = note.strip() or f"analyst's choice for {item.place!r} ({item.report_date})"
    known = bool([c for c in gazetteer.lookup(item.place, fuzzy=False)])
    out: list[dict] = []
    gid = option.geonameid
    if option.source == "gazetteer":
        if gid is None or gazetteer.get(gid) is None:
            raise GazetteerError(f"{option.name}: place {gid} is not in the gazetteer in use")
        if not known:
            out.append(_row("alias", item.place, gid, admin1=option.admin1, note=note))
    else:
        added = add_place_rows(item.place, option.lat, option.lon, option.admin1, gazetteer,
                               f"{note}; {option.source}: {option.label}".strip("; "), geonameid=gid,
                               feature_code=option.feature_code if option.feature_code.isupper() else "")
        out.extend(added)
        gid = _added_id(added[0])
    out.append(_row("alias", item.place, gid, note=note, item=item))
    return out


def add_place(item: Item, name: str, lat: float, lon: float, admin1: str, gazetteer, note: str = "") -> list[dict]:
    """A place the gazetteer lacks, named `name`, where the analyst says it is; this mention goes on it."""
    note = note.strip() or f"added by an analyst for {item.place!r} ({item.report_date})"
    added = add_place_rows(name, lat, lon, admin1, gazetteer, note)
    rows = list(added)
    if normalize(name) != normalize(item.place):
        rows.append(_row("alias", item.place, _added_id(added[0]), note=note))
    rows.append(_row("alias", item.place, _added_id(added[0]), note=note, item=item))
    return rows


def add_place_rows(name: str, lat: float, lon: float, admin1: str, gazetteer, note: str, geonameid: int | None = None,
                   feature_code: str = "") -> list[dict]:
    """One checked `add` row."""
    name = " ".join(str(name or "").split())
    if not name:
        raise GazetteerError("a new place needs a name")
    try:
        lat, lon = float(lat), float(lon)
    except (TypeError, ValueError):
        raise GazetteerError(f"{name}: coordinates {lat!r}, {lon!r} are not numbers") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
        raise GazetteerError(f"{name}: {lat}, {lon} is not a position on Earth (latitude first, decimal degrees)")
    region = gazetteer.region(admin1) if str(admin1 or "").strip() else None
    if region is None:
        raise GazetteerError(f"{name}: {admin1!r} is not an oblast or region the gazetteer knows; write it as ISW does "
                             "(Donetsk Oblast, Crimea, Kursk Oblast)")
    return [_row("add", name, geonameid, lat, lon, region.admin1, note, feature_code=feature_code)]


def _added_id(row: dict) -> int:
    if row.get("geonameid"):
        return int(row["geonameid"])
    return override_id(row["name"], float(row["lat"]), float(row["lon"]))


def block(item: Item, option: Option | None = None, note: str = "") -> list[dict]:
    """This spelling must not find `option` (or, without one, anything: the name is no place)."""
    gid = option.geonameid if option is not None else None
    what = f"{option.name} ({option.admin1})" if option is not None else "any place"
    note = note.strip() or f"{item.place!r} is not {what} ({item.report_date})"
    return [_row("block", item.place, gid, note=note)]


# -- applying the choices for one sentence ---------------------------------------------------------


def pick_key(report_date: str, quote: str, place: str) -> tuple[str, str, str]:
    """What a one-sentence choice is keyed by: the report date, the sentence and the mention as written."""
    return (str(report_date), " ".join(str(quote or "").split()), normalize(place))


def picks(corrections: Iterable[dict]) -> dict[tuple[str, str, str], dict]:
    """The one-sentence choices among recorded corrections (a later one wins)."""
    out: dict[tuple[str, str, str], dict] = {}
    for c in corrections:
        if c.get("report_date") and c.get("action") == "alias" and c.get("geonameid") not in (None, ""):
            out[pick_key(c["report_date"], c.get("quote", ""), c["name"])] = c
    return out


def global_rows(corrections: Iterable[dict]) -> list[dict]:
    """The recorded corrections that hold everywhere, as override rows the gazetteer applies."""
    out = []
    for c in corrections:
        if c.get("report_date") or c.get("quote"):
            continue
        row = {k: ("" if c.get(k) is None else str(c.get(k))) for k in
               ("name", "geonameid", "lat", "lon", "admin1", "action", "note", "feature_code")}
        row["_where"] = f"correction {c.get('id', '')} by {c.get('who', '?')} at {c.get('at', '?')}"
        out.append(row)
    return out


def apply_pick(row: dict, choice: dict, gazetteer) -> dict:
    """A row put where an analyst chose (unchanged when the chosen place is not in this gazetteer)."""
    p = gazetteer.get(int(choice["geonameid"]))
    if p is None:
        return row
    precision = "region" if p.feature_class == "A" else "settlement" if p.is_settlement else "feature"
    return {**row, "geonameid": p.geonameid, "lat": round(p.lat, 5), "lon": round(p.lon, 5), "admin1": p.admin1,
            "precision": precision, "rule": f"analyst's choice ({choice.get('who') or '?'}, {choice.get('at') or '?'})",
            "runner_up": None, "margin": None, "review": False, "place_source": p.source, "candidates": []}


# -- the overrides.csv form of the recorded corrections ---------------------------------------------

CSV_COLUMNS = ("name", "geonameid", "lat", "lon", "admin1", "action", "note", "feature_code", "report_date", "quote",
               "who", "at")


def correction_key(row: dict) -> tuple:
    """What makes two correction rows the same correction (who and when aside)."""
    def num(v, digits):
        return "" if v in (None, "") else f"{float(v):.{digits}f}"
    return (str(row.get("action") or "").lower(), normalize(str(row.get("name") or "")),
            "" if row.get("geonameid") in (None, "") else str(int(row["geonameid"])), num(row.get("lat"), 5),
            num(row.get("lon"), 5), str(row.get("report_date") or ""), " ".join(str(row.get("quote") or "").split()))


def overrides_csv(recorded: Iterable[dict], kept: Iterable[dict] = (), header: str = "") -> str:
    """The corrections as an overrides.csv: `kept` rows (of the file being written over) that the store
    does not hold first, then every recorded correction once (the latest copy)."""
    import csv
    import io

    recorded = list(recorded)
    mine = {correction_key(r) for r in recorded}
    latest: dict[tuple, dict] = {}
    for r in recorded:
        latest.pop(correction_key(r), None)
        latest[correction_key(r)] = r
    out = io.StringIO()
    out.write(header)
    w = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in kept:
        if correction_key(r) not in mine:
            w.writerow({k: ("" if r.get(k) is None else r.get(k)) for k in CSV_COLUMNS})
    for r in latest.values():
        w.writerow({k: ("" if r.get(k) is None else r.get(k)) for k in CSV_COLUMNS})
    return out.getvalue()
