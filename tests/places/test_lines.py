"""Roads and rivers a sentence names tell a village from its namesakes (sentences written for these tests)."""

import datetime as dt

import pytest

from geo.models import Paragraph, Report
from geo.places.lines import lines_named
from geo.places.resolver import resolve_claims


@pytest.mark.parametrize("text, names", [
    ("Russian forces shelled settlements along the T1302 and the T-13-03 highways.", ["T1302 highway", "T1303 highway"]),
    ("Fighting continued north of the E-40 and along the M03 near Izyum.", ["E40 (M03) highway"]),
    ("Russian troops tried to cross the Siverskyi Donets River and the Siversky Donets again.", ["Siverskyi Donets River"]),
    ("Ukrainian forces widened their bridgehead over the Inhulets River.", ["Inhulets River"]),
    ("Russian forces shelled Inhulets and Kryvyi Rih with T-72 tanks on the T13022 road.", []),  # a town, a tank, no road
])
def test_the_roads_and_rivers_a_text_names(text, names):
    assert [x.name for x in lines_named(text)] == names


def test_a_line_measures_to_its_nearest_stretch():
    t1302 = lines_named("the T1302")[0]
    assert t1302.km(48.59419, 37.99886) < 0.1  # Bakhmut, where it starts
    assert 13 < t1302.km(48.4, 38.0) < 25  # south of Bakhmut: measured to the end of the road, not to its extension


def placed(text: str, gazetteer, date: dt.date) -> dict:
    from geo.extract.claims import extract_claims

    report = Report(date, "t", (Paragraph(text, "Russian Subordinate Main Effort"),))
    rows = resolve_claims(extract_claims(report, gazetteer.is_name), gazetteer)
    return {cp.resolution.mention.text: cp.resolution for cp in rows}


@pytest.mark.parametrize("text, name, gid", [
    # two Bilohorivkas 21 km apart: the Donetsk Oblast one on the Bakhmut-Lysychansk road, the Luhansk Oblast one on the river
    ("Ukrainian forces repelled a Russian assault on Bilohorivka along the T1302 highway on July 2.", "Bilohorivka", 712589),
    ("Russian forces attacked Bilohorivka, across the Siverskyi Donets River from Rubizhne, on July 2.", "Bilohorivka", 712588),
    ("Russian forces shelled Krasnopillia, a village in Donetsk Oblast on the E40 highway, on July 2.", "Krasnopillia", 686754),
])
def test_the_namesake_along_the_road_or_river_named(full_gazetteer, text, name, gid):
    got = placed(text, full_gazetteer, dt.date(2022, 7, 2))[name]
    assert got.place is not None and got.place.geonameid == gid
    assert got.rule.startswith("the only namesake along the")


def test_without_a_road_or_river_the_namesakes_stay_open(full_gazetteer):
    got = placed("Ukrainian forces repelled a Russian assault on Bilohorivka on July 2.", full_gazetteer, dt.date(2022, 7, 2))
    assert got["Bilohorivka"].place is None


@pytest.mark.parametrize("text, name, names", [
    ("Russian forces attacked Spirne, Yakovlivka, and Berestove, all settlements within 10 km of the T1302.", "Spirne",
     ["T1302 highway"]),
    ("Russian forces attacked Dolyna (on the E40 highway to Slovyansk).", "Dolyna", ["E40 (M03) highway"]),
    ("Russian forces shelled Raihorodok, a village directly along the T0513 highway.", "Raihorodok", ["T0513 highway"]),
    ("Russian forces attacked Berestove, about 25 km northeast of Bakhmut along the T1302.", "Berestove", []),  # a bearing between
    ("Russian forces shelled Hirske to interdict Ukrainian lines of communication along the T1302.", "Hirske", []),
])
def test_the_roads_a_text_puts_a_place_on(text, name, names):
    from geo.places.lines import lines_of_place

    assert [x.name for x in lines_of_place(text, text.index(name) + len(name))] == names


