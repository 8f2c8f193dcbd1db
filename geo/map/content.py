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
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from geo.map import labels, views
from geo.map.views import View, place_key

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
NEW_HALO = '<circle cx="10" cy="10" r="11.5" fill="#ffd600" fill-opacity="0.55" stroke="#f9a825" stroke-width="1.2"/>'
# Symbol size by the number of claims at a place in the window: (at least n claims, pixels).
SIZE_STEPS = ((1, MARKER_PX), (2, 24), (4, 28), (8, 32), (16, 36))
POPUP_CLAIMS = 25  # claims listed in full in a place's popup (newest first)
POPUP_BUDGET = 120_000  # characters of popup text per layer: wide windows list fewer claims per place in full


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
    "review", "place_source", "bearing", "front_date", "front_km", "front_note",
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


def marker_svg(actor: str, kind: str, status: str, region: bool = False, px: int = MARKER_PX, *,
               other: str | None = None, new: bool = False) -> str:
    """The symbol: colour = actor, shape = kind, solid = confirmed / hollow dashed = claimed; `other`: the
    other side also has claims at the place (a ring in its colour); `new`: a place new in this report (a halo)."""
    colour = ACTOR_COLOURS.get(actor, "#555")
    shape = _SHAPES.get(kind, '<circle cx="10" cy="10" r="8"/>')
    if status == "claimed":
        paint = f'fill="#fff" fill-opacity="0.9" stroke="{colour}" stroke-width="2.4" stroke-dasharray="3.2 1.8"'
    else:
        paint = f'fill="{colour}" stroke="#fff" stroke-width="1.3"'
    ring = REGION_RING if region else ""
    if other:
        ring += f'<circle cx="10" cy="10" r="10.6" fill="none" stroke="{ACTOR_COLOURS.get(other, "#555")}" stroke-width="1.6"/>'
    halo = NEW_HALO if new else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{px}" height="{px}" viewBox="-1 -1 22 22" '
            f'aria-hidden="true">{halo}<g {paint}>{shape}</g>{ring}</svg>')


def icon_key(row: dict, *, other: str | None = None, new: bool = False, n: int = 1) -> str:
    """The symbol of a place whose newest claim is `row`: actor, kind, status, region-level, the other side's
    ring, the new-place halo, and the size for `n` claims."""
    region = 1 if row.get("precision") == "region" else 0
    return f"{row.get('actor')}|{row.get('kind')}|{row.get('status')}|{region}|{other or '-'}|{int(new)}|{symbol_size(n)}"


def symbol_size(n: int) -> int:
    """Pixels of a place's symbol for `n` claims there (SIZE_STEPS)."""
    return max(px for least, px in SIZE_STEPS if n >= least) if n >= 1 else MARKER_PX


def _icons(keys: Iterable[str]) -> dict[str, dict]:
    out = {}
    for key in keys:
        actor, kind, status, region, other, new, px = key.split("|")
        other = None if other == "-" else other
        out[key] = {
            "html": marker_svg(actor, kind, status, region == "1", int(px), other=other, new=new == "1"),
            "cls": " ".join(f"geo-{esc(x)}" for x in (actor, kind, status)) + (" geo-region" if region == "1" else "")
                   + (" geo-both" if other else "") + (" geo-new" if new == "1" else ""),
            "size": int(px),
        }
    return out


# -- places: the claims of a window grouped by where they are -------------------------------


@dataclass(frozen=True)
class Place:
    """The claims at one place in a window, newest first; the newest sets the symbol."""

    key: str
    rows: tuple[dict, ...]

    @property
    def newest(self) -> dict:
        return self.rows[0]

    @property
    def n(self) -> int:
        return len(self.rows)

    @property
    def other(self) -> str | None:
        """The other side, when it also has claims here."""
        mine = self.newest.get("actor")
        return next((r.get("actor") for r in self.rows if r.get("actor") != mine), None)


