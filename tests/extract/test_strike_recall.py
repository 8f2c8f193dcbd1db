"""Strike claims in phrasings the method missed on unseen reports (issue #10, helper s10): each test uses sentences
written for it, not copied from a report."""

import pytest

from geo.extract.claims import sentence_claims


@pytest.fixture(scope="module")
def is_name(embedded_gazetteer):
    return embedded_gazetteer.is_name


def strikes(sentence, is_name):
    return [(e.actor, e.status, [m.text for m in e.mentions]) for e in sentence_claims(sentence, is_name)
            if e.kind == "strike"]


def test_both_sides_striking_give_one_row_per_side(is_name):
    # ISW's own voice: each side struck there, confirmed (not the claimed rows of mutual accusations)
    assert strikes("Ukrainian and Russian troops kept up routine artillery fire around Vuhledar on March 3.", is_name) == [
        ("russia", "confirmed", ["Vuhledar"]), ("ukraine", "confirmed", ["Vuhledar"])]
    assert strikes("Both Russian and Ukrainian forces stepped up shelling near Siversk.", is_name) == [
        ("russia", "confirmed", ["Siversk"]), ("ukraine", "confirmed", ["Siversk"])]
    # negated for both: no claim; a party reporting it: claimed for both
    assert strikes("Russian and Ukrainian forces did not shell Siversk on March 3.", is_name) == []
    got = strikes("A local official said that Russian and Ukrainian forces exchanged artillery strikes near Soledar.", is_name)
    assert [(a, s, p) for a, s, p in got] == [("russia", "claimed", ["Soledar"]), ("ukraine", "claimed", ["Soledar"])]
    # both sides as the speakers, one side as the doer: that side only
    assert strikes("Russian and Ukrainian forces reported that Russian forces shelled Lyman.", is_name) == [
        ("russia", "claimed", ["Lyman"])]


def test_explosions_put_down_to_a_side_after_them_are_its_strikes(is_name):
    # the blame after the explosions: partisans and the resistance are Ukraine's
    got = strikes("Local Ukrainian officials reported several explosions in Berdyansk overnight, likely from partisan "
                  "sabotage.", is_name)
    assert [(a, s, p) for a, s, p in got] == [("ukraine", "claimed", ["Berdyansk"])]
    got = strikes("A Ukrainian official noted an explosion (possibly from partisans) near a depot in Tokmak.", is_name)
    assert [(a, p) for a, _, p in got] == [("ukraine", ["Tokmak"])]
    got = strikes("The mayor reported a blast and two explosions in Enerhodar and implied that partisans were responsible.",
                  is_name)
    assert [(a, p) for a, _, p in got] == [("ukraine", ["Enerhodar"])]
    got = strikes("Occupation officials reported two explosions in Melitopol, possibly the work of partisans.", is_name)
    assert [(a, p) for a, _, p in got] == [("ukraine", ["Melitopol"])]
    got = strikes("Ukrainian sources reported an explosion in Donetsk City, which they attributed to Russian shelling.", is_name)
    assert [(a, p) for a, _, p in got] == [("russia", ["Donetsk City"])]
    # no blame: the reported-explosions rule guesses the side (the front line of the day corrects it in the pipeline)
    got = strikes("Ukrainian sources reported explosions in Berdyansk overnight.", is_name)
    assert [(a, p) for a, _, p in got] == [("ukraine", ["Berdyansk"])]
    # air defence, or either side: no strike
    assert strikes("Russian sources reported an explosion near Berdyansk, which they attributed to air defense.", is_name) == []
    assert strikes("Ukrainian sources reported explosions in Tokmak, attributing them to Russian or Ukrainian fire.",
                   is_name) == []


def test_a_strike_on_troops_on_the_move_is_where_they_moved(is_name):
    got = strikes("Footage showed Ukrainian artillery hitting Russian troops attempting to advance near Vuhledar.", is_name)
    assert [(a, p) for a, _, p in got] == [("ukraine", ["Vuhledar"])]
    got = strikes("Footage showed Russian drones striking retreating Ukrainian units near Soledar.", is_name)
    assert [(a, p) for a, _, p in got] == [("russia", ["Soledar"])]
    # troops that were hit, not hitting: "badly damaged Russian units fighting for X" is no strike there
    assert strikes("It is unclear how badly damaged Russian units fighting for Soledar are.", is_name) == []


def test_a_strike_verb_going_on_after_and_is_not_under_the_aim_before_it(is_name):
    got = strikes("Russian forces will likely try to push toward Siversk and continued to shell Siversk on May 2.", is_name)
    assert [(a, p) for a, _, p in got] == [("russia", ["Siversk"])]
    got = strikes("A local official said that Russian troops are preparing to assault Vuhledar and are shelling Vuhledar.",
                  is_name)
    assert [(a, p) for a, _, p in got] == [("russia", ["Vuhledar"])]
    # both verbs under the aim: no claim
    assert strikes("Russian forces will likely try to push toward Siversk and continue to shell Siversk.", is_name) == []


def test_artillery_duels_of_both_sides_are_both_sides_strikes(is_name):
    got = strikes("A local official said that Russian and Ukrainian forces fought artillery duels near Siversk and Soledar.",
                  is_name)
    assert [(a, p) for a, _, p in got] == [("russia", ["Siversk", "Soledar"]), ("ukraine", ["Siversk", "Soledar"])]
    got = strikes("Footage shows artillery exchanges between Ukrainian and Russian forces near Vuhledar.", is_name)
    assert [(a, p) for a, _, p in got] == [("russia", ["Vuhledar"]), ("ukraine", ["Vuhledar"])]
    # one side's duel with no other side named, or a tank battle between them: no strike for both
    assert strikes("Artillery duels continued near Vuhledar.", is_name) == []
    assert strikes("Footage shows tank battles between Russian and Ukrainian forces near Vuhledar.", is_name) == []
