"""geo.map.assets: a folium map pointed at the vendored Leaflet files instead of CDNs."""

from __future__ import annotations

import base64
import re

import folium
import pytest
from folium.plugins import MarkerCluster

from geo.map import assets
from geo.errors import AssetError


def claims_map() -> folium.Map:
    m = folium.Map(location=[48.5, 37.9], zoom_start=7, tiles=None, maxZoom=18, minZoom=3)
    MarkerCluster().add_to(m)
    points = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [37.83409, 48.58768]},
         "properties": {"place": "Chasiv Yar"}}]}
    folium.GeoJson(points, marker=folium.CircleMarker(radius=6)).add_to(m)
    return m


def test_every_vendored_file_exists_with_its_licence():
    for path in assets.vendored_files():
        assert path.is_file() and path.stat().st_size > 500, path
        assert (path.parent / "LICENSE").is_file(), f"{path.parent} has no LICENSE"
    readme = (assets.STATIC_DIR / "README.md").read_text()
    for package in ("leaflet", "leaflet.markercluster", "jquery"):
        assert f"`{package}`" in readme


def test_vendored_leaflet_is_the_real_library():
    js = (assets.STATIC_DIR / "leaflet" / "leaflet.js").read_text()
    assert re.search(r'version="1\.9\.4"|version = "1\.9\.4"|"1\.9\.4"', js)


def test_standalone_html_loads_nothing_remote():
    html = assets.standalone_html(claims_map())
    assert assets.remote_assets(html) == []
    assert "cdn.jsdelivr" not in html and "cdnjs.cloudflare" not in html and "code.jquery" not in html
    scripts = re.findall(r'<script src="data:text/javascript;base64,([^"]+)"', html)
    decoded = [base64.b64decode(s).decode("utf-8") for s in scripts]
    assert any("L.Icon.Default.imagePath" in d and "window.L=" in d for d in decoded), "Leaflet is inlined"
    assert any("MarkerClusterGroup" in d for d in decoded), "markercluster is inlined"


def test_inlined_css_carries_its_images():
    html = assets.standalone_html(claims_map())
    sheets = [base64.b64decode(s).decode("utf-8")
              for s in re.findall(r'<link rel="stylesheet" href="data:text/css;base64,([^"]+)"', html)]
    leaflet_css = next(s for s in sheets if ".leaflet-container" in s)
    assert "url(images/" not in leaflet_css
    assert 'url("data:image/png;base64,' in leaflet_css


def test_base_url_points_at_the_served_folder_and_files_exist():
    m = claims_map()
    assets.localize(m, base_url="../dashboard.geo_static/")
    html = m.get_root().render()
    links = re.findall(r'(?:src|href)="(\.\./dashboard\.geo_static/[^"]+)"', html)
    assert len(links) == 6  # leaflet js + css, jquery, markercluster js + 2 css
    for link in links:
        assert (assets.STATIC_DIR / link.removeprefix("../dashboard.geo_static/")).is_file(), link
    assert assets.remote_assets(html) == []


def test_localize_leaves_folium_class_defaults_alone():
    before = list(folium.Map.default_js)
    assets.localize(claims_map())
    assert folium.Map.default_js == before
    assert assets.remote_assets(folium.Map(tiles=None).get_root().render()) != []


def test_localize_twice_is_harmless():
    m = claims_map()
    assets.localize(m, base_url="static/")
    first = list(m.default_js)
    assets.localize(m, base_url="static/")
    assert m.default_js == first


def test_unvendored_plugin_is_refused_by_name():
    m = claims_map()
    folium.plugins.MeasureControl().add_to(m)
    with pytest.raises(AssetError, match="leaflet-measure"):
        assets.localize(m)


def test_folium_icon_is_refused_because_it_needs_font_awesome():
    m = claims_map()
    folium.Marker([48.0, 37.8], icon=folium.Icon(icon="info-sign")).add_to(m)
    with pytest.raises(AssetError, match="folium.Icon"):
        assets.localize(m)


def test_base_url_must_be_a_folder():
    with pytest.raises(AssetError, match="must end with '/'"):
        assets.localize(claims_map(), base_url="../static")
