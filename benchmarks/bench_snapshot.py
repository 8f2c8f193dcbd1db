"""Time of `python -m geo snapshot` for one day: the command as a briefer runs it, start to PNG.

Runs the command (a fresh Python each time: imports, reading the store, the page, starting headless
Chromium, drawing, labelling, the screenshot) `--runs` times for one report day and prints the
median wall time and the CPU time of the command and the browser processes it starts (which does not
grow when other jobs share the machine), plus, from one in-process run, where the time goes. Target: at
most 5 s.

The store: `--store` (e.g. one holding the 2022-23 archive, see README), else the embedded sample
(its latest day). Tiles off (`--tiles none`): the offline basemap, as in an air-gapped room.

usage: python benchmarks/bench_snapshot.py [--store PATH] [--date 2022-11-11] [--runs 3] [--size 1280x720]
Needs Debian's chromium + chromium-driver (scripts/install_browser.sh). Prints one summary line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def phases(store: Path, day: dt.date, size: tuple[int, int], out: Path) -> dict[str, float]:
    """Seconds per step of one snapshot, in this process (imports already done)."""
    from geo.map.browser import open_browser, wait_for_tiles, wait_until_ready
    from geo.map.folium_map import MapSettings, render_standalone_html
    from geo.map.views import View
    from geo.pipeline import front_series
    from geo.store import Store

    t = {}
    t0 = time.perf_counter()
    with Store(store) as s:
        rows = s.claim_rows()
        series = front_series(s)
    t["store"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    html = render_standalone_html(rows, View(date=day, briefing=True, fit=True), MapSettings(tiles_url=None), [],
                                  front_series=series)
    t["page"] = time.perf_counter() - t0
    page = out.with_suffix(".html")
    page.write_text(html, encoding="utf-8")
    t0 = time.perf_counter()
    with open_browser(*size) as driver:
        t["browser"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        driver.get(page.as_uri())
        wait_until_ready(driver, day.isoformat(), 30)
        wait_for_tiles(driver, 10)
        t["draw"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        out.write_bytes(driver.get_screenshot_as_png())
        t["png"] = time.perf_counter() - t0
    return t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", type=Path, default=None)
    ap.add_argument("--date", type=dt.date.fromisoformat, default=None)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--size", default="1280x720")
    args = ap.parse_args()
    size = tuple(int(v) for v in args.size.split("x"))
    with tempfile.TemporaryDirectory(prefix="bench-snapshot-") as tmp:
        tmp = Path(tmp)
        store = args.store
        if store is None:
            from geo.pipeline import ensure_sample_store

            store = tmp / "sample.sqlite"
            ensure_sample_store(store).close()
        from geo.store import Store

        with Store(store) as s:
            dates = s.report_dates()
        day = args.date or dates[-1]
        command = [sys.executable, "-m", "geo", "snapshot", "--date", day.isoformat(), "--tiles", "none",
                   "--size", args.size, "--store", str(store), "--out", str(tmp / "slide.png")]
        walls, cpus, claims = [], [], ""
        for _ in range(args.runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
            walls.append(time.perf_counter() - t0)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            if done.returncode != 0:
                print(f"bench_snapshot: the command failed: {done.stderr.strip()[-400:]}", file=sys.stderr)
                return 1
            claims = done.stdout.split("\t")[1] if "\t" in done.stdout else "?"
        parts = phases(Path(store), day, size, tmp / "phases.png")
    detail = ", ".join(f"{k} {v:.2f}" for k, v in parts.items())
    load = os.getloadavg()[0]
    print(f"snapshot of {day} ({claims}, {args.size}, no tiles): median {statistics.median(walls):.2f} s over "
          f"{len(walls)} runs of the command (min {min(walls):.2f}, max {max(walls):.2f}; CPU of the command, "
          f"chromedriver and Chromium {statistics.median(cpus):.2f} s; load average {load:.1f} on {os.cpu_count()} "
          f"cores); in-process: {detail} s; target <= 5 s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
