"""The front line of the day in a real headless Chromium: the snapshot of 19 June 2024 (`python -m geo snapshot`)
shows DeepStateMap's occupied area of that week under the markers, with its legend entry and credit."""

from __future__ import annotations

import datetime as dt
import struct
import zlib

import pytest

from geo.cli import main
from geo.map.snapshot import png_text

pytestmark = pytest.mark.browser


def pixels(png: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the unfiltered RGBA rows of an 8-bit RGB(A) PNG (what Chromium writes)."""
    pos, idat, width = 8, b"", 0
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        body = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6)
            bpp = 4 if colour == 6 else 3
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, rows, prev, stride = zlib.decompress(idat), [], bytearray(width * bpp), width * bpp
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, bpp, rows


def test_snapshot_of_19_june_2024_shows_that_weeks_occupied_area(chromium, tmp_path, capsys):
    out = tmp_path / "slide.png"
    assert main(["snapshot", "--date", "2024-06-19", "--out", str(out), "--tiles", "none", "--size", "1200x800",
                 "--store", str(tmp_path / "claims.sqlite")]) == 0
    png = out.read_bytes()
    source = png_text(png)["Source"]
    assert "DeepStateMap" in source  # credited in the source line

    # the legend of the page the PNG was taken of: the occupied area as of the week's snapshot (17 June)
    from geo.map.browser import open_browser, wait_until_ready
    from geo.map.folium_map import MapSettings, render_standalone_html
    from geo.map.views import View
    from geo.pipeline import ensure_sample_store, front_series

    with ensure_sample_store(tmp_path / "claims.sqlite") as store:
        rows, series = store.claim_rows(), front_series(store)
    html = render_standalone_html(rows, View(date=dt.date(2024, 6, 19), briefing=True), MapSettings(tiles_url=None),
                                  front_series=series)
    page = tmp_path / "map.html"
    page.write_text(html, encoding="utf-8")
    with open_browser(1200, 800) as driver:
        driver.get(page.as_uri())
        wait_until_ready(driver, "2024-06-19", 60)
        legend = driver.execute_script("return document.querySelector('.geo-legend').innerText")
        paths = driver.execute_script("return document.querySelectorAll('.leaflet-geo-front-pane path').length")
        pane_z = driver.execute_script("return +getComputedStyle(document.querySelector('.leaflet-geo-front-pane')).zIndex")
        marker_z = driver.execute_script("return +getComputedStyle(document.querySelector('.leaflet-marker-pane')).zIndex")
        # the briefing frame may still move the map after the ready signal: wait until it stays put
        import time

        where = "var m = window.__geoLayer._map; return [m.getZoom(), m.getCenter().lat, m.getCenter().lng];"
        last, deadline = None, time.monotonic() + 20
        while time.monotonic() < deadline:
            now = driver.execute_script(where)
            if now == last:
                break
            last = now
            time.sleep(0.5)
        # open country deep inside the occupied area (the Crimean steppe) and in Ukrainian-held land (south of
        # Cherkasy), on screen
        at = driver.execute_script(
            "var m = window.__geoLayer._map; return [m.latLngToContainerPoint([45.35, 33.95]), "
            "m.latLngToContainerPoint([49.05, 31.6])].map(function (p) { return [Math.round(p.x), Math.round(p.y)]; });")
        shot = driver.get_screenshot_as_png()
    assert "Russian-occupied, DeepStateMap, as of 17 June 2024" in legend
    assert "Front line, 17 June 2024" in legend
    assert "Occupied Crimea" not in legend and "Contested" not in legend
    assert paths >= 2 and pane_z < marker_z  # the area and the line, drawn under the markers
    width, bpp, img = pixels(shot)
    (mx, my), (dx, dy) = at

    def redness(x, y, r=12):
        """Mean red minus blue over a patch (labels, roads or rivers may cross a single pixel)."""
        values = [img[j][i * bpp] - img[j][i * bpp + 2] for j in range(y - r, y + r + 1) for i in range(x - r, x + r + 1)]
        return sum(values) / len(values)

    occupied, held = redness(mx, my), redness(dx, dy)
    assert occupied > held + 10, (occupied, held)  # the occupied area is tinted red, held land is not
