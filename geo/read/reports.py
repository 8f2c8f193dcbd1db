"""Read ISW assessments in any of their shapes into `Report`s.

Public entry points (the CLI, the store and the dashboard use exactly these):

    read_path(path)            one file -> [Report] (a page) or many (an archive); ReportError names the file
    read_bytes(data, source)   the same from bytes (uploads, fetched pages)
    iter_paths(paths)          folders expanded (recursive, sorted) to the report files in them
    implausible(report)        why a report does not look like an ISW assessment of this war, or None

Files are read only up to MAX_FILE_BYTES (GEO_MAX_FILE_MB, also what a .gz may expand to).

The shape is sniffed from the content, with the file name's suffix as a hint: plain text
(the seed shape, here), HTML pages (`readers_html`), Markdown / text dumps of a web page with
the site around the report (`readers_markdown`), and CSV / JSON bulk archives with one report
per row (`readers_archive`); any of them may be gzipped.

The report date comes from the text, then the title, then the URL, never from a file name;
a report without a findable date raises ReportError.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import zlib
from pathlib import Path

from geo.errors import ReportError
from geo.models import Report
from geo.read.lines import build_report

log = logging.getLogger("geo.read.reports")
MAX_FILE_BYTES = int(float(os.environ.get("GEO_MAX_FILE_MB") or 256) * 2**20)  # a file, or what a .gz expands to
FIRST_DAY = dt.date(2022, 2, 24)  # the first day of the war ISW's assessments cover
# Words every ISW assessment carries in its text (and a page that merely mentions the war does not)
ISW_MARKERS = re.compile(r"\bKey Takeaways\b|\bInstitute for the Study of War\b|\bISW\b|understandingwar\.org|"
                         r"\bCritical Threats\b|criticalthreats\.org|\bCampaign Assessment\b|\bWarning Update\b", re.I)
ENDNOTE_MARK = re.compile(r"\[\d{1,3}\]")
FORCES = re.compile(r"\b(?:Russian|Ukrainian|Kremlin|Ukraine's|Russia's)\s+(?:forces|troops|military|command|units)\b", re.I)

# a JSON archive opens with an object or an array of values; a Markdown page may open with a link ("[![X](x.svg)](...)")
JSON_START = re.compile(r'\{|\[\s*(?:[\[{"\]\d-]|true|false|null|$)')
SUFFIXES = (".txt", ".html", ".htm", ".md", ".csv", ".json")
ARCHIVE_SUFFIXES = (".csv", ".json")
FULL_REPORT = re.compile(r"^(?:For (?:the )?full report|Full report|Read the full report|Source)\s*:\s*(?P<url>https?://\S+)\s*$", re.I)
STOP_LINE = re.compile(r"^(?:Share the Post:?|Share this:?|Related Posts?:?|Related Research)\s*$", re.I)
CHROME_HINT = re.compile(r"^(?:Skip to (?:main )?content|Newsroom|Donate|Menu|Jump to|## Content|## Metadata)\s*$", re.I | re.M)


# -- public API ---------------------------------------------------------------------------


def iter_paths(paths: list[Path], problems: list[ReportError] | None = None) -> list[Path]:
    """Files as given; folders expanded recursively, sorted, to files with a report suffix. A folder that
    cannot be listed (no permission) is reported in `problems` (or logged) and the rest are still found."""
    out: list[Path] = []

    def unreadable(e: OSError) -> None:
        _problem(ReportError(printable(e.filename or "?"), f"folder cannot be read ({e.strerror or e}); its reports were skipped"), problems)

    for p in map(Path, paths):
        if p.is_dir():
            found: list[Path] = []
            for here, dirs, names in os.walk(p, onerror=unreadable):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(Path(here) / n for n in names if _has_report_suffix(n) and not n.startswith(".")
                             and (Path(here) / n).is_file())
            out.extend(sorted(found))
        else:
            out.append(p)
    return out


def printable(path) -> str:
    """A path as text that can be printed and stored: bytes that are not UTF-8 shown as U+FFFD."""
    return os.fsencode(path).decode("utf-8", "replace") if not isinstance(path, str) or _has_surrogates(path) else path


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _problem(error: ReportError, problems: list[ReportError] | None) -> None:
    if problems is not None:
        problems.append(error)
    else:
        log.warning("%s", error)


def read_path(path: Path, problems: list[ReportError] | None = None) -> list[Report]:
    """The report(s) in one file; ReportError naming the file when it cannot be read.

    For an archive, rows that cannot be read (text but no date) are skipped and their
    ReportError ("<file>#<row>: ...") is appended to `problems`, or logged as a warning on
    the "geo.read.reports" logger when no list is given; the other rows are returned.
    """
    path = Path(path)
    source = printable(str(path))
    try:
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise ReportError(source, f"is {size / 2**20:.0f} MB, more than a report file may be "
                                          f"({MAX_FILE_BYTES / 2**20:.0f} MB; GEO_MAX_FILE_MB); split the archive")
            data = f.read(MAX_FILE_BYTES + 1)
    except IsADirectoryError as e:
        raise ReportError(source, "is a folder; pass it to iter_paths() or name the files") from e
    except FileNotFoundError as e:
        raise ReportError(source, "no such file") from e
    except OSError as e:
        raise ReportError(source, f"cannot be read ({e.strerror or e})") from e
    if len(data) > MAX_FILE_BYTES:
        raise ReportError(source, f"is more than a report file may be ({MAX_FILE_BYTES / 2**20:.0f} MB; GEO_MAX_FILE_MB)")
    return read_bytes(data, source, problems)


def read_bytes(data: bytes, source: str, problems: list[ReportError] | None = None) -> list[Report]:
    """The report(s) in `data`; `source` names it in errors and in Report.source (see read_path)."""
    name = source.lower()
    if data[:2] == b"\x1f\x8b":
        data = gunzip(data, source)
        name = name.removesuffix(".gz")
    text = decode(data, source)
    shape = sniff(text, name)
    if shape == "html":
        from geo.read.html import read_html

        return [read_html(text, source)]
    if shape == "csv":
        from geo.read.archive import read_csv_archive

        return read_csv_archive(text, source, problems)
    if shape == "json":
        from geo.read.archive import read_json_archive

        return read_json_archive(text, source, problems)
    if shape == "markdown":
        from geo.read.markdown import read_page_dump

        return [read_page_dump(text, source, fmt="markdown" if name.endswith(".md") or text.lstrip().startswith("#") else "text")]
    return [read_text(text, source)]


# -- bytes to text, and which shape -------------------------------------------------------


def gunzip(data: bytes, source: str, limit: int | None = None) -> bytes:
    """The content of a gzip file, decompressed only up to `limit` bytes (a small file that expands to
    gigabytes is refused, not read into memory)."""
    limit = MAX_FILE_BYTES if limit is None else limit
    out: list[bytes] = []
    total = 0
    try:
        while data[:2] == b"\x1f\x8b":  # gzip members may follow one another
            d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            chunk = d.decompress(data, limit + 1 - total)
            while chunk:
                total += len(chunk)
                out.append(chunk)
                if total > limit:
                    raise ReportError(source, f"expands to more than {limit / 2**20:.0f} MB when decompressed "
                                              "(GEO_MAX_FILE_MB); not a report archive")
                chunk = d.decompress(d.unconsumed_tail, limit + 1 - total) if d.unconsumed_tail else b""
            if not d.eof:
                raise ReportError(source, "is a damaged gzip file (it ends before its data does)")
            data = d.unused_data
    except zlib.error as e:
        raise ReportError(source, f"is a damaged gzip file ({e})") from e
    return b"".join(out)



def decode(data: bytes, source: str) -> str:
    """UTF-8 text, or ReportError for an empty, binary or non-UTF-8 file."""
    if not data.strip():
        raise ReportError(source, "is empty; expected an ISW report (text, HTML, Markdown, CSV or JSON)")
    if b"\x00" in data[:65536]:
        raise ReportError(source, "is a binary file (it contains NUL bytes), not a report; expected text, HTML, Markdown, CSV or JSON")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ReportError(source, f"is not UTF-8 text (undecodable byte at offset {e.start}); save the report as UTF-8") from e
    if not text.strip():
        raise ReportError(source, "is empty; expected an ISW report (text, HTML, Markdown, CSV or JSON)")
    return text


def sniff(text: str, name: str = "") -> str:
    """One of text | html | markdown | csv | json, from the content and the suffix of `name`."""
    head = text.lstrip()[:4096]
    low = head.lower()
    if name.endswith((".html", ".htm")) or low.startswith(("<!doctype html", "<html")) or re.search(r"<(?:html|body|article|div|p)\b", low[:2000]):
        return "html"
    if name.endswith(".json") or (not name.endswith(".md") and JSON_START.match(head)):
        return "json"
    if name.endswith(".csv") or re.match(r'^"?(?:\d{1,4}[-./]\d{1,2}[-./]\d{1,4}|date)"?\s*[,;\t]', head, re.I):
        return "csv"
    if name.endswith(".md") or CHROME_HINT.search(text[:20000]):
        return "markdown"
    return "text"


def _has_report_suffix(name: str) -> bool:
    name = name.lower().removesuffix(".gz")
    return name.endswith(SUFFIXES)


# -- the plain-text reader (the seed shape) -----------------------------------------------


def read_text(text: str, source: str) -> Report:
    """The seed shape: date line, title, body, "Key Takeaways:" bullets, "For full report: URL".

    Everything from "Share the Post:" on (an unrelated advertisement) is dropped. Files
    written by materialize_corpus.py (date line, blank line, CSV archive text) read the same.
    """
    lines = text.splitlines()
    url: str | None = None
    body: list[str] = []
    for line in lines:
        s = line.strip()
        if STOP_LINE.match(s):
            break
        m = FULL_REPORT.match(s)
        if m:
            url = url or m.group("url").rstrip(".,;")
            continue
        body.append(line)

    return build_report(body, source, fmt="text", url=url)


# -- is it plausibly an ISW assessment of this war? ----------------------------------------


def implausible_date(day: dt.date, today: dt.date | None = None) -> str | None:
    """Why `day` cannot be the date of an assessment (before 2022-02-24 or after tomorrow), or None."""
    today = today or dt.date.today()
    if day < FIRST_DAY or day > today + dt.timedelta(days=1):
        return (f"is dated {day.isoformat()}, outside {FIRST_DAY.isoformat()} … {(today + dt.timedelta(days=1)).isoformat()} "
                "(the days of ISW's assessments of this war); check the date, or --force to ingest it anyway")
    return None


def not_isw(report: Report) -> str | None:
    """Why `report` does not look like an ISW assessment (no assessment title, none of ISW's markers), or None."""
    from geo.read.lines import default_title

    own_title = report.title if report.title != default_title(report.date) else ""  # a title made from the date says nothing
    if ISW_MARKERS.search(own_title) or any(ISW_MARKERS.search(p.text) for p in report.paragraphs):
        return None
    text = report.text
    if report.endnotes or len(ENDNOTE_MARK.findall(text)) >= 3 or len(FORCES.findall(text)) >= 8:
        return None  # ISW's numbered endnotes, or the dense reporting of both sides' forces of an assessment
    if report.url and re.search(r"understandingwar\.org|criticalthreats\.org", report.url, re.I) and report.url != _built_url(report):
        return None
    return ("does not look like an ISW assessment (no assessment title, no ISW markers such as 'Key Takeaways'); "
            "--any-source to ingest it anyway")


def _built_url(report: Report) -> str | None:
    """The address a reader builds from the date when the source names none (not evidence of the source)."""
    try:
        from geo.read.lines import report_url
    except ImportError:
        return None
    return report_url(report.date, report.title)


def implausible(report: Report, *, force: bool = False, any_source: bool = False, today: dt.date | None = None) -> str | None:
    """Why `report` should not be stored without the user saying so, or None."""
    return (None if force else implausible_date(report.date, today)) or (None if any_source else not_isw(report))
