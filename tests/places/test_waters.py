"""Rivers and bodies of water a sentence puts a place beside, on a bank of or to a side of, tell a village from its
namesakes (sentences written for these tests)."""

import datetime as dt

import pytest

from geo.models import Paragraph, Report
from geo.places.lines import lines_beside_place, lines_named, lines_of_place
from geo.places.resolver import resolve_claims


@pytest.mark.parametrize("text, names", [
    ("Ukrainian forces crossed the Oskil River and the Oskil Reservoir near Kupyansk.", ["Oskil River"]),
    ("Russian forces shelled settlements across the Dnipro and along the Kakhovka Reservoir.", ["Dnipro River"]),
    ("A missile hit a bridge over the Dniester Estuary.", ["Dniester Estuary"]),
    ("Russian forces struck Dnipro City and Oskil village in Izyum Raion.", []),  # a city and a village, no river
    ("Fighting continued along the Dnipro City outskirts.", []),
])
def test_the_waters_a_text_names(text, names):
    assert [x.name for x in lines_named(text)] == names


@pytest.mark.parametrize("text, name, beside, on", [
    ("Russian forces struck a pier in the coastal settlement of Zatoka, south of the Dniester Estuary.", "Zatoka",
     [("Dniester Estuary", "south")], []),
    ("Russian forces shelled Nikopol, on the right (west) bank of the Dnipro River, on May 3.", "Nikopol",
     [("Dnipro River", "right")], []),
    ("Ukrainian forces advanced near Kreminna and Svatove east of the Oskil River.", "Kreminna", [("Oskil River", "east")], []),
    ("Ukrainian forces struck Hola Prystan on the eastern bank of the Dnipro.", "Hola Prystan", [("Dnipro River", "east")], []),
    ("Russian forces attacked Borova along the Oskil River.", "Borova", [], ["Oskil River"]),
    # the next item of a list, not more words of the place's own
    ("Fighting continued southeast of Izyum, near Lyman, and on the east bank of the Oskil River.", "Lyman", [], []),
    ("Russian forces shelled the port in Ochakiv and settlements along the right bank of the Dnipro River.", "Ochakiv", [], []),
    # a distance stated: a bearing from the river's mouth, not a side of it
    ("Strikes hit Chaplynka (50km south of the Dnipro River).", "Chaplynka", [], []),
])
def test_the_waters_a_text_puts_a_place_by(text, name, beside, on):
    end = text.index(name) + len(name)
    assert [(line.name, side) for line, side in lines_beside_place(text, end)] == beside
    assert [line.name for line in lines_of_place(text, end)] == on


@pytest.mark.parametrize("name, side, lat, lon, fits", [
    ("Dnipro River", "right", 47.57106, 34.88115, True),  # Vyshchetarasivka, on the Kakhovka Reservoir's north shore
    ("Dnipro River", "left", 47.57106, 34.88115, False),
    ("Dnipro River", "left", 47.49048, 34.66199, True),  # Enerhodar
    ("Dnipro River", "right", 46.63695, 32.61458, True),  # Kherson, 2 km from the river: either bank as drawn
    ("Dnipro River", "left", 46.63695, 32.61458, True),
    ("Oskil River", "east", 49.40926, 38.15534, True),  # Svatove
    ("Oskil River", "west", 49.40926, 38.15534, False),
    ("Inhulets River", "east", 47.19443, 33.06981, True),  # Lozove by Andriivka
    ("Inhulets River", "east", 47.67531, 32.93905, False),  # the Lozove west of the river in Mykolaiv Oblast
])
def test_the_side_of_a_river_a_place_lies_on(name, side, lat, lon, fits):
    line = next(x for x in lines_named("the Dnipro River, the Oskil River, the Inhulets River") if x.name == name)
    assert line.on_side(lat, lon, side) is fits


def placed(text: str, gazetteer, date: dt.date, section: str = "Southern Axis") -> dict:
    from geo.extract.claims import extract_claims

    report = Report(date, "t", (Paragraph(text, section),))
    rows = resolve_claims(extract_claims(report, gazetteer.is_name), gazetteer)
    return {cp.resolution.mention.text: cp.resolution for cp in rows}


@pytest.mark.parametrize("text, name, gid", [
    # four Zatokas: the coastal one by the estuary's mouth in Odesa Oblast, not the Kharkiv Oblast village
    ("Russian sources said that a Russian missile hit a road bridge in Zatoka, south of the Dniester Estuary, on August 1.",
     "Zatoka", 687557),
    # three Lozoves: the one east of the Inhulets by the Ukrainian bridgehead, not the one west of it in Mykolaiv Oblast
    ("Ukrainian officials said that Russian troops attempted a raid on Lozove, on the eastern bank of the Inhulets River, "
     "on August 1.", "Lozove", 689537),
])
def test_the_namesake_by_the_water_named(full_gazetteer, text, name, gid):
    got = placed(text, full_gazetteer, dt.date(2022, 8, 1))[name]
    assert got.place is not None and got.place.geonameid == gid


def test_no_namesake_by_the_water_leaves_the_place_open(full_gazetteer):
    # no Zatoka lies on the Oskil: the village meant is missing from the gazetteer
    got = placed("Russian forces shelled Zatoka on the east bank of the Oskil River on October 1.", full_gazetteer,
                 dt.date(2022, 10, 1), "Kharkiv Oblast")["Zatoka"]
    assert got.place is None and got.rule == "no candidate lies by the Oskil River as stated" and got.review
