"""Airfields named by their town, which GeoNames lists under the town's bare name or as its "International Airport"
(sentences written for these tests)."""

import datetime as dt

from geo.models import Paragraph, Report
from geo.pipeline import extract
from geo.places.airfields import town_of_airfield


def _rows(text: str, gazetteer) -> dict:
    report = Report(dt.date(2022, 8, 2), "t", (Paragraph(text, "Southern axis"),))
    return {cp.resolution.mention.text: cp.resolution for cp in extract(report, gazetteer)}


def test_the_town_an_airfield_is_named_after():
    assert town_of_airfield("Melitopol airfield") == "Melitopol"
    assert town_of_airfield("Kherson International Airport") == "Kherson"
    assert town_of_airfield("Saky military air base") == "Saky"
    assert town_of_airfield("Azovstal Steel Plant") is None


def test_an_airfield_named_with_its_town_is_the_towns_airfield_row(full_gazetteer):
    got = _rows("Ukrainian rockets hit the Melitopol airfield early on August 1, according to local residents.", full_gazetteer)
    res = got["Melitopol airfield"]
    # GeoNames' "Melitopol" airfield (AIRP), 7 km from the town's centre, not the town
    assert res.place.geonameid == 11269918 and res.place.feature_code == "AIRP"
    got = _rows("Ukrainian drones reportedly struck the Kherson airport on August 1.", full_gazetteer)
    assert got["Kherson airport"].place.geonameid == 7731172  # "Kherson International Airport", by Chornobaivka


def test_a_town_named_after_an_airfield_word_is_put_at_its_airfield(full_gazetteer):
    got = _rows("Ukrainian aircraft struck Russian helicopters at an airfield near Melitopol on August 1.", full_gazetteer)
    res = got["Melitopol"]
    assert res.place.geonameid == 11269918 and res.precision == "feature"
    # a town with no airfield in GeoNames stays the town
    got = _rows("Ukrainian forces struck an airfield near Nova Kakhovka on August 1.", full_gazetteer)
    assert got["Nova Kakhovka"].place.geonameid == 699839
    # nor does "air" elsewhere in the sentence move a town
    got = _rows("Russian air strikes hit Melitopol on August 1.", full_gazetteer)
    assert got["Melitopol"].place.geonameid == 701404
