"""A town left open among its namesakes by its own sentence is the namesake that the bearings the report gives from it
fit (sentences written for these tests)."""

import datetime as dt

import pytest

from geo.models import Paragraph, Report
from geo.places.resolver import resolve_claims


def placed(day: dt.date, texts: list[str], gazetteer) -> dict:
    from geo.extract.claims import extract_claims

    report = Report(day, "t", tuple(Paragraph(t, "Southern axis") for t in texts))
    return {cp.resolution.mention.text: cp.resolution for cp in resolve_claims(extract_claims(report, gazetteer.is_name), gazetteer)}


@pytest.mark.parametrize("day, texts, name, gid", [
    # 104 Oleksandrivkas; Komar lies east of one only: the one in Dnipropetrovsk Oblast
    (dt.date(2025, 6, 10), ["Russian forces continued offensive operations in the Oleksandrivka direction on June 9.",
                            "Russian forces attacked near Komar (east of Oleksandrivka) on June 9."], "Oleksandrivka", 9189092),
    # the Bilohorivka that has a Spirne 12 km south of it, in Luhansk Oblast; the bearing in a later paragraph
    (dt.date(2022, 9, 14), ["Russian forces attacked Bilohorivka on September 13.",
                            "Russian troops attempted to attack in Spirne (12km south of Bilohorivka)."], "Bilohorivka", 712588),
])
def test_a_town_open_among_namesakes_is_the_one_the_reports_bearings_from_it_fit(full_gazetteer, day, texts, name, gid):
    got = placed(day, texts, full_gazetteer)[name]
    assert got.place is not None and got.place.geonameid == gid
    assert got.rule == "the namesake the report's bearings from it fit"


def test_bearings_that_fit_many_namesakes_leave_the_town_open(full_gazetteer):
    # a Novoselivka lies east of many Oleksandrivkas
    got = placed(dt.date(2025, 6, 10), ["Russian forces continued offensive operations in the Oleksandrivka direction on June 9.",
                                         "Russian forces attacked near Novoselivka (east of Oleksandrivka) on June 9."], full_gazetteer)
    assert got["Oleksandrivka"].place is None


def test_a_village_put_where_its_bracket_says_is_that_village_later_in_the_section(full_gazetteer):
    # GeoNames has no Yasyukivka; "(15km north)" of the clause's Bakhmut puts it there, not on the Yasynivka 50 km south
    # that the spelling is near, and the section's later sentence names the same village
    texts = ["Ukrainian forces repelled Russian attacks north of Bakhmut near Krasna Hora (5km north) and Yasyukivka (15km "
             "north) on January 20.", "Russian forces also attacked toward Yasyukivka on January 21."]
    report = Report(dt.date(2023, 1, 21), "t", tuple(Paragraph(t, "Bakhmut") for t in texts))
    from geo.extract.claims import extract_claims

    got = [cp.resolution for cp in resolve_claims(extract_claims(report, full_gazetteer.is_name), full_gazetteer)
           if cp.resolution.mention.text == "Yasyukivka"]
    assert len(got) == 2
    for res in got:
        assert res.place is not None and res.place.source == "derived" and res.review
        assert abs(res.place.lat - 48.729) < 0.01 and abs(res.place.lon - 37.999) < 0.01
    assert got[1].rule.endswith("(earlier in the section)")
