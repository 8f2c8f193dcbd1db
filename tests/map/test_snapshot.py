"""geo.map.snapshot: map pages to PNG in the system's headless Chromium."""

from __future__ import annotations

import time

import folium
import pytest

from geo.map import assets
from geo.errors import SnapshotError
from geo.map.browser import find_browser, open_browser
from geo.map.snapshot import add_png_text, html_to_png, png_size, png_text
from tests.conftest import ROOT

browser = pytest.mark.browser

SIGNAL_LATER = """
<script>
setTimeout(function () {
  document.querySelector('.geo-title').innerText = 'ISW-reported claims, 19 June 2024';
  window.__geoReady = {date: '2024-06-19', count: 1, t: Date.now()};
}, %d);
</script>
"""


def page(delay_ms: int, tiles: str | None = None) -> str:
    """A real folium map (vendored Leaflet, inlined) whose page signals it is drawn after a delay."""
    m = folium.Map(location=[48.5, 37.9], zoom_start=7, tiles=tiles, maxZoom=18)
    folium.CircleMarker([48.58768, 37.83409], radius=8, color="#c00").add_to(m)
    title = '<div class="geo-title" style="position:absolute;top:8px;left:60px;z-index:1000">drawing...</div>'
    m.get_root().html.add_child(folium.Element(title))
    m.get_root().html.add_child(folium.Element(SIGNAL_LATER % delay_ms))
    return assets.standalone_html(m)


def test_png_text_round_trip():
    png = bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4520000000049454e44ae426082")
    tagged = add_png_text(png, {"Title": "ISW-reported claims, 19 June 2024 — Донецьк", "Date": "2024-06-19"})
    assert png_text(tagged) == {"Title": "ISW-reported claims, 19 June 2024 — Донецьк", "Date": "2024-06-19"}
    assert png_size(tagged) == (1, 1)


def test_not_a_png_is_refused():
    with pytest.raises(SnapshotError, match="not a PNG"):
        add_png_text(b"<html>", {"Title": "x"})


def test_missing_browser_says_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setenv("GEO_CHROMIUM", str(tmp_path / "no-chromium"))
    with pytest.raises(SnapshotError, match="install_browser.sh") as err:
        find_browser()
    assert "no-chromium" in str(err.value)
    with pytest.raises(SnapshotError, match="no Chromium"):
        with open_browser():
            pass


@browser
def test_waits_for_the_render_signal_not_a_fixed_time(chromium, tmp_path):
    with open_browser(width=800, height=500) as driver:
        started = time.monotonic()
        out = html_to_png(driver, page(delay_ms=1200), tmp_path / "slide.png", date="2024-06-19")
        waited = time.monotonic() - started
    png = out.read_bytes()
    assert waited >= 1.2  # it did wait for the late signal
    assert png_size(png) == (800, 500)
    meta = png_text(png)
    assert meta["Date"] == "2024-06-19"
    assert meta["Title"] == "ISW-reported claims, 19 June 2024"  # read after the signal, not before


@browser
def test_scale_two_gives_a_hi_dpi_png(chromium, tmp_path):
    with open_browser(width=400, height=300, scale=2) as driver:
        out = html_to_png(driver, page(delay_ms=0), tmp_path / "hidpi.png")
    assert png_size(out.read_bytes()) == (800, 600)


@browser
def test_a_page_that_never_signals_is_an_error_not_a_blank_slide(chromium, tmp_path):
    with open_browser(width=400, height=300) as driver:
        with pytest.raises(SnapshotError, match="did not signal .* for 2024-06-18 within 1 s"):
            html_to_png(driver, page(delay_ms=0), tmp_path / "x.png", date="2024-06-18", timeout=1)
    assert not (tmp_path / "x.png").exists()


@browser
def test_offline_browser_does_not_hang_on_internet_tiles(chromium, tmp_path):
    # OpenStreetMap tiles cannot be fetched: every host name but localhost is blocked, so the
    # tiles fail at once and the snapshot still comes out.
    with open_browser(width=600, height=400) as driver:
        started = time.monotonic()
        out = html_to_png(driver, page(delay_ms=0, tiles="OpenStreetMap"), tmp_path / "osm.png",
                          tile_timeout=20)
        assert time.monotonic() - started < 15
        failed = driver.execute_script(
            "return Array.from(document.querySelectorAll('img.leaflet-tile')).filter(i => i.complete && !i.naturalWidth).length")
    assert failed > 0
    assert png_size(out.read_bytes()) == (600, 400)


