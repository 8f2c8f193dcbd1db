"""geo.map.content: GeoJSON features, titles, legend, marker symbols, escaped popups and the layer payload."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from geo.map import content
from geo.map import views
from geo.map.views import View

from tests.conftest import JUNE18, JUNE19, PAYLOAD  # the rows and hostile fixtures are in conftest too


def test_feature_collection_is_lon_lat_and_skips_unplaced(rows):
    fc = content.feature_collection(rows)
    placed = [r for r in rows if r["lat"] is not None]
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == len(placed)
    chasiv = next(f for f in fc["features"] if f["properties"]["place"] == "Chasiv Yar")
    assert chasiv["geometry"] == {"type": "Point", "coordinates": [37.83409, 48.58768]}
    assert chasiv["properties"]["quote"].startswith("Ukrainian forces recaptured")  # raw text, not HTML
    json.dumps(fc)  # serialisable


def test_popup_escapes_report_text(hostile):
    pop = content.popup_html(hostile)
    assert "<script" not in pop and "<img" not in pop
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in pop
    assert "onerror=&quot;" in pop  # the attribute is text, quotes escaped
    assert 'href="javascript' not in pop and 'href="data:' not in pop
    assert 'href="https://t.me/x?a=1&amp;b=&quot;&gt;&lt;script&gt;"' in pop  # an http(s) URL, escaped
    assert "Source: javascript:window.__pwned=4" in pop  # not a link, shown as text
    assert content.tooltip_text(hostile) == "Chasiv &lt;script&gt;window.__pwned=1&lt;/script&gt;&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt; `${window.__pwned=3}` &amp; &lt;/b&gt;"


def test_popup_has_the_claims_facts(rows):
    row = next(r for r in rows if r["place"] == "Chasiv Yar")
    pop = content.popup_html(row)
    for text in ("2024-06-19", "Russian forces", "Advance", "confirmed", "Chasiv Yar", "Donetsk Oblast",
                 'href="https://www.understandingwar.org/backgrounder/russian-offensive-campaign-assessment-june-19-2024"'):
        assert text in pop
    assert content.esc(row["quote"]) in pop


def test_script_json_cannot_close_the_script():
    data = {"q": PAYLOAD + "\u2028</SCRIPT >"}
    text = content.script_json(data)
    assert not set(text) & {"<", ">", "&", "\u2028"}
    assert json.loads(text) == data


def test_titles():
    dates = [JUNE18, JUNE19]
    assert content.map_title(View(), dates) == "ISW-reported claims, 19 June 2024"
    assert content.map_title(View(date=JUNE19, window="7d"), dates) == "ISW-reported claims, 13–19 June 2024"
    assert content.map_title(View(date=dt.date(2024, 7, 2), window="7d"), dates) == "ISW-reported claims, 26 June – 2 July 2024"
    assert content.map_title(View(date=JUNE19, window="all"), dates) == "ISW-reported claims up to 19 June 2024"
    assert content.map_title(View(kinds=("strike", "advance")), dates) == "ISW-reported advances and strikes, 19 June 2024"
    assert content.map_title(View(), []) == "ISW-reported claims: no reports"


def test_legend_is_a_key_to_what_is_shown(rows):
    shown = views.select(rows, View(date=JUNE18))
    legend = content.legend_html(shown, View(date=JUNE18))
    assert "5 placed claims" in legend
    assert "Strike (2)" in legend and "Advance (3)" in legend and "Attack" not in legend
    assert "Ukrainian forces (2)" in legend and "Russian forces (3)" in legend
    assert "Region-level" in legend and "fainter" not in legend
    week = content.legend_html(shown, View(date=JUNE19, window="7d", actors=("russia",)))
    assert "fainter" in week and "Filtered: actor russia" in week


def test_marker_styles_differ_by_actor_kind_and_status():
    svgs = {(a, k, s): content.marker_svg(a, k, s) for a in views.ACTORS for k in views.KINDS for s in views.STATUSES}
    assert len(set(svgs.values())) == 12
    assert "stroke-dasharray" in svgs[("russia", "advance", "claimed")]  # hollow + dashed: survives greyscale
    assert "stroke-dasharray" not in svgs[("russia", "advance", "confirmed")]
    assert 'fill="#fff"' in svgs[("ukraine", "strike", "claimed")]


def test_layer_payload(rows):
    week = View(date=JUNE19, window="7d")
    shown = views.select(rows, week)
    p = content.layer_payload(shown, week, views.report_dates(rows))
    assert p["date"] == "2024-06-19" and p["title"] == "ISW-reported claims, 13–19 June 2024"
    feats = p["data"]["features"]
    assert len(feats) == len(shown) and not p["cluster"]
    opacity = {f["properties"]["id"]: f["properties"]["opacity"] for f in feats}
    assert all(opacity[r["id"]] == (1.0 if r["report_date"] == "2024-06-19" else pytest.approx(0.892, abs=0.01)) for r in shown)
    assert set(p["icons"]) == {content.icon_key(r) for r in shown}
    assert all(set(i["cls"].split()) >= {"geo-" + r for r in ("russia", "ukraine") if r in i["cls"]} for i in p["icons"].values())
    assert [content.payload_popup(p, f) for f in feats] == [content.popup_html(r) for r in shown]
    one_sentence = [r for r in shown if r["report_date"] == "2024-06-18" and r["kind"] == "advance"]
    assert len(one_sentence) == 3 and len({p["data"]["features"][shown.index(r)]["properties"]["popup"][1] for r in one_sentence}) == 1
    many = content.layer_payload(shown * 200, week, cluster_min=500)
    assert many["cluster"] and len(many["data"]["features"]) == 200 * len(shown)


def test_safe_url():
    assert content.safe_url("https://example.org/a?b=1&c=2") == "https://example.org/a?b=1&amp;c=2"
    for bad in ("javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "//evil.example/x", "/relative",
                "https://exa mple.org", "http:///nohost", None, 42, "https://x.org/\nabc"):
        assert content.safe_url(bad) is None, bad
    assert re.fullmatch(r"[^<>\"]*", content.safe_url('https://x.org/"><script>') or "")
