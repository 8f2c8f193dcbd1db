"""A plain boundaries basemap that ships with the package, for maps drawn with no tiles.

`basemap(bbox)` returns Natural Earth 1:50m land and international borders (public domain) near
`bbox` as a GeoJSON FeatureCollection. The file is world-atlas 2.0.2 (npm, ISC licence, Natural
Earth 4.1.0) `countries-50m.json`, unchanged, in geo/map/data/ beside its licence
(`countries-50m.LICENSE.txt`); TopoJSON is decoded here. Pure: no folium, no network.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from geo.errors import GeoError

WORLD_ATLAS = Path(__file__).resolve().parent / "data" / "countries-50m.json"
CREDIT = "Natural Earth (boundaries)"
# West, south, east, north: the theatre and its neighbours (Russia is kept whole when it touches).
THEATRE_BBOX = (12.0, 38.0, 62.0, 62.0)


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


@functools.lru_cache(maxsize=4)
def basemap(bbox: tuple[float, float, float, float] = THEATRE_BBOX, path: Path = WORLD_ATLAS) -> dict:
    """The plain basemap for `bbox` (west, south, east, north): land (one fill, no borders) and
    the international land borders as lines, as a FeatureCollection whose features carry their
    Leaflet `style` in properties.

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
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "land", "style": LAND_STYLE},
         "geometry": {"type": "MultiPolygon", "coordinates": land}},
        {"type": "Feature", "properties": {"name": "borders", "style": BORDER_STYLE},
         "geometry": {"type": "MultiLineString", "coordinates": borders}},
    ]}


LAND_STYLE = {"stroke": True, "color": "#b9b9b0", "weight": 0.6, "fillColor": "#fbfbf7", "fillOpacity": 1.0}
BORDER_STYLE = {"color": "#6b6b66", "weight": 1.2, "dashArray": "5 3", "fill": False}


__all__ = ["basemap", "features", "decode_arcs", "WORLD_ATLAS", "CREDIT", "THEATRE_BBOX"]
