"""Claims -> GeoJSON -> the Folium map (the only Folium code outside the app).

The map is built in two parts so the app can redraw markers without remounting the map:

- `build_base_map(settings, overlays)` is constant for given settings: tiles (or none), the
  scale bar, empty title / legend / source-line boxes, the marker-cluster scripts, and the
  front-line / boundary overlays (drawn under the markers);
- `claims_layer(rows, view, settings)` is the changing part: ONE `L.geoJSON` layer holding every
  claim of the view (clustered when there are many), plus the few lines of script that write
  the title, legend and source line into the boxes and then signal "drawn":
  `window.__geoReady = {date, count, t, ms}` (ms: time spent in the layer script).
  With no tiles (or failing ones) the packaged offline basemap (geo.map.basemap) shows.

What the map says (titles, legend, popups, marker symbols, the payload) is built, escaped, in
`geo.map.content` (pure); this module turns it into Folium elements. Big scripts are inserted
verbatim: branca would compile them as Jinja templates (slow, and report text would run as a
template). The page's script never evaluates text.

Each marker is a Leaflet divIcon: an inline SVG whose colour says the actor (Russia dark red,
Ukraine light blue: distinct in greyscale too), whose shape says the kind (advance triangle,
attack diamond, strike star) and which is solid when ISW confirms it and hollow with a dashed
outline when it is only claimed. Older claims of a multi-day window are fainter. The marker's
element has the classes `geo-claim geo-<actor> geo-<kind> geo-<status>`.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
import stat
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import folium
from branca.element import Element
from folium.elements import JSCSSMixin
from jinja2 import Template

from geo.map import labels, views
from geo.errors import MapSettingsError, OverlayError
from geo.map.content import (  # noqa: F401  (re-exported: geo.map.folium_map is the map's public API)
    ACTOR_COLOURS, ACTOR_LABELS, EXPORT_KEYS, KIND_LABELS, KIND_PLURALS, MARKER_PX, STATUS_LABELS, esc, feature,
    feature_collection, icon_key, layer_payload, legend_html, map_title, marker_svg, payload_popup, popup_html,
    popup_parts, safe_url, script_json, source_line, tooltip_text, view_front, window_bounds,
)
from geo.map.views import View

DEFAULT_TILES_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
DEFAULT_ATTRIBUTION = "© OpenStreetMap contributors"
NO_TILES = ("", "none", "off", "no")
OVERLAY_MAX_BYTES = int(float(os.environ.get("GEO_OVERLAY_MAX_MB") or 64) * 2**20)  # an overlay file is read only up to this
OVERLAY_MAX_FILES = 5000  # files listed from one overlay folder
BASEMAP_PANE = "geo-basemap"
FRONT_PANE = "geo-front"


# -- settings -------------------------------------------------------------------------------


@dataclass(frozen=True)
class MapSettings:
    """How the map looks, independent of which claims it shows.

    `tiles_url=None` draws no tiles. `basemap=True` draws land and borders shipped with the package
    (geo.map.basemap) under the tiles, so the map is readable with no tiles or with no network.
    `attribution` is plain text (escaped). Env: GEO_TILES_URL ("none" for no tiles), GEO_TILES_ATTRIBUTION.
    """

    tiles_url: str | None = DEFAULT_TILES_URL
    attribution: str = DEFAULT_ATTRIBUTION
    center: tuple[float, float] = (48.4, 36.0)
    zoom: int = 6
    min_zoom: int = 3
    max_zoom: int = 18
    cluster_min: int = 500  # cluster markers when more than this many are in view
    uncluster_zoom: int = 10  # from this zoom on, every marker is drawn on its own
    background: str = "#dde6ea"  # the sea, where there are no tiles
    basemap: bool = True  # draw the packaged Natural Earth land and borders under the tiles (geo.map.basemap)

    def __post_init__(self):
        if self.tiles_url is not None:
            object.__setattr__(self, "tiles_url", check_tiles_url(self.tiles_url))

    @classmethod
    def from_env(cls, env: dict | None = None, **overrides) -> MapSettings:
        env = os.environ if env is None else env
        kw: dict = {}
        if "GEO_TILES_URL" in env:
            url = env["GEO_TILES_URL"].strip()
            kw["tiles_url"] = None if url.lower() in NO_TILES else url
            kw["attribution"] = env.get("GEO_TILES_ATTRIBUTION", "" if url.lower() in NO_TILES else "Map tiles: " + url)
        if env.get("GEO_TILES_ATTRIBUTION"):
            kw["attribution"] = env["GEO_TILES_ATTRIBUTION"]
        kw.update(overrides)
        return cls(**kw)

    def with_tiles(self, url: str | None, attribution: str | None = None) -> MapSettings:
        """These settings with another tile URL ("" / "none" / None: no tiles)."""
        url = (url or "").strip()
        tiles = None if url.lower() in NO_TILES else url
        attr = attribution if attribution is not None else (self.attribution if tiles else "")
        return MapSettings(**{**self.__dict__, "tiles_url": tiles, "attribution": attr})


_TILE_PLACEHOLDER = re.compile(r"\{[szxyr]\}")


def check_tiles_url(url: str) -> str:
    """A tile URL template: http(s), with only Leaflet's {s} {z} {x} {y} {r} placeholders."""
    url = url.strip()
    rest = _TILE_PLACEHOLDER.sub("", url)
    parts = urlsplit(rest) if not any(c in rest for c in "{}<>\"' \n\r\t") else None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise MapSettingsError(
            f"tile URL {url[:120]!r} is not usable: give an http(s) URL whose only placeholders are "
            "{s} {z} {x} {y} {r}, e.g. http://127.0.0.1:8080/{z}/{x}/{y}.png (or 'none' for no tiles)")
    return url


