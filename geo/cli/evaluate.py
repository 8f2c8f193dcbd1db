"""`python -m geo evaluate --gold DIR --reports DIR`: measure extraction and geocoding against gold labels."""

from __future__ import annotations

import sys
from pathlib import Path

from geo.cli import add_command
from geo.cli._common import add_gazetteer_option, load_gazetteer
from geo.errors import GeoError


def register(sub) -> None:
    p = add_command(
        sub, "evaluate",
        "Compare extracted claims with gold labels: claim precision / recall / F1 on (kind, actor, place), location "
        "accuracy, status accuracy, share of unresolved mentions, and the worst misses with their sentences.",
        "python -m geo evaluate --gold ../shared/gold --reports /tmp/gold-reports --gazetteer data/gazetteer/index.sqlite",
        run,
    )
    p.add_argument("--gold", type=Path, required=True, metavar="DIR", help="folder of <report-id>.jsonl gold files")
    p.add_argument("--reports", type=Path, required=True, metavar="DIR",
                   help="folder holding <report-id>.<txt|html|md> report files (materialize_corpus.py writes them)")
    add_gazetteer_option(p)
    p.add_argument("--ids", help="comma-separated report ids (default: every gold file)")
    p.add_argument("--show", type=int, default=10, help="how many misses to list (default 10)")
    p.add_argument("--min-f1", type=float, default=0.0, help="exit 1 if claim F1 is below this")
    p.add_argument("--min-location", type=float, default=0.0, help="exit 1 if location accuracy is below this")
    p.add_argument("--min-status", type=float, default=0.0, help="exit 1 if status accuracy is below this")


def run(args) -> int:
    from geo.evaluation import format_report
    from geo.pipeline import evaluate

    if not args.gold.is_dir():
        raise GeoError(f"{args.gold}: no such folder of gold labels")
    ids = args.ids.split(",") if args.ids else None
    totals = evaluate(args.gold, args.reports, load_gazetteer(args.gazetteer), ids)
    print(format_report(totals, args.show))
    ok = totals.f1 >= args.min_f1 and totals.location_accuracy >= args.min_location and totals.status_accuracy >= args.min_status
    if not ok:
        print("below the required figures", file=sys.stderr)
    return 0 if ok else 1
