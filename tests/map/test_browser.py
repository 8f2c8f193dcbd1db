"""The real dashboard in a real headless Chromium, with no internet.

`streamlit run dashboard.py` on a free local port, on a temporary store holding the embedded
sample plus one hostile report; Chromium resolves no host name but localhost, so every script
the map needs must come from the app itself (geo/map/static). The fixtures install Debian's
chromium + chromium-driver through scripts/install_browser.sh when they are missing and we
are root, and skip with the reason otherwise.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

from tests.conftest import ROOT
SAMPLE = ROOT / "data" / "assessments"
DASHBOARD = ROOT / "dashboard.py"
HOSTILE_DAY = "2024-06-20"
PAYLOADS = (
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "`backticks`",
    "${window.__pwned=1}",
    "{{ 7*7 }}",  # a Jinja expression: folium/branca compile element text as templates
)
HOSTILE_SENTENCE = (f"Russian forces advanced near Chasiv Yar {PAYLOADS[0]} and {PAYLOADS[1]} "
                    f"with {PAYLOADS[2]} and {PAYLOADS[3]} and {PAYLOADS[4]} in the text.")
# A report in the shape of the embedded sample (date line, title, body, takeaways, source line).
HOSTILE_REPORT = f"""June 20, 2024

Institute for the Study of War: Russian Offensive Campaign Assessment, June 20, 2024

Institute for the Study of War

{HOSTILE_SENTENCE}

Key Takeaways:

  \u2022 {HOSTILE_SENTENCE}

