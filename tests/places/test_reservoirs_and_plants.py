"""Reservoirs named in English and power plants named after a town they do not stand in (sentences written for
these tests)."""

import datetime as dt
from functools import partial

from geo.places.reservoirs import reservoirs_named, root
from tests.places.test_namesakes import placed as placed_on

placed = partial(placed_on, date=dt.date(2022, 9, 10), section="Eastern axis")


def test_a_reservoir_named_in_english_is_the_reservoir_not_the_village_named_so(full_gazetteer):
    got = placed("Russian artillery hit a pumping station on the Oskil Reservoir on September 9.", full_gazetteer)
    res = got["Oskil Reservoir"]
    # GeoNames' Chervonooskilske Vodoskhovyshche (a reservoir row), not the village of Oskil
    assert res.place.geonameid == 704366 and res.place.feature_code == "RSV"
    got = placed("Russian forces shelled Ukrainian boats on the Kakhovske Reservoir on September 9.", full_gazetteer)
    assert got["Kakhovske Reservoir"].place.geonameid == 707242  # not the town of Kakhovka, 60 km downstream


def test_a_reservoir_is_found_by_the_root_of_its_name_in_either_spelling(full_gazetteer):
    assert root("Pechenizke Vodoskhovyshche") == root("Pechenizke") != ""
    assert root("Kakhovka") == root("Kakhovske Vodoskhovyshche")
    ids = lambda name: [c.place.geonameid for c in reservoirs_named(full_gazetteer, name)]
    assert ids("Mironovskyi reservoir") == ids("Myronivskyi Reservoir") == [9116673]  # Russian and Ukrainian spelling
    assert ids("Kyiv Reservoir") == [547890]  # a short root is not the end of a longer one (Khanzhenkivske)
    assert ids("Avdiivka Coke Plant") == [] and ids("Zhovtneve Reservoir") == []  # no reservoir of that name


def test_a_power_plant_named_after_a_town_is_in_the_town_it_stands_in(full_gazetteer):
    got = placed("Russian forces shelled the Sloviansk TPP overnight on September 9, cutting power to Sloviansk.",
                 full_gazetteer)
    plant = got["Sloviansk TPP"]
    assert plant.place.name == "Mykolaivka" and plant.place.admin1 == "Donetsk Oblast"  # not Sloviansk, 12 km west


def test_an_airfield_is_the_airport_or_air_base_gazetteer_row_of_that_name(full_gazetteer):
    # GeoNames knows "Kramatorsk Airport" and "Antonov Airport" (Hostomel): an airfield named so is that row
    got = placed("Russian missiles hit the Kramatorsk airfield on September 9.", full_gazetteer)
    assert got["Kramatorsk airfield"].place.geonameid == 7731189
    got = placed("Ukrainian artillery struck Russian vehicles around Antonov Airfield on September 9.", full_gazetteer)
    assert got["Antonov Airfield"].place.geonameid == 6300961  # not the village of Antoniv
