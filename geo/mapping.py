"""Claims -> GeoJSON -> the Folium map (the only Folium code outside the app).

The map is built in two parts so the app can redraw markers without remounting the map:

- `build_base_map(settings, overlays)` is constant for given settings: tiles (or none), the
  scale bar, empty title / legend / source-line boxes, the marker-cluster scripts, and the
  front-line / boundary overlays (drawn under the markers);
- `claims_layer(rows, view, settings)` is the changing part: ONE `L.geoJSON` layer holding every
  claim of the view (clustered when there are many), plus the few lines of script that write
  the title, legend and source line into the boxes and then signal "drawn":
  `window.__geoReady = {date, count, t}`.

Report text is untrusted. Every string that reaches HTML goes through `html.escape` here in
Python (popups, tooltips, legend, title); URLs are kept only when they are http(s); the data
embedded in the page's script is JSON with `<`, `>`, `&` written as \\u003c, \\u003e, \\u0026,
so no quote can close the script or start markup. The script itself never evaluates text.

Each marker is a Leaflet divIcon: an inline SVG whose colour says the actor (Russia dark red,
Ukraine light blue: distinct in greyscale too), whose shape says the kind (advance triangle,
attack diamond, strike star) and which is solid when ISW confirms it and hollow with a dashed
outline when it is only claimed. Older claims of a multi-day window are fainter. The marker's
element has the classes `geo-claim geo-<actor> geo-<kind> geo-<status>`.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import folium
from folium.elements import JSCSSMixin
from branca.element import Element
from jinja2 import Template

from geo import views
from geo.errors import MapSettingsError, OverlayError
from geo.views import View

DEFAULT_TILES_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
DEFAULT_ATTRIBUTION = "© OpenStreetMap contributors"
NO_TILES = ("", "none", "off", "no")
ISW_NAME = "Institute for the Study of War (ISW), Russian Offensive Campaign Assessment"
ISW_HOME = "https://www.understandingwar.org/"

ACTOR_COLOURS = {"russia": "#b71c1c", "ukraine": "#2196f3"}
ACTOR_LABELS = {"russia": "Russian forces", "ukraine": "Ukrainian forces"}
KIND_LABELS = {"advance": "Advance", "attack": "Attack (no gain)", "strike": "Strike"}
KIND_PLURALS = {"advance": "advances", "attack": "attacks", "strike": "strikes"}
STATUS_LABELS = {"confirmed": "Confirmed by ISW", "claimed": "Claimed by a party"}
_SHAPES = {
    "advance": '<path d="M10 1.5 L18.8 17.5 L1.2 17.5 Z"/>',
    "attack": '<path d="M10 0.8 L19.2 10 L10 19.2 L0.8 10 Z"/>',
    "strike": '<path d="M10 0.8 L12.6 7 L19.3 7.3 L14.1 11.6 L15.9 18.3 L10 14.6 L4.1 18.3 L5.9 11.6 L0.7 7.3 L7.4 7 Z"/>',
}
MARKER_PX = 20
REGION_RING = '<circle cx="10" cy="10" r="9.3" fill="none" stroke="#333" stroke-width="0.9" stroke-dasharray="1 1.6"/>'


# -- settings -------------------------------------------------------------------------------


@dataclass(frozen=True)
class MapSettings:
    """How the map looks, independent of which claims it shows.

    `tiles_url=None` draws no tiles: a plain basemap of land and borders shipped with the package
    (`basemap=True`, geo.basemap) or just a background colour.
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
    background: str = "#dde6ea"  # the sea, when there are no tiles
    basemap: bool = True  # with no tiles: draw the packaged Natural Earth land and borders (geo.basemap)

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


# -- escaping -------------------------------------------------------------------------------


def esc(text) -> str:
    """HTML-escape anything (None -> "")."""
    return html.escape("" if text is None else str(text), quote=True)


