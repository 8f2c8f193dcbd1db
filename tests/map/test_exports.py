"""geo.map.exports: the claims in view as CSV, GeoJSON and KML that other tools read back unchanged."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import xml.etree.ElementTree as ET

import pytest

from geo.map import exports, views
from geo.map.views import View

KML = "{http://www.opengis.net/kml/2.2}"
NASTY = "Russian forces advanced near <b>Chasiv</b> & \"Yar\" — Часів Яр ]]> <script>x</script>"


@pytest.fixture(scope="module")
def rows(tmp_path_factory, embedded_gazetteer):
    from geo.pipeline import ensure_sample_store

    with ensure_sample_store(tmp_path_factory.mktemp("store") / "claims.sqlite", embedded_gazetteer) as store:
        return store.claim_rows()


@pytest.fixture(scope="module")
def week(rows):
    shown = views.select(rows, View(date=dt.date(2024, 6, 19), window="7d"))
    return shown + [dict(shown[0], id=777, quote=NASTY, place="=HYPERLINK(\"http://x\")", claimant="-1+1")]


def test_csv_round_trip(week):
    back = list(csv.DictReader(io.StringIO(exports.to_csv(week))))
    assert len(back) == len(week)
    assert list(back[0]) == list(exports.CSV_KEYS)
    assert back[-1]["quote"] == NASTY  # the report's own words, not HTML
    assert back[-1]["place"] == "'=HYPERLINK(\"http://x\")"  # not a formula in a spreadsheet
    assert back[-1]["claimant"] == "'-1+1"
    chasiv = next(r for r in back if r["place"] == "Chasiv Yar")
    assert (chasiv["lat"], chasiv["lon"], chasiv["report_date"]) == ("48.58768", "37.83409", "2024-06-19")
    assert chasiv["endnote_urls"] == " ".join(next(r for r in week if r["place"] == "Chasiv Yar")["endnote_urls"])


def test_geojson_round_trip(week):
    fc = json.loads(exports.to_geojson(week))
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == len(week)
    assert fc["features"][-1]["properties"]["quote"] == NASTY
    assert all(f["geometry"]["type"] == "Point" and len(f["geometry"]["coordinates"]) == 2 for f in fc["features"])


def test_unplaced_rows_stay_out_of_map_formats(week):
    lost = dict(week[0], id=778, lat=None, lon=None)
    assert len(json.loads(exports.to_geojson(week + [lost]))["features"]) == len(week)
    assert len(ET.fromstring(exports.to_kml(week + [lost])).findall(f".//{KML}Placemark")) == len(week)
    assert len(list(csv.DictReader(io.StringIO(exports.to_csv(week + [lost]))))) == len(week) + 1  # the table keeps it


def test_kml_is_valid_xml_with_the_text_escaped(week):
    text = exports.to_kml(week, name="Claims <13–19 June 2024>")
    assert "<script>" not in text and "<b>Chasiv" not in text
    root = ET.fromstring(text.encode("utf-8"))
    doc = root.find(f"{KML}Document")
    assert doc.find(f"{KML}name").text == "Claims <13–19 June 2024>"
    marks = doc.findall(f"{KML}Placemark")
    assert len(marks) == len(week)
    last = marks[-1]
    # viewers render the description as HTML: once parsed as XML it is still escaped, so the balloon shows text
    description = last.find(f"{KML}description").text
    assert html.escape(NASTY, quote=True) in description and "<b>" not in description and "<script" not in description
    assert NASTY in html.unescape(description)
    assert last.find(f"{KML}name").text == "=HYPERLINK(\"http://x\")"
    lon, lat = map(float, marks[0].find(f".//{KML}coordinates").text.split(","))
    assert (lat, lon) == (week[0]["lat"], week[0]["lon"])
    assert marks[0].find(f"{KML}TimeStamp/{KML}when").text == week[0]["report_date"]
    styles = {s.get("id") for s in doc.findall(f"{KML}Style")}
    assert {m.find(f"{KML}styleUrl").text.lstrip("#") for m in marks} <= styles
    # styled by kind as well as actor and status: each placemark's style names all three, and kinds differ in shape
    for m, r in zip(marks, week):
        assert m.find(f"{KML}styleUrl").text == f"#{r['actor']}-{r['kind']}-{r['status']}"
    icons = {s.get("id"): s.find(f".//{KML}href").text for s in doc.findall(f"{KML}Style")}
    assert len({icons[f"russia-{k}-confirmed"] for k in ("advance", "attack", "strike")}) == 3