def group_places(rows: Iterable[dict]) -> list[Place]:
    """Placed rows grouped by place (one symbol each), the places ordered oldest newest-claim first, so the
    most recent are drawn on top."""
    groups: dict[str, list[dict]] = {}
    for r in rows:
        if r.get("lat") is not None and r.get("lon") is not None:
            groups.setdefault(place_key(r), []).append(r)
    places = [Place(k, tuple(sorted(rs, key=lambda r: (r["report_date"], r.get("id") or 0), reverse=True)))
              for k, rs in groups.items()]
    places.sort(key=lambda p: (p.newest["report_date"], p.n, p.key))
    return places


def place_popup_parts(place: Place, limit: int = POPUP_CLAIMS) -> list[str]:
    """A place's popup in escaped HTML pieces: the place, then every claim there newest first (date, side,
    kind, status, quote, link to its ISW report; `limit` in full), then why the place was chosen. With
    `limit` 0 (a wide window over its budget) only the newest claim's facts and link, and how many more."""
    listed = limit > 0
    head = _place_part(place.newest)
    if place.n > 1:
        head = head[:-len("</div>")] + f' <span class="geo-pop-dim">· {place.n} claims</span></div>'
    parts = [head]
    for r in place.rows[:limit]:
        parts += [_claim_part(r), _source_part(r.get("source"), tuple(r.get("endnote_urls") or ()))]
    if limit == 0:  # over the layer's budget: the newest claim's facts and link; the quotes on a click
        r = place.newest
        parts += [_claim_part(r, quote=False), _source_part(r.get("source"), ())]
        limit = 1
    if place.n > limit:
        parts.append(f'<div class="geo-pop-more">…and {place.n - limit} older claim{"s" if place.n - limit != 1 else ""} '
                     "here in this window: clicking the place lists them all under the map</div>")
    if listed:
        parts.append(_meta_part(place.newest))
    return [part for part in parts if part]


def popup_plan(places: Sequence[Place], limit: int = POPUP_CLAIMS, budget: int = POPUP_BUDGET) -> dict[str, int]:
    """How many claims each place's popup lists in full: every place its newest claim, then one more claim per
    place in turn (newest first) while the popups' text stays within `budget` characters (about: the quote and
    a line of facts each), at most `limit`. A day or a week lists everything; the whole war lists the newest."""
    plan = {p.key: 0 for p in places}
    used = 0
    for p in reversed(places):  # the newest places first: each its newest claim, while the budget lasts
        cost = len(p.newest.get("quote") or "") + 260
        if used + cost > budget:
            return plan
        plan[p.key], used = 1, used + cost
    depth = 1
    while depth < limit:
        grew = False
        for p in places:
            if p.n > depth:
                cost = len(p.rows[depth].get("quote") or "") + 260
                if used + cost > budget:
                    return plan
                plan[p.key] = depth + 1
                used += cost
                grew = True
        if not grew:
            break
        depth += 1
    return plan


def place_tooltip(place: Place) -> str:
    return tooltip_text(place.newest) + (f" · {place.n} claims" if place.n > 1 else "")


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


def _claim_part(row: dict, quote: bool = True) -> str:
    actor = ACTOR_LABELS.get(row.get("actor"), row.get("actor"))
    status = row.get("status")
    claimant = row.get("claimant")
    what = f'{esc(row.get("report_date"))} · {esc(actor)} · {esc(KIND_LABELS.get(row.get("kind"), row.get("kind")))} · '
    what += esc(status) + (f" by {esc(claimant)}" if status == "claimed" and claimant else "")
    if claimant and status != "claimed":
        what += f" (per {esc(claimant)})"
    out = f'<div class="geo-pop-what">{what}</div>'
    if not quote:
        return out
    out += f'<blockquote class="geo-pop-quote">{esc(row.get("quote"))}</blockquote>'
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
    front = front_text(row)
    if front:
        meta.append(front)
    return '<div class="geo-pop-meta">' + "<br>".join(meta) + "</div>" if meta else ""