def safe_url(url) -> str | None:
    """`url` HTML-escaped for an href when it is an absolute http(s) URL; else None."""
    if not isinstance(url, str):
        return None
    return _safe_url(url.strip())


_URL_BAD_CHARS = re.compile(r"[\x00-\x20\x7f]")


@functools.lru_cache(maxsize=4096)
def _safe_url(url: str) -> str | None:
    if _URL_BAD_CHARS.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return html.escape(url, quote=True)


_TEMPLATE_OPENER = re.compile(r"\{(?=[{%#])")


def script_json(data) -> str:
    """JSON that is safe inside an HTML <script>: no `<`, `>`, `&` or line separators appear raw,
    and no Jinja opener (`{{`, `{%`, `{#`: folium/branca compile rendered scripts as templates,
    so such text would run on the server). In compact JSON these only occur inside strings,
    where the escape \\u007b means the same character."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    return _TEMPLATE_OPENER.sub(r"\\u007b", text)


# -- rows -> GeoJSON (pure) -----------------------------------------------------------------

EXPORT_KEYS = (
    "id", "report_date", "kind", "actor", "status", "claimant", "place", "geonameid", "admin1", "precision",
    "quote", "source", "report_title", "section", "lead_in", "endnote_urls", "rule", "runner_up", "margin",
    "review", "place_source", "bearing",
)


def feature(row: dict) -> dict:
    """One GeoJSON Point feature for a placed row; properties are the row's values as they are (raw text)."""
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [float(row["lon"]), float(row["lat"])]},
        "properties": {k: row.get(k) for k in EXPORT_KEYS if k in row},
    }


def feature_collection(rows: Iterable[dict]) -> dict:
    """The placed rows as a GeoJSON FeatureCollection (rows without lat/lon are left out)."""
    return {
        "type": "FeatureCollection",
        "features": [feature(r) for r in rows if r.get("lat") is not None and r.get("lon") is not None],
    }


# -- titles, legend, popups -----------------------------------------------------------------


def fmt_day(d: dt.date) -> str:
    return f"{d.day} {d.strftime('%B %Y')}"


def fmt_span(start: dt.date, end: dt.date) -> str:
    if start == end:
        return fmt_day(end)
    if start.year != end.year:
        return f"{fmt_day(start)} – {fmt_day(end)}"
    if start.month != end.month:
        return f"{start.day} {start.strftime('%B')} – {fmt_day(end)}"
    return f"{start.day}–{fmt_day(end)}"


def window_bounds(view: View, dates: Sequence[dt.date]) -> tuple[dt.date, dt.date] | None:
    end = views.end_date(view, dates)
    if end is None:
        return None
    return views.window_start(view, end, dates), end


def map_title(view: View, dates: Sequence[dt.date]) -> str:
    """'ISW-reported claims, 19 June 2024'; names the kinds when filtered; the window when longer."""
    what = "claims"
    if view.kinds and set(view.kinds) != set(views.KINDS):
        names = [KIND_PLURALS.get(k, k) for k in views.KINDS if k in view.kinds]
        what = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    bounds = window_bounds(view, dates)
    if bounds is None:
        return f"ISW-reported {what}: no reports"
    start, end = bounds
    if view.window == "all":
        return f"ISW-reported {what} up to {fmt_day(end)}"
    return f"ISW-reported {what}, {fmt_span(start, end)}"


def marker_svg(actor: str, kind: str, status: str, region: bool = False, px: int = MARKER_PX) -> str:
    colour = ACTOR_COLOURS.get(actor, "#555")
    shape = _SHAPES.get(kind, '<circle cx="10" cy="10" r="8"/>')
    if status == "claimed":
        paint = f'fill="#fff" fill-opacity="0.9" stroke="{colour}" stroke-width="2.4" stroke-dasharray="3.2 1.8"'
    else:
        paint = f'fill="{colour}" stroke="#fff" stroke-width="1.3"'
    ring = REGION_RING if region else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{px}" height="{px}" viewBox="-1 -1 22 22" '
            f'aria-hidden="true"><g {paint}>{shape}</g>{ring}</svg>')


