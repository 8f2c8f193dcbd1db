"""Reports per second for `extract` (read + claims + resolution) on the 2022-2023 archive, one core.

usage: python benchmarks/bench_extract.py [--gazetteer INDEX]
Needs ../shared (the archive is written out by ../shared/tools/materialize_corpus.py).
Prints one summary line; the target is 50 reports/s or more.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gazetteer", type=Path, help="a built index (default: build the full one from ../shared into a temp dir)")
    args = ap.parse_args()
    if not (SHARED / "tools" / "materialize_corpus.py").is_file():
        print(f"skipped: needs {SHARED}")
        return 0
    from geo.places.gazetteer import Gazetteer, build_index
    from geo.pipeline import extract_rows
    from geo.read.reports import iter_paths, read_path

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        subprocess.run([sys.executable, str(SHARED / "tools" / "materialize_corpus.py"), str(corpus)], check=True)
        index = args.gazetteer
        if index is None:
            g = SHARED / "data" / "geonames"
            index = Path(tmp) / "index.sqlite"
            build_index([g / "UA.txt.gz", g / "cities500_RU.txt.gz", g / "admin1CodesASCII.txt", g / "admin2Codes.txt.gz"], index)
        figures = []
        for label, gaz in (("full", Gazetteer.load(index)), ("embedded", Gazetteer.embedded())):
            # CPU time of this process: the figure for one core, whatever else the machine runs
            t0, w0 = time.process_time(), time.perf_counter()
            reports = [r for p in iter_paths([corpus]) for r in read_path(p)]
            t1 = time.process_time()
            rows = sum(len(extract_rows(r, gaz)) for r in reports)
            t2, w2 = time.process_time(), time.perf_counter()
            figures.append(f"{label} gazetteer {len(reports) / (t2 - t0):.0f} reports/s "
                           f"(CPU: read {t1 - t0:.2f} s, extract {t2 - t1:.2f} s; wall {w2 - w0:.2f} s; {rows} rows)")
        print(f"extract on {len(reports)} archive reports, one core: " + "; ".join(figures) + " [target >= 50 reports/s]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
