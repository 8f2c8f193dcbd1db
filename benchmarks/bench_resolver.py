"""Resolver cost on very long reports: a real report's text repeated to 1, 2 and 4 MB, one core.

usage: python benchmarks/bench_resolver.py [--report FILE] [--gazetteer INDEX] [--sizes 1,2,4]
The report defaults to the sample data/assessments/2024-06-18.txt; the gazetteer to the index at
data/gazetteer/index.sqlite when built, else the embedded one. Prints CPU seconds per size for claim
extraction and place resolution, the resolver's work counters (candidates scored, comparisons) and
how they grow when the text doubles, then one summary line. Target: a 4 MB report resolves in
under 10 s, and its work grows no faster than n log n (about 2x per doubling, never 4x).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--report", type=Path, default=ROOT / "data" / "assessments" / "2024-06-18.txt")
    ap.add_argument("--gazetteer", type=Path, help="a built index (default: data/gazetteer/index.sqlite or the embedded one)")
    ap.add_argument("--sizes", default="1,2,4", help="report sizes in MB, comma-separated")
    args = ap.parse_args()
    from dataclasses import replace

    from geo.extract.claims import extract_claims
    from geo.places.gazetteer import Gazetteer
    from geo.places.resolver import resolve_claims
    from geo.read.reports import read_path

    gazetteer = Gazetteer.default(args.gazetteer)
    report = read_path(args.report)[0]
    body = report.paragraphs
    size = sum(len(p.text) for p in body)
    results = []
    for mb in (float(x) for x in args.sizes.split(",")):
        copies = max(1, round(mb * 1_000_000 / size))
        big = replace(report, paragraphs=body * copies)
        t0 = time.process_time()
        claims = extract_claims(big, gazetteer.is_name)
        t1 = time.process_time()
        work: dict = {}
        rows = resolve_claims(claims, gazetteer, work=work)
        t2 = time.process_time()
        results.append((mb, len(rows), t1 - t0, t2 - t1, work))
        print(f"{mb:g} MB ({copies} copies): {len(rows)} mentions, claims {t1 - t0:.2f} s, resolve {t2 - t1:.2f} s, "
              f"scored {work['scored']}, comparisons {work['compared']}")
    growth = ", ".join(f"x{b[4]['compared'] / a[4]['compared']:.2f}" for a, b in zip(results, results[1:]))
    last = results[-1]
    print(f"resolver on {args.report.name} repeated to {last[0]:g} MB ({last[1]} mentions), one core: resolve {last[3]:.2f} s "
          f"CPU (claims {last[2]:.2f} s); comparisons per doubling {growth} [{gazetteer.label}] [target < 10 s, ~x2]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
