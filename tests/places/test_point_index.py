"""FinePointIndex answers "how far is the nearest point" as PointIndex does, for radii up to its cell size."""

from __future__ import annotations

import random

from geo.places.resolver import FinePointIndex, PointIndex


def test_fine_index_answers_as_the_coarse_one():
    rng = random.Random(4)
    points = [(44 + rng.random() * 12, 22 + rng.random() * 20) for _ in range(3000)]  # Ukraine and the border areas
    coarse, fine = PointIndex(points), FinePointIndex(points)
    for lat, lon in rng.sample(points, 400):
        lat, lon = lat + rng.uniform(-0.2, 0.2), lon + rng.uniform(-0.3, 0.3)
        for within in (5.0, 12.0, 24.0):
            assert fine.nearest_km(lat, lon, within) == coarse.nearest_km(lat, lon, within)