def attribution_html(text: str) -> str:
    """Tile attribution as escaped text (braces too: the tile layer's script is compiled as a template)."""
    return esc(text).replace("{", "&#123;").replace("}", "&#125;")



class _Verbatim(Element):
    """Page text that is inserted as it is (never compiled as a template)."""

    def __init__(self, text: str):
        super().__init__()
        self._text = text

    def render(self, **kwargs) -> str:
        return self._text


class ClaimsGeoJson(folium.MacroElement):
    """The claims as one `L.geoJSON` layer (inside a marker-cluster group when there are many)."""

    _template = Template("""
{% macro script(this, kwargs) %}
(function () {
  var t0 = (window.performance || Date).now();
  var fg = {{ this._parent.get_name() }};
  var P = {{ this.payload_json }};
  var icons = {};
  Object.keys(P.icons).forEach(function (k) {  // one icon object per symbol, shared by its places
    var s = P.icons[k].size || P.size;
    icons[k] = L.divIcon({className: 'geo-claim ' + P.icons[k].cls, html: P.icons[k].html, iconSize: [s, s],
                          iconAnchor: [s / 2, s / 2], popupAnchor: [0, -s / 2], tooltipAnchor: [s / 2, 0]});
  });
  var layer = L.geoJSON(P.data, {
    pointToLayer: function (f, latlng) {  // one marker per place; later (newer) places drawn on top
      return L.marker(latlng, {icon: icons[f.properties.icon], opacity: f.properties.opacity, keyboard: false,
                               zIndexOffset: f.properties.z, claims: f.properties.n, actor: f.properties.actor});
    }
  });
  var shown = layer;
  if (P.cluster && L.markerClusterGroup) {
    // a cluster keeps the sides' colours: a ring split by their share of the claims, the number of claims inside
    shown = L.markerClusterGroup({disableClusteringAtZoom: P.unclusterZoom, showCoverageOnHover: false,
                                  chunkedLoading: false, spiderfyOnMaxZoom: true, maxClusterRadius: 40,
                                  iconCreateFunction: function (c) {
      var n = 0, ru = 0;
      c.getAllChildMarkers().forEach(function (m) { n += m.options.claims || 1; if (m.options.actor === 'russia') { ru += m.options.claims || 1; } });
      var share = Math.round(100 * ru / Math.max(n, 1)), px = n < 10 ? 30 : n < 100 ? 36 : 44;
      var ring = 'conic-gradient(' + P.colours.russia + ' 0 ' + share + '%, ' + P.colours.ukraine + ' ' + share + '% 100%)';
      return L.divIcon({className: 'geo-cluster', iconSize: [px, px],
                        html: '<div class="geo-cluster-ring" style="background:' + ring + '"><span>' + n + '</span></div>'});
    }});
    shown.addLayers(layer.getLayers());
  }
  // one popup and one tooltip for the whole layer, their HTML joined from escaped fragments when shown; the
  // fragments are in the payload, or (the app) fetched from textsUrl when a popup is first opened
  var texts = P.texts || null, loading = false, note = 'Loading the claims at this place…', textsUrl = {{ this.texts_url_json }};
  function refresh() { var p = shown.getPopup(); if (p && p.isOpen()) { p.update(); } }
  shown.bindPopup(function (l) {
    if (!texts) { return '<div class="geo-popup geo-popup-note">' + note + '</div>'; }
    return '<div class="geo-popup">' + l.feature.properties.popup.map(function (i) { return texts[i]; }).join('') + '</div>';
  }, {maxWidth: 400, maxHeight: 360});
  shown.on('popupopen', function () {
    if (texts || loading || !textsUrl) { return; }
    loading = true; note = 'Loading the claims at this place…'; refresh();
    fetch(textsUrl, {credentials: 'same-origin'})
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
      .then(function (t) { texts = t; loading = false; refresh(); },
            function () { loading = false; note = 'Could not load the claims at this place: close the popup and open it again.'; refresh(); });
  });
  shown.bindTooltip(function (l) { return l.feature.properties.tooltip; }, {direction: 'right'});
  fg.addLayer(shown);
  function put(sel, markup) { var el = document.querySelector(sel); if (el) { el.innerHTML = markup; } }
  function ready() {
    put('.geo-title', P.title); put('.geo-legend', P.legend); put('.geo-source', P.source);
    var title = document.querySelector('.geo-title');
    if (title && title.textContent) { document.title = title.textContent; }
    window.__geoLayer = layer; window.__geoShown = shown;
    if (window.geoFrame) { window.geoFrame(fg._map, P, layer); }  // briefing layout, framing, labels (geo.map.labels)
    window.__geoReady = {date: P.date, count: P.claims, places: layer.getLayers().length, t: Date.now(),
                         ms: Math.round((window.performance || Date).now() - t0)};
  }
  window.__geoReady = null;
  if (fg._map) { ready(); } else { fg.once('add', ready); }
})();
{% endmacro %}
""")

    def render(self, **kwargs):
        # branca would wrap the script in Element(text), which compiles the text as a Jinja template:
        # slow for megabytes of data and a template injection for report text. Add it verbatim.
        self.get_root().script.add_child(_Verbatim(self._template.module.script(self, kwargs)), name=self.get_name())

    def __init__(self, payload_json: str, texts_url: str | None = None):
        super().__init__()
        self._name = "ClaimsGeoJson"
        self.payload_json = payload_json  # from script_json(layer_payload(...)): safe inside <script>
        # where the popup texts are fetched from when the payload has none (`split_texts`)
        self.texts_url_json = script_json(texts_url)


