"""The review queue and the analyst's corrections, on the embedded sample and on the ISW corpus.

The corpus tests build a store from real reports and the full GeoNames index (../shared), accept a
candidate through the function the dashboard calls, and check the claim is on the map, and still
there after `gazetteer build`, `refresh`, and an export / import into a fresh store and re-ingest.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import threading

import pytest
from geopy.distance import geodesic

from geo import pipeline
from geo.errors import GazetteerError, StoreError
from geo.map import views
from geo.map.views import View
from geo.places import review
from geo.places.gazetteer import Gazetteer, read_overrides
from geo.store import Store

STARYTSIA_KHARKIV = (50.24047, 36.79312)  # GeoNames 692838, the village near Vovchansk the 19 June sample names


@pytest.fixture()
def sample_store(tmp_path, embedded_gazetteer):
    store = pipeline.ensure_sample_store(tmp_path / "claims.sqlite", embedded_gazetteer)
    yield store
    store.close()


def rows_of(store: Store, date: str, place: str, quote: str | None = None) -> list[dict]:
    return [r for r in store.claim_rows() if r["report_date"] == date and r["place"] == place
            and (quote is None or r["quote"] == quote)]


def item_for(store, gazetteer, place: str) -> review.Item:
    found = [i for i in pipeline.review_queue(store, gazetteer) if i.place == place]
    assert found, f"{place} is not in the review queue"
    return found[0]


# -- the queue ------------------------------------------------------------------------------------


def test_queue_lists_unresolved_mention_with_candidates_oblast_and_distances(sample_store, embedded_gazetteer):
    items = pipeline.review_queue(sample_store, embedded_gazetteer)
    unresolved = [r for r in sample_store.claim_rows() if r["lat"] is None]
    assert unresolved and {i.place for i in items if i.reason == "unresolved"} == {r["place"] for r in unresolved}
    item = next(i for i in items if i.place == "Starytsya")
    assert item.report_date == "2024-06-19" and "Starytsya" in item.quote
    staritsa = next(o for o in item.options if o.name == "Staritsa")
    assert staritsa.admin1 == "Tver Oblast" and staritsa.source == "gazetteer"
    # the distance to the nearest other place of the sentence, on the WGS 84 ellipsoid
    others = [r for r in sample_store.claim_rows() if r["quote"] == item.quote and r["lat"] is not None]
    nearest = min(geodesic((staritsa.lat, staritsa.lon), (r["lat"], r["lon"])).km for r in others)
    assert staritsa.near in {r["place"] for r in others}
    assert staritsa.km_sentence == pytest.approx(nearest, abs=0.1) and staritsa.km_sentence > 500
    by_reason, by_date = review.counts(items)
    assert sum(by_reason.values()) == sum(by_date.values()) == len(items)
    assert by_date["2024-06-19"] >= 1


def test_queue_measured_without_the_options_front_then_one_item_gives_the_same(sample_store, embedded_gazetteer):
    series = pipeline.front_series(sample_store)
    full = pipeline.review_queue(sample_store, embedded_gazetteer)
    assert any(o.km_front is not None for i in full for o in i.options)  # the sample's days have a front line
    bare = pipeline.review_queue(sample_store, embedded_gazetteer, series=series, options_front=False)
    assert [i.key for i in bare] == [i.key for i in full]
    assert all(o.km_front is None for i in bare for o in i.options)
    assert pipeline.review_options_front(bare, series) == full


def test_queue_takes_a_rows_stored_front_measure(sample_store, embedded_gazetteer):
    rows = sample_store.claim_rows()
    ground = [r for r in rows if r["lat"] is not None and not r["review"] and r["kind"] in review.GROUND_KINDS
              and r["precision"] == "settlement" and r["admin1"] and "Oblast" in r["admin1"]]
    assert ground and not any(i.reason == "far from the front" for i in pipeline.review_queue(sample_store, embedded_gazetteer, rows))
    for r in rows:
        r["front_km"] = 5.0
    ground[0]["front_km"] = 400.0  # as if measured far: the queue believes the measure rather than measuring again
    far = [i for i in pipeline.review_queue(sample_store, embedded_gazetteer, rows) if i.reason == "far from the front"]
    assert [(i.report_date, i.place) for i in far] == [(ground[0]["report_date"], ground[0]["place"])]


def test_reasons_of_rows(rows):
    placed = next(r for r in rows if r["lat"] is not None and not r["review"])
    assert review.reason_of(placed) is None
    assert review.reason_of(dict(placed, lat=None, lon=None)) == "unresolved"
    assert review.reason_of(dict(placed, review=True, rule="single candidate (fuzzy match)")) == "fuzzy match"
    assert review.reason_of(dict(placed, review=True, rule="single candidate; does not fit the bearing exactly")) == "check"
    ground = dict(placed, kind="advance", precision="settlement")
    assert review.reason_of(ground, front_km=80.0) == "far from the front"
    assert review.reason_of(ground, front_km=3.0) is None
    assert review.reason_of(dict(ground, kind="strike"), front_km=80.0) is None  # strikes reach far behind the line


def test_candidate_ids_read_the_stored_strings():
    row = {"candidates": ["Kyiv (Mykolaiv Oblast, 704213)", "Kyiv (Kyiv City, 703448)", "Mine (Crimea, -12345)"],
           "runner_up": "Bucha (Kyiv Oblast, 8516248)", "geonameid": None}
    assert review.candidate_ids(row) == [704213, 703448, -12345, 8516248]


# -- choices as override rows ----------------------------------------------------------------------


def test_add_place_checks_the_analysts_input(sample_store, embedded_gazetteer):
    item = item_for(sample_store, embedded_gazetteer, "Starytsya")
    for lat, lon, admin1, problem in ((91, 36.8, "Kharkiv Oblast", "not a position"), ("x", 36.8, "Kharkiv Oblast", "not numbers"),
                                      (50.2, 36.8, "Atlantis", "not an oblast"), (0, 0, "Kharkiv Oblast", "not a position")):
        with pytest.raises(GazetteerError, match=problem):
            review.add_place(item, "Starytsia", lat, lon, admin1, embedded_gazetteer)
    with pytest.raises(GazetteerError, match="needs a name"):
        review.add_place(item, "  ", 50.2, 36.8, "Kharkiv Oblast", embedded_gazetteer)
    rows = review.add_place(item, "Starytsia", *STARYTSIA_KHARKIV, "kharkiv oblast", embedded_gazetteer)
    add, alias, pick = rows
    assert add["action"] == "add" and add["admin1"] == "Kharkiv Oblast" and not add["report_date"]
    assert alias["action"] == "alias" and alias["name"] == "Starytsya" and not alias["report_date"]  # the report's spelling
    assert pick["report_date"] == "2024-06-19" and pick["quote"] == item.quote and pick["geonameid"] == add_id(add)
    assert read_overrides(review.overrides_csv(rows).splitlines(keepends=True))  # the overrides.csv format, checked


def add_id(add: dict) -> str:
    from geo.places.gazetteer import override_id

    return str(override_id(add["name"], float(add["lat"]), float(add["lon"])))


def test_accept_pins_the_sentence_and_aliases_only_an_unknown_spelling(sample_store, embedded_gazetteer):
    item = item_for(sample_store, embedded_gazetteer, "Starytsya")
    staritsa = next(o for o in item.options if o.name == "Staritsa")
    rows = review.accept(item, staritsa, embedded_gazetteer)
    assert [r["action"] for r in rows] == ["alias"]  # "Starytsya" finds Staritsa already: the choice holds in this sentence
    assert rows[0]["report_date"] == item.report_date and rows[0]["geonameid"] == str(staritsa.geonameid)
    unknown = review.Item(0, "2024-06-19", "Zzyzxivka", item.quote, "unresolved", "not in the gazetteer", "advance",
                          "ukraine", "", False, ())
    rows = review.accept(unknown, staritsa, embedded_gazetteer)
    assert [(r["action"], bool(r["report_date"])) for r in rows] == [("alias", False), ("alias", True)]
    blocked = review.block(item, staritsa)
    assert blocked == [dict(blocked[0], action="block", name="Starytsya", geonameid=str(staritsa.geonameid), report_date="")]


# -- corrections in the store ----------------------------------------------------------------------


def test_new_place_puts_the_claim_on_the_map_and_survives_refresh(sample_store, embedded_gazetteer):
    g = embedded_gazetteer
    item = item_for(sample_store, g, "Starytsya")
    assert all(r["lat"] is None for r in rows_of(sample_store, "2024-06-19", "Starytsya"))
    result = pipeline.add_new_place(sample_store, g, item, "Starytsia", *STARYTSIA_KHARKIV, "Kharkiv Oblast", who="A. Analyst")
    assert result.reports == 1 and len(result.ids) == 3
    placed = rows_of(sample_store, "2024-06-19", "Starytsya")
    assert placed and all((r["lat"], r["lon"]) == STARYTSIA_KHARKIV for r in placed)
    assert all(r["admin1"] == "Kharkiv Oblast" and r["rule"].startswith("analyst's choice (A. Analyst") for r in placed)
    shown = views.select(sample_store.claim_rows(), View(date=dt.date(2024, 6, 19)))
    assert any(r["place"] == "Starytsya" and (r["lat"], r["lon"]) == STARYTSIA_KHARKIV for r in shown)
    assert "Starytsya" not in {i.place for i in pipeline.review_queue(sample_store, g)}
    recorded = sample_store.corrections()
    assert {c["who"] for c in recorded} == {"A. Analyst"} and all(c["at"] for c in recorded)
    # the loaded gazetteer is left as it was (the store holds the correction); the corrected one has the new place
    assert all(c.place.source != "override" for c in g.lookup("Starytsia"))
    assert [c.place.admin1 for c in pipeline.corrected(sample_store, g)[0].lookup("Starytsia") if c.place.source == "override"] \
        == ["Kharkiv Oblast"]
    pipeline.refresh(sample_store, g, progress=False)
    assert all((r["lat"], r["lon"]) == STARYTSIA_KHARKIV for r in rows_of(sample_store, "2024-06-19", "Starytsya"))


def test_a_correction_needs_who(sample_store, embedded_gazetteer):
    item = item_for(sample_store, embedded_gazetteer, "Starytsya")
    with pytest.raises(StoreError, match="analyst's name"):
        pipeline.add_new_place(sample_store, embedded_gazetteer, item, "Starytsia", *STARYTSIA_KHARKIV, "Kharkiv Oblast", who=" ")
    assert sample_store.corrections() == []


def test_blocked_name_finds_nothing_after_the_correction(sample_store, embedded_gazetteer):
    item = item_for(sample_store, embedded_gazetteer, "Starytsya")
    pipeline.block_option(sample_store, embedded_gazetteer, item, None, who="B. Analyst")
    g, _ = pipeline.corrected(sample_store, embedded_gazetteer)
    assert g.lookup("Starytsya") == [] and embedded_gazetteer.lookup("Starytsya")
    assert next(i for i in pipeline.review_queue(sample_store, embedded_gazetteer) if i.place == "Starytsya").options == ()


def test_two_writers_at_once_lose_no_correction(tmp_path, embedded_gazetteer):
    path = tmp_path / "claims.sqlite"
    pipeline.ensure_sample_store(path, embedded_gazetteer).close()
    start = threading.Barrier(2)
    errors = []

    def analyst(name: str) -> None:
        try:
            with Store(path) as store:
                start.wait()
                for n in range(25):
                    store.add_corrections([{"action": "add", "name": f"{name} place {n}", "lat": 48 + n / 100, "lon": 37.5,
                                            "admin1": "Donetsk Oblast", "note": "test"}], name)
        except Exception as e:  # noqa: BLE001 - reported by the assertion below
            errors.append(e)

    threads = [threading.Thread(target=analyst, args=(who,)) for who in ("ana", "bob")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Store(path) as store:
        recorded = store.corrections()
    assert len(recorded) == 50 and {c["who"] for c in recorded} == {"ana", "bob"}
    assert len({c["name"] for c in recorded}) == 50


# -- on the ISW corpus with the full gazetteer -----------------------------------------------------

CORPUS_IDS = [f"isw-2023-01-{d:02d}" for d in range(10, 25)]  # the corpus's reports of 10-24 January 2023


@pytest.fixture(scope="module")
def corpus_files(shared, tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus-2023-01")
    subprocess.run([sys.executable, str(shared / "tools" / "materialize_corpus.py"), str(out), *CORPUS_IDS], check=True,
                   capture_output=True)
    assert len(list(out.glob("*.txt"))) >= 10
    return out


@pytest.fixture()
def corpus_store(corpus_files, full_gazetteer, tmp_path):
    with Store(tmp_path / "claims.sqlite") as store:
        result = pipeline.ingest(store, [corpus_files], full_gazetteer, progress=False)
        assert result.added >= 10 and result.errors == []
        yield store


def clear_choice(items: list[review.Item]) -> tuple[review.Item, review.Option]:
    """An unresolved mention its sentence settles for an analyst: one candidate lies within 25 km of the other
    places of the sentence, every other one at least twice as far; failing that (the resolver places most such
    mentions itself), the unresolved mention with a candidate nearest the other places of its sentence."""
    nearest = []
    for item in items:
        if item.reason != "unresolved":
            continue
        opts = sorted((o for o in item.options if o.km_sentence is not None), key=lambda o: o.km_sentence)
        if opts and opts[0].km_sentence <= 25 and (len(opts) == 1 or opts[1].km_sentence >= 2 * max(opts[0].km_sentence, 1)):
            return item, opts[0]
        if opts:
            nearest.append((opts[0].km_sentence, item.key, item, opts[0]))
    if nearest:
        _, _, item, option = min(nearest, key=lambda t: t[:2])
        return item, option
    raise AssertionError("no unresolved mention with a candidate in the corpus fortnight")


def on_map(store: Store, item: review.Item) -> list[tuple[float, float]]:
    shown = views.select(store.claim_rows(), View(date=dt.date.fromisoformat(item.report_date)))
    return [(r["lat"], r["lon"]) for r in shown if r["place"] == item.place and r["quote"] == item.quote]


def test_accepting_a_candidate_places_the_claim_and_it_survives_build_and_refresh(corpus_store, full_gazetteer, shared,
                                                                                   tmp_path):
    from geo.cli import main

    item, option = clear_choice(pipeline.review_queue(corpus_store, full_gazetteer))
    assert on_map(corpus_store, item) == []
    result = pipeline.accept_option(corpus_store, full_gazetteer, item, option, who="A. Analyst")  # the dashboard's call
    assert result.reports >= 1
    assert on_map(corpus_store, item) == [(round(option.lat, 5), round(option.lon, 5))]
    assert item.key not in {i.key for i in pipeline.review_queue(corpus_store, full_gazetteer)}

    # a new gazetteer build, then a refresh with it: the choice is still applied
    g = shared / "data" / "geonames"
    index = tmp_path / "rebuilt.sqlite"
    assert main(["gazetteer", "build", "--quiet", "--out", str(index), "--geonames", str(g / "UA.txt.gz"),
                 str(g / "cities500_RU.txt.gz"), str(g / "admin1CodesASCII.txt"), str(g / "admin2Codes.txt.gz")]) == 0
    assert main(["refresh", "--store", str(corpus_store.path), "--gazetteer", str(index)]) == 0
    assert on_map(corpus_store, item) == [(round(option.lat, 5), round(option.lon, 5))]


def test_corrections_survive_export_import_and_reingest(corpus_store, corpus_files, full_gazetteer, tmp_path):
    items = pipeline.review_queue(corpus_store, full_gazetteer)
    item, option = clear_choice(items)
    pipeline.accept_option(corpus_store, full_gazetteer, item, option, who="A. Analyst")
    out = tmp_path / "overrides.csv"
    out.write_text("# analysts' corrections\nname,geonameid,lat,lon,admin1,action,note\n"
                   "ZNPP,11839420,,,Zaporizhzhia Oblast,alias,kept from the file\n", encoding="utf-8")
    pipeline.export_corrections(corpus_store, out)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# analysts' corrections\n") and "kept from the file" in text and item.quote in text
    rows = read_overrides(text.splitlines(keepends=True), str(out))
    assert {r["action"] for r in rows} == {"alias"} and any(r["report_date"] == item.report_date for r in rows)

    with Store(tmp_path / "fresh.sqlite") as fresh:
        assert pipeline.import_corrections(fresh, full_gazetteer, out, who="B. Analyst").reports == 0
        assert pipeline.import_corrections(fresh, full_gazetteer, out, who="B. Analyst").ids == []  # nothing twice
        pipeline.ingest(fresh, [corpus_files], full_gazetteer, progress=False)
        assert on_map(fresh, item) == [(round(option.lat, 5), round(option.lon, 5))]
        assert {c["who"] for c in fresh.corrections()} == {"A. Analyst", "B. Analyst"}


def test_two_analysts_correcting_one_report_at_once_both_keep_their_choice(corpus_store, full_gazetteer):
    items = pipeline.review_queue(corpus_store, full_gazetteer)
    by_report: dict[str, list[review.Item]] = {}
    for i in items:
        if i.options and i.options[0].source == "gazetteer":
            by_report.setdefault(i.report_date, []).append(i)
    # two different places of one report, unresolved ones first (any mention an analyst would check will do)
    pairs = [sorted(v, key=lambda x: x.reason != "unresolved") for v in by_report.values() if len({x.place for x in v}) >= 2]
    pair = min(pairs, key=lambda v: sum(x.reason != "unresolved" for x in v[:2]))
    first = pair[0]
    second = next(x for x in pair if x.place != first.place)
    start = threading.Barrier(2)
    errors = []

    def analyst(item: review.Item, who: str) -> None:
        try:
            with Store(corpus_store.path) as store:
                start.wait()
                pipeline.accept_option(store, full_gazetteer, item, item.options[0], who=who)
        except Exception as e:  # noqa: BLE001 - reported by the assertion below
            errors.append(e)

    threads = [threading.Thread(target=analyst, args=a) for a in ((first, "ana"), (second, "bob"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    for item in (first, second):
        got = [(r["lat"], r["lon"], r["rule"]) for r in rows_of(corpus_store, item.report_date, item.place, item.quote)]
        o = item.options[0]
        assert got and all((lat, lon) == (round(o.lat, 5), round(o.lon, 5)) for lat, lon, _ in got), (item.place, got)


def test_the_command_line_lists_adds_and_exports(sample_store, tmp_path, capsys, monkeypatch):
    from geo.cli import main

    monkeypatch.delenv("GEO_GAZETTEER", raising=False)
    store = str(sample_store.path)
    monkeypatch.setenv("GEO_STORE", store)  # the default --store
    assert main(["review", "list", "--store", store, "--json"]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    item = next(i for i in listed if i["place"] == "Starytsya")
    assert item["reason"] == "unresolved" and item["options"][0]["admin1"] == "Tver Oblast"
    assert main(["review", "add", item["key"], "--name", "Starytsia", "--lat", "50.24047", "--lon", "36.79312",
                 "--admin1", "Atlantis", "--who", "cli"]) == 2  # an unknown oblast: one error line, nothing recorded
    assert "not an oblast" in capsys.readouterr().err and sample_store.corrections() == []
    assert main(["review", "add", item["key"], "--store", store, "--name", "Starytsia", "--lat", "50.24047", "--lon",
                 "36.79312", "--admin1", "Kharkiv Oblast", "--who", "cli"]) == 0
    assert "re-resolved 1 report" in capsys.readouterr().out
    assert [(r["lat"], r["lon"]) for r in rows_of(sample_store, "2024-06-19", "Starytsya")] == [STARYTSIA_KHARKIV]
    out = tmp_path / "overrides.csv"
    assert main(["review", "export", "--store", store, "--out", str(out)]) == 0
    rows = read_overrides(out.read_text(encoding="utf-8").splitlines(keepends=True), str(out))
    assert {r["who"] for r in rows} == {"cli"} and [r["action"] for r in rows] == ["add", "alias", "alias"]