def front_text(row: dict) -> str:
    """The claim against the front line of its day, escaped: "<b>far from the front: check</b> (84 km ...)" for
    a ground claim farther than FAR_KM, the expected-far label for strikes and cross-border claims, else the
    plain distance; "" when the row was not measured."""
    from geo.places.frontline import CHECK_LABEL, front_check

    km, day = row.get("front_km"), row.get("front_date")
    if km is None:
        return ""
    where = f"{float(km):.0f} km from the front line of {esc(day)} (DeepStateMap)"
    check = front_check(row)
    if check == CHECK_LABEL:
        return f"<b>{esc(CHECK_LABEL)}</b>: {where}"
    return f"{where}; {esc(check)}" if check else where


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


def legend_html(rows: Sequence[dict], view: View, overlay_legend: Sequence[str | tuple[str, str]] = (), *,
                new_keys: Collection[str] = (), cluster: bool = False, places: Sequence[Place] | None = None) -> str:
    """A key to exactly what is drawn: one symbol per place, so the colours, shapes and fills are counted over
    the symbols (the newest claim at a place sets its symbol); the rings, halo, sizes, fading and clusters
    only when some symbol shows them; then the overlays (a name, or a (colour, label) pair each)."""
    places = group_places(rows) if places is None else places
    newest = [p.newest for p in places]
    actors = Counter(r.get("actor") for r in newest)
    kinds = Counter(r.get("kind") for r in newest)
    statuses = Counter(r.get("status") for r in newest)
    n_claims = sum(p.n for p in places)
    head = f'{n_claims:,} placed claim{"s" if n_claims != 1 else ""}'
    if len(places) != n_claims:
        head += f" at {len(places):,} place{'s' if len(places) != 1 else ''}"
    lines = [f'<div class="geo-legend-head">{head}</div>']

    def item(svg: str, label: str, n: int | None = None) -> str:
        return f'<div class="geo-legend-row">{svg}<span>{esc(label)}{f" ({n:,})" if n is not None else ""}</span></div>'

    for a in views.ACTORS:
        if actors.get(a):
            lines.append(item(f'<span class="geo-swatch" style="background:{ACTOR_COLOURS[a]}"></span>', ACTOR_LABELS[a], actors[a]))
    for k in views.KINDS:
        if kinds.get(k):
            lines.append(item(marker_svg("", k, "confirmed", px=14), KIND_LABELS[k], kinds[k]))
    for st in views.STATUSES:
        if statuses.get(st):
            lines.append(item(marker_svg("", "", st, px=14), STATUS_LABELS[st], statuses[st]))
    n_region = sum(1 for r in newest if r.get("precision") == "region")
    if n_region:
        lines.append(item(f'<svg width="14" height="14" viewBox="-1 -1 22 22">{REGION_RING}</svg>', "Region-level (drawn at region centre)", n_region))
    both = [p for p in places if p.other]
    if both:
        ring = f'<svg width="14" height="14" viewBox="-1 -1 22 22"><circle cx="10" cy="10" r="9" fill="none" stroke="#555" stroke-width="2.4"/></svg>'
        lines.append(item(ring, "Ring: the other side also has claims here", len(both)))
    fresh = [p for p in places if p.key in new_keys]
    if fresh:
        lines.append(item(f'<svg width="14" height="14" viewBox="-1 -1 22 22">{NEW_HALO}</svg>',
                          "New: not claimed in the 7 days before", len(fresh)))
    biggest = max((p.n for p in places), default=1)
    if biggest > 1:
        sizes = "".join(marker_svg("", "", "confirmed", px=px) for least, px in SIZE_STEPS if least <= biggest)
        lines.append(f'<div class="geo-legend-row geo-legend-sizes">{sizes}<span>{esc(f"Size: claims at the place (1 to {biggest})")}</span></div>')
    if view.window != "day" and rows:
        lines.append('<div class="geo-legend-note">Older claims are drawn fainter; the newest claim at a place sets its symbol</div>')
    if cluster:
        lines.append(item('<span class="geo-swatch geo-swatch-cluster"></span>',
                          "Cluster of nearby places: number = claims, ring = share by side; zoom in to separate"))
    for entry in overlay_legend:
        if isinstance(entry, str):
            swatch, label = '<span class="geo-swatch geo-swatch-area"></span>', entry
        else:
            colour, label = entry[0], entry[1]
            if len(entry) > 2 and entry[2] == "note":
                lines.append(f'<div class="geo-legend-note">{esc(label)}</div>')
                continue
            colour = colour if _HEX_COLOUR.match(colour or "") else "#888"
            swatch = f'<span class="geo-swatch" style="background:{colour}66;border:1.5px solid {colour}"></span>'
            if len(entry) > 2 and entry[2] in ("line", "dashed"):  # a line, not an area (the front line of a date)
                dash = ' stroke-dasharray="4 3"' if entry[2] == "dashed" else ""
                swatch = (f'<svg width="14" height="12" viewBox="0 0 14 12" aria-hidden="true"><line x1="0" y1="6" x2="14" '
                          f'y2="6" stroke="{colour}" stroke-width="2.5"{dash}/></svg>')
        lines.append(f'<div class="geo-legend-row">{swatch}<span>{esc(label)}</span></div>')
    filters = active_filters(view)
    if filters:
        lines.append(f'<div class="geo-legend-note">Filtered: {esc(filters)}</div>')
    return "".join(lines)


