"""A plain boundaries basemap that ships with the package, for maps drawn with no tiles.

`countries(bbox)` returns the Natural Earth 1:50m country outlines (public domain) that touch
`bbox` as a GeoJSON FeatureCollection. The file is world-atlas 2.0.2 (npm, ISC licence, Natural
Earth 4.1.0) `countries-50m.json`, unchanged, in geo/data/ beside its licence
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


@functools.lru_cache(maxsize=4)
def countries(bbox: tuple[float, float, float, float] = THEATRE_BBOX, path: Path = WORLD_ATLAS) -> dict:
    """Country outlines touching `bbox` (west, south, east, north) as a FeatureCollection with `name` properties."""
    try:
        topology = json.loads(Path(path).read_text(encoding="utf-8"))
        found = features(topology, "countries")
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise GeoError(f"{path}: cannot read the basemap outlines ({e}); reinstall the package") from e
    w, s, e_, n = bbox

    def touches(geometry: dict) -> bool:
        fw, fs, fe, fn = _bbox(geometry)
        return fw <= e_ and fe >= w and fs <= n and fn >= s

    keep = []
    for f in found:
        g = f["geometry"]
        if g["type"] == "MultiPolygon":  # keep only the parts near the theatre (drops Alaska, Chukotka, islands)
            parts = [p for p in g["coordinates"] if touches({"coordinates": p})]
            if parts:
                keep.append(dict(f, geometry={"type": "MultiPolygon", "coordinates": parts}))
        elif touches(g):
            keep.append(f)
    return {"type": "FeatureCollection", "features": keep}


__all__ = ["countries", "features", "decode_arcs", "WORLD_ATLAS", "CREDIT", "THEATRE_BBOX"]
