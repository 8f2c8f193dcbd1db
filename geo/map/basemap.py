"""The offline basemap that ships with the package, drawn under the tiles (and alone with no tiles).

`basemap(bbox)` returns, as a GeoJSON FeatureCollection whose features carry their Leaflet `style`:
muted land with the lakes and reservoirs cut out (the sea and lakes are the map's background
colour), the coastline, rivers, the lines between Ukraine's oblasts and the international borders.
Inside the theatre (THEATRE, 20-47 E, 41-56 N) the shorelines and rivers are GSHHG "high"
resolution (a shore village stays on land at zoom 10), outside it Natural Earth 1:50m land. The data
file `data/theatre-basemap.json` is built by `geo/map/data/build_basemap.py` from those sources
(credits and licences in `data/theatre-basemap.LICENSE.txt`); world-atlas's TopoJSON
(`countries-50m.json`) is decoded here for the borders. Pure: no folium, no network.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from geo.errors import GeoError

DATA = Path(__file__).resolve().parent / "data"
WORLD_ATLAS = DATA / "countries-50m.json"
THEATRE_FILE = DATA / "theatre-basemap.json"
CREDIT = "basemap: GSHHG (LGPL), Natural Earth, geoBoundaries"
# West, south, east, north: the theatre and its neighbours (Russia is kept whole when it touches).
THEATRE_BBOX = WORLD_BBOX = (12.0, 38.0, 62.0, 62.0)


def decode_arcs(topology: dict) -> list[list[list[float]]]:
    """The topology's arcs as absolute [lon, lat] points (quantized, delta-encoded arcs undone)."""
    transform = topology.get("transform")
    out = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            pts = []
            for dx, dy in arc:
                x += dx
                y += dy
                pts.append([round(x * sx + tx, 3), round(y * sy + ty, 3)])
        else:
            pts = [[round(p[0], 3), round(p[1], 3)] for p in arc]
        out.append(pts)
    return out


