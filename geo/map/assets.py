"""Local copies of the map's scripts and style sheets, so maps work on an isolated network.

Folium writes `<script src="https://cdn...">` for Leaflet, jQuery and each plugin (the
`default_js` / `default_css` lists of every element). `localize(m)` rewrites those lists on
one map, in place, to the files vendored in `geo/map/static/` (see its README for versions and
licences):

- `localize(m)` inlines them as `data:` URLs: the rendered page needs no server at all
  (standalone HTML exports, snapshots);
- `localize(m, base_url="../dashboard.geo_static/")` points them at a URL prefix under which
  `STATIC_DIR` is served (the Streamlit app, where the same files are fetched once and cached).

Folium's defaults that only `folium.Icon` needs (Bootstrap, Glyphicons, Font Awesome,
Awesome Markers) are dropped; a map that uses `folium.Icon`, or any other asset without a
local copy, raises `AssetError` naming it. URLs that are already local are left alone, so
calling `localize` twice is harmless.

This module builds no folium objects and imports no folium: it edits the lists that folium
elements carry.
"""

from __future__ import annotations

import base64
import functools
import mimetypes
import re
from pathlib import Path
from typing import Iterator

from geo.errors import AssetError

STATIC_DIR = Path(__file__).resolve().parent / "static"

# Remote file name (last path segment) -> vendored file under STATIC_DIR.
_VENDORED: dict[str, re.Pattern] = {
    "leaflet/leaflet.js": re.compile(r"^leaflet(?:-src)?(?:\.min)?\.js$"),
    "leaflet/leaflet.css": re.compile(r"^leaflet(?:\.min)?\.css$"),
    "jquery/jquery.min.js": re.compile(r"^jquery(?:-\d+(?:\.\d+)*)?(?:\.min)?\.js$"),
    "leaflet.markercluster/leaflet.markercluster.js": re.compile(r"^leaflet\.markercluster(?:-src)?\.js$"),
    "leaflet.markercluster/MarkerCluster.css": re.compile(r"^MarkerCluster\.css$"),
    "leaflet.markercluster/MarkerCluster.Default.css": re.compile(r"^MarkerCluster\.Default\.css$"),
}

# Folium's Map defaults that only folium.Icon / AwesomeMarkers use. Our maps draw claims as one
# GeoJSON layer, so these are dropped rather than vendored (Font Awesome alone is ~1 MB).
_ICON_ONLY = re.compile(
    r"^(?:bootstrap\.bundle(?:\.min)?\.js|bootstrap(?:\.min)?\.css|bootstrap-glyphicons\.css"
    r"|all(?:\.min)?\.css|leaflet\.awesome-markers\.(?:js|css)|leaflet\.awesome\.rotate(?:\.min)?\.css)$"
)
_ICON_CLASSES = {"Icon", "BeautifyIcon"}

_REMOTE = re.compile(r"^(?:https?:)?//", re.IGNORECASE)
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")

# Leaflet finds its default marker icons through a CSS rule; with the CSS inlined there is no
# folder to find them in, so give it the images themselves (only `folium.Marker` uses them).
_ICON_DEFAULTS_JS = (
    "\n;(function(){{if(!window.L||!L.Icon||!L.Icon.Default)return;"
    "L.Icon.Default.imagePath='';"
    "L.Icon.Default.mergeOptions({{iconUrl:'{icon}',iconRetinaUrl:'{icon2x}',shadowUrl:'{shadow}'}});}})();\n"
)


def vendored_files() -> list[Path]:
    """The vendored script and style files (for checks and packaging)."""
    return [STATIC_DIR / rel for rel in _VENDORED]


def localize(m, base_url: str | None = None) -> None:
    """Point every script and style sheet of map `m` at the vendored copies, in place.

    `base_url=None` inlines them as data: URLs; otherwise `base_url` (ending in "/") is the
    URL under which `STATIC_DIR` is served. Raises AssetError for an asset with no local copy.
    """
    if base_url is not None and not base_url.endswith("/"):
        raise AssetError(f"base_url {base_url!r} must end with '/' (it is the folder geo/map/static is served at)")
    for element in _walk(m):
        name = type(element).__name__
        if name in _ICON_CLASSES:
            raise AssetError(
                f"the map uses folium.{name}, which needs Bootstrap and Font Awesome from a CDN; "
                "draw markers with the GeoJSON layer (or a DivIcon) so the map works offline"
            )
        for attr, kind in (("default_js", "js"), ("default_css", "css")):
            links = getattr(element, attr, None)
            if not links:
                continue
            # A new list on the instance: folium's lists are shared by every instance of a class.
            setattr(element, attr, [(key, new) for key, url in links
                                     if (new := _local_url(url, kind, base_url, name)) is not None])


def standalone_html(m) -> str:
    """The map as one HTML page with every script and style sheet inlined (needs no network)."""
    localize(m)
    html = m.get_root().render()
    remote = remote_assets(html)
    if remote:
        raise AssetError(f"the rendered map still loads {', '.join(remote)}; vendor it into {STATIC_DIR}")
    return html


def remote_assets(html: str) -> list[str]:
    """The remote URLs that `html` loads as scripts or style sheets (empty when it is self-contained)."""
    found = re.findall(r"""<(?:script|link)\b[^>]*?\b(?:src|href)\s*=\s*["']([^"']+)["']""", html, re.IGNORECASE)
    return [url for url in found if _REMOTE.match(url)]


def _walk(element) -> Iterator:
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)


def _local_url(url: str, kind: str, base_url: str | None, owner: str) -> str | None:
    if not _REMOTE.match(url):
        return url  # already local (a data: URL, a relative path): leave it
    filename = url.split("?", 1)[0].split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    for rel, pattern in _VENDORED.items():
        if pattern.match(filename) and rel.endswith("." + kind):
            return base_url + rel if base_url is not None else _data_url(rel)
    if _ICON_ONLY.match(filename):
        return None
    raise AssetError(
        f"{owner} needs {url}, which has no local copy in {STATIC_DIR}; "
        "vendor it from npm (see geo/map/static/README.md) or do not use that plugin"
    )


@functools.lru_cache(maxsize=None)
def _data_url(rel: str) -> str:
    path = STATIC_DIR / rel
    try:
        data = path.read_bytes()
    except OSError as e:
        raise AssetError(f"{path}: cannot read the vendored file ({e.strerror}); reinstall the package") from e
    if rel.endswith(".css"):
        text = _CSS_URL.sub(lambda mt: _inline_css_url(mt, path.parent), data.decode("utf-8"))
        return "data:text/css;base64," + base64.b64encode(text.encode("utf-8")).decode("ascii")
    if rel == "leaflet/leaflet.js":
        images = STATIC_DIR / "leaflet" / "images"
        data += _ICON_DEFAULTS_JS.format(
            icon=_file_data_url(images / "marker-icon.png"),
            icon2x=_file_data_url(images / "marker-icon-2x.png"),
            shadow=_file_data_url(images / "marker-shadow.png"),
        ).encode("ascii")
    return "data:text/javascript;base64," + base64.b64encode(data).decode("ascii")


def _inline_css_url(match: re.Match, folder: Path) -> str:
    target = match.group(2).strip()
    if target.startswith(("#", "data:")) or _REMOTE.match(target):
        return match.group(0)
    return f'url("{_file_data_url(folder / target)}")'


def _file_data_url(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise AssetError(f"{path}: cannot read the vendored file ({e.strerror}); reinstall the package") from e
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{mime};base64," + base64.b64encode(data).decode("ascii")
