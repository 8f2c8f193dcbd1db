"""The front line of a day: DeepState-style snapshots of Russian-occupied Ukraine and distances to them.

Reads every shape the data comes in:

- DeepStateMap's raw map layer (its history API, archives of it): polygons named
  "Окуповано /// Occupied /// geoJSON.status.occupied", "... /// geoJSON.status.unknown" (the grey
  zone), "Occupied Crimea", "ОРДЛО", plus liberated areas, unit markers and historical or foreign
  "occupied" areas (Transnistria, Abkhazia, Karelia, ...), which are dropped;
- daily files of one unnamed MultiPolygon (the cyterat archive): all of it is occupied;
- this project's own compact files: features with `properties.status` `occupied` / `unknown`;
- any of these gzipped.

Only the occupied and grey-zone areas of Ukraine are kept: polygons are classified by DeepState's
status key (or, in its early files, the Ukrainian name), then clipped to Ukraine's bounding box,
which drops what lies beyond it. A snapshot's date comes from the file (`properties.date`), its
name (YYYYMMDD, YYYY-MM-DD or the Unix time DeepState's history files are named by), or the caller.

The front line is the occupied area's edge where it faces Ukrainian-held land (Ukraine's outline, shipped
from Natural Earth, less the occupied area): not the coast, not the border with Russia. Distances are
measured in a sinusoidal projection centred on 34°E (under 0.5% error over Ukraine): from a point to the
line, and 0 inside the grey zone. Each snapshot builds an STRtree of its line once; a distance query is
vectorised over many points.

    snap = parse_snapshot(Path("1718484340.geojson").read_bytes(), "1718484340.geojson")
    snap.distance_km([48.13], [37.74])          # -> array([...]) km to the front that day
    series = FrontSeries.shipped()               # the weekly series shipped with the package
    series.on_or_before(dt.date(2024, 6, 19))    # the snapshot of that week (within 14 days) or None
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import math
import re
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import box, mapping, shape

from geo.errors import GeoError

SHIPPED_DIR = Path(__file__).resolve().parent / "data" / "frontline"
OUTLINE_FILE = Path(__file__).resolve().parent / "data" / "ukraine_outline.geojson"  # Natural Earth, without Crimea
OUTLINE_MARGIN_KM = 3.0  # the occupied area's edge this close to Ukraine's border or coast is not the front
MIN_HELD_KM2 = 300.0  # smaller pieces of "Ukrainian-held" land are slivers between two coastlines
HELD_DEG2_KM2 = 111.2 ** 2 * 0.67  # km² per square degree around 48°N
HELD_REACH_DEG = 0.12  # the edge within ~9-13 km of held land faces it: across a river, an estuary or a reservoir too
CREDIT = "DeepStateMap (deepstatemap.live)"
UKRAINE_BOX = (22.0, 44.0, 40.5, 52.5)  # lon/lat: mainland Ukraine, Crimea and the Sea of Azov coast
MAX_AGE_DAYS = 14  # a snapshot older than this does not show a day's front
STALE_DAYS = 30  # ... but one this old still says where the fighting was, between namesakes
MAX_BYTES = 64 * 2**20  # a raw DeepStateMap layer is under 1 MB; more is not a snapshot

LON0 = 34.0  # central meridian of the distance projection
KM_PER_DEG = math.pi * 6371.0088 / 180


class FrontlineError(GeoError, ValueError):
    """A front-line file cannot be used: not GeoJSON, or no occupied / grey-zone polygon of Ukraine."""


# -- classifying DeepState's polygons ---------------------------------------------------------------

_OCCUPIED_KEYS = ("status.occupied", "territories.crimea", "territories.ordlo", "territories.tuzla")
_UNKNOWN_KEYS = ("status.unknown",)
_OCCUPIED_WORDS = re.compile(r"окупован|ордло|\bкрим\b|зайняті ворогом|\boccupied\b|\bordlo\b|cadr|calr", re.I)
_UNKNOWN_WORDS = re.compile(r"під питанням|невідомо|статус невідомий|unknown|grey zone|gray zone|contested", re.I)
_DROP_WORDS = re.compile(r"звільнен|liberated|dismissed|придністров|transnistria|abkhaz|tskhinval|petsamo|salla|karelia|"
                         r"ichkeria|ічкері|prussia|пруссі|estonia|естоні|latvia|латві|kuril|курил|pechor|saatse|georgia", re.I)


OVERLAY_COLOURS = {"occupied": "#a52714", "liberated": "#0f9d58", "unknown": "#bcaaa4"}  # DeepStateMap's own
OVERLAY_LABELS = {"occupied": "Russian-occupied", "liberated": "Liberated", "unknown": "Grey zone (status unknown)"}
_LIBERATED_WORDS = re.compile(r"звільнен|\bliberated\b", re.I)


def area_status(props: dict | None) -> str | None:
    """What a polygon's own data says it is: 'occupied', 'unknown', 'liberated', or None (an unnamed polygon,
    a foreign or historical territory, anything else). From `status`, else DeepState's name and its key."""
    props = props if isinstance(props, dict) else {}
    status = props.get("status")
    if isinstance(status, str) and status.strip():
        s = status.strip().lower()
        if s in ("occupied", "unknown", "liberated"):
            return s
        return "unknown" if s in ("grey", "gray", "contested", "grey zone", "gray zone") else None
    name = props.get("name")
    if not isinstance(name, str) or not name.strip():
        return None
    text = name.replace("\xa0", " ")
    parts = [p.strip() for p in text.split("///")]
    key = parts[2] if len(parts) >= 3 else ""
    if key.startswith("geoJSON."):
        if "status.dismissed" in key:
            return "liberated"
        if any(k in key for k in _OCCUPIED_KEYS):
            return "occupied"
        if any(k in key for k in _UNKNOWN_KEYS):
            return "unknown"
        return None
    if _LIBERATED_WORDS.search(text):
        return "liberated"
    if _DROP_WORDS.search(text):
        return None
    if _UNKNOWN_WORDS.search(text):
        return "unknown"
    if _OCCUPIED_WORDS.search(text):
        return "occupied"
    return None


