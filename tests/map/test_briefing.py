"""The briefer's slide: the briefing view at laptop and projector sizes, labels, sectors, the offline basemap.

Browser tests open the real dashboard (`streamlit run`, no internet, no tiles) and the standalone page
that `python -m geo snapshot` photographs, at 1280x720, 1366x768, 1600x1000 and 1920x1080, for a
day and a 7-day window, and read the boxes from the page (getBoundingClientRect): the title, legend,
source line and scale bar lie inside the window and cover neither a marker nor each other; every
claim has its label. The Kherson slide of 11 November 2022 is built from the ../shared corpus.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import os
import shutil
from pathlib import Path

import pytest

from geo.map import basemap, labels
from geo.map.views import View
from tests.conftest import JUNE19, ROOT

SIZES = ((1280, 720), (1366, 768), (1600, 1000), (1920, 1080))
WINDOWS = ("day", "7d")

# The boxes of the map's furniture, the markers and the labels, in the map's viewport (CSS pixels).
BOXES_JS = """
const box = el => { const r = el.getBoundingClientRect(); return {x: r.left, y: r.top, w: r.width, h: r.height}; };
const shown = el => el.getBoundingClientRect().width > 0 && getComputedStyle(el).display !== 'none'
                    && getComputedStyle(el).visibility !== 'hidden';
const one = sel => { const el = document.querySelector(sel); return el && shown(el) ? box(el) : null; };
const all = sel => Array.from(document.querySelectorAll(sel)).filter(shown).map(box);
const map = document.querySelector('.leaflet-container');
return {
  viewport: {w: window.innerWidth, h: window.innerHeight}, map: box(map),
  furniture: {title: one('.geo-title'), legend: one('.geo-legend'), source: one('.geo-source'),
              scale: one('.leaflet-control-scale')},
  markers: all('.geo-claim'), claimLabels: all('.geo-label-claim'), townLabels: all('.geo-label-town'),
  controls: all('.leaflet-control-zoom, .leaflet-control-attribution'),
  places: (window.__geoReady || {}).places, crowded: Number((document.querySelector('.leaflet-geo-labels-pane') || {dataset: {}}).dataset.crowded || 0),
  text: Array.from(document.querySelectorAll('.geo-label-claim')).map(e => e.textContent),
};
"""


def overlap(a: dict, b: dict) -> bool:
    return a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]


def inside(a: dict, w: float, h: float) -> bool:
    return a["x"] >= 0 and a["y"] >= 0 and a["x"] + a["w"] <= w + 0.5 and a["y"] + a["h"] <= h + 0.5


def check_slide(found: dict, where: str) -> None:
    """The slide's rules, on the boxes read from the page."""
    w, h = found["viewport"]["w"], found["viewport"]["h"]
    furniture = found["furniture"]
    for name, b in furniture.items():
        assert b is not None, f"{where}: no {name} on the slide"
        assert inside(b, w, h), f"{where}: the {name} {b} is not inside the {w}x{h} window"
        for i, m in enumerate(found["markers"]):
            assert not overlap(b, m), f"{where}: the {name} {b} covers marker {i} {m}"
        for t in found["claimLabels"]:
            assert not overlap(b, t), f"{where}: the {name} {b} covers a label {t}"
    names = list(furniture)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert not overlap(furniture[a], furniture[b]), f"{where}: the {a} and the {b} overlap"
    assert found["controls"] == [], f"{where}: controls on the slide: {found['controls']}"
    assert found["markers"], f"{where}: no marker drawn"
    assert len(found["claimLabels"]) == found["places"] and found["crowded"] == 0, \
        f"{where}: {len(found['claimLabels'])} labels for {found['places']} places ({found['crowded']} left out)"
    labels_ = found["claimLabels"] + found["townLabels"]
    for i, a in enumerate(labels_):
        assert inside(a, w, h), f"{where}: a label {a} runs off the map"
        for m in found["markers"]:
            assert not overlap(a, m), f"{where}: a label {a} covers a marker {m}"
        for b in labels_[i + 1:]:
            assert not overlap(a, b), f"{where}: two labels overprint: {a} {b}"


def rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