For full report:  https://www.understandingwar.org/backgrounder/russian-offensive-campaign-assessment-june-20-2024
"""


@pytest.fixture(scope="module")
def app_store(tmp_path_factory) -> Path:
    """A store with the two sample days and the hostile report of 20 June."""
    from geo.places.gazetteer import Gazetteer
    from geo.pipeline import ingest
    from geo.store import Store

    folder = tmp_path_factory.mktemp("browser-app")
    (folder / "reports").mkdir()
    (folder / "reports" / f"{HOSTILE_DAY}.txt").write_text(HOSTILE_REPORT, encoding="utf-8")
    path = folder / "claims.sqlite"
    with Store(path) as store:
        result = ingest(store, [SAMPLE, folder / "reports"], Gazetteer.default(), progress=False)
    assert result.errors == [] and result.added == 3, result
    return path


@pytest.fixture(scope="module")
def store_rows(app_store) -> list[dict]:
    from geo.store import Store

    with Store(app_store) as store:
        return store.claim_rows()


@pytest.fixture(scope="module")
def placed(store_rows) -> dict[str, int]:
    """Placed (drawable) claim rows per report date, straight from the store."""
    counts: dict[str, int] = {}
    for row in store_rows:
        if row["lat"] is not None and row["lon"] is not None:
            counts[row["report_date"]] = counts.get(row["report_date"], 0) + 1
    return counts


@pytest.fixture(scope="module")
def dashboard(chromium, app_store) -> str:
    from geo.map.browser import running_dashboard

    if not DASHBOARD.is_file():
        pytest.fail(f"{DASHBOARD} is missing")
    # Default map settings (internet tiles): on an isolated network they fail and the map must still draw.
    env = {"GEO_STORE": str(app_store)}
    with running_dashboard(DASHBOARD, env=env, timeout=90) as url:
        yield url


def markers(driver) -> int:
    from geo.map.browser import in_map_frame

    return in_map_frame(driver, "return document.querySelectorAll('.geo-claim').length")


def script_errors(driver) -> list[str]:
    """JavaScript errors in the console, leaving out the failed tile requests of an offline map."""
    from geo.map.browser import page_errors

    return [m for m in page_errors(driver) if "Failed to load resource" not in m and "ERR_NAME_NOT_RESOLVED" not in m]


def foreign_code(driver) -> list[str]:
    """Scripts, style sheets, fonts and fetches that any frame loaded from outside the app (must be none)."""
    from geo.map.browser import all_frames

    found = all_frames(driver, """
        return performance.getEntriesByType('resource')
          .filter(e => e.initiatorType !== 'img')  // map tiles may be remote (they fail offline)
          .map(e => e.name)
          .filter(u => !u.startsWith(location.origin) && !u.startsWith('data:'));""")
    return [url for urls in found for url in urls]


def click_previous_day(driver) -> None:
    from selenium.webdriver.common.by import By

    buttons = driver.find_elements(By.CSS_SELECTOR, ".st-key-prev_day button")
    if not buttons:
        buttons = [b for b in driver.find_elements(By.TAG_NAME, "button") if "Previous day" in b.text]
    assert buttons, "the dashboard has no 'Previous day' button"
    buttons[0].click()


def keep_screenshot(driver, path: Path) -> Path:
    """Save a screenshot; also copy it to $GEO_SCREENSHOTS when set (to look at it after the run)."""
    driver.save_screenshot(str(path))
    if os.environ.get("GEO_SCREENSHOTS"):
        Path(os.environ["GEO_SCREENSHOTS"]).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(os.environ["GEO_SCREENSHOTS"]) / path.name)
    return path


def test_dated_url_shows_that_day_and_previous_day_redraws_without_remount(dashboard, driver, store_rows, placed,
                                                                          tmp_path):
    from geo.map.browser import in_map_frame, wait_for_map_frame
    from geo.map.snapshot import png_size

    # The gold files list 5 claim rows for 18 June and 4 for 19 June; every placed one must be a marker.
    assert [r["report_date"] for r in store_rows].count("2024-06-18") == 5
    assert [r["report_date"] for r in store_rows].count("2024-06-19") == 4
    assert placed["2024-06-18"] != placed["2024-06-19"], placed
    driver.get(f"{dashboard}/?date=2024-06-19")
    signal = wait_for_map_frame(driver, "2024-06-19", timeout=90)
    assert signal["count"] == placed["2024-06-19"]
    assert markers(driver) == placed["2024-06-19"]
    title = in_map_frame(driver, "return document.querySelector('.geo-title').innerText")
    assert "19 June 2024" in title
    assert in_map_frame(driver, "return typeof L === 'object' && L.version") == "1.9.4"  # the vendored Leaflet
    in_map_frame(driver, "window.__sameMap = 'yes'")

    click_previous_day(driver)
    signal = wait_for_map_frame(driver, "2024-06-18", timeout=60)
    assert signal["count"] == placed["2024-06-18"] == 5  # the sample's five placed claims of 18 June
    assert markers(driver) == placed["2024-06-18"]
    assert "18 June 2024" in in_map_frame(driver, "return document.querySelector('.geo-title').innerText")
    assert in_map_frame(driver, "return window.__sameMap") == "yes", "the map was remounted, not redrawn"
    assert "date=2024-06-18" in driver.current_url  # the view lives in the URL
    assert script_errors(driver) == []
    assert foreign_code(driver) == []  # Leaflet and plugins came from the app (geo/map/static), not a CDN

    shot = keep_screenshot(driver, tmp_path / "dashboard-2024-06-18.png")
    assert png_size(shot.read_bytes()) == (1400, 1000)


def test_a_new_browser_gets_the_map_first_then_the_charts_and_tables(dashboard, chromium):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from geo.map.browser import MAP_FRAME, in_map_frame, open_browser, wait_for_map_frame

    with open_browser(width=1400, height=1000, offline=True) as fresh:  # a new session
        fresh.get(f"{dashboard}/?date=2024-06-19&window=30d")
        wait_for_map_frame(fresh, "2024-06-19", timeout=90)
        in_map_frame(fresh, "window.__sameMap = 'yes'")
        top = fresh.find_element(By.CSS_SELECTOR, MAP_FRAME).rect["y"]

        def whole(d) -> bool:
            text = d.execute_script("return document.body.innerText")
            return ("Claims in view" in text and "Review queue" in text and "Loading the charts" not in text
                    and bool(d.find_elements(By.CSS_SELECTOR, "[data-testid='stVegaLiteChart']")))

        WebDriverWait(fresh, 30).until(whole)  # the rest of the page follows the map by itself
        assert in_map_frame(fresh, "return window.__sameMap") == "yes"  # the map was not drawn again
        moved = fresh.find_element(By.CSS_SELECTOR, MAP_FRAME).rect["y"] - top
        assert abs(moved) < 100, f"the map moved {moved} px when the charts came (space is kept for them)"
        assert script_errors(fresh) == []


def test_hostile_report_text_shows_as_text_and_never_runs(dashboard, driver, placed, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from geo.map.browser import MAP_FRAME, all_frames, wait_for_map_frame

    assert placed[HOSTILE_DAY] == 1
    driver.get(f"{dashboard}/?date={HOSTILE_DAY}")
    assert wait_for_map_frame(driver, HOSTILE_DAY, timeout=90)["count"] == 1

    driver.switch_to.frame(driver.find_element(By.CSS_SELECTOR, MAP_FRAME))
    try:
        driver.find_element(By.CSS_SELECTOR, ".geo-claim").click()
        popup = WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".leaflet-popup-content"))[0]
        # Wait until the popup has faded in and shows its text (what a reader sees, not just the DOM).
        WebDriverWait(driver, 20).until(lambda d: d.execute_script(
            "const p = arguments[0].closest('.leaflet-popup');"
            "return getComputedStyle(p).opacity === '1' && arguments[0].innerText.includes('Chasiv Yar');", popup))
        text = popup.text
        for payload in PAYLOADS:
            assert payload in text, f"{payload!r} is not shown as text in the popup: {text!r}"
        assert driver.execute_script(
            "return arguments[0].querySelectorAll('script, img[src=\"x\"], [onerror]').length", popup) == 0
        # Prove an onerror *would* have fired by now: a broken image of our own must report first.
        driver.execute_script(
            "const i = document.createElement('img'); i.onerror = () => { window.__probe = 1 }; "
            "i.src = 'x-probe-' + Date.now(); document.body.appendChild(i);")
        WebDriverWait(driver, 10).until(lambda d: d.execute_script("return window.__probe === 1"))
    finally:
        driver.switch_to.default_content()

    keep_screenshot(driver, tmp_path / f"dashboard-{HOSTILE_DAY}-popup.png")
    flags = all_frames(driver, "return typeof window.__pwned")
    assert len(flags) >= 2  # the page and at least the map frame
    assert set(flags) == {"undefined"}, f"the payload ran: {flags}"
    injected = all_frames(driver, "return document.querySelectorAll('img[src=\"x\"]').length")
    assert set(injected) == {0}
    assert script_errors(driver) == []


def visible_sidebars(driver) -> list:
    from selenium.webdriver.common.by import By

    return [e for e in driver.find_elements(By.CSS_SELECTOR, "[data-testid='stSidebar']")
            if e.is_displayed() and e.size["width"] > 0]


def test_briefing_view_is_a_ready_slide(dashboard, driver, placed, tmp_path):
    from geo.map.browser import in_map_frame, wait_for_map_frame

    driver.get(f"{dashboard}/?date=2024-06-18")
    wait_for_map_frame(driver, "2024-06-18", timeout=90)
    assert visible_sidebars(driver), "the normal view has a sidebar"
    driver.get(f"{dashboard}/?date=2024-06-18&briefing=1")
    assert wait_for_map_frame(driver, "2024-06-18", timeout=90)["count"] == placed["2024-06-18"]
    furniture = in_map_frame(driver, """
        const text = sel => (document.querySelector(sel) || {}).innerText || '';
        return {title: text('.geo-title'), legend: text('.geo-legend'), source: text('.geo-source'),
                scale: !!document.querySelector('.leaflet-control-scale')};""")
    assert "18 June 2024" in furniture["title"]
    assert "Russian forces" in furniture["legend"] and "Ukrainian forces" in furniture["legend"]
    assert "Institute for the Study of War" in furniture["source"]
    assert furniture["scale"]
    assert visible_sidebars(driver) == [], "the briefing view still shows the sidebar"
    keep_screenshot(driver, tmp_path / "dashboard-2024-06-18-briefing.png")


# -- a steady map: the URL follows the view, nothing feeds back -----------------------------------------

# Counts the WebSocket messages of every frame (installed before any page script runs): a Streamlit
# rerun is a message from the browser and a burst of messages back, so an idle server sends none.
COUNT_SOCKET_JS = """
(function () {
  if (window.__wsCount) { return; }
  window.__wsCount = {sent: 0, received: 0};
  var Native = window.WebSocket;
  function Counted(url, protocols) {
    var ws = protocols === undefined ? new Native(url) : new Native(url, protocols);
    ws.addEventListener('message', function () { window.__wsCount.received++; });
    var send = ws.send;
    ws.send = function (data) { window.__wsCount.sent++; return send.call(ws, data); };
    return ws;
  }
  Counted.prototype = Native.prototype;
  ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].forEach(function (k) { Counted[k] = Native[k]; });
  window.WebSocket = Counted;
})();
"""
MAP_VIEW_JS = "const c = window.map.getCenter(); return {zoom: window.map.getZoom(), lat: c.lat, lng: c.lng};"


def count_socket_messages(driver) -> None:
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": COUNT_SOCKET_JS})


def view_state(driver) -> dict:
    """What the analyst sees and shares: the map's view, the page URL, and the WebSocket traffic so far."""
    from urllib.parse import parse_qs, urlsplit

    from geo.map.browser import in_map_frame

    view = in_map_frame(driver, MAP_VIEW_JS)
    query = {k: v[-1] for k, v in parse_qs(urlsplit(driver.current_url).query).items()}
    return {"view": view, "url": driver.current_url, "query": query,
            "socket": driver.execute_script("return window.__wsCount || null"),
            "script": driver.execute_script(  # Streamlit's own run state: "running" until a run has sent everything
                "const a = document.querySelector('[data-testid=stApp]'); return a && a.getAttribute('data-test-script-state')")}


