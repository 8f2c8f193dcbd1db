"""`python -m geo extract FILE...`: claims as JSON lines, without touching the store."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from geo.cli import add_command
from geo.cli._common import add_gazetteer_option, load_gazetteer


def register(sub) -> None:
    p = add_command(
        sub, "extract",
        "Print the claims of the given reports as JSON lines, one object per (claim, place), without touching the store. "
        "Each report is resolved on its own text and the front line of its date, so a report gets the same places "
        "given alone or with others.",
        "python -m geo extract data/assessments/2024-06-19.txt > claims.jsonl", run,
    )
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help="report files or folders")
    add_gazetteer_option(p)
    p.add_argument("--details", action="store_true",
                   help="add the provenance keys (section, rule, runner_up, margin, candidates, endnote_urls, ...)")


def run(args) -> int:
    from geo.errors import ReportError
    from geo.pipeline import OUTPUT_KEYS, extract_many
    from geo.read.reports import iter_paths, read_path

    gazetteer = load_gazetteer(args.gazetteer)
    failed = 0
    reports = []
    for path in iter_paths(args.files):
        try:
            reports.extend(read_path(path))
        except ReportError as e:
            print(f"error: {e}", file=sys.stderr)
            failed += 1
    for report, rows in extract_many(reports, gazetteer):
        for row in rows:
            out = row if args.details else {k: row[k] for k in OUTPUT_KEYS}
            sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    return 1 if failed else 0
