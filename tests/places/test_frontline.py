"""The front line of the day: reading DeepState-style files, picking a day's snapshot, distances, the CLI's
import / fetch / list (fetch against a local HTTP server on 127.0.0.1 serving the real files of ../shared)."""

from __future__ import annotations

import datetime as dt
import gzip
import http.server
import json
import shutil
import threading

import pytest

from geo.cli import main
from geo.places.frontline import (
    FrontSeries, FrontlineError, audit, classify, date_from_name, deepstate_plan, expected_far, front_check,
    parse_snapshot, ukraine_regions,
)
from geo.store import Store

FRONT = "data/frontline"
RAW_2024 = f"{FRONT}/deepstatemaps_history/1718484340.geojson"  # 2024-06-15
CYTERAT_2024 = f"{FRONT}/cyterat/deepstatemap_data_20240708.geojson"
# (lat, lon): Avdiivka (occupied since Feb 2024), Kyiv, Chasiv Yar (on the line in June 2024), Tiraspol
AVDIIVKA, KYIV, CHASIV_YAR, TIRASPOL = (48.139, 37.742), (50.45, 30.52), (48.586, 37.835), (46.84, 29.63)


def test_classify_deepstate_names():
    assert classify({"name": "Окуповано /// Occupied\xa0/// geoJSON.status.occupied "}) == "occupied"
    assert classify({"name": "Окупований Крим /// Occupied Crimea\xa0/// geoJSON.territories.crimea"}) == "occupied"
    assert classify({"name": "ОРДЛО /// CADR and CALR\xa0/// geoJSON.territories.ordlo"}) == "occupied"
    assert classify({"name": "Статус невідомий /// Unknown status\xa0/// geoJSON.status.unknown"}) == "unknown"
    assert classify({"name": "Звільнено /// Liberated\xa0/// geoJSON.status.dismissed"}) is None
    assert classify({"name": "Придністров'я/// Transnistria /// geoJSON.territories.transnistria"}) is None
    assert classify({"name": "Окупована Абхазія. /// Occupied Abkhazia. /// geoJSON.territories.abkhazia "}) is None
    assert classify({"name": "Окуповано. 01.04"}) == "occupied"  # 2022 files: Ukrainian names only
    assert classify({"name": "Під питанням"}) == "unknown"
    assert classify({"name": "Придністров'я"}) is None
    assert classify({}) == "occupied"  # cyterat: one unnamed MultiPolygon
    assert classify({"status": "unknown"}) == "unknown"


def test_date_from_name():
    assert date_from_name("deepstatemap_data_20240708.geojson") == dt.date(2024, 7, 8)
    assert date_from_name("2024-06-17.geojson.gz") == dt.date(2024, 6, 17)
    assert date_from_name("1718484340.geojson") == dt.date(2024, 6, 15)
    assert date_from_name("front.geojson") is None


def test_raw_deepstate_file_keeps_occupied_ukraine_only(shared):
    snap = parse_snapshot((shared / RAW_2024).read_bytes(), str(shared / RAW_2024))
    assert snap.date == dt.date(2024, 6, 15)
    inside = snap.inside([AVDIIVKA[0], KYIV[0], TIRASPOL[0]], [AVDIIVKA[1], KYIV[1], TIRASPOL[1]])
    assert list(inside) == [True, False, False]  # Transnistria is not part of this war's occupied area
    assert 100_000 < snap.area_km2 < 120_000  # ~109 thousand km² (DeepStateMap's own figure for mid-2024)
    assert snap.unknown.area > 0  # the grey zone is kept apart
    minx, miny, maxx, maxy = snap.occupied.bounds
    assert minx >= 22 and maxx <= 40.5 and miny >= 44 and maxy <= 52.5  # Karelia, Kurils, Abkhazia... dropped


