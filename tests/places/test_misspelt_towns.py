"""A misspelt town's name and the far villages spelt as close (sentences written for these tests)."""

import datetime as dt
from functools import partial

from tests.places.test_namesakes import placed as placed_on

placed = partial(placed_on, date=dt.date(2022, 3, 2), section="Southern axis")


def test_a_misspelt_city_is_the_city_not_a_village_spelt_as_close(full_gazetteer):
    text = "Russian forces pushed north toward Zaprozhia and west toward Mykolayiv on March 2."
    got = placed(text, full_gazetteer)["Zaprozhia"]
    assert got.place.geonameid == 687700  # Zaporizhzhia city, not a hamlet Zaporizhzhya of another oblast
    assert "fuzzy" in got.rule and got.review


def test_a_facility_named_after_a_misspelt_town_is_in_that_town_not_a_village_of_its_first_word(full_gazetteer):
    # "Nova Kakhova": not the village Nova (Chernihiv Oblast), the town Nova Kakhovka, fuzzy and for review
    got = placed("Ukrainian forces struck the bridge at the Nova Kakhova Hydroelectric Power Plant on March 2.", full_gazetteer)
    plant = got["Nova Kakhova Hydroelectric Power Plant"]
    assert plant.place is not None and plant.place.name == "Nova Kakhovka" and plant.review
    # "Chaplin" for Chaplyne: the station of the town in the oblast the sentence names
    got = placed("Russian forces shelled the Chaplin railway station in central Dnipropetrovsk Oblast on March 2.", full_gazetteer)
    station = got["Chaplin railway station"]
    assert station.place is not None and station.place.name == "Chaplyne" and station.place.admin1 == "Dnipropetrovsk Oblast"
    # a descriptive word alone is no town's name
    from geo.places.names import is_qualifier_word
    assert is_qualifier_word("Nova") and is_qualifier_word("Velykyi") and not is_qualifier_word("Kakhovka")
