"""Shared pieces of every report reader: dates, headings, lead-ins, endnotes, boilerplate.

The readers differ in how they get from a file to a list of text lines (plain text, HTML,
Markdown dumps, archive rows). From there on ISW's reports look the same, and
`structure_lines` turns the lines into Paragraphs with their section heading and lead-in,
plus the endnote table. All functions here are pure.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from geo.errors import ReportError
from geo.models import TAKEAWAYS, Paragraph, Report
from geo.read.sentences import is_clean

MONTHS = {
    name: i
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
DATE_MDY = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d\d)\b", re.I)
DATE_DMY = re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH},?\s+(?P<year>(?:19|20)\d\d)\b", re.I)
DATE_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
# "russian-offensive-campaign-assessment-june-19-2024", "...-february-26-2026/"
DATE_SLUG = re.compile(rf"-{_MONTH}-(?P<day>\d{{1,2}})-(?P<year>(?:19|20)\d\d)(?:\b|/|$)", re.I)
# A dateline without the year at the start of a report: "November 30, 8:00 pm ET", "September 25, 6 pm ET"
DATELINE = re.compile(rf"^\s*{_MONTH}\s+(?P<day>\d{{1,2}})(?:,\s*(?P<year>(?:19|20)\d\d))?\s*(?:,?\s*\d{{1,2}}(?::\d\d)?\s*[ap]\.?m\.?\s*(?:ET|EST|EDT)?\b)?", re.I)
DATE_ONLY_LINE = re.compile(rf"^\s*{_MONTH}\s+\d{{1,2}}(?:,\s*(?:19|20)\d\d)?(?:,?\s*\d{{1,2}}(?::\d\d)?\s*[ap]\.?m\.?\s*(?:ET|EST|EDT)?)?\s*[.,]?\s*$", re.I)


def _make_date(m: re.Match, month_number: bool = False) -> dt.date | None:
    try:
        month = int(m.group("month")) if month_number else MONTHS[m.group("month").lower().rstrip(".")]
        return dt.date(int(m.group("year")), month, int(m.group("day")))
    except (ValueError, KeyError):
        return None


def date_in(text: str) -> dt.date | None:
    """The first full date written in `text` ("June 19, 2024", "19 June 2024", "2024-06-19")."""
    best: tuple[int, dt.date] | None = None
    for pattern, numeric in ((DATE_MDY, False), (DATE_DMY, False), (DATE_ISO, True)):
        for m in pattern.finditer(text):
            d = _make_date(m, numeric)
            if d is not None:
                if best is None or m.start() < best[0]:
                    best = (m.start(), d)
                break
    return best[1] if best else None


def date_in_url(url: str) -> dt.date | None:
    """The report date in an ISW address (`...-june-19-2024`), or None."""
    m = DATE_SLUG.search(url)
    return _make_date(m) if m else None


def dateline(text: str, year: int) -> dt.date | None:
    """The month and day at the start of `text` ("November 30, 8:00 pm ET, ..."), in `year`."""
    m = DATELINE.match(text)
    if not m:
        return None
    try:
        return dt.date(int(m.group("year") or year), MONTHS[m.group("month").lower().rstrip(".")], int(m.group("day")))
    except (ValueError, KeyError):
        return None


def is_date_line(line: str) -> bool:
    return bool(DATE_ONLY_LINE.match(line))


def default_title(day: dt.date) -> str:
    return f"Russian Offensive Campaign Assessment, {day.strftime('%B')} {day.day}, {day.year}"


# ISW moved its reports from /backgrounder/ (Drupal) to /research/russia-ukraine/ (WordPress) in 2025;
# reports of earlier days keep their /backgrounder/ address.
ISW_NEW_SITE_FROM = dt.date(2025, 1, 1)


def report_url(day: dt.date, title: str | None = None) -> str:
    """The address of the ISW assessment of `day`, in the URL shape of its era: the title's slug when
    the title names that day's assessment (early 2022 titles carry a prefix such as "Russia-Ukraine
    Warning Update"), else `russian-offensive-campaign-assessment-<month>-<day>-<year>`."""
    tail = f"{day.strftime('%B').lower()}-{day.day}-{day.year}"
    slug = re.sub(r"[^a-z0-9]+", "-", (title or "").lower()).strip("-")
    if not (slug.endswith(tail) and "campaign-assessment" in slug):
        slug = f"russian-offensive-campaign-assessment-{tail}"
    if day >= ISW_NEW_SITE_FROM:
        return f"https://understandingwar.org/research/russia-ukraine/{slug}/"
    return f"https://www.understandingwar.org/backgrounder/{slug}"