# -- python -m geo snapshot ---------------------------------------------------------------

def test_output_paths_for_one_or_several_dates(tmp_path):
    import datetime as dt

    from geo.cli.snapshot import output_paths

    days = [dt.date(2024, 6, 18), dt.date(2024, 6, 19)]
    assert output_paths(tmp_path / "slide.png", days[:1]) == [tmp_path / "slide.png"]
    assert output_paths(tmp_path / "slide.png", days) == [tmp_path / "slide-2024-06-18.png", tmp_path / "slide-2024-06-19.png"]
    assert output_paths(tmp_path, days) == [tmp_path / "claims-2024-06-18.png", tmp_path / "claims-2024-06-19.png"]
    assert output_paths(tmp_path / "w{date}" / "map.png", days)[1] == tmp_path / "w2024-06-19" / "map.png"


def test_date_spans_expand_to_the_report_dates_inside():
    import datetime as dt

    from geo.cli.snapshot import expand_dates
    from geo.errors import SnapshotError

    known = [dt.date(2024, 6, 18), dt.date(2024, 6, 19), dt.date(2024, 6, 25)]
    week = (dt.date(2024, 6, 13), dt.date(2024, 6, 19))
    assert expand_dates([week], known) == known[:2]
    one = (dt.date(2024, 6, 20), dt.date(2024, 6, 20))
    assert expand_dates([one, week, one], known) == [dt.date(2024, 6, 20), *known[:2]]
    with pytest.raises(SnapshotError, match="no report dated 2024-06-01..2024-06-10"):
        expand_dates([(dt.date(2024, 6, 1), dt.date(2024, 6, 10))], known)


def test_bad_window_and_date_are_usage_errors(capsys):
    from geo.cli import main

    with pytest.raises(SystemExit):
        main(["snapshot", "--date", "19 June", "--out", "x.png"])
    assert "not a date like 2024-06-19" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["snapshot", "--window", "14", "--out", "x.png"])
    assert "use 1, 7, 30 or all" in capsys.readouterr().err


def test_without_a_browser_the_command_fails_with_one_clear_line(monkeypatch, tmp_path, capsys):
    from geo.cli import main

    monkeypatch.setenv("GEO_CHROMIUM", str(tmp_path / "no-chromium"))
    status = main(["snapshot", "--date", "2024-06-19", "--tiles", "none", "--store", str(tmp_path / "s.sqlite"),
                   "--out", str(tmp_path / "x.png")])
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith("error: no Chromium") and "install_browser.sh" in err
    assert not (tmp_path / "x.png").exists()


@browser
def test_snapshot_command_writes_one_titled_png_per_date(chromium, tmp_path, capsys):
    from geo.cli import main

    status = main(["snapshot", "--date", "2024-06-01..2024-06-30", "--tiles", "none", "--size", "1000x700",
                   "--store", str(tmp_path / "s.sqlite"), "--out", str(tmp_path / "slides")])
    assert status == 0
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == 2
    for day, label in (("2024-06-18", "18 June 2024"), ("2024-06-19", "19 June 2024")):
        png = (tmp_path / "slides" / f"claims-{day}.png").read_bytes()
        assert png_size(png) == (1000, 700)
        meta = png_text(png)
        assert meta["Date"] == day
        assert label in meta["Title"]  # read from the map's own title element
        assert "Institute for the Study of War" in meta["Source"]
    # the sample's 18 June report has five placed claims (all on the map: nothing to cluster)
    assert "\t5 claim(s)\t" in printed[0]


@browser
def test_snapshot_window_and_filter_reach_the_map(chromium, tmp_path, capsys):
    from geo.cli import main

    status = main(["snapshot", "--date", "2024-06-19", "--window", "7", "--kind", "strike", "--tiles", "none",
                   "--size", "800x600", "--store", str(tmp_path / "s.sqlite"), "--out", str(tmp_path / "w.png")])
    assert status == 0
    line = capsys.readouterr().out.strip()
    assert "\t2 claim(s)\t" in line  # the two strikes of 18 June, inside the 7-day window ending 19 June
    title = png_text((tmp_path / "w.png").read_bytes())["Title"]
    assert "strikes" in title and "13–19 June 2024" in title  # the window and the kind filter are in the title


