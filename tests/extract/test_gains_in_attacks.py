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


def test_other_side_pushed_back_in_the_attack_takes_its_places(is_name):
    got = kinds("Ukrainian troops launched assaults in Kreminna and drove Russian troops away from the railway station on Monday.", is_name)
    assert ("advance", "ukraine", ("Kreminna",)) in got
    got = kinds("Officials said that Ukrainian counterattacks near Svatove pushed Russian units out of two trench lines.", is_name)
    assert ("advance", "ukraine", ("Svatove",)) in got


def test_gain_after_a_comma_and_or_after_coordinated_shelling(is_name):
    got = kinds("Russian forces pressed ground attacks south of Siversk on Friday, and made small territorial gains.", is_name)
    assert ("advance", "russia", ("Siversk",)) in got
    got = kinds("Russian forces kept up ground attacks and shelling in Vuhledar and made slight southward advances on Friday.", is_name)
    assert ("advance", "russia", ("Vuhledar",)) in got


def test_a_push_with_its_own_direction_borrows_nothing(is_name):
    got = kinds("Russian forces tried to gain a foothold near Siversk and pushed west of Zzyzxivka on Friday.", is_name)
    assert ("advance", "russia", ("Siversk",)) not in got