# -- headings and lead-ins ------------------------------------------------------------------

HEADING_WORDS = re.compile(
    r"\b(?:Effort|effort|Axis|axis|Direction|direction|Takeaways|Toplines|Operations|Campaign|Activity|Activities|"
    r"Counteroffensives?|Ukraine|Russian Federation|Belarus|Oblasts?|Line|Items to [Ww]atch|Mobilization|"
    r"Force Generation|[Oo]ccupied|Occupation|Kherson|Kharkiv|Donetsk|Luhansk|Zaporizhzhia|Crimea|Kursk|Belgorod|"
    r"Special Edition|Front|Dnipro|Mariupol|Sumy|Chernihiv|Kyiv|Izyum|Bakhmut|Avdiivka|Kupyansk|Lyman|Pokrovsk|"
    r"Siversk|Lysychansk|Transnistria|Moldova|Indicators?|MDCOA|Air, Missile)\b"
)
# A finite verb or a day of a month: the line is a sentence (one that lost its period), not a heading.
SENTENCE_LIKE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|may|did|does|conducted|continued|continue|launched|struck|"
    r"attacked|advanced|captured|seized|reported|claimed|stated|made|remain|remains)\b"
    r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}\b"
)
SENTENCE_END = re.compile(r"[.!?;”\"’']\s*$|\[\d+\]\s*$")
BULLET = re.compile(r"^\s*(?:[•·▪◦●\-*–]|\d{1,2}[.)])\s+")
LEAD_IN = re.compile(r"^(?P<label>[A-Z][^:.\[\]“”\"]{1,80}?):\s+(?P<rest>\S.*)$", re.S)
NOT_LABEL = re.compile(r"\b(?:said|says|stated|states|claimed|reported|reports|noted|added|warned|wrote|told|announced|argued|http|https)\b", re.I)
ENDNOTE_LINE = re.compile(r"^\s*\[(?P<n>\d{1,4})\]\s*(?P<rest>.*)$")
URL = re.compile(r"(?:https?://|www\.)[^\s;,<>\"]+|\b[\w-]+(?: dot [\w-]+)+(?:/[^\s;,<>\"]*)?", re.I)
BOILERPLATE = (
    "We do not report in detail on",
    "Note: ISW does not receive any classified material",
    "ISW does not receive any classified material",
    "This map is updated daily alongside the static maps",
    "These maps complement the static control-of-terrain map",
)
CAPTION_START = re.compile(r"\s*\[?\s*(?:Source:|Click\s*here|Click to|Caption:)", re.I)  # "Clickhere": a converter lost the spaces around a link
CAPTION_END = re.compile(r"Maxar Technologies\.?\]?\s*$", re.I)


def is_caption(line: str) -> bool:
    """An image caption or credit: "Source: ...", "Click here ...", a "©", "... Maxar Technologies." at the end.
    The cheap tests first: most lines are long paragraphs."""
    return (CAPTION_START.match(line) is not None or "©" in line
            or (("x" in line or "X" in line) and "maxar" in line.lower() and CAPTION_END.search(line) is not None))


