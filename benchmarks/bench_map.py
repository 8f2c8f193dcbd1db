"""Time and HTML size to build the claims map for 1,000 and 10,000 claims: the one-GeoJSON-layer way
(geo.map.folium_map) beside one Folium CircleMarker (with popup and tooltip) per claim.

usage: python benchmarks/bench_map.py [--corpus] [--sizes 1000,10000] [--repeat 3]

Claims are real rows: the embedded sample's (default) or, with --corpus, those extracted from the
2022-2023 archive in ../shared/corpus (written out by ../shared/tools/materialize_corpus.py), repeated
with small coordinate offsets and spread over 30 report days until there are enough.
"Build" = base map + claims layer + rendering the page HTML (what st_folium / the HTML download do).
Prints one summary line; targets: the 10,000-claim map in 0.3 s or less and >= 10x faster than per-marker.
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"


def sample_rows() -> list[dict]:
    from geo.places.gazetteer import Gazetteer
    from geo.pipeline import ensure_sample_store

    with tempfile.TemporaryDirectory() as tmp:
        with ensure_sample_store(Path(tmp) / "claims.sqlite", Gazetteer.embedded()) as store:
            return [r for r in store.claim_rows() if r["lat"] is not None]


def corpus_rows() -> list[dict]:
    from geo.places.gazetteer import Gazetteer
    from geo.pipeline import extract_rows
    from geo.read.reports import iter_paths, read_path

    gaz = Gazetteer.embedded()
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, str(SHARED / "tools" / "materialize_corpus.py"), tmp], check=True,
                       capture_output=True)
        rows = [row for p in iter_paths([Path(tmp)]) for rep in read_path(p) for row in extract_rows(rep, gaz)]
    return [dict(r, id=i) for i, r in enumerate(rows, start=1) if r["lat"] is not None]


def scale(rows: list[dict], n: int, end: dt.date) -> list[dict]:
    """`n` rows from `rows`, repeated with small offsets (so markers do not coincide), over 30 days up to
    `end`. Each copy gets its own text (so nothing is shared across copies that real reports would not
    share); rows of one sentence within a copy share it, as in a real report."""
    out = []
    for i in range(n):
        r = rows[i % len(rows)]
        k = i // len(rows)
        out.append(dict(r, id=i + 1, lat=r["lat"] + 0.013 * (k % 40), lon=r["lon"] + 0.017 * (k // 40 % 40),
                        report_date=(end - dt.timedelta(days=k % 30)).isoformat(), quote=f"{r['quote']} [{k}]",
                        source=f"{r['source']}?copy={k}" if r.get("source") else None))
    return out


def build_geojson(rows, view, settings) -> str:
    from geo.map import folium_map, views

    m = folium_map.build_base_map(settings)
    folium_map.claims_layer(rows, view, settings, dates=views.report_dates(rows)).add_to(m)
    return m.get_root().render()


def build_per_marker(rows, view, settings) -> str:
    import folium

    from geo.map import folium_map

    m = folium_map.build_base_map(settings)
    for r in rows:
        folium.CircleMarker(
            [r["lat"], r["lon"]], radius=7, color=folium_map.ACTOR_COLOURS.get(r["actor"], "#555"), fill=True,
            fill_opacity=0.9 if r["status"] == "confirmed" else 0.1,
            popup=folium.Popup(folium_map.popup_html(r), max_width=380), tooltip=folium_map.tooltip_text(r),
        ).add_to(m)
    return m.get_root().render()


def best_of(fn, repeat: int) -> tuple[float, int]:
    best, size = float("inf"), 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        html = fn()
        best = min(best, time.perf_counter() - t0)
        size = len(html.encode("utf-8"))
    return best, size


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", action="store_true", help="use rows extracted from ../shared/corpus (needs ../shared)")
    ap.add_argument("--sizes", default="1000,10000", help="claim counts to build (comma-separated)")
    ap.add_argument("--repeat", type=int, default=3, help="best of N builds for the GeoJSON way (per-marker: once)")
    args = ap.parse_args()

    from geo.map import folium_map
    from geo.map.views import View

    if args.corpus and not (SHARED / "tools" / "materialize_corpus.py").is_file():
        print(f"skipped: --corpus needs {SHARED}")
        return 0
    base = corpus_rows() if args.corpus else sample_rows()
    end = dt.date(2024, 6, 19)
    view = View(date=end, window="30d")
    settings = folium_map.MapSettings(tiles_url=None, cluster_min=10**9)  # clustering changes nothing in the build
    figures, ok = [], True
    for n in (int(s) for s in args.sizes.split(",")):
        rows = scale(base, n, end)
        t_geo, size_geo = best_of(lambda: build_geojson(rows, view, settings), args.repeat)
        t_pm, size_pm = best_of(lambda: build_per_marker(rows, view, settings), 1)
        t_page, size_page = best_of(lambda: folium_map.render_standalone_html(rows, view, settings), 1)
        figures.append(f"{n:,} claims: GeoJSON layer {t_geo:.3f} s / {size_geo / 1e6:.1f} MB vs per-marker "
                       f"{t_pm:.2f} s / {size_pm / 1e6:.1f} MB ({t_pm / t_geo:.0f}x); standalone page "
                       f"{t_page:.2f} s / {size_page / 1e6:.1f} MB")
        if n == 10000:
            ok = t_geo <= 0.3 and t_pm / t_geo >= 10
    source = "archive" if args.corpus else "sample"
    print(f"map build ({source} rows, best of {args.repeat}): " + "; ".join(figures)
          + f" [target: 10,000 in <= 0.3 s and >= 10x faster: {'met' if ok else 'NOT met'}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
