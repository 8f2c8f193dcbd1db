"""What a hostile visitor can send the page: query parameters and overlay choices. The page reads no server path
the operator did not configure, and a value it does not know is ignored, never a crash."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.map import content, views
from geo.map.views import View


@pytest.mark.parametrize("query, kinds", [
    ({"kind": "unknown"}, ()),
    ({"kind": "Advance"}, ("advance",)),
    ({"kind": ["advance", "<script>", "strike"]}, ("advance", "strike")),
    ({"kind": ""}, ()),
])
def test_unknown_filter_values_in_a_url_are_ignored(query, kinds):
    view = View.from_query({"date": "2024-06-19", "actor": ["Russia", "martians"], "status": "maybe", **query})
    assert view.kinds == kinds and view.actors == ("russia",) and view.statuses == ()
    assert content.map_title(view, [dt.date(2024, 6, 19)]).startswith("ISW-reported")


# -- overlays: only files under the folders the operator configured ------------------------------------


@pytest.fixture()
def overlay_dir(tmp_path):
    """A configured overlay folder holding one real front-line file, and traps: a link to a file outside, a link
    to a device, a folder link out of it, a FIFO and a file over the size cap."""
    import os

    folder = tmp_path / "frontline"
    folder.mkdir()
    good = folder / "front_20240615.geojson"
    good.write_text('{"type": "Feature", "properties": {"name": "Occupied"}, "geometry": {"type": "Polygon",'
                    ' "coordinates": [[[37, 48], [38, 48], [38, 49], [37, 48]]]}}')
    secret = tmp_path / "secret.json"
    secret.write_text('{"type": "Feature", "properties": {"name": "DB_PASSWORD=hunter"}, "geometry": {"type": "Polygon",'
                      ' "coordinates": [[[37, 48], [38, 48], [38, 49], [37, 48]]]}}')
    (folder / "outside.geojson").symlink_to(secret)
    (folder / "zero.geojson").symlink_to("/dev/zero")
    (folder / "up").symlink_to(tmp_path)
    os.mkfifo(folder / "pipe.geojson")
    return folder


def test_overlay_files_lists_only_regular_files_inside_the_folder(overlay_dir):
    from geo.map import folium_map

    assert [p.name for p in folium_map.overlay_files(overlay_dir)] == ["front_20240615.geojson"]


@pytest.mark.parametrize("path", ["../secret.json", "outside.geojson", "zero.geojson", "pipe.geojson", "up/secret.json",
                                  "/etc/passwd", "/dev/zero", "/root/.ssh/id_rsa", "nothing.geojson"])
def test_overlay_path_refuses_anything_outside_or_irregular(overlay_dir, path):
    from geo.errors import OverlayError
    from geo.map import folium_map

    with pytest.raises(OverlayError) as e:
        folium_map.overlay_path(overlay_dir, path)
    assert "/etc" not in str(e.value) and "root" not in str(e.value)  # the reply tells nothing about the server


def test_an_overlay_is_read_only_up_to_its_cap(tmp_path, monkeypatch):
    from geo.errors import OverlayError
    from geo.map import folium_map

    monkeypatch.setattr(folium_map, "OVERLAY_MAX_BYTES", 1000)
    big = tmp_path / "big.geojson"
    big.write_text('{"type": "FeatureCollection", "features": []}' + " " * 2000)
    with pytest.raises(OverlayError, match="more than an overlay may be"):
        folium_map.overlay_path(tmp_path, big)
    with pytest.raises(OverlayError, match="more than an overlay may be"):
        folium_map.read_overlay(big)
    with pytest.raises(OverlayError, match="not a regular file"):
        folium_map.read_overlay("/dev/zero")
    monkeypatch.setattr(folium_map, "OVERLAY_MAX_BYTES", 1_000_000)
    with pytest.raises(OverlayError, match="nested too deeply"):
        folium_map.read_overlay(b"[" * 100_000)


# -- the dashboard as a visitor sees it ---------------------------------------------------------------


@pytest.fixture()
def app(tmp_path_factory, embedded_gazetteer, monkeypatch, overlay_dir):
    from streamlit.testing.v1 import AppTest

    from geo.pipeline import ensure_sample_store
    from tests.conftest import ROOT

    path = tmp_path_factory.mktemp("store") / "claims.sqlite"
    ensure_sample_store(path, embedded_gazetteer).close()
    monkeypatch.setenv("GEO_STORE", str(path))
    monkeypatch.setenv("GEO_TILES_URL", "none")
    monkeypatch.setenv("GEO_FRONTLINE_DIR", str(overlay_dir))
    monkeypatch.setenv("GEO_BOUNDARIES", str(overlay_dir / "front_20240615.geojson"))
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)


def test_the_page_has_no_box_for_a_server_path(app):
    at = app.run()
    assert not at.exception
    labels = [t.label.lower() for t in at.text_input]
    assert not any(word in label for label in labels for word in ("path", "folder", "geojson", "file"))
    assert at.selectbox(key="front_pick").options == ["none", "As of the report date (latest snapshot on or before it)",
                                                      "front_20240615.geojson (2024-06-15)"]
    assert at.multiselect(key="bounds_pick").options == ["front_20240615.geojson"]


@pytest.mark.parametrize("query", [{"kind": "unknown"}, {"kind": "Advance"}, {"window": "x", "date": "2099-99-99"},
                                   {"zoom": "1e999", "lat": "nan", "lon": "inf"}, {"actor": ["", "'; DROP TABLE"]}])
def test_a_crafted_url_opens_a_usable_view(app, query):
    app.query_params.update(query)
    at = app.run()
    assert not at.exception
    assert at.markdown[0].value.startswith("**ISW-reported")
