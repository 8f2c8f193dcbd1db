"""The review queue in a real headless Chromium: ask the geocoder (a local server answering like
Nominatim) about a mention the gazetteer lacks, accept its suggestion, and see the marker appear.

`streamlit run dashboard.py` on a temporary store holding the embedded sample, whose 19 June report
names "Starytsya", a village the embedded gazetteer does not have (its only namesake lies in Tver
Oblast, so the mention is left unresolved)."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from tests.map.test_browser import keep_screenshot, markers, script_errors
from tests.test_geocode import STARYTSIA, geocoder_server

pytestmark = pytest.mark.browser

DASHBOARD = ROOT / "dashboard.py"
DAY = "2024-06-19"
# A geocoder's answers are as untrusted as report text: a second answer whose name and label carry markup,
# markdown links and images, and template syntax
PAYLOAD = ('<img src=x onerror="window.__pwned=1"> ![x](http://127.0.0.2/x.png) [a](javascript:window.__pwned=2) '
           "{{ 7*7 }} `${window.__pwned=3}`")
HOSTILE = dict(STARYTSIA, osm_id=9, lat="50.1", lon="36.9", name=f"Starytsia {PAYLOAD}", display_name=f"Starytsia {PAYLOAD}")


@pytest.fixture(scope="module")
def review_store(tmp_path_factory):
    from geo.pipeline import ensure_sample_store

    path = tmp_path_factory.mktemp("browser-review") / "claims.sqlite"
    with ensure_sample_store(path) as store:
        rows = store.claim_rows()
    assert [r["lat"] for r in rows if r["place"] == "Starytsya"] == [None]
    return path


@pytest.fixture(scope="module")
def geocoder():
    with geocoder_server({"Starytsya": [STARYTSIA, HOSTILE]}) as (url, seen):
        yield url, seen


@pytest.fixture(scope="module")
def dashboard(chromium, review_store, geocoder):
    from geo.map.browser import running_dashboard

    env = {"GEO_STORE": str(review_store), "GEO_GEOCODER": "nominatim", "GEO_GEOCODER_URL": geocoder[0],
           "GEO_TILES_URL": "none"}
    with running_dashboard(DASHBOARD, env=env, timeout=90) as url:
        yield url


def button(driver, key: str):
    from selenium.webdriver.common.by import By

    found = driver.find_elements(By.CSS_SELECTOR, f".st-key-{key} button")
    assert found, f"no button {key}"
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", found[0])
    return found[0]


def test_accepting_a_geocoder_suggestion_puts_the_marker_on_the_map(dashboard, driver, geocoder, review_store, tmp_path):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    from geo.map.browser import all_frames, wait_for_map_frame
    from geo.store import Store

    driver.get(f"{dashboard}/?date={DAY}")
    wait_for_map_frame(driver, DAY, timeout=90)
    before = markers(driver)
    # the page reruns after each action: elements found before a rerun go stale, so each wait looks again
    wait = WebDriverWait(driver, 60, poll_frequency=0.2, ignored_exceptions=(StaleElementReferenceException,))

    # the queue lists the mention, with the gazetteer's only (wrong) namesake and a button to ask the geocoder
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".st-key-rq_ask button"))
    page = driver.find_element(By.TAG_NAME, "body").text
    assert "Review queue" in page and "Starytsya" in page and "Tver Oblast" in page
    button(driver, "rq_ask").click()

    option_box = "[class*='st-key-rq_option_'] input[role='combobox']"

    def open_options(d):
        box = d.find_element(By.CSS_SELECTOR, option_box)
        d.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        box.click()
        found = d.find_elements(By.CSS_SELECTOR, "[role='option']")
        return found if any("Nominatim" in x.text for x in found) else None

    listed = [x.text for x in wait.until(open_options)]
    assert len(geocoder[1]) == 1 and geocoder[1][0]["query"]["q"] == ["Starytsya"]
    with Store(review_store) as store:  # a suggestion is not a placement
        assert [r["lat"] for r in store.claim_rows() if r["place"] == "Starytsya"] == [None]
    hostile = [t for t in listed if "7*7" in t]
    assert hostile and "<img src=x" in hostile[0] and "![x](http://127.0.0.2/x.png)" in hostile[0]  # shown as text
    keep_screenshot(driver, tmp_path / "review-queue-options.png")

    def choose(d):
        items = d.find_elements(By.CSS_SELECTOR, "[role='option']") or open_options(d)
        wanted = [x for x in items if "Nominatim" in x.text and "Kharkiv Oblast" in x.text and "7*7" not in x.text]
        wanted[0].click()
        return "Nominatim" in d.find_element(By.CSS_SELECTOR, option_box).get_attribute("value")

    wait.until(choose)
    keep_screenshot(driver, tmp_path / "review-queue-item.png")
    assert set(all_frames(driver, "return typeof window.__pwned")) == {"undefined"}
    planted = "img[src='x'], a[href^='javascript'], a[href*='127.0.0.2'], img[src*='127.0.0.2']"
    found = all_frames(driver, f'return Array.from(document.querySelectorAll("{planted}")).map(e => e.outerHTML.slice(0, 300))')
    assert [x for x in found if x] == []
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".st-key-rq_who input").send_keys("Browser Analyst", Keys.TAB) or True)
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".st-key-rq_who input").get_attribute("value") == "Browser Analyst")
    wait.until(lambda d: button(d, "rq_accept").click() or True)

    wait.until(lambda d: "Recorded by Browser Analyst" in d.find_element(By.TAG_NAME, "body").text)
    wait.until(lambda d: markers(d) == before + 1)
    with Store(store_path := review_store) as store:
        placed = [r for r in store.claim_rows() if r["place"] == "Starytsya"]
        recorded = store.corrections()
    assert [(r["lat"], r["lon"], r["admin1"]) for r in placed] == [(50.24047, 36.79312, "Kharkiv Oblast")], store_path
    assert {c["who"] for c in recorded} == {"Browser Analyst"}
    assert len(geocoder[1]) == 1  # the answer came from the store's cache afterwards
    assert script_errors(driver) == []
    keep_screenshot(driver, tmp_path / "review-queue-accepted.png")