def test_install_script_does_nothing_when_the_browser_is_there(chromium):
    import subprocess
    from pathlib import Path

    script = ROOT / "scripts" / "install_browser.sh"
    if (chromium.chromium, chromium.chromedriver) != ("/usr/bin/chromium", "/usr/bin/chromedriver"):
        pytest.skip("the script installs to /usr/bin; this browser lives elsewhere")
    done = subprocess.run(["sh", str(script)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "already present" in done.stdout


@browser
def test_a_failing_app_is_reported_at_once_with_its_error(chromium, tmp_path):
    from geo.map.browser import running_dashboard, wait_for_map_frame

    app = tmp_path / "broken_app.py"
    app.write_text("import streamlit as st\nst.title('x')\nraise RuntimeError('store is on fire')\n")
    with running_dashboard(app) as url, open_browser(width=800, height=600) as driver:
        driver.get(url)
        started = time.monotonic()
        with pytest.raises(SnapshotError, match="store is on fire"):
            wait_for_map_frame(driver, timeout=60)
        assert time.monotonic() - started < 30


def test_each_slide_gets_the_front_line_as_of_its_date(shared, capsys):
    import datetime as dt

    from geo.cli.snapshot import frontline_overlays

    folder = shared / "data" / "frontline" / "deepstatemaps_history"
    fronts = frontline_overlays(folder, [dt.date(2024, 6, 19), dt.date(2024, 6, 15), dt.date(2022, 1, 1)])
    assert [o.name for o in fronts[0]] == ["Front line as of 2024-06-15"]  # 1718484340.geojson
    assert fronts[1][0] is fronts[0][0]  # read once, shared by the slides that use it
    assert fronts[2] == []
    assert "no front-line snapshot" in capsys.readouterr().err


def test_a_frontline_folder_without_dated_files_is_refused(tmp_path):
    import datetime as dt

    from geo.cli.snapshot import frontline_overlays
    from geo.errors import OverlayError

    (tmp_path / "front.geojson").write_text('{"type": "FeatureCollection", "features": []}')
    with pytest.raises(OverlayError, match="no GeoJSON file named by its date"):
        frontline_overlays(tmp_path, [dt.date(2024, 6, 19)])


@browser
def test_snapshot_with_the_front_line_of_the_day(chromium, shared, tmp_path, capsys):
    from geo.cli import main

    status = main(["snapshot", "--date", "2024-06-19", "--tiles", "none", "--size", "900x600",
                   "--frontline", str(shared / "data" / "frontline" / "deepstatemaps_history"),
                   "--store", str(tmp_path / "s.sqlite"), "--out", str(tmp_path / "f.png")])
    assert status == 0
    png = (tmp_path / "f.png").read_bytes()
    assert png_size(png) == (900, 600)
    assert "Front line as of 2024-06-15" in png_text(png)["Source"]  # credited on the slide itself


# Two same-origin frames; reading frame "a" replaces frame "b" (as a Streamlit rerun replaces
# its component frames), so the "b" found before the read has gone stale when it is entered.
REPLACING_FRAMES = """<!doctype html><title>top</title>
<iframe id="a" srcdoc="<title>a</title>"></iframe><iframe id="b" srcdoc="<title>b</title>"></iframe>"""
READ_AND_REPLACE = """
var frame = window.frameElement;
if (frame && frame.id === 'a' && !window.parent.__replaced) {
  window.parent.__replaced = true;
  var old = window.parent.document.getElementById('b'), fresh = window.parent.document.createElement('iframe');
  fresh.id = 'b';
  old.replaceWith(fresh);
  fresh.contentDocument.title = 'b2';  // the blank document of a frame without src is there at once
}
return document.title;
"""


@browser
def test_a_frame_replaced_while_frames_are_read_is_read_afresh_not_skipped(chromium, tmp_path):
    from selenium.webdriver.support.ui import WebDriverWait

    from geo.map.browser import all_frames

    path = tmp_path / "frames.html"
    path.write_text(REPLACING_FRAMES, encoding="utf-8")
    with open_browser(width=800, height=600) as driver:
        driver.get(path.as_uri())
        WebDriverWait(driver, 10).until(lambda d: d.execute_script(
            "return [].every.call(document.querySelectorAll('iframe'), function (f) {"
            " return f.contentDocument && f.contentDocument.title; })"))
        assert all_frames(driver, READ_AND_REPLACE) == ["top", "a", "b2"]
        assert all_frames(driver, READ_AND_REPLACE) == ["top", "a", "b2"]  # once replaced, read as is
