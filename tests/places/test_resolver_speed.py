"""The resolver's speed-ups answer as the plain forms did: Context's cached reads, RecentPoints' shortcuts."""

from dataclasses import replace

from geo.models import Place
from geo.places.resolver import Context, PointIndex, RecentPoints


def _place(gid: int, lat: float, lon: float) -> Place:
    return Place(gid, f"P{gid}", lat, lon, "UA", "Donetsk Oblast")


def test_context_reads_sentence_points_once_and_hashes_by_its_fields():
    a, b = _place(1, 48.0, 37.5), _place(2, 48.3, 38.0)
    ctx = Context(sentence_places=(a, b))
    assert ctx.sentence_points == ((1, 48.0, 37.5), (2, 48.3, 38.0))
    assert ctx.sentence_points is ctx.sentence_points  # computed on the first read, kept
    other = replace(ctx, sentence_places=(a,))
    assert other.sentence_points == ((1, 48.0, 37.5),)  # a replaced Context reads its own
    assert Context(sentence_places=(a, b)) == ctx and hash(Context(sentence_places=(a, b))) == hash(ctx)


def test_context_section_index_is_the_kept_one_or_built():
    kept = RecentPoints([_place(1, 48.0, 37.5)], 40)
    assert Context(section_points=kept).section_index is kept
    built = Context(paragraph_places=(_place(1, 48.0, 37.5),)).section_index
    assert isinstance(built, PointIndex) and built.nearest_km(48.0, 37.5, 100) == 0.0


def test_recent_points_answer_as_a_point_index_for_every_radius():
    places = [_place(i, 47.0 + (i * 0.37) % 2.5, 35.0 + (i * 0.61) % 4.0) for i in range(60)]
    growing: list[Place] = []
    recent = RecentPoints(growing, 40)
    for i, p in enumerate(places):
        growing.append(p)
        last = growing[-40:]
        index = PointIndex((x.lat, x.lon) for x in last)
        for within in (-1.0, 5.0, 100.0, 120.0, 150.0, 300.0):
            q = (47.5 + (i * 0.13) % 2.0, 36.0 + (i * 0.29) % 3.0)
            assert recent.nearest_km(*q, within) == index.nearest_km(*q, within)