def _ring(indexes: list[int], arcs: list) -> list[list[float]]:
    pts: list[list[float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts.extend(arc if not pts else arc[1:])
    return pts


def _geometry(geom: dict, arcs: list) -> dict | None:
    kind = geom.get("type")
    if kind == "Polygon":
        return {"type": "Polygon", "coordinates": [_ring(r, arcs) for r in geom["arcs"]]}
    if kind == "MultiPolygon":
        return {"type": "MultiPolygon", "coordinates": [[_ring(r, arcs) for r in poly] for poly in geom["arcs"]]}
    if kind == "LineString":
        return {"type": "LineString", "coordinates": _ring(geom["arcs"], arcs)}
    if kind == "MultiLineString":
        return {"type": "MultiLineString", "coordinates": [_ring(r, arcs) for r in geom["arcs"]]}
    return None  # null geometries; points do not occur in boundary files


def features(topology: dict, name: str) -> list[dict]:
    """The GeoJSON features of object `name` of a TopoJSON topology."""
    arcs = decode_arcs(topology)
    out = []
    for geom in topology["objects"][name]["geometries"]:
        g = _geometry(geom, arcs)
        if g is not None:
            out.append({"type": "Feature", "properties": dict(geom.get("properties") or {}), "geometry": g})
    return out


def _bbox(geometry: dict) -> tuple[float, float, float, float]:
    xs, ys = [], []

    def walk(c):
        if c and isinstance(c[0], (int, float)):
            xs.append(c[0])
            ys.append(c[1])
        else:
            for sub in c:
                walk(sub)

    walk(geometry["coordinates"])
    return min(xs), min(ys), max(xs), max(ys)


def _load(path: Path) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise GeoError(f"{path}: cannot read the basemap outlines ({e}); reinstall the package") from e


def _touches(bbox: tuple[float, float, float, float], coords) -> bool:
    w, s, e, n = bbox
    fw, fs, fe, fn = _bbox({"coordinates": coords})
    return fw <= e and fe >= w and fs <= n and fn >= s


def _inside(pt: tuple[float, float], ring: list) -> bool:
    x, y, hit = pt[0], pt[1], False
    for i in range(len(ring)):
        (x1, y1), (x2, y2) = ring[i], ring[i - 1]
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            hit = not hit
    return hit


CRIMEA = (34.1, 45.0)  # a point inside the peninsula


def world_land_and_borders(path: Path = WORLD_ATLAS, bbox: tuple[float, float, float, float] = WORLD_BBOX) -> dict:
    """Natural Earth land polygons (coordinates) and international land borders (lines) near `bbox`
    from world-atlas's countries topology.

    Natural Earth 4.1's de-facto countries put Crimea in Russia; the borders here follow the
    internationally recognised line (no border at Perekop): control of territory is what the
    front-line overlays show, not the basemap.
    """
    topo = _load(path)
    try:
        arcs = decode_arcs(topo)
        land: list = []
        for g in topo["objects"]["land"]["geometries"]:
            geom = _geometry(g, arcs)
            if geom is None:
                continue
            polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
            land.extend(p for p in polys if _touches(bbox, p))
        owners: dict[int, set[str]] = {}
        crimea_arcs: set[int] = set()
        for g in topo["objects"]["countries"]["geometries"]:
            name = (g.get("properties") or {}).get("name", str(g.get("id")))
            polys = [g["arcs"]] if g.get("type") == "Polygon" else (g.get("arcs") or []) if g.get("type") == "MultiPolygon" else []
            for poly in polys:
                for ring in poly:
                    for i in ring:
                        owners.setdefault(i if i >= 0 else ~i, set()).add(name)
                if name == "Russia" and poly and _inside(CRIMEA, _ring(poly[0], arcs)):
                    crimea_arcs.update(i if i >= 0 else ~i for ring in poly for i in ring)
    except (KeyError, TypeError, IndexError) as e:
        raise GeoError(f"{path}: not a world-atlas countries topology ({e}); reinstall the package") from e
    borders = [arcs[i] for i, names in owners.items()
               if len(names) > 1 and i not in crimea_arcs and _touches(bbox, arcs[i])]
    return {"land": land, "borders": borders}


# Layer of the data file -> (feature name, GeoJSON type, style). Drawn in this order.
LAYERS = (
    ("outer_land", "land", "MultiPolygon"),
    ("land", "land", "MultiPolygon"),
    ("coast", "coast", "MultiLineString"),
    ("rivers", "rivers", "MultiLineString"),
    ("oblasts", "oblasts", "MultiLineString"),
    ("borders", "borders", "MultiLineString"),
)


@functools.lru_cache(maxsize=1)
def theatre_data(path: Path = THEATRE_FILE) -> dict:
    data = _load(path)
    missing = [key for key, _, _ in LAYERS if not isinstance(data.get(key), list)]
    if missing:
        raise GeoError(f"{path}: the basemap file lacks {', '.join(missing)}; rebuild it with "
                       "geo/map/data/build_basemap.py or reinstall the package")
    return data


@functools.lru_cache(maxsize=8)
def basemap(bbox: tuple[float, float, float, float] = THEATRE_BBOX, path: Path = THEATRE_FILE,
            clip: bool = False) -> dict:
    """The offline basemap for `bbox` (west, south, east, north) as a FeatureCollection: land,
    coast, rivers, oblasts, borders (only the parts that touch `bbox`), styled in properties.
    `clip`: cut every part at the box too (a slide of a sector needs a fraction of the theatre's data)."""
    data = theatre_data(path)
    features = []
    for key, name, kind in LAYERS:
        parts = [p for p in data[key] if _touches(bbox, p)]
        if not parts:
            continue
        geometry = {"type": kind, "coordinates": parts}
        if clip and _area(bbox) < CLIP_SHARE * _area(data.get("theatre") or THEATRE_BBOX):
            geometry = _clipped(geometry, bbox)
            if geometry is None:
                continue
        features.append({"type": "Feature", "properties": {"name": name, "layer": key, "style": STYLES[name]},
                         "geometry": geometry})
    return {"type": "FeatureCollection", "features": features}


def _clipped(geometry: dict, bbox: tuple[float, float, float, float]) -> dict | None:
    """`geometry` cut at the box, coordinates to 4 decimals; None when nothing is left."""
    import numpy as np
    import shapely
    from shapely import geometry as sg

    cut = shapely.clip_by_rect(sg.shape(geometry), *bbox)
    if cut.is_empty:
        return None
    cut = shapely.transform(cut, lambda xy: np.round(xy, 4))
    return dict(sg.mapping(cut))  # nested tuples: JSON writes them as arrays


CLIP_SHARE = 0.3  # clip only a box smaller than this share of the theatre (else clipping costs more than it saves)


def _area(bbox) -> float:
    w, s, e, n = bbox
    return max(e - w, 0) * max(n - s, 0)


def frame_extent(bbox: tuple[float, float, float, float], margin: float = 1.5,
                 least: float = 1.0) -> tuple[float, float, float, float]:
    """The box a slide of `bbox` may show: grown by `margin` times its size (at least `least` degrees) on
    every side, for the window's shape and the padding around the frame."""
    w, s, e, n = bbox
    dx, dy = max((e - w) * margin, least), max((n - s) * margin, least)
    return (max(w - dx, -180.0), max(s - dy, -85.0), min(e + dx, 180.0), min(n + dy, 85.0))


def land_shapes(path: Path = THEATRE_FILE) -> list:
    """The theatre's land polygons (lakes as holes) as GeoJSON Polygon coordinates, to test points against."""
    return theatre_data(path)["land"]


def on_land(lon: float, lat: float, path: Path = THEATRE_FILE) -> bool:
    """Whether the point lies on the drawn land (not in the sea, a lake or a reservoir)."""
    for poly in land_shapes(path):
        if _touches((lon, lat, lon, lat), poly[0]) and _inside((lon, lat), poly[0]) \
                and not any(_inside((lon, lat), hole) for hole in poly[1:]):
            return True
    return False


WATER = "#c9dbe4"  # sea, lakes and rivers (the map's background colour with no tiles)
STYLES = {
    "land": {"stroke": False, "fillColor": "#f4f2ec", "fillOpacity": 1.0},
    "coast": {"color": "#8fb0c0", "weight": 0.8, "fill": False},
    "rivers": {"color": "#86aec2", "weight": 1.3, "fill": False, "lineCap": "round", "lineJoin": "round"},
    "oblasts": {"color": "#a09d94", "weight": 0.9, "dashArray": "4 3", "fill": False},
    "borders": {"color": "#6b6b66", "weight": 1.4, "dashArray": "6 3", "fill": False},
}


__all__ = ["basemap", "features", "decode_arcs", "world_land_and_borders", "on_land", "land_shapes", "frame_extent",
           "WORLD_ATLAS", "THEATRE_FILE", "CREDIT", "THEATRE_BBOX", "WATER", "STYLES"]