def test_cyterat_and_weekly_files_and_gzip(shared, tmp_path):
    cy = parse_snapshot((shared / CYTERAT_2024).read_bytes(), CYTERAT_2024)
    assert cy.date == dt.date(2024, 7, 8) and cy.inside([AVDIIVKA[0]], [AVDIIVKA[1]])[0]
    weekly = shared / FRONT / "deepstate_weekly" / "2024-06-17.geojson.gz"
    wk = parse_snapshot(weekly.read_bytes(), str(weekly))
    assert wk.date == dt.date(2024, 6, 17)
    assert abs(wk.area_km2 - cy.area_km2) < 2_000  # three weeks apart: the same occupied area to within 2%
    gz = tmp_path / "deepstatemap_data_20240708.geojson.gz"
    gz.write_bytes(gzip.compress((shared / CYTERAT_2024).read_bytes()))
    assert parse_snapshot(gz.read_bytes(), str(gz)).area_km2 == pytest.approx(cy.area_km2)


def test_distance_to_the_front_line_not_the_coast(shared):
    snap = parse_snapshot((shared / RAW_2024).read_bytes(), str(shared / RAW_2024))
    lats, lons = zip(CHASIV_YAR, KYIV, (47.10, 37.55), (44.95, 34.10), (46.64, 32.62))  # + Mariupol, Simferopol, Kherson
    d = snap.distance_km(lats, lons)
    assert d[0] < 5  # Chasiv Yar was on the line
    assert 350 < d[1] < 600  # Kyiv (the nearest line: northern Kharkiv Oblast)
    assert d[2] > 60  # Mariupol: behind the line
    assert d[3] > 100  # Simferopol: deep behind it (the Crimean coast is no front line)
    assert d[4] < 8  # Kherson City: across the Dnipro from the occupied bank


def test_series_picks_the_snapshot_on_or_before_within_14_days():
    series = FrontSeries.shipped()
    # two 2022 snapshots (3 April, 1 September), then the weekly series from 3 October 2022
    assert len(series) >= 200 and series.dates()[:3] == [dt.date(2022, 4, 3), dt.date(2022, 9, 1), dt.date(2022, 10, 3)]
    assert series.date_for(dt.date(2024, 6, 19)) == dt.date(2024, 6, 17)
    assert series.date_for(dt.date(2024, 6, 17)) == dt.date(2024, 6, 17)
    assert series.date_for(dt.date(2022, 9, 30)) is None  # in the gap before the weekly series
    assert series.date_for(dt.date(2022, 3, 30)) is None  # before the series
    last = series.dates()[-1]
    assert series.date_for(last + dt.timedelta(days=14)) == last
    assert series.date_for(last + dt.timedelta(days=15)) is None  # too old to show that day's front
    assert series.on_or_before(dt.date(2024, 6, 19)).inside([AVDIIVKA[0]], [AVDIIVKA[1]])[0]


def test_rejects_what_is_not_front_line_geojson(tmp_path):
    with pytest.raises(FrontlineError, match="not GeoJSON"):
        parse_snapshot(b"<html>not json</html>", "page.geojson")
    far = {"type": "Feature", "properties": {"name": "Occupied"},
           "geometry": {"type": "Polygon", "coordinates": [[[-3, 40], [-2, 40], [-2, 41], [-3, 40]]]}}
    with pytest.raises(FrontlineError, match="none an occupied or grey-zone area of Ukraine"):
        parse_snapshot(json.dumps(far).encode(), "2024-06-19.geojson")
    with pytest.raises(FrontlineError, match="no polygon"):
        parse_snapshot(b'{"type": "FeatureCollection", "features": []}', "2024-06-19.geojson")
    with pytest.raises(FrontlineError, match="nested too deeply"):
        parse_snapshot(b"[" * 100_000, "deep.geojson")
    with pytest.raises(FrontlineError, match="unpacks to more than"):
        parse_snapshot(gzip.compress(b" " * (65 * 2**20)), "bomb.geojson.gz")
    with pytest.raises(FrontlineError, match="damaged gzip"):
        parse_snapshot(b"\x1f\x8b" + b"junk" * 10, "broken.geojson.gz")