def icon_key(row: dict) -> str:
    return f"{row.get('actor')}|{row.get('kind')}|{row.get('status')}|{1 if row.get('precision') == 'region' else 0}"


def _icons(keys: Iterable[str]) -> dict[str, dict]:
    out = {}
    for key in keys:
        actor, kind, status, region = key.split("|")
        out[key] = {
            "html": marker_svg(actor, kind, status, region == "1"),
            "cls": " ".join(f"geo-{esc(x)}" for x in (actor, kind, status)) + (" geo-region" if region == "1" else ""),
        }
    return out


def _links(urls: Iterable, limit: int = 8) -> str:
    out = []
    for i, u in enumerate(urls or (), start=1):
        href = safe_url(u)
        if href and len(out) < limit:
            out.append(f'<a href="{href}" target="_blank" rel="noopener noreferrer">[{i}]</a>')
    return " ".join(out)


def popup_parts(row: dict) -> tuple[str, str, str, str]:
    """The marker's popup in four escaped HTML pieces: place (this row), claim (shared by the rows of
    one sentence), placement notes (this row), sources (shared by a report's claim). Every value is
    escaped; links only for http(s) URLs. `"".join(parts)` sits inside <div class="geo-popup">."""
    return _place_part(row), _claim_part(row), _meta_part(row), _source_part(row.get("source"), tuple(row.get("endnote_urls") or ()))


def popup_html(row: dict) -> str:
    """The marker's whole popup as one escaped HTML string."""
    return '<div class="geo-popup">' + "".join(popup_parts(row)) + "</div>"


def _place_part(row: dict) -> str:
    head = f'<div class="geo-pop-place"><b>{esc(row.get("place"))}</b>'
    if row.get("admin1"):
        head += f' <span class="geo-pop-dim">{esc(row.get("admin1"))}</span>'
    return head + "</div>"


def _claim_part(row: dict) -> str:
    actor = ACTOR_LABELS.get(row.get("actor"), row.get("actor"))
    status = row.get("status")
    claimant = row.get("claimant")
    what = f'{esc(row.get("report_date"))} · {esc(actor)} · {esc(KIND_LABELS.get(row.get("kind"), row.get("kind")))} · '
    what += esc(status) + (f" by {esc(claimant)}" if status == "claimed" and claimant else "")
    if claimant and status != "claimed":
        what += f" (per {esc(claimant)})"
    out = f'<div class="geo-pop-what">{what}</div><blockquote class="geo-pop-quote">{esc(row.get("quote"))}</blockquote>'
    if row.get("section"):
        out += f'<div class="geo-pop-meta">Section: {esc(row["section"])}</div>'
    return out


def _meta_part(row: dict) -> str:
    meta = []
    if row.get("bearing"):
        meta.append(f"Located: {esc(row['bearing'])}")
    if row.get("precision") == "region":
        meta.append("Drawn at the region's centre (the report names no settlement)")
    if row.get("rule"):
        meta.append(f"Why here: {esc(row['rule'])}" + (" — <b>check this placement</b>" if row.get("review") else ""))
    if row.get("runner_up"):
        margin = row.get("margin")
        meta.append(f"Runner-up: {esc(row['runner_up'])}" + (f" (margin {float(margin):.2f})" if isinstance(margin, (int, float)) else ""))
    return '<div class="geo-pop-meta">' + "<br>".join(meta) + "</div>" if meta else ""


@functools.lru_cache(maxsize=4096)
def _source_part(src, endnote_urls: tuple) -> str:
    href = safe_url(src)
    foot = f'<a href="{href}" target="_blank" rel="noopener noreferrer">ISW report</a>' if href else (f"Source: {esc(src)}" if src else "")
    notes = _links(endnote_urls)
    if notes:
        foot += (" · " if foot else "") + "Report's sources: " + notes
    return f'<div class="geo-pop-src">{foot}</div>' if foot else ""


