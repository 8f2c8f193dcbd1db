""""in and around X" names the town itself (and its area): a place of the claim, not a topic named by a bearing."""

import pytest

from geo.extract.mentions import find_mentions


@pytest.fixture(scope="module")
def is_name(embedded_gazetteer):
    return embedded_gazetteer.is_name


def roles(sentence, is_name):
    return [(m.text, m.role, m.bearing) for m in find_mentions(sentence, is_name)]


def test_in_and_around_is_the_town(is_name):
    assert roles("Ukrainian troops kept up counterattacks in and around Kreminna through the week.", is_name) == [
        ("Kreminna", "target", None)]


def test_around_alone_stays_an_area(is_name):
    assert roles("Ukrainian troops kept up counterattacks around Kreminna through the week.", is_name) == [
        ("Kreminna", "reference", "around Kreminna")]
