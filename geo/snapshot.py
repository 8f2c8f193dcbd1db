"""Render a map page to PNG in headless Chromium (see geo.browser for the browser itself).

The page is the standalone HTML of a view (`geo.mapping.render_standalone_html`); it says
it is drawn by setting `window.__geoReady = {date, count, t}` once the claims layer is on
the map. We wait for that signal (never a fixed sleep), then for the map tiles to settle
(bounded: a missing tile server must not block a slide), then take the screenshot. The PNG
carries the page's title and date as PNG text chunks, so a folder of slides is
self-describing. Without a browser every entry point raises `SnapshotError` saying how to
install one.

    with open_browser() as driver:
        html_to_png(driver, html, Path("slide.png"), date="2024-06-19")
"""

from __future__ import annotations

import struct
import tempfile
import zlib
from pathlib import Path

from geo.browser import open_browser, wait_for_tiles, wait_until_ready
from geo.errors import SnapshotError

__all__ = ["open_browser", "html_to_png", "add_png_text", "png_text", "png_size"]

TITLE_JS = """
const t = document.querySelector('.geo-title');
return (t && t.innerText.trim()) || document.title || '';
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