def active_filters(view: View) -> str:
    """The view's filters in words ("Russian forces; advances; claimant Russian MoD"), plain text."""
    parts = []
    for labels, values in ((ACTOR_LABELS, view.actors), (KIND_PLURALS, view.kinds), (STATUS_LABELS, view.statuses)):
        if values:
            parts.append(" / ".join(labels.get(v, v) for v in values))
    for label, values in (("claimant", view.claimants), ("axis", view.sections), ("oblast", view.oblasts)):
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


FRONT_STYLE = {
    "occupied": {"color": "#a52714", "weight": 0, "fillColor": "#a52714", "fillOpacity": 0.16},
    "unknown": {"color": "#8d6e63", "weight": 0, "fillColor": "#8d6e63", "fillOpacity": 0.22},
    "line": {"color": "#7f1d12", "weight": 2.2, "opacity": 0.9, "fill": False},
    "start": {"color": "#37474f", "weight": 1.8, "opacity": 0.85, "dashArray": "5 4", "fill": False},
}


def front_payload(end, start=None, end_day: dt.date | None = None, max_age: int = 14) -> dict:
    """The front line layer of a view, as plain data: the occupied area, grey zone and front line of `end` (the
    snapshot as of the window's end, a geo.places.frontline.Snapshot, or None), and the line of `start` (as of
    the window's start) dashed when it differs; the legend entries, the credit, and a note when no snapshot is
    recent enough."""
    from geo.places.frontline import CREDIT

    features, legend = [], []
    if end is not None:
        data = end.overlay_data()
        for f in data["features"]:
            f["properties"] = {"style": FRONT_STYLE[f["properties"]["status"]]}
        features.extend(data["features"])
        legend.append((FRONT_STYLE["occupied"]["fillColor"], f"Russian-occupied, DeepStateMap, as of {fmt_day(end.date)}"))
        if any(f["properties"]["style"] is FRONT_STYLE["unknown"] for f in features):
            legend.append((FRONT_STYLE["unknown"]["fillColor"], "Grey zone (status unknown), DeepStateMap"))
        legend.append((FRONT_STYLE["line"]["color"], f"Front line, {fmt_day(end.date)}", "line"))
        if start is not None and start.date != end.date and not start.line.is_empty:
            line = start.overlay_data()["features"][-1]
            line["properties"] = {"style": FRONT_STYLE["start"]}
            features.append(line)
            legend.append((FRONT_STYLE["start"]["color"], f"Front line, {fmt_day(start.date)} (window start)", "dashed"))
    note = None
    if end is None and end_day is not None:
        note = f"No DeepStateMap front line within {max_age} days before {fmt_day(end_day)}"
        legend.append(("", note, "note"))
    return {"data": {"type": "FeatureCollection", "features": features}, "legend": legend,
            "credit": f"front line: {CREDIT}" if end is not None else "", "note": note}