def settle(driver, quiet: float = 2.0, timeout: float = 60.0) -> dict:
    """Wait until the view, the URL and the WebSocket traffic have not changed for `quiet` seconds (the
    debounced report of a move and the one rerun it causes); the state then. Fails when they never settle."""
    import time

    deadline = time.monotonic() + timeout
    last, since = None, time.monotonic()
    while time.monotonic() < deadline:
        state = view_state(driver)
        key = (state["view"] and tuple(round(v, 6) for v in state["view"].values()), state["url"],
               str(state["socket"]))  # and the app's last run has finished sending
        if key != last or state["script"] == "running":
            last, since = key, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return state
        time.sleep(0.1)
    raise AssertionError(f"the view never settled within {timeout:g} s: {view_state(driver)}")


def assert_steady_for(driver, seconds: float = 10.0) -> dict:
    """The view, the URL and the server stay as they are for `seconds`; the URL names the view shown."""
    import time

    before = settle(driver)
    time.sleep(seconds)
    after = view_state(driver)
    assert after["view"] == before["view"], f"the map moved on its own: {before['view']} -> {after['view']}"
    assert after["url"] == before["url"], f"the URL changed on its own: {before['url']} -> {after['url']}"
    assert after["socket"] == before["socket"], f"the app kept talking to the server (reruns): {before['socket']} -> {after['socket']}"
    view, query = after["view"], after["query"]
    pixel = 360 / (256 * 2 ** view["zoom"])
    assert int(query["zoom"]) == view["zoom"], (query, view)
    assert abs(float(query["lat"]) - view["lat"]) < 2 * pixel and abs(float(query["lon"]) - view["lng"]) < 2 * pixel, (query, view)
    return after


