"""A distance from the front line said of a place ("(roughly 95 kilometers from the frontline)") tells it from its
namesakes by the front line of the report's date (sentences written for these tests)."""

import datetime as dt

import pytest

from geo.models import Paragraph, Report
from geo.places.resolver import resolve_claims, stated_front_km


@pytest.mark.parametrize("after, ranges", [
    (" (roughly 95 kilometers from the frontline) on June 9", ((47.5, 142.5),)),
    (" (roughly five kilometers from the frontline)", ((0.0, 15.0),)),
    (" (either roughly 7 or 65 kilometers from the frontline)", ((0.0, 17.0), (32.5, 97.5))),
    (", some twenty-five km from the front line", ((12.5, 37.5),)),
    (" (within 10 km of the front lines)", ((0.0, 20.0),)),
    (" (5km north of Tokmak)", ()),
    (" and Tokmak (10 km from the frontline)", ()),  # said of the next place
])
def test_the_distance_from_the_front_line_said_of_a_place(after, ranges):
    assert stated_front_km(after) == ranges


def placed_on(day: dt.date, text: str, gazetteer) -> dict:
    from geo.extract.claims import extract_claims
    from geo.places.frontline import FrontSeries

    report = Report(day, "t", (Paragraph(text, None),))
    rows = resolve_claims(extract_claims(report, gazetteer.is_name), gazetteer, frontline=FrontSeries.shipped().prior_for(day))
    return {cp.resolution.mention.text: cp.resolution for cp in rows}


@pytest.mark.parametrize("text, gid", [
    # two Bondarnes: one in Luhansk Oblast far behind the line of June 2025, one in Donetsk Oblast on it
    ("Ukrainian drones struck a Russian depot in Bondarne (roughly 90 kilometers from the frontline) on June 9.", 711692),
    ("Russian forces struck Bondarne (roughly five kilometers from the frontline) on June 9.", 711693),
    # two Skelkys: by the Kakhovka reservoir on the line, and in Kharkiv Oblast far from it
    ("Russian drones struck Skelky, some eighty-five km from the front line, on June 9.", 8677873),
    ("Russian drones struck Skelky (either roughly 2 or 3 kilometers from the frontline) on June 9.", 693682),
])
def test_the_namesake_at_the_distance_from_the_front_line_stated(full_gazetteer, text, gid):
    got = placed_on(dt.date(2025, 6, 10), text, full_gazetteer)
    res = next(v for k, v in got.items() if k in ("Bondarne", "Skelky"))
    assert res.place is not None and res.place.geonameid == gid
    assert res.rule == "the only namesake at the distance from the front line stated"


def test_without_a_distance_the_namesakes_stay_open(full_gazetteer):
    got = placed_on(dt.date(2025, 6, 10), "Russian forces struck Bondarne on June 9.", full_gazetteer)
    assert got["Bondarne"].place is None
