"""The claims in view as files for other tools: CSV (spreadsheets), GeoJSON (QGIS, ArcGIS), KML (Google Earth).

Pure functions of the store's row dicts. Text is written as it is in the report (exports are
data, not HTML); KML is XML, so every text node and attribute is XML-escaped there, and the
`<description>`, which viewers render as HTML in a balloon, is HTML-escaped first.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape as xml_escape

from geo.map.content import EXPORT_KEYS, feature_collection, safe_url

CSV_KEYS = EXPORT_KEYS[:7] + ("lat", "lon") + EXPORT_KEYS[7:]
# Google Earth's standard shapes, one per kind, as the map draws them: advance triangle, attack square, strike star.
KML_ICONS = {
    "advance": "http://maps.google.com/mapfiles/kml/shapes/triangle.png",
    "attack": "http://maps.google.com/mapfiles/kml/shapes/placemark_square.png",
    "strike": "http://maps.google.com/mapfiles/kml/shapes/star.png",
}
KML_STYLES = {
    # KML colours are aabbggrr.
    ("russia", "confirmed"): "ff1c1cb7",
    ("russia", "claimed"): "991c1cb7",
    ("ukraine", "confirmed"): "fff39621",
    ("ukraine", "claimed"): "99f39621",
}


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _spreadsheet_safe(text: str) -> str:
    """Keep spreadsheets from running report text as a formula (=, +, -, @ at the start)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_number(text) else text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def to_csv(rows: Iterable[dict]) -> str:
    """Every row (placed or not) as CSV with a header; lists are space-separated."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_KEYS)
    for r in rows:
        w.writerow([_spreadsheet_safe(_cell(r.get(k))) for k in CSV_KEYS])
    return out.getvalue()


def to_geojson(rows: Iterable[dict]) -> str:
    """The placed rows as a GeoJSON FeatureCollection (RFC 7946, lon/lat)."""
    return json.dumps(feature_collection(rows), ensure_ascii=False, indent=1)


def _kml_text(value) -> str:
    return xml_escape(_cell(value), {'"': "&quot;", "'": "&apos;"})


def _kml_html(lines: Sequence[str]) -> str:
    """Text for a KML `<description>`, which Google Earth and other viewers render as HTML in the balloon:
    HTML-escaped (line breaks as <br>), then XML-escaped, so the balloon shows the report's words, never markup."""
    return _kml_text("<br>".join(html.escape(line, quote=True) for line in lines))


def to_kml(rows: Sequence[dict], name: str = "ISW-reported claims") -> str:
    """The placed rows as KML 2.2 placemarks, styled by actor and status, with the quote as description."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<kml xmlns="http://www.opengis.net/kml/2.2">',
        "<Document>",
        f"<name>{_kml_text(name)}</name>",
    ]
    for (actor, status), colour in KML_STYLES.items():
        for kind, icon in KML_ICONS.items():  # colour: actor (fainter when only claimed); shape: kind
            lines.append(
                f'<Style id="{actor}-{kind}-{status}"><IconStyle><color>{colour}</color><scale>1.0</scale>'
                f"<Icon><href>{icon}</href></Icon></IconStyle></Style>"
            )
    for r in rows:
        if r.get("lat") is None or r.get("lon") is None:
            continue
        style = (f"{r.get('actor')}-{r.get('kind')}-{r.get('status')}"
                 if (r.get("actor"), r.get("status")) in KML_STYLES and r.get("kind") in KML_ICONS else None)
        desc = [f"{r.get('report_date')} · {r.get('actor')} · {r.get('kind')} · {r.get('status')}"
                + (f" ({r.get('claimant')})" if r.get("claimant") else ""), "", _cell(r.get("quote"))]
        src = r.get("source")
        if src and safe_url(src):
            desc += ["", f"Source: {src}"]
        lines += [
            "<Placemark>",
            f"<name>{_kml_text(r.get('place'))}</name>",
            f"<description>{_kml_html(desc)}</description>",
            f"<TimeStamp><when>{_kml_text(r.get('report_date'))}</when></TimeStamp>",
            f"<styleUrl>#{style}</styleUrl>" if style else "",
            "<ExtendedData>",
            *(f'<Data name="{k}"><value>{_kml_text(r.get(k))}</value></Data>'
              for k in ("id", "kind", "actor", "status", "claimant", "admin1", "geonameid", "precision", "section", "source")),
            "</ExtendedData>",
            f"<Point><coordinates>{float(r['lon']):.5f},{float(r['lat']):.5f}</coordinates></Point>",
            "</Placemark>",
        ]
    lines += ["</Document>", "</kml>", ""]
    return "\n".join(line for line in lines if line)


__all__ = ["to_csv", "to_geojson", "to_kml", "CSV_KEYS"]
