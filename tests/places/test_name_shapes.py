"""Names as the gazetteer knows them: other spellings of a name, read in sentences of our own, against the full
gazetteer. Each sentence stands for a class of shape, none is from a gold report."""

from __future__ import annotations

import datetime as dt

from geo.extract.claims import extract_claims
from geo.models import Mention, Paragraph, Report
from geo.places.resolver import Resolver, resolve_claims


def placed(text: str, gazetteer, section: str | None = None) -> dict:
    report = Report(dt.date(2024, 3, 5), "t", (Paragraph(text, section),))
    rows = resolve_claims(extract_claims(report, gazetteer.is_name), gazetteer)
    return {cp.resolution.mention.text: cp.resolution.place for cp in rows}


def test_russian_on_town_forms(full_gazetteer):
    # GeoNames: Slavyansk-na-Kubani, Rostov-na-Donu; ISW writes the English "-on-" with the river uninflected
    got = placed("Ukrainian drones struck an oil depot in Slavyansk-on-Kuban, Krasnodar Krai, on March 4.", full_gazetteer)
    assert got["Slavyansk-on-Kuban"].name == "Slavyansk-na-Kubani" and got["Slavyansk-on-Kuban"].admin1 == "Krasnodar Krai"
    got = placed("Ukrainian drones struck Rostov-on-Don on March 4.", full_gazetteer)
    assert got["Rostov-on-Don"].name == "Rostov-na-Donu"  # an oblast capital, struck far from the front


def test_ordinal_and_descriptive_words_in_any_order_and_language(full_gazetteer):
    got = placed("Russian forces attacked near Persha Novoselivka and Velikaya Novoselka on March 4.", full_gazetteer)
    assert got["Persha Novoselivka"].geonameid == 699180  # GeoNames: Novoselivka Persha
    assert got["Velikaya Novoselka"].geonameid == 690237  # GeoNames: Velyka Novosilka


def test_russian_endings_of_ukrainian_neuter_names(full_gazetteer):
    # GeoNames knows the village (now Zelene Pole) by its old Russian name Yashnikovo only; the Ukrainian form is -ove
    got = placed("Russian forces attacked near Yashnykove on March 4.", full_gazetteer, "Russian Main Effort - Donetsk Oblast")
    assert got["Yashnykove"].name == "Zelene Pole" and got["Yashnykove"].admin1 == "Donetsk Oblast"


def test_a_facility_named_after_its_town(full_gazetteer):
    got = placed("Russian forces struck the Avdiivka Coke Plant on March 4.", full_gazetteer)
    place = next(p for text, p in got.items() if "Coke" in text)
    assert place.name == "Avdiyivka" and place.admin1 == "Donetsk Oblast"


def test_english_phrases_around_a_gazetteer_name(full_gazetteer):
    r = Resolver(full_gazetteer)
    district = "Nikopol administrative district"
    cands, precision = r.candidates(Mention(district, 0, len(district), district, precision="region"))
    assert precision == "region" and any(c.place.name == "Nikopol Raion" for c in cands)
    bank = "the left bank of the Oskil River"
    cands, _ = r.candidates(Mention(bank, 0, len(bank), bank, precision="feature"))
    assert cands and all(c.place.feature_code == "STM" and "Oskil" in c.place.name for c in cands)


def test_a_stated_bearing_finds_a_place_known_only_by_its_russian_ending(full_gazetteer):
    # six Chkaloves, none 20 km south of Davydiv Brid; the village there is in GeoNames as Stiyke, alias Chkalovo
    got = placed("Ukrainian forces advanced to Chkalove (20 km south of Davydiv Brid) on March 4.", full_gazetteer)
    assert got["Chkalove"].geonameid == 710434


def test_a_named_feature_far_from_the_front_is_placed(full_gazetteer):
    got = placed("Ukrainian forces struck Russian air defense systems on Snake Island on March 4.", full_gazetteer)
    assert got["Snake Island"].name == "Ostriv Zmiyinyy" and got["Snake Island"].admin1 == "Odesa Oblast"


def test_a_towns_district_is_its_raion(full_gazetteer):
    got = placed("Russian forces shelled settlements in the Polohy district on March 4.", full_gazetteer)
    assert got["Polohy district"].geonameid == 696670  # Polohy Raion, not the town
    text = "Ukrainian forces struck Russian ammunition depots in the Beryslavskyi and Skadovsk districts on March 4."
    got = placed(text, full_gazetteer)
    assert {p.geonameid for p in got.values() if p is not None} == {712259, 693707}  # Beryslav Raion, Skadovsk Raion
    # a city's district is no raion of the oblast
    got = placed("Russian forces struck the Kyivskyi district of Kharkiv City on March 4.", full_gazetteer)
    assert all(p is None or p.admin1 == "Kharkiv Oblast" for p in got.values())


def test_a_citys_district_is_that_citys_not_a_namesake_quarter_elsewhere(full_gazetteer):
    for text in ("Russian forces struck the Kyivskyi district of Kharkiv City on March 4.",
                 "Russian forces struck the Kyivskyi District of Kharkiv City on March 4."):
        got = {t: p for t, p in placed(text, full_gazetteer).items() if "Kyivskyi" in t}
        # GeoNames' Kyivskyi Rayon of Kharkiv, not the Kyivskyi district of Donetsk City
        assert [p.geonameid for p in got.values()] == [705705]


def test_romanisation_habits_the_variant_key_does_not_fold(full_gazetteer):
    # "sch" for "shch", "h" for "kh", an "-ske" cut to "-sk", Russian "-ino" for Ukrainian "-yne"
    got = placed("Ukrainian forces struck a Russian command post in Ishchenka and Metolkino on March 4.", full_gazetteer)
    assert got["Metolkino"].name == "Metolkine" and got["Metolkino"].admin1 == "Luhansk Oblast"
    got = placed("Ukrainian forces struck a Russian command post in Ischenka (Kherson Oblast) on March 4.", full_gazetteer)
    assert got["Ischenka"].name == "Ishchenka" and got["Ischenka"].admin1 == "Kherson Oblast"
    got = placed("Ukrainian forces struck Russian positions in Verhniy Tokmak, Zaporizhia Oblast, on March 4.", full_gazetteer)
    assert got["Verhniy Tokmak"].name == "Verkhnii Tokmak"
    got = placed("Russian forces attempted to advance on Teterivsk, northwest of Kyiv, on March 4.", full_gazetteer)
    assert got["Teterivsk"].name == "Teterivske" and got["Teterivsk"].admin1 == "Kyiv Oblast"
