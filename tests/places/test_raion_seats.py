"""A raion GeoNames has no row for is drawn at its seat (sentences written for these tests)."""

import datetime as dt
from functools import partial

from tests.places.test_namesakes import placed as placed_on

placed = partial(placed_on, date=dt.date(2022, 10, 5), section="Northeastern Ukraine")


def test_a_raion_without_a_row_is_drawn_at_its_seat(full_gazetteer):
    got = placed("Russian artillery hit farms in Kupyansk Raion and Izyum Raion overnight on October 4.", full_gazetteer)
    seat = got["Kupyansk Raion"]
    assert seat.place.name == "Kupyansk" and seat.precision == "region" and "seat" in seat.rule
    assert got["Izyum Raion"].place.feature_code == "ADM2"  # GeoNames' own raion row where it has one


def test_a_raion_named_by_its_adjective_is_drawn_at_the_town_it_comes_from(full_gazetteer):
    got = placed("Russian aircraft bombed villages in the north of Derhachivskyi Raion on October 4.", full_gazetteer)
    assert got["Derhachivskyi Raion"].place.name == "Derhachi"
    # a raion named after no seat (a village's name) stays unplaced
    got = placed("Russian aircraft bombed villages in Zhovtneve Raion on October 4.", full_gazetteer)
    assert all(r.place is None or r.place.feature_class == "A" for r in got.values())
