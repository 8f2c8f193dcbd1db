"""A settlement's name the sentence goes on from: more of the name, or the feature it names (sentences written for
these tests)."""

import datetime as dt

from geo.models import Paragraph, Report
from geo.places.resolver import FACILITY_RUN, FEATURE_NAMED, resolve_claims


def placed(text: str, gazetteer, date=dt.date(2022, 9, 20)) -> dict:
    from geo.extract.claims import extract_claims

    report = Report(date, "t", (Paragraph(text, "Ukrainian Counteroffensives"),))
    rows = resolve_claims(extract_claims(report, gazetteer.is_name), gazetteer)
    return {cp.resolution.mention.name: cp.resolution for cp in rows}


def test_the_words_after_a_name_that_make_it_a_feature():
    assert FEATURE_NAMED.match(" and Inhulets rivers on Monday")
    assert FEATURE_NAMED.match(" Street in central Marinka")
    assert FEATURE_NAMED.match(" Potemkin islands south of Kherson City")
    assert FEATURE_NAMED.match(" district of Kharkiv City")
    assert not FEATURE_NAMED.match(" district of Odesa Oblast")  # a raion: its town is in it
    assert not FEATURE_NAMED.match(" street-by-street")
    assert not FEATURE_NAMED.match(" and Bakhmut on Monday")
    assert FACILITY_RUN.match(" Regional Clinical Hospital")
    assert FACILITY_RUN.match(" Technology and Design College")
    assert not FACILITY_RUN.match(" Terebezh on Monday")


def test_a_name_spelled_longer_than_the_word_found_is_the_settlement_so_named(full_gazetteer):
    got = placed("Russian artillery shelled Cherkasy Tyshky, Ruski Tyshky and Lyptsi on June 3.", full_gazetteer,
                 dt.date(2022, 6, 3))
    # not the oblast capital Cherkasy, 500 km away: GeoNames' Cherkaski Tyshky by Ruski Tyshky
    res = got["Cherkasy Tyshky"]
    assert res.place.geonameid == 710796 and res.mention.text == "Cherkasy Tyshky" and res.review


def test_a_longer_name_the_gazetteer_lacks_leaves_the_word_open(full_gazetteer):
    got = placed("Russian aircraft bombed Verkhny Terebezh and Bukhlichi on March 9.", full_gazetteer, dt.date(2022, 3, 9))
    # read whole (geo.extract.mentions), and not the "Verkhniy" of Sumy Oblast its first word alone would find
    assert "Verkhny" not in got and got["Verkhny Terebezh"].place is None
    # a first word that is a city's name on its own is found alone; the resolver sees the name go on and leaves it open
    got = placed("Russian aircraft bombed Cherkasy Brodzky and Lyptsi on March 9.", full_gazetteer, dt.date(2022, 3, 9))
    assert got["Cherkasy"].place is None and got["Cherkasy"].rule.startswith("part of a longer name")


def test_a_river_a_street_or_a_hotel_named_like_a_village_is_not_the_village(full_gazetteer):
    got = placed("Ukrainian forces struck Russian ferries across the Dnipro and Inhulets rivers on October 2.", full_gazetteer)
    assert "Dnipro" not in got and "Inhulets" not in got  # not the city of Dnipro nor the village of Inhulets
    assert all(not got[r].place.is_settlement for r in ("Dnipro River", "Inhulets River"))
    got = placed("Russian forces attacked along Druzhba Street in the center of Marinka on May 2.", full_gazetteer,
                 dt.date(2023, 5, 2))
    assert "Druzhba" not in got or got["Druzhba"].place is None  # read as no place (geo.extract.mentions) or left open
    assert got["Marinka"].place.admin1 == "Donetsk Oblast"


def test_a_facility_named_for_its_town_stays_in_the_town(full_gazetteer):
    got = placed("Russian forces shelled the Kherson Regional Clinical Hospital on November 20.", full_gazetteer,
                 dt.date(2022, 11, 20))
    assert got["Kherson"].place.admin1 == "Kherson Oblast"


def test_a_gully_is_the_one_geonames_names_with_its_word_in_front(full_gazetteer):
    got = placed("Russian forces continued to attack Ukrainian positions near Ploshchanka and near the Zhuravka gully on "
                 "March 3.", full_gazetteer, dt.date(2023, 3, 3))
    res = got["Zhuravka"]
    # GeoNames' Balka Zhuravka by Kreminna, not the village Zhuravka 100 km away in Donetsk Oblast
    assert res.place.geonameid == 697596 and res.precision == "feature"
