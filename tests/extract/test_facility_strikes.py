"""Strikes that destroy or damage a facility named as their object (sentences written for these tests)."""

import pytest

from geo.extract.claims import sentence_claims


@pytest.fixture(scope="module")
def is_name(embedded_gazetteer):
    return embedded_gazetteer.is_name


def one(sentence, is_name):
    return [(e.kind, e.actor, [m.text for m in e.mentions]) for e in sentence_claims(sentence, is_name)]


def test_destroying_or_damaging_a_facility_is_a_strike(is_name):
    assert one("Russian forces destroyed the dam near Kupiansk overnight on June 3.", is_name) == \
        [("strike", "russia", ["Kupiansk"])]
    assert one("Ukrainian forces damaged an oil refinery in Novoshakhtinsk on June 3.", is_name) == \
        [("strike", "ukraine", ["Novoshakhtinsk"])]
    assert one("Russian missiles disabled two power substations in Kremenchuk on June 3.", is_name) == \
        [("strike", "russia", ["Kremenchuk"])]


def test_a_destroyed_facility_seen_after_the_event_is_no_strike(is_name):
    # the participle as an adjective: who looks at the ruin did not destroy it
    assert one("Footage showed Russian soldiers walking past a destroyed dam in Kupiansk on June 3.", is_name) == []
    # nor does a verb that destroys no facility make a strike
    assert one("Ukrainian officials said the floods destroyed the harvest of many farms near Kupiansk.", is_name) == []
