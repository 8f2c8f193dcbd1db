"""geo.map.folium_map: the one claims layer, the constant base map, tiles, overlays, the standalone page (and its escaping)."""

from __future__ import annotations

import datetime as dt
import json

import folium
import pytest

from geo.map import assets, folium_map, views
from geo.errors import MapSettingsError, OverlayError
from geo.map.folium_map import MapSettings
from geo.map.views import View

from tests.conftest import JUNE18, JUNE19  # the rows and hostile fixtures are in conftest too


def test_standalone_page_keeps_hostile_text_inert(rows, hostile):
    html = folium_map.render_standalone_html(rows + [hostile], View(date=JUNE19), MapSettings(tiles_url=None))
    line = next(l for l in html.splitlines() if l.strip().startswith("var P = "))
    payload = json.loads(line.strip()[len("var P = "):].rstrip(";"))
    # the report text is only in the layer's data, never in the page's markup or code
    assert "__pwned" not in html.replace(line, "")
    assert "<" not in line and ">" not in line and "&" not in line
    popups = [folium_map.payload_popup(payload, f) + f["properties"]["tooltip"] for f in payload["data"]["features"]]
    assert payload["claims"] == len(views.select(rows, View(date=JUNE19))) + 1
    assert len(popups) == len({views.place_key(r) for r in views.select(rows + [hostile], View(date=JUNE19))})
    assert any("__pwned" in p for p in popups)  # the hostile claim is listed, as text
    assert not any(bad in p for p in popups for bad in ("<script", "<img", 'href="javascript', 'href="data:'))
    assert assets.remote_assets(html) == []  # works with no network
    assert "<title>ISW-reported claims, 19 June 2024</title>" in html
    assert "Natural Earth" in payload["source"] and html.count("L.geoJSON(") == 2  # plain basemap + claims


def test_template_syntax_in_report_text_is_not_evaluated(rows):
    """folium/branca compile rendered scripts as Jinja templates: report text must never reach that step."""
    base = views.select(rows, View(date=JUNE19))[0]
    trap = "{{ 7*7 }} {% if true %}yes{% endif %} {# c #} {{ cycler.__init__.__globals__ }}"
    html = folium_map.render_standalone_html([dict(base, quote=trap, place="{{ 6*7 }}")], View(date=JUNE19),
                                          MapSettings(tiles_url=None))
    line = next(l for l in html.splitlines() if l.strip().startswith("var P = "))
    payload = json.loads(line.strip()[len("var P = "):].rstrip(";"))
    popup = folium_map.payload_popup(payload, payload["data"]["features"][0])
    assert folium_map.esc(trap) in popup and "{{ 6*7 }}" in popup  # verbatim
    assert "49" not in popup and "42" not in popup and "__builtins__" not in html


def test_claims_layer_is_one_geojson_element(rows):
    shown = views.select(rows, View(date=JUNE19))
    fg = folium_map.claims_layer(shown, View(date=JUNE19))
    assert isinstance(fg, folium.FeatureGroup)
    assert [type(c).__name__ for c in fg._children.values()] == ["ClaimsGeoJson"]
    m = folium_map.build_base_map(MapSettings(tiles_url=None, basemap=False))
    fg.add_to(m)
    html = m.get_root().render()
    assert html.count("L.geoJSON(") == 1 and "L.marker(" in html
    assert "window.__geoReady = {date: P.date, count: P.claims, places: layer.getLayers().length" in html


def test_base_map_is_constant_across_views(rows):
    """streamlit-folium remounts the map when the base map's script changes: it must not change with the view."""
    from streamlit_folium import _get_map_string, generate_js_hash

    def base_hash():
        return generate_js_hash(_get_map_string(folium_map.build_base_map(MapSettings())), "map")

    first = base_hash()
    for view in (View(date=JUNE18), View(date=JUNE19, window="all", actors=("russia",))):
        folium_map.claims_layer(views.select(rows, view), view)
        assert base_hash() == first
    assert generate_js_hash(_get_map_string(folium_map.build_base_map(MapSettings(tiles_url=None))), "map") != first


def test_tiles_are_a_setting(monkeypatch):
    m = folium_map.build_base_map(MapSettings(tiles_url="http://127.0.0.1:8080/{z}/{x}/{y}.png", attribution="<b>local</b> tiles"))
    tiles = [c for c in m._children.values() if isinstance(c, folium.TileLayer)]
    assert len(tiles) == 1 and tiles[0].tiles == "http://127.0.0.1:8080/{z}/{x}/{y}.png"
    assert tiles[0].options["attribution"] == "&lt;b&gt;local&lt;/b&gt; tiles"
    bare = folium_map.build_base_map(MapSettings(tiles_url=None))
    assert not [c for c in bare._children.values() if isinstance(c, folium.TileLayer)]
    assert "maxZoom" in bare.get_root().render()  # Leaflet needs it when there are no tiles
    assert MapSettings.from_env({"GEO_TILES_URL": "none"}).tiles_url is None
    env = MapSettings.from_env({"GEO_TILES_URL": "http://tiles.local/{z}/{x}/{y}.png", "GEO_TILES_ATTRIBUTION": "Local"})
    assert (env.tiles_url, env.attribution) == ("http://tiles.local/{z}/{x}/{y}.png", "Local")
    assert MapSettings.from_env({}) == MapSettings()
    assert MapSettings().with_tiles("none").tiles_url is None
    for bad in ("http://x/{{7*7}}/{z}", "javascript:alert(1)", "http://x/{z}/{x}/{y}.png?{%x%}", "ftp://x/{z}", "tiles/{z}"):
        with pytest.raises(MapSettingsError, match="tile URL"):
            MapSettings(tiles_url=bad)
    braces = folium_map.build_base_map(MapSettings(attribution="{{ 7*7 }} {% x %}")).get_root().render()
    assert "\\u0026#123;\\u0026#123; 7*7 \\u0026#125;\\u0026#125;" in braces and "\"attribution\": \"49" not in braces


