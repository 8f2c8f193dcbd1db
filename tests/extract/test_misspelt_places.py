"""Village names spelled differently from every GeoNames name form, in a place's slot (sentences written for these
tests, with misspellings invented for them): found when the gazetteer spells a Ukrainian settlement all but so."""

import datetime as dt
from functools import partial

from geo.extract.mentions import find_mentions
from tests.places.test_namesakes import placed as placed_on

placed = partial(placed_on, date=dt.date(2022, 11, 2), section="Bakhmut Direction")


def names(sentence, is_name):
    return [m.name for m in find_mentions(sentence, is_name)]


def test_a_misspelt_village_after_in_or_of_is_a_place(full_gazetteer):
    assert not full_gazetteer.is_name("Yampolivika") and full_gazetteer.is_near_name("Yampolivika")
    got = placed("Russian forces shelled Ukrainian positions in Yampolivika on November 2.", full_gazetteer)
    res = got["Yampolivika"]
    assert res.place is not None and res.place.name == "Yampolivka" and res.place.admin1 == "Donetsk Oblast" and res.review
    got = placed("Ukrainian forces continued to advance in the direction of Kurdiumivika southwest of Bakhmut.", full_gazetteer)
    res = got["Kurdiumivika"]
    assert res.place is not None and res.place.name == "Kurdyumivka" and res.place.admin1 == "Donetsk Oblast"


def test_a_misspelt_village_after_an_attempted_attack(full_gazetteer):
    got = names("Russian forces shelled Ukrainian positions in Hulaipole and attempted to attack Klishchievka.",
                full_gazetteer.is_name)
    assert got == ["Hulaipole", "Klishchievka"]


def test_what_is_not_a_misspelt_village(full_gazetteer):
    is_name = full_gazetteer.is_name
    # a raion that says where the place is; an aim ("to reach X"), not a place acted on
    assert "Zolotarivika" not in names("Ukrainian forces struck an ammunition depot in Zolotarivika district.", is_name)
    assert "Krasnohorivika" not in names("Russian forces attacked near Vodiane to reach Krasnohorivika.", is_name)
    # a person's or a country's name is shaped as no village is ("Sergey", "Petro" score 0.91 against villages)
    assert full_gazetteer.is_near_name("Sergey")
    assert names("The occupation official met Sergey in Melitopol.", is_name) == ["Melitopol"]
    # a name test with no gazetteer behind it (a set) knows no misspelling
    assert names("Russian forces shelled Ukrainian positions in Yampolivika.", {"Bakhmut"}.__contains__) == []
