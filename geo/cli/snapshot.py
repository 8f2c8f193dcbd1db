"""`python -m geo snapshot --date D [--window 7d] [--bbox W,S,E,N | --around PLACE --radius KM | --fit] --out FILE.png`:
briefing slides as PNG."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from geo.cli import add_command
from geo.cli._common import add_gazetteer_option, add_store_option

# --window accepts the dashboard's names and plain day counts.
WINDOW_ALIASES = {"1": "day", "day": "day", "7": "7d", "7d": "7d", "30": "30d", "30d": "30d", "all": "all"}


def register(sub) -> None:
    p = add_command(
        sub, "snapshot",
        "Render the dashboard's briefing view of one or more dates to PNG in headless Chromium: the map of a sector "
        "(a box, a radius around a place, or fitted to the claims: the default) with every claim labelled, the towns "
        "that orient a reader, the title with the date, legend, scale bar and source line, and no controls. Needs "
        "Debian's chromium + chromium-driver (scripts/install_browser.sh).",
        "python -m geo snapshot --date 2022-11-11 --window 7d --around Kherson --radius 60 --size 1280x720 --scale 2 --out k.png",
        run,
    )
    p.add_argument("--date", dest="dates", action="append", type=_date_span, metavar="YYYY-MM-DD[..YYYY-MM-DD]",
                   help="end date of the view; repeat for one PNG per date, or give FROM..TO for every report date "
                        "in that span (default: the latest report date)")
    p.add_argument("--window", default="day", type=_window, metavar="N",
                   help="days shown, ending on the date: 1 (default), 7, 30 or all (also day, 7d, 30d)")
    for flag, help_text in (("actor", "russia or ukraine"), ("kind", "advance, attack or strike"),
                            ("status", "confirmed or claimed"), ("claimant", "e.g. 'Russian MoD'"),
                            ("section", "axis or direction heading"), ("oblast", "e.g. 'Donetsk Oblast'")):
        p.add_argument(f"--{flag}", action="append", default=[], metavar=flag.upper(),
                       help=f"only claims with this {flag} ({help_text}); repeatable")
    p.add_argument("--text", default="", help="only claims whose quote contains this text")
    area = p.add_mutually_exclusive_group()
    area.add_argument("--bbox", type=_bbox, metavar="W,S,E,N",
                      help="the sector: west,south,east,north in degrees (e.g. 37.6,48.4,38.4,48.9 for Bakhmut); "
                           "only its claims are shown")
    area.add_argument("--around", metavar="PLACE",
                      help="the sector around a town (e.g. Kherson, Bakhmut, Sudzha) or lat,lon; with --radius")
    area.add_argument("--fit", action="store_true", help="frame the claims shown (the default)")
    p.add_argument("--radius", type=_radius, default=None, metavar="KM", help="radius of --around in km (default 50)")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.png|FOLDER|PATTERN",
                   help="a PNG file (one date), a folder (one claims-DATE.png per date), or a pattern with {date}")
    p.add_argument("--overlay", action="append", default=[], type=Path, metavar="GEOJSON",
                   help="front line / controlled area GeoJSON drawn under the markers; repeatable")
    p.add_argument("--frontline", type=Path, metavar="FOLDER",
                   help="folder of dated front-line snapshots (GeoJSON named YYYYMMDD or by Unix time, e.g. "
                        "DeepStateMap history); each slide gets the latest snapshot on or before its date")
    p.add_argument("--no-front", action="store_true",
                   help="no front line (default: DeepStateMap's occupied area and front line as of each slide's date, "
                        "from the shipped weekly series and 'python -m geo frontline import/fetch')")
    p.add_argument("--boundaries", action="append", default=[], type=Path, metavar="GEOJSON",
                   help="oblast boundaries GeoJSON drawn as a plain basemap; repeatable")
    p.add_argument("--tiles", default=None, metavar="URL|none",
                   help="tile URL template, or 'none' for no tiles (default: env GEO_TILES_URL, else OpenStreetMap)")
    p.add_argument("--size", default="1600x900", type=_size, metavar="WxH",
                   help="viewport in CSS pixels, e.g. 1280x720, 1366x768, 1920x1080 (default 1600x900)")
    p.add_argument("--scale", default=1.0, type=float, help="device pixel ratio; 2 for a hi-DPI slide (default 1)")
    p.add_argument("--timeout", default=60.0, type=float, help="seconds to wait for each map to be drawn (default 60)")
    add_store_option(p)
    add_gazetteer_option(p)


def sector(args) -> dict:
    """The View fields of the sector the options choose: a box, a radius around a place, or a fit to the claims."""
    from geo.errors import GeoError, SnapshotError
    from geo.map.labels import locate_place
    from geo.map.views import bbox_around

    if args.radius is not None and not args.around:
        raise SnapshotError("--radius goes with --around PLACE")
    if args.bbox:
        return {"bbox": args.bbox}
    if args.around:
        from geo.cli._common import load_gazetteer

        try:
            lat, lon, _ = locate_place(args.around)
        except GeoError:  # not a shipped town: ask the gazetteer
            lat, lon, _ = locate_place(args.around, load_gazetteer(args.gazetteer))
        radius = args.radius or 50.0
        return {"bbox": bbox_around(lat, lon, radius), "around": " ".join(args.around.split()), "radius_km": radius}
    return {"fit": True}


def run(args) -> int:
    from geo.map.browser import starting_browser
    from geo.map.snapshot import browser_flags

    area = sector(args)  # a place that cannot be found fails before any work
    tiles = args.tiles if args.tiles is not None else os.environ.get("GEO_TILES_URL")
    no_tiles = tiles is not None and tiles.strip().lower() in ("", "none", "off", "no")
    flags = browser_flags(None if no_tiles else tiles, default=tiles is None)
    # Chromium starts while Folium loads, the store is read and the pages are written
    with starting_browser(args.size[0], args.size[1], args.scale, **flags) as driver:
        return _run(args, area, driver)


def _run(args, area: dict, driver) -> int:
    from geo.errors import SnapshotError
    from geo.map.folium_map import MapSettings, read_overlay
    from geo.pipeline import ensure_sample_store, front_series
    from geo.map.snapshot import snapshot_views
    from geo.map.views import View, report_dates

    with ensure_sample_store(args.store) as store:
        rows = store.claim_rows()
        series = None if args.no_front or args.frontline else front_series(store)
    known = report_dates(rows)
    if not known:
        raise SnapshotError(f"{args.store}: the store holds no report; run 'python -m geo ingest PATH' first")
    dates = expand_dates(args.dates or [(known[-1], known[-1])], known)
    for d in dates:
        if args.window == "day" and d not in known:
            print(f"warning: no report for {d} in {args.store} (reports run {known[0]} to {known[-1]}); "
                  "its map will be empty", file=sys.stderr)
    views = [View(date=d, window=args.window, actors=tuple(args.actor), kinds=tuple(args.kind),
                  statuses=tuple(args.status), claimants=tuple(args.claimant), sections=tuple(args.section),
                  oblasts=tuple(args.oblast), text=args.text, briefing=True, **area) for d in dates]
    settings = MapSettings.from_env()
    if args.tiles is not None:
        settings = settings.with_tiles(args.tiles)
    overlays = [read_overlay(p, kind="area") for p in args.overlay] + [read_overlay(p, kind="boundaries") for p in args.boundaries]
    fronts = frontline_overlays(args.frontline, dates) if args.frontline else []
    outs = output_paths(args.out, dates)
    width, height = args.size
    for slide in snapshot_views(rows, views, outs, settings, overlays, width=width, height=height,
                                scale=args.scale, timeout=args.timeout, per_view_overlays=fronts, front_series=series,
                                driver=driver):
        print(f"{slide.path}\t{slide.count} claim(s)\t{slide.title}")
    return 0


def output_paths(out: Path, dates: list[dt.date]) -> list[Path]:
    """Where each date's PNG goes: a {date} pattern, a folder, or one file (numbered by date when several)."""
    text = str(out)
    if "{date}" in text:
        return [Path(text.replace("{date}", d.isoformat())) for d in dates]
    if out.is_dir() or text.endswith(os.sep) or out.suffix.lower() != ".png":
        return [out / f"claims-{d.isoformat()}.png" for d in dates]
    if len(dates) == 1:
        return [out]
    return [out.with_name(f"{out.stem}-{d.isoformat()}{out.suffix}") for d in dates]