def tooltip_text(row: dict) -> str:
    return esc(row.get("place"))


def legend_html(rows: Sequence[dict], view: View, overlay_names: Sequence[str] = ()) -> str:
    """A key to what is shown: only the actors, kinds and statuses present, with their counts."""
    actors = Counter(r.get("actor") for r in rows)
    kinds = Counter(r.get("kind") for r in rows)
    statuses = Counter(r.get("status") for r in rows)
    lines = [f'<div class="geo-legend-head">{len(rows):,} placed claim{"s" if len(rows) != 1 else ""}</div>']

    def item(svg: str, label: str, n: int) -> str:
        return f'<div class="geo-legend-row">{svg}<span>{esc(label)} ({n})</span></div>'

    for a in views.ACTORS:
        if actors.get(a):
            lines.append(item(f'<span class="geo-swatch" style="background:{ACTOR_COLOURS[a]}"></span>', ACTOR_LABELS[a], actors[a]))
    for k in views.KINDS:
        if kinds.get(k):
            lines.append(item(marker_svg("", k, "confirmed", px=14), KIND_LABELS[k], kinds[k]))
    for s in views.STATUSES:
        if statuses.get(s):
            lines.append(item(marker_svg("", "", s, px=14), STATUS_LABELS[s], statuses[s]))
    n_region = sum(1 for r in rows if r.get("precision") == "region")
    if n_region:
        lines.append(item(f'<svg width="14" height="14" viewBox="-1 -1 22 22">{REGION_RING}</svg>', "Region-level (drawn at region centre)", n_region))
    if view.window != "day" and rows:
        lines.append('<div class="geo-legend-note">Older claims are drawn fainter</div>')
    for name in overlay_names:
        lines.append(f'<div class="geo-legend-row"><span class="geo-swatch geo-swatch-area"></span><span>{esc(name)}</span></div>')
    filters = active_filters(view)
    if filters:
        lines.append(f'<div class="geo-legend-note">Filtered: {esc(filters)}</div>')
    return "".join(lines)


def active_filters(view: View) -> str:
    parts = []
    for label, values in (("actor", view.actors), ("kind", view.kinds), ("status", view.statuses),
                          ("claimant", view.claimants), ("section", view.sections), ("oblast", view.oblasts)):
        if values:
            parts.append(f"{label} {' / '.join(values)}")
    if view.text:
        parts.append(f'text "{view.text}"')
    return "; ".join(parts)


def source_line(rows: Sequence[dict], view: View, dates: Sequence[dt.date], credits: Sequence[str] = ()) -> str:
    """The map's source line: ISW and the dates shown, the gazetteer, and any overlay files."""
    bounds = window_bounds(view, dates)
    when = fmt_span(*bounds) if bounds else ""
    if view.window == "all" and bounds:
        when = "up to " + fmt_day(bounds[1])
    extra = f" · also: {esc(', '.join(credits))}" if credits else ""
    return (f'Source: {esc(ISW_NAME)}{", " + esc(when) if when else ""} · '
            f'<a href="{ISW_HOME}" target="_blank" rel="noopener noreferrer">understandingwar.org</a>'
            f" · places: GeoNames (CC BY 4.0){extra} · map: frontline-claims")


# -- the claims layer -----------------------------------------------------------------------


