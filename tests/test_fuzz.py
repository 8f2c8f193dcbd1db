"""Property tests with hypothesis: every reader and `extract`, on text built from the pieces real reports and hostile
files are made of. Whatever the input, a reader returns reports or raises ReportError, and extraction returns rows;
nothing else escapes. A few hundred cases here; `scripts/fuzz.py` runs the same properties for as long as asked."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os

import pytest

hypothesis = pytest.importorskip("hypothesis", reason="fuzzing needs the test extra: pip install -e '.[test]'")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from geo.errors import ReportError  # noqa: E402
from geo.models import Paragraph, Report  # noqa: E402
from geo.read.archive import read_csv_archive, read_json_archive  # noqa: E402
from geo.read.html import read_html  # noqa: E402
from geo.read.markdown import read_page_dump  # noqa: E402
from geo.read.reports import read_bytes, read_text  # noqa: E402

EXAMPLES = int(os.environ.get("GEO_FUZZ_EXAMPLES") or 40)
settings.register_profile("geo", max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("GEO_FUZZ_EXAMPLES"),
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], database=None)
settings.load_profile("geo")

# What reports are made of, and what breaks parsers: dates, headings, claim sentences, place shapes, markup,
# CSV and JSON punctuation, odd Unicode.
PIECES = [
    "June 19, 2024", "19 June 2024", "2024-06-19", "February 30, 2023", "December 31, 9999", "Jan 1, 1900",
    "November 30, 8:00 pm ET", "Key Takeaways:", "Key Takeaways", "Russian Offensive Campaign Assessment, June 19, 2024",
    "Russian forces recently advanced near Chasiv Yar.", "Ukrainian forces attacked near Robotyne (west of Verbove).",
    "Russian milbloggers claimed that Russian forces captured Krasnohorivka, Donetsk Oblast.",
    "Russian forces struck Kharkiv City, Sumy, and Odesa oblasts on June 18.[1]", "Kupyansk direction",
    "Assessed Russian advances:", "about 30 km southeast of Izyum", "north of Sumy City near Oleksiivka",
    "For full report: https://www.understandingwar.org/backgrounder/x", "Share the Post:", "[1] https://t.me/x",
    "<p>", "</p>", "<h2>", "</h2>", "<html><body><article>", "<script>alert(1)</script>", "<!--", "&amp;", "&#0;",
    "# ", "## Content", "Skip to main content", "* ", "[link](https://x)", "|", "```",
    '"', '""', ",", ";", "\t", "\n", "\r\n", "\n\n", "\r", " ", "date,text\n", "28-02-2022,", '28-02-2022,"',
    "[", "]", "{", "}", '{"date": ', '"content": ', "null", "NaN", "1e20", "-1", "true", ":", '{"reports": [',
    "\x00", "\ufeff", "\u202e", "\U0001f600", "Часів Яр", "Kyïv", "ʼ", "’", "\u00a0", "e\u0301",
]
pieces = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=40).map("".join)
encoded = st.one_of(pieces.map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary(max_size=200))


def reads(call):
    try:
        found = call()
    except ReportError as e:
        assert str(e)
        return []
    assert isinstance(found, list) and all(isinstance(r, Report) for r in found)
    for r in found:
        assert isinstance(r.date, dt.date) and r.title and r.paragraphs
    return found


@given(encoded, st.sampled_from(["x.txt", "x.html", "x.md", "x.csv", "x.json", "x.txt.gz", "x"]))
def test_read_bytes_any_bytes(data, name):
    reads(lambda: read_bytes(data, name, problems=[]))


@given(pieces)
def test_read_text(text):
    reads(lambda: [read_text(text, "t.txt")])


@given(pieces)
def test_read_html(text):
    reads(lambda: [read_html(text, "t.html")])


@given(pieces, st.sampled_from(["markdown", "text"]))
def test_read_page_dump(text, fmt):
    reads(lambda: [read_page_dump(text, "t.md", fmt=fmt)])


rows = st.lists(st.tuples(st.one_of(st.sampled_from(["28-02-2022", "2022-02-28", "02/28/2022", "", "x", "31-02-2022"]),
                                    st.text(max_size=10)), pieces), max_size=5)


@given(rows, st.booleans())
def test_read_csv_archive(records, header):
    out = io.StringIO()
    w = csv.writer(out)
    if header:
        w.writerow(["date", "text"])
    w.writerows(records)
    reads(lambda: read_csv_archive(out.getvalue(), "a.csv", problems=[]))


@given(pieces)
def test_read_csv_archive_raw(text):
    reads(lambda: read_csv_archive(text, "a.csv", problems=[]))


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.floats(allow_nan=True, allow_infinity=True), st.integers(), pieces),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(
        st.sampled_from(["date", "content", "text", "title", "url", "timestamp", "reports", "x"]), inner, max_size=4)),
    max_leaves=12)


@given(json_values)
def test_read_json_archive(value):
    reads(lambda: read_json_archive(json.dumps(value), "a.json", problems=[]))


@given(pieces)
def test_read_json_archive_raw(text):
    reads(lambda: read_json_archive(text, "a.json", problems=[]))


@pytest.fixture(scope="module")
def gazetteer():
    from geo.places.gazetteer import Gazetteer

    return Gazetteer.embedded()


@settings(max_examples=max(EXAMPLES, 60))
@given(st.lists(st.tuples(pieces, st.sampled_from([None, "Kupyansk direction", "Key Takeaways", "Southern Axis"]),
                          st.sampled_from([None, "Assessed Russian advances", "Unconfirmed claims"])), min_size=1, max_size=6))
def test_extract_any_report(gazetteer, paragraphs):
    from geo.pipeline import extract_rows, to_row  # noqa: F401

    report = Report(date=dt.date(2024, 6, 19), title="Russian Offensive Campaign Assessment, June 19, 2024",
                    paragraphs=tuple(Paragraph(t, s, lead) for t, s, lead in paragraphs), source="fuzz.txt")
    out = extract_rows(report, gazetteer)
    assert isinstance(out, list)
    for row in out:
        assert row["report_date"] == "2024-06-19" and row["quote"] and row["kind"] in ("advance", "attack", "strike")
        json.dumps(row)