class FrontGeoJson(folium.MacroElement):
    """The front line of the view's date (`geo.map.content.front_payload`): the occupied area, the grey zone and
    the line as one non-interactive `L.geoJSON` layer in the front pane, under the markers. Part of the
    changing group, so a date change redraws it without remounting the map."""

    _template = Template("""
{% macro script(this, kwargs) %}
(function () {
  var fg = {{ this._parent.get_name() }}, F = {{ this.front_json }};
  var opts = {interactive: false, style: function (f) { return f.properties.style; }};
  if (fg._map ? fg._map.getPane('geo-front') : true) { opts.pane = 'geo-front'; }
  L.geoJSON(F.data, opts).addTo(fg);
})();
{% endmacro %}
""")

    def __init__(self, front_json: str):
        super().__init__()
        self._name = "FrontGeoJson"
        self.front_json = front_json  # script_json of front_payload(...)["data"] wrapped as {"data": ...}

    def render(self, **kwargs):
        self.get_root().script.add_child(_Verbatim(self._template.module.script(self, kwargs)), name=self.get_name())


def front_json(front: dict | None) -> str | None:
    """The script JSON of a front payload's drawing (None when there is nothing to draw)."""
    if not front or not front["data"]["features"]:
        return None
    return script_json({"data": front["data"]})


def claims_layer(rows: Sequence[dict], view: View, settings: MapSettings | None = None, *,
                 dates: Sequence[dt.date] | None = None, overlay_legend: Sequence[str | tuple[str, str]] = (),
                 credits: Sequence[str] = (), front: dict | None = None,
                 new_keys: Sequence[str] | set[str] = ()) -> folium.FeatureGroup:
    """The changing part of the map: a FeatureGroup holding the ONE GeoJSON layer of `rows`
    (already selected for `view`, e.g. with `geo.map.views.select`), and under it the front line of
    the view's date when `front` (`geo.map.content.view_front`) is given. Pass it to st_folium's
    `feature_group_to_add`, or add it to a base map."""
    settings = settings or MapSettings()
    if front:
        overlay_legend = [*front["legend"], *overlay_legend]
        credits = [*([front["credit"]] if front["credit"] else []), *credits]
    payload = layer_payload(rows, view, dates, overlay_legend, settings.cluster_min, settings.uncluster_zoom, credits,
                            new_keys=new_keys)
    return claims_group(script_json(payload), front_json(front))


@dataclass(frozen=True)
class Focus:
    """Where the analyst asked to go (a place search, a table row): the map goes there once, and opens the
    popup of the place `key` when it is on the map. `nonce` makes each request distinct, so redrawing the
    layer for another date does not go back there."""

    lat: float
    lon: float
    zoom: int = 11
    key: str | None = None
    nonce: int = 0


class FocusScript(folium.MacroElement):
    """Runs a Focus after the claims layer is drawn (inserted verbatim: checked numbers and a JSON string)."""

    _template = Template("""
{% macro script(this, kwargs) %}{{ this.code }}{% endmacro %}
""")

    def __init__(self, focus: Focus):
        super().__init__()
        self._name = "FocusScript"
        spec = script_json({"lat": float(focus.lat), "lon": float(focus.lon), "zoom": int(focus.zoom), "key": focus.key,
                            "nonce": int(focus.nonce)})
        self.code = _FOCUS_JS.replace("SPEC", spec)

    def render(self, **kwargs):
        self.get_root().script.add_child(_Verbatim(self.code), name=self.get_name())


_FOCUS_JS = """
setTimeout(function (F) {  // after the claims layer is on the map
  window.__geoFocused = window.__geoFocused || {};
  if (window.__geoFocused[F.nonce] || !window.__geoLayer) { return; }
  window.__geoFocused[F.nonce] = true;
  var layer = window.__geoLayer, shown = window.__geoShown || layer, map = layer._map || shown._map || window.map;
  var target = null;
  if (F.key) { layer.eachLayer(function (m) { if (m.feature && m.feature.properties.key === F.key) { target = m; } }); }
  if (!map) { return; }
  map.setView([F.lat, F.lon], Math.max(map.getZoom(), F.zoom), {animate: false});
  if (!target) { return; }
  // the popup is bound to the whole layer: a click on the marker opens it with that marker's claims
  function open() { target.fire('click', {latlng: target.getLatLng()}, true); }  // true: up to the layer
  if (shown !== layer && shown.zoomToShowLayer) { shown.zoomToShowLayer(target, open); } else { open(); }
}, 0, SPEC);
"""


