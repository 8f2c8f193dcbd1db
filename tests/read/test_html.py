"""HTML pages (old site, new site, mirror) and Markdown / text dumps of a page, on the real corpus pages."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from tests.read.test_reports import assert_no_chrome

from geo.errors import ReportError
from geo.models import TAKEAWAYS
from geo.read.reports import read_bytes, read_path

OLD = "corpus/isw/mar4enkom_alarm-prediction-model-saas"
NEW = "corpus/isw/bnow-net/roca-2026-06-30.html"
MD = ("corpus/isw/Kjdragan_universal_agent/"
      "understandingwar.org_research_russia-ukraine_russian-offensive-campaign-assessment-february-26-2026.md")


def norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def gold_quotes_missing(report, gold_file) -> list[str]:
    """Gold quotes (the first words of a claim's sentence) not found in any paragraph.

    A paragraph is searched as written in the report: its lead-in label, then its text.
    """
    paragraphs = [norm(f"{p.lead_in}: {p.text}" if p.lead_in else p.text) for p in report.paragraphs]
    missing = []
    for line in gold_file.read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        assert g["report_date"] == report.date.isoformat()
        if not any(norm(g["quote"]) in p for p in paragraphs):
            missing.append(g["quote"])
    return missing


@pytest.mark.parametrize("name, day", [("April-26-2023.html", 26), ("April-30-2023.html", 30), ("May-3-2023.html", 3), ("May-5-2023.html", 5)])
def test_old_site_pages(shared, name, day):
    (r,) = read_path(shared / OLD / name)
    month = 4 if name.startswith("April") else 5
    assert r.date == dt.date(2023, month, day) and r.format == "html"
    assert r.title == f"Russian Offensive Campaign Assessment, {r.date.strftime('%B')} {day}, 2023"
    assert r.url == f"https://www.understandingwar.org/backgrounder/russian-offensive-campaign-assessment-{name[:-5].lower()}"
    assert "Riley Bailey" in r.authors or "Karolina Hird" in r.authors
    assert len(r.endnotes) >= 50
    assert_no_chrome(r)


def test_old_site_structure_and_gold(shared):
    (r,) = read_path(shared / OLD / "April-26-2023.html")
    assert r.authors == ("Karolina Hird", "Riley Bailey", "Nicole Wolkov", "Layne Philipson", "Frederick W. Kagan")
    assert len(r.takeaways) == 11
    assert "Russian forces made gains within Bakhmut and north of Avdiivka." in r.takeaways
    sections = {p.section for p in r.paragraphs}
    assert {"Russian Subordinate Main Effort #1 – Luhansk Oblast", "Russian Subordinate Main Effort #2 – Donetsk Oblast",
            "Russian Supporting Effort – Southern Axis", "Significant activity in Belarus"} <= sections
    bakhmut = next(p for p in r.paragraphs if p.text.startswith("Russian forces continued making gains in Bakhmut"))
    assert bakhmut.section == "Russian Subordinate Main Effort #2 – Donetsk Oblast"
    assert re.search(r"\[\d+\]", bakhmut.text)
    assert gold_quotes_missing(r, shared / "gold" / "isw-2023-04-26-html.jsonl") == []
    # endnotes: link targets (the visible text is cut short), " dot " undone, lists split
    notes = dict(r.endnotes)
    assert notes[1] == ("https://t.me/annamaliar/672",)
    assert notes[16] == ("https://tass.ru/politika/17610689",)
    assert "https://www.gazeta.ru/politics/2023/04/26/16616899.shtml" in notes[11]
    assert notes[7] == ("https://t.me/evilsailor/313", "https://t.me/grey_zone/18415")
    assert not any(u.endswith("...") or " " in u for urls in notes.values() for u in urls)


def test_new_site_page(shared):
    (r,) = read_path(shared / NEW)
    assert r.date == dt.date(2026, 6, 30)
    assert r.title == "Russian Offensive Campaign Assessment, June 30, 2026"
    assert r.url == "https://understandingwar.org/research/russia-ukraine/russian-offensive-campaign-assessment-june-30-2026/"
    assert "Jennie Olmsted" in r.authors and "George Barros" in r.authors
    assert len(r.takeaways) == 4
    sections = [p.section for p in r.paragraphs]
    for s in ("Toplines", "Russian Supporting Effort: Northern Axis", "Russian Subordinate Main Effort #2 – Oskil River",
              "Russian Subordinate Main Effort #3 – Donetsk Oblast", "Russian Supporting Effort: Southern Axis",
              "Significant Activity in Belarus"):
        assert s in sections
    objective = next(p for p in r.paragraphs if p.section == "Russian Supporting Effort: Northern Axis")
    assert objective.lead_in == "Russian objective"
    assert [n for n, _ in r.endnotes] == list(range(1, len(r.endnotes) + 1)) and len(r.endnotes) >= 70
    assert r.endnotes[0][1] == ("https://www.president.gov.ua/news/vid-pochatku-povnomasshtabnoyi-vijni-rosijskij-armiyi-bulo-v-105145",)
    assert_no_chrome(r)


def test_markdown_dump_2026(shared):
    (r,) = read_path(shared / MD)
    assert r.date == dt.date(2026, 2, 26) and r.format == "markdown"
    assert r.url == "https://understandingwar.org/research/russia-ukraine/russian-offensive-campaign-assessment-february-26-2026/"
    assert r.authors[:2] == ("Jennie Olmsted", "Justin Young") and len(r.authors) == 8
    assert r.paragraphs[0].section == "Toplines"
    assert len(r.takeaways) == 9
    leads = [p.lead_in for p in r.paragraphs if p.lead_in]
    assert leads.count("Unconfirmed claims") == 7
    assert {"Assessed Russian advances", "Assessed Ukrainian advances", "Assessed Russian infiltrations",
            "Order of Battle", "Refinement of areas under Russian claims"} <= set(leads)
    claim = next(p for p in r.paragraphs if p.lead_in == "Unconfirmed claims")
    assert claim.text.startswith("A Russian milblogger claimed that Russian forces advanced near Pokrovka")
    assert claim.section == "Russian Supporting Effort: Northern Axis"
    assert gold_quotes_missing(r, shared / "gold" / "isw-2026-02-26-md.jsonl") == []
    notes = dict(r.endnotes)
    assert len(notes) == 110
    assert notes[3][0].startswith("https://www.dtek-oem.com.ua/ua/news/")
    assert "https://t.me/dva_majors/88778" in notes[99]  # continuation lines after "[99] ..."
    texts = " ".join(p.text for p in r.paragraphs)
    for chrome in ("Vedomosti", "The Telegraph", "Objectivity, Truth, Insight", "Planned Giving", "1400 16th Street"):
        assert chrome not in texts.replace("Vedomosti reported", "")
    assert_no_chrome(r)


def test_text_saved_from_browser_reads_like_markdown(shared):
    """The same page as plain text (no '## Content' marker, no Markdown) reads the same report."""
    md = (shared / MD).read_text(encoding="utf-8")
    page_text = md.split("## Content", 1)[1]
    (r,) = read_bytes(page_text.encode("utf-8"), "saved-from-browser.txt")
    (m,) = read_path(shared / MD)
    assert r.format == "text"
    assert r.date == m.date and r.paragraphs == m.paragraphs and r.endnotes == m.endnotes


def test_mirror_layout_uses_generic_body(shared):
    """A criticalthreats.org-style page: the same report body in a WordPress article with its own chrome."""
    from bs4 import BeautifulSoup

    old = BeautifulSoup((shared / OLD / "May-5-2023.html").read_text(encoding="utf-8"), "lxml")
    body = old.select_one(".field-name-body .field-item").decode_contents()
    page = (
        "<!DOCTYPE html><html><head><title>Russian Offensive Campaign Assessment, May 5, 2023 | Critical Threats</title>"
        '<link rel="canonical" href="https://www.criticalthreats.org/analysis/russian-offensive-campaign-assessment-may-5-2023"></head>'
        '<body><header><nav><a href="/">Home</a> <a href="/donate">Donate</a> Newsroom</nav></header>'
        f'<article class="post"><div class="entry-content">{body}</div>'
        '<div class="share-buttons">Share the Post: Twitter Facebook</div></article>'
        '<aside class="related">Related Research: Iran Update, May 5, 2023</aside>'
        "<footer>Subscribe to Critical Threats</footer></body></html>"
    )
    (r,) = read_bytes(page.encode("utf-8"), "https://www.criticalthreats.org/analysis/russian-offensive-campaign-assessment-may-5-2023")
    (o,) = read_path(shared / OLD / "May-5-2023.html")
    assert r.date == dt.date(2023, 5, 5)
    assert r.url.startswith("https://www.criticalthreats.org/")
    assert r.paragraphs == o.paragraphs and r.endnotes == o.endnotes
    assert_no_chrome(r)


def test_cloudflare_email_protection_and_scripts_dropped():
    page = (
        "<html><head><title>Russian Offensive Campaign Assessment, January 5, 2025 | ISW</title></head><body>"
        '<article><div class="dynamic-entry-content"><h2>Toplines</h2>'
        "<p>Russian forces advanced near Pokrovsk on January 5 and seized Vovkove, according to geolocated footage.[1]</p>"
        '<p>Contact <a class="__cf_email__" href="/cdn-cgi/l/email-protection">[email&#160;protected]</a></p>'
        "<script>var x = 'Russian forces attacked Kyiv.';</script>"
        "<h2>Key Takeaways</h2><ul><li>Russian forces advanced near Pokrovsk.</li></ul>"
        '<p>[1] https://t dot me/source/1</p></div></article></body></html>'
    )
    (r,) = read_bytes(page.encode(), "page.html")
    assert r.date == dt.date(2025, 1, 5)
    assert [p.text for p in r.paragraphs if p.section == "Toplines"] == [
        "Russian forces advanced near Pokrovsk on January 5 and seized Vovkove, according to geolocated footage.[1]"]
    assert r.takeaways == ("Russian forces advanced near Pokrovsk.",)
    assert r.endnotes == ((1, ("https://t.me/source/1",)),)
    assert_no_chrome(r)
    assert TAKEAWAYS == "Key Takeaways"


def test_unknown_layout_is_cut_like_a_page_dump(shared):
    """No known class around the body: the report is cut between its title and the site's trailer."""
    from bs4 import BeautifulSoup

    old = BeautifulSoup((shared / OLD / "May-3-2023.html").read_text(encoding="utf-8"), "lxml")
    body = old.select_one(".field-name-body .field-item").decode_contents()
    page = (
        "<html><body><div class='top'><div>Donate</div><div>Newsroom</div><div>The Project</div>"
        "<div>{{region.title}}</div><div>(A FULL LIST)</div><div>SEE STORYSTREAM</div></div>"
        f"<div class='x'>{body}</div>"
        "<div class='y'><h3>Related Research</h3><p>Iran Update, May 3, 2023</p>"
        "<p>Russian forces attacked Kyiv with drones in this unrelated teaser.</p></div></body></html>"
    )
    (r,) = read_bytes(page.encode("utf-8"), "unknown-layout.html")
    (o,) = read_path(shared / OLD / "May-3-2023.html")
    assert r.date == dt.date(2023, 5, 3) and r.title == o.title
    assert r.paragraphs == o.paragraphs and r.endnotes == o.endnotes
    assert_no_chrome(r)


def test_a_block_keeps_its_own_text_around_the_blocks_inside_it():
    """A list item (or paragraph) holding a <p> of map images keeps its own words; comments are not text."""
    page = (
        "<html><head><title>Russian Offensive Campaign Assessment, March 3, 2023 | ISW</title></head><body>"
        '<div class="field-name-body"><div class="field-item">'
        "<p><strong>Russian Offensive Campaign Assessment, March 3, 2023</strong></p>"
        "<p>Russian forces attacked near Kreminna on March 3 and did not advance, according to the Ukrainian General Staff.[1]</p>"
        "<p><strong>Key inflections in ongoing military operations on March 3:</strong></p><ul>"
        "<li>Ukrainian forces repelled Russian assaults near Bilohorivka on March 3.[2]</li>"
        "<li><strong>A Russian milblogger claimed that Russian forces advanced near Dibrova.</strong><strong>[3]"
        '<p><img src="map1.png"><br><img src="map2.png"></p></strong>'
        "<!--[if gte mso 9]><xml>Russian forces captured Kyiv.</xml><![endif]--></li></ul>"
        "<div><p>Ukrainian forces struck a depot <!-- a note: Russian forces seized Odesa. -->in Tokmak.[4]</p>"
        "Russian forces attacked near Vuhledar on March 3.<p>Russian forces shelled Nikopol on March 3.</p> Ukrainian forces repelled them near Pavlivka.</div>"
        "<p>[1] https://t.me/a/1</p><p>[2] https://t.me/a/2</p><p>[3] https://t.me/a/3</p><p>[4] https://t.me/a/4</p>"
        "</div></div></body></html>"
    )
    (r,) = read_bytes(page.encode(), "page.html")
    texts = [p.text for p in r.paragraphs]
    assert "A Russian milblogger claimed that Russian forces advanced near Dibrova.[3]" in texts
    assert "Ukrainian forces struck a depot in Tokmak.[4]" in texts
    assert "Russian forces shelled Nikopol on March 3." in texts
    assert not any("Kyiv" in t or "Odesa" in t for t in texts)  # comments are not text
    # words straight inside a <div> (a Word paste) are lines of their own, each side of the block between them
    i = texts.index("Russian forces shelled Nikopol on March 3.")
    assert texts[i - 1] == "Russian forces attacked near Vuhledar on March 3." and texts[i + 1] == "Ukrainian forces repelled them near Pavlivka."
    assert dict(r.endnotes)[3] == ("https://t.me/a/3",)


def test_a_page_nested_very_deep_is_read_without_recursion():
    inner = "<p>Russian forces attacked near Vuhledar on March 3, 2023, and did not advance.</p>"
    page = ("<html><head><title>Russian Offensive Campaign Assessment, March 3, 2023</title></head><body>"
            '<div class="entry-content">' + "<span>" * 5000 + inner + "</span>" * 5000 + "</div></body></html>")
    (r,) = read_bytes(page.encode(), "deep.html")
    assert [p.text for p in r.paragraphs] == ["Russian forces attacked near Vuhledar on March 3, 2023, and did not advance."]


def test_markdown_of_a_whole_page_by_a_converter():
    """A page turned into Markdown by a converter (markdownify, html2text): "####" objectives stay labelled lines under
    their axis, linked images and share links are not text, linked and escaped endnote markers and autolinked
    addresses read as on the page, and the report's address is found inside a share link."""
    md = "\n".join([
        "[![X](/icons/x.svg)](https://twitter.com/intent/tweet?url=https://understandingwar.org/research/russia-ukraine/"
        "russian-offensive-campaign-assessment-july-2-2026/&text=Russian Offensive Campaign Assessment)",
        "# Russian Offensive Campaign Assessment, July 2, 2026",
        "###### July 2, 2026",
        "## Toplines",
        "Click**[**here**](https://storymaps.arcgis.com/stories/1)**to see ISW’s interactive map of the Russian invasion of Ukraine.",
        "**Russian forces advanced near Siversk.**Geolocated footage published on July 1 shows Russian forces in Serebrianka.\\[1\\]",
        "## Key Takeaways",
        "1. Russian forces advanced near Siversk.",
        "[[![Map Thumbnail](https://understandingwar.org/wp-content/uploads/2026/07/Siversk-July-2-2026.webp)]"
        "(https://understandingwar.org/map/assessed-control-of-terrain-in-the-siversk-direction-july-2-2026/)]"
        "(https://understandingwar.org/map/assessed-control-of-terrain-in-the-siversk-direction-july-2-2026/)",
        '[ ![Map Thumbnail](https://understandingwar.org/a.webp)](https://understandingwar.org/map/m/)](https://understandingwar.org/'
        'map/m/ "Assessed Control of Terrain in the Siversk Direction, July 2, 2026 at 1:30 PM ET")',
        "## Russian Main Effort: Eastern Ukraine",
        "### Russian Subordinate Main Effort #3 **–** Donetsk Oblast",
        "#### **Russian objective: Capture the entirety of Donetsk Oblast**",
        "**Assessed Russian advances:** Geolocated footage published on July 2 indicates that Russian forces advanced "
        "in Zvanivka (east of Siversk).[[2]](#_ednref2)",
        "Endnotes",
        "[[1]](#_ednref1) <https://t.me/dva\\_majors/1> ; [https://t.me/milinfolive/9...](https://t.me/milinfolive/95955)",
        "[[2]](#_ednref2) https://t.me/wargonzo/2",
        "File Attachments:",
        "Russian forces attacked Kyiv in this attachment's caption.",
    ])
    (r,) = read_bytes(md.encode(), "page.md")
    assert r.date == dt.date(2026, 7, 2)
    assert r.url == "https://understandingwar.org/research/russia-ukraine/russian-offensive-campaign-assessment-july-2-2026/"
    top = [p for p in r.paragraphs if p.section == "Toplines"]
    assert [p.text for p in top] == [
        "Russian forces advanced near Siversk. Geolocated footage published on July 1 shows Russian forces in Serebrianka.[1]"]
    assert r.takeaways == ("Russian forces advanced near Siversk.",)
    body = [p for p in r.paragraphs if p.section == "Russian Subordinate Main Effort #3 – Donetsk Oblast"]
    assert [(p.lead_in, p.text) for p in body] == [
        ("Russian objective", "Capture the entirety of Donetsk Oblast"),
        ("Assessed Russian advances", "Geolocated footage published on July 2 indicates that Russian forces advanced in "
                                      "Zvanivka (east of Siversk).[2]")]
    assert dict(r.endnotes) == {1: ("https://t.me/dva_majors/1", "https://t.me/milinfolive/95955"), 2: ("https://t.me/wargonzo/2",)}
    assert not any("Kyiv" in p.text or "Thumbnail" in p.text or "](" in p.text for p in r.paragraphs)
    assert_no_chrome(r)


def test_a_minor_heading_is_a_section_unless_it_is_a_labelled_line():
    """An <h4> (or "####") naming a direction is the section of what follows; an <h4> objective stays a labelled line."""
    page = (
        "<html><head><title>Russian Offensive Campaign Assessment, July 2, 2026 | ISW</title></head><body>"
        '<div class="dynamic-entry-content"><h2>Russian Supporting Effort: Southern Axis</h2>'
        "<h4>Russian objective: Advance toward Orikhiv and Zaporizhzhia City</h4>"
        "<h4>Hulyaipole direction</h4>"
        "<p>Russian forces attacked near Zaliznychne on July 2.[1]</p>"
        "<h5>Orikhiv direction</h5>"
        "<p>Russian forces attacked near Mala Tokmachka on July 2.[2]</p>"
        "<p>[1] https://t.me/a/1</p><p>[2] https://t.me/a/2</p></div></body></html>"
    )
    (r,) = read_bytes(page.encode(), "page.html")
    md = "\n".join(["# Russian Offensive Campaign Assessment, July 2, 2026", "## Toplines",
                    "## Russian Supporting Effort: Southern Axis", "#### Russian objective: Advance toward Orikhiv and Zaporizhzhia City",
                    "#### Hulyaipole direction", "Russian forces attacked near Zaliznychne on July 2.[1]",
                    "##### Orikhiv direction", "Russian forces attacked near Mala Tokmachka on July 2.[2]",
                    "[1] https://t.me/a/1", "[2] https://t.me/a/2"])
    (m,) = read_bytes(md.encode(), "page.md")
    for got in (r, m):
        assert [(p.section, p.lead_in, p.text) for p in got.paragraphs] == [
            ("Russian Supporting Effort: Southern Axis", "Russian objective", "Advance toward Orikhiv and Zaporizhzhia City"),
            ("Hulyaipole direction", None, "Russian forces attacked near Zaliznychne on July 2.[1]"),
            ("Orikhiv direction", None, "Russian forces attacked near Mala Tokmachka on July 2.[2]")]


def test_a_wayback_machine_copy_gives_the_original_addresses():
    page = (
        '<html><head><link rel="canonical" href="https://web.archive.org/web/20230504012345/https://www.understandingwar.org/'
        'backgrounder/russian-offensive-campaign-assessment-may-4-2023"><title>Russian Offensive Campaign Assessment, May 4, '
        '2023 | Institute for the Study of War</title></head><body><div id="wm-ipp-base"></div>'
        '<div class="field-name-body"><div class="field-item"><p>Russian Offensive Campaign Assessment, May 4, 2023</p>'
        "<p>Russian forces attacked near Marinka and Novomykhailivka on May 4 and did not advance.[1]</p>"
        '<p>[1] <a href="https://web.archive.org/web/20230504000000/https://t.me/mod_russia/1">https://t.me/mod_r...</a></p>'
        "</div></div></body></html>"
    )
    (r,) = read_bytes(page.encode(), "wayback.html")
    assert r.url == "https://www.understandingwar.org/backgrounder/russian-offensive-campaign-assessment-may-4-2023"
    assert r.endnotes == ((1, ("https://t.me/mod_russia/1",)),)


def test_a_scrapers_dump_with_its_content_under_another_name(shared):
    """The scraper's dump shape ("## Metadata", "## Page Structure") with the page under "## Page Text", not "## Content",
    reads the same report; with no page text after its own sections there is no report."""
    md = (shared / MD).read_text(encoding="utf-8")
    (r,) = read_bytes(md.replace("\n## Content\n", "\n## Page Text\n").encode("utf-8"), "renamed.md")
    (m,) = read_path(shared / MD)
    assert r.paragraphs == m.paragraphs and r.endnotes == m.endnotes and r.url == m.url
    head = md.split("\n## Content\n", 1)[0]
    with pytest.raises(ReportError):
        read_bytes(head.encode("utf-8"), "structure-only.md")