def layer_payload(rows: Sequence[dict], view: View, dates: Sequence[dt.date] | None = None,
                  overlay_names: Sequence[str] = (), cluster_min: int = 500, uncluster_zoom: int = 10,
                  credits: Sequence[str] = ()) -> dict:
    """Everything the claims layer's script needs, as plain data (pure; `rows` are already selected).

    `dates` are the report dates the view's window refers to (default: those of `rows`);
    `overlay_names` get a legend entry (areas), `credits` are named in the source line (every overlay file).
    """
    dates = list(dates) if dates is not None else views.report_dates(rows)
    bounds = window_bounds(view, dates)
    end = bounds[1] if bounds else None
    features, keys, texts = [], {}, {}

    def text_id(fragment: str) -> int:
        i = texts.get(fragment)
        if i is None:
            i = texts[fragment] = len(texts)
        return i

    for r in rows:
        if r.get("lat") is None or r.get("lon") is None:
            continue
        key = icon_key(r)
        keys[key] = None
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(float(r["lon"]), 5), round(float(r["lat"]), 5)]},
            "properties": {
                "id": r.get("id"),
                "icon": key,
                "opacity": views.age_opacity(r["report_date"], end, bounds[0]) if bounds else 1.0,
                "tooltip": tooltip_text(r),
                "popup": [text_id(part) for part in popup_parts(r) if part],
            },
        })
    title = map_title(view, dates)
    return {
        "date": end.isoformat() if end else None,
        "title": esc(title),
        "legend": legend_html(rows, view, overlay_names),
        "source": source_line(rows, view, dates, credits),
        "icons": _icons(keys),
        "cluster": len(features) > cluster_min,
        "unclusterZoom": uncluster_zoom,
        "size": MARKER_PX,
        "texts": list(texts),  # escaped HTML fragments; a feature's popup lists the ones it joins
        "data": {"type": "FeatureCollection", "features": features},
    }


