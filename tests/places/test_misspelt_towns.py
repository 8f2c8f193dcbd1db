"""A misspelt town's name and the far villages spelt as close (sentences written for these tests)."""

import datetime as dt
from functools import partial

from tests.places.test_namesakes import placed as placed_on

placed = partial(placed_on, date=dt.date(2022, 3, 2), section="Southern axis")


def test_a_misspelt_city_is_the_city_not_a_village_spelt_as_close(full_gazetteer):
    text = "Russian forces pushed north toward Zaprozhia and west toward Mykolayiv on March 2."
    got = placed(text, full_gazetteer)["Zaprozhia"]
    assert got.place.geonameid == 687700  # Zaporizhzhia city, not a hamlet Zaporizhzhya of another oblast
    assert "fuzzy" in got.rule and got.review
