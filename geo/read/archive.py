"""Bulk archives: a CSV or JSON file with one report per row (a date and the text).

CSV: with or without a header row; the date column is the first one that parses as a date
(DD-MM-YYYY with dashes, MM/DD/YYYY with slashes, ISO), the text column the longest; a header
naming "date", "text" / "content" / "body", "title", "url" is used when present. Paragraphs
are separated by newlines and headings are plain short lines, as in the seed shape.

JSON: an array (or {"reports": [...]}) of objects with a date and a text field; null entries
are skipped. In the one public JSON archive (Anivone) the paragraphs were joined with ","
and the date is a publication timestamp: paragraphs are recovered by splitting at a comma
that is not followed by a space ("...this report.,Russian forces ..."), and the report's own
date is the dateline at the start of the text ("November 30, 8:00 pm ET") with the year of
the timestamp. Headings survive as their own pieces ("Key Takeaways", "Russian Main
Effort—Eastern Ukraine") and are recognised like any heading line; a heading that was run
together with the next paragraph without a comma cannot be told apart and stays in the text.

Rows without text are skipped and counted. A row with text but no findable date does not
stop the file: it is skipped, and a ReportError naming "<file>#<row>" is appended to the
caller's `problems` list (or logged as a warning on the "geo.read.reports" logger when no list
is given). Each report's source is "<file>#<row>" (row numbers from 1, header excluded).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import re
from collections.abc import Iterable

from geo.errors import ReportError
from geo.models import Report
from geo.read.lines import build_report, date_in

log = logging.getLogger("geo.read.reports")

TEXT_KEYS = ("text", "content", "body", "report", "main_text", "full_text", "article")
DATE_KEYS = ("date", "report_date", "published", "published_at", "datetime", "timestamp", "time", "day")
TITLE_KEYS = ("title", "headline", "name")
URL_KEYS = ("url", "link", "href", "source_url")
# Where paragraphs were joined: a comma with no space after it ("this report.,Russian", "Kagan,October 2"),
# a run of commas (",,,George Barros"), or a comma right after a sentence's end ("in this report., Russian").
JOINED = re.compile(r"\s*,(?:[\s,]*,)\s*|\s*,(?=[A-Z“\"‘\[(])|(?<=[.!?”\"])\s*,\s*(?=[A-Z“\"‘\[(])|(?<=\bET)\s*,\s*")


def parse_date_cell(value: str) -> dt.date | None:
    """A date column: "26-05-2022", "2022-05-26", "2022-12-01T02:20:55.000Z", "05/26/2022", "May 26, 2022"."""
    v = (value or "").strip().strip('"')
    if not v:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?", v)
    if m:
        stamp = _timestamp(v)
        if stamp is not None:
            return stamp
        return _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(r"(\d{1,2})[-.](\d{1,2})[-.](\d{4})", v)
    if m:
        return _date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", v)
    if m:
        return _date(int(m.group(3)), int(m.group(1)), int(m.group(2)))
    return date_in(v)


def _timestamp(v: str) -> dt.date | None:
    """A publication time with a zone, as the date in Washington (ISW's own clock)."""
    if not re.search(r"T\d\d:\d\d", v):
        return None
    try:
        t = dt.datetime.fromisoformat(v.replace("Z", "+00:00"))
    except ValueError:
        return None
    if t.tzinfo is None:
        return t.date()
    try:
        from zoneinfo import ZoneInfo

        return t.astimezone(ZoneInfo("America/New_York")).date()
    except (ImportError, KeyError, ValueError):
        return (t - dt.timedelta(hours=5)).date()


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _keep(report_or_error, reports: list[Report], problems: list[ReportError] | None) -> None:
    if isinstance(report_or_error, Report):
        reports.append(report_or_error)
    elif problems is not None:
        problems.append(report_or_error)
    else:
        log.warning("skipped %s", report_or_error)


def _row_report(text: str, source: str, *, fmt: str, date_cell: str | None, title: str | None, url: str | None,
                joined: bool = False):
    column = parse_date_cell(date_cell) if date_cell else None
    lines = [p for p in JOINED.split(text)] if joined else text.splitlines()
    try:
        return build_report(lines, source, fmt=fmt, title=title or None, url=url or None,
                            year=column.year if column else None, fallback=column)
    except ReportError as e:
        return e


# -- CSV ------------------------------------------------------------------------------------


def read_csv_archive(text: str, source: str, problems: list[ReportError] | None = None) -> list[Report]:
    csv.field_size_limit(2**31 - 1)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    records, broken = _csv_records(text, dialect, source)
    if not records:
        raise ReportError(source, "CSV file has no rows")
    header = [c.strip().lower() for c in records[0]]
    named = any(h in TEXT_KEYS for h in header) or (any(h in DATE_KEYS for h in header) and parse_date_cell(_cell(records[0], 0)) is None)
    body = records[1:] if named else records
    broken = {i - 1: p for i, p in broken.items()} if named else broken
    cols = _columns(header if named else None, [r for i, r in enumerate(body) if i not in broken])
    if cols["text"] is None:
        raise ReportError(source, "CSV file has no text column (expected a header with 'text' or 'content', or a long text column)")
    reports: list[Report] = []
    empty = 0
    for i, row in enumerate(body, start=1):
        if i - 1 in broken:
            _keep(ReportError(f"{source}#{i}", broken[i - 1]), reports, problems)
            continue
        text = _cell(row, cols["text"])
        if not text.strip():
            empty += 1
            continue
        result = _row_report(text, f"{source}#{i}", fmt="csv", date_cell=_cell(row, cols["date"]),
                             title=_cell(row, cols["title"]), url=_cell(row, cols["url"]))
        _keep(result, reports, problems)
    return _finish(reports, source, empty, len(body))


# A line that starts a record of a date-first archive: `28-02-2022,"...`, `2022-02-28;...`
RECORD_START = re.compile(r'^"?(?:\d{1,2}[-./]\d{1,2}[-./]\d{4}|\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?)"?[,;\t]', re.M)


def _csv_records(text: str, dialect, source: str) -> tuple[list[list[str]], dict[int, str]]:
    """The non-blank records of a CSV text, and {record index: problem} for records that cannot be read.

    A quote left open in one row makes a CSV parser read on into the next rows, swallowing them or
    flipping what is quoted in all that follow. When a parsed cell holds the start of another record
    (a line opening with a date and a delimiter), or the parser fails, the records of a date-first
    archive are found by those line starts instead, each parsed alone; a record whose quotes do not
    close is reported on its own and the others are read."""
    try:
        records = [r for r in csv.reader(io.StringIO(text, newline=""), dialect) if any(c.strip() for c in r)]
        error = None
    except csv.Error as e:
        records, error = [], e
    if error is None and not any("\n" in c and RECORD_START.search(c.split("\n", 1)[1]) for r in records for c in r):
        return records, {}
    starts = [m.start() for m in RECORD_START.finditer(text)]
    if not starts:
        raise ReportError(source, f"is not a readable CSV file ({error or 'a quote is never closed'})")
    chunks = ([text[:starts[0]]] if text[:starts[0]].strip() else []) + [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)])]
    out: list[list[str]] = []
    broken: dict[int, str] = {}
    for chunk in chunks:
        rows: list[list[str]] = []
        if chunk.count(dialect.quotechar or '"') % 2 == 0:
            try:
                rows = [r for r in csv.reader(io.StringIO(chunk, newline=""), dialect) if any(c.strip() for c in r)]
            except csv.Error:
                rows = []
        if len(rows) == 1:
            out.append(rows[0])
            continue
        first = chunk.split("\n", 1)[0][:20].split(getattr(dialect, "delimiter", ","))[0].strip('"')
        broken[len(out)] = (f"row (dated {first}) has a quote that is never closed, so where its text ends is unknown; "
                            "the row was skipped (close the quote to read it), the other rows were read")
        out.append([])
    return out, broken


