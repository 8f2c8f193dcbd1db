"""Place labels on the map: each placed claim's place as the report spelled it, and the towns that orient
a reader (oblast centres, the large towns near the claims).

Which labels there are and in what order they win is decided here (pure Python, no Folium):
`label_payload(rows, towns, bbox)`. Where each goes is decided in the page, where the zoom and the
pixel sizes are known: `LABELS_JS` places them greedily in that order, trying eight positions around
the point (then further out, with a leader line, for a claim), never over a marker, another label,
the map's title, legend, source line or scale bar, nor outside the map. A label that finds no free
spot is left out (the pane's data-crowded counts the claims left unlabelled at that zoom: zoom in or
frame a sector, and every claim has its label). It runs again after every zoom or move, and the labels are
part of the map (a screenshot or `python -m geo snapshot` has them).

The towns come in as data (`towns()`: GeoNames places of 10,000+ people and administrative seats of
Ukraine and the Russian border regions, shipped in geo/map/data/towns.json by
geo/map/data/build_basemap.py).
"""

from __future__ import annotations

import functools
import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from geo.errors import GeoError

TOWNS_FILE = Path(__file__).resolve().parent / "data" / "towns.json"
MAX_TOWNS = 120  # candidates sent to the page; the placement keeps those in view that fit
TOWN_NEAR_CLAIM_KM = 3.0  # a town this close to a labelled claim of the same name is that claim's label


@dataclass(frozen=True)
class Town:
    name: str
    lat: float
    lon: float
    population: int = 0
    rank: str = "town"  # capital | oblast | raion | town


