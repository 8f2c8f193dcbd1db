"""Explosions a source reports at a place are a strike, by the side across the front line from it (sentences written
for these tests)."""

import datetime as dt

import pytest

from geo.extract.claims import extract_claims, sentence_claims
from geo.models import Paragraph, Report


@pytest.fixture(scope="module")
def is_name(embedded_gazetteer):
    return embedded_gazetteer.is_name


def events(sentence, is_name, struck_by=None):
    return [(e.kind, e.actor, e.status, [m.text for m in e.mentions], e.by_line)
            for e in sentence_claims(sentence, is_name, struck_by=struck_by)]


def test_explosions_told_by_a_source_are_a_strike_marked_for_the_line(is_name):
    got = events("Townspeople reported loud explosions in Russian-occupied Tokmak overnight.", is_name)
    assert got == [("strike", "ukraine", "claimed", ["Tokmak"], True)]
    # the paragraph's strikes give the guess when the place is not called occupied
    got = events("Some bloggers circulated footage of explosions near Kramatorsk.", is_name, struck_by="russia")
    assert got == [("strike", "russia", "claimed", ["Kramatorsk"], True)]


def test_explosions_with_a_side_a_denial_or_at_sea_are_not_this_rule(is_name):
    assert events("Officials said they were not behind the explosions at the depot in Tokmak.", is_name) == []
    assert events("Local channels reported explosions in the Black Sea near Sevastopol.", is_name) == []
    got = events("Russian forces reported explosions in Kramatorsk.", is_name)  # a side named: not marked for the line
    assert all(not by_line for *_, by_line in got)


def test_the_front_line_of_the_day_decides_whose_strike_it_was(full_gazetteer):
    from geo.pipeline import extract
    from geo.places.frontline import FrontSeries

    day = dt.date(2022, 10, 20)
    text = ("Ukrainian forces struck a Russian depot in Nova Kakhovka on October 19. Residents posted videos of "
            "explosions in Kramatorsk and in Melitopol.")
    report = Report(day, "t", (Paragraph(text, "Southern axis"),))
    rows = extract(report, full_gazetteer, frontline=FrontSeries.shipped().prior_for(day))
    sides = {cp.resolution.mention.text: cp.claim.actor for cp in rows if cp.claim.side_by_line}
    # Kramatorsk is Ukrainian-held (Russia's strike), Melitopol occupied (Ukraine's), whatever the paragraph told before
    assert sides == {"Kramatorsk": "russia", "Melitopol": "ukraine"}
    # with no front line known the text's guess (the paragraph's striking side) stays
    rows = extract(report, full_gazetteer, frontline=None)
    assert {cp.claim.actor for cp in rows if cp.claim.side_by_line} == {"ukraine"}
