"""ISW report pages saved as HTML: the old site (2022-2024, Drupal, `/backgrounder/...`), the
new one (2025 on, WordPress, `/research/russia-ukraine/...`) and the criticalthreats.org mirror.

The page is cut down to the element that holds the report body (a selector per site, then
generic fallbacks), site chrome inside it (scripts, menus, share buttons, forms, figures) is
removed, and its block elements become lines for `report_lines.structure_lines`. Endnote
paragraphs ("[12] https://...") are read here, from the links' targets, because the visible
text of old-site links is often cut short ("https://t.me/m...").
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

from geo.errors import ReportError
from geo.models import Report
from geo.read.lines import (
    ENDNOTE_LINE,
    URL,
    clean,
    date_in,
    date_in_url,
    make_report,
    endnote_urls,
    minor_heading_role,
    parse_header,
    structure_lines,
)

# Where the report body lives, most specific first: (tag or None, class) pairs, found with
# BeautifulSoup's find (CSS selectors through soupsieve cost more than the rest of the parse).
BODY_CLASSES = (
    ("div", "field-name-body"),  # understandingwar.org 2022-2024 (Drupal): .field-name-body .field-item
    ("div", "dynamic-entry-content"),  # understandingwar.org 2025+ (WordPress, GenerateBlocks)
    (None, "entry-content"),  # WordPress themes, criticalthreats.org
    (None, "post-content"),
    (None, "article-body"),
)
CHROME_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button",
               "iframe", "svg", "select", "input", "figcaption", "figure", "img", "video", "audio", "object")
CHROME_CLASS = re.compile(
    r"(?:^|[-_\s])(?:share|sharing|social|sharedaddy|related|newsletter|subscribe|donate|menu|breadcrumb|nav-posts|"
    r"researchers?_sidebar|researcher-card|author-bio|bio|comments?|advert|ads?|sidebar|cookie|popup|modal|"
    r"field-name-field-project|field-name-field-file-attacments|field-name-field-pdf-report)(?:$|[-_\s])",
    re.I,
)
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dt", "dd", "td", "th"}
HEADINGS = {"h1", "h2", "h3"}
# Boxes whose loose text (words straight inside, outside any block, as a Word paste leaves them) is a line of its own
BOXES = {"div", "section", "article", "main", "body"}
CF_EMAIL = re.compile(r"\[email(?:&#160;|\s)*protected\]|email protected", re.I)


def read_html(html: str, source: str) -> Report:
    """One report from an ISW page; ReportError when it holds no dated report text."""
    soup = BeautifulSoup(html, "lxml")
    url = _url(soup) or (source if source.lower().startswith(("http://", "https://")) else None)
    page_title = _page_title(soup)
    authors = _authors(soup)
    root, known = _body(soup)
    if root is None:
        raise ReportError(source, "HTML page without a report body (no article or content element found)")
    _strip_chrome(root)
    lines, notes = _lines_and_notes(root)
    if not known:  # a page we have no selector for: cut the report out as from a text dump of the page
        from geo.read.markdown import cut_report

        lines = cut_report(lines)
    head = parse_header([t for t, _ in lines])
    title = head.title or page_title
    date = head.date or (date_in(title) if title else None) or (date_in_url(url) if url else None)
    if date is None:
        raise ReportError(source, "no report date found (not in the page text, its title or its address)")
    if head.authors:
        authors = authors or tuple(a for a in head.authors if a.lower() != "institute for the study of war") or tuple(head.authors)
    body = structure_lines(lines[head.start:])
    if not body.paragraphs:
        raise ReportError(source, "HTML page has a date but no report paragraphs (is it a report page?)")
    endnotes = dict(body.endnotes)
    endnotes.update(notes)
    return make_report(date, title, body.paragraphs, url, source, "html", authors, endnotes)


def _meta(soup: BeautifulSoup, **attrs) -> str | None:
    tag = soup.find("meta", attrs=attrs)
    content = tag.get("content") if tag else None
    return clean(content) if content else None


# A page (or link) kept by the Wayback Machine: its addresses are the archive's, the original inside
ARCHIVED = re.compile(r"^(?:https?://web\.archive\.org)?/web/\d{4,14}(?:[a-z]{2}_)?/(?P<url>(?:https?:)?//?.+)$", re.I)


def unarchived(url: str) -> str:
    """The original address inside a Wayback Machine one ("https://web.archive.org/web/20230504/https://www.under...")."""
    m = ARCHIVED.match(url) if "/web/" in url else None
    if m is None:
        return url
    inner = m.group("url")
    return inner if inner.lower().startswith(("http://", "https://")) else "https://" + inner.lstrip("/:")


def _url(soup: BeautifulSoup) -> str | None:
    """The page's own address: its canonical link (the old ISW site wrote it relative), else an
    og:url naming a dated report (the old site's og:url points at a development host); a Wayback Machine
    copy's addresses are taken back to the original."""
    for link in soup.find_all("link", rel="canonical"):
        href = unarchived((link.get("href") or "").strip())
        if href.startswith(("http://", "https://")):
            return href
        if href.startswith("/backgrounder/"):
            return "https://www.understandingwar.org" + href
    og = _meta(soup, property="og:url")
    og = unarchived(og) if og else og
    if og and og.startswith(("http://", "https://")) and date_in_url(og):
        return og
    return None


def _page_title(soup: BeautifulSoup) -> str | None:
    article = soup.find("article")
    h1 = (article.find("h1") if article else None) or soup.find("h1", class_=["page-title", "title"]) or soup.find("h1", id="page-title")
    if h1 and clean(h1.get_text(" ")):
        return clean(h1.get_text(" "))
    og = _meta(soup, property="og:title")
    if og:
        return og
    if soup.title and soup.title.string:
        return re.sub(r"\s*\|\s*(?:ISW|Institute for the Study of War|Critical Threats).*$", "", clean(soup.title.string))
    return None


def _authors(soup: BeautifulSoup) -> tuple[str, ...]:
    names = [clean(h.get_text(" ")) for card in soup.find_all(class_="researcher-card") for h in card.find_all("h3")]
    return tuple(dict.fromkeys(n for n in names if n))


def _body(soup: BeautifulSoup) -> tuple[Tag | None, bool]:
    """The element holding the report, and whether it was found by a site-specific class."""
    for tag, cls in BODY_CLASSES:
        el = soup.find(tag, class_=cls) if tag else soup.find(class_=cls)
        if el is not None and cls == "field-name-body":
            el = el.find(class_="field-item") or el
        if el is not None and len(el.get_text(" ", strip=True)) > 200:
            return el, True
    for name in ("article", "main"):
        el = soup.find(name)
        if el is not None and len(el.get_text(" ", strip=True)) > 200:
            return el, False
    return soup.find(id="content") or soup.body, False


def _strip_chrome(root: Tag) -> None:
    for tag in root.find_all(CHROME_TAGS):
        tag.decompose()
    chrome = [tag for tag in root.descendants if isinstance(tag, Tag) and (tag.get("class") or tag.get("id"))
              and CHROME_CLASS.search(" ".join(tag.get("class") or []) + " " + (tag.get("id") or ""))]
    for tag in chrome:
        if not tag.decomposed:
            tag.decompose()
    for a in root.find_all(class_="__cf_email__"):
        a.decompose()


def _lines_and_notes(root: Tag) -> tuple[list[tuple[str, str]], dict[int, tuple[str, ...]]]:
    lines: list[tuple[str, str]] = []
    notes: dict[int, tuple[str, ...]] = {}
    for el, segments in _blocks(root):
        last: int | None = None
        minor = el.name in ("h4", "h5", "h6")
        role = "heading" if el.name in HEADINGS else ""
        for text, hrefs in segments:
            if minor:
                role = minor_heading_role(text)
            m = ENDNOTE_LINE.match(text)
            if m and (hrefs or URL.search(text)):
                last = int(m.group("n"))
                notes[last] = notes.get(last, ()) + _note_urls(hrefs, m.group("rest"))
            elif last is not None and (hrefs or URL.search(text)) and len(text.split()) <= 12:
                notes[last] = notes.get(last, ()) + _note_urls(hrefs, text)  # an endnote continued after a <br>
            else:
                last = None
                lines.append((text, role))
    return lines, notes


def _blocks(root: Tag) -> list[tuple[Tag, list[tuple[str, list[str]]]]]:
    """Each run of a block element's own text, in page order, as (block, segments): the text split at <br>,
    each piece with the link targets inside it. A block that holds other blocks gives its own text around
    theirs, each run on its own (a Key Takeaways item whose map images sit in a <p> inside it keeps its words), and
    so does a box (<div>, <section>) with words straight inside it.
    Comments (a Word paste's "<!--[if gte mso 9]>"), CDATA and processing instructions are not text."""
    out: list[tuple[Tag, list[tuple[str, list[str]]]]] = []
    block: Tag | None = root if root.name in BOXES else None  # the block whose text is being read (None: not read)
    parts: list[tuple[str, list[str]]] = [("", [])]
    # an explicit stack, not recursion: a page nested thousands of elements deep must not overflow Python's
    stack: list[tuple] = [(iter(root.children), False, None)]  # (children left, ends a block, the block outside it)
    while stack:
        children, ends_block, outer = stack[-1]
        node = next(children, None)
        if node is None:
            stack.pop()
            if ends_block:
                _flush(out, block, parts)
                block, parts = outer, [("", [])]
            continue
        if isinstance(node, NavigableString):
            if type(node) is NavigableString:  # not a Comment, CData, Doctype or ProcessingInstruction
                parts[-1] = (parts[-1][0] + str(node), parts[-1][1])
        elif node.name in BLOCKS or node.name in BOXES:
            _flush(out, block, parts)
            stack.append((iter(node.children), True, block))
            block, parts = node, [("", [])]
        elif node.name == "br":
            parts.append(("", []))
        else:
            if node.name == "a" and node.get("href"):
                parts[-1][1].append(node["href"])
            stack.append((iter(node.children), False, None))
    return out


def _flush(out: list, block: Tag | None, parts: list[tuple[str, list[str]]]) -> None:
    if block is not None:
        kept = [(t, h) for t, h in ((clean(CF_EMAIL.sub("", t)), h) for t, h in parts) if t]
        if kept:
            out.append((block, kept))


def _note_urls(hrefs: list[str], text: str) -> tuple[str, ...]:
    """The endnote's URLs: link targets, plus addresses written out as text (" dot " undone)."""
    out: list[str] = []
    for href in map(unarchived, hrefs):
        if href.lower().startswith(("http://", "https://", "www.")):
            out.extend(u for u in endnote_urls(href) if u not in out)  # one href may hold "a; b" or "https://tass dot"
    for url in endnote_urls(text):
        if url.endswith(("...", "…")) or any(u.startswith(url.rstrip(".…")) for u in out):
            continue  # cut short in the visible text; the link target has it whole
        cut = [i for i, u in enumerate(out) if url.startswith(u.rstrip("/"))]
        if cut:  # a target broken at ISW's " dot " ("https://www.kommersant"): the text has the whole address
            out[cut[0]] = url
        elif url not in out:
            out.append(url)
    return tuple(dict.fromkeys(out))
