"""What the map says, as data and escaped HTML: marker symbols, titles, legend, popups, tooltips,
the source line, GeoJSON features, and the claims layer's payload. Pure: no Folium, no Streamlit.

Report text is untrusted. Every string that reaches HTML goes through `esc` (html.escape); URLs
become links only when they are absolute http(s) (`safe_url`); data embedded in a page's script
goes through `script_json`, which writes `<`, `>`, `&`, line separators and Jinja openers
(`{{`, `{%`, `{#`) as \\u escapes, so no text can close the script, start markup, or be run as
a template by folium/branca.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from geo.map import views
from geo.map.views import View

ACTOR_COLOURS = {"russia": "#b71c1c", "ukraine": "#2196f3"}
ACTOR_LABELS = {"russia": "Russian forces", "ukraine": "Ukrainian forces"}
KIND_LABELS = {"advance": "Advance", "attack": "Attack (no gain)", "strike": "Strike"}
KIND_PLURALS = {"advance": "advances", "attack": "attacks", "strike": "strikes"}
STATUS_LABELS = {"confirmed": "Confirmed by ISW", "claimed": "Claimed by a party"}
ISW_NAME = "Institute for the Study of War (ISW), Russian Offensive Campaign Assessment"
ISW_HOME = "https://www.understandingwar.org/"

_SHAPES = {
    "advance": '<path d="M10 1.5 L18.8 17.5 L1.2 17.5 Z"/>',
    "attack": '<path d="M10 0.8 L19.2 10 L10 19.2 L0.8 10 Z"/>',
    "strike": '<path d="M10 0.8 L12.6 7 L19.3 7.3 L14.1 11.6 L15.9 18.3 L10 14.6 L4.1 18.3 L5.9 11.6 L0.7 7.3 L7.4 7 Z"/>',
}
MARKER_PX = 20
REGION_RING = '<circle cx="10" cy="10" r="9.3" fill="none" stroke="#333" stroke-width="0.9" stroke-dasharray="1 1.6"/>'


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


_HEX_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")


def legend_html(rows: Sequence[dict], view: View, overlay_legend: Sequence[str | tuple[str, str]] = ()) -> str:
    """A key to what is shown: only the actors, kinds and statuses present, with their counts, then the
    overlays: a name (default area swatch) or a (colour, label) pair each."""
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
    for entry in overlay_legend:
        if isinstance(entry, str):
            swatch, label = '<span class="geo-swatch geo-swatch-area"></span>', entry
        else:
            colour, label = entry
            colour = colour if _HEX_COLOUR.match(colour or "") else "#888"
            swatch = f'<span class="geo-swatch" style="background:{colour}66;border:1.5px solid {colour}"></span>'
        lines.append(f'<div class="geo-legend-row">{swatch}<span>{esc(label)}</span></div>')
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
                  overlay_legend: Sequence[str | tuple[str, str]] = (), cluster_min: int = 500, uncluster_zoom: int = 10,
                  credits: Sequence[str] = ()) -> dict:
    """Everything the claims layer's script needs, as plain data (pure; `rows` are already selected).

    `dates` are the report dates the view's window refers to (default: those of `rows`);
    `overlay_legend` entries go in the legend (see `legend_html`), `credits` are named in the source line
    (the basemap and every overlay file).
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
        "legend": legend_html(rows, view, overlay_legend),
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
