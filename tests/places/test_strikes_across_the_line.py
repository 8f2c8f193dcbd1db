"""A strike lands across the front line from the side striking (sentences written for these tests)."""

import datetime as dt

from geo.models import Paragraph, Report
from geo.places.resolver import resolve_claims


def placed_on(day: dt.date, text: str, gazetteer) -> dict:
    from geo.extract.claims import extract_claims
    from geo.places.frontline import FrontSeries

    report = Report(day, "t", (Paragraph(text, "Southern axis"),))
    rows = resolve_claims(extract_claims(report, gazetteer.is_name), gazetteer, frontline=FrontSeries.shipped().prior_for(day))
    return {cp.resolution.mention.text: cp.resolution for cp in rows}


def test_a_russian_strike_on_a_name_with_namesakes_either_side_of_the_line_is_the_ukrainian_held_one(full_gazetteer):
    day = dt.date(2022, 11, 20)
    # two Malynivkas in Zaporizhia Oblast scored alike: by Huliaipole (Ukrainian-held) and near Polohy (occupied)
    got = placed_on(day, "Russian troops fired tube artillery at Malynivka, Zaporizhia Oblast on November 19.", full_gazetteer)["Malynivka"]
    assert got.place is not None and got.place.geonameid == 702103
    # struck by Ukrainian forces, the Ukrainian-held one gets no lead
    got = placed_on(day, "Ukrainian troops fired tube artillery at Malynivka, Zaporizhia Oblast on November 19.", full_gazetteer)["Malynivka"]
    assert got.place is None or got.place.geonameid != 702103


def test_the_side_of_the_line_only_breaks_ties(full_gazetteer):
    # a town clearly favoured by the text stays, wherever it lies (Kryvyi Rih, a city named bare, not the village)
    got = placed_on(dt.date(2022, 11, 28), "Russian drones hit Kryvyi Rih and Nikopol on November 27.", full_gazetteer)
    assert got["Kryvyi Rih"].place.admin1 == "Dnipropetrovsk Oblast"
