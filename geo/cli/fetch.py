"""`python -m geo fetch --since DATE [--until DATE]`: download each day's report, save it, ingest it."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from geo.cli import add_command
from geo.cli._common import add_gazetteer_option, add_store_option, load_gazetteer


def _date(text: str) -> dt.date:
    import argparse

    try:
        return dt.date.fromisoformat(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from e


def _dates_of(raw: Path) -> list[dt.date]:
    """The dates of the report(s) in a saved page ([] when it cannot be read: ingest reports why)."""
    from geo.errors import ReportError
    from geo.read.reports import read_path

    try:
        return [r.date for r in read_path(raw, problems=[])]
    except ReportError:
        return []


def register(sub) -> None:
    from geo.read.daily import BASE_URL, MIRROR_URL, RAW_DIR

    p = add_command(
        sub, "fetch",
        "Download ISW's daily assessments for a range of days (both site eras, the mirror as fallback), save each page "
        "under data/raw/ and ingest it; days already in the store are skipped. Exit status 1 if a day could not be fetched.",
        "python -m geo fetch --since 2026-06-28 --until 2026-06-30 --delay 5",
        run_fetch,
    )
    p.add_argument("--since", required=True, type=_date, metavar="DATE", help="first day, YYYY-MM-DD")
    p.add_argument("--until", type=_date, metavar="DATE", help="last day, YYYY-MM-DD (default: today)")
    p.add_argument("--base-url", default=os.environ.get("GEO_ISW_URL") or BASE_URL, metavar="URL",
                   help=f"ISW's site (default: {BASE_URL}; env GEO_ISW_URL)")
    p.add_argument("--mirror-url", default=os.environ.get("GEO_MIRROR_URL") or MIRROR_URL, metavar="URL",
                   help=f"mirror tried when ISW's site has no page or refuses (default: {MIRROR_URL}; 'none' for no mirror)")
    p.add_argument("--delay", type=float, default=2.0, metavar="S", help="seconds to wait between requests (default: 2)")
    p.add_argument("--timeout", type=float, default=30.0, metavar="S", help="seconds to wait for a server (default: 30)")
    p.add_argument("--retries", type=int, default=2, metavar="N", help="retries of a timeout, 429 or 5xx (default: 2)")
    p.add_argument("--raw-dir", type=Path, default=RAW_DIR, metavar="DIR",
                   help=f"where fetched pages are saved before parsing (default: {RAW_DIR.relative_to(RAW_DIR.parent.parent)})")
    add_store_option(p)
    add_gazetteer_option(p)


def run_fetch(args) -> int:
    from geo.read.daily import days_between, fetch_days
    from geo.pipeline import ingest
    from geo.store import Store

    until = args.until or dt.date.today()
    try:
        days = days_between(args.since, until)
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    mirror = None if str(args.mirror_url).lower() in ("", "none", "off") else args.mirror_url
    gazetteer = None
    counts = {"fetched": 0, "ingested": 0, "stored": 0, "not fetched": 0, "rejected": 0}
    with Store(args.store) as store:
        stored = set(store.report_dates())
        for res in fetch_days(days, args.raw_dir, stored=stored, base_url=args.base_url, mirror_url=mirror,
                              delay=args.delay, timeout=args.timeout, retries=args.retries,
                              progress=len(days) > 5 and sys.stderr.isatty()):
            if res.outcome == "stored":
                counts["stored"] += 1
                print(res.message)
                continue
            if res.outcome != "fetched":
                counts["not fetched"] += 1
                print(f"error: {res.message}", file=sys.stderr)
                continue
            counts["fetched"] += 1
            gazetteer = gazetteer or load_gazetteer(args.gazetteer)
            for own in _dates_of(res.raw):
                if own != res.day:  # stored under the date the page itself gives
                    print(f"warning: {res.day}: the page at {res.url} is the assessment of {own.isoformat()}, not of "
                          f"{res.day}; it is stored under {own.isoformat()}", file=sys.stderr)
            result = ingest(store, [res.raw], gazetteer, progress=False)
            if result.stopped:
                print(f"error: {result.stopped}; the run stopped at {res.day}", file=sys.stderr)
                return 2
            if result.errors:
                counts["rejected"] += 1
                for err in result.errors:
                    print(f"error: {res.day}: fetched {res.url} but could not read it: {err}", file=sys.stderr)
                continue
            counts["ingested"] += result.added
            print(f"{res.message}; ingested {result.added} report(s) with {result.rows} claim row(s)"
                  + ("" if result.added else " (already stored)"))
    print(f"{len(days)} day(s): {counts['fetched']} fetched, {counts['ingested']} ingested, {counts['stored']} already stored, "
          f"{counts['not fetched']} not fetched, {counts['rejected']} unreadable. Raw pages in {args.raw_dir}.")
    return 1 if counts["not fetched"] or counts["rejected"] else 0
