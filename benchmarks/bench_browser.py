"""Time from a date change to the redrawn markers, in the real dashboard in headless Chromium.

For 1,000 and 10,000 claims in view: a temporary store holds two report days with N placed
claims each (the sample's rows, copied with jittered positions and numbered quotes); the
dashboard runs on it (`streamlit run`, no internet); we open the later day, then click
"Previous day" / "Next day" and time, on the browser's clock, from the click to the map
frame's render-complete signal for the new date (`window.__geoReady`, set once the new claims
layer is on the map). Median of the clicks back and forth (the app caches each day's layer), and the first click,
to a day never drawn before. Target: under 1 s for 10,000.

usage: python benchmarks/bench_browser.py [--sizes 1000 10000] [--clicks 5]
Needs Debian's chromium + chromium-driver (scripts/install_browser.sh). Prints one summary line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DAYS = (dt.date(2024, 7, 1), dt.date(2024, 7, 2))
BOX = (46.5, 51.5, 32.0, 40.0)  # lat_min, lat_max, lon_min, lon_max: the front and behind it


def build_store(path: Path, per_day: int) -> None:
    """A store with `per_day` placed claims on each of DAYS, made from the embedded sample's rows."""
    from geo.models import Paragraph, Report
    from geo.pipeline import ensure_sample_store
    from geo.store import Store

    with ensure_sample_store(path.with_suffix(".sample.sqlite")) as sample:
        seed_rows = [r for r in sample.claim_rows() if r["lat"] is not None]
    rng = random.Random(7)
    with Store(path) as store:
        for day in DAYS:
            rows = []
            for i in range(per_day):
                row = dict(rng.choice(seed_rows))
                row.pop("id", None)
                row.update(report_date=day.isoformat(), lat=rng.uniform(*BOX[:2]), lon=rng.uniform(*BOX[2:]),
                           quote=f"{row['quote']} (benchmark copy {i})")
                rows.append(row)
            report = Report(date=day, title=f"Benchmark day {day}", source=f"bench-{day}",
                            paragraphs=(Paragraph(f"{per_day} synthetic claims for {day}."),))
            store.add_report(report, rows, method="bench")


def time_clicks(url: str, per_day: int, clicks: int) -> list[float]:
    """Milliseconds from each day-button click to the new date's signal in the map frame."""
    from selenium.webdriver.common.by import By

    from geo.map.browser import open_browser, wait_for_map_frame

    later, earlier = DAYS[1].isoformat(), DAYS[0].isoformat()
    timings = []
    with open_browser(width=1400, height=1000, offline=True) as driver:
        driver.get(f"{url}/?date={later}")
        signal = wait_for_map_frame(driver, later, timeout=180)
        if signal["count"] != per_day:
            raise SystemExit(f"expected {per_day} claims in view, the map drew {signal['count']}")
        target = later
        for i in range(clicks * 2):
            key, target = ("prev_day", earlier) if target == later else ("next_day", later)
            button = driver.find_element(By.CSS_SELECTOR, f".st-key-{key} button")
            started = driver.execute_script("return Date.now()")
            button.click()
            signal = wait_for_map_frame(driver, target, timeout=120)
            if signal["count"] != per_day:
                raise SystemExit(f"expected {per_day} claims after the click, the map drew {signal['count']}")
            timings.append(signal["t"] - started)
    return timings  # the first is "cold": the earlier day was never drawn before


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="claims in view (default 1000 10000)")
    ap.add_argument("--clicks", type=int, default=3, help="round trips per size (default 3)")
    args = ap.parse_args()

    from geo.map.browser import browser_available, running_dashboard

    if not browser_available():
        print("skipped: no Chromium/chromedriver/selenium (run scripts/install_browser.sh)")
        return 0
    results = []
    with tempfile.TemporaryDirectory(prefix="geo-bench-browser-") as tmp:
        for size in args.sizes:
            store = Path(tmp) / f"claims-{size}.sqlite"
            build_store(store, size)
            with running_dashboard(ROOT / "dashboard.py", env={"GEO_STORE": str(store), "GEO_TILES_URL": "none"},
                                   timeout=120) as url:
                timings = time_clicks(url, size, args.clicks)
            results.append((size, statistics.median(timings[1:]), timings[0]))
    parts = [f"{size:,} claims: {median / 1000:.2f} s (first visit of the day {cold / 1000:.2f} s)"
             for size, median, cold in results]
    verdict = ""
    big = [median for size, median, _ in results if size == 10000]
    if big:
        verdict = "; target < 1 s for 10,000: " + ("met" if big[0] < 1000 else "NOT met")
    print("date change -> redrawn markers in headless Chromium, median: " + ", ".join(parts) + verdict)
    return 0


if __name__ == "__main__":
    sys.exit(main())