@contextlib.contextmanager
def tile_server():
    """A tile server on 127.0.0.1 answering every tile with one grey 256-pixel PNG; yields its base URL."""
    import io
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (256, 256), (200, 200, 200)).save(buf, "PNG")
    tile = buf.getvalue()

    class Tiles(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the http.server name
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(tile)))
            self.send_header("Access-Control-Allow-Origin", "*")
            self.end_headers()
            self.wfile.write(tile)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Tiles)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def keep(path: Path) -> None:
    if os.environ.get("GEO_SCREENSHOTS"):
        Path(os.environ["GEO_SCREENSHOTS"]).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(os.environ["GEO_SCREENSHOTS"]) / path.name)


# -- pure parts ------------------------------------------------------------------------------------------


def test_every_placed_claim_gets_one_label_in_the_reports_spelling(rows):
    from geo.map import views

    shown = views.select(rows, View(date=JUNE19, window="7d"))
    found = labels.claim_labels(shown)
    spots = {(round(r["lat"], 5), round(r["lon"], 5)) for r in shown}
    assert len(found) == len(spots)
    assert {r["place"] for r in shown} <= {n for f in found for n in f["text"].split(" / ")}
    two = labels.claim_labels([{"lat": 48.0, "lon": 37.0, "place": "Krasnohorivka"},
                               {"lat": 48.0, "lon": 37.0, "place": "Krasnogorovka"},
                               {"lat": 48.0, "lon": 37.0, "place": "Krasnohorivka"}])
    assert two == [{"lat": 48.0, "lon": 37.0, "text": "Krasnohorivka / Krasnogorovka", "kind": "claim"}]


def test_orienting_towns_are_the_big_ones_near_the_claims_and_not_the_claims_themselves():
    claims = labels.claim_labels([{"lat": 46.63695, "lon": 32.61458, "place": "Kherson City"},
                                  {"lat": 47.07651, "lon": 32.8197, "place": "Snihurivka"}])
    area = labels.area_of([{"lat": 46.63695, "lon": 32.61458}, {"lat": 47.07651, "lon": 32.8197}], None)
    towns = labels.orienting_towns(labels.towns(), claims, area)
    names = [t["text"] for t in towns]
    assert "Kherson" not in names  # the claim's own label names it
    assert "Nova Kakhovka" in names and "Mykolaiv" in names  # the towns a reader looks for, spelled as ISW does
    assert all(area[0] <= t["lon"] <= area[2] and area[1] <= t["lat"] <= area[3] for t in towns)
    assert names.index("Mykolaiv") < names.index("Nova Kakhovka")  # an oblast centre before a smaller town
    assert labels.orienting_towns(labels.towns(), claims, None) == []


def test_a_sector_is_named_by_box_or_by_place_and_radius():
    from geo.errors import GeoError
    from geo.map import views

    lat, lon, name = labels.locate_place("Kherson")
    assert abs(lat - 46.64) < 0.05 and abs(lon - 32.61) < 0.05 and name == "Kherson"
    assert labels.locate_place(" 48.59, 38.0 ")[:2] == (48.59, 38.0)
    with pytest.raises(GeoError, match="no town of that name"):
        labels.locate_place("Atlantis")
    w, s, e, n = views.bbox_around(lat, lon, 60)
    assert abs((n - s) * 111.32 - 120) < 1 and abs((e - w) * 111.32 * math.cos(math.radians(lat)) - 120) < 2
    view = View.from_query({"date": "2022-11-11", "bbox": f"{w},{s},{e},{n}", "around": "Kherson", "radius": "60",
                            "briefing": "1"})
    assert View.from_query(view.to_query()) == view
    assert view.bbox is not None and view.around == "Kherson" and view.radius_km == 60
    for bad in ("33,46,32,47", "1,2,3", "nan,1,2,3", "x"):
        assert View.from_query({"bbox": bad}).bbox is None
    inside_row = {"report_date": "2022-11-11", "lat": 46.7, "lon": 32.6}
    outside_row = {"report_date": "2022-11-11", "lat": 48.6, "lon": 38.0}
    assert views.in_bbox(inside_row, view.bbox) and not views.in_bbox(outside_row, view.bbox)


def test_the_page_scripts_hold_no_template_openers():
    # folium/branca compile the map frame's script as a Jinja template in the standalone page
    for opener in ("{{", "{%", "{#"):
        assert opener not in labels.LABELS_JS + labels.LAYOUT_JS


