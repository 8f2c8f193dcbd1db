"""geo.read.reports: the public entry points, shape sniffing and the plain-text (seed) reader."""

from __future__ import annotations

import datetime as dt
import gzip
import subprocess
import sys

import pytest

from geo.errors import ReportError
from geo.models import TAKEAWAYS
from geo.read.reports import iter_paths, read_bytes, read_path, sniff

# Page furniture that must never reach Report.paragraphs, whatever the shape: phrases never part of a
# report's own text, and menu / button words that must not stand as a paragraph of their own.
CHROME = ("Share the Post", "Wilson Center", "Forced displacement", "Refugees International", "For full report",
          "Skip to content", "email protected", "Related Research", "Russia Researcher",
          "interactive map of the Russian invasion", "We do not report in detail", "Your Donations Keep ISW")
CHROME_LINES = {"newsroom", "donate", "subscribe", "read more", "jump to", "previous", "next", "menu", "share",
                "endnotes", "researchers", "print page", "download page", "analysis", "education"}


def assert_no_chrome(report):
    for p in report.paragraphs:
        for bit in CHROME:
            assert bit.lower() not in p.text.lower(), (report.source, bit, p.text[:120])
        assert p.text.strip().lower() not in CHROME_LINES, (report.source, p.text)
        assert (p.section or "").lower() not in CHROME_LINES, (report.source, p.section)
        assert not p.text.startswith("[1]"), p.text[:80]
        assert "https://" not in p.text and "http://" not in p.text, p.text[:120]


def test_seed_2024_06_19(sample_dir):
    (r,) = read_path(sample_dir / "2024-06-19.txt")
    assert r.date == dt.date(2024, 6, 19)
    assert r.title == "Institute for the Study of War: Russia, North Korea sign ‘comprehensive strategic partnership agreement’"
    assert r.url == "https://www.understandingwar.org/backgrounder/russian-offensive-campaign-assessment-june-19-2024"
    assert r.format == "text" and r.source.endswith("2024-06-19.txt")
    assert len(r.takeaways) == 8
    assert r.takeaways[6].startswith("Ukrainian forces recaptured positions near Starytsya")
    assert not any(t.startswith("•") for t in r.takeaways)
    body = [p for p in r.paragraphs if p.section != TAKEAWAYS]
    assert len(body) == 2 and body[0].text.startswith("Russian President Vladimir Putin and North Korean dictator")
    assert_no_chrome(r)


def test_seed_2024_06_18(sample_dir):
    (r,) = read_path(sample_dir / "2024-06-18.txt")
    assert r.date == dt.date(2024, 6, 18)
    assert r.url.endswith("june-18-2024")
    assert "Russian forces recently marginally advanced near Vovchansk, Svatove, and Avdiivka." in r.takeaways
    assert_no_chrome(r)


def test_read_bytes_matches_read_path(sample_dir):
    path = sample_dir / "2024-06-18.txt"
    assert read_bytes(path.read_bytes(), str(path)) == read_path(path)
    zipped = read_bytes(gzip.compress(path.read_bytes()), str(path) + ".gz")
    assert zipped[0].paragraphs == read_path(path)[0].paragraphs


def test_date_comes_from_text_not_file_name(tmp_path, sample_dir):
    wrong = tmp_path / "2020-01-01.txt"
    wrong.write_bytes((sample_dir / "2024-06-19.txt").read_bytes())
    assert read_path(wrong)[0].date == dt.date(2024, 6, 19)


def test_date_falls_back_to_title_then_url(tmp_path):
    titled = tmp_path / "a.txt"
    titled.write_text("Russian Offensive Campaign Assessment, March 3, 2023\n\nRussian forces attacked near Bakhmut.\n")
    assert read_path(titled)[0].date == dt.date(2023, 3, 3)
    linked = tmp_path / "b.txt"
    linked.write_text("Russian forces attacked near Bakhmut.\n\nFor full report: "
                      "https://www.understandingwar.org/backgrounder/russian-offensive-campaign-assessment-may-5-2023\n")
    (r,) = read_path(linked)
    assert r.date == dt.date(2023, 5, 5) and r.paragraphs[0].text == "Russian forces attacked near Bakhmut."


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"", "is empty"),
        (b"   \n\n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("Grüße".encode("latin-1") + b" aus Kyiv", "not UTF-8"),
        (b"Russian forces attacked near Bakhmut.\nNothing says when.\n", "no report date found"),
        (b"June 19, 2024\n\n", "no report text"),
        (b'{"not": "a report"}', "not a list of reports"),
        (b"\x1f\x8b\x08\x00broken", "damaged gzip"),
    ],
)
def test_bad_input_names_file_and_problem(tmp_path, data, problem):
    path = tmp_path / "bad.txt"
    if data.startswith(b"{"):
        path = tmp_path / "bad.json"
    path.write_bytes(data)
    with pytest.raises(ReportError) as e:
        read_path(path)
    assert str(path) in str(e.value) and problem in str(e.value)
    assert e.value.source == str(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ReportError, match="no such file"):
        read_path(tmp_path / "nope.txt")
    with pytest.raises(ReportError, match="is a folder"):
        read_path(tmp_path)