def classify(props: dict | None) -> str | None:
    """'occupied', 'unknown' or None (dropped) for a polygon feature's properties.

    Our own files say `status`; DeepState's name carries an i18n key after the second '///'
    ("geoJSON.status.occupied", "geoJSON.territories.crimea"); its early files only a Ukrainian
    name ("Окуповано", "Під питанням"). An unnamed polygon (the cyterat files) is occupied.
    Liberated areas and the historical / foreign "occupied" territories are dropped."""
    props = props if isinstance(props, dict) else {}
    if not any(isinstance(props.get(k), str) and props[k].strip() for k in ("name", "title", "status")):
        return "occupied"
    status = area_status(props)
    return status if status in ("occupied", "unknown") else None


# -- reading files -----------------------------------------------------------------------------------

_DAY = re.compile(r"(?<!\d)(20\d\d)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?!\d)")
_EPOCH = re.compile(r"(?<!\d)(1[4-9]\d{8})(?!\d)")


def date_from_name(name: str) -> dt.date | None:
    """The day a snapshot file shows, from its name: YYYYMMDD / YYYY-MM-DD, or a Unix time in seconds
    (DeepStateMap history files). None when the name carries no date."""
    name = Path(name).name
    if m := _DAY.search(name):
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    if m := _EPOCH.search(name):
        return dt.datetime.fromtimestamp(int(m[1]), dt.timezone.utc).date()
    return None


def decode(raw: bytes, label: str) -> dict:
    """Parse GeoJSON bytes (gzipped or not); DeepState's API sometimes wraps the layer as {"map": {...}}."""
    if len(raw) > MAX_BYTES:
        raise FrontlineError(f"{label}: {len(raw) / 2**20:.0f} MB is more than a front-line snapshot may be "
                             f"({MAX_BYTES / 2**20:.0f} MB)")
    if raw[:2] == b"\x1f\x8b":
        try:
            inflater = zlib.decompressobj(wbits=31)
            out = inflater.decompress(raw, MAX_BYTES + 1)
        except zlib.error as e:
            raise FrontlineError(f"{label}: a damaged gzip file ({e}); download it again") from e
        if len(out) > MAX_BYTES:
            raise FrontlineError(f"{label}: unpacks to more than {MAX_BYTES / 2**20:.0f} MB; not a front-line snapshot")
        raw = out
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise FrontlineError(f"{label}: not GeoJSON ({e}); give a .geojson file (or .geojson.gz) of DeepStateMap's layer") from e
    except RecursionError as e:
        raise FrontlineError(f"{label}: not GeoJSON (nested too deeply)") from e
    if isinstance(data, dict) and isinstance(data.get("map"), dict):
        data = data["map"]
    if not isinstance(data, dict) or data.get("type") not in ("FeatureCollection", "Feature", "Polygon", "MultiPolygon",
                                                              "GeometryCollection"):
        raise FrontlineError(f"{label}: not GeoJSON (no FeatureCollection, Feature or geometry at the top); "
                             "give a .geojson file of DeepStateMap's layer")
    return data