# compiled once: these run on every line (a pattern given to re.search is looked up in re's cache each time)
LIST_ITEM_END = re.compile(r"(?:;|\band|\bor|,)$")
SPACED_DOT = re.compile(r"(?:\s|%20)+dot(?:\s|%20)+")
DOT_WORD = re.compile(r"(?<=[\w/])\s+dot\s+(?=\w)")
ANY_LETTER = re.compile(r"[A-Za-z]")
NOTES_LINE = re.compile(r"(?:End ?notes|Endnotes:|Sources|Notes)", re.I)


def clean(line: str) -> str:
    """Collapse runs of white space (non-breaking spaces too) and strip the ends; drop the invisible characters
    (zero-width spaces, soft hyphens: "Avdiivka\u00ad\u2013Donetsk City" is "Avdiivka\u2013Donetsk City")."""
    if is_clean(line):
        return line  # most lines already are (a printable line holds no non-breaking space, zero-width space or soft hyphen)
    return " ".join(line.replace("\u00a0", " ").replace("\u200b", "").replace("\u00ad", "").split())


def is_heading(line: str) -> bool:
    """A section heading: a short line that is not a sentence and names an axis, effort or part."""
    line = clean(line)
    if len(line) > 200 and not line.rstrip(":").rstrip().endswith(")"):
        return False  # too long, with no parenthetical note at its end for `_drop_note` to take off (a paragraph)
    line = _drop_note(line)
    if not line or len(line) > 200 or not (line[0].isupper() or line[0] in "#0123456789"):
        return False
    if SENTENCE_END.search(line):
        return False
    if line.endswith(":"):
        return len(line.split()) <= 8 and not NOT_LABEL.search(line)
    head, colon, rest = line.partition(":")
    if colon and "(" not in head and len(rest.split()) > 6:
        return False  # "Russian objective: Create defensible buffer zones ..." is a labelled paragraph
    if SENTENCE_LIKE.search(line) or LIST_ITEM_END.search(line):
        return False  # a sentence that lost its period, or an item of a list ("Donbas and Mariupol; and")
    return bool(HEADING_WORDS.search(line)) and len(line.split()) <= 14


PAREN_NOTE = re.compile(r"\s*:?\s*\((?P<note>(?:[^()]|\([^()]*\))*)\)\s*:?\s*$")


def _drop_note(line: str) -> str:
    """A heading without a long parenthetical note after it ("(Russian objective: ...)", "(ISW assesses ...)")."""
    m = PAREN_NOTE.search(line)
    if m and m.start() > 0 and (len(m.group("note").split()) > 6 or re.match(r"(?:Russian |Ukrainian )?objective", m.group("note"), re.I)):
        return line[: m.start()]
    return line


OBJECTIVE_NOTE = re.compile(r"\s*:?\s*\((?:Russian |Ukrainian )?(?:objective|efforts? to)\b.*$", re.I)
SECTION_LABEL = re.compile(r"\b(?:effort|axis)\b", re.I)


def heading_text(line: str) -> str:
    """The heading without its colon and without the "(Russian objective: ...)" note after it."""
    line = _drop_note(OBJECTIVE_NOTE.sub("", clean(line))).rstrip(":").strip()
    return TAKEAWAYS if re.fullmatch(r"key takeaways?", line, re.I) else line


def minor_heading_role(text: str) -> str:
    """The role of an <h4>-<h6> (Markdown "####") line: a labelled line ("Russian objective: Push ...") is text, never a
    section's title; an unlabelled one ("Kupyansk direction") is a heading when it reads as one (`is_heading`)."""
    return "text" if ":" in text else ""


def split_lead_in(text: str) -> tuple[str | None, str]:
    """("Assessed Russian advances", "Geolocated footage ...") for "Assessed Russian advances: Geolocated ..."."""
    m = LEAD_IN.match(text)
    if not m:
        return None, text
    label = m.group("label").strip()
    if len(label.split()) > 9 or NOT_LABEL.search(label) or re.search(r"\d{3,}", label) or re.search(r"\w{3,}ed$", label):
        return None, text  # "Napoleon famously quipped: ..." is a sentence, not a label
    return label, m.group("rest")


