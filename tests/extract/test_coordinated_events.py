"""A ground attack and a strike joined by "and" share the places named after the second ("attacks and shelling near X")."""

import pytest

from geo.extract.claims import sentence_claims


@pytest.fixture(scope="module")
def is_name(embedded_gazetteer):
    return embedded_gazetteer.is_name


def kinds_at(sentence, is_name):
    return sorted((e.kind, e.actor, tuple(m.text for m in e.mentions)) for e in sentence_claims(sentence, is_name))


def test_attacks_and_shelling_share_the_place(is_name):
    got = kinds_at("Russian troops kept up small ground attacks and shelling around Vuhledar through Thursday.", is_name)
    assert got == [("attack", "russia", ("Vuhledar",)), ("strike", "russia", ("Vuhledar",))]


def test_shelling_and_assaults_share_the_place(is_name):
    got = kinds_at("Russian troops stepped up shelling and ground assaults on Marinka on Thursday.", is_name)
    assert ("attack", "russia", ("Marinka",)) in got and ("strike", "russia", ("Marinka",)) in got


def test_no_sharing_across_sides_or_clauses(is_name):
    got = kinds_at("Ukrainian forces repelled Russian attacks, and Ukrainian artillery shelled Russian positions near Svatove.", is_name)
    assert ("attack", "russia", ("Svatove",)) not in got