def test_sector_options_are_checked(capsys, tmp_path, monkeypatch):
    from geo.cli import main

    with pytest.raises(SystemExit):
        main(["snapshot", "--bbox", "38,48,37,49", "--out", "x.png"])
    assert "west < east" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["snapshot", "--around", "Kherson", "--radius", "0", "--out", "x.png"])
    assert "between 1 and 1000 km" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["snapshot", "--bbox", "37,48,38,49", "--fit", "--out", "x.png"])
    assert "not allowed with" in capsys.readouterr().err
    monkeypatch.delenv("GEO_GAZETTEER", raising=False)  # the embedded gazetteer (or the built index)
    status = main(["snapshot", "--around", "Atlantis", "--store", str(tmp_path / "s.sqlite"),
                   "--out", str(tmp_path / "x.png")])
    err = capsys.readouterr().err
    assert status != 0 and err.startswith("error: 'Atlantis': no town of that name") and "lat,lon" in err
    assert not (tmp_path / "s.sqlite").exists()  # it failed before touching the store


# -- the standalone page of `python -m geo snapshot`, at the four sizes ------------------------------------


@pytest.fixture(scope="module")
def browser(chromium):
    from geo.map.browser import open_browser

    with open_browser(width=1280, height=720) as driver:
        yield driver


def resize(driver, width: int, height: int) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


@pytest.mark.browser
@pytest.mark.parametrize("window", WINDOWS)
def test_snapshot_page_is_a_slide_at_every_size(browser, rows, window, tmp_path):
    from geo.map.browser import wait_until_ready
    from geo.map.folium_map import MapSettings, render_standalone_html

    html = render_standalone_html(rows, View(date=JUNE19, window=window, briefing=True, fit=True),
                                  MapSettings(tiles_url=None))
    page = tmp_path / "slide.html"
    page.write_text(html, encoding="utf-8")
    for width, height in SIZES:
        resize(browser, width, height)
        browser.get(page.as_uri())
        wait_until_ready(browser, JUNE19.isoformat(), 30)
        found = browser.execute_script(BOXES_JS)
        assert found["map"] == {"x": 0, "y": 0, "w": width, "h": height}, found["map"]  # the map is the window
        check_slide(found, f"snapshot page {window} {width}x{height}")
        shot = tmp_path / f"snapshot-{window}-{width}x{height}.png"
        browser.save_screenshot(str(shot))
        keep(shot)


@pytest.mark.browser
def test_slide_is_framed_when_leaflets_style_sheet_comes_after_the_layer(browser, rows, tmp_path):
    """A host page may add Leaflet's style sheet after the claims layer has run (streamlit-folium does, and
    under load it comes late): until then the legend is a block across the whole map, and a fit padded
    around it is Leaflet's maximum zoom on an empty spot. The slide is framed once the styles apply."""
    import base64
    import re

    from geo.map.browser import wait_until_ready
    from geo.map.folium_map import MapSettings, render_standalone_html

    html = render_standalone_html(rows, View(date=JUNE19, window="7d", briefing=True, fit=True),
                                  MapSettings(tiles_url=None))
    links = re.findall(r'<link rel="stylesheet" href="data:text/css;base64,([^"]+)"\s*/?>', html)
    sheet = next(b for b in links if b".leaflet-pane" in base64.b64decode(b))
    late = ("<script>setTimeout(function () { var l = document.createElement('link'); l.rel = 'stylesheet';"
            f" l.href = 'data:text/css;base64,{sheet}'; document.head.appendChild(l); }}, 600);</script>")
    html = re.sub(r'<link rel="stylesheet" href="data:text/css;base64,' + re.escape(sheet) + r'"\s*/?>', "", html)
    page = tmp_path / "late-styles.html"
    page.write_text(html.replace("</body>", late + "</body>"), encoding="utf-8")
    resize(browser, 1366, 768)
    browser.get(page.as_uri())
    wait_until_ready(browser, JUNE19.isoformat(), 30)
    check_slide(browser.execute_script(BOXES_JS), "snapshot page with Leaflet's styles added late")


@pytest.mark.browser
@pytest.mark.parametrize("window", WINDOWS)
def test_labels_clear_the_markers_after_an_animated_zoom(browser, rows, window, tmp_path):
    """A reader zooms out with the wheel (an animated zoom around the pointer): the labels are placed again, around the
    markers where they come to rest, not where the icons were gliding when the map said it had moved."""
    import time

    from geo.map.browser import wait_until_ready
    from geo.map.folium_map import MapSettings, render_standalone_html

    html = render_standalone_html(rows, View(date=JUNE19, window=window, briefing=True, fit=True),
                                  MapSettings(tiles_url=None))
    page = tmp_path / "zoom.html"
    page.write_text(html, encoding="utf-8")
    resize(browser, 1280, 720)
    browser.get(page.as_uri())
    wait_until_ready(browser, JUNE19.isoformat(), 30)
    browser.set_script_timeout(10)
    zoom = browser.execute_async_script(
        "const done = arguments[0], m = window.__geoShown._map;"
        "m.once('moveend', function () { done(m.getZoom()); });"
        "m.setZoomAround(m.getSize().multiplyBy(0.25), m.getZoom() - 1, {animate: true});")  # the wheel, at a point
    time.sleep(0.6)  # the icons' glide (0.25 s) is over
    found = browser.execute_script(BOXES_JS)
    assert zoom < browser.execute_script("return window.__geoShown._map.getMaxZoom()")
    check_slide(found, f"snapshot page {window} zoomed out to {zoom}")


