"""The front line of the day: cost of measuring 10,000 claims against it, and of drawing it on a date change.

    python benchmarks/bench_frontline.py

Claims: 10,000 points spread over 2022-10..2026-08 around the front (real-looking: jittered along the line of
their day), measured with FrontSeries.distances (one STRtree per snapshot, vectorised). Date change: the front
payload of a new date (snapshot read from the shipped series, GeoJSON for the page) and its script JSON.
Prints one line.
"""

from __future__ import annotations

import datetime as dt
import random
import time

import shapely

from geo.map.content import front_payload
from geo.map.folium_map import front_json
from geo.places.frontline import FrontSeries


def main() -> None:
    rnd = random.Random(11)
    series = FrontSeries.shipped()
    dates = series.dates()
    days = [dates[0] + dt.timedelta(days=rnd.randrange((dates[-1] - dates[0]).days)) for _ in range(10_000)]
    lats = [rnd.uniform(46.5, 50.5) for _ in days]
    lons = [rnd.uniform(32.5, 38.5) for _ in days]
    t0 = time.perf_counter()
    for d in dates:  # read every snapshot once (what a long-running process does once)
        series.get(d)
    t_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    series.distances(days, lats, lons)
    t_cold = time.perf_counter() - t0  # builds each snapshot's tree
    t0 = time.perf_counter()
    series.distances(days, lats, lons)
    t_warm = time.perf_counter() - t0
    fresh = FrontSeries.shipped()
    t0 = time.perf_counter()
    n = 20
    size = 0
    for d in dates[40:40 + n]:
        size = len(front_json(front_payload(fresh.on_or_before(d), None, d)) or "")
    t_draw = (time.perf_counter() - t0) / n
    cached = FrontSeries.shipped()
    for d in dates[40:40 + n]:
        cached.on_or_before(d).line
    t0 = time.perf_counter()
    for d in dates[40:40 + n]:
        front_json(front_payload(cached.on_or_before(d), None, d))
    t_redraw = (time.perf_counter() - t0) / n
    print(f"front line: 10,000 claims measured in {t_cold:.2f} s over {len(dates)} snapshots (trees built), {t_warm:.2f} s "
          f"again; reading all snapshots {t_load:.2f} s; date change: front payload {1000 * t_draw:.0f} ms "
          f"({size / 1e3:.0f} kB JSON), {1000 * t_redraw:.0f} ms when the snapshot is cached (shapely {shapely.__version__})")


if __name__ == "__main__":
    main()
