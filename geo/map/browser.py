"""A headless Chromium to look at our maps: Debian's /usr/bin/chromium driven by selenium.

Used by `geo.map.snapshot` (map pages to PNG), the browser tests and benchmarks/bench_browser.py.
No driver is ever downloaded: chromedriver is the system one and Selenium Manager is kept
offline. Without a browser, `find_browser` / `open_browser` raise `SnapshotError` saying how
to install one (scripts/install_browser.sh).

Pages say they are drawn by setting `window.__geoReady = {date, count, t}` once the claims
layer is on the map (geo.map.folium_map writes it, in the standalone page and in the dashboard's
map frame); `wait_until_ready` waits for that signal, never for a fixed time.

    with open_browser() as driver:
        driver.get(url)
        signal = wait_until_ready(driver, date="2024-06-19")
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from geo import fetch
from geo.errors import FetchError, SnapshotError

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
CHROMEDRIVER_CANDIDATES = ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")
INSTALL_HINT = "run scripts/install_browser.sh as root (apt-get install chromium chromium-driver)"

# Flags for a quiet, reproducible, network-free headless browser.
CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-features=Translate,MediaRouter,OptimizationHints",
    "--hide-scrollbars",
    "--mute-audio",
)
# Resolve no host name except localhost: the page can reach 127.0.0.1 and nothing else.
OFFLINE_FLAG = "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1"

# The render-complete signal, optionally for one date.
READY_JS = """
const want = arguments[0];
const s = window.__geoReady;
if (!s) return null;
if (want && s.date !== want) return null;
if (window.__geoFramed === false) return null;  // the briefing frame is still being fitted (geo.map.labels)
return s;
"""
# Tiles still loading (an <img> that has neither loaded nor failed yet).
TILES_PENDING_JS = """
return Array.from(document.querySelectorAll('img.leaflet-tile')).filter(i => !i.complete).length;
"""
# streamlit-folium draws the map in this iframe of the dashboard page.
MAP_FRAME = "iframe[title='streamlit_folium.st_folium']"
# The text of an exception Streamlit shows in the page (the app script raised), or null.
APP_EXCEPTION_JS = """
const e = document.querySelector('[data-testid="stException"]');
return e ? e.innerText : null;
"""


@dataclass(frozen=True)
class Browser:
    """Paths of the browser and its driver."""

    chromium: str
    chromedriver: str


def find_browser() -> Browser:
    """The system Chromium and chromedriver (env GEO_CHROMIUM / GEO_CHROMEDRIVER override)."""
    chromium_places = _places("GEO_CHROMIUM", CHROMIUM_CANDIDATES, "chromium")
    driver_places = _places("GEO_CHROMEDRIVER", CHROMEDRIVER_CANDIDATES, "chromedriver")
    chromium = _first_executable(*chromium_places)
    driver = _first_executable(*driver_places)
    if chromium is None or driver is None:
        missing = [f"{name} (looked at {', '.join(p for p in places if p)})"
                   for name, found, places in (("Chromium", chromium, chromium_places),
                                               ("chromedriver", driver, driver_places)) if found is None]
        raise SnapshotError(f"no {' and no '.join(missing)}; {INSTALL_HINT}")
    return Browser(chromium, driver)


def browser_available() -> bool:
    try:
        find_browser()
        selenium_modules()
    except SnapshotError:
        return False
    return True


@contextlib.contextmanager
def open_browser(width: int = 1600, height: int = 900, scale: float = 1.0, offline: bool = True,
                 extra_flags: tuple[str, ...] = ()) -> Iterator:
    """A headless Chromium (selenium WebDriver) with a fresh profile; quits on exit.

    The viewport is exactly `width` x `height` CSS pixels; `scale` 2 gives a hi-DPI PNG.
    `offline` blocks every host name but localhost (tiles from the internet are not fetched).
    """
    paths = find_browser()
    webdriver, exceptions = selenium_modules()
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must not download anything
    with tempfile.TemporaryDirectory(prefix="geo-chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = paths.chromium
        for flag in CHROMIUM_FLAGS + tuple(extra_flags):
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={profile}")
        options.add_argument(f"--window-size={width},{height}")
        if offline:
            options.add_argument(OFFLINE_FLAG)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        try:
            driver = webdriver.Chrome(service=Service(executable_path=paths.chromedriver), options=options)
        except exceptions.WebDriverException as e:
            raise SnapshotError(f"{paths.chromium} did not start: {_first_line(e)}; {INSTALL_HINT}") from e
        try:
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": height, "deviceScaleFactor": scale, "mobile": False})
            yield driver
        finally:
            driver.quit()


@contextlib.contextmanager
def starting_browser(*args, **kwargs) -> Iterator:
    """`open_browser(*args, **kwargs)` started in the background: yields at once a function that returns
    the driver when it is up, so a command can read its data while Chromium starts (another process:
    the two overlap). On exit the browser is quit, whether or not the driver was asked for."""
    from concurrent.futures import ThreadPoolExecutor

    opened = open_browser(*args, **kwargs)
    pool = ThreadPoolExecutor(max_workers=1)
    started = pool.submit(opened.__enter__)
    pool.shutdown(wait=False)
    try:
        yield started.result
    finally:
        try:
            started.result()
        except SnapshotError:
            pass  # it never started: nothing to quit (the caller saw the error when it asked for the driver)
        else:
            opened.__exit__(None, None, None)


def wait_until_ready(driver, date: str | None = None, timeout: float = 30.0) -> dict:
    """Wait for the page's render-complete signal (for `date` when given); return it."""
    _, exceptions = selenium_modules()
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.02).until(
            lambda d: d.execute_script(READY_JS, date))
    except exceptions.TimeoutException:
        seen = driver.execute_script("return window.__geoReady || null")
        raise SnapshotError(_not_ready(driver, date, timeout, seen)) from None