def split_texts(payload: dict) -> tuple[dict, str]:
    """The payload without its popup texts, and those texts as a JSON document (for an app that serves them as a
    file the page fetches when a popup is first opened: a date change then does not carry every popup)."""
    rest = {k: v for k, v in payload.items() if k != "texts"}
    return rest, json.dumps(payload.get("texts") or [], ensure_ascii=False, separators=(",", ":"))


def claims_group(payload_json: str, front: str | None = None, focus: Focus | None = None,
                 texts_url: str | None = None) -> folium.FeatureGroup:
    """A fresh FeatureGroup for an already serialised payload (`script_json(layer_payload(...))`) and front
    line (`front_json(...)`), so an app can cache the JSON and still hand st_folium a new group each run
    (st_folium mutates it). `focus`: go to a place and open its popup, once. `texts_url`: where the page
    fetches the popup texts a payload without them (`split_texts`) leaves out."""
    fg = folium.FeatureGroup(name="Claims", control=False)
    if front:
        fg.add_child(FrontGeoJson(front))
    fg.add_child(ClaimsGeoJson(payload_json, texts_url))
    if focus is not None:
        fg.add_child(FocusScript(focus))
    return fg


# -- the constant base map ------------------------------------------------------------------

_FRAME_CSS = """
<style>
.folium-map, .leaflet-container { background: %(bg)s; }
.geo-title { position: absolute; top: 10px; left: 50%%; transform: translateX(-50%%); z-index: 1000;
  background: rgba(255,255,255,.92); padding: 5px 14px; border-radius: 4px; box-shadow: 0 1px 4px rgba(0,0,0,.3);
  font: 600 17px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; pointer-events: none;
  white-space: nowrap; max-width: 80%%; overflow: hidden; text-overflow: ellipsis; }
.geo-title:empty { display: none; }
.geo-box { background: rgba(255,255,255,.92); padding: 6px 9px; border-radius: 4px; box-shadow: 0 1px 4px rgba(0,0,0,.3);
  font: 12px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222; }
.geo-box:empty { display: none; }
.geo-legend-head { font-weight: 600; margin-bottom: 3px; }
.geo-legend-row { display: flex; align-items: center; gap: 6px; margin: 1px 0; }
.geo-legend-row svg { flex: none; }
.geo-legend-note { color: #555; font-style: italic; margin-top: 3px; max-width: 220px; }
.geo-swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; flex: none; }
.geo-swatch-area { background: rgba(183,28,28,.18); border: 1.5px solid #b71c1c; }
.geo-source { max-width: 520px; color: #333; font-size: 11px; margin-bottom: 6px !important; }
.geo-claim { background: none; border: none; }
.geo-claim svg { display: block; overflow: visible; filter: drop-shadow(0 0 1px rgba(0,0,0,.45)); }
.geo-popup { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.geo-pop-place { font-size: 14px; } .geo-pop-dim, .geo-pop-meta { color: #555; }
.geo-pop-quote { margin: 6px 0; padding: 2px 8px; border-left: 3px solid #999; white-space: pre-wrap; }
.geo-pop-meta, .geo-pop-src { font-size: 12px; margin-top: 4px; }
.geo-pop-what { margin-top: 6px; padding-top: 5px; border-top: 1px solid #ddd; font-weight: 600; }
.geo-pop-place + .geo-pop-what { border-top: none; padding-top: 0; }
.geo-pop-more { margin-top: 6px; color: #555; font-style: italic; }
.geo-legend-sizes svg { margin-right: -3px; }
.geo-swatch-cluster { border-radius: 50%%; background: conic-gradient(#b71c1c 0 60%%, #2196f3 60%% 100%%); width: 14px; height: 14px; }
.geo-cluster { background: none; border: none; }
.geo-cluster-ring { width: 100%%; height: 100%%; border-radius: 50%%; display: flex; align-items: center; justify-content: center;
  box-shadow: 0 0 2px rgba(0,0,0,.6); }
.geo-cluster-ring span { background: #fff; border-radius: 50%%; min-width: 62%%; height: 62%%; display: flex; align-items: center;
  justify-content: center; font: 600 11px/1 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; }
</style>
"""


class MapFrame(JSCSSMixin, folium.MacroElement):
    """The map's fixed furniture: the title box, legend and source-line controls (filled by the
    claims layer), the style sheet, and the marker-cluster scripts (so the app loads them once)."""

    _template = Template("""
{% macro header(this, kwargs) %}{{ this.css }}{% endmacro %}
{% macro script(this, kwargs) %}
{{ this.labels_js }}
(function (map) {
  var title = L.DomUtil.create('div', 'geo-title', map.getContainer());
  L.DomEvent.disableClickPropagation(title);
  function box(position, cls) {
    var c = L.control({position: position});
    c.onAdd = function () { var d = L.DomUtil.create('div', 'geo-box ' + cls); L.DomEvent.disableClickPropagation(d); return d; };
    c.addTo(map);
  }
  box('bottomright', 'geo-legend');
  box('bottomleft', 'geo-source');
})({{ this._parent.get_name() }});
{% endmacro %}
""")

    # Cluster scripts live on the constant base map (st_folium loads scripts of the base map only).
    default_js = [("markerclusterjs", "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/leaflet.markercluster.js")]
    default_css = [
        ("markerclustercss", "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.css"),
        ("markerclusterdefaultcss", "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.Default.css"),
    ]


    def __init__(self, background: str):
        super().__init__()
        self._name = "MapFrame"
        self.css = _FRAME_CSS % {"bg": esc(background)} + f"<style>{labels.LABELS_CSS}{labels.LAYOUT_CSS}</style>"
        self.labels_js = labels.LABELS_JS + labels.LAYOUT_JS  # no Jinja openers in it: tests/map/test_briefing.py


