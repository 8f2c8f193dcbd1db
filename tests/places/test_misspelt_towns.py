"""A misspelt town's name and the far villages spelt as close (sentences written for these tests)."""

import datetime as dt

from geo.models import Paragraph, Report
from geo.places.resolver import resolve_claims


def placed(text: str, gazetteer, date=dt.date(2022, 3, 2), section="Southern axis") -> dict:
    from geo.extract.claims import extract_claims

    report = Report(date, "t", (Paragraph(text, section),))
    rows = resolve_claims(extract_claims(report, gazetteer.is_name), gazetteer)
    return {cp.resolution.mention.text: cp.resolution for cp in rows}


def test_a_misspelt_city_is_the_city_not_a_village_spelt_as_close(full_gazetteer):
    text = "Russian forces pushed north toward Zaprozhia and west toward Mykolayiv on March 2."
    got = placed(text, full_gazetteer)["Zaprozhia"]
    assert got.place.geonameid == 687700  # Zaporizhzhia city, not a hamlet Zaporizhzhya of another oblast
    assert "fuzzy" in got.rule and got.review
