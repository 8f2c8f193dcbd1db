"""Distances and bearings: geopy's geodesic (WGS 84) against the resolver's spherical formulas, per call
and on the resolver's hot path (extracting real reports), to decide where geodesic can be used.

usage: python benchmarks/bench_distance.py [--gazetteer INDEX] [--reports N]
Needs ../shared (the archive is written out by ../shared/tools/materialize_corpus.py).
Prints one summary line.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"


def per_call(fn, pairs) -> float:
    t = time.perf_counter()
    for a, b in pairs:
        fn(a, b)
    return (time.perf_counter() - t) / len(pairs) * 1e6  # microseconds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gazetteer", type=Path, help="a built index (default: build the full one from ../shared)")
    ap.add_argument("--reports", type=int, default=60, help="reports of the archive to extract (default 60)")
    args = ap.parse_args()
    if not (SHARED / "tools" / "materialize_corpus.py").is_file():
        print(f"skipped: needs {SHARED}")
        return 0
    from geographiclib.geodesic import Geodesic
    from geopy.distance import geodesic

    from geo.models import Place
    from geo.pipeline import extract_rows
    from geo.places import resolver
    from geo.places.gazetteer import Gazetteer, build_index
    from geo.read.reports import iter_paths, read_path

    rnd = random.Random(1)
    pts = [(rnd.uniform(44.4, 52.4), rnd.uniform(22.1, 40.2)) for _ in range(40_001)]
    pairs = list(zip(pts, pts[1:]))
    places = [(Place(0, "a", *a, "UA", ""), Place(0, "b", *b, "UA", "")) for a, b in pairs]
    wgs84 = Geodesic.WGS84
    cost = {
        "km (haversine)": per_call(resolver.km, pairs),
        "approx_km": per_call(lambda a, b: resolver.approx_km(a[0], a[1], b[0], b[1]), pairs),
        "geodesic": per_call(lambda a, b: geodesic(a, b).km, pairs),
        "bearing_deg": per_call(resolver.bearing_deg, places),
        "geodesic bearing": per_call(lambda a, b: wgs84.Inverse(a.lat, a.lon, b.lat, b.lon, Geodesic.AZIMUTH)["azi1"], places),
    }
    worst = max(abs(resolver.km(a, b) - geodesic(a, b).km) / geodesic(a, b).km for a, b in pairs[:5000])

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        subprocess.run([sys.executable, str(SHARED / "tools" / "materialize_corpus.py"), str(corpus)], check=True,
                       capture_output=True)
        index = args.gazetteer
        if index is None:
            g = SHARED / "data" / "geonames"
            index = Path(tmp) / "index.sqlite"
            build_index([g / "UA.txt.gz", g / "cities500_RU.txt.gz", g / "admin1CodesASCII.txt", g / "admin2Codes.txt.gz"], index)
        gazetteer = Gazetteer.load(index)
        reports = [r for p in iter_paths([corpus])[: args.reports] for r in read_path(p)]

        calls = {"km": 0, "approx_km": 0, "bearing_deg": 0}
        originals = {name: getattr(resolver, name) for name in calls}

        def counted(name):
            fn = originals[name]

            def wrapper(*a):
                calls[name] += 1
                return fn(*a)
            return wrapper

        def run() -> float:
            t = time.perf_counter()
            for r in reports:
                extract_rows(r, gazetteer)
            return time.perf_counter() - t

        run()  # warm the gazetteer's caches
        base = run()
        for name in calls:
            setattr(resolver, name, counted(name))
        run()
        for name in calls:
            setattr(resolver, name, originals[name])
        resolver.km = lambda a, b: geodesic((a.lat, a.lon) if isinstance(a, Place) else a,
                                            (b.lat, b.lon) if isinstance(b, Place) else b).km
        with_geodesic_km = run()
        resolver.km = originals["km"]
        resolver.approx_km = lambda la1, lo1, la2, lo2: geodesic((la1, lo1), (la2, lo2)).km
        with_geodesic_approx = run()
        resolver.approx_km = originals["approx_km"]

    n = len(reports)
    per_report = {k: v / n for k, v in calls.items()}
    print(f"per call: {', '.join(f'{k} {v:.2f} us' for k, v in cost.items())}; haversine vs geodesic worst {worst:.2%}; "
          f"per report: {per_report['km']:.0f} km, {per_report['approx_km']:.0f} approx_km, {per_report['bearing_deg']:.0f} "
          f"bearing calls; extracting {n} reports {n / base:.0f}/s, {n / with_geodesic_km:.0f}/s with geodesic km, "
          f"{n / with_geodesic_approx:.0f}/s with geodesic approx_km")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