@pytest.mark.browser
def test_tiles_are_credited_only_when_one_loaded(browser, rows, tmp_path):
    from geo.map.browser import wait_for_tiles, wait_until_ready
    from geo.map.folium_map import MapSettings, render_standalone_html

    resize(browser, 1280, 720)
    # OpenStreetMap cannot be reached (the browser resolves no host but localhost): no tile, no credit
    html = render_standalone_html(rows, View(date=JUNE19, briefing=True, fit=True), MapSettings())
    (tmp_path / "osm.html").write_text(html, encoding="utf-8")
    browser.get((tmp_path / "osm.html").as_uri())
    wait_until_ready(browser, JUNE19.isoformat(), 30)
    wait_for_tiles(browser, 10)
    text = browser.execute_script("return document.querySelector('.geo-source').innerText")
    assert "OpenStreetMap" not in text and "basemap: GSHHG" in text
    # a tile server that answers (our own, on localhost): credited once a tile has loaded
    with tile_server() as url:
        settings = MapSettings(tiles_url=url + "/{z}/{x}/{y}.png", attribution="Test tiles © us")
        html = render_standalone_html(rows, View(date=JUNE19, briefing=True, fit=True), settings)
        (tmp_path / "tiles.html").write_text(html, encoding="utf-8")
        browser.get((tmp_path / "tiles.html").as_uri())
        wait_until_ready(browser, JUNE19.isoformat(), 30)
        wait_for_tiles(browser, 10)
        text = browser.execute_script("return document.querySelector('.geo-source').innerText")
    assert "tiles: Test tiles © us" in text


# -- the dashboard's briefing view, at the four sizes ------------------------------------------------------


@pytest.fixture(scope="module")
def dashboard(chromium, tmp_path_factory):
    from geo.map.browser import running_dashboard
    from geo.pipeline import ensure_sample_store

    store = tmp_path_factory.mktemp("briefing") / "claims.sqlite"
    ensure_sample_store(store).close()
    with running_dashboard(ROOT / "dashboard.py", env={"GEO_STORE": str(store), "GEO_TILES_URL": "none"},
                           timeout=90) as url:
        yield url


def settled_map(driver, date: str) -> None:
    """Wait for the dashboard's map to be drawn and its view reported to the app (the URL then names it), so
    what is read is the slide, not a redraw in between."""
    import time

    from geo.map.browser import wait_for_map_frame

    wait_for_map_frame(driver, date, timeout=90)
    deadline = time.monotonic() + 20
    while "lat=" not in driver.current_url and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)
    wait_for_map_frame(driver, date, timeout=60)


@pytest.mark.browser
@pytest.mark.parametrize("window", WINDOWS)
def test_dashboard_briefing_view_is_the_slide_at_every_size(dashboard, browser, window, tmp_path):
    from geo.map.browser import in_map_frame

    for width, height in SIZES:
        resize(browser, width, height)
        browser.get(f"{dashboard}/?date={JUNE19.isoformat()}&window={window}&briefing=1")
        settled_map(browser, JUNE19.isoformat())
        frame = browser.execute_script(
            "const f = document.querySelector(\"iframe[title='streamlit_folium.st_folium']\").getBoundingClientRect();"
            "return {x: f.left, y: f.top, w: f.width, h: f.height, scrollY: document.scrollingElement.scrollHeight};")
        # no blank band: the map's frame is the whole window, and nothing below it to scroll to
        assert (frame["x"], frame["y"], frame["w"], frame["h"]) == (0, 0, width, height), frame
        found = in_map_frame(browser, BOXES_JS)
        assert found["map"] == {"x": 0, "y": 0, "w": width, "h": height}, found["map"]  # the map fills its frame
        check_slide(found, f"dashboard {window} {width}x{height}")
        assert "19 June 2024" in in_map_frame(browser, "return document.querySelector('.geo-title').innerText")
        shot = tmp_path / f"dashboard-briefing-{window}-{width}x{height}.png"
        browser.save_screenshot(str(shot))
        keep(shot)


