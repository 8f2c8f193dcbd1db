"""Footage of a side's troops moving through a town, raising flags over it or consolidating positions in it: ground gained."""

import pytest

from geo.extract.claims import sentence_claims


@pytest.fixture(scope="module")
def is_name(embedded_gazetteer):
    return embedded_gazetteer.is_name


def claims(sentence, is_name):
    return [(e.kind, e.actor, [m.text for m in e.mentions]) for e in sentence_claims(sentence, is_name)]


def test_troops_moving_through_a_town(is_name):
    got = claims("New footage shows Ukrainian soldiers walking through the ruined streets of Kreminna on Friday.", is_name)
    assert ("advance", "ukraine", ["Kreminna"]) in got


def test_proxy_troops_raising_flags_over_a_building_in_a_town(is_name):
    got = claims("Footage of LNR fighters hoisting their flag above the school building in Svatove circulated on Friday.", is_name)
    assert ("advance", "russia", ["Svatove"]) in got
    got = claims("Geolocated footage shows Ukrainian troops raising blue and yellow flags over Vuhledar.", is_name)
    assert ("advance", "ukraine", ["Vuhledar"]) in got


def test_troops_consolidating_positions_in_a_town(is_name):
    got = claims("Drone footage shows Russian troops consolidating positions in Marinka after days of fighting.", is_name)
    assert ("advance", "russia", ["Marinka"]) in got


def test_vehicles_moving_through_the_rear_are_no_gain(is_name):
    assert not claims("Satellite images show Russian military trucks moving through Melitopol toward the coast.", is_name)