def _finish(reports: list[Report], source: str, empty: int, total: int) -> list[Report]:
    if empty:
        log.info("%s: %d of %d rows without text skipped", source, empty, total)
    if not reports:
        raise ReportError(source, f"archive has no readable report: none of its {total} rows has both text and a date")
    return reports


def _cell(row: list[str], col: int | None) -> str:
    return row[col] if col is not None and col < len(row) else ""


def _columns(header: list[str] | None, rows: list[list[str]]) -> dict[str, int | None]:
    cols: dict[str, int | None] = {"date": None, "text": None, "title": None, "url": None}
    if header:
        for key, names in (("date", DATE_KEYS), ("text", TEXT_KEYS), ("title", TITLE_KEYS), ("url", URL_KEYS)):
            cols[key] = next((i for i, h in enumerate(header) if h in names), None)
    sample = [r for r in rows if any(c.strip() for c in r)][:50]
    if cols["text"] is None and sample:
        width = max(len(r) for r in sample)
        lengths = [sum(len(_cell(r, i)) for r in sample) for i in range(width)]
        cols["text"] = max(range(width), key=lengths.__getitem__)
    if cols["date"] is None and sample:
        width = max(len(r) for r in sample)
        for i in range(width):
            if i != cols["text"] and sum(parse_date_cell(_cell(r, i)) is not None for r in sample) >= len(sample) / 2:
                cols["date"] = i
                break
    return cols


# -- JSON -----------------------------------------------------------------------------------


def read_json_archive(text: str, source: str, problems: list[ReportError] | None = None) -> list[Report]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise ReportError(source, f"is not valid JSON ({e.msg} at line {e.lineno}, column {e.colno})") from e
    except RecursionError as e:
        raise ReportError(source, "is JSON nested too deeply to be a report archive") from e
    items = _items(data)
    if items is None:
        raise ReportError(source, "JSON file is not a list of reports (expected [{\"date\": ..., \"content\": ...}, ...])")
    reports: list[Report] = []
    empty = 0
    for i, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            empty += 1
            continue
        low = {str(k).lower(): v for k, v in item.items()}
        text = _first(low, TEXT_KEYS)
        if not text.strip():
            empty += 1
            continue
        joined = "\n" not in text.strip()
        result = _row_report(text, f"{source}#{i}", fmt="json", date_cell=_first(low, DATE_KEYS),
                             title=_first(low, TITLE_KEYS), url=_first(low, URL_KEYS), joined=joined)
        _keep(result, reports, problems)
    return _finish(reports, source, empty, len(items))


def _items(data) -> list | None:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        for key in ("reports", "items", "data", "rows", "results"):
            if isinstance(data.get(key), list):
                return data[key]
        if any(k.lower() in TEXT_KEYS for k in data):
            return [data]
    return None


def _first(item: dict, keys: Iterable[str]) -> str:
    for k in keys:
        v = item.get(k)
        if isinstance(v, str) and v.strip():
            return v
        if isinstance(v, (int, float)) and not isinstance(v, bool) and k in DATE_KEYS:
            try:  # a Unix time in seconds or milliseconds; 1e20, NaN or infinity is no date
                return dt.datetime.fromtimestamp(v / 1000 if v > 1e11 else v, dt.timezone.utc).isoformat()
            except (OverflowError, OSError, ValueError):
                return ""
    return ""
