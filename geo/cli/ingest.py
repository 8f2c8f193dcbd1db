"""`python -m geo ingest PATH...` and `python -m geo refresh`."""

from __future__ import annotations

import sys
from pathlib import Path

from geo.cli import add_command
from geo.cli._common import add_gazetteer_option, add_store_option, load_gazetteer


def register(sub) -> None:
    p = add_command(sub, "ingest", "Add reports (files or folders) to the store; already stored reports are skipped.",
                    "python -m geo ingest data/assessments/ ~/Downloads/isw-2024-06-20.html", run_ingest)
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="report files (.txt .html .md .csv .json, .gz) or folders")
    add_store_option(p)
    add_gazetteer_option(p)
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--replace", action="store_true",
                   help="replace a stored copy of the same assessment (same date and title) from another source")
    p.add_argument("--force", action="store_true",
                   help="store reports dated outside 2022-02-24 … tomorrow (refused by default as a likely misread date)")
    p.add_argument("--any-source", action="store_true",
                   help="store texts that do not look like an ISW assessment (no assessment title, no ISW markers)")
    p = add_command(sub, "refresh", "Extract every stored report again, e.g. after building the full gazetteer.",
                    "python -m geo refresh --gazetteer data/gazetteer/index.sqlite", run_refresh)
    add_store_option(p)
    add_gazetteer_option(p)


def run_ingest(args) -> int:
    from geo.pipeline import ingest
    from geo.store import Store

    gazetteer = load_gazetteer(args.gazetteer)
    with Store(args.store) as store:
        result = ingest(store, args.paths, gazetteer, progress=False if args.no_progress else None, replace=args.replace,
                        force=args.force, any_source=args.any_source)
        for err in result.errors:
            print(f"error: {err}", file=sys.stderr)
        total = store.counts()
    versions = (f"; {result.versions} already stored from another source (same date and title; --replace to swap)"
                if result.versions else "")
    replaced = f" ({result.replaced} replacing stored copies)" if result.replaced else ""
    print(f"ingested {result.added} report(s){replaced} with {result.rows} claim row(s); {result.skipped} already stored"
          f"{versions}; {len(result.errors)} file(s) rejected. Store {args.store}: {total['reports']} reports, {total['rows']} rows.")
    if result.stopped:
        print(f"error: {result.stopped}; the run stopped there (what was stored before is whole)", file=sys.stderr)
        return 2
    return 1 if result.errors else 0


def run_refresh(args) -> int:
    from geo.pipeline import refresh
    from geo.store import Store

    gazetteer = load_gazetteer(args.gazetteer)
    with Store(args.store) as store:
        n = refresh(store, gazetteer)
        total = store.counts()
    print(f"re-extracted {n} report(s) with {gazetteer.label}: {total['rows']} rows, {total['resolved']} placed.")
    return 0