def view_front(series, view: View, dates: Sequence[dt.date]) -> dict | None:
    """`front_payload` for a view from a geo.places.frontline.FrontSeries (None without a series or a date)."""
    if series is None:
        return None
    bounds = window_bounds(view, dates)
    if bounds is None:
        return None
    start, end = bounds
    end_snap = series.on_or_before(end)
    start_snap = series.on_or_before(start) if view.window != "day" and start != end else None
    return front_payload(end_snap, start_snap, end, series.max_age)


def layer_payload(rows: Sequence[dict], view: View, dates: Sequence[dt.date] | None = None,
                  overlay_legend: Sequence[str | tuple[str, str]] = (), cluster_min: int = 500, uncluster_zoom: int = 10,
                  credits: Sequence[str] = (), new_keys: Collection[str] = ()) -> dict:
    """Everything the claims layer's script needs, as plain data (pure; `rows` are already selected).

    One feature per place (`group_places`): its symbol is the newest claim's (actor colour, kind shape,
    status fill), sized by the number of claims there, ringed when the other side has claims there too,
    haloed when its key is in `new_keys` (new since the previous report), fainter the older its newest
    claim; its popup lists every claim there. `dates` are the report dates the view's window refers to
    (default: those of `rows`); `overlay_legend` entries go in the legend (see `legend_html`), `credits`
    are named in the source line (the basemap and every overlay file).
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

    places = group_places(rows)
    listed = popup_plan(places, POPUP_CLAIMS, POPUP_BUDGET)
    for rank, place in enumerate(places):
        r = place.newest
        key = icon_key(r, other=place.other, new=place.key in new_keys, n=place.n)
        keys[key] = None
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(float(r["lon"]), 5), round(float(r["lat"]), 5)]},
            "properties": {
                "id": r.get("id"),
                "key": place.key,
                "n": place.n,
                "actor": r.get("actor"),
                "icon": key,
                "opacity": views.age_opacity(r["report_date"], end, bounds[0]) if bounds else 1.0,
                "z": rank,
                "tooltip": place_tooltip(place),
                "popup": [text_id(part) for part in place_popup_parts(place, listed[place.key])],
            },
        })
    cluster = len(features) > cluster_min
    title = map_title(view, dates)
    if view.around and view.radius_km:
        title += f" · {view.around}, {view.radius_km:g} km around"
    return {
        "date": end.isoformat() if end else None,
        "title": esc(title),
        "legend": legend_html(rows, view, overlay_legend, new_keys=new_keys, cluster=cluster, places=places),
        "source": source_line(rows, view, dates, credits),
        "icons": _icons(keys),
        "colours": ACTOR_COLOURS,
        "cluster": cluster,
        "unclusterZoom": uncluster_zoom,
        "size": MARKER_PX,
        "claims": sum(p.n for p in places),
        "texts": list(texts),  # escaped HTML fragments; a feature's popup lists the ones it joins
        "data": {"type": "FeatureCollection", "features": features},
        "briefing": view.briefing,
        "frame": {"bbox": list(view.bbox)} if view.bbox else ({"fit": True} if view.fit else None),
        "labels": labels.label_payload(rows, labels.towns(), view.bbox),  # raw text: the page sets textContent
    }


def payload_popup(payload: dict, feature: dict) -> str:
    """The popup HTML the page shows for `feature` of `payload` (the same join as the layer's script)."""
    return '<div class="geo-popup">' + "".join(payload["texts"][i] for i in feature["properties"]["popup"]) + "</div>"
