"""Bulk archives (CSV, JSON, gzipped), on the two real 2022-2023 archives of the corpus."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import logging

import pytest
from tests.read.test_reports import assert_no_chrome

from geo.errors import ReportError
from geo.read.reports import read_bytes, read_path

CSV_GZ = "corpus/isw/team1dsnaukma_Alarm_Predictor/isw.csv.gz"
JSON_GZ = "corpus/isw/Anivone_alarm-prediction/reports.json.gz"


@pytest.fixture(scope="module")
def csv_reports(shared):
    return read_path(shared / CSV_GZ)


@pytest.fixture(scope="module")
def json_reports(shared):
    return read_path(shared / JSON_GZ)


def test_csv_archive_every_report_with_its_date(shared, csv_reports):
    csv.field_size_limit(10**9)
    with gzip.open(shared / CSV_GZ, "rt", encoding="utf-8") as f:
        rows = [r for r in csv.reader(f) if len(r) >= 2 and r[1].strip()]
    assert len(csv_reports) == len(rows) == 228
    assert [r.date for r in csv_reports] == [dt.datetime.strptime(r[0], "%d-%m-%Y").date() for r in rows]
    assert all(r.format == "csv" and "#" in r.source for r in csv_reports)
    assert len({r.source for r in csv_reports}) == 228
    for r in csv_reports:
        assert_no_chrome(r)


def test_csv_archive_matches_materialized_text(shared, csv_reports, tmp_path):
    """A CSV row and the text file materialize_corpus.py writes from it are the same report (same hash)."""
    import subprocess
    import sys

    subprocess.run([sys.executable, str(shared / "tools/materialize_corpus.py"), str(tmp_path), "isw-2022-05-26", "isw-2022-07-20"], check=True)
    for day in ("2022-05-26", "2022-07-20"):
        (t,) = read_path(tmp_path / f"isw-{day}.txt")
        (c,) = [r for r in csv_reports if r.date.isoformat() == day]
        assert c.paragraphs == t.paragraphs
        assert c.content_hash == t.content_hash


def test_csv_sections(csv_reports):
    r = next(r for r in csv_reports if r.date == dt.date(2022, 10, 20))
    sections = {p.section for p in r.paragraphs}
    assert {"Eastern Ukraine: (Oskil River-Kreminna Line)", "Southern Ukraine: (Kherson Oblast)",
            "Russian Subordinate Main Effort—Donetsk Oblast", "Supporting Effort—Southern Axis"} <= sections
    early = next(r for r in csv_reports if r.date == dt.date(2022, 2, 28))
    assert {"Kyiv axis", "Northeast axis", "Donbas axis", "Crimea axis"} <= {p.section for p in early.paragraphs}


def test_json_archive_dates_from_dateline_with_year_of_timestamp(shared, json_reports):
    data = json.loads(gzip.decompress((shared / JSON_GZ).read_bytes()))
    objects = [x for x in data if x]
    assert len(json_reports) == len(objects) == 114
    by_row = {int(r.source.rsplit("#", 1)[1]): r for r in json_reports}
    first = by_row[1]  # published 2022-12-01T02:20:55Z, content "November 30, 8:00 pm ET, ..."
    assert data[0]["date"].startswith("2022-12-01") and data[0]["content"].startswith("November 30, 8:00 pm ET")
    assert first.date == dt.date(2022, 11, 30)
    for i, r in by_row.items():
        published = dt.date.fromisoformat(data[i - 1]["date"][:10])
        assert 0 <= (published - r.date).days <= 2, (r.source, r.date, published)
    assert min(r.date for r in json_reports) == dt.date(2022, 2, 25)
    assert max(r.date for r in json_reports) == dt.date(2023, 4, 24)


def test_json_archive_paragraphs_and_headings_recovered(json_reports):
    r = next(r for r in json_reports if r.source.endswith("#1"))
    assert r.paragraphs[0].text.startswith("Russian efforts around Bakhmut indicate that Russian forces have fundamentally failed")
    assert not r.paragraphs[0].text.startswith("November 30")
    assert len(r.takeaways) >= 5
    assert all(len(p.text) > 20 for p in r.paragraphs)
    sections = {p.section for r in json_reports for p in r.paragraphs}
    assert {"Supporting Effort—Southern Axis", "Russian Subordinate Main Effort—Donetsk Oblast",
            "Mobilization and Force Generation Efforts", "Activity in Russian-occupied Areas"} <= sections
    byline = next(r for r in json_reports if r.date == dt.date(2023, 4, 9))
    assert byline.authors[:2] == ("George Barros", "Kateryna Stepanenko")
    for r in json_reports:
        assert_no_chrome(r)
        assert r.title.startswith("Russian Offensive Campaign Assessment")


def test_bad_rows_are_reported_and_skipped_not_fatal(caplog):
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["date", "text"])
    w.writerow(["26-05-2022", "Russian forces captured Lyman on May 26.[6]\nKey Takeaways\nRussian forces advanced."])
    w.writerow(["27-05-2022", ""])  # no text: skipped silently
    w.writerow(["not a date", "Russian forces attacked near Bakhmut."])  # text without a date: reported
    w.writerow(["2022-05-28", "Ukrainian forces struck Russian positions near Kherson."])
    data = out.getvalue().encode()
    problems: list[ReportError] = []
    reports = read_bytes(data, "rows.csv", problems)
    assert [r.date for r in reports] == [dt.date(2022, 5, 26), dt.date(2022, 5, 28)]
    assert [r.source for r in reports] == ["rows.csv#1", "rows.csv#4"]
    assert len(problems) == 1 and problems[0].source == "rows.csv#3" and "no report date" in problems[0].problem
    assert reports[0].takeaways == ("Russian forces advanced.",)
    with caplog.at_level(logging.WARNING, logger="geo.read.reports"):
        assert len(read_bytes(data, "rows.csv")) == 2
    assert "rows.csv#3" in caplog.text


def test_json_variants():
    data = json.dumps({"reports": [
        {"date": "2023-01-02", "title": "Russian Offensive Campaign Assessment, January 2, 2023",
         "url": "https://www.understandingwar.org/backgrounder/russian-offensive-campaign-assessment-january-2-2023",
         "text": "Russian forces attacked near Bilohorivka.\nUkrainian forces struck Nova Kakhovka."},
        None,
        {"date": 1672790400, "content": "Russian forces continued assaults near Bakhmut."},
    ]}).encode()
    reports = read_bytes(data, "mine.json")
    assert [r.date for r in reports] == [dt.date(2023, 1, 2), dt.date(2023, 1, 3)]
    assert reports[0].url.endswith("january-2-2023") and len(reports[0].paragraphs) == 2


def test_archive_without_any_readable_row():
    with pytest.raises(ReportError, match="none of its 2 rows has both text and a date"):
        read_bytes(b"date,text\n01-02-2023,\nnope,Some words here.\n", "empty.csv", [])
    with pytest.raises(ReportError, match="not valid JSON"):
        read_bytes(b"[{", "broken.json")