def undo_dots(url: str) -> str:
    """ISW writes "https://www dot kremlin dot ru/..." to keep links from being followed."""
    return SPACED_DOT.sub(".", url.replace("\u00a0", " ").strip())


def endnote_urls(text: str) -> tuple[str, ...]:
    """The addresses in an endnote's text, with " dot " undone ("https://tass dot ru/..." -> "https://tass.ru/...")."""
    out: list[str] = []
    text = DOT_WORD.sub(".", text.replace("\u00a0", " "))
    for m in URL.finditer(text):
        url = undo_dots(m.group(0)).rstrip(".);,")
        if not url.lower().startswith(("http://", "https://")):
            url = "https://" + url
        if url not in out:
            out.append(url)
    return tuple(out)


def is_boilerplate(text: str) -> bool:
    return text.startswith(BOILERPLATE)


def is_noise(line: str) -> bool:
    """Bits of page furniture: lone punctuation, captions, image credits, a word or two of link text."""
    if not ANY_LETTER.search(line):
        return True
    if is_caption(line):
        return True
    return len(line.split(None, 5)) <= 5 and not SENTENCE_END.search(line) and not is_heading(line)  # 5 words or fewer


# -- the header of a report: date line, title, byline ------------------------------------

TITLE_LINE = re.compile(r"^(?:Institute for the Study of War\s*:|Russian Offensive Campaign Assessment|Russia-Ukraine Warning Update|ISW\s*:)", re.I)
PUBLISHER = re.compile(r"^(?:Institute for the Study of War|ISW|understandingwar\.org)$", re.I)
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|da|al-\w+)){1,3}"
BYLINE = re.compile(rf"^(?:By\s+)?(?P<names>{_NAME}(?:\s*,\s*(?:and\s+)?{_NAME}|,?\s+(?:and|&|with)\s+{_NAME})*)$")


@dataclass
class Header:
    date: dt.date | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    start: int = 0  # index of the first body line


def parse_header(lines: list[str], max_lines: int = 8) -> Header:
    """Date line(s), title, publisher line and byline at the top, up to the first body line."""
    h = Header()
    seen = 0
    for i, line in enumerate(lines):
        s = clean(line)
        if not s:
            h.start = i + 1
            continue
        seen += 1
        if seen > max_lines:
            break
        if is_date_line(s):
            h.date = h.date or date_in(s)
        elif h.title is None and TITLE_LINE.match(s):
            h.title = s
        elif PUBLISHER.match(s):
            h.authors.append(s)
        elif (b := BYLINE.match(s)) and not HEADING_WORDS.search(s) and (h.title or h.date or re.search(r"^By |,| and ", s)):
            h.authors.extend(split_names(b.group("names")))
        else:
            break
        h.start = i + 1
    return h


def split_names(names: str) -> list[str]:
    return [n.strip() for n in re.split(r",\s*(?:and\s+)?|\s+(?:and|&|with)\s+", names) if n.strip()]


# -- the structure of a report body --------------------------------------------------------


@dataclass
class Body:
    paragraphs: list[Paragraph] = field(default_factory=list)
    endnotes: dict[int, tuple[str, ...]] = field(default_factory=dict)


