"""A small map of one review item: its options, numbered as in the queue's table, and the other places of
its sentence (grey). It carries no text but those numbers: names and quotes stay in the table, where the
page escapes them. One self-contained HTML page (scripts inlined), so it needs no network."""

from __future__ import annotations

from collections.abc import Sequence

import folium

from geo.map import assets
from geo.map.folium_map import MapSettings, build_base_map

OPTION_STYLE = ("background:#b71c1c;color:#fff;border:2px solid #fff;border-radius:50%;width:22px;height:22px;"
                "line-height:18px;text-align:center;font:bold 12px sans-serif;box-shadow:0 0 3px #000;")
CURRENT_STYLE = OPTION_STYLE.replace("#b71c1c", "#0d47a1")


def candidates_map_html(options: Sequence, others: Sequence[tuple[float, float]] = (), settings: MapSettings | None = None,
                        height: int = 300) -> str:
    """`options`: objects with `lat`, `lon` and `current` (geo.places.review.Option); `others`: the other
    placed places of the sentence."""
    settings = settings or MapSettings(tiles_url=None, attribution="")
    m = build_base_map(settings)
    m.get_root().height = f"{height}px"
    points = []
    for lat, lon in others:
        folium.CircleMarker([float(lat), float(lon)], radius=5, color="#555", weight=1, fill=True, fill_color="#999",
                            fill_opacity=0.9).add_to(m)
        points.append((float(lat), float(lon)))
    for n, o in enumerate(options, 1):
        style = CURRENT_STYLE if getattr(o, "current", False) else OPTION_STYLE
        folium.Marker([float(o.lat), float(o.lon)], icon=folium.DivIcon(html=f'<div class="geo-option" style="{style}">{int(n)}</div>',
                                                                         icon_size=(22, 22), icon_anchor=(11, 11))).add_to(m)
        points.append((float(o.lat), float(o.lon)))
    if len(points) == 1:
        m.location, m.options["zoom"] = list(points[0]), 9
    elif points:
        lats, lons = [p[0] for p in points], [p[1] for p in points]
        m.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]], padding=(20, 20), max_zoom=11)
    return assets.standalone_html(m)
