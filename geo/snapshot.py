"""Render a map page to PNG in headless Chromium (Debian's /usr/bin/chromium + chromedriver).

The page is the standalone HTML of a view (`geo.mapping.render_standalone_html`); it says
it is drawn by setting `window.__geoReady = {date, count, ...}` once the claims layer is on
the map. We wait for that signal (WebDriverWait on a JavaScript condition, never a fixed
sleep), then for the map tiles to settle (bounded: a missing tile server must not block a
slide), then take the screenshot. The PNG carries the page's title and date as PNG text
chunks, so a folder of slides is self-describing.

No driver is ever downloaded: chromedriver is the system one and Selenium Manager is kept
offline. Without a browser every entry point raises `SnapshotError` saying how to install one.

    with open_browser() as browser:
        html_to_png(browser, html, Path("slide.png"), date="2024-06-19")
"""

from __future__ import annotations

import contextlib
import os
import shutil
import struct
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from geo.errors import SnapshotError

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
OFFLINE_FLAG = "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost"

# The render-complete signal (see module docstring), optionally for one date.
READY_JS = """
const want = arguments[0];
const s = window.__geoReady;
if (!s) return null;
if (want && s.date !== want) return null;
return s;
"""
# Tiles still loading (an <img> that has neither loaded nor failed yet).
TILES_PENDING_JS = """
return Array.from(document.querySelectorAll('img.leaflet-tile')).filter(i => !i.complete).length;
"""
TITLE_JS = """
const t = document.querySelector('.geo-title');
return (t && t.innerText.trim()) || document.title || '';
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


def _places(env: str, candidates: tuple[str, ...], command: str) -> tuple[str | None, ...]:
    """Where to look: only the environment variable's path when it is set, else the usual places."""
    if os.environ.get(env):
        return (os.environ[env],)
    return candidates + (shutil.which(command),)


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


def wait_until_ready(driver, date: str | None = None, timeout: float = 30.0) -> dict:
    """Wait for the page's render-complete signal (for `date` when given); return it."""
    _, exceptions = selenium_modules()
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.05).until(
            lambda d: d.execute_script(READY_JS, date))
    except exceptions.TimeoutException:
        seen = driver.execute_script("return window.__geoReady || null")
        errors = page_errors(driver)
        raise SnapshotError(
            f"the map at {driver.current_url[:80]} did not signal it was drawn"
            f"{' for ' + date if date else ''} within {timeout:g} s (signal seen: {seen!r})"
            + (f"; page errors: {'; '.join(errors[:3])}" if errors else "")
        ) from None


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


def html_to_png(driver, html: str, out: Path, date: str | None = None, timeout: float = 30.0,
                tile_timeout: float = 10.0) -> Path:
    """Load `html` in `driver`, wait for the map to be drawn, save the viewport as PNG at `out`."""
    out = Path(out)
    with tempfile.TemporaryDirectory(prefix="geo-snapshot-") as tmp:
        page = Path(tmp) / "map.html"
        page.write_text(html, encoding="utf-8")
        driver.get(page.as_uri())
        signal = wait_until_ready(driver, date, timeout)
        wait_for_tiles(driver, tile_timeout)
        title = driver.execute_script(TITLE_JS) or ""
        png = driver.get_screenshot_as_png()
    text = {"Title": title, "Software": "frontline-claims geo.snapshot"}
    if signal.get("date"):
        text["Date"] = str(signal["date"])
    png = add_png_text(png, text)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(png)
    except OSError as e:
        raise SnapshotError(f"{out}: cannot write the PNG ({e.strerror})") from e
    return out


def add_png_text(png: bytes, text: dict[str, str]) -> bytes:
    """`png` with one iTXt chunk per item (UTF-8 keyword/value), inserted after the header."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        raise SnapshotError("the browser returned something that is not a PNG")
    ihdr_end = 8 + 12 + struct.unpack(">I", png[8:12])[0]
    chunks = b""
    for key, value in text.items():
        body = key.encode("latin-1")[:79] + b"\x00\x00\x00\x00\x00" + value.encode("utf-8")
        chunks += struct.pack(">I", len(body)) + b"iTXt" + body + struct.pack(">I", zlib.crc32(b"iTXt" + body))
    return png[:ihdr_end] + chunks + png[ihdr_end:]


def png_text(png: bytes) -> dict[str, str]:
    """The iTXt / tEXt items of a PNG (to read back what `add_png_text` wrote)."""
    out: dict[str, str] = {}
    pos = 8
    while pos + 8 <= len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        body = png[pos + 8:pos + 8 + length]
        if kind == b"tEXt":
            key, _, value = body.partition(b"\x00")
            out[key.decode("latin-1")] = value.decode("latin-1")
        elif kind == b"iTXt":
            key, _, rest = body.partition(b"\x00")
            # compression flag, method, language tag \0, translated keyword \0, text
            _lang, _, rest = rest[2:].partition(b"\x00")
            _tkey, _, value = rest.partition(b"\x00")
            out[key.decode("latin-1")] = value.decode("utf-8")
        elif kind == b"IEND":
            break
        pos += 12 + length
    return out


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels from the PNG header."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise SnapshotError("not a PNG file")
    return struct.unpack(">II", png[16:24])


def selenium_modules():
    """selenium's webdriver and exceptions modules, or SnapshotError when selenium is missing."""
    try:
        from selenium import webdriver
        from selenium.common import exceptions
    except ImportError as e:
        raise SnapshotError(f"selenium is not installed ({e}); pip install selenium") from e
    return webdriver, exceptions


def _first_executable(*candidates: str | None) -> str | None:
    for path in candidates:
        if path and os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    return None


def _first_line(error: Exception) -> str:
    text = getattr(error, "msg", None) or str(error)
    return text.strip().splitlines()[0] if text.strip() else type(error).__name__
