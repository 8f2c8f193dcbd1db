"""Reading throughput: ISW HTML pages (old and new site), the Markdown dump, and the two bulk archives.

usage: python benchmarks/bench_readers.py [--seconds S]
Needs ../shared (the corpus pages and archives). Each shape is read repeatedly for at least
S seconds (default 2) from bytes already in memory, so the figure is parsing, not disk.
Prints one line per shape, then one summary line.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "isw"


def measure(files: list[Path], seconds: float) -> tuple[float, float, int]:
    """(reports per second, MB per second, reports per pass) reading `files` from memory."""
    from geo.read.reports import read_bytes

    blobs = [(p.read_bytes(), str(p)) for p in files]
    size = sum(len(b) for b, _ in blobs)
    per_pass = sum(len(read_bytes(b, s)) for b, s in blobs)  # warm-up, and the count
    passes, start = 0, time.perf_counter()
    while True:
        for b, s in blobs:
            read_bytes(b, s)
        passes += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            break
    return passes * per_pass / elapsed, passes * size / elapsed / 1e6, per_pass


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=2.0, help="minimum time per shape (default 2)")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: needs {CORPUS}")
        return 0
    shapes = {
        "html": sorted(CORPUS.glob("*/*.html")),
        "markdown": sorted(CORPUS.glob("*/*.md")),
        "csv archive": sorted(CORPUS.glob("*/*.csv.gz")),
        "json archive": sorted(CORPUS.glob("*/*.json.gz")),
    }
    figures = {}
    for name, files in shapes.items():
        rate, mb, n = measure(files, args.seconds)
        figures[name] = rate
        print(f"{name:13} {len(files)} file(s), {n} report(s) per pass: {rate:8.1f} reports/s, {mb:6.2f} MB/s")
    print(f"readers: HTML pages {figures['html']:.1f} reports/s, Markdown {figures['markdown']:.1f} reports/s, "
          f"CSV archive {figures['csv archive']:.1f} reports/s, JSON archive {figures['json archive']:.1f} reports/s (one core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