@dataclass(frozen=True)
class Overlay:
    """A GeoJSON drawn under the markers: a front line / controlled area ("area") or boundaries ("boundaries").

    `key`: (colour, label) pairs for the legend when the file styles its own features (e.g. DeepState's
    occupied / liberated / unknown areas); labels are raw file text (escape before HTML).
    """

    name: str
    data: dict = field(repr=False)
    kind: str = "area"
    key: tuple[tuple[str, str], ...] = ()

    @functools.cached_property
    def script_json(self) -> str:
        return script_json(self.data)


class OverlayGeoJson(folium.MacroElement):
    """An overlay as one non-interactive `L.geoJSON` layer, inserted verbatim (megabytes of
    boundaries would take seconds to go through branca's template compilation)."""

    _template = Template("""
{% macro script(this, kwargs) %}
(function (S) {
  L.geoJSON({{ this.overlay.script_json }}, {interactive: false,{% if this.pane %} pane: {{ this.pane|tojson }},{% endif %}
    style: function (f) { return (f.properties && f.properties.style) || S; }}).addTo({{ this._parent.get_name() }});
})({{ this.style_json }});
{% endmacro %}
""")

    def __init__(self, overlay: Overlay, pane: str | None = None):
        super().__init__()
        self._name = "OverlayGeoJson"
        self.overlay = overlay
        self.pane = pane
        self.style_json = script_json(_OVERLAY_STYLES.get(overlay.kind, _OVERLAY_STYLES["area"]))

    def render(self, **kwargs):
        self.get_root().script.add_child(_Verbatim(self._template.module.script(self, kwargs)), name=self.get_name())