def payload_popup(payload: dict, feature: dict) -> str:
    """The popup HTML the page shows for `feature` of `payload` (the same join as the layer's script)."""
    return '<div class="geo-popup">' + "".join(payload["texts"][i] for i in feature["properties"]["popup"]) + "</div>"


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
  var icons = {}, s = P.size;
  Object.keys(P.icons).forEach(function (k) {  // one icon object per style, shared by its markers
    icons[k] = L.divIcon({className: 'geo-claim ' + P.icons[k].cls, html: P.icons[k].html, iconSize: [s, s],
                          iconAnchor: [s / 2, s / 2], popupAnchor: [0, -s / 2], tooltipAnchor: [s / 2, 0]});
  });
  var layer = L.geoJSON(P.data, {
    pointToLayer: function (f, latlng) {
      return L.marker(latlng, {icon: icons[f.properties.icon], opacity: f.properties.opacity, keyboard: false});
    }
  });
  var shown = layer;
  if (P.cluster && L.markerClusterGroup) {
    shown = L.markerClusterGroup({disableClusteringAtZoom: P.unclusterZoom, showCoverageOnHover: false,
                                  chunkedLoading: false, spiderfyOnMaxZoom: true});
    shown.addLayers(layer.getLayers());
  }
  // one popup and one tooltip for the whole layer, their HTML joined from escaped fragments when shown
  shown.bindPopup(function (l) {
    return '<div class="geo-popup">' + l.feature.properties.popup.map(function (i) { return P.texts[i]; }).join('') + '</div>';
  }, {maxWidth: 380});
  shown.bindTooltip(function (l) { return l.feature.properties.tooltip; }, {direction: 'right'});
  fg.addLayer(shown);
  function put(sel, markup) { var el = document.querySelector(sel); if (el) { el.innerHTML = markup; } }
  function ready() {
    put('.geo-title', P.title); put('.geo-legend', P.legend); put('.geo-source', P.source);
    var title = document.querySelector('.geo-title');
    if (title && title.textContent) { document.title = title.textContent; }
    window.__geoReady = {date: P.date, count: layer.getLayers().length, t: Date.now(),
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

    def __init__(self, payload_json: str):
        super().__init__()
        self._name = "ClaimsGeoJson"
        self.payload_json = payload_json  # from script_json(layer_payload(...)): safe inside <script>


def claims_layer(rows: Sequence[dict], view: View, settings: MapSettings | None = None, *,
                 dates: Sequence[dt.date] | None = None, overlay_names: Sequence[str] = (),
                 credits: Sequence[str] = ()) -> folium.FeatureGroup:
    """The changing part of the map: a FeatureGroup holding the ONE GeoJSON layer of `rows`
    (already selected for `view`, e.g. with `geo.views.select`). Pass it to st_folium's
    `feature_group_to_add`, or add it to a base map."""
    settings = settings or MapSettings()
    payload = layer_payload(rows, view, dates, overlay_names, settings.cluster_min, settings.uncluster_zoom, credits)
    return claims_group(script_json(payload))


def claims_group(payload_json: str) -> folium.FeatureGroup:
    """A fresh FeatureGroup for an already serialised payload (`script_json(layer_payload(...))`), so an
    app can cache the JSON and still hand st_folium a new group each run (st_folium mutates it)."""
    fg = folium.FeatureGroup(name="Claims", control=False)
    fg.add_child(ClaimsGeoJson(payload_json))
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
</style>
"""


class MapFrame(JSCSSMixin, folium.MacroElement):
    """The map's fixed furniture: the title box, legend and source-line controls (filled by the
    claims layer), the style sheet, and the marker-cluster scripts (so the app loads them once)."""

    _template = Template("""
{% macro header(this, kwargs) %}{{ this.css }}{% endmacro %}
{% macro script(this, kwargs) %}
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
        self.css = _FRAME_CSS % {"bg": esc(background)}


@dataclass(frozen=True)
class Overlay:
    """A GeoJSON drawn under the markers: a front line / controlled area ("area") or boundaries ("boundaries")."""

    name: str
    data: dict = field(repr=False)
    kind: str = "area"

    @functools.cached_property
    def script_json(self) -> str:
        return script_json(self.data)


class OverlayGeoJson(folium.MacroElement):
    """An overlay as one non-interactive `L.geoJSON` layer, inserted verbatim (megabytes of
    boundaries would take seconds to go through branca's template compilation)."""

    _template = Template("""
{% macro script(this, kwargs) %}
(function (S) {
  L.geoJSON({{ this.overlay.script_json }}, {interactive: false,
    style: function (f) { return (f.properties && f.properties.style) || S; }}).addTo({{ this._parent.get_name() }});
})({{ this.style_json }});
{% endmacro %}
""")

    def __init__(self, overlay: Overlay):
        super().__init__()
        self._name = "OverlayGeoJson"
        self.overlay = overlay
        self.style_json = script_json(_OVERLAY_STYLES.get(overlay.kind, _OVERLAY_STYLES["area"]))

    def render(self, **kwargs):
        self.get_root().script.add_child(_Verbatim(self._template.module.script(self, kwargs)), name=self.get_name())


def read_overlay(source: str | Path | bytes, name: str | None = None, kind: str = "area") -> Overlay:
    """A GeoJSON file (path or the bytes of an upload) as an Overlay; properties are dropped
    (the map shows none of them). Raises OverlayError naming the file and the problem."""
    label = name or (Path(source).name if not isinstance(source, bytes) else "uploaded file")
    try:
        raw = source if isinstance(source, bytes) else Path(source).read_bytes()
    except OSError as e:
        raise OverlayError(f"{source}: cannot read the overlay file ({e.strerror}); check the path") from e
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise OverlayError(f"{label}: not GeoJSON ({e}); pick a .geojson file") from e
    geoms = _geometries(data)
    if geoms is None:
        raise OverlayError(f"{label}: not GeoJSON (no FeatureCollection, Feature or geometry at the top); pick a .geojson file")
    if not geoms:
        raise OverlayError(f"{label}: the GeoJSON holds no geometry to draw")
    return Overlay(name=name or label, kind=kind,
                   data={"type": "FeatureCollection",
                         "features": [{"type": "Feature", "properties": {}, "geometry": g} for g in geoms]})


_GEOMETRY_TYPES = {"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"}


def _geometries(data) -> list | None:
    if not isinstance(data, dict):
        return None
    t = data.get("type")
    if t == "FeatureCollection" and isinstance(data.get("features"), list):
        return [f["geometry"] for f in data["features"]
                if isinstance(f, dict) and isinstance(f.get("geometry"), dict) and f["geometry"].get("type") in _GEOMETRY_TYPES]
    if t == "Feature":
        g = data.get("geometry")
        return [g] if isinstance(g, dict) and g.get("type") in _GEOMETRY_TYPES else []
    if t in _GEOMETRY_TYPES:
        return [data]
    return None


_OVERLAY_STYLES = {
    "area": {"color": "#8e1b1b", "weight": 1.5, "fillColor": "#b71c1c", "fillOpacity": 0.16, "opacity": 0.8},
    "boundaries": {"color": "#5f6368", "weight": 1, "fill": False, "opacity": 0.8},
}


@functools.lru_cache(maxsize=1)
def plain_basemap() -> Overlay:
    """Natural Earth land and borders around the theatre (shipped with the package) as an overlay."""
    from geo import basemap

    return Overlay(name=basemap.CREDIT, data=basemap.basemap(), kind="basemap")


def map_credits(settings: MapSettings, overlays: Sequence[Overlay] = ()) -> list[str]:
    """What the source line must name besides ISW and GeoNames: the basemap and overlay files."""
    from geo import basemap

    return ([basemap.CREDIT] if settings.tiles_url is None and settings.basemap else []) + [o.name for o in overlays]


def build_base_map(settings: MapSettings | None = None, overlays: Sequence[Overlay] = ()) -> folium.Map:
    """The constant map: tiles (or none), scale bar, title/legend/source boxes, overlays under the markers."""
    settings = settings or MapSettings()
    m = folium.Map(location=list(settings.center), zoom_start=settings.zoom, tiles=None, control_scale=True,
                   maxZoom=settings.max_zoom, minZoom=settings.min_zoom, zoom_control=True)
    if settings.tiles_url:
        folium.TileLayer(tiles=settings.tiles_url, attr=attribution_html(settings.attribution) or " ", name="Tiles",
                         max_zoom=settings.max_zoom, min_zoom=settings.min_zoom, control=False).add_to(m)
    if settings.tiles_url is None and settings.basemap:
        OverlayGeoJson(plain_basemap()).add_to(m)
    for ov in overlays:
        OverlayGeoJson(ov).add_to(m)
    MapFrame(settings.background).add_to(m)
    return m


def render_standalone_html(rows: Sequence[dict], view: View, settings: MapSettings | None = None,
                           overlays: Sequence[Overlay] = ()) -> str:
    """A full HTML page of the map for `view` (rows: every row; the view selects), with every
    script inlined, for downloads and `python -m geo snapshot`. Its <title> is the map title."""
    from geo import assets

    settings = settings or MapSettings()
    dates = views.report_dates(rows)
    shown = views.select(rows, view)
    m = build_base_map(settings, overlays)
    if view.center is not None or view.zoom is not None:
        m.location = list(view.center or settings.center)
        m.options["zoom"] = view.zoom if view.zoom is not None else settings.zoom
    claims_layer(shown, view, settings, dates=dates, overlay_names=[o.name for o in overlays if o.kind == "area"],
                 credits=map_credits(settings, overlays)).add_to(m)
    m.get_root().title = esc(map_title(view, dates))
    return assets.standalone_html(m)


__all__ = [
    "MapSettings", "Overlay", "build_base_map", "plain_basemap", "map_credits", "claims_layer", "claims_group", "render_standalone_html", "read_overlay",
    "feature", "feature_collection", "layer_payload", "payload_popup", "popup_html", "popup_parts", "legend_html", "map_title", "marker_svg",
    "safe_url", "script_json", "esc", "DEFAULT_TILES_URL", "DEFAULT_ATTRIBUTION",
]
