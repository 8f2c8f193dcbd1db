"""A sentence whose every place is a town named only as a bearing sums up where fighting was: a topic."""

import pytest

from geo.extract.claims import sentence_claims


@pytest.fixture(scope="module")
def is_name(embedded_gazetteer):
    return embedded_gazetteer.is_name


def places(sentence, is_name):
    return [[(m.text, m.role) for m in e.mentions] for e in sentence_claims(sentence, is_name)]


def test_bearings_only_stay_references(is_name):
    # two clauses, each a bearing from a town: no clause names a place of its own, so the towns stay topics that the
    # section's named villages replace (geo.pipeline.drop_topic_rows)
    got = places("Russian troops conducted failed assaults northwest of Kreminna and south of Siversk on Tuesday.", is_name)
    assert got == [[("Kreminna", "reference"), ("Siversk", "reference")]]


def test_a_town_attacked_on_and_off_is_a_place(is_name):
    got = places("Russian troops conducted failed assaults on and northwest of Kreminna and south of Siversk on Tuesday.", is_name)
    assert got == [[("Kreminna", "target"), ("Siversk", "target")]]


def test_a_bearing_beside_a_named_place_is_a_clause_of_its_own(is_name):
    got = places("Russian troops made small gains inside Kreminna and south of Siversk on Tuesday.", is_name)
    assert got == [[("Kreminna", "target"), ("Siversk", "target")]]