def structure_lines(lines: Iterable[str | tuple[str, str]], *, section: str | None = None, drop_noise: bool = True,
                    lead_ins: bool = True) -> Body:
    """Paragraphs with headings, Key Takeaways bullets and lead-ins; endnote lines into a table.

    Each non-empty line is one paragraph (that is how every source separates them).
    A heading line sets the section of the paragraphs after it; the lines under
    "Key Takeaways" (bulleted or not) are takeaways until the next heading; "[n] URL"
    lines, and bare URL lines after them, are endnotes. A line may come as (text, "heading")
    when its source marks it as one (an HTML <h2>), or as (text, "text") when it never is.
    """
    body = Body()
    last_note: int | None = None
    in_notes = False
    for raw in lines:
        raw, role = (raw, "") if isinstance(raw, str) else raw
        line = clean(raw)
        if not line:
            continue
        if role == "heading" and not SENTENCE_END.search(_drop_note(line)):
            if re.fullmatch(r"(?:End ?notes|Sources|Notes)", line, re.I):
                in_notes = True
            else:
                section = heading_text(line)
            continue
        note = ENDNOTE_LINE.match(line)
        if note and (URL.search(note.group("rest")) or not note.group("rest") or in_notes):
            n = int(note.group("n"))
            body.endnotes[n] = body.endnotes.get(n, ()) + endnote_urls(note.group("rest"))
            last_note, in_notes = n, True
            continue
        if in_notes and last_note is not None and URL.match(line):
            body.endnotes[last_note] += endnote_urls(line)
            continue
        if NOTES_LINE.fullmatch(line):
            in_notes = True
            continue
        if is_date_line(line) or is_caption(line) or (TITLE_LINE.match(line) and len(line) < 150 and not SENTENCE_END.search(line)):
            continue
        if role != "text" and is_heading(line):
            section = heading_text(line)
            continue
        text = BULLET.sub("", line)
        if is_boilerplate(text):
            if section == TAKEAWAYS:
                section = None  # the war-crimes note follows the takeaways in every ISW format
            continue
        if section == TAKEAWAYS and text.endswith(":") and not BULLET.match(line):
            section = None  # "Russian forces are engaged in four primary efforts at this time:"
        if drop_noise and is_noise(text):
            continue
        lead = None
        if lead_ins:
            lead, text = split_lead_in(text)
            if lead and SECTION_LABEL.search(lead):  # 2022: "Supporting Effort #1—Kharkiv and Izyum: Russian forces ..."
                section, lead = heading_text(lead), None
        body.paragraphs.append(Paragraph(text=text, section=section, lead_in=lead))
    return body


# -- from lines to a Report ------------------------------------------------------------------


def build_report(lines: list[str], source: str, *, fmt: str, url: str | None = None, title: str | None = None,
                 year: int | None = None, fallback: dt.date | None = None) -> Report:
    """A Report from the lines of one report (header, body, endnotes).

    The date comes from a date line at the top ("June 19, 2024"; a yearless "November 30,
    8:00 pm ET" takes `year`), then the title, then the URL, then `fallback` (an archive's
    date column). ReportError when there is none, or no text.
    """
    head = parse_header(lines)
    title = head.title or title
    date = head.date
    if date is None and year is not None:
        for line in lines[: max(head.start, 6)]:
            d = dateline(clean(line), year)
            if d is not None:
                if fallback is not None and (d - fallback).days > 300:
                    d = d.replace(year=d.year - 1)  # "December 31" published on January 1
                date = d
                break
    date = date or (date_in(title) if title else None) or (date_in_url(url) if url else None) or fallback
    if date is None:
        raise ReportError(source, "no report date found (expected a first line such as 'June 19, 2024', a dated title, or a dated report URL)")
    body = structure_lines(lines[head.start:])
    if not body.paragraphs:
        raise ReportError(source, "has a date but no report text")
    return make_report(date, title, body.paragraphs, url, source, fmt, head.authors, body.endnotes)


def make_report(date: dt.date, title: str | None, paragraphs, url: str | None, source: str, fmt: str,
                authors, endnotes: dict) -> Report:
    """The Report every reader returns: a title made from the date when the page has none, the report's
    ISW address built from its date and title when the source names none (archive rows, bare text),
    endnotes in order. `source` stays where the text was read from (the provenance)."""
    return Report(
        date=date,
        title=title or default_title(date),
        paragraphs=tuple(paragraphs),
        url=url or report_url(date, title),
        source=source,
        format=fmt,
        authors=tuple(authors),
        endnotes=tuple(sorted(endnotes.items())),
    )