def _features(data: dict) -> Iterable[tuple[dict, dict]]:
    t = data.get("type")
    if t == "FeatureCollection":
        for f in data.get("features") or []:
            if isinstance(f, dict) and isinstance(f.get("geometry"), dict):
                yield f["geometry"], f.get("properties") or {}
    elif t == "Feature":
        if isinstance(data.get("geometry"), dict):
            yield data["geometry"], data.get("properties") or {}
    else:
        yield data, {}


def _polygons(geom: dict) -> list:
    """The polygons of a GeoJSON geometry (through GeometryCollections), 2D, repaired; [] for others."""
    t = geom.get("type")
    if t == "GeometryCollection":
        return [p for g in geom.get("geometries") or [] if isinstance(g, dict) for p in _polygons(g)]
    if t not in ("Polygon", "MultiPolygon"):
        return []
    try:
        g = shapely.force_2d(shape(geom))
    except (ValueError, TypeError, AttributeError, shapely.errors.GEOSException):
        return []
    if not g.is_valid:
        g = shapely.make_valid(g)
    return _polygon_parts(g)


def _polygon_parts(g) -> list:
    """The non-empty Polygons inside any shapely geometry."""
    if g.geom_type == "Polygon":
        return [] if g.is_empty else [g]
    if g.geom_type in ("MultiPolygon", "GeometryCollection"):
        return [p for part in shapely.get_parts(g) for p in _polygon_parts(part)]
    return []


def _properties_date(data: dict) -> dt.date | None:
    for _, props in _features(data):
        value = props.get("date") if isinstance(props, dict) else None
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


@dataclass
class Snapshot:
    """Russian-occupied Ukraine (and DeepState's grey zone) on one day, lon/lat shapely geometries."""

    date: dt.date
    occupied: object  # shapely (Multi)Polygon, maybe empty
    unknown: object = field(default_factory=shapely.geometry.Polygon)
    source: str = ""

    @cached_property
    def line(self):
        """The front line (lon/lat): the occupied area's edge where it faces Ukrainian-held land, i.e. without
        the coast and the border with Russia (those within OUTLINE_MARGIN_KM of Ukraine's outline). The whole
        edge when no outline is available."""
        if self.occupied.is_empty:
            return shapely.geometry.LineString()
        edge = shapely.boundary(self.occupied)
        outline = _inner_outline()
        if outline is None:
            return edge
        held = shapely.difference(outline, self.occupied)
        # slivers between the occupied coast and the outline's coarser coast are not Ukrainian-held land
        held = shapely.union_all([p for p in _polygon_parts(held) if p.area * HELD_DEG2_KM2 >= MIN_HELD_KM2])
        return shapely.intersection(edge, shapely.buffer(shapely.simplify(held, 0.01), HELD_REACH_DEG, quad_segs=2))

    @cached_property
    def _tree(self) -> tuple[shapely.STRtree, list]:
        """An STRtree of the front line (short pieces of line) and the grey-zone polygons, projected."""
        items = []
        edge = _project(self.line) if not self.line.is_empty else None
        if edge is not None:
            for line in shapely.get_parts(edge):
                coords = shapely.get_coordinates(line)
                for i in range(0, len(coords) - 1, 16):  # pieces of 16 segments: a small tree, cheap leaves
                    items.append(shapely.linestrings(coords[i:i + 17]))
        if not self.unknown.is_empty:
            items.extend(shapely.get_parts(_project(self.unknown)))
        return shapely.STRtree(items), items

    def distance_km(self, lats: Sequence[float], lons: Sequence[float]) -> np.ndarray:
        """Distance in km from each point to the front: the occupied area's edge, or 0 inside the grey zone."""
        lats, lons = np.asarray(lats, dtype=float), np.asarray(lons, dtype=float)
        out = np.full(lats.shape, np.inf)
        tree, items = self._tree
        if not items or not len(lats):
            return out
        pts = shapely.points(np.column_stack(_xy(lons, lats)))
        (i_pts, _), dist = tree.query_nearest(pts, return_distance=True, all_matches=False)
        out[i_pts] = dist
        return out

    def inside(self, lats: Sequence[float], lons: Sequence[float]) -> np.ndarray:
        """Which points lie inside the occupied area."""
        return shapely.contains_xy(self._prepared, np.asarray(lons, dtype=float), np.asarray(lats, dtype=float))

    @cached_property
    def _prepared(self):
        g = self.occupied
        shapely.prepare(g)
        return g

    @cached_property
    def area_km2(self) -> float:
        return float(shapely.area(_project(self.occupied))) if not self.occupied.is_empty else 0.0

    def to_geojson(self, decimals: int = 4) -> dict:
        """The snapshot as this project's compact GeoJSON: one feature per status, coordinates rounded."""
        feats = []
        for status, geom in (("occupied", self.occupied), ("unknown", self.unknown)):
            if geom.is_empty:
                continue
            g = shapely.set_precision(geom, 10 ** -decimals)
            if g.is_empty:
                continue
            feats.append({"type": "Feature", "properties": {"status": status, "date": self.date.isoformat(), "source": self.source},
                          "geometry": mapping(g)})
        return {"type": "FeatureCollection", "features": feats}

    def overlay_data(self, decimals: int = 4) -> dict:
        """GeoJSON for the map: the occupied area, the grey zone and the front line, each feature carrying
        its `status` (occupied / unknown / line)."""
        data = self.to_geojson(decimals)
        if not self.line.is_empty:
            line = shapely.set_precision(shapely.line_merge(self.line) if self.line.geom_type == "MultiLineString" else self.line,
                                         10 ** -decimals)
            data["features"].append({"type": "Feature", "properties": {"status": "line", "date": self.date.isoformat()},
                                     "geometry": mapping(line)})
        return data


