"""Markdown or text dumps of an ISW web page: the report with the site around it.

A scraper's dump (or "Save as text" in a browser) holds the site's menus before the report,
and the endnote list, researcher cards, "Related Research" lists and footer after it. The
report is cut out between its title (just before "Toplines" / "Key Takeaways") and the
first piece of trailing chrome; Markdown syntax is reduced to text, "#" headings are kept
as headings, and the endnote list is read into Report.endnotes.
"""

from __future__ import annotations

import re

from geo.errors import ReportError
from geo.models import Report
from geo.read.lines import (
    BYLINE,
    ENDNOTE_LINE,
    HEADING_WORDS,
    URL,
    clean,
    date_in,
    date_in_url,
    make_report,
    is_date_line,
    minor_heading_role,
    split_names,
    structure_lines,
)

META_URL = re.compile(r"^\s*[-*]?\s*(?:\*\*)?(?:URL|Source|Link|Canonical)(?:\*\*)?\s*:\s*(?:\*\*)?\s*<?(?P<url>https?://\S+?)>?\s*$", re.I)
TITLE = re.compile(r"^(?:#+\s*)?(?P<t>(?:Russian Offensive Campaign Assessment|Russia-Ukraine Warning Update)[^|]*?\d{4})(?:\s*\|.*)?$", re.I)
BODY_START = re.compile(r"^(?:#+\s*)?(?:Toplines|Key Takeaways:?)\s*$", re.I)
# Where the report ends and the site begins again.
TRAILER = re.compile(
    r"^(?:#+\s*)?(?:Previous|Next|Analyst Notes|Related Research|Related|Researchers|Authors?|receive isw updates|Subscribe|"
    r"Share(?: the Post| this)?:?|Read more on this Product Line|More reports|Reference materials|Back to top|"
    r"Assessment as of:.*|Data Cutoff:.*|File Attachments:?|Tags:?)\s*$",
    re.I,
)
ENDNOTES = re.compile(r"^(?:#+\s*)?End ?notes:?\s*$", re.I)
SECTION_MARKERS = re.compile(r"^## (?:Metadata|Page Structure)\s*$")
MD_LINK = re.compile(r"!?\[(?P<text>[^\]]*)\]\((?P<url>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
MD_EMPH = re.compile(r"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w))")
# What converters of a whole page (markdownify, html2text, reader services) write besides the report's words:
MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+.!|<>~-])")  # "\[45\]", "dva\_majors": CommonMark backslash escapes
MD_NOTE_LINK = re.compile(r"\[\[(\d{1,4})\]\]\([^)\s]*\)")  # "[[45]](#_ednref45)": an endnote marker linked to its note
MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")  # a map's "![Map Thumbnail](...png)": not report text
MD_AUTOLINK = re.compile(r"<((?:https?://|www\.)[^>\s]+)>")  # "<https://t.me/x/1>"
# the end of a link whose opening bracket a converter lost (html2text's "[ ![Map](a.webp)](map/)](map/ \"title\")")
MD_LINK_TAIL = re.compile(r"\]\((?:https?://|/|#)[^)\s]*(?:\s+\"[^\"]*\")?\)")
URL_TEXT = re.compile(r"(?:https?://|www\.)", re.I)
# a report's address on ISW's sites (not a map's), also inside a share link's "?url="
ISW_REPORT = re.compile(r"https?://(?:www\.)?(?:understandingwar\.org|criticalthreats\.org)/(?:backgrounder|research|analysis)/[^\s&?#;,]+", re.I)
# a bold or italic span closed right after a sentence's stop, the next sentence glued on ("Russians.**Ukrainian ...")
MD_STOP_EMPH = re.compile(r"(?<=[.!?”\"’])(?:\*\*|__)(?=[A-Z“‘\"(])")


def read_page_dump(text: str, source: str, fmt: str = "markdown") -> Report:
    """One report from a Markdown or text dump of an ISW page; ReportError when none is found."""
    raw = text.splitlines()
    url = _meta_url(raw)
    content = _content(raw)
    lines = [(_plain(line), _role(line)) for line in content]
    start = _body_start(lines)
    title = None
    date = None
    authors_top: list[str] = []
    for t, _ in lines[max(0, start - 12):start]:
        m = TITLE.match(t)
        if m:
            title = clean(m.group("t"))
        if is_date_line(t):
            date = date_in(t)
        if _is_byline(t) and (title or date):
            authors_top.extend(split_names(BYLINE.match(t).group("names")))
    body, notes_lines, authors = _split_trailer(lines[start:])
    if title is None:
        title = next((clean(m.group("t")) for t, _ in lines if (m := TITLE.match(t))), None)
    date = date or (date_in(title) if title else None) or (date_in_url(url) if url else None)
    if date is None:
        raise ReportError(source, "no report date found (no date line, dated title or dated report URL in the page dump)")
    parsed = structure_lines(body + notes_lines)
    if not parsed.paragraphs:
        raise ReportError(source, "page dump has a date but no report text between the site's menus")
    # the report's own address: one on ISW's sites before any other naming that day (a share link's
    # "https://twitter.com/intent/tweet?url=https://understandingwar.org/...-june-30-2026/" comes first on a page)
    dated = [u for t, _ in lines if "http" in t for u in URL.findall(t) if date_in_url(u) == date] if not url else []
    own = [m.group() for u in dated if (m := ISW_REPORT.search(u)) and date_in_url(m.group()) == date]
    url = url or next(iter(own), None) or next(iter(dated), None)
    return make_report(date, title, parsed.paragraphs, url, source, fmt, authors or authors_top, parsed.endnotes)