# -- the Kherson slide of 11 November 2022 (../shared corpus) -------------------------------------------

KHERSON_WEEK = ["isw-2022-10-31", "isw-2022-11-10", "isw-2022-11-11"]  # the corpus has no report of 1-9 November


@pytest.fixture(scope="module")
def kherson_store(shared, full_gazetteer, tmp_path_factory) -> Path:
    import subprocess
    import sys

    from geo.pipeline import ingest
    from geo.store import Store

    folder = tmp_path_factory.mktemp("kherson")
    subprocess.run([sys.executable, str(shared / "tools" / "materialize_corpus.py"), str(folder / "reports"),
                    *KHERSON_WEEK], check=True)
    path = folder / "claims.sqlite"
    with Store(path) as store:
        result = ingest(store, [folder / "reports"], full_gazetteer, progress=False)
    assert result.errors == [], result.errors
    return path


def kherson_view() -> View:
    from geo.map.views import bbox_around

    lat, lon, _ = labels.locate_place("Kherson")
    return View(date=dt.date(2022, 11, 11), window="7d", briefing=True, bbox=bbox_around(lat, lon, 60),
                around="Kherson", radius_km=60)


def _land_within(lon: float, lat: float, km: float) -> bool:
    """Is there drawn land within `km` of the point, in any of 16 directions?"""
    import math

    d = km / 111.0
    return any(basemap.on_land(lon + d * math.sin(math.radians(a)) / math.cos(math.radians(lat)),
                               lat + d * math.cos(math.radians(a))) for a in range(0, 360, 22))


def test_no_shore_village_of_the_kherson_slide_lies_in_the_water(kherson_store):
    from geo.map import views
    from geo.store import Store

    with Store(kherson_store) as store:
        shown = views.select(store.claim_rows(), kherson_view())
    assert len(shown) >= 10
    wet = [(r["place"], r["lat"], r["lon"], r["precision"]) for r in shown if not basemap.on_land(r["lon"], r["lat"])]
    # a bridge or a dam over the Dnipro lies on the water by nature; a settlement never does, beyond the drawing's own
    # precision (the GeoNames point of Nova Kakhovka lies some 220 m inside the river drawn below the dam)
    assert [w for w in wet if w[3] != "feature" and not _land_within(w[2], w[1], 0.3)] == []
    # the shore villages of the Dnipro-Buh estuary are among them, and the coarse coastline would drown one
    world = basemap.world_land_and_borders()
    coarse_wet = [r["place"] for r in shown if r["precision"] == "settlement" and not any(basemap._inside((r["lon"], r["lat"]), p[0]) for p in world["land"])]
    assert coarse_wet, "no shore village in this view: the check would prove nothing"


