"""Read ISW assessments in any of their shapes into `Report`s.

Public entry points (the CLI, the store and the dashboard use exactly these):

    read_path(path)            one file -> [Report] (a page) or many (an archive); ReportError names the file
    read_bytes(data, source)   the same from bytes (uploads, fetched pages)
    iter_paths(paths)          folders expanded (recursive, sorted) to the report files in them

The shape is sniffed from the content, with the file name's suffix as a hint: plain text
(the seed shape, here), HTML pages (`readers_html`), Markdown / text dumps of a web page with
the site around the report (`readers_markdown`), and CSV / JSON bulk archives with one report
per row (`readers_archive`); any of them may be gzipped.

The report date comes from the text, then the title, then the URL, never from a file name;
a report without a findable date raises ReportError.
"""

from __future__ import annotations

import gzip
import re
import zlib
from pathlib import Path

from geo.errors import ReportError
from geo.models import Report
from geo.read.lines import build_report

SUFFIXES = (".txt", ".html", ".htm", ".md", ".csv", ".json")
ARCHIVE_SUFFIXES = (".csv", ".json")
FULL_REPORT = re.compile(r"^(?:For (?:the )?full report|Full report|Read the full report|Source)\s*:\s*(?P<url>https?://\S+)\s*$", re.I)
STOP_LINE = re.compile(r"^(?:Share the Post:?|Share this:?|Related Posts?:?|Related Research)\s*$", re.I)
CHROME_HINT = re.compile(r"^(?:Skip to (?:main )?content|Newsroom|Donate|Menu|Jump to|## Content|## Metadata)\s*$", re.I | re.M)


# -- public API ---------------------------------------------------------------------------


def iter_paths(paths: list[Path]) -> list[Path]:
    """Files as given; folders expanded recursively, sorted, to files with a report suffix."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and _has_report_suffix(f.name) and not f.name.startswith(".")))
        else:
            out.append(p)
    return out


def read_path(path: Path, problems: list[ReportError] | None = None) -> list[Report]:
    """The report(s) in one file; ReportError naming the file when it cannot be read.

    For an archive, rows that cannot be read (text but no date) are skipped and their
    ReportError ("<file>#<row>: ...") is appended to `problems`, or logged as a warning on
    the "geo.read.reports" logger when no list is given; the other rows are returned.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError as e:
        raise ReportError(str(path), "is a folder; pass it to iter_paths() or name the files") from e
    except FileNotFoundError as e:
        raise ReportError(str(path), "no such file") from e
    except OSError as e:
        raise ReportError(str(path), f"cannot be read ({e.strerror or e})") from e
    return read_bytes(data, str(path), problems)


def read_bytes(data: bytes, source: str, problems: list[ReportError] | None = None) -> list[Report]:
    """The report(s) in `data`; `source` names it in errors and in Report.source (see read_path)."""
    name = source.lower()
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as e:
            raise ReportError(source, f"is a damaged gzip file ({e})") from e
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
    if name.endswith(".json") or head[:1] in "[{":
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
