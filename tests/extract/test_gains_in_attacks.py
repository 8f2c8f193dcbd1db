"""Ground gained in a side's own attacks, named with no place of its own ("... and made marginal gains")."""

import pytest

from geo.extract.claims import sentence_claims


@pytest.fixture(scope="module")
def is_name(embedded_gazetteer):
    return embedded_gazetteer.is_name


def kinds(sentence, is_name):
    return sorted((e.kind, e.actor, tuple(m.text for m in e.mentions)) for e in sentence_claims(sentence, is_name))


def test_gains_after_the_attack_take_its_places(is_name):
    got = kinds("Ukrainian troops pressed their ground assaults around Kreminna and Svatove and made modest gains on Tuesday.", is_name)
    assert ("advance", "ukraine", ("Kreminna", "Svatove")) in got
    assert ("attack", "ukraine", ("Kreminna", "Svatove")) in got


def test_gains_made_in_attacks_take_their_places(is_name):
    got = kinds("Russian units made slight gains during renewed assaults on Vuhledar on Sunday.", is_name)
    assert ("advance", "russia", ("Vuhledar",)) in got


def test_no_gain_borrowed_across_sides_or_denials_or_toward_an_aim(is_name):
    assert [k for k, *_ in kinds("Russian forces attacked near Siversk and Ukrainian forces made small gains on Monday.", is_name)] == ["attack"]
    assert [k for k, *_ in kinds("Russian forces kept fighting for Marinka but made few gains on Monday.", is_name)] == ["attack"]
    assert [k for k, *_ in kinds("Russian forces pressed offensive operations towards Kramatorsk and made slow gains on Monday.", is_name)] == ["attack"]