@functools.lru_cache(maxsize=2)
def towns(path: Path = TOWNS_FILE) -> tuple[Town, ...]:
    """The shipped orienting towns, biggest first."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return tuple(Town(str(n), float(la), float(lo), int(p), str(r)) for n, la, lo, p, r in data["towns"])
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise GeoError(f"{path}: cannot read the towns of the map labels ({e}); reinstall the package") from e


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return math.hypot((lat1 - lat2) * 111.2, (lon1 - lon2) * 111.2 * math.cos(math.radians((lat1 + lat2) / 2)))


def claim_labels(rows: Iterable[dict]) -> list[dict]:
    """One label per marker position: the place as the report wrote it (two spellings joined when
    reports differ), most-reported first."""
    spots: dict[tuple[float, float], dict] = {}
    # the rows counted by (position, name) first: a window of the whole war repeats a few thousand of them
    for (lat, lon, place), n in Counter((r.get("lat"), r.get("lon"), r.get("place")) for r in rows).items():
        if lat is None or lon is None or not place:
            continue
        lat, lon = round(float(lat), 5), round(float(lon), 5)
        spot = spots.setdefault((lat, lon), {"lat": lat, "lon": lon, "names": {}, "n": 0})
        name = " ".join(str(place).split())[:60]
        spot["names"][name] = spot["names"].get(name, 0) + n
        spot["n"] += n
    out = []
    for spot in sorted(spots.values(), key=lambda s: (-s["n"], s["lat"], s["lon"])):
        names = sorted(spot["names"], key=lambda n: -spot["names"][n])
        out.append({"lat": spot["lat"], "lon": spot["lon"], "text": " / ".join(names[:2]), "kind": "claim"})
    return out


def area_of(rows: Sequence[dict], bbox: tuple[float, float, float, float] | None,
            pad: float = 0.5) -> tuple[float, float, float, float] | None:
    """The area whose towns orient the reader: `bbox`, else the claims' bounds grown by `pad` of their size
    (at least 0.8 degrees each way: the map frames more than the claims); None with neither."""
    if bbox is not None:
        return bbox
    pts = [(float(r["lon"]), float(r["lat"])) for r in rows if r.get("lat") is not None and r.get("lon") is not None]
    if not pts:
        return None
    w, e = min(x for x, _ in pts), max(x for x, _ in pts)
    s, n = min(y for _, y in pts), max(y for _, y in pts)
    dx, dy = max((e - w) * pad, 0.8), max((n - s) * pad, 0.8)
    return (w - dx, s - dy, e + dx, n + dy)


def orienting_towns(all_towns: Iterable[Town], claims: Sequence[dict], area: tuple[float, float, float, float] | None,
                    limit: int = MAX_TOWNS) -> list[dict]:
    """The towns inside `area` worth a label, most important first: the capital and oblast centres, then
    by population. A town a claim label already names (same name within TOWN_NEAR_CLAIM_KM) is left out."""
    if area is None:
        return []
    w, s, e, n = area
    # the claim labels by grid cell (GRID_DEG: a cell is wider than TOWN_NEAR_CLAIM_KM at any latitude shown),
    # so a town is compared only with the claims of its own and the eight neighbouring cells
    named: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
    for c in claims:
        named.setdefault(_cell(c["lat"], c["lon"]), []).append((c["lat"], c["lon"], c["text"].casefold()))
    order = {"capital": 0, "oblast": 1, "raion": 2, "town": 2}
    picked = []
    for t in all_towns:
        if not (w <= t.lon <= e and s <= t.lat <= n):
            continue
        if named and _named_near(t, named):
            continue
        picked.append(t)
    picked.sort(key=lambda t: (order.get(t.rank, 2), -t.population))
    return [{"lat": t.lat, "lon": t.lon, "text": t.name, "kind": "town",
             "big": t.rank in ("capital", "oblast") or t.population >= 100_000} for t in picked[:limit]]


GRID_DEG = 0.1  # 11 km north-south, 3.8 km east-west even at 70° N: more than TOWN_NEAR_CLAIM_KM


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / GRID_DEG), math.floor(lon / GRID_DEG)


def _named_near(town: Town, named: dict[tuple[int, int], list[tuple[float, float, str]]]) -> bool:
    """Whether a claim label within TOWN_NEAR_CLAIM_KM of `town` names it."""
    i, j = _cell(town.lat, town.lon)
    name = town.name.casefold()
    for di in (-1, 0, 1):
        for dj in (-1, 0, 1):
            for la, lo, text in named.get((i + di, j + dj), ()):
                if name in text and _km(town.lat, town.lon, la, lo) < TOWN_NEAR_CLAIM_KM:
                    return True
    return False


def label_payload(rows: Sequence[dict], all_towns: Iterable[Town] = (),
                  bbox: tuple[float, float, float, float] | None = None) -> list[dict]:
    """Every label the page should place, in the order they win a spot: claims, then orienting towns.
    Texts are raw (the page sets them as text, never as HTML)."""
    claims = claim_labels(rows)
    # the claims' area from their label positions (one per marker position) rather than from every row
    return claims + orienting_towns(all_towns, claims, area_of(claims or rows, bbox))


# The placement, run in the page. `geoLabels(map, labels, markerPx)` (re)draws the labels in their own
# pane; obstacles are the claim markers (at their map positions), the furniture (.geo-title, .geo-legend, .geo-source,
# .leaflet-control-scale) and the labels already placed. Text goes in with textContent.
LABELS_JS = r"""
(function () {
  if (window.geoLabels) { return; }
  var FONT_CLAIM = '600 12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  var FONT_TOWN = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  var FONT_BIG = '600 13px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  var canvas = document.createElement('canvas').getContext('2d');
  function width(text, font) { canvas.font = font; return Math.ceil(canvas.measureText(text).width); }
  function hit(a, b) { return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h; }
  function Grid() { this.cells = {}; }
  Grid.prototype.keys = function (r) {
    var out = [], x0 = Math.floor(r.x / 64), x1 = Math.floor((r.x + r.w) / 64), y0 = Math.floor(r.y / 64), y1 = Math.floor((r.y + r.h) / 64);
    for (var i = x0; i <= x1; i++) { for (var j = y0; j <= y1; j++) { out.push(i + ',' + j); } }
    return out;
  };
  Grid.prototype.add = function (r) { var c = this.cells; this.keys(r).forEach(function (k) { (c[k] = c[k] || []).push(r); }); };
  Grid.prototype.free = function (r) {
    var c = this.cells, ks = this.keys(r);
    for (var i = 0; i < ks.length; i++) { var l = c[ks[i]] || []; for (var j = 0; j < l.length; j++) { if (hit(r, l[j])) { return false; } } }
    return true;
  };
  function boxes(map, selector) {
    var base = map.getContainer().getBoundingClientRect(), out = [];
    map.getContainer().querySelectorAll(selector).forEach(function (el) {
      var r = el.getBoundingClientRect();
      if (r.width && r.height && getComputedStyle(el).display !== 'none') {
        out.push({x: r.left - base.left - 2, y: r.top - base.top - 2, w: r.width + 4, h: r.height + 4});
      }
    });
    return out;
  }
  // the claim markers' boxes where the map puts them, not where the page draws them now: after an animated zoom
  // the icons are still gliding to their places when the map says it has moved
  function markers(map) {
    var out = [];
    map.eachLayer(function (l) {
      var icon = l instanceof L.Marker && l.options.icon && l.options.icon.options;
      if (!icon || !/(^| )geo-claim( |$)/.test(icon.className || '')) { return; }
      var p = map.latLngToContainerPoint(l.getLatLng()), s = L.point(icon.iconSize || [0, 0]),
          a = icon.iconAnchor ? L.point(icon.iconAnchor) : s.divideBy(2);
      out.push({x: p.x - a.x - 2, y: p.y - a.y - 2, w: s.x + 4, h: s.y + 4});
    });
    return out;
  }
  window.geoLabels = function (map, labels, markerPx) {
    var pane = map.getPane('geo-labels') || map.createPane('geo-labels');
    pane.style.zIndex = 590; pane.style.pointerEvents = 'none';
    pane.innerHTML = '';
    var size = map.getSize(), grid = new Grid(), half = (markerPx || 20) / 2, t0 = (window.performance || Date).now();
    markers(map).forEach(function (b) { grid.add(b); });
    boxes(map, '.geo-title, .geo-legend, .geo-source, .leaflet-control-scale, .leaflet-control-zoom, .geo-exit').forEach(function (b) { grid.add(b); });
    var inside = {x: 2, y: 2, w: size.x - 4, h: size.y - 4};
    var placed = 0, dropped = 0, crowded = 0;
    labels.forEach(function (l) {
      var p = map.latLngToContainerPoint([l.lat, l.lon]);
      if (p.x < -50 || p.y < -50 || p.x > size.x + 50 || p.y > size.y + 50) { return; }
      var claim = l.kind === 'claim', font = claim ? FONT_CLAIM : (l.big ? FONT_BIG : FONT_TOWN);
      var w = width(l.text, font) + 6, h = claim ? 16 : (l.big ? 17 : 15), gap = claim ? half + 2 : 4;
      var dot = claim ? null : {x: p.x - 3, y: p.y - 3, w: 6, h: 6};
      if (dot && !grid.free(dot)) { dropped++; return; }
      var spots = [], rings = claim ? [0, 12, 26, 42, 60, 80] : [0];
      rings.forEach(function (d) {
        var g = gap + d;
        spots.push([p.x + g, p.y - h / 2], [p.x - g - w, p.y - h / 2], [p.x - w / 2, p.y - g - h], [p.x - w / 2, p.y + g],
                   [p.x + g * 0.7, p.y - g * 0.7 - h], [p.x + g * 0.7, p.y + g * 0.7], [p.x - g * 0.7 - w, p.y - g * 0.7 - h],
                   [p.x - g * 0.7 - w, p.y + g * 0.7]);
      });
      var pick = null, ring = 0;
      for (var i = 0; i < spots.length; i++) {
        var r = {x: spots[i][0], y: spots[i][1], w: w, h: h};
        if (r.x >= inside.x && r.y >= inside.y && r.x + r.w <= inside.x + inside.w && r.y + r.h <= inside.y + inside.h && grid.free(r)) {
          pick = r; ring = Math.floor(i / 8); break;
        }
      }
      if (!pick) {  // no free spot at this zoom: left out (a town), counted as crowded (a claim)
        if (claim) { crowded++; } else { dropped++; }
        return;
      }
      grid.add(pick);
      var el = L.DomUtil.create('div', 'geo-label ' + (claim ? 'geo-label-claim' : 'geo-label-town') + (l.big ? ' geo-label-big' : ''), pane);
      el.textContent = l.text;
      var at = map.containerPointToLayerPoint([pick.x, pick.y]);
      L.DomUtil.setPosition(el, at);
      el.style.width = w + 'px'; el.style.height = h + 'px'; el.style.lineHeight = h + 'px';
      if (ring > 0) {  // a leader line from the marker's edge to the label
        var cx = pick.x + w / 2, cy = pick.y + h / 2, dx = cx - p.x, dy = cy - p.y, len = Math.sqrt(dx * dx + dy * dy) || 1;
        var line = L.DomUtil.create('div', 'geo-label-leader', pane), x0 = p.x + dx / len * half, y0 = p.y + dy / len * half;
        var ex = pick.x + (dx > w / 2 ? 0 : dx < -w / 2 ? w : w / 2), ey = pick.y + (dy > h / 2 ? 0 : dy < -h / 2 ? h : h / 2);
        var lx = ex - x0, ly = ey - y0;
        L.DomUtil.setPosition(line, map.containerPointToLayerPoint([x0, y0]));
        line.style.width = Math.sqrt(lx * lx + ly * ly) + 'px';
        line.style.transform += ' rotate(' + Math.atan2(ly, lx) + 'rad)';
      }
      if (dot) {
        var d = L.DomUtil.create('div', 'geo-town-dot' + (l.big ? ' geo-town-dot-big' : ''), pane);
        L.DomUtil.setPosition(d, map.containerPointToLayerPoint([p.x - 3, p.y - 3]));
        grid.add(dot);
      }
      placed++;
    });
    pane.dataset.placed = placed; pane.dataset.dropped = dropped; pane.dataset.crowded = crowded;
    pane.dataset.ms = Math.round((window.performance || Date).now() - t0);
    return {placed: placed, dropped: dropped, crowded: crowded};
  };
})();
"""

LABELS_CSS = """
.geo-label { position: absolute; white-space: nowrap; text-align: center; color: #1d1d1b; pointer-events: none;
  text-shadow: -1px -1px 0 #fff, 1px -1px 0 #fff, -1px 1px 0 #fff, 1px 1px 0 #fff, 0 0 3px #fff; box-sizing: border-box; }
.geo-label-claim { font: 600 12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; }
.geo-label-town { font: 11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #44423d; }
.geo-label-town.geo-label-big { font: 600 13px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #2f2d29; }
.geo-town-dot { position: absolute; width: 6px; height: 6px; border-radius: 50%; background: #fff; border: 1.5px solid #55524b;
  box-sizing: border-box; pointer-events: none; }
.geo-town-dot-big { background: #55524b; }
.geo-label-leader { position: absolute; height: 1px; background: #555; transform-origin: 0 0; pointer-events: none; }
"""

# The frame of the map, run by the claims layer once it is drawn: `geoFrame(map, P, layer)`.
# - briefing (P.briefing): the class geo-briefing on the map (no zoom buttons, no Leaflet attribution
#   box; the map fills its window), fractional zoom for a snug fit;
# - framing (P.frame): fit the sector's box ({bbox: [w, s, e, n]}) or the claims ({fit: true}) into the
#   part of the map that the title (top), the legend (right) and the source line and scale bar
#   (bottom) leave free, so none of them covers a claim; done once per frame, not on every redraw;
# - tiles are credited in the source line (and Leaflet's attribution) only once one has loaded;
# - labels: geoLabels after every zoom, move and resize;
# - an open popup dims the title and legend, so they do not hide it.
LAYOUT_JS = r"""
(function () {
  if (window.geoFrame) { return; }
  function rect(map, sel) {
    var el = map.getContainer().querySelector(sel);
    if (!el || !el.offsetParent) { return null; }
    var b = map.getContainer().getBoundingClientRect(), r = el.getBoundingClientRect();
    return r.width && r.height ? {left: r.left - b.left, top: r.top - b.top, right: r.right - b.left, bottom: r.bottom - b.top,
                                  width: r.width, height: r.height} : null;
  }
  function padding(map, markerPx) {
    var size = map.getSize(), m = (markerPx || 20) / 2 + 8;
    var title = rect(map, '.geo-title'), legend = rect(map, '.geo-legend'), source = rect(map, '.geo-source'),
        scale = rect(map, '.leaflet-control-scale');
    var top = title ? title.bottom : 0, right = legend ? size.x - legend.left : 0, bottom = 0;
    [source, scale].forEach(function (r) { if (r) { bottom = Math.max(bottom, size.y - r.top); } });
    // furniture that would leave the claims less than a third of the map (a window too small for it) is
    // framed around, not padded out: Leaflet would zoom to its maximum for a box of no size
    if (size.x - right - 2 * m < size.x / 3) { right = 0; }
    if (size.y - top - bottom - 2 * m < size.y / 3) { top = 0; bottom = 0; }
    return {tl: [m, top + m], br: [right + m, bottom + m]};
  }
  // The map can be framed once Leaflet's style sheet applies (it puts the legend and source line in the map's
  // corners; a host page may add it after the layer script has run, as streamlit-folium does, and until then
  // they are blocks across the whole map) and no zoom is being animated (Leaflet drops a new view asked for
  // during one: streamlit-folium animates to its own view on its first render)
  function settled(map) {
    var corner = map.getContainer().querySelector('.leaflet-bottom');
    return (!corner || getComputedStyle(corner).position === 'absolute') && !map._animatingZoom;
  }
  function whenSettled(map, then) {
    var waited = 0;
    (function check() {
      if (settled(map) || waited >= 10000) { then(); return; }
      waited += 25; setTimeout(check, 25);
    })();
  }
  function creditTiles(map) {
    map.eachLayer(function (l) {
      if (!(l instanceof L.TileLayer) || l.__geoCredit !== undefined) { return; }
      var a = l.getAttribution ? l.getAttribution() : null;
      l.__geoCredit = a || '';
      if (!a) { return; }
      if (map.attributionControl) { map.attributionControl.removeAttribution(a); }
      l.options.attribution = null;
      function credit() {
        if (l.__geoCredited) { return; }
        l.__geoCredited = true;
        if (map.attributionControl) { map.attributionControl.addAttribution(a); }
        var src = map.getContainer().querySelector('.geo-source');
        if (src) {
          var tmp = document.createElement('div'); tmp.innerHTML = a;
          var span = document.createElement('span'); span.className = 'geo-source-tiles';
          span.textContent = ' · tiles: ' + tmp.textContent; src.appendChild(span);
        }
      }
      l.on('tileload', credit);
      if (map.getContainer().querySelector('img.leaflet-tile-loaded')) { credit(); }
    });
  }
  window.geoFrame = function (map, P, layer) {
    var box = map.getContainer();
    box.classList.toggle('geo-briefing', !!P.briefing);
    if (P.briefing) {
      map.options.zoomSnap = 0.25;
      map.invalidateSize(false);
    }
    creditTiles(map);
    var key = JSON.stringify(P.frame || null) + (P.briefing ? 'b' : '');
    if (P.frame && box.__geoFrameKey !== key) {
      box.__geoFrameKey = key;
      var bounds = null;
      if (P.frame.bbox) {
        var f = P.frame.bbox;
        bounds = L.latLngBounds([[f[1], f[0]], [f[3], f[2]]]);
      } else if (layer.getLayers().length) {
        bounds = layer.getBounds();
      }
      if (bounds && bounds.isValid()) {
        var fit = function () {
          var pad = padding(map, P.size);
          map.fitBounds(bounds, {paddingTopLeft: pad.tl, paddingBottomRight: pad.br, animate: false,
                                 maxZoom: P.frame.bbox ? map.getMaxZoom() : 12});
        };
        fit();
        // a host page may set its own view right after the layer is added (streamlit-folium does, on its
        // first render), and its style sheets may not be applied yet: frame again once the map is settled; the
        // page counts as drawn after that (__geoFramed)
        window.__geoFramed = false;
        setTimeout(function () { whenSettled(map, function () { fit(); relabel(map); window.__geoFramed = true; }); }, 0);
      }
    }
    map.__geoLabelData = {labels: P.labels || [], size: P.size, cluster: P.cluster, unclusterZoom: P.unclusterZoom};
    if (!map.__geoLabelBound) {
      map.__geoLabelBound = true;
      map.on('zoomend moveend resize', function () { relabel(map); });
      map.on('popupopen', function () { box.classList.add('geo-popup-open'); });
      map.on('popupclose', function () { box.classList.remove('geo-popup-open'); });
    }
    return relabel(map);
  };
  function relabel(map) {
    var d = map.__geoLabelData;
    if (!d || !window.geoLabels) { return null; }
    var labels = d.labels;
    if (d.cluster && map.getZoom() < d.unclusterZoom) {  // markers inside clusters are not drawn: no label
      labels = labels.filter(function (l) { return l.kind !== 'claim'; });
    }
    return window.geoLabels(map, labels, d.size);
  }
})();
"""

LAYOUT_CSS = """
.leaflet-container.geo-briefing { height: 100vh !important; width: 100vw !important; }
.geo-briefing .leaflet-control-zoom, .geo-briefing .leaflet-control-attribution,
.geo-briefing .leaflet-control-layers { display: none !important; }
.geo-briefing .leaflet-bottom .leaflet-control { margin-bottom: 6px; }
.geo-briefing .geo-source { max-width: min(520px, 45vw); }
.geo-popup-open .geo-title, .geo-popup-open .geo-legend { opacity: .25; transition: opacity .2s; }
"""

__all__ = ["Town", "towns", "claim_labels", "orienting_towns", "area_of", "label_payload", "LABELS_JS", "LABELS_CSS", "LAYOUT_JS", "LAYOUT_CSS", "locate_place"]


def locate_place(name: str, gazetteer=None) -> tuple[float, float, str]:
    """(lat, lon, name as found) of a place a user names for a sector: "lat,lon"; a town of the shipped
    list (the biggest of that name); else the gazetteer's populated place of that name with the most
    people, or its region ("Kursk Oblast"). Raises GeoError saying what was tried."""
    text = " ".join((name or "").split())
    if not text:
        raise GeoError("no place given: name a town (e.g. Kherson) or give lat,lon")
    parts = text.replace(" ", "").split(",")
    if len(parts) == 2:
        try:
            lat, lon = float(parts[0]), float(parts[1])
        except ValueError:
            pass
        else:
            if -85 <= lat <= 85 and -180 <= lon <= 180:
                return lat, lon, f"{lat:.3f},{lon:.3f}"
    folded = text.casefold()
    for t in towns():  # biggest first
        if t.name.casefold() == folded:
            return t.lat, t.lon, t.name
    if gazetteer is not None:
        found = [c.place for c in gazetteer.lookup(text, fuzzy=False)]
        settled = sorted((p for p in found if p.feature_class == "P"), key=lambda p: -p.population)
        regions = [p for p in found if p.feature_class == "A"]
        best = settled[0] if settled else (regions[0] if regions else None)
        if best is not None:
            return best.lat, best.lon, text
    raise GeoError(f"{text!r}: no town of that name in the map's town list"
                   f"{' or the gazetteer' if gazetteer is not None else ''}; check the spelling or give lat,lon")
