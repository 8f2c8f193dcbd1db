"""`python -m geo frontline import|fetch|list|ship`: the front line of the day (DeepStateMap snapshots)."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

from geo.cli import add_command
from geo.cli._common import add_store_option

DEEPSTATE_URL = "https://deepstatemap.live/api/history"
CYTERAT_URL = "https://raw.githubusercontent.com/cyterat/deepstate-map-data/main/data"
SIMPLIFY = 0.0005  # degrees (~50 m): imported snapshots are kept compact


def _date(text: str) -> dt.date:
    import argparse

    try:
        return dt.date.fromisoformat(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def register(sub) -> None:
    from geo.store import ROOT

    p = add_command(
        sub, "frontline",
        "The front line of the day from DeepStateMap: import snapshot files into the store, fetch new ones, list "
        "what is stored. Two 2022 snapshots (3 April, 1 September) and a weekly series (October 2022 on) ship with the "
        "package; imported and fetched snapshots add to them (and win on the same date). The map and 'python -m geo "
        "audit' use the latest snapshot on or before a report's date within 14 days; the resolver, weighing "
        "namesakes, within 30.",
        "python -m geo frontline import ../shared/data/frontline/deepstatemaps_history/",
        lambda args: (args.parser.print_help(), 2)[1],
    )
    p.set_defaults(parser=p)
    sub2 = p.add_subparsers(dest="action", metavar="ACTION")

    q = add_command(sub2, "import",
                    "Read DeepState-style GeoJSON (raw DeepStateMap layers, cyterat daily files, this project's weekly "
                    "files; .gz too), keep the occupied and grey-zone areas of Ukraine and store them by date. A file "
                    "that is not such GeoJSON is rejected with one error line; the others are stored.",
                    "python -m geo frontline import ../shared/data/frontline/cyterat/ snapshot-2026-09-01.geojson", run_import)
    q.add_argument("paths", nargs="+", type=Path, metavar="FILE|DIR")
    q.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="the date of a single file whose name carries none")
    add_store_option(q)

    q = add_command(sub2, "fetch",
                    "Download snapshots from DeepStateMap's public history API (one per day, the day's last) or the "
                    "cyterat archive (one file per day), save each raw under --raw-dir, then import it. Days already "
                    "stored are skipped.",
                    "python -m geo frontline fetch --since 2026-08-01 --source cyterat", run_fetch)
    q.add_argument("--since", required=True, type=_date, metavar="DATE", help="first day, YYYY-MM-DD")
    q.add_argument("--until", type=_date, metavar="DATE", help="last day (default: today)")
    q.add_argument("--source", choices=("deepstate", "cyterat"), default="deepstate",
                   help="deepstate: DeepStateMap's history API (default); cyterat: the daily-file archive")
    q.add_argument("--base-url", default=os.environ.get("GEO_FRONTLINE_URL"), metavar="URL",
                   help=f"where to fetch from (default: {DEEPSTATE_URL} or {CYTERAT_URL}; env GEO_FRONTLINE_URL)")
    q.add_argument("--every", type=int, default=1, metavar="DAYS", help="one snapshot every DAYS days (default 1)")
    q.add_argument("--raw-dir", type=Path, default=ROOT / "data" / "raw" / "frontline", metavar="DIR",
                   help="where downloads are saved before parsing (default: data/raw/frontline)")
    q.add_argument("--timeout", type=float, default=60.0, metavar="S", help="seconds to wait for the server (default 60)")
    add_store_option(q)

    q = add_command(sub2, "list", "List the stored snapshots and the shipped series.",
                    "python -m geo frontline list", run_list)
    add_store_option(q)

    q = add_command(sub2, "ship",
                    "Rebuild the snapshots shipped with the package (geo/places/data/frontline) from snapshot files "
                    "and folders, simplified to ~100 m; the files shipped before are replaced by these. For maintainers.",
                    "python -m geo frontline ship ../shared/data/frontline/deepstatemaps_history/1648989208.geojson "
                    "../shared/data/frontline/deepstatemaps_history/1662064277.geojson "
                    "../shared/data/frontline/deepstate_weekly", run_ship)
    q.add_argument("paths", nargs="+", type=Path, metavar="FILE|DIR")
    q.add_argument("--simplify", type=float, default=0.001, metavar="DEG", help="simplification in degrees (default 0.001)")


def read_snapshots(paths: list[Path], day: dt.date | None = None):
    """(snapshots, errors) for the files under `paths`."""
    from geo.places.frontline import MAX_BYTES, FrontlineError, parse_snapshot, snapshot_files

    files = snapshot_files(paths)
    snaps, errors = [], []
    for f in files:
        try:
            if f.stat().st_size > MAX_BYTES:
                errors.append(f"{f}: {f.stat().st_size / 2**20:.0f} MB is more than a front-line snapshot may be")
                continue
            raw = f.read_bytes()
        except OSError as e:
            errors.append(f"{f}: cannot read it ({e.strerror})")
            continue
        try:
            snaps.append(parse_snapshot(raw, str(f), day if len(files) == 1 else None, simplify=SIMPLIFY))
        except FrontlineError as e:
            errors.append(str(e))
    return files, snaps, errors


def store_snapshots(store, snaps) -> int:
    from geo.pipeline import measure_front
    from geo.places.frontline import encode

    n = store.add_frontline((s.date, s.source, encode(s)) for s in snaps)
    measure_front(store, everything=True)
    return n


def run_import(args) -> int:
    from geo.store import Store

    files, snaps, errors = read_snapshots(args.paths, args.date)
    for e in errors:
        print(f"error: {e}", file=sys.stderr)
    if not files:
        print(f"error: no .geojson / .json (or .gz) file in {', '.join(map(str, args.paths))}", file=sys.stderr)
        return 2
    with Store(args.store) as store:
        n = store_snapshots(store, snaps) if snaps else 0
    days = sorted(s.date for s in snaps)
    span = f" ({days[0]} to {days[-1]})" if days else ""
    print(f"imported {n} snapshot(s){span}; {len(errors)} file(s) rejected. Store {args.store}.")
    return 2 if errors else 0


def run_fetch(args) -> int:
    from geo import fetch
    from geo.errors import FetchError, OfflineError
    from geo.places.frontline import FrontlineError, deepstate_plan, parse_snapshot
    from geo.store import Store

    until = args.until or dt.date.today()
    if until < args.since:
        print("error: --until is before --since", file=sys.stderr)
        return 2
    if args.every < 1:
        print("error: --every must be 1 or more", file=sys.stderr)
        return 2
    base = (args.base_url or (DEEPSTATE_URL if args.source == "deepstate" else CYTERAT_URL)).rstrip("/")
    days = [args.since + dt.timedelta(days=i) for i in range(0, (until - args.since).days + 1, args.every)]
    raw_dir = args.raw_dir / args.source
    fetched, failed, gaps, stored = [], 0, 0, 0
    with Store(args.store) as store:
        have = {item["date"] for item in store.frontline_list()}
        if args.source == "deepstate":
            listing = fetch.get(f"{base}/public", timeout=args.timeout)
            try:
                plan = deepstate_plan(json.loads(listing.decode("utf-8")), days)
            except (ValueError, UnicodeDecodeError) as e:
                print(f"error: {base}/public: not DeepStateMap's history list ({e})", file=sys.stderr)
                return 2
            wanted = [(d, f"{base}/{ident}/geojson", raw_dir / f"{ident}.geojson") for d, ident in plan]
            gaps = len(days) - len(wanted)
        else:
            wanted = [(d, f"{base}/deepstatemap_data_{d:%Y%m%d}.geojson", raw_dir / f"deepstatemap_data_{d:%Y%m%d}.geojson")
                      for d in days]
        for day, url, dest in wanted:
            if day.isoformat() in have:
                stored += 1
                continue
            try:
                fetch.download(url, dest, timeout=args.timeout, progress=False)
            except OfflineError as e:  # no server at all: the other days would fail the same way
                failed += 1
                print(f"error: {day}: {e}; stopping", file=sys.stderr)
                break
            except FetchError as e:
                if e.status == 404:
                    gaps += 1  # the archive has no file that day
                    continue
                failed += 1
                print(f"error: {day}: {e}", file=sys.stderr)
                continue
            try:
                snap = parse_snapshot(dest.read_bytes(), str(dest), day, simplify=SIMPLIFY)
            except FrontlineError as e:
                failed += 1
                print(f"error: {day}: fetched {url} (saved as {dest}) but cannot use it: {e}", file=sys.stderr)
                continue
            fetched.append(snap)
            print(f"{day}: {url} -> {dest}")
        if fetched:
            store_snapshots(store, fetched)
    print(f"{len(days)} day(s): {len(fetched)} snapshot(s) fetched and stored, {stored} already stored, "
          f"{gaps} without a snapshot at the source, {failed} failed. Raw files in {raw_dir}.")
    return 1 if failed else 0


def run_list(args) -> int:
    from geo.places.frontline import CREDIT, FrontSeries
    from geo.store import Store

    with Store(args.store) as store:
        items = store.frontline_list()
    for it in items:
        print(f"{it['date']}\t{it['bytes'] / 1000:.0f} kB\t{it['source']}\t(imported {it['imported_at']})")
    shipped = FrontSeries.shipped()
    dates = shipped.dates()
    print(f"{len(items)} snapshot(s) stored in {args.store}; shipped series: {len(dates)} snapshot(s)"
          + (f" {dates[0]} to {dates[-1]}" if dates else "") + f", data by {CREDIT}.")
    return 0


def run_ship(args) -> int:
    from geo.places.frontline import SHIPPED_DIR, encode, parse_snapshot, snapshot_files

    files, snaps, errors = read_snapshots(args.paths)
    if errors or not snaps:
        for e in errors or [f"{' '.join(map(str, args.paths))}: no snapshot files"]:
            print(f"error: {e}", file=sys.stderr)
        return 2
    snaps = [parse_snapshot(f.read_bytes(), str(f), simplify=args.simplify) for f in files]
    SHIPPED_DIR.mkdir(parents=True, exist_ok=True)
    for old in SHIPPED_DIR.glob("*.geojson.gz"):
        old.unlink()
    total = 0
    for s in snaps:
        data = encode(s)
        (SHIPPED_DIR / f"{s.date.isoformat()}.geojson.gz").write_bytes(data)
        total += len(data)
    print(f"{len(snaps)} snapshot(s), {total / 1e6:.1f} MB, written to {SHIPPED_DIR}")
    return 0