def test_iter_paths_expands_folders_sorted_by_suffix(tmp_path, sample_dir):
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "a.html", "sub/c.md", "sub/d.csv.gz", "e.json", "notes.docx", "img.png", "sub/f.txt.gz"):
        (tmp_path / name).write_bytes(b"x")
    found = iter_paths([tmp_path, sample_dir / "2024-06-18.txt"])
    names = [p.relative_to(tmp_path).as_posix() if tmp_path in p.parents else p.name for p in found]
    assert names == ["a.html", "b.txt", "e.json", "sub/c.md", "sub/d.csv.gz", "sub/f.txt.gz", "2024-06-18.txt"]


def test_sniff():
    assert sniff("<!DOCTYPE html><html><body><p>x</p>", "page") == "html"
    assert sniff('[{"date": "2022-12-01", "content": "x"}]', "dump") == "json"
    assert sniff('26-05-2022,"Russian forces ..."\n', "rows") == "csv"
    assert sniff("# understandingwar.org\n\n## Content\nDonate\n", "x.md") == "markdown"
    assert sniff("Skip to content\nMenu\nDonate\nRussian Offensive Campaign Assessment", "saved.txt") == "markdown"
    assert sniff("June 19, 2024\n\nInstitute for the Study of War: ...", "seed.txt") == "text"


def test_lead_in_and_endnotes_in_plain_text(tmp_path):
    path = tmp_path / "modern.txt"
    path.write_text(
        "February 26, 2026\n\nRussian Supporting Effort: Northern Axis\n"
        "Assessed Russian advances: Geolocated footage published on February 26 indicates that Russian forces "
        "recently advanced in Kindrativka.[3]\n"
        "Unconfirmed claims: A Russian milblogger claimed that Russian forces advanced near Pokrovka.[4]\n"
        "Endnotes\n[3] https://t.me/a/1 ; https://www dot kremlin dot ru/events/1\n[4] https://t.me/b/2\n",
        encoding="utf-8",
    )
    (r,) = read_path(path)
    assert [(p.section, p.lead_in) for p in r.paragraphs] == [
        ("Russian Supporting Effort: Northern Axis", "Assessed Russian advances"),
        ("Russian Supporting Effort: Northern Axis", "Unconfirmed claims"),
    ]
    assert r.paragraphs[0].text.startswith("Geolocated footage published on February 26")
    assert r.paragraphs[0].text.endswith("[3]")
    assert r.endnote_urls((3, 4)) == ("https://t.me/a/1", "https://www.kremlin.ru/events/1", "https://t.me/b/2")


@pytest.fixture(scope="module")
def materialized(tmp_path_factory, shared):
    out = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, str(shared / "tools" / "materialize_corpus.py"), str(out)], check=True)
    return out


def test_materialized_corpus_reads_with_right_dates(materialized):
    paths = iter_paths([materialized])
    assert len(paths) == 228
    for p in paths:
        (r,) = read_path(p)
        assert r.date == dt.date.fromisoformat(p.stem.removeprefix("isw-")), p
        assert r.paragraphs and r.title
        assert_no_chrome(r)


def test_materialized_sections(materialized):
    (r,) = read_path(materialized / "isw-2022-05-26.txt")
    sections = [p.section for p in r.paragraphs]
    assert "Subordinate Main Effort—Southern Kharkiv, Donetsk, Luhansk Oblasts" in sections
    assert "Supporting Effort #2—Southern Axis" in sections
    para = next(p for p in r.paragraphs if p.text.startswith("Russian forces continued efforts to encircle Severodonetsk"))
    assert para.section == "Subordinate Main Effort—Southern Kharkiv, Donetsk, Luhansk Oblasts"
    assert "[7]" in para.text  # endnote markers stay for the extractor
    assert not any(p.text.startswith("We do not report in detail") for p in r.paragraphs)


def test_materialized_non_csv_reports(tmp_path, shared):
    ids = ["isw-2023-04-26-html", "isw-2023-04-30-html", "isw-2023-05-03-html", "isw-2023-05-05-html",
           "isw-2026-02-26-md", "isw-2026-06-30-html", "seed-2024-06-19", "seed-2024-06-18"]
    subprocess.run([sys.executable, str(shared / "tools" / "materialize_corpus.py"), str(tmp_path), *ids], check=True)
    for p in iter_paths([tmp_path]):
        (r,) = read_path(p)
        day = p.stem.split("-", 1)[1].removesuffix("-html").removesuffix("-md")
        assert r.date == dt.date.fromisoformat(day), p
        assert_no_chrome(r)