def test_expected_far_and_audit():
    regions = ukraine_regions()
    assert "Donetsk Oblast" in regions and "Kursk Oblast" not in regions
    assert expected_far({"kind": "strike", "admin1": "Donetsk Oblast"}, regions).startswith("strike")
    assert expected_far({"kind": "strike", "admin1": "Belgorod Oblast"}, regions).startswith("cross-border strike")
    assert expected_far({"kind": "strike", "admin1": "Zaporizhzhia Oblast",
                         "quote": "Ukrainian partisans attacked a checkpoint in Melitopol."}, regions).startswith("partisan attack")
    assert expected_far({"kind": "advance", "admin1": "Kursk Oblast"}, regions).startswith("cross-border")
    assert expected_far({"kind": "attack", "admin1": "Sumy Oblast"}, regions, 60.0, 3.0).startswith("cross-border")
    assert expected_far({"kind": "attack", "admin1": "Donetsk Oblast"}, regions, 60.0, 80.0) is None
    rows = [
        {"kind": "advance", "precision": "settlement", "lat": 1, "front_km": 3.0, "front_note": None},
        {"kind": "attack", "precision": "settlement", "lat": 1, "front_km": 140.0, "front_note": None, "place": "Far"},
        {"kind": "strike", "precision": "settlement", "lat": 1, "front_km": 300.0, "front_note": "strike: expected away"},
        {"kind": "attack", "precision": "region", "lat": 1, "front_km": 90.0, "front_note": None},
        {"kind": "attack", "precision": "settlement", "lat": 1, "front_km": None, "front_note": "no front-line snapshot within 14"},
    ]
    a = audit(rows, 25)
    assert len(a.checked) == 2 and [r["place"] for r in a.far] == ["Far"] and a.within_share == 0.5
    assert a.expected_far == 1 and a.uncovered == 1
    assert front_check(rows[1]) == "far from the front: check" and front_check(rows[0]) is None
    assert front_check(rows[2]) == "strike: expected away"


def test_deepstate_plan_takes_each_days_last_record():
    listing = [{"id": 1718400000, "createdAt": "2024-06-14T21:20:00.000Z"},
               {"id": 1718484340, "createdAt": "2024-06-15T20:45:40.000Z"},
               {"id": 1718440000, "createdAt": "2024-06-15T08:26:40.000Z"},
               {"id": "bad"}, "junk"]
    assert deepstate_plan(listing, [dt.date(2024, 6, 15), dt.date(2024, 6, 16)]) == [(dt.date(2024, 6, 15), 1718484340)]


# -- the CLI ---------------------------------------------------------------------------------------------