class BasemapFetch(folium.MacroElement):
    """The packaged basemap fetched from `url` (a file the app serves, `basemap_json()`), so the map's
    constant script stays small: the browser loads the basemap once and caches it, instead of receiving
    a megabyte of GeoJSON with every redraw."""

    _template = Template("""
{% macro script(this, kwargs) %}
(function (S, url, pane, map) {
  fetch(url).then(function (r) { return r.ok ? r.json() : null; }).then(function (d) {
    if (d) { L.geoJSON(d, {interactive: false, pane: pane, style: function (f) { return (f.properties && f.properties.style) || S; }}).addTo(map); }
  }).catch(function () {});
})({{ this.style_json }}, {{ this.url_json }}, {{ this.pane_json }}, {{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, url: str, pane: str):
        super().__init__()
        self._name = "BasemapFetch"
        self.url_json, self.pane_json = script_json(url), script_json(pane)
        self.style_json = script_json(_OVERLAY_STYLES["area"])

    def render(self, **kwargs):
        self.get_root().script.add_child(_Verbatim(self._template.module.script(self, kwargs)), name=self.get_name())


def basemap_json() -> str:
    """The packaged basemap as the JSON text `BasemapFetch` loads (what the inline basemap embeds)."""
    return plain_basemap().script_json


def read_overlay(source: str | Path | bytes, name: str | None = None, kind: str = "area") -> Overlay:
    """A GeoJSON file (path or the bytes of an upload) as an Overlay. Only geometry is kept, plus a
    checked simplestyle (`fill`, `stroke`, ...) when the file colours its own features, so occupied and
    liberated areas keep their colours. Points (labels, icons) are dropped. Raises OverlayError naming
    the file and the problem."""
    label = name or (Path(source).name if not isinstance(source, bytes) else "uploaded file")
    raw = source if isinstance(source, bytes) else _read_capped(Path(source))
    if len(raw) > OVERLAY_MAX_BYTES:
        raise OverlayError(f"{label}: {len(raw) / 2**20:.0f} MB is more than an overlay may be "
                           f"({OVERLAY_MAX_BYTES / 2**20:.0f} MB); simplify it first")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
        found = _features(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise OverlayError(f"{label}: not GeoJSON ({e}); pick a .geojson file") from e
    except RecursionError as e:
        raise OverlayError(f"{label}: not GeoJSON (nested too deeply); pick a .geojson file") from e
    if found is None:
        raise OverlayError(f"{label}: not GeoJSON (no FeatureCollection, Feature or geometry at the top); pick a .geojson file")
    if kind == "area" and (front := _front_overlay(found, name or label)) is not None:
        return front
    features, key = [], {}
    for geometry, props in found:
        if geometry.get("type") in ("Point", "MultiPoint"):
            continue
        style = _simplestyle(props)
        features.append({"type": "Feature", "properties": {"style": style} if style else {}, "geometry": geometry})
        if style and style.get("fillColor") and isinstance(props.get("status"), str) and props["status"].strip():
            # a colour's label: the data's own status, never a feature's free-text name
            key.setdefault(style["fillColor"], Counter())[_area_label(props["status"])] += _area(geometry)
    if not features:
        raise OverlayError(f"{label}: the GeoJSON holds no line or area to draw")
    legend = tuple((colour, labels.most_common(1)[0][0]) for colour, labels in key.items() if labels.most_common(1)[0][0])
    return Overlay(name=name or label, kind=kind, data={"type": "FeatureCollection", "features": features}, key=legend[:6])


def _front_overlay(found: list[tuple[dict, dict]], name: str) -> Overlay | None:
    """A DeepState-style front-line file as an overlay: its occupied, liberated and grey-zone areas of Ukraine in
    DeepStateMap's colours, with a legend of those statuses ("Russian-occupied, as of D") and never a feature's
    own name; foreign and historical "occupied" territories dropped. None when the file is not such a file
    (no polygon says its status, and it is not a few unnamed polygons as the cyterat archive's files are)."""
    from geo.places.frontline import OVERLAY_COLOURS, OVERLAY_LABELS, UKRAINE_BOX, area_status

    polys = [(g, p) for g, p in found if g.get("type") in ("Polygon", "MultiPolygon", "GeometryCollection")]
    statuses = [area_status(p) for _, p in polys]
    unnamed = polys and len(polys) <= 3 and not any(isinstance(p, dict) and (p.get("name") or p.get("status")) for _, p in polys)
    if not polys or not (any(statuses) or unnamed):
        return None
    features, area = [], Counter()
    for (geometry, _), status in zip(polys, statuses):
        status = status or ("occupied" if unnamed else None)
        if status is None or not _in_box(geometry, UKRAINE_BOX):
            continue
        colour = OVERLAY_COLOURS[status]
        style = {"color": colour, "weight": 1.2, "opacity": 0.9, "fillColor": colour, "fillOpacity": 0.3}
        features.append({"type": "Feature", "properties": {"style": style}, "geometry": geometry})
        area[status] += _area(geometry)
    if not features:
        raise OverlayError(f"{name}: no occupied, liberated or grey-zone area of Ukraine in this front-line file")
    day = snapshot_date(name)
    when = f", as of {day.isoformat()}" if day and day.isoformat() not in name else ""
    key = tuple((OVERLAY_COLOURS[s], f"{OVERLAY_LABELS[s]}{when if s == 'occupied' else ''} ({name})" if s == "occupied"
                 else OVERLAY_LABELS[s]) for s in ("occupied", "unknown", "liberated") if area[s])
    return Overlay(name=name, kind="area", data={"type": "FeatureCollection", "features": features}, key=key)


def _in_box(geometry: dict, bbox: tuple[float, float, float, float]) -> bool:
    """Does a geometry's first outer ring reach into the box (lon/lat)?"""
    coords = geometry.get("coordinates") if geometry.get("type") != "GeometryCollection" else next(
        (g.get("coordinates") for g in geometry.get("geometries") or [] if isinstance(g, dict)), None)
    rings = [coords[0]] if geometry.get("type") == "Polygon" and coords else [p[0] for p in coords or [] if p] \
        if geometry.get("type") == "MultiPolygon" else [coords[0]] if coords and isinstance(coords, list) else []
    for ring in rings:
        xs = [pt[0] for pt in ring if isinstance(pt, list) and len(pt) >= 2 and isinstance(pt[0], (int, float))]
        ys = [pt[1] for pt in ring if isinstance(pt, list) and len(pt) >= 2 and isinstance(pt[1], (int, float))]
        if xs and ys and min(xs) <= bbox[2] and max(xs) >= bbox[0] and min(ys) <= bbox[3] and max(ys) >= bbox[1]:
            return True
    return False


_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")


def _simplestyle(props: dict) -> dict:
    """Leaflet style from a feature's simplestyle properties; only checked colours and numbers pass."""
    if not isinstance(props, dict):
        return {}

    def number(key, lo, hi):
        v = props.get(key)
        return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) and lo <= v <= hi else None

    out: dict = {}
    for src, dst in (("stroke", "color"), ("fill", "fillColor")):
        v = props.get(src)
        if isinstance(v, str) and _COLOUR.match(v.strip()):
            out[dst] = v.strip()
    for src, dst, lo, hi in (("stroke-width", "weight", 0, 20), ("stroke-opacity", "opacity", 0, 1), ("fill-opacity", "fillOpacity", 0, 1)):
        if (v := number(src, lo, hi)) is not None:
            out[dst] = v
    if not out:
        return {}
    out.setdefault("weight", 1.2)
    if "fillColor" in out:
        out["fillOpacity"] = max(out.get("fillOpacity", 0.3), 0.25)
    return out


def _area(geometry: dict) -> float:
    """Rough area in square degrees of a (Multi)Polygon's outer rings (only to weigh labels)."""
    def ring_area(ring) -> float:
        try:
            return abs(sum(x1 * y2 - x2 * y1 for (x1, y1, *_), (x2, y2, *_) in zip(ring, ring[1:]))) / 2
        except (TypeError, ValueError):
            return 0.0

    t, c = geometry.get("type"), geometry.get("coordinates") or []
    if t == "Polygon":
        return ring_area(c[0]) if c else 0.0
    if t == "MultiPolygon":
        return sum(ring_area(p[0]) for p in c if p)
    if t == "GeometryCollection":
        return sum(_area(g) for g in geometry.get("geometries") or [] if isinstance(g, dict))
    return 0.0


def _area_label(name: str) -> str:
    """A legend label from an area's name: the English part of "UA /// EN /// key", without dates."""
    parts = [p.strip() for p in name.replace("\xa0", " ").split("///")]
    text = parts[1] if len(parts) >= 2 and parts[1] else parts[0]
    text = re.sub(r"[\d.\-–]+", " ", text.splitlines()[0] if text else "")
    return " ".join(text.split())[:40]


_SNAPSHOT_DAY = re.compile(r"(?<!\d)(20\d\d)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?!\d)")
_SNAPSHOT_EPOCH = re.compile(r"(?<!\d)(1[4-9]\d{8})(?!\d)")


def snapshot_date(path: str | Path) -> dt.date | None:
    """The day a front-line snapshot file shows, from its name: YYYYMMDD / YYYY-MM-DD, or a Unix time
    in seconds (as DeepStateMap history files are named). None when the name carries no date."""
    name = Path(path).name
    if m := _SNAPSHOT_DAY.search(name):
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    if m := _SNAPSHOT_EPOCH.search(name):
        return dt.datetime.fromtimestamp(int(m[1]), dt.timezone.utc).date()
    return None


def overlay_files(folder: str | Path, limit: int = OVERLAY_MAX_FILES) -> list[Path]:
    """The GeoJSON files under `folder` (recursively, at most `limit`), sorted by path; [] when it is not a
    folder. Only regular files whose real path stays inside the folder are listed (a link out of it is not)."""
    try:
        root = Path(folder).expanduser().resolve(strict=True)
    except (OSError, RuntimeError):
        return []
    if not root.is_dir():
        return []
    out: list[Path] = []
    for here, dirs, names in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for n in sorted(names):
            if n.lower().endswith((".geojson", ".json")) and not n.startswith("."):
                try:
                    out.append(overlay_path(root, Path(here) / n))
                except OverlayError:
                    continue
                if len(out) >= limit:
                    return sorted(out)
    return sorted(out)


def overlay_path(root: str | Path, path: str | Path) -> Path:
    """`path` if it is a regular file no larger than OVERLAY_MAX_BYTES whose real path lies inside the folder
    (or is the file) `root`; OverlayError otherwise. What the page offers is checked again with this before
    it is read, so no name sent by a browser opens a file the operator did not put in an overlay folder."""
    try:
        base = Path(root).expanduser().resolve(strict=True)
        real = (base / Path(path).expanduser()).resolve(strict=True) if not Path(path).is_absolute() else Path(path).resolve(strict=True)
        info = real.stat()
    except (OSError, RuntimeError) as e:
        raise OverlayError(f"{Path(path).name}: not an overlay file of the configured folders") from e
    if not (real == base or real.is_relative_to(base)):
        raise OverlayError(f"{Path(path).name}: not an overlay file of the configured folders")
    if not stat.S_ISREG(info.st_mode):
        raise OverlayError(f"{Path(path).name}: not a regular file")
    if info.st_size > OVERLAY_MAX_BYTES:
        raise OverlayError(f"{Path(path).name}: {info.st_size / 2**20:.0f} MB is more than an overlay may be "
                           f"({OVERLAY_MAX_BYTES / 2**20:.0f} MB); simplify it first")
    return real


def _read_capped(path: Path) -> bytes:
    """The bytes of a regular file of at most OVERLAY_MAX_BYTES, checked on the open file (no device, FIFO
    or folder is read, however it is named)."""
    try:
        with open(path, "rb") as f:
            info = os.fstat(f.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise OverlayError(f"{path}: not a regular file; pick a .geojson file")
            data = f.read(OVERLAY_MAX_BYTES + 1)
    except OSError as e:
        raise OverlayError(f"{path}: cannot read the overlay file ({e.strerror}); check the path") from e
    if len(data) > OVERLAY_MAX_BYTES:
        raise OverlayError(f"{path.name}: more than an overlay may be ({OVERLAY_MAX_BYTES / 2**20:.0f} MB); simplify it first")
    return data


def snapshot_for(files: Sequence[Path], day: dt.date) -> Path | None:
    """The dated file showing the latest day on or before `day` (the front as the report saw it)."""
    dated = [(d, p) for p in files if (d := snapshot_date(p)) is not None and d <= day]
    return max(dated)[1] if dated else None


_GEOMETRY_TYPES = {"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"}


def _features(data) -> list[tuple[dict, dict]] | None:
    """(geometry, properties) of every feature with a geometry; None when `data` is not GeoJSON."""
    if not isinstance(data, dict):
        return None

    def ok(g) -> bool:
        return isinstance(g, dict) and g.get("type") in _GEOMETRY_TYPES

    t = data.get("type")
    if t == "FeatureCollection" and isinstance(data.get("features"), list):
        return [(f["geometry"], f.get("properties") or {}) for f in data["features"] if isinstance(f, dict) and ok(f.get("geometry"))]
    if t == "Feature":
        return [(data["geometry"], data.get("properties") or {})] if ok(data.get("geometry")) else []
    if t in _GEOMETRY_TYPES:
        return [(data, {})]
    return None


_OVERLAY_STYLES = {
    "area": {"color": "#8e1b1b", "weight": 1.5, "fillColor": "#b71c1c", "fillOpacity": 0.16, "opacity": 0.8},
    "boundaries": {"color": "#5f6368", "weight": 1, "fill": False, "opacity": 0.8},
}


@functools.lru_cache(maxsize=4)
def plain_basemap(extent: tuple[float, float, float, float] | None = None) -> Overlay:
    """The offline basemap of the theatre (land, coast, rivers, oblast lines, borders; geo.map.basemap) as an
    overlay; `extent`: only what lies in that box (a slide)."""
    from geo.map import basemap

    data = basemap.basemap(extent, clip=True) if extent else basemap.basemap()
    return Overlay(name=basemap.CREDIT, data=data, kind="basemap")


def legend_entries(overlays: Sequence[Overlay]) -> list[str | tuple[str, str]]:
    """Legend entries for the area overlays: the file's own colour key when it has one, else its name."""
    out: list[str | tuple[str, str]] = []
    for o in overlays:
        if o.kind == "area":
            out.extend(o.key or [o.name])
    return out


def map_credits(settings: MapSettings, overlays: Sequence[Overlay] = ()) -> list[str]:
    """What the source line must name besides ISW and GeoNames: the basemap and overlay files."""
    from geo.map import basemap

    return ([basemap.CREDIT] if settings.basemap else []) + [o.name for o in overlays]


def build_base_map(settings: MapSettings | None = None, overlays: Sequence[Overlay] = (),
                   basemap_url: str | None = None, basemap_extent: tuple[float, float, float, float] | None = None) -> folium.Map:
    """The constant map: tiles (or none), scale bar, title/legend/source boxes, overlays under the markers.
    `basemap_url`: fetch the packaged basemap from there (`basemap_json()` served by the app) instead of
    embedding it."""
    settings = settings or MapSettings()
    m = folium.Map(location=list(settings.center), zoom_start=settings.zoom, tiles=None, control_scale=True,
                   maxZoom=settings.max_zoom, minZoom=settings.min_zoom, zoom_control=True)
    if settings.tiles_url:
        folium.TileLayer(tiles=settings.tiles_url, attr=attribution_html(settings.attribution) or " ", name="Tiles",
                         max_zoom=settings.max_zoom, min_zoom=settings.min_zoom, control=False).add_to(m)
    if settings.basemap:
        # under the tiles (tile pane: z-index 200): shows where tiles are off, fail or are still loading
        folium.map.CustomPane(BASEMAP_PANE, z_index=150, pointer_events=False).add_to(m)
        if basemap_url:
            BasemapFetch(basemap_url, BASEMAP_PANE).add_to(m)
        else:
            OverlayGeoJson(plain_basemap(basemap_extent), pane=BASEMAP_PANE).add_to(m)
    # the front line of the date: above tiles and overlays, under the markers (marker pane: 600)
    folium.map.CustomPane(FRONT_PANE, z_index=390, pointer_events=False).add_to(m)
    for ov in overlays:
        OverlayGeoJson(ov).add_to(m)
    MapFrame(settings.background).add_to(m)
    return m


def slide_extent(view: View, shown: Sequence[dict]) -> tuple[float, float, float, float] | None:
    """What a briefing page framed on a sector or its claims can show, so only that much basemap goes in
    the page (a slide is drawn once; a page to explore keeps the whole theatre). None: everything."""
    from geo.map import basemap

    if not view.briefing or not (view.bbox or view.fit):
        return None
    area = view.bbox
    if area is None:
        pts = [(float(r["lon"]), float(r["lat"])) for r in shown]
        if not pts:
            return None
        area = (min(x for x, _ in pts), min(y for _, y in pts), max(x for x, _ in pts), max(y for _, y in pts))
    return tuple(round(v, 2) for v in basemap.frame_extent(area))


def render_standalone_html(rows: Sequence[dict], view: View, settings: MapSettings | None = None,
                           overlays: Sequence[Overlay] = (), front_series=None) -> str:
    """A full HTML page of the map for `view` (rows: every row; the view selects), with every
    script inlined, for downloads and `python -m geo snapshot`. Its <title> is the map title.
    `front_series` (geo.places.frontline.FrontSeries): draw the front line as of the view's date."""
    from geo.map import assets

    settings = settings or MapSettings()
    dates = views.report_dates(rows)
    shown = views.select(rows, view)
    m = build_base_map(settings, overlays, basemap_extent=slide_extent(view, shown))
    if view.center is not None or view.zoom is not None:
        m.location = list(view.center or settings.center)
        m.options["zoom"] = view.zoom if view.zoom is not None else settings.zoom
    claims_layer(shown, view, settings, dates=dates, overlay_legend=legend_entries(overlays),
                 credits=map_credits(settings, overlays), front=view_front(front_series, view, dates),
                 new_keys=views.new_places(rows, view)).add_to(m)
    m.get_root().title = esc(map_title(view, dates))
    return assets.standalone_html(m)


__all__ = [
    "MapSettings", "Overlay", "build_base_map", "legend_entries", "snapshot_date", "overlay_files", "overlay_path",
    "snapshot_for", "plain_basemap", "map_credits", "claims_layer", "claims_group", "render_standalone_html",
    "read_overlay", "feature", "feature_collection", "layer_payload", "payload_popup", "popup_html",
    "popup_parts", "legend_html", "map_title", "marker_svg", "safe_url", "script_json", "esc",
    "DEFAULT_TILES_URL", "DEFAULT_ATTRIBUTION",
]
