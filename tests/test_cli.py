"""The CLI, run as a user runs it."""

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

KEYS = ["report_date", "kind", "actor", "status", "claimant", "place", "geonameid", "lat", "lon", "admin1", "precision",
        "quote", "source"]


def geo(*args, **kw):
    return subprocess.run([sys.executable, "-m", "geo", *map(str, args)], capture_output=True, text=True, cwd=ROOT, **kw)


def test_every_command_has_help_with_an_example():
    from geo.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert {"ingest", "extract", "evaluate", "refresh"} <= set(sub.choices)
    for name, p in sub.choices.items():
        text = p.format_help()
        assert "example:" in text and "python -m geo" in text, name


def test_extract_prints_json_lines_with_the_fixed_keys(sample_dir, tmp_path):
    out = geo("extract", sample_dir / "2024-06-18.txt", env={"GEO_GAZETTEER": "", "PATH": "", "HOME": str(tmp_path)})
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [list(r) for r in rows] == [KEYS] * 5
    assert {(r["place"], r["geonameid"]) for r in rows} == {
        ("Rostov Oblast", 501165), ("Krasnodar Krai", 542415), ("Vovchansk", 689304), ("Svatove", 692118), ("Avdiivka", 713122)}


def test_extract_seeds_with_the_full_gazetteer_gives_the_nine_gold_claims(sample_dir, full_gazetteer, shared):
    from geo.evaluation import load_jsonl, same_place
    from geo.pipeline import extract_many
    from geo.read.reports import read_path

    reports = [read_path(sample_dir / f"{d}.txt")[0] for d in ("2024-06-18", "2024-06-19")]
    for report, rows in extract_many(reports, full_gazetteer):
        gold = load_jsonl(shared / "gold" / f"seed-{report.date.isoformat()}.jsonl")
        assert len(rows) == len(gold)
        for g in gold:
            assert any(r["kind"] == g["kind"] and r["actor"] == g["actor"] and r["status"] == g["status"]
                       and same_place(g, r) for r in rows), g["place"]


def test_bad_input_gives_one_clear_line_and_the_rest_is_ingested(tmp_path, sample_dir):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "nodate.txt").write_text("Some text without any date in it.\n")
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)))
    store = tmp_path / "s.sqlite"
    out = geo("ingest", "--store", store, "--no-progress", tmp_path / "empty.txt", tmp_path / "nodate.txt",
              tmp_path / "blob.txt", sample_dir)
    assert out.returncode == 1
    errors = [line for line in out.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 3
    for name in ("empty.txt", "nodate.txt", "blob.txt"):
        assert sum(name in e for e in errors) == 1
    assert "ingested 2 report(s)" in out.stdout
    again = geo("ingest", "--store", store, "--no-progress", sample_dir)
    assert again.returncode == 0 and "ingested 0 report(s)" in again.stdout and "2 already stored" in again.stdout


def test_unknown_gazetteer_is_a_clear_error(tmp_path, sample_dir):
    out = geo("extract", "--gazetteer", tmp_path / "missing.sqlite", sample_dir / "2024-06-18.txt")
    assert out.returncode == 2 and out.stderr.startswith("error:") and "missing.sqlite" in out.stderr


@pytest.mark.parametrize("cmd", ["ingest", "extract", "evaluate", "refresh"])
def test_help_runs(cmd):
    out = geo(cmd, "--help")
    assert out.returncode == 0 and "usage:" in out.stdout