MD_HEADING = re.compile(r"^\s*(#{1,6})\s")


def _role(line: str) -> str:
    """A "#" to "###" line is a heading; "####" and deeper are read as <h4>-<h6> on ISW's pages: the 2026 layout's
    "#### Russian objective: ..." under each axis is a labelled line, not the section's title."""
    m = MD_HEADING.match(line) if "#" in line[:8] else None
    if m is None:
        return ""
    return "heading" if len(m.group(1)) <= 3 else minor_heading_role(line)


def cut_report(lines: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The report's own lines out of a whole page's: from its title or "Toplines" to the trailer.

    The title line is kept (the header parser reads the title and date from it); endnote
    lines stay after the body.
    """
    start = _body_start(lines)
    titles = [i for i in range(max(0, start - 8), start) if TITLE.match(lines[i][0]) or is_date_line(lines[i][0])]
    head = titles[0] if titles else start
    body, notes, _ = _split_trailer(lines[start:])
    return lines[head:start] + body + notes


def _meta_url(lines: list[str]) -> str | None:
    for line in lines[:40]:
        m = META_URL.match(line)
        if m:
            return m.group("url").rstrip(").,")
    return None


def _content(lines: list[str]) -> list[str]:
    """The page text: after a scraper's "## Content" marker when there is one, else everything; a scraper's dump
    whose own "## Metadata" / "## Page Structure" sections come first gives what follows its next "## " section
    whatever that is named ("## Page Text", "## Markdown"), and nothing when there is none."""
    for i, line in enumerate(lines):
        if line.strip() == "## Content":
            return lines[i + 1:]
    if any(SECTION_MARKERS.match(line) for line in lines[:20]):
        seen = False
        for i, line in enumerate(lines):
            if SECTION_MARKERS.match(line):
                seen = True
            elif seen and line.startswith("## "):
                return lines[i + 1:]
        return []
    return lines


def _plain(line: str) -> str:
    line = re.sub(r"^\s*#{1,6}\s+", "", line)
    if "\\" in line:
        line = MD_ESCAPE.sub(r"\1", line)
    if "](" in line:
        line = MD_NOTE_LINK.sub(r"[\1]", line)
        line = MD_IMAGE.sub("", line)
        for _ in range(3):  # a linked image's link, the link around that ("[[![Map](a.webp)](map/)](share/)")
            linked = MD_LINK.sub(_link_text, line)
            if linked == line:
                break
            line = linked
        line = MD_LINK_TAIL.sub("", line)
    if "<" in line:
        line = MD_AUTOLINK.sub(r"\1", line)
    if "**" in line or "__" in line:
        line = MD_STOP_EMPH.sub(" ", line)
    line = MD_EMPH.sub("", line)
    line = re.sub(r"^\s*>\s?", "", line)
    return clean(line)


def _link_text(m: re.Match) -> str:
    """A link's words; its target when the words are its address cut short (an endnote's "https://t.me/m...")."""
    text, url = m.group("text"), m.group("url")
    if text.endswith(("...", "…")) and URL_TEXT.match(text) and url.startswith(text.rstrip(".…")):
        return url
    return text


def _body_start(lines: list[tuple[str, str]]) -> int:
    """Index of the first body line: after the title (or date line) nearest before "Toplines" /
    "Key Takeaways", so that old-format toplines ahead of the takeaways are kept."""
    marker = next((i for i, (t, _) in enumerate(lines) if BODY_START.match(t)), None)
    limit = marker if marker is not None else max(1, len(lines) // 2)
    heads = [i for i, (t, _) in enumerate(lines[:limit]) if TITLE.match(t) or is_date_line(t)]
    if heads:
        i = heads[-1] + 1
        while i < limit and (is_date_line(lines[i][0]) or _is_byline(lines[i][0])):
            i += 1
        return i
    return marker if marker is not None else 0


def _is_byline(text: str) -> bool:
    return bool(BYLINE.match(text)) and not HEADING_WORDS.search(text)


def _split_trailer(lines: list[tuple[str, str]]) -> tuple[list, list, list[str]]:
    """(report lines, endnote lines, researcher names): the body ends at the endnotes or the site's trailer."""
    body: list[tuple[str, str]] = []
    notes: list[tuple[str, str]] = []
    authors: list[str] = []
    i = 0
    while i < len(lines):
        t, role = lines[i]
        if ENDNOTES.match(t):
            i += 1
            while i < len(lines) and (ENDNOTE_LINE.match(lines[i][0]) or URL.match(lines[i][0]) or not lines[i][0]):
                notes.append(lines[i])
                i += 1
            continue
        if TRAILER.match(t):
            break
        body.append((t, role))
        i += 1
    # Researchers: name / role pairs after the "Researchers" line.
    for j in range(i, len(lines)):
        if re.fullmatch(r"Researchers|Authors?", lines[j][0], re.I):
            k = j + 1
            while k + 1 < len(lines) and re.search(r"\b(?:Researcher|Analyst|Fellow|Director|Editor|Manager|Lead|Specialist|Intern)\b", lines[k + 1][0]):
                if lines[k][0]:
                    authors.append(lines[k][0])
                k += 2
            break
    return body, notes, authors