def wait_for_tiles(driver, timeout: float = 10.0) -> int:
    """Wait (at most `timeout` s) for map tiles to load or fail; return how many never settled."""
    _, exceptions = selenium_modules()
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        WebDriverWait(driver, timeout, poll_frequency=0.1).until(lambda d: d.execute_script(TILES_PENDING_JS) == 0)
        return 0
    except exceptions.TimeoutException:
        return int(driver.execute_script(TILES_PENDING_JS))


def page_errors(driver) -> list[str]:
    """Severe messages from the browser console (JavaScript errors, failed loads)."""
    _, exceptions = selenium_modules()
    try:
        logs = driver.get_log("browser")
    except (exceptions.WebDriverException, AttributeError):  # a driver without logs: errors are only detail
        return []
    return [entry["message"] for entry in logs if entry.get("level") == "SEVERE"]


# -- the dashboard's map frame ----------------------------------------------------------

def in_map_frame(driver, script: str, *args, frame: str = MAP_FRAME):
    """Run `script` inside the dashboard's map iframe; None while that frame is not there.

    The frame is found afresh on every call: Streamlit may replace it while the page loads.
    The driver is back in the top document afterwards.
    """
    _, exceptions = selenium_modules()
    from selenium.webdriver.common.by import By

    driver.switch_to.default_content()
    frames = driver.find_elements(By.CSS_SELECTOR, frame)
    if not frames:
        return None
    try:
        driver.switch_to.frame(frames[0])
        return driver.execute_script(script, *args)
    except (exceptions.StaleElementReferenceException, exceptions.NoSuchFrameException,
            exceptions.JavascriptException):
        return None
    finally:
        driver.switch_to.default_content()


