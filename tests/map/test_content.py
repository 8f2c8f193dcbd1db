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
    assert "5 placed claims</div>" in legend  # five places, one claim each
    assert "Strike (2)" in legend and "Advance (3)" in legend and "Attack" not in legend
    assert "Ukrainian forces (2)" in legend and "Russian forces (3)" in legend
    assert "Region-level" in legend and "fainter" not in legend and "Size:" not in legend and "Ring:" not in legend
    week = content.legend_html(shown, View(date=JUNE19, window="7d", actors=("russia",)))
    assert "fainter" in week and "Filtered: Russian forces" in week and "actor russia" not in week


def test_legend_counts_symbols_and_keys_sizes_rings_halos_and_clusters(rows):
    base = views.select(rows, View(date=JUNE19))[0]
    other = "ukraine" if base["actor"] == "russia" else "russia"
    stack = [dict(base, id=900 + i, report_date=d, actor=a) for i, (d, a) in
             enumerate([("2024-06-19", base["actor"]), ("2024-06-18", other), ("2024-06-17", base["actor"])])]
    week = View(date=JUNE19, window="7d")
    legend = content.legend_html(stack, week, new_keys={views.place_key(base)}, cluster=True)
    assert "3 placed claims at 1 place" in legend
    assert f"{content.ACTOR_LABELS[base['actor']]} (1)" in legend and content.ACTOR_LABELS[other] not in legend
    assert "Ring: the other side also has claims here (1)" in legend
    assert "New: not claimed in the 7 days before (1)" in legend
    assert "Size: claims at the place (1 to 3)" in legend and "Cluster of nearby places" in legend


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
    places = content.group_places(shown)
    assert len(feats) == len(places) and p["claims"] == len(shown) and not p["cluster"]
    opacity = {f["properties"]["id"]: f["properties"]["opacity"] for f in feats}
    for place in places:
        assert opacity[place.newest["id"]] == (1.0 if place.newest["report_date"] == "2024-06-19" else 0.75)
    assert set(p["icons"]) == {content.icon_key(pl.newest, other=pl.other, n=pl.n) for pl in places}
    assert all(set(i["cls"].split()) >= {"geo-" + r for r in ("russia", "ukraine") if r in i["cls"]} for i in p["icons"].values())
    assert [content.payload_popup(p, f) for f in feats] == \
        ['<div class="geo-popup">' + "".join(content.place_popup_parts(pl)) + "</div>" for pl in places]
    one_sentence = [r for r in shown if r["report_date"] == "2024-06-18" and r["kind"] == "advance"]
    popups = {f["properties"]["key"]: f["properties"]["popup"] for f in feats}
    assert len(one_sentence) == 3 and len({popups[views.place_key(r)][1] for r in one_sentence}) == 1  # shared text


def test_claims_at_one_place_are_one_symbol_listing_them_all(rows):
    """Stacked claims (one place, several claims in the window) are one symbol, sized by their number,
    drawn as the newest claim, whose popup lists every claim with its date, kind, status, quote and link."""
    week = View(date=JUNE19, window="7d")
    base = views.select(rows, View(date=JUNE19))[0]
    stack = [dict(base, id=500 + i, report_date=f"2024-06-{19 - i}", kind=k, status=s, quote=f"Claim number {i} at the place.")
             for i, (k, s) in enumerate([("advance", "confirmed"), ("attack", "claimed"), ("strike", "confirmed"), ("attack", "confirmed")])]
    p = content.layer_payload(stack, week, [JUNE18, JUNE19])
    (feat,) = p["data"]["features"]
    assert feat["properties"]["n"] == 4 and feat["properties"]["id"] == 500
    icon = p["icons"][feat["properties"]["icon"]]
    assert icon["size"] == content.symbol_size(4) > content.MARKER_PX and "geo-advance" in icon["cls"]
    popup = content.payload_popup(p, feat)
    assert [popup.index(f"Claim number {i}") for i in range(4)] == sorted(popup.index(f"Claim number {i}") for i in range(4))
    for i, day in enumerate(("2024-06-19", "2024-06-18", "2024-06-17", "2024-06-16")):
        assert day in popup and f"Claim number {i} at the place." in popup
    assert popup.count('href="https://www.understandingwar.org/backgrounder/') == 4 and "4 claims" in popup
    assert "Attack (no gain)" in popup and "claimed" in popup
    many = [dict(stack[0], id=700 + i) for i in range(content.POPUP_CLAIMS + 5)]
    feat = content.layer_payload(many, week, [JUNE19])["data"]["features"][0]
    assert "and 5 older claims" in content.payload_popup(content.layer_payload(many, week, [JUNE19]), feat)


def test_many_places_cluster(rows):
    week = View(date=JUNE19, window="7d")
    shown = views.select(rows, week)
    spread = [dict(r, id=i, geonameid=None, lat=47 + (i % 40) * 0.05, lon=35 + (i // 40) * 0.05)
              for i, r in enumerate(shown * 120)]
    many = content.layer_payload(spread, week, cluster_min=500)
    assert many["cluster"] and len(many["data"]["features"]) == len(spread) > 500
    assert "Cluster of nearby places" in many["legend"]


def test_safe_url():
    assert content.safe_url("https://example.org/a?b=1&c=2") == "https://example.org/a?b=1&amp;c=2"
    for bad in ("javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "//evil.example/x", "/relative",
                "https://exa mple.org", "http:///nohost", None, 42, "https://x.org/\nabc"):
        assert content.safe_url(bad) is None, bad
    assert re.fullmatch(r"[^<>\"]*", content.safe_url('https://x.org/"><script>') or "")
