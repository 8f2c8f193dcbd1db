"""dashboard.py through streamlit.testing.v1.AppTest: renders on the sample, the controls change the
claims shown, the URL round trip, and the map is redrawn without being remounted."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from streamlit.testing.v1 import AppTest

from geo.map import facets
from tests.conftest import ROOT

JUNE18, JUNE19 = dt.date(2024, 6, 18), dt.date(2024, 6, 19)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, embedded_gazetteer):
    from geo.pipeline import ensure_sample_store

    path = tmp_path_factory.mktemp("store") / "claims.sqlite"
    ensure_sample_store(path, embedded_gazetteer).close()
    return path


@pytest.fixture()
def app(store_path, monkeypatch):
    monkeypatch.setenv("GEO_STORE", str(store_path))
    monkeypatch.setenv("GEO_TILES_URL", "none")
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)


def claims_shown(at) -> list[str]:
    # the first table under the map is the claims in view (the second, the unresolved mentions)
    return list(at.dataframe[0].value["place"]) if at.dataframe else []


def map_args(at) -> tuple[str, dict]:
    (component,) = at.get("component_instance")
    assert component.proto.component_name == "streamlit_folium.st_folium"
    return component.proto.id, json.loads(component.proto.json_args)


def test_renders_the_latest_day(app):
    at = app.run()
    assert not at.exception
    assert at.select_slider(key="date").value == JUNE19
    shown = claims_shown(at)
    assert shown and "Chasiv Yar" in shown and "Avdiivka" not in shown
    assert "ISW-reported claims, 19 June 2024" in at.markdown[0].value
    assert at.query_params["date"] == "2024-06-19"
    _, args = map_args(at)
    assert '"date":"2024-06-19"' in args["feature_group"]
    assert args["js_links"] and not any(link.startswith(("http:", "https:", "//")) for link in args["js_links"] + args["css_links"])


def test_slider_and_buttons_change_the_claims_and_keep_the_map(app):
    at = app.run()
    first_id, first = map_args(at)
    at.select_slider(key="date").set_value(JUNE18).run()
    assert sorted(claims_shown(at)) == ["Avdiivka", "Krasnodar Krai", "Rostov Oblast", "Svatove", "Vovchansk"]
    moved_id, moved = map_args(at)
    assert moved_id == first_id and moved["script"] == first["script"]  # same component: not remounted
    assert moved["feature_group"] != first["feature_group"] and '"date":"2024-06-18"' in moved["feature_group"]
    assert at.button(key="prev_day").disabled
    at.button(key="next_day").click().run()
    assert at.select_slider(key="date").value == JUNE19 and "Chasiv Yar" in claims_shown(at)
    at.button(key="prev_day").click().run()
    assert at.select_slider(key="date").value == JUNE18 and at.query_params["date"] == "2024-06-18"
    assert map_args(at)[0] == first_id


def test_popup_texts_are_served_as_a_file_not_sent_with_each_redraw(app):
    import re
    import tempfile
    from pathlib import Path

    at = app.run()
    _, args = map_args(at)
    assert '"texts":' not in args["feature_group"]  # the layer carries no popup text
    url = re.search(r'textsUrl = "([^"]+)"', args["feature_group"]).group(1)
    assert re.fullmatch(r"\.\./[\w.]+geo_popups/[0-9a-f]{24}\.json", url), url
    # the file is named by its content: any folder holding that name holds these texts
    served = next(Path(tempfile.gettempdir()).glob(f"frontline-claims-popups-*/{url.rsplit('/', 1)[1]}"))
    texts = json.loads(served.read_text(encoding="utf-8"))
    assert any("Chasiv Yar" in t for t in texts) and any("ISW report" in t for t in texts)
    at.select_slider(key="date").set_value(JUNE18).run()
    other = re.search(r'textsUrl = "([^"]+)"', map_args(at)[1]["feature_group"]).group(1)
    assert other != url and not any("Chasiv Yar" in t for t in json.loads(
        next(Path(tempfile.gettempdir()).glob(f"frontline-claims-popups-*/{other.rsplit('/', 1)[1]}")).read_text("utf-8")))


def test_review_queue_measured_in_the_background_shows_progress_then_the_list(tmp_path, embedded_gazetteer, gold_reports,
                                                                            monkeypatch):
    """Every report date's review queue is measured beside the runs: the run shows the worker's progress, and
    the list follows. The sample and the gold reports (real ISW text) make 15 report dates, more than the worker
    measures in the moment between its start and the run's look (the sample's one day it may)."""
    import re
    import time

    from geo.pipeline import ensure_sample_store, ingest

    store = tmp_path / "claims.sqlite"  # a store of its own: no report date of it measured yet in this process
    with ensure_sample_store(store, embedded_gazetteer) as opened:
        ingest(opened, [gold_reports], embedded_gazetteer, progress=False)
    monkeypatch.setenv("GEO_STORE", str(store))
    monkeypatch.setenv("GEO_TILES_URL", "none")
    monkeypatch.setenv("GEO_REVIEW_WAIT_S", "0")  # never wait: the run shows the worker's progress
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()  # the day in view: listed at once or shown in progress, as the worker is quick or not
    assert not at.exception
    at.toggle(key="rq_all").set_value(True).run()
    assert not at.exception
    progress = at.get("progress")
    assert progress and "Listing what needs review" in progress[0].proto.text
    assert int(re.search(r"of (\d+) report dates", progress[0].proto.text).group(1)) > 10  # every date, not the day

    def listed():  # the queue's item picker shows once its items are listed
        return any(s.key == "rq_item" for s in at.selectbox)

    assert not listed()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not listed():
        time.sleep(0.2)
        at.run()
    assert not at.exception and listed(), "the review queue never came"
    assert not at.get("progress")


def test_filters_change_the_claims(app):
    at = app.run()
    at.radio(key="window").set_value("7d").run()
    week = set(claims_shown(at))
    assert week >= {"Avdiivka", "Krasnodar Krai", "Rostov Oblast", "Svatove", "Vovchansk", "Chasiv Yar", "Donetsk City"}
    at.multiselect(key="f_kinds").set_value(["strike"]).run()
    assert sorted(claims_shown(at)) == ["Krasnodar Krai", "Rostov Oblast"]
    assert at.query_params["kind"] == "strike" and at.query_params["window"] == "7d"
    at.multiselect(key="f_kinds").set_value([]).run()
    at.text_input(key="q").set_value("chasiv").run()
    assert claims_shown(at) and all(p != "Rostov Oblast" for p in claims_shown(at))


def test_url_round_trip(app):
    app.query_params.update({"date": "2024-06-18", "window": "30d", "actor": "russia", "kind": ["advance", "attack"],
                             "oblast": "Donetsk Oblast", "q": "avdiivka", "lat": "48.1402", "lon": "37.7501", "zoom": "9"})
    sent = dict(app.query_params)
    at = app.run()
    assert not at.exception
    assert at.select_slider(key="date").value == JUNE18
    assert at.radio(key="window").value == "30d"
    assert at.multiselect(key="f_actors").value == ["russia"]
    assert at.multiselect(key="f_kinds").value == ["advance", "attack"]
    assert at.multiselect(key="f_oblasts").value == ["Donetsk Oblast"]
    assert at.text_input(key="q").value == "avdiivka"
    assert claims_shown(at) == ["Avdiivka"]
    _, args = map_args(at)
    assert args["center"] == [48.1402, 37.7501] and args["zoom"] == 9
    assert at.query_params == sent  # the app writes back the same view


def test_a_date_without_report_opens_the_report_before_it(app):
    app.query_params["date"] = "2024-06-20"
    at = app.run()
    assert at.select_slider(key="date").value == JUNE19 and at.query_params["date"] == "2024-06-19"


def test_briefing_view_hides_the_tables(app):
    app.query_params.update({"date": "2024-06-18", "briefing": "1"})
    at = app.run()
    assert not at.exception
    assert not at.dataframe and map_args(at)[1]["height"] == 860
    assert at.query_params["briefing"] == "1"
    at.toggle(key="briefing").set_value(False).run()
    assert len(claims_shown(at)) == 5 and "briefing" not in at.query_params


def test_unresolved_mentions_are_listed_with_their_reason(app, store_path):
    from geo.map import views
    from geo.store import Store
    from geo.map.views import View

    with Store(store_path) as store:
        expected = views.unresolved(store.claim_rows(), View(date=JUNE19, window="7d"))
    at = app.run()
    at.radio(key="window").set_value("7d").run()
    if not expected:
        assert len(at.dataframe) == 1 and "Every mention in view was placed." in [c.value for c in at.caption]
        return
    table = at.dataframe[1].value
    assert list(table["mention"]) == [r["place"] for r in expected]
    assert list(table["why unplaced"]) == [r["rule"] for r in expected]
    assert all(table["candidates"])


def test_a_shared_filter_value_this_store_lacks_stays_selected(app):
    app.query_params.update({"date": "2024-06-19", "claimant": "Western governments"})
    at = app.run()
    assert not at.exception
    assert at.multiselect(key="f_claimants").value == ["Western governments"]
    assert claims_shown(at) == [] and at.query_params["claimant"] == "Western governments"


def test_claimant_and_axis_filters_offer_canonical_values(app):
    at = app.run()
    at.radio(key="window").set_value("7d").run()
    claimants = at.multiselect(key="f_claimants").options
    assert "ISW's own assessment" in claimants and not any(c in ("None", "") for c in claimants)
    assert set(claimants) <= set(facets.CLAIMANT_ORDER)
    assert set(at.multiselect(key="f_sections").options) <= set(facets.AXIS_ORDER)


def test_a_link_with_a_claimant_in_a_reports_own_words_opens_its_canonical_value(app):
    app.query_params.update({"date": "2024-06-19", "window": "7d", "claimant": "Russian milblogger"})
    at = app.run()
    assert at.multiselect(key="f_claimants").value == ["Russian milbloggers"]
    assert at.query_params["claimant"] == "Russian milbloggers"


def test_front_line_snapshot_as_of_the_report_date(app, shared, monkeypatch):
    at = app.run()
    _, base = map_args(at)
    monkeypatch.setenv("GEO_FRONTLINE_DIR", str(shared / "data" / "frontline"))  # the operator's folder
    at.run()
    at.selectbox(key="front_pick").set_value("as of the report date").run()
    assert not at.exception
    _, args = map_args(at)
    assert args["script"].count("L.geoJSON(") == base["script"].count("L.geoJSON(") + 1  # the snapshot, under the claims
    assert "1718484340.geojson (2024-06-15)" in args["feature_group"]  # credited in the source line
    assert "Liberated" in args["feature_group"] and "Russian-occupied" in args["feature_group"]  # the file's statuses
    assert any("1718484340.geojson (2024-06-15)" in c.value for c in at.caption)


def test_a_report_day_without_claims_is_on_the_slider(tmp_path, embedded_gazetteer, monkeypatch):
    from geo.models import Paragraph, Report
    from geo.pipeline import ensure_sample_store

    path = tmp_path / "claims.sqlite"
    with ensure_sample_store(path, embedded_gazetteer) as store:
        quiet = Report(date=dt.date(2024, 6, 20), title="A quiet day", source="quiet-day.txt",
                       paragraphs=(Paragraph("Nothing changed on the front line."),))
        assert store.add_report(quiet, [], method="test")
    monkeypatch.setenv("GEO_STORE", str(path))
    monkeypatch.setenv("GEO_TILES_URL", "none")
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert not at.exception
    assert at.select_slider(key="date").value == dt.date(2024, 6, 20) and claims_shown(at) == []
    assert "ISW-reported claims, 20 June 2024" in at.markdown[0].value
    at.button(key="prev_day").click().run()
    assert at.select_slider(key="date").value == JUNE19 and "Chasiv Yar" in claims_shown(at)


def test_a_typed_date_without_a_report_opens_the_nearest_and_says_so(app):
    at = app.run()
    at.date_input(key="date_box").set_value(dt.date(2024, 6, 25)).run()
    assert not at.exception
    assert at.select_slider(key="date").value == JUNE19 and at.query_params["date"] == "2024-06-19"
    assert any("No report on 25 Jun 2024" in i.value and "19 Jun 2024" in i.value for i in at.sidebar.info)
    at.date_input(key="date_box").set_value(dt.date(2024, 1, 2)).run()
    assert at.select_slider(key="date").value == JUNE18
    at.date_input(key="date_box").set_value(JUNE19).run()
    assert at.select_slider(key="date").value == JUNE19 and not at.sidebar.info


def test_a_link_to_a_day_without_a_report_says_which_report_it_opened(app):
    app.query_params.update({"date": "2024-06-17"})
    at = app.run()
    assert at.select_slider(key="date").value == JUNE18
    assert any("No report on 17 Jun 2024" in i.value for i in at.sidebar.info)


def test_find_a_place_by_another_spelling_goes_there_and_lists_its_claims(app):
    at = app.run()
    at.text_input(key="find").set_value("Часів Яр").run()
    assert not at.exception
    assert "Chasiv Yar" in at.selectbox(key="find_pick").format_func(at.selectbox(key="find_pick").value)
    _, args = map_args(at)
    assert "__geoFocused" in args["feature_group"] and '"key":"g710915"' in args["feature_group"]
    assert any("Claims at Chasiv Yar in view" in m.value for m in at.markdown)
    again = map_args(at)[1]["feature_group"]
    at.run()  # a rerun for something else does not go there again: the same request, the same nonce
    assert map_args(at)[1]["feature_group"] == again
    at.text_input(key="find").set_value("Nowhere-at-all-ville").run()
    assert any("No place of that name" in c.value for c in at.sidebar.caption)


def test_new_places_filter_and_tempo_by_axis(app):
    at = app.run()
    all_19 = set(claims_shown(at))
    at.checkbox(key="new_only").check().run()
    assert at.query_params["new"] == "1"
    new_19 = set(claims_shown(at))
    assert new_19 and new_19 <= all_19
    assert len(at.tabs) >= 2 and at.tabs[1].label == "Claims per day by axis"


def test_overlays_live_in_the_url(store_path, shared, monkeypatch):
    monkeypatch.setenv("GEO_STORE", str(store_path))
    monkeypatch.setenv("GEO_TILES_URL", "none")
    monkeypatch.setenv("GEO_FRONTLINE_DIR", str(shared / "data" / "frontline"))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at = app.run()
    assert not at.exception and "front" not in at.query_params and "snapshot" not in at.query_params
    at.toggle(key="front_on").set_value(False).run()
    at.selectbox(key="front_pick").set_value("as of the report date").run()
    assert at.query_params["front"] == "0" and at.query_params["snapshot"] == "asof"
    shared_link = {k: at.query_params.get_all(k) if hasattr(at.query_params, "get_all") else at.query_params[k]
                   for k in at.query_params}
    again = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    again.query_params.update(shared_link)
    at2 = again.run()
    assert not at2.exception
    assert at2.toggle(key="front_on").value is False
    assert at2.selectbox(key="front_pick").value == "as of the report date"