def wait_for_map_frame(driver, date: str | None = None, timeout: float = 60.0) -> dict:
    """Wait for the render-complete signal inside the dashboard's map iframe; return it."""
    _, exceptions = selenium_modules()
    from selenium.webdriver.support.ui import WebDriverWait

    def ready(d):
        signal = in_map_frame(d, READY_JS, date)
        if signal is None and (failure := d.execute_script(APP_EXCEPTION_JS)):
            raise SnapshotError(f"the dashboard failed instead of drawing the map: {failure[:600]}")
        return signal

    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.02).until(ready)
    except exceptions.TimeoutException:
        seen = in_map_frame(driver, "return window.__geoReady || null")
        raise SnapshotError(_not_ready(driver, date, timeout, seen, where="the dashboard's map frame")) from None


def all_frames(driver, script: str, *args, attempts: int = 5) -> list:
    """Run `script` in the top document and in every iframe (one level deep); the results in order.

    Streamlit replaces its component frames when the app reruns: a frame that goes stale
    between being found and being entered makes the whole read start again (up to `attempts`
    times), so the results always come from one set of frames, none skipped.
    """
    _, exceptions = selenium_modules()
    for _ in range(attempts - 1):
        try:
            return _read_frames(driver, script, args)
        except (exceptions.StaleElementReferenceException, exceptions.NoSuchFrameException):
            continue
    return _read_frames(driver, script, args)


def _read_frames(driver, script: str, args: tuple) -> list:
    from selenium.webdriver.common.by import By

    try:
        driver.switch_to.default_content()
        results = [driver.execute_script(script, *args)]
        for frame in driver.find_elements(By.TAG_NAME, "iframe"):
            driver.switch_to.default_content()
            driver.switch_to.frame(frame)
            results.append(driver.execute_script(script, *args))
        return results
    finally:
        driver.switch_to.default_content()


# -- the dashboard itself ----------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_dashboard(app: Path, env: dict[str, str] | None = None, port: int | None = None,
                      timeout: float = 60.0) -> Iterator[str]:
    """`streamlit run app` headless on a free local port; yields its base URL, stops it on exit."""
    port = port or free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(app), "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(command, cwd=str(Path(app).resolve().parent), env={**os.environ, **(env or {})},
                               stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for_health(url, process, log, timeout)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _wait_for_health(url: str, process: subprocess.Popen, log, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise SnapshotError(f"streamlit exited with status {process.returncode}: "
                                f"{log.read().decode('utf-8', 'replace')[-800:]}")
        try:
            fetch.get(f"{url}/_stcore/health", timeout=2, retries=0)
            return
        except FetchError:
            pass  # not listening yet
        time.sleep(0.2)
    raise SnapshotError(f"streamlit did not answer on {url} within {timeout:g} s")


# -- helpers ------------------------------------------------------------------------------

def selenium_modules():
    """selenium's webdriver and exceptions modules, or SnapshotError when selenium is missing."""
    try:
        from selenium import webdriver
        from selenium.common import exceptions
    except ImportError as e:
        raise SnapshotError(f"selenium is not installed ({e}); pip install selenium") from e
    return webdriver, exceptions


def _not_ready(driver, date, timeout, seen, where: str | None = None) -> str:
    errors = page_errors(driver)
    return (f"the map at {where or driver.current_url[:80]} did not signal it was drawn"
            f"{' for ' + date if date else ''} within {timeout:g} s (signal seen: {seen!r})"
            + (f"; page errors: {'; '.join(errors[:3])}" if errors else ""))


def _places(env: str, candidates: tuple[str, ...], command: str) -> tuple[str | None, ...]:
    """Where to look: only the environment variable's path when it is set, else the usual places."""
    if os.environ.get(env):
        return (os.environ[env],)
    return candidates + (shutil.which(command),)


def _first_executable(*candidates: str | None) -> str | None:
    for path in candidates:
        if path and os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    return None


def _first_line(error: Exception) -> str:
    text = getattr(error, "msg", None) or str(error)
    return text.strip().splitlines()[0] if text.strip() else type(error).__name__