@pytest.mark.parametrize("text, name, gid", [
    # the Yakovlivka on the T1302 by Soledar, not the one 55 km west that "west of Mykolaivka" fits
    ("Russian forces attacked west of Mykolaivka and Yakovlivka, both along the T1302, on June 28.", "Yakovlivka", 688556),
    # the only Yasylivka lies 50 km from the road (a misspelt name): none, for review
    ("Russian forces attacked Yasylivka and Berestove, both settlements along the T1302, on June 28.", "Yasylivka", None),
])
def test_a_place_put_on_a_road_is_no_namesake_far_from_it(full_gazetteer, text, name, gid):
    got = placed(text, full_gazetteer, dt.date(2022, 6, 28))[name]
    assert (got.place.geonameid if got.place else None) == gid
    if gid is None:
        assert got.rule == "no candidate lies along the T1302 highway" and got.review


@pytest.mark.parametrize("text, found", [
    ("Russian forces attacked along the R-66 Svatove-Kreminna highway.", [("Svatove", "Kreminna")]),
    ("Shelling hit villages on the M14 Mariupol-Berdyansk-Melitopol highway.", []),  # traced: its own course
    ("Fighting continued west of the R66 (Svatove-Kreminna) road.", [("Svatove", "Kreminna")]),
    ("Strikes hit the P57 Kherson City-Hola Prystan route.", [("Kherson City", "Hola Prystan")]),
    ("Russian forces attacked along the T-13-02 Bakhmut-Lysychansk highway.", []),  # traced: its own course
    ("Russian forces attacked along the Svatove-Kreminna line.", []),  # a front line, not a road
])
def test_the_roads_a_text_names_by_their_end_towns(text, found):
    from geo.places.lines import road_segments

    assert [towns for _, towns in road_segments(text)] == found


def test_a_hyphenated_road_number_is_the_traced_road():
    assert [x.name for x in lines_named("the H-20 Kostyantynivka-Kramatorsk highway and the T-05-13")] == [
        "N20 (H20) highway", "T0513 highway"]


@pytest.mark.parametrize("text, name, gid", [
    # two Novomykilskes in Luhansk Oblast 120 km apart: the one by the road from Svatove to Kreminna
    ("Russian forces attacked near Novomykilske along the R-66 Svatove-Kreminna highway on October 2.", "Novomykilske", 699399),
    ("Ukrainian troops shelled Zalyman, near the R66 (Svatove-Kreminna) road, on October 2.", "Zalyman", 687806),
    # neither Holykove lies anywhere near the road between Melitopol and Novoazovsk: none, for review
    ("Russian forces attacked Holykove on the M-14 Melitopol-Novoazovsk highway on October 2.", "Holykove", None),
])
def test_a_place_put_on_a_road_named_by_its_ends_is_the_namesake_by_it(full_gazetteer, text, name, gid):
    got = placed(text, full_gazetteer, dt.date(2023, 10, 2))[name]
    assert (got.place.geonameid if got.place else None) == gid
    if gid is not None:
        assert got.rule.startswith("the only namesake along the Svatove-Kreminna road")


def test_roads_named_by_numbers_of_three_digits_are_traced():
    from geo.places.lines import lines_of_place

    text = "Russian forces fortified positions in Vasylivka along the E105 highway and near Basan on the T-04-01."
    got = lines_of_place(text, text.index(" along"))
    assert [x.name for x in got] == ["E105 (M18) highway"]
    e105 = got[0]
    assert e105.km(47.44218, 35.28213) < 3  # Vasylivka south of Zaporizhzhia City
    assert e105.km(48.18157, 37.96808) > 100  # a Vasylivka by Donetsk City
    end = text.index(" on the T-04-01")
    assert [x.name for x in lines_of_place(text, end)] == ["T0401 highway"]


def test_the_n26_runs_on_past_svatove_to_starobilsk():
    from geo.places.lines import lines_named

    n26 = lines_named("near the N26 highway")[0]
    assert n26.km(49.27881, 38.9075) < 1  # Starobilsk
    assert n26.km(49.83538, 36.6865) < 1  # Chuhuiv
