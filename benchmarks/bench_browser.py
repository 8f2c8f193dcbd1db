"""Date changes and the cold open of the real dashboard in headless Chromium, on a store the size of the war.

The store: the shared corpus (ingested here, or `--corpus-store`), its reports and claim rows copied again
and again with every date shifted by the corpus's span until it holds 1,500 reports and 45,000 claims
(real text, places and sources; the ISW address follows the new date). The dashboard runs on it
(`streamlit run`, no internet, no tiles). We open the report date whose 30 days hold the most claims,
then for each window (that day, 7 days, 30 days; everything up to the last report) click "Previous day" `--clicks`
times, each to a date never drawn before, and measure on the browser's clock the time from the click to
the map frame's render-complete signal (`window.__geoReady`) and the bytes the page received for that date
change (over its WebSocket: map layer, tables, charts; and over HTTP, by the page or the map frame). Open: from navigation
to the drawn map in a new browser (new session, empty browser cache) on the running server; also the first
page a fresh server serves (its caches empty: imports, reading the store). Targets: <= 1 s and <= 1 MB per date
change, cold open <= 3 s. `--sizes 1000 10000` runs the older check instead (N random-position claims on
each of two days, clicking back and forth).

usage: python benchmarks/bench_browser.py [--corpus-store PATH] [--clicks 4] | [--sizes 1000 10000]
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


from geo.models import Report  # noqa: E402


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


def build_war_store(source: Path, path: Path, reports: int = 1500, claims: int = 45000,
                    last_day: dt.date = dt.date(2023, 5, 1)) -> tuple[int, int]:
    """A store the size of the whole war (`reports` reports, about `claims` claim rows) made of the real corpus:
    the stored reports of `source` up to `last_day` and their rows, copied again and again with every date shifted
    by the corpus's span (text, places and sources are the real ones; the ISW address follows the new date), each
    claim measured against the front line of its day as an ingest does."""
    from geo.pipeline import measure_front
    from geo.read.lines import default_title, report_url
    from geo.store import Store

    with Store(source) as src:
        originals = [r for r in src.stored_reports() if r.date <= last_day]
        by_day: dict[str, list[dict]] = {}
        for row in src.claim_rows():
            by_day.setdefault(row["report_date"], []).append(row)
    first = min(r.date for r in originals)
    span = (max(r.date for r in originals) - first).days + 1
    n_reports = n_rows = 0
    with Store(path) as store:
        copy = 0
        while n_reports < reports or n_rows < claims:
            shift = dt.timedelta(days=span * copy)
            for report in originals:
                if n_reports >= reports and n_rows >= claims:
                    break
                day = report.date + shift
                rows = []
                for row in by_day.get(report.date.isoformat(), []):
                    row = {k: v for k, v in row.items() if k not in ("id", "provenance", "claimant_group", "axis")}
                    row.update(report_date=day.isoformat(), source=report_url(day))
                    rows.append(row)
                copied = Report(date=day, title=default_title(day), paragraphs=report.paragraphs, url=report_url(day),
                                source=f"{report.source} (shifted {shift.days} days)", format=report.format,
                                authors=report.authors, endnotes=report.endnotes)
                if store.add_report(copied, rows, method="bench-shifted"):
                    n_reports += 1
                    n_rows += len(rows)
            copy += 1
        measure_front(store)  # as `geo ingest` does: each claim's distance to the front line of its day
    return n_reports, n_rows


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


# Counts what the page receives over its WebSocket (every frame, installed before any page script runs).
COUNT_BYTES_JS = """
(function () {
  if (window.__wsBytes) { return; }
  window.__wsBytes = {messages: 0, bytes: 0};
  if (performance.setResourceTimingBufferSize) { performance.setResourceTimingBufferSize(100000); }
  var Native = window.WebSocket;
  function Counted(url, protocols) {
    var ws = protocols === undefined ? new Native(url) : new Native(url, protocols);
    ws.addEventListener('message', function (e) {
      var d = e.data; window.__wsBytes.messages++;
      window.__wsBytes.bytes += d.byteLength || d.size || (d.length || 0);
    });
    return ws;
  }
  Counted.prototype = Native.prototype;
  ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].forEach(function (k) { Counted[k] = Native[k]; });
  window.WebSocket = Counted;
})();
"""


FETCHED_JS = "return performance.getEntriesByType('resource').reduce(function (n, e) { return n + (e.transferSize || 0); }, 0)"


def received(driver) -> dict:
    """What the page has received so far: WebSocket messages, and bytes over the WebSocket plus every HTTP
    fetch of the page and of the map frame (a popup's texts or the basemap, when fetched)."""
    from geo.map.browser import in_map_frame

    counted = driver.execute_script("return window.__wsBytes || {messages: 0, bytes: 0}")
    fetched = (driver.execute_script(FETCHED_JS) or 0) + (in_map_frame(driver, FETCHED_JS) or 0)
    return {**counted, "bytes": counted["bytes"] + fetched}


def quiet(driver, seconds: float = 1.0, timeout: float = 60.0) -> dict:
    """Wait until nothing has arrived for `seconds` (the app's run has finished sending); the count then."""
    import time

    last, since, deadline = None, time.monotonic(), time.monotonic() + timeout
    while time.monotonic() < deadline:
        now = received(driver)
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= seconds:
            return now
        time.sleep(0.05)
    return received(driver)


def busiest_date(store: Path, days: int = 30) -> dt.date:
    """The report date whose last `days` days hold the most claims (the hardest 30-day window)."""
    from geo.store import Store

    with Store(store) as s:
        per_day: dict[dt.date, int] = {}
        for row in s.claim_rows():
            d = dt.date.fromisoformat(row["report_date"])
            per_day[d] = per_day.get(d, 0) + 1
    dates = sorted(per_day)
    return max(dates, key=lambda d: sum(n for x, n in per_day.items() if d - dt.timedelta(days=days) < x <= d))


def last_date(store: Path) -> dt.date:
    from geo.store import Store

    with Store(store) as s:
        return max(s.report_dates())


def time_windows(url: str, day: dt.date, last: dt.date, clicks: int) -> tuple[float, dict[str, list[tuple[float, int]]]]:
    """Cold open (ms from navigation to the drawn map, first page of a fresh server), then per window the
    (ms, bytes) of `clicks` date changes, each to a date not drawn before ("Previous day" again and again):
    around `day` for the day, 7- and 30-day windows, from `last` (the last report) for everything."""
    from selenium.webdriver.common.by import By

    from geo.map.browser import in_map_frame, open_browser, wait_for_map_frame

    out: dict[str, list[tuple[float, int]]] = {}
    with open_browser(width=1400, height=1000, offline=True) as driver:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": COUNT_BYTES_JS})
        driver.get(f"{url}/?date={day.isoformat()}")
        signal = wait_for_map_frame(driver, day.isoformat(), timeout=180)
        cold = signal["t"] - driver.execute_script("return performance.timeOrigin")
        for window in ("day", "7d", "30d", "all"):
            # everything up to a date is largest at the last report: the cumulative window is measured there
            at = last if window == "all" else day
            driver.get(f"{url}/?date={at.isoformat()}&window={window}")
            wait_for_map_frame(driver, at.isoformat(), timeout=180)
            quiet(driver)
            runs = []
            for _ in range(clicks):
                before = received(driver)
                shown = in_map_frame(driver, "return window.__geoReady && window.__geoReady.date")
                started = driver.execute_script("return Date.now()")
                driver.find_element(By.CSS_SELECTOR, ".st-key-prev_day button").click()
                signal = wait_for_map_frame(driver, None, timeout=120)
                while signal["date"] == shown:
                    signal = wait_for_map_frame(driver, None, timeout=120)
                after = quiet(driver)
                runs.append((signal["t"] - started, after["bytes"] - before["bytes"]))
            out[window] = runs
    with open_browser(width=1400, height=1000, offline=True) as fresh:  # a new analyst: new browser, new session
        fresh.get(f"{url}/?date={day.isoformat()}&window=30d")
        signal = wait_for_map_frame(fresh, day.isoformat(), timeout=180)
        out["open"] = [(signal["t"] - fresh.execute_script("return performance.timeOrigin"), 0)]
    return cold, out


def corpus_store(path: Path) -> Path:
    """A store of every report in ../shared/corpus, ingested with the full gazetteer when GEO_GAZETTEER names one."""
    import os

    from geo.pipeline import ingest
    from geo.places.gazetteer import Gazetteer
    from geo.store import Store

    corpus = ROOT.parent / "shared" / "corpus" / "isw"
    if not corpus.is_dir():
        raise SystemExit(f"needs the shared corpus at {corpus}")
    with Store(path) as store:
        ingest(store, [corpus], Gazetteer.default(os.environ.get("GEO_GAZETTEER") or None), progress=False)
    return path


def war(args) -> str:
    from geo.map.browser import running_dashboard

    with tempfile.TemporaryDirectory(prefix="geo-bench-war-") as tmp:
        source = Path(args.corpus_store) if args.corpus_store else corpus_store(Path(tmp) / "corpus.sqlite")
        store = Path(tmp) / "war.sqlite"
        n_reports, n_claims = build_war_store(source, store, args.reports, args.claims)
        day, last = busiest_date(store), last_date(store)
        with running_dashboard(ROOT / "dashboard.py", env={"GEO_STORE": str(store), "GEO_TILES_URL": "none"},
                               timeout=180) as url:
            cold, windows = time_windows(url, day, last, args.clicks)
    parts = []
    worst_ms = worst_mb = 0.0
    opened = windows.pop("open")[0][0]
    for window, runs in windows.items():
        ms = statistics.median(t for t, _ in runs)
        mb = statistics.median(b for _, b in runs) / 1e6
        worst_ms, worst_mb = max(worst_ms, max(t for t, _ in runs)), max(worst_mb, max(b for _, b in runs) / 1e6)
        parts.append(f"{window} {ms / 1000:.2f} s / {mb:.2f} MB")
    verdict = ("met" if worst_ms <= 1000 and worst_mb <= 1.0 and opened <= 3000 else "NOT met")
    return (f"{n_reports:,} reports / {n_claims:,} claims (corpus shifted), date change around {day} (everything: from "
            f"{last}), median redraw / "
            f"received: " + ", ".join(parts) + f"; worst {worst_ms / 1000:.2f} s, {worst_mb:.2f} MB; open in a new "
            f"browser {opened / 1000:.2f} s (first page of a fresh server {cold / 1000:.2f} s); targets <= 1 s, <= 1 MB, "
            f"open <= 3 s: {verdict}")


def sizes(args) -> str:
    from geo.map.browser import running_dashboard

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
    return "date change -> redrawn markers in headless Chromium, median: " + ", ".join(parts)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", help="instead: N claims on each of two days (e.g. 1000 10000)")
    ap.add_argument("--clicks", type=int, default=4, help="date changes per window (default 4)")
    ap.add_argument("--reports", type=int, default=1500, help="reports in the whole-war store (default 1500)")
    ap.add_argument("--claims", type=int, default=45000, help="claims in the whole-war store (default 45000)")
    ap.add_argument("--corpus-store", help="a store of the shared corpus already ingested (else ingested here)")
    args = ap.parse_args()

    from geo.map.browser import browser_available

    if not browser_available():
        print("skipped: no Chromium/chromedriver/selenium (run scripts/install_browser.sh)")
        return 0
    print(sizes(args) if args.sizes else war(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