def frontline_overlays(folder: Path, dates: list[dt.date]) -> list[list]:
    """For each date, the front-line snapshot as of that date (an empty list when none is that old)."""
    from geo.errors import OverlayError
    from geo.map.folium_map import overlay_files, read_overlay, snapshot_date, snapshot_for

    files = overlay_files(folder)
    if not any(snapshot_date(f) for f in files):
        raise OverlayError(f"{folder}: no GeoJSON file named by its date (YYYYMMDD or Unix time) in this folder")
    loaded: dict[Path, object] = {}
    out = []
    for day in dates:
        path = snapshot_for(files, day)
        if path is None:
            print(f"warning: no front-line snapshot in {folder} on or before {day}; that slide has none",
                  file=sys.stderr)
            out.append([])
            continue
        if path not in loaded:
            loaded[path] = read_overlay(path, name=f"Front line as of {snapshot_date(path)}", kind="area")
        out.append([loaded[path]])
    return out


def expand_dates(spans: list[tuple[dt.date, dt.date]], known: list[dt.date]) -> list[dt.date]:
    """The dates to draw: each single date as given, each FROM..TO span as the report dates inside it."""
    from geo.errors import SnapshotError

    dates: list[dt.date] = []
    for start, end in spans:
        if start == end:
            dates.append(start)
            continue
        inside = [d for d in known if start <= d <= end]
        if not inside:
            raise SnapshotError(f"no report dated {start}..{end} in the store "
                                f"(reports run {known[0]} to {known[-1]})")
        dates.extend(inside)
    return list(dict.fromkeys(dates))


def _date_span(text: str) -> tuple[dt.date, dt.date]:
    import argparse

    first, _, last = text.partition("..")
    try:
        start = dt.date.fromisoformat(first.strip())
        end = dt.date.fromisoformat(last.strip()) if last else start
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2024-06-19 or a span like "
                                         "2024-06-13..2024-06-19") from None
    if end < start:
        raise argparse.ArgumentTypeError(f"{text!r}: the span ends before it starts")
    return start, end


def _window(text: str) -> str:
    import argparse

    if text.lower() not in WINDOW_ALIASES:
        raise argparse.ArgumentTypeError(f"{text!r}: use 1, 7, 30 or all (days ending on the date)")
    return WINDOW_ALIASES[text.lower()]


def _bbox(text: str) -> tuple[float, float, float, float]:
    import argparse

    from geo.map.views import check_bbox

    try:
        return check_bbox(tuple(float(v) for v in text.split(",")))
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"{text!r}: {e}") from None


def _radius(text: str) -> float:
    import argparse

    try:
        km = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of kilometres") from None
    if not 1 <= km <= 1000:
        raise argparse.ArgumentTypeError(f"{text!r}: the radius must be between 1 and 1000 km")
    return km


def _size(text: str) -> tuple[int, int]:
    import argparse

    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 1600x900") from None
    if not (200 <= w <= 8000 and 200 <= h <= 8000):
        raise argparse.ArgumentTypeError(f"{text!r}: width and height must be between 200 and 8000 pixels")
    return w, h