def drag_wheel_and_edge_popup(driver) -> None:
    """Drag the map, zoom with the wheel, then open a popup on a marker near the map's top edge (Leaflet
    pans the map to show it)."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.actions.wheel_input import ScrollOrigin
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from geo.map.browser import MAP_FRAME

    driver.switch_to.frame(driver.find_element(By.CSS_SELECTOR, MAP_FRAME))
    try:
        pane = driver.find_element(By.CSS_SELECTOR, ".leaflet-container")
        ActionChains(driver).move_to_element(pane).click_and_hold().move_by_offset(120, 60).move_by_offset(60, 30) \
            .release().perform()
        settle_in_frame(driver)
        ActionChains(driver).scroll_from_origin(ScrollOrigin.from_element(pane), 0, -60).perform()
        settle_in_frame(driver)
        # a marker moved close to the top edge, so its popup does not fit and the map pans to show it
        moved = driver.execute_script("""
            const m = window.map, el = document.querySelector('.geo-claim');
            if (!el) return false;
            const r = el.getBoundingClientRect(), box = m.getContainer().getBoundingClientRect();
            m.panBy([r.left + r.width / 2 - box.left - box.width / 2, r.top - box.top - 18], {animate: false});
            return true;""")
        assert moved, "no marker in view to open"
        settle_in_frame(driver)
        before = driver.execute_script(MAP_VIEW_JS)
        driver.find_element(By.CSS_SELECTOR, ".geo-claim").click()
        # the popup shows the place's claims (fetched when first opened), not only a loading note
        WebDriverWait(driver, 20).until(lambda d: d.execute_script(
            "var p = document.querySelector('.leaflet-popup-content .geo-popup');"
            "return p && !p.classList.contains('geo-popup-note')"))
        settle_in_frame(driver)
        assert driver.execute_script(MAP_VIEW_JS) != before, "the popup near the edge did not pan the map"
    finally:
        driver.switch_to.default_content()


def settle_in_frame(driver, quiet: float = 1.0) -> None:
    import time

    last, since = None, time.monotonic()
    while time.monotonic() - since < quiet:
        now = driver.execute_script(MAP_VIEW_JS)
        if now != last:
            last, since = now, time.monotonic()
        time.sleep(0.1)


def check_steady_map(base: str, driver, date: str, zoom: int, lat: float, lon: float, window: str = "day") -> None:
    from geo.map.browser import in_map_frame, wait_for_map_frame

    count_socket_messages(driver)
    driver.get(f"{base}/?date={date}&window={window}&zoom={zoom}&lat={lat}&lon={lon}")
    wait_for_map_frame(driver, date, timeout=120)
    opened = assert_steady_for(driver)  # the link opens exactly its view and stays there
    assert opened["view"]["zoom"] == zoom, opened
    pixel = 360 / (256 * 2 ** zoom)  # Leaflet snaps the centre to a whole pixel
    assert abs(opened["view"]["lat"] - lat) < pixel and abs(opened["view"]["lng"] - lon) < pixel, opened
    assert (opened["query"]["date"], opened["query"]["zoom"], opened["query"]["lat"], opened["query"]["lon"]) == \
        (date, str(zoom), f"{lat:.4f}", f"{lon:.4f}"), "the URL of a shared view changed on opening it"
    assert opened["socket"] is not None, "the WebSocket counter is not installed"
    from selenium.webdriver.common.by import By

    assert not driver.find_elements(By.CSS_SELECTOR, "[data-testid='stAppDeployButton']"), "a Deploy button is shown"
    assert "Deploy" not in driver.find_element(By.TAG_NAME, "body").text

    drag_wheel_and_edge_popup(driver)
    after = assert_steady_for(driver)
    assert after["view"]["zoom"] > zoom, after  # the wheel zoomed in
    assert (after["view"]["lat"], after["view"]["lng"]) != (opened["view"]["lat"], opened["view"]["lng"])
    assert in_map_frame(driver, "return document.querySelectorAll('.leaflet-popup-content').length") == 1, \
        "the popup closed: the map was redrawn"
    assert script_errors(driver) == []


def test_a_shared_view_opens_exactly_and_stays_after_drag_wheel_and_popup(dashboard, driver):
    check_steady_map(dashboard, driver, "2024-06-19", 8, 48.6, 37.9)


# -- the whole shared corpus -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_store(shared, full_gazetteer, tmp_path_factory) -> Path:
    """A store of every report in ../shared/corpus (the CSV and JSON archives, the HTML and Markdown pages)."""
    from geo.pipeline import ingest
    from geo.store import Store

    path = tmp_path_factory.mktemp("browser-corpus") / "claims.sqlite"
    with Store(path) as store:
        result = ingest(store, [shared / "corpus" / "isw"], full_gazetteer, progress=False)
        assert result.added > 250, result
    return path


@pytest.fixture(scope="module")
def corpus_dashboard(chromium, corpus_store) -> str:
    from geo.map.browser import running_dashboard

    with running_dashboard(DASHBOARD, env={"GEO_STORE": str(corpus_store), "GEO_TILES_URL": "none"}, timeout=120) as url:
        yield url


def test_every_claim_of_the_corpus_links_to_its_isw_report(corpus_store):
    from geo.map import exports
    from geo.store import Store

    with Store(corpus_store) as store:
        rows = store.claim_rows()
    assert len(rows) > 5000
    isw = ("https://www.understandingwar.org/backgrounder/russian-offensive-campaign-assessment-",
           "https://www.understandingwar.org/backgrounder/russia-ukraine-warning-update-",
           "https://understandingwar.org/research/russia-ukraine/russian-offensive-campaign-assessment-")
    assert all(r["source"].startswith(isw) for r in rows), {r["source"] for r in rows if not r["source"].startswith(isw)}
    archived = [r for r in rows if "#" in (r["provenance"] or "")]  # archive rows: "<file>#<row>"
    assert len(archived) > 0.8 * len(rows)
    day = next(r for r in archived if r["report_date"] == "2022-11-11")
    assert day["source"] == "https://www.understandingwar.org/backgrounder/russian-offensive-campaign-assessment-november-11-2022"
    for text in (exports.to_csv(rows[:500]), exports.to_geojson(rows[:500]), exports.to_kml(rows[:500])):
        assert ".csv.gz" not in text and ".json.gz" not in text and "/corpus/" not in text


def test_the_corpus_map_is_steady_after_a_link_drag_wheel_and_popup(corpus_dashboard, driver):
    check_steady_map(corpus_dashboard, driver, "2022-11-11", 8, 47.9, 37.4, window="30d")


def test_a_30_day_window_shows_side_and_kind_symbols_keyed_by_the_legend(corpus_dashboard, driver, tmp_path):
    from geo.map.browser import in_map_frame, wait_for_map_frame

    driver.get(f"{corpus_dashboard}/?date=2022-11-11&window=30d&zoom=7&lat=48.3&lon=36.8")
    signal = wait_for_map_frame(driver, "2022-11-11", timeout=120)
    assert signal["count"] > signal["places"] > 100  # claims grouped: fewer symbols than claims
    drawn = in_map_frame(driver, """
        const n = sel => document.querySelectorAll(sel).length;
        const legend = document.querySelector('.geo-legend').innerText;
        return {legend: legend, clusters: n('.geo-cluster'), symbols: n('.geo-claim'),
                russia: n('.geo-claim.geo-russia'), ukraine: n('.geo-claim.geo-ukraine'),
                advance: n('.geo-claim.geo-advance'), attack: n('.geo-claim.geo-attack'), strike: n('.geo-claim.geo-strike'),
                confirmed: n('.geo-claim.geo-confirmed'), claimed: n('.geo-claim.geo-claimed'), both: n('.geo-claim.geo-both'),
                faded: Array.from(document.querySelectorAll('.geo-claim')).filter(e => +getComputedStyle(e).opacity < 0.7).length};""")
    keep_screenshot(driver, tmp_path / "dashboard-2022-11-11-30d.png")
    assert drawn["symbols"] > 50 and drawn["clusters"] == 0, drawn  # at this zoom every place is its own symbol
    assert drawn["faded"] > 0, "older claims are not visibly fainter"
    legend = drawn["legend"]
    assert "actor russia" not in legend and "None" not in legend
    for cls, label in (("russia", "Russian forces"), ("ukraine", "Ukrainian forces"), ("advance", "Advance"),
                       ("attack", "Attack (no gain)"), ("strike", "Strike"), ("confirmed", "Confirmed by ISW"),
                       ("claimed", "Claimed by a party"), ("both", "Ring: the other side")):
        assert (drawn[cls] > 0) == (label in legend), (cls, drawn[cls], legend)
    assert drawn["russia"] > 0 and drawn["advance"] > 0 and drawn["strike"] + drawn["attack"] > 0
    assert "Older claims are drawn fainter" in legend and "Size: claims at the place" in legend


def test_find_a_place_by_another_spelling_opens_its_popup(dashboard, driver):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    from geo.map.browser import in_map_frame, wait_for_map_frame

    driver.get(f"{dashboard}/?date=2024-06-19&window=7d&zoom=6&lat=48.4&lon=36.0")
    wait_for_map_frame(driver, "2024-06-19", timeout=90)
    box = driver.find_element(By.CSS_SELECTOR, ".st-key-find input")
    box.send_keys("Часів Яр", Keys.ENTER)  # the Ukrainian spelling of Chasiv Yar
    popup = WebDriverWait(driver, 60, poll_frequency=0.2).until(lambda d: in_map_frame(
        d, "var p = document.querySelector('.leaflet-popup-content .geo-popup');"
           "return p && !p.classList.contains('geo-popup-note') && p.innerText"))
    assert "Chasiv Yar" in popup and "ISW report" in popup
    assert in_map_frame(driver, "return window.map.getZoom()") >= 11
    centre = in_map_frame(driver, "var c = window.map.getCenter(); return [c.lat, c.lng]")
    assert abs(centre[0] - 48.588) < 0.05 and abs(centre[1] - 37.834) < 0.05, centre
    assert script_errors(driver) == []
