"""Gazetteer figures: full-index build time and size, load time, 1M lookups, gold candidate recall.

usage: python benchmarks/bench_gazetteer.py [--out INDEX] [--lookups N]
Needs ../shared (GeoNames files and gold labels). Builds the full index from
../shared/data/geonames (UA.txt.gz, cities500_RU.txt.gz, admin codes) into a temp dir unless
--out is given. Targets: build < 15 s, load < 0.5 s, 1M lookups of known names < 2 s,
candidate recall on the gold place names >= 99% (the resolver's candidates, 5 km as in scoring; the
embedded default's recall beside it).
Prints the figures, then one summary line.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
GEONAMES = ("UA.txt.gz", "cities500_RU.txt.gz", "admin1CodesASCII.txt", "admin2Codes.txt.gz")


def gold_rows() -> list[dict]:
    rows = []
    for path in sorted((SHARED / "gold").glob("*.jsonl")):
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def recall(g, rows: list[dict]) -> tuple[int, int, list[str]]:
    """How many gold places (with a geonameid) are among the candidates the resolver draws from the gazetteer for
    the place as written and at its precision; a candidate within 5 km of a gold settlement or feature counts (the
    scoring rule). The same measure as tests/places/test_gazetteer.py."""
    from geo.evaluation import same_place
    from geo.models import Mention
    from geo.places.resolver import Resolver

    resolver = Resolver(g)
    found = total = 0
    missed = []
    for row in rows:
        gid = row["geonameid"]
        if gid is None:
            continue
        total += 1
        name = row["place"]
        hit = gid in {c.place.geonameid for c in g.lookup(name)}
        if not hit and row["precision"] == "region":
            region = g.region(name)
            hit = region is not None and region.geonameid == gid
        elif not hit:
            cands, _ = resolver.candidates(Mention(name, 0, len(name), name, precision=row["precision"]))
            hit = any(c.place.geonameid == gid or same_place(row, {"lat": c.place.lat, "lon": c.place.lon}) for c in cands)
        found += hit
        if not hit:
            missed.append(f"{name} ({gid})")
    return found, total, missed


def cold_load_seconds(code: str) -> float:
    """Seconds for `code` in a fresh interpreter (import time excluded), median of 3."""
    script = f"import sys, time; sys.path.insert(0, {str(ROOT)!r}); from geo.places.gazetteer import Gazetteer; " \
             f"t = time.perf_counter(); {code}; print(time.perf_counter() - t)"
    times = sorted(float(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout)
                   for _ in range(3))
    return times[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, help="where to build the index (default: a temp dir)")
    ap.add_argument("--lookups", type=int, default=1_000_000, help="lookups to time (default: 1,000,000)")
    args = ap.parse_args()
    if not (SHARED / "data" / "geonames" / "UA.txt.gz").is_file():
        print(f"skipped: needs {SHARED}")
        return 0
    from geo.places.gazetteer import Gazetteer, build_index

    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp) / "index.sqlite"
        files = [SHARED / "data" / "geonames" / name for name in GEONAMES]
        t = time.perf_counter()
        meta = build_index(files, out)
        build_s = time.perf_counter() - t
        size_mb = out.stat().st_size / 1e6
        print(f"build: {build_s:.2f} s, {size_mb:.1f} MB, {meta['places']} places, "
              f"{meta['keys_exact']} exact + {meta['keys_variant']} variant keys")

        load_s = cold_load_seconds(f"Gazetteer.load({str(out)!r})")
        Gazetteer.embedded()  # make sure the embedded disk cache exists before timing it
        embedded_s = cold_load_seconds("Gazetteer.embedded()")
        print(f"load (fresh process, median of 3): full index {load_s:.3f} s, embedded {embedded_s:.3f} s")

        g = Gazetteer.load(out)
        rows = gold_rows()
        names = sorted({r["place"] for r in rows if g.lookup(r["place"], fuzzy=False)})
        batch = (names * (args.lookups // len(names) + 1))[: args.lookups]
        lookup = g.lookup
        t = time.perf_counter()
        for name in batch:
            lookup(name)
        lookups_s = time.perf_counter() - t
        print(f"lookups: {len(batch):,} of {len(names)} known names in {lookups_s:.2f} s "
              f"({lookups_s / len(batch) * 1e6:.2f} µs each, cached after the first)")
        first = Gazetteer.load(out)
        t = time.perf_counter()
        for name in names:
            first.lookup(name)
        print(f"first lookups (uncached): {len(names)} names in {(time.perf_counter() - t) * 1e3:.1f} ms")

        full_found, total, full_missed = recall(g, rows)
        emb_found, _, _ = recall(Gazetteer.embedded(), rows)
        print(f"gold candidate recall: full {full_found}/{total} = {full_found / total:.1%}; "
              f"embedded {emb_found}/{total} = {emb_found / total:.1%}")
        if full_missed:
            print(f"  missed by the full index: {', '.join(full_missed)}")

    ok = build_s < 15 and load_s < 0.5 and lookups_s * 1_000_000 / len(batch) < 2 and full_found / total >= 0.99
    print(f"gazetteer: build {build_s:.1f} s ({size_mb:.1f} MB), load {load_s:.2f} s, "
          f"{len(batch) / 1e6:g}M lookups {lookups_s:.2f} s, recall full {full_found / total:.1%} "
          f"vs embedded {emb_found / total:.1%} -> {'targets met' if ok else 'TARGETS MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
