"""Several ingests at once on one store, as several analysts (or cron jobs) run them: nothing doubled, nothing lost,
no spurious errors. Real processes (`python -m geo ingest`) on copies of the 228-report CSV archive of the corpus."""

from __future__ import annotations

import csv
import gzip
import io
import sqlite3
import subprocess
import sys

from tests.conftest import ROOT

CSV_GZ = "corpus/isw/team1dsnaukma_Alarm_Predictor/isw.csv.gz"


def _rows(shared) -> list[list[str]]:
    csv.field_size_limit(10**9)
    with gzip.open(shared / CSV_GZ, "rt", encoding="utf-8") as f:
        return [r for r in csv.reader(f) if len(r) >= 2 and r[1].strip()]


def _write(path, rows) -> None:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def _ingest(*args):
    env = {"PATH": "", "HOME": "/nonexistent", "GEO_GAZETTEER": "", "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "geo", "ingest", "--no-progress", *map(str, args)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(procs):
    return [(p.wait(timeout=600), *p.communicate()) for p in procs]


def test_four_ingests_of_four_different_copies_store_each_assessment_once(shared, tmp_path):
    rows = _rows(shared)
    assert len(rows) == 228
    copies = []
    for k in range(4):
        # each copy differs in every report (one added line, so another content hash) and in the order of its rows
        turned = rows[k * 57:] + rows[:k * 57]
        path = tmp_path / f"copy{k}.csv"
        _write(path, [[date, f"{text}\nArchived copy {k}."] for date, text in turned])
        copies.append(path)
    store = tmp_path / "claims.sqlite"
    done = _finish([_ingest(path, "--store", store) for path in copies])
    for code, out, err in done:
        assert code == 0 and "error" not in err.lower(), err[-2000:]
    con = sqlite3.connect(store)
    assert con.execute("SELECT COUNT(*) FROM reports").fetchone()[0] == 228
    assert con.execute("SELECT COUNT(DISTINCT date) FROM reports").fetchone()[0] == 228
    assert con.execute("SELECT COUNT(*) FROM claim_rows WHERE report_id NOT IN (SELECT id FROM reports)").fetchone()[0] == 0
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    added = [int(out.split("ingested ")[1].split()[0]) for _, out, _ in done]
    assert sum(added) == 228


def test_two_ingests_of_the_same_files_both_succeed_without_errors(shared, tmp_path):
    path = tmp_path / "archive.csv"
    _write(path, _rows(shared)[:60])
    store = tmp_path / "claims.sqlite"
    done = _finish([_ingest(path, "--store", store) for _ in range(2)])
    for code, out, err in done:
        assert code == 0, err[-2000:]
        assert err.strip() == "", err[-2000:]
    assert sqlite3.connect(store).execute("SELECT COUNT(*) FROM reports").fetchone()[0] == 60


def test_a_store_locked_by_another_process_stops_the_run_with_a_message(sample_dir, tmp_path):
    store = tmp_path / "claims.sqlite"
    from geo.store import Store

    Store(store).close()
    holder = sqlite3.connect(store, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process holds the write lock for longer than we wait
    try:
        env_timeout = {"GEO_STORE_TIMEOUT": "0.5"}
        p = subprocess.run([sys.executable, "-m", "geo", "ingest", "--no-progress", sample_dir, "--store", store],
                           cwd=ROOT, capture_output=True, text=True, timeout=300,
                           env={"PATH": "", "HOME": "/nonexistent", "GEO_GAZETTEER": "", **env_timeout})
    finally:
        holder.rollback()
        holder.close()
    assert p.returncode != 0
    assert "Traceback" not in p.stderr
    assert "locked by another process" in p.stderr and "run again" in p.stderr
    assert sqlite3.connect(store).execute("SELECT COUNT(*) FROM reports").fetchone()[0] == 0


def test_a_store_failure_mid_run_keeps_no_copy_in_place_of_another(sample_dir, tmp_path, embedded_gazetteer):
    """A write that fails (disk full) stops the run: later files are not stored in place of the one that failed."""
    from geo.pipeline import ingest
    from geo.store import Store

    text = (sample_dir / "2024-06-18.txt").read_text(encoding="utf-8")
    big, small = tmp_path / "a-big.txt", tmp_path / "b-small.txt"
    big.write_text(text, encoding="utf-8")
    small.write_text(text.replace("Russian forces recently marginally advanced", "Russian forces recently  advanced")
                     .rsplit("\n\n", 3)[0], encoding="utf-8")
    with Store(tmp_path / "s.sqlite") as store:
        # the store's disk fills up: SQLite then refuses to grow the file beyond its current pages
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages}")
        result = ingest(store, [big, small], embedded_gazetteer, progress=False)
        assert result.stopped and "full" in result.stopped
        assert store.counts()["reports"] == 0
        store.conn.execute("PRAGMA max_page_count = 1073741823")
        again = ingest(store, [big, small], embedded_gazetteer, progress=False)
        assert (again.added, again.versions) == (1, 1)
        assert [r["source"] for r in store.reports()] == [str(big)]