def test_overlays_from_real_files(shared):
    front = folium_map.read_overlay(shared / "data" / "frontline" / "cyterat" / "deepstatemap_data_20240708.geojson")
    assert front.kind == "area" and front.data["features"]
    assert {f["properties"]["style"]["fillColor"] for f in front.data["features"]} == {"#a52714"}  # all of it occupied
    assert front.key == (("#a52714", "Russian-occupied, as of 2024-07-08 (deepstatemap_data_20240708.geojson)"),)
    oblasts = folium_map.read_overlay(shared / "data" / "admin" / "geoBoundaries-UKR-ADM1_simplified.geojson", "Oblasts", "boundaries")
    assert len(oblasts.data["features"]) >= 25
    m = folium_map.build_base_map(MapSettings(tiles_url=None, basemap=False), [oblasts, front])
    assert len([c for c in m._children.values() if isinstance(c, folium_map.OverlayGeoJson)]) == 2
    html = m.get_root().render()
    assert html.count("L.geoJSON(") == 2 and html.count("interactive: false") == 2  # drawn in the overlay pane, under the marker pane


def test_bad_overlays_say_what_is_wrong(tmp_path):
    with pytest.raises(OverlayError, match="cannot read"):
        folium_map.read_overlay(tmp_path / "missing.geojson")
    (tmp_path / "bad.geojson").write_text("{not json")
    with pytest.raises(OverlayError, match="bad.geojson: not GeoJSON"):
        folium_map.read_overlay(tmp_path / "bad.geojson")
    with pytest.raises(OverlayError, match="no FeatureCollection"):
        folium_map.read_overlay(b'{"hello": 1}')
    with pytest.raises(OverlayError, match="no line or area"):
        folium_map.read_overlay(b'{"type": "FeatureCollection", "features": []}')
    with pytest.raises(OverlayError, match="no line or area"):
        folium_map.read_overlay(b'{"type": "Point", "coordinates": [37, 48]}')


def test_an_overlay_keeps_its_own_checked_colours(shared):
    """DeepState snapshots colour occupied, liberated and unknown areas: drawing them all alike would lie. The
    legend says the statuses the data gives, once each, never a feature's own name (Crimea and the areas occupied
    since 2014 are occupied too; Transnistria, Karelia and the other foreign "occupied" areas are no part of it)."""
    ds = folium_map.read_overlay(shared / "data" / "frontline" / "deepstatemaps_history" / "1718484340.geojson")
    styles = [f["properties"].get("style", {}) for f in ds.data["features"]]
    assert all(f["geometry"]["type"] not in ("Point", "MultiPoint") for f in ds.data["features"])  # labels dropped
    assert {s.get("fillColor") for s in styles} == {"#a52714", "#0f9d58", "#bcaaa4"}
    assert ds.key == (("#a52714", "Russian-occupied, as of 2024-06-15 (1718484340.geojson)"),
                      ("#bcaaa4", "Grey zone (status unknown)"), ("#0f9d58", "Liberated"))
    legend = folium_map.legend_html([], View(), folium_map.legend_entries([ds]))
    assert "Liberated" in legend and "#0f9d58" in legend and "Russian-occupied" in legend
    for wrong in ("Occupied Crimea", "Contested", "temporarily occupied", "Transnistria", "Karelia"):
        assert wrong not in legend
    early = folium_map.read_overlay(shared / "data" / "frontline" / "deepstatemaps_history" / "1648989208.geojson")
    assert [label.split(",")[0] for _, label in early.key] == ["Russian-occupied", "Grey zone (status unknown)", "Liberated"]
    hostile = json.dumps({"type": "Feature", "properties": {
        "name": "x /// <b>Area</b> /// y", "fill": "red;background:url(javascript:x)", "stroke": "#a52714",
        "stroke-width": 1e9, "fill-opacity": "0.5"}, "geometry": {"type": "Polygon", "coordinates": [[[37, 48], [38, 48], [38, 49], [37, 48]]]}})
    ov = folium_map.read_overlay(hostile.encode())
    assert ov.data["features"][0]["properties"]["style"] == {"color": "#a52714", "weight": 1.2}  # only checked values
    assert ov.key == ()


def test_front_line_snapshot_for_a_date(shared):
    files = folium_map.overlay_files(shared / "data" / "frontline")
    assert len(files) == 15 and all(folium_map.snapshot_date(f) for f in files)
    assert folium_map.snapshot_date(files[0]) == dt.date(2024, 7, 8)  # cyterat/deepstatemap_data_20240708.geojson
    assert folium_map.snapshot_date("deepstatemaps_history/1718484340.geojson") == dt.date(2024, 6, 15)
    assert folium_map.snapshot_for(files, dt.date(2024, 6, 19)).name == "1718484340.geojson"
    assert folium_map.snapshot_for(files, dt.date(2024, 7, 8)).name == "deepstatemap_data_20240708.geojson"
    assert folium_map.snapshot_for(files, dt.date(2022, 1, 1)) is None
    assert folium_map.overlay_files(shared / "no such folder") == []
