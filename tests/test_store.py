"""The SQLite store: idempotent, atomic, tolerant."""

import sqlite3

import pytest

from geo.errors import StoreError
from geo.pipeline import extract_rows, ingest
from geo.read.reports import read_path
from geo.store import Store


def test_add_report_is_idempotent(sample_dir, embedded_gazetteer):
    report = read_path(sample_dir / "2024-06-18.txt")[0]
    rows = extract_rows(report, embedded_gazetteer)
    with Store(":memory:") as store:
        assert store.add_report(report, rows, "m")
        assert not store.add_report(report, rows, "m")
        assert store.counts() == {"reports": 1, "rows": len(rows), "resolved": sum(r["lat"] is not None for r in rows)}
        stored = store.claim_rows()
        assert [r["place"] for r in stored] == [r["place"] for r in rows]
        assert stored[0]["report_date"] == "2024-06-18" and stored[0]["source"].startswith("https://www.understandingwar.org/")
        assert [r.date for r in store.stored_reports()] == [report.date]


def test_a_failed_write_leaves_the_store_as_it_was(sample_dir, embedded_gazetteer):
    report = read_path(sample_dir / "2024-06-18.txt")[0]
    rows = extract_rows(report, embedded_gazetteer)
    bad = rows + [dict(rows[0], kind=None)]  # violates NOT NULL half-way through the rows
    with Store(":memory:") as store:
        with pytest.raises(StoreError, match="store is unchanged"):
            store.add_report(report, bad, "m")
        assert store.counts()["reports"] == 0 and store.counts()["rows"] == 0


def test_ingest_tolerates_bad_files(tmp_path, sample_dir, embedded_gazetteer):
    folder = tmp_path / "in"
    folder.mkdir()
    for f in sample_dir.glob("*.txt"):
        (folder / f.name).write_bytes(f.read_bytes())
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe")
    (folder / "nodate.txt").write_text("Russian forces advanced near Chasiv Yar.\n")
    db = tmp_path / "claims.sqlite"
    with Store(db) as store:
        result = ingest(store, [folder], embedded_gazetteer, progress=False)
        assert result.added == 2 and len(result.errors) == 3
        assert all(any(name in e for e in result.errors) for name in ("empty.txt", "binary.txt", "nodate.txt"))
        before = store.claim_rows()
        again = ingest(store, [folder], embedded_gazetteer, progress=False)
        assert again.added == 0 and again.skipped == 2
        assert store.claim_rows() == before
    assert sorted(r.isoformat() for r in Store(db).report_dates()) == ["2024-06-18", "2024-06-19"]


def test_not_a_store(tmp_path):
    bad = tmp_path / "x.sqlite"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a usable SQLite store"):
        Store(bad)


def test_store_schema_is_plain_sqlite(tmp_path, sample_dir, embedded_gazetteer):
    db = tmp_path / "c.sqlite"
    with Store(db) as store:
        ingest(store, [sample_dir], embedded_gazetteer, progress=False)
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM reports").fetchone()[0] == 2
    assert con.execute("SELECT COUNT(*) FROM claim_rows WHERE report_date = '2024-06-18'").fetchone()[0] == 5


def test_refresh_places_what_the_embedded_gazetteer_could_not(tmp_path, sample_dir, embedded_gazetteer, full_gazetteer):
    from geo.pipeline import refresh

    with Store(tmp_path / "s.sqlite") as store:
        ingest(store, [sample_dir], embedded_gazetteer, progress=False)
        before = {r["place"]: r["geonameid"] for r in store.claim_rows()}
        assert before["Starytsya"] is None  # its only embedded namesake is in Tver Oblast: listed, not placed
        assert refresh(store, full_gazetteer, progress=False) == 2
        after = {r["place"]: r["geonameid"] for r in store.claim_rows()}
        assert after["Starytsya"] == 692838  # the Kharkiv Oblast village, by the front of June 18 (Vovchansk)
        assert store.counts()["reports"] == 2


def test_another_copy_of_a_stored_assessment_is_not_added_twice(tmp_path, sample_dir, embedded_gazetteer):
    # the same assessment from another source: same date and title, different layout
    text = (sample_dir / "2024-06-18.txt").read_text(encoding="utf-8")
    copy = tmp_path / "copy" / "isw-june-18.txt"
    copy.parent.mkdir()
    copy.write_text(text.replace("Russian forces recently marginally advanced", "Russian forces recently  advanced"), encoding="utf-8")
    with Store(tmp_path / "s.sqlite") as store:
        ingest(store, [sample_dir / "2024-06-18.txt"], embedded_gazetteer, progress=False)
        rows = store.counts()["rows"]
        again = ingest(store, [copy], embedded_gazetteer, progress=False)
        assert (again.added, again.versions) == (0, 1)
        assert store.counts() == {"reports": 1, "rows": rows, "resolved": store.counts()["resolved"]}
        swapped = ingest(store, [copy], embedded_gazetteer, progress=False, replace=True)
        assert (swapped.added, swapped.replaced) == (1, 1)
        assert store.counts()["reports"] == 1
        assert [r["source"] for r in store.reports()] == [str(copy)]
