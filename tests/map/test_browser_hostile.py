"""The real dashboard in headless Chromium, visited as an attacker would: the overlay controls offer only the files
under the folders the operator configured (nothing typed, nothing outside), and a crafted URL shows a usable page,
never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

DASHBOARD = ROOT / "dashboard.py"
SECRET = "DB_PASSWORD=hunter"
POLYGON = '{"type": "Polygon", "coordinates": [[[37.5, 48.5], [38.0, 48.5], [38.0, 49.0], [37.5, 48.5]]]}'


@pytest.fixture(scope="module")
def setup(tmp_path_factory, embedded_gazetteer):
    from geo.pipeline import ensure_sample_store

    base = tmp_path_factory.mktemp("hostile-app")
    store = base / "claims.sqlite"
    ensure_sample_store(store, embedded_gazetteer).close()
    front = base / "frontline"
    front.mkdir()
    (front / "front_20240615.geojson").write_text(
        '{"type": "Feature", "properties": {"name": "Occupied", "fill": "#a52714"}, "geometry": ' + POLYGON + "}")
    secret = base / "secret.json"
    secret.write_text('{"type": "Feature", "properties": {"name": "' + SECRET + '", "fill": "#000000"}, "geometry": '
                      + POLYGON + "}")
    (front / "leak_20240616.geojson").symlink_to(secret)  # a link out of the folder
    (front / "zero_20240617.geojson").symlink_to("/dev/zero")
    os.mkfifo(front / "pipe_20240618.geojson")
    return {"GEO_STORE": str(store), "GEO_FRONTLINE_DIR": str(front), "GEO_TILES_URL": "none"}


@pytest.fixture(scope="module")
def dashboard(chromium, setup):
    from geo.map.browser import running_dashboard

    with running_dashboard(DASHBOARD, env=setup, timeout=90) as url:
        yield url


def page_text(driver) -> str:
    return driver.execute_script("return document.body.innerText")


def test_overlay_controls_offer_only_files_in_the_configured_folder(dashboard, driver, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from geo.map.browser import all_frames, wait_for_map_frame

    driver.get(f"{dashboard}/?date=2024-06-19")
    wait_for_map_frame(driver, "2024-06-19", timeout=90)
    sidebar = driver.find_element(By.CSS_SELECTOR, "section[data-testid='stSidebar']")
    expander = next(e for e in sidebar.find_elements(By.CSS_SELECTOR, "summary") if "Overlays" in e.text)
    expander.click()
    WebDriverWait(driver, 20).until(lambda d: "Front line" in sidebar.text)
    # no text box takes a path or a folder: every text input is labelled for something else
    labels = [e.text for e in sidebar.find_elements(By.CSS_SELECTOR, "[data-testid='stTextInput'] label")]
    assert not any(w in label.lower() for label in labels for w in ("path", "folder", "geojson", "file")), labels
    # the front-line choices: only the regular file inside the folder
    select = next(s for s in sidebar.find_elements(By.CSS_SELECTOR, "[data-testid='stSelectbox']") if "Front line" in s.text)
    select.find_element(By.CSS_SELECTOR, "button[aria-haspopup='listbox']").click()
    options = WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[role='option']"))
    names = [o.text for o in options]
    assert any("front_20240615.geojson" in n for n in names), names
    assert not any(word in n for n in names for word in ("leak", "zero", "pipe", "secret", "/")), names
    options[-1].click()  # the one file: drawn under the markers, its own key in the legend
    WebDriverWait(driver, 60).until(lambda d: any("front_20240615.geojson" in t for t in all_frames(
        d, "return document.body ? document.body.innerText : ''")))  # credited on the map: it was drawn
    driver.save_screenshot(str(tmp_path / "overlay.png"))
    assert SECRET not in page_text(driver)
    assert "Traceback" not in page_text(driver)


@pytest.mark.parametrize("query", [
    "?kind=unknown", "?kind=Advance&date=2024-06-19",
    "?date=2099-01-01&window=%3Cscript%3E&zoom=1e999&lat=nan&lon=inf&actor=%27%3B+DROP+TABLE",
])
def test_a_crafted_url_shows_the_page_and_no_traceback(dashboard, driver, query):
    from selenium.webdriver.common.by import By

    from geo.map.browser import wait_for_map_frame

    driver.get(f"{dashboard}/{query}")
    wait_for_map_frame(driver, timeout=90)
    text = page_text(driver)
    assert "ISW-reported" in text
    assert not driver.find_elements(By.CSS_SELECTOR, "[data-testid='stException']")
    for leak in ("Traceback", "File \"", str(ROOT), "IndexError", ".py"):
        assert leak not in text, f"{leak!r} shown for {query}"