def test_import_stores_by_date_and_rejects_bad_files_leaving_the_store_as_it_was(shared, tmp_path, capsys):
    store = tmp_path / "claims.sqlite"
    assert main(["frontline", "import", str(shared / CYTERAT_2024), "--store", str(store)]) == 0
    with Store(store) as s:
        before = s.frontline_list()
    assert [b["date"] for b in before] == ["2024-07-08"]
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "notes.geojson").write_text("this is not json", encoding="utf-8")
    (bad / "2024-07-09.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Occupied"},
         "geometry": {"type": "Polygon", "coordinates": [[[10, 50], [11, 50], [11, 51], [10, 50]]]}}]}), encoding="utf-8")
    capsys.readouterr()
    assert main(["frontline", "import", str(bad), "--store", str(store)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(line.startswith("error: ") for line in err)
    assert "notes.geojson: not GeoJSON" in err[1] + err[0] and "none an occupied or grey-zone area of Ukraine" in err[0] + err[1]
    with Store(store) as s:
        assert [dict(x) for x in s.frontline_list()] == [dict(x) for x in before]
    assert main(["frontline", "list", "--store", str(store)]) == 0
    out = capsys.readouterr().out
    assert "2024-07-08" in out and "shipped series: 2" in out


class Handler(http.server.SimpleHTTPRequestHandler):
    seen: list[str] = []

    def do_GET(self):  # noqa: N802 - http.server's name
        Handler.seen.append(self.path)
        super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture
def server(tmp_path, shared):
    """DeepStateMap's history API layout (/api/history/public, /api/history/<id>/geojson) and the cyterat
    archive layout (/cyterat/deepstatemap_data_YYYYMMDD.geojson), serving the real files of ../shared."""
    root = tmp_path / "www"
    api = root / "api" / "history"
    api.mkdir(parents=True)
    listing = []
    for f in sorted((shared / FRONT / "deepstatemaps_history").glob("*.geojson")):
        (api / f.stem).mkdir()
        shutil.copyfile(f, api / f.stem / "geojson")
        listing.append({"id": int(f.stem), "createdAt": dt.datetime.fromtimestamp(int(f.stem), dt.timezone.utc)
                        .strftime("%Y-%m-%dT%H:%M:%S.000Z")})
    (api / "public").write_text(json.dumps(listing), encoding="utf-8")
    shutil.copytree(shared / FRONT / "cyterat", root / "cyterat")
    Handler.seen = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: Handler(*a, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetch_from_deepstate_history_api(server, tmp_path, capsys):
    store, raw = tmp_path / "claims.sqlite", tmp_path / "raw"
    args = ["frontline", "fetch", "--since", "2024-06-14", "--until", "2024-06-16", "--base-url", f"{server}/api/history",
            "--raw-dir", str(raw), "--store", str(store)]
    assert main(args) == 0
    assert Handler.seen == ["/api/history/public", "/api/history/1718484340/geojson"]
    assert (raw / "deepstate" / "1718484340.geojson").read_bytes()[:20] == (
        tmp_path / "www" / "api" / "history" / "1718484340" / "geojson").read_bytes()[:20]  # saved raw
    with Store(store) as s:
        assert [x["date"] for x in s.frontline_list()] == ["2024-06-15"]
    Handler.seen = []
    assert main(args) == 0  # stored already: only the list is asked for
    assert Handler.seen == ["/api/history/public"]
    assert "1 already stored" in capsys.readouterr().out


def test_fetch_from_cyterat_archive_skips_missing_days(server, tmp_path, capsys):
    store, raw = tmp_path / "claims.sqlite", tmp_path / "raw"
    assert main(["frontline", "fetch", "--source", "cyterat", "--since", "2024-07-07", "--until", "2024-07-09",
                 "--base-url", f"{server}/cyterat", "--raw-dir", str(raw), "--store", str(store)]) == 0
    assert (raw / "cyterat" / "deepstatemap_data_20240708.geojson").is_file()
    with Store(store) as s:
        assert [x["date"] for x in s.frontline_list()] == ["2024-07-08"]
    assert "2 without a snapshot at the source" in capsys.readouterr().out


# -- the prior between namesakes (the full GeoNames index) ------------------------------------------------


def test_front_line_prior_places_a_namesake_on_the_line(full_gazetteer, sample_dir):
    """19 June 2024: "Ukrainian forces recaptured positions near Starytsya": of three Starytsyas, the one on the
    Vovchansk front (Kharkiv Oblast); without the line the context does not separate them."""
    from geo.pipeline import extract_rows
    from geo.read.reports import read_path

    report = next(r for f in sorted(sample_dir.iterdir()) for r in read_path(f) if r.date == dt.date(2024, 6, 19))
    series = FrontSeries.shipped()
    without = {r["place"]: r for r in extract_rows(report, full_gazetteer)}
    with_line = {r["place"]: r for r in extract_rows(report, full_gazetteer, frontline=series.on_or_before(report.date))}
    assert without["Starytsya"]["geonameid"] is None
    got = with_line["Starytsya"]
    assert got["admin1"] == "Kharkiv Oblast" and got["rule"] == "front line of the day"
    assert series.on_or_before(report.date).distance_km([got["lat"]], [got["lon"]])[0] < 10


def test_front_line_prior_never_overrides_a_stated_oblast_or_bearing(full_gazetteer):
    from geo.models import Mention
    from geo.places.resolver import Context, Resolver

    snap = FrontSeries.shipped().on_or_before(dt.date(2026, 2, 26))
    resolver = Resolver(full_gazetteer, frontline=snap)
    name = "Novoselivka"  # 76 namesakes; one in Dnipropetrovsk Oblast lies on the line that day
    res = resolver.resolve(Mention(name, 0, len(name), name), Context(sentence_regions=("Kharkiv Oblast",),
                                                                      named_regions=("Kharkiv Oblast",), kind="advance"))
    assert res.place is None or res.place.admin1 == "Kharkiv Oblast"
    near = [c.place for c in resolver.candidates(Mention(name, 0, len(name), name))[0] if c.place.admin1 != "Kharkiv Oblast"]
    assert min(snap.distance_km([p.lat for p in near], [p.lon for p in near])) < 2  # the line did favour another one
    sumy = full_gazetteer.region("Sumy Oblast")
    city = max((c.place for c in full_gazetteer.lookup("Sumy") if c.place.admin1 == "Sumy Oblast" and c.place.is_settlement),
               key=lambda p: p.population)
    m = Mention("Pokrovka", 0, 8, "Pokrovka", bearing="southeast", reference="Sumy City")
    res = resolver.resolve(m, Context(kind="advance"), ref=city)
    assert sumy is not None and res.place is not None and res.place.admin1 == "Sumy Oblast" and res.rule == "bearing"


def test_map_front_of_a_view_window_end_start_and_none():
    from geo.map.content import legend_html, view_front
    from geo.map.views import View

    series = FrontSeries.shipped()
    dates = [dt.date(2022, 9, 21), dt.date(2024, 6, 12), dt.date(2024, 6, 19)]
    day = view_front(series, View(date=dt.date(2024, 6, 19)), dates)
    assert [e[1] for e in day["legend"]] == ["Russian-occupied, DeepStateMap, as of 17 June 2024",
                                             "Grey zone (status unknown), DeepStateMap", "Front line, 17 June 2024"]
    assert day["credit"] == "front line: DeepStateMap (deepstatemap.live)"
    week = view_front(series, View(date=dt.date(2024, 6, 19), window="7d"), dates)
    assert week["legend"][-1][1] == "Front line, 10 June 2024 (window start)" and week["legend"][-1][2] == "dashed"
    before = view_front(series, View(date=dt.date(2022, 9, 21)), dates)
    assert before["data"]["features"] == [] and before["credit"] == ""
    assert "No DeepStateMap front line within 14 days before 21 September 2022" in legend_html([], View(), before["legend"])


def test_the_prior_for_resolving_bridges_the_gaps_of_the_series_within_30_days():
    # a report of 27 April 2022 has no snapshot on or before it within 14 days; the one of 3 April still says where
    # the fighting was, as a prior between namesakes; a later snapshot never stands in for an earlier day
    series = FrontSeries.shipped()
    assert series.on_or_before(dt.date(2022, 4, 27)) is None
    assert series.prior_for(dt.date(2022, 4, 27)).date == dt.date(2022, 4, 3)
    assert series.prior_for(dt.date(2022, 5, 10)) is None  # 37 days after it
    assert series.prior_for(dt.date(2022, 3, 27)) is None  # before it
    assert series.prior_for(dt.date(2022, 9, 20)).date == dt.date(2022, 9, 1)
    assert series.prior_for(dt.date(2024, 6, 19)).date == dt.date(2024, 6, 17)  # the strict one when there is one