def _xy(lons: np.ndarray, lats: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return (lons - LON0) * KM_PER_DEG * np.cos(np.radians(lats)), lats * KM_PER_DEG


def _unproject(geom):
    """The inverse of `_project`."""
    def f(c: np.ndarray) -> np.ndarray:
        lat = c[:, 1] / KM_PER_DEG
        return np.column_stack((c[:, 0] / (KM_PER_DEG * np.cos(np.radians(lat))) + LON0, lat))

    return shapely.transform(geom, f)


_OUTLINE: dict = {}


def _outline_parts() -> dict:
    """The shipped outline file (Natural Earth 1:50m): "inner", Ukraine without Crimea shrunk by OUTLINE_MARGIN_KM
    (lon/lat), and "border", Ukraine's land border with Russia (projected); {} when the file is missing."""
    if "loaded" not in _OUTLINE:
        _OUTLINE["loaded"] = True
        try:
            data = json.loads(OUTLINE_FILE.read_text(encoding="utf-8"))
            areas = [shape(f["geometry"]) for f in data["features"] if f["geometry"]["type"] in ("Polygon", "MultiPolygon")]
            lines = [shape(f["geometry"]) for f in data["features"] if "LineString" in f["geometry"]["type"]]
            _OUTLINE["inner"] = _unproject(shapely.buffer(_project(shapely.union_all(areas)), -OUTLINE_MARGIN_KM))
            if lines:
                border = _project(shapely.union_all(lines))
                shapely.prepare(border)
                _OUTLINE["border"] = border
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass
    return _OUTLINE


def _inner_outline():
    return _outline_parts().get("inner")


def border_km(lats: Sequence[float], lons: Sequence[float]) -> np.ndarray:
    """Km from each point to Ukraine's land border with Russia (infinity without the shipped outline)."""
    border = _outline_parts().get("border")
    lats, lons = np.asarray(lats, dtype=float), np.asarray(lons, dtype=float)
    if border is None or not len(lats):
        return np.full(lats.shape, np.inf)
    return shapely.distance(border, shapely.points(np.column_stack(_xy(lons, lats))))


def _project(geom):
    """lon/lat -> km in a sinusoidal projection centred on LON0."""
    def f(c: np.ndarray) -> np.ndarray:
        x, y = _xy(c[:, 0], c[:, 1])
        return np.column_stack((x, y))

    return shapely.transform(geom, f)


def parse_snapshot(raw: bytes | dict, label: str, day: dt.date | None = None, simplify: float = 0.0) -> Snapshot:
    """A snapshot from the bytes (or parsed JSON) of a DeepState-style file.

    The date is `day`, else the file's `properties.date`, else the one in `label` (its name).
    `simplify` (degrees) simplifies the kept areas (0: as they are). Raises FrontlineError naming
    `label` when the file is not GeoJSON, has no date, or holds no occupied / grey-zone polygon of Ukraine."""
    data = raw if isinstance(raw, dict) else decode(raw, label)
    kept: dict[str, list] = {"occupied": [], "unknown": []}
    n_polygons = 0
    frame = box(*UKRAINE_BOX)
    for geom, props in _features(data):
        polys = _polygons(geom)
        n_polygons += len(polys)
        status = classify(props) if polys else None
        if status is None:
            continue
        for p in polys:
            if shapely.contains(frame, p):  # this project's own files: already inside, nothing to clip
                kept[status].append(p)
                continue
            clipped = shapely.intersection(p, frame)
            if not clipped.is_empty and clipped.area > 0:
                kept[status].append(clipped)
    if not kept["occupied"] and not kept["unknown"]:
        what = "no polygon at all" if not n_polygons else f"{n_polygons} polygon(s), none an occupied or grey-zone area of Ukraine"
        raise FrontlineError(f"{label}: {what}; give DeepStateMap's layer (raw, cyterat daily or this project's weekly files)")
    when = day or _properties_date(data) or date_from_name(label)
    if when is None:
        raise FrontlineError(f"{label}: no date in the file or its name; name it YYYY-MM-DD.geojson or pass the date")
    occupied = _union(kept["occupied"], simplify)
    unknown = _union(kept["unknown"], simplify)
    if not unknown.is_empty and not occupied.is_empty:
        unknown = shapely.difference(unknown, occupied)
    source = ""
    for _, props in _features(data):
        if isinstance(props, dict) and isinstance(props.get("source"), str):
            source = props["source"][:200]
            break
    return Snapshot(when, occupied, unknown, source or Path(label).name[:200])


def _union(polys: list, simplify: float):
    if not polys:
        return shapely.geometry.Polygon()
    g = polys[0] if len(polys) == 1 else shapely.union_all(polys)
    if simplify:
        g = shapely.simplify(g, simplify, preserve_topology=True)
    parts = _polygon_parts(shapely.make_valid(g) if not g.is_valid else g)
    return shapely.multipolygons(parts) if len(parts) > 1 else (parts[0] if parts else shapely.geometry.Polygon())


def snapshot_files(paths: Iterable[Path]) -> list[Path]:
    """The snapshot files among `paths` (folders searched recursively): .geojson, .json and their .gz."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and _is_geojson_name(f.name)))
        else:
            out.append(p)
    return out


def _is_geojson_name(name: str) -> bool:
    n = name.lower()
    return n.endswith((".geojson", ".json", ".geojson.gz", ".json.gz"))


# -- a dated series ---------------------------------------------------------------------------------


class FrontSeries:
    """Snapshots by date, each read when first needed: the shipped weekly series and/or stored imports.

    `loaders` maps a date to a function returning that day's Snapshot (later sources override earlier)."""

    def __init__(self, loaders: dict[dt.date, Callable[[], Snapshot]] | None = None, max_age: int = MAX_AGE_DAYS):
        self.loaders = dict(sorted((loaders or {}).items()))
        self.max_age = max_age
        self._cache: dict[dt.date, Snapshot] = {}
        self._dates = list(self.loaders)

    @classmethod
    def shipped(cls, folder: Path = SHIPPED_DIR) -> FrontSeries:
        """The weekly series shipped with the package (geo/places/data/frontline)."""
        loaders = {}
        for f in sorted(Path(folder).glob("*.geojson.gz")) if Path(folder).is_dir() else []:
            day = date_from_name(f.name)
            if day is not None:
                loaders[day] = _file_loader(f, day)
        return cls(loaders)

    def merged(self, loaders: dict[dt.date, Callable[[], Snapshot]]) -> FrontSeries:
        """This series with `loaders` added (they win on the same date)."""
        return FrontSeries({**self.loaders, **loaders}, self.max_age)

    def __len__(self) -> int:
        return len(self._dates)

    def __bool__(self) -> bool:
        return bool(self._dates)

    def dates(self) -> list[dt.date]:
        return list(self._dates)

    def date_for(self, day: dt.date) -> dt.date | None:
        """The date of the latest snapshot on or before `day`, if it is at most `max_age` days older."""
        import bisect

        i = bisect.bisect_right(self._dates, day)
        if i == 0:
            return None
        found = self._dates[i - 1]
        return found if (day - found).days <= self.max_age else None

    def get(self, day: dt.date) -> Snapshot:
        snap = self._cache.get(day)
        if snap is None:
            snap = self._cache[day] = self.loaders[day]()
        return snap

    def on_or_before(self, day: dt.date) -> Snapshot | None:
        """The front as of `day`: the latest snapshot on or before it within `max_age` days, else None."""
        found = self.date_for(day)
        return self.get(found) if found is not None else None

    def prior_for(self, day: dt.date, stale_days: int = STALE_DAYS) -> Snapshot | None:
        """The front line as a prior for placing the claims of a report of `day` between namesakes: the latest snapshot
        on or before `day` within `stale_days`, not only `max_age` (the series has a gap: a snapshot of 3 April 2022
        and one of 1 September before the weekly series begins on 3 October). Not for measuring claims against the
        front of their day (the audit keeps `on_or_before`); never a later snapshot (the front the report saw)."""
        import bisect

        i = bisect.bisect_right(self._dates, day)
        if i == 0 or (day - self._dates[i - 1]).days > stale_days:
            return None
        return self.get(self._dates[i - 1])

    def distances(self, days: Sequence[dt.date], lats: Sequence[float], lons: Sequence[float]) -> list[tuple[dt.date | None, float | None]]:
        """For each point, (snapshot date, km to the front of its day); (None, None) when no snapshot covers the day."""
        out: list[tuple[dt.date | None, float | None]] = [(None, None)] * len(days)
        groups: dict[dt.date, list[int]] = {}
        for i, d in enumerate(days):
            found = self.date_for(d)
            if found is not None and lats[i] is not None and lons[i] is not None:
                groups.setdefault(found, []).append(i)
        for found, idx in groups.items():
            snap = self.get(found)
            km = snap.distance_km([lats[i] for i in idx], [lons[i] for i in idx])
            for i, d in zip(idx, km):
                out[i] = (found, float(d) if math.isfinite(d) else None)
        return out


def _file_loader(path: Path, day: dt.date) -> Callable[[], Snapshot]:
    def load() -> Snapshot:
        try:
            raw = path.read_bytes()
        except OSError as e:
            raise FrontlineError(f"{path}: cannot read the front-line file ({e.strerror})") from e
        return parse_snapshot(raw, str(path), day)

    return load


def bytes_loader(raw: bytes, label: str, day: dt.date) -> Callable[[], Snapshot]:
    """A loader for a snapshot kept as bytes (e.g. in the store)."""
    return lambda: parse_snapshot(raw, label, day)


def encode(snapshot: Snapshot) -> bytes:
    """The compact gzipped GeoJSON of a snapshot (what the store and the shipped series hold)."""
    text = json.dumps(snapshot.to_geojson(), separators=(",", ":"), ensure_ascii=False)
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


# -- which claims are expected near the front ---------------------------------------------------------

GROUND_KINDS = ("advance", "attack")
_PARTISAN = re.compile(r"\b(?:partisans?|saboteurs?|sabotage|guerrillas?)\b", re.I)
FAR_KM = 25.0
BORDER_KM = 10.0  # a ground claim this close to the border with Russia, and closer to it than to the line, is cross-border


def expected_far(row: dict, ukraine_regions: frozenset[str], line_km: float | None = None,
                 to_border_km: float | None = None) -> str | None:
    """Why a claim need not lie near the front, or None when it should: strikes (partisan attacks and
    sabotage are strikes too) reach far behind the line; claims in Russia, and ground claims on Ukraine's
    border with Russia (within BORDER_KM of it and nearer to it than to the line), are cross-border fighting,
    where the series (occupied Ukraine) draws no line."""
    admin1 = row.get("admin1")
    if row.get("kind") not in GROUND_KINDS:
        if _PARTISAN.search(row.get("quote") or ""):
            return "partisan attack: expected away from the front"
        if admin1 and admin1 not in ukraine_regions:
            return "cross-border strike: expected away from the front"
        return "strike: expected away from the front"
    if admin1 and admin1 not in ukraine_regions:
        return "cross-border: in Russia, where the series maps no line"
    if to_border_km is not None and to_border_km <= BORDER_KM and (line_km is None or to_border_km < line_km):
        return f"cross-border: {to_border_km:.0f} km from the border with Russia"
    return None


def ukraine_regions() -> frozenset[str]:
    """The admin1 names of Ukraine's oblasts (and Crimea, Kyiv and Sevastopol) as the rows write them."""
    import csv

    with open(Path(__file__).resolve().parent / "data" / "regions.csv", encoding="utf-8", newline="") as f:
        return frozenset(r["name"] for r in csv.DictReader(f) if r["country"] == "UA")


# -- the audit: claims against the front of their day -----------------------------------------------

CHECK_LABEL = "far from the front: check"


def front_check(row: dict, km: float = FAR_KM) -> str | None:
    """What the map and the table say about a row measured against the front (`front_km`, `front_note` as
    `geo.pipeline.measure_front` records them): "far from the front: check" for a ground claim farther than
    `km`, the expected-far label for strikes and claims in Russia, None otherwise."""
    note = row.get("front_note")
    if note:
        return note if not note.startswith("no front-line snapshot") else None
    dist = row.get("front_km")
    if dist is not None and row.get("kind") in GROUND_KINDS and dist > km:
        return CHECK_LABEL
    return None


@dataclass
class Audit:
    """Ground claims at settlement level, on dates a snapshot covers, measured against the front of their day."""

    km: float
    checked: list[dict]  # the rows in scope
    far: list[dict]  # those farther than `km`
    expected_far: int = 0  # strikes and claims in Russia (labelled, not flagged)
    uncovered: int = 0  # ground claims on days no snapshot covers

    @property
    def within_share(self) -> float:
        return 1 - len(self.far) / len(self.checked) if self.checked else 0.0


def audit(rows: Iterable[dict], km: float = FAR_KM) -> Audit:
    """Sort measured rows (with `front_km`, `front_note`) into the audit's figures; the far ones farthest first."""
    checked, far, expected, uncovered = [], [], 0, 0
    for r in rows:
        if r.get("lat") is None:
            continue
        note = r.get("front_note") or ""
        ground = r.get("kind") in GROUND_KINDS and r.get("precision") == "settlement"
        near = r.get("front_km") is not None and r["front_km"] <= km
        if note and not note.startswith("no front-line snapshot") and not (note.startswith("cross-border") and ground and near):
            expected += 1  # a cross-border ground claim counts when it lies near the line after all
            continue
        if not ground:
            continue
        if r.get("front_km") is None:
            uncovered += 1
            continue
        checked.append(r)
        if r["front_km"] > km:
            far.append(r)
    far.sort(key=lambda r: (-r["front_km"], r.get("report_date") or ""))
    return Audit(km, checked, far, expected, uncovered)


# -- DeepStateMap's history API ------------------------------------------------------------------------


def deepstate_plan(listing, days: Sequence[dt.date]) -> list[tuple[dt.date, int]]:
    """From the history API's list (`/public`: records with an `id`, the snapshot's Unix time, and
    `createdAt`), the record to fetch for each of `days`: the day's last. Days without one are left out."""
    if not isinstance(listing, list):
        raise ValueError("expected a list of records")
    wanted = set(days)
    last: dict[dt.date, tuple[dt.datetime, int]] = {}
    for rec in listing:
        if not isinstance(rec, dict):
            continue
        ident = rec.get("id")
        if not isinstance(ident, int) or isinstance(ident, bool):
            continue
        when = None
        for key in ("createdAt", "datetime", "updatedAt"):
            value = rec.get(key)
            if isinstance(value, str):
                try:
                    when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
                    break
                except ValueError:
                    continue
        if when is None:
            when = dt.datetime.fromtimestamp(ident, dt.timezone.utc)
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.timezone.utc)
        day = when.astimezone(dt.timezone.utc).date()
        if day in wanted and (day not in last or when > last[day][0]):
            last[day] = (when, ident)
    return sorted((d, ident) for d, (_, ident) in last.items())
