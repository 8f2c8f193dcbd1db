"""Render a map page to PNG in headless Chromium (see geo.map.browser for the browser itself).

The page is the standalone HTML of a view (`geo.map.folium_map.render_standalone_html`); it says
it is drawn by setting `window.__geoReady = {date, count, t}` once the claims layer is on
the map. We wait for that signal (never a fixed sleep), then for the map tiles to settle
(bounded: a missing tile server must not block a slide), then take the screenshot. The PNG
carries the page's title, date and source line as PNG text chunks, so a folder of slides
is self-describing. Without a browser every entry point raises `SnapshotError` saying how to
install one.

    with open_browser() as driver:
        html_to_png(driver, html, Path("slide.png"), date="2024-06-19")
"""

from __future__ import annotations

import contextlib
import re
import struct
import tempfile
import zlib
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from geo.map.browser import OFFLINE_FLAG, open_browser, wait_for_tiles, wait_until_ready
from geo.errors import SnapshotError

__all__ = ["Slide", "snapshot_views", "open_browser", "html_to_png", "add_png_text", "png_text", "png_size"]

TITLE_JS = """
const t = document.querySelector('.geo-title');
return (t && t.innerText.trim()) || document.title || '';
"""
SOURCE_JS = """
const s = document.querySelector('.geo-source');
return s ? s.innerText.trim() : '';
"""
# How the labels came out (geo.map.labels): claims labelled, claims left unlabelled for want of room, towns.
LABELS_JS = """
const p = document.querySelector('.leaflet-geo-labels-pane');
if (!p) return '';
const n = sel => p.querySelectorAll(sel).length;
const places = (window.__geoReady || {}).places;
return n('.geo-label-claim') + ' of ' + places + ' claim places labelled, ' + (p.dataset.crowded || 0) +
  ' left out for room; ' + n('.geo-label-town') + ' towns';
"""


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
        source = driver.execute_script(SOURCE_JS) or ""
        labels = driver.execute_script(LABELS_JS) or ""
        png = driver.get_screenshot_as_png()
    text = {"Title": title, "Software": "frontline-claims geo.map.snapshot"}
    if source:
        text["Source"] = source
    if labels:
        text["Labels"] = labels
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


@dataclass(frozen=True)
class Slide:
    """One PNG written by `snapshot_views`."""

    path: Path
    date: str
    title: str
    count: int


def snapshot_views(rows: Sequence[dict], views: Sequence, outs: Sequence[Path], settings=None, overlays=(),
                   width: int = 1600, height: int = 900, scale: float = 1.0, timeout: float = 60.0,
                   per_view_overlays: Sequence[Sequence] = (), front_series=None, driver=None) -> list[Slide]:
    """Render each view (a geo.map.views.View) of `rows` to the PNG at the matching `outs` path, in one browser.

    `overlays` are drawn on every slide; `per_view_overlays[i]` (e.g. the front line as of that
    date) only on slide i; `front_series` (geo.places.frontline.FrontSeries) draws the front line as of each
    slide's date. The browser reaches no host but localhost and the tile server's host.
    `driver`: a function returning an already started browser (`starting_browser(...)`, with the same
    size, scale and `browser_flags(settings.tiles_url)`); else one is opened here.
    """
    from geo.map.folium_map import MapSettings, render_standalone_html

    if len(views) != len(outs):
        raise SnapshotError(f"{len(views)} view(s) but {len(outs)} output path(s)")
    if per_view_overlays and len(per_view_overlays) != len(views):
        raise SnapshotError(f"{len(views)} view(s) but {len(per_view_overlays)} per-view overlay list(s)")
    settings = settings or MapSettings()
    slides = []

    def page(i: int) -> str:
        own = list(per_view_overlays[i]) if per_view_overlays else []
        return render_standalone_html(rows, views[i], settings, [*own, *overlays], front_series=front_series)

    # Each page is written while the browser starts or draws the slide before it (the browser is another
    # process: the two overlap).
    with ThreadPoolExecutor(max_workers=1) as pool:
        upcoming = pool.submit(page, 0) if views else None
        with contextlib.ExitStack() as stack:
            if driver is not None:
                driver = driver()
            else:
                driver = stack.enter_context(open_browser(width, height, scale, **browser_flags(settings.tiles_url)))
            for i, (view, out) in enumerate(zip(views, outs)):
                html = upcoming.result()
                upcoming = pool.submit(page, i + 1) if i + 1 < len(views) else None
                want = view.date.isoformat() if getattr(view, "date", None) else None
                path = html_to_png(driver, html, out, date=want, timeout=timeout)
                signal = driver.execute_script("return window.__geoReady || {}")
                meta = png_text(path.read_bytes())
                slides.append(Slide(path, str(signal.get("date") or ""), meta.get("Title", ""), int(signal.get("count") or 0)))
    return slides


# The host of geo.map.folium_map.DEFAULT_TILES_URL (tests/map/test_briefing.py holds them equal): known here
# without importing Folium, so a command can start the browser before it loads Folium and its data.
DEFAULT_TILE_HOST = "tile.openstreetmap.org"


def browser_flags(tiles_url: str | None, default: bool = False) -> dict:
    """`open_browser` keywords for slides of maps drawing tiles from `tiles_url` (None: no tiles;
    `default`: the default tile server): no host but localhost and the tile server is reached."""
    if default:
        tiles_url = f"https://{DEFAULT_TILE_HOST}/"
    return {"offline": False, "extra_flags": (_resolver_flag(tiles_url),)}


def _resolver_flag(tiles_url: str | None) -> str:
    """Block every host name but localhost and, when there is one, the tile server's."""
    host = urlsplit(tiles_url).hostname if tiles_url else None
    if not host:
        return OFFLINE_FLAG
    host = re.sub(r"\{[a-z]+\}", "*", host)  # {s}.tile.example.org -> *.tile.example.org
    return f"{OFFLINE_FLAG} , EXCLUDE {host}"