@pytest.mark.browser
def test_kherson_sector_snapshot_labels_every_claim_and_draws_the_dnipro(chromium, kherson_store, tmp_path, capsys):
    from PIL import Image

    from geo.cli import main
    from geo.map.browser import open_browser, wait_until_ready
    from geo.map.folium_map import MapSettings, render_standalone_html
    from geo.map.snapshot import png_size, png_text
    from geo.store import Store

    out = tmp_path / "k.png"
    status = main(["snapshot", "--date", "2022-11-11", "--window", "7d", "--around", "Kherson", "--radius", "60",
                   "--tiles", "none", "--size", "1280x720", "--store", str(kherson_store), "--out", str(out)])
    assert status == 0, capsys.readouterr().err
    keep(out)
    png = out.read_bytes()
    assert png_size(png) == (1280, 720)
    meta = png_text(png)
    assert "5–11 November 2022" in meta["Title"] and "Kherson" in meta["Title"]
    labelled, places = meta["Labels"].split(" claim places")[0].split(" of ")
    assert labelled == places and int(places) >= 8 and " 0 left out" in meta["Labels"], meta["Labels"]

    # the same slide in the browser: the Dnipro at Kherson is drawn as water, the city beside it as land
    with Store(kherson_store) as store:
        rows = store.claim_rows()
    html = render_standalone_html(rows, kherson_view(), MapSettings(tiles_url=None))
    (tmp_path / "k.html").write_text(html, encoding="utf-8")
    with open_browser(1280, 720) as driver:
        driver.get((tmp_path / "k.html").as_uri())
        wait_until_ready(driver, "2022-11-11", 30)
        found = driver.execute_script(BOXES_JS)
        check_slide(found, "Kherson sector")
        names = {name for text in found["text"] for name in text.split(" / ")}  # co-located places share one label
        assert "Kherson City" in names and "Snihurivka" in names
        points = driver.execute_script("""
            const m = window.__geoLayer._map;
            return arguments[0].map(p => { const c = m.latLngToContainerPoint(p); return [c.x, c.y]; });""",
                                       [[46.655, 32.655], [46.675, 32.75], [46.85, 32.25]])
        # the base map alone: a claim symbol or label drawn over a test point would hide what is under it
        driver.execute_script("""
            const m = window.__geoLayer._map;
            [window.__geoShown, window.__geoLayer].forEach(l => { if (l && m.hasLayer(l)) { m.removeLayer(l); } });
            document.querySelectorAll('.leaflet-marker-pane, .leaflet-tooltip-pane, .leaflet-popup-pane')
                .forEach(e => { e.style.display = 'none'; });""")
        driver.save_screenshot(str(tmp_path / "k-page.png"))
    image = Image.open(tmp_path / "k-page.png").convert("RGB")
    water, land = rgb(MapSettings().background), rgb(basemap.STYLES["land"]["fillColor"])
    for x, y in points[:2]:  # two points of the Dnipro
        assert image.getpixel((round(x), round(y))) == water, (x, y)
    assert image.getpixel((round(points[2][0]), round(points[2][1]))) == land  # the steppe north of the estuary


def test_the_snapshot_command_knows_the_default_tile_server_without_folium():
    from urllib.parse import urlsplit

    from geo.map import folium_map, snapshot

    assert urlsplit(folium_map.DEFAULT_TILES_URL).hostname == snapshot.DEFAULT_TILE_HOST
    assert set(folium_map.NO_TILES) == {"", "none", "off", "no"}  # as geo/cli/snapshot.py reads --tiles
    assert "tile.openstreetmap.org" in snapshot.browser_flags(None, default=True)["extra_flags"][0]
    assert "EXCLUDE" not in snapshot.browser_flags(None)["extra_flags"][0].split("127.0.0.1")[-1]


@pytest.mark.browser
def test_dashboard_sector_link_opens_that_sector(dashboard, browser, tmp_path):
    from urllib.parse import parse_qs, urlsplit

    from geo.map.browser import in_map_frame

    resize(browser, 1366, 768)
    browser.get(f"{dashboard}/?date={JUNE19.isoformat()}&briefing=1&around=Chasiv%20Yar&radius=30")
    settled_map(browser, JUNE19.isoformat())
    found = in_map_frame(browser, BOXES_JS)
    check_slide(found, "dashboard sector around Chasiv Yar")
    title = in_map_frame(browser, "return document.querySelector('.geo-title').innerText")
    assert "Chasiv Yar, 30 km around" in title
    assert "Chasiv Yar" in found["text"]
    # only the sector's claims: the sample's 19 June claims elsewhere (Vovchansk, Svatove, ...) are not drawn
    assert not any("Vovchansk" in t or "Svatove" in t for t in found["text"]), found["text"]
    query = parse_qs(urlsplit(browser.current_url).query)
    assert query["around"] == ["Chasiv Yar"] and query["radius"] == ["30"] and query["bbox"]
    shot = tmp_path / "dashboard-briefing-sector.png"
    browser.save_screenshot(str(shot))
    keep(shot)


def test_a_hostile_sector_name_in_a_link_is_shown_as_plain_text(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from geo.pipeline import ensure_sample_store

    store = tmp_path / "claims.sqlite"
    ensure_sample_store(store).close()
    monkeypatch.setenv("GEO_STORE", str(store))
    monkeypatch.setenv("GEO_TILES_URL", "none")
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.query_params.update({"date": "2024-06-19", "briefing": "1", "radius": "30",
                             "around": "![x](http://127.0.0.1:9/x.png) [go](javascript:alert(1)) <b>"})
    at = app.run()
    assert not at.exception
    warnings = [w.value for w in at.warning if "Sector" in w.value]
    assert len(warnings) == 1, [w.value for w in at.warning]
    assert not any(mark in warnings[0] for mark in ("](", "<b>", "javascript:alert(", "!["))
    assert "xhttp127.0.0.19x.png gojavascriptalert1 b" in warnings[0]  # what was asked, as plain text
