"""geo.map.views: date windows, filters, the URL round trip and the tempo counts, on the real sample."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.map import views
from geo.map import facets
from geo.map.views import NO_CLAIMANT, View

JUNE18, JUNE19 = dt.date(2024, 6, 18), dt.date(2024, 6, 19)


@pytest.fixture(scope="module")
def rows(tmp_path_factory, embedded_gazetteer):
    from geo.pipeline import ensure_sample_store

    with ensure_sample_store(tmp_path_factory.mktemp("store") / "claims.sqlite", embedded_gazetteer) as store:
        return store.claim_rows()


def placed(rows, day):
    return [r for r in rows if r["report_date"] == day.isoformat() and r["lat"] is not None]


def test_default_view_is_the_latest_day(rows):
    shown = views.select(rows, View())
    assert shown and {r["report_date"] for r in shown} == {"2024-06-19"}
    assert shown == placed(rows, JUNE19)


def test_june_18_shows_that_days_five_claims(rows):
    shown = views.select(rows, View(date=JUNE18))
    assert len(shown) == 5
    assert {r["place"] for r in shown} == {"Rostov Oblast", "Krasnodar Krai", "Vovchansk", "Svatove", "Avdiivka"}


def test_windows_reach_back(rows):
    both = placed(rows, JUNE18) + placed(rows, JUNE19)
    for window in ("7d", "30d", "all"):
        assert views.select(rows, View(date=JUNE19, window=window)) == both
    assert views.select(rows, View(date=JUNE18, window="all")) == placed(rows, JUNE18)
    assert views.select(rows, View(date=dt.date(2024, 6, 17))) == []
    assert views.select(rows, View(date=dt.date(2024, 6, 24), window="7d")) == both  # 18..24 June
    assert views.select(rows, View(date=dt.date(2024, 6, 25), window="7d")) == placed(rows, JUNE19)
    assert views.select(rows, View(date=dt.date(2024, 6, 26), window="7d")) == []


def test_filters(rows):
    week = View(date=JUNE19, window="7d")
    assert {r["actor"] for r in views.select(rows, week.with_(actors=("ukraine",)))} == {"ukraine"}
    strikes = views.select(rows, week.with_(kinds=("strike",)))
    assert {r["place"] for r in strikes} == {"Rostov Oblast", "Krasnodar Krai"}
    assert views.select(rows, week.with_(statuses=("claimed",))) == [r for r in views.select(rows, week) if r["status"] == "claimed"]
    own = views.select(rows, week.with_(claimants=(NO_CLAIMANT,)))
    assert own and all(r["claimant"] is None for r in own)
    donetsk = views.select(rows, week.with_(oblasts=("Donetsk Oblast",)))
    assert {r["place"] for r in donetsk} == {"Avdiivka", "Chasiv Yar", "Donetsk City"}
    axis = facets.axis(views.select(rows, week)[0])
    on_axis = views.select(rows, week.with_(sections=(axis,)))
    assert on_axis and all(facets.axis(r) == axis for r in on_axis)
    assert {r["section"] for r in on_axis} >= {views.select(rows, week)[0]["section"]}  # raw wording kept


def test_links_with_raw_wording_open_the_canonical_facet():
    view = View.from_query({"claimant": ["the Russian Defense Ministry", "Russian milblogger"],
                            "section": ["Russian Subordinate Main Effort #2—Donetsk Oblast"]})
    assert view.claimants == ("Russian MoD", "Russian milbloggers")
    assert view.sections == (facets.DONETSK,)


@pytest.mark.parametrize("raw", ["Ukrainian and Russian sources", "The Ukrainian General Staff, Russian milbloggers, and local media",
                                 "Russian MoD and Ukrainian officials"])
def test_a_claim_both_sides_make_is_filed_under_both_not_one(raw):
    assert facets.canonical_claimant(raw) == facets.BOTH_SIDES
    assert View.from_query({"claimant": [raw]}).claimants == (facets.BOTH_SIDES,)


@pytest.mark.parametrize("raw, group", [("Russian-backed DNR and LNR officials", "Russian and proxy officials"),
                                        ("Ukrainian officials and local residents", "Ukrainian officials"),
                                        ("Russian milbloggers and Rybar", "Russian milbloggers")])
def test_parties_of_one_side_keep_that_sides_group(raw, group):
    assert facets.canonical_claimant(raw) == group


def test_free_text_ignores_case_and_accents(rows):
    week = View(date=JUNE19, window="7d")
    hits = views.select(rows, week.with_(text="CHASIV"))
    assert hits and all("chasiv" in r["quote"].lower() for r in hits)
    assert views.select(rows, week.with_(text="Neptune  missiles")) == views.select(rows, week.with_(kinds=("strike",)))
    assert views.select(rows, week.with_(text="Nеptune")) == []  # Cyrillic е: not the same word
    assert views.select(rows, week.with_(text="néptune")) == views.select(rows, week.with_(text="neptune"))


def test_unresolved_mentions_are_listed_not_drawn(rows):
    lost = dict(placed(rows, JUNE19)[0], id=999, lat=None, lon=None, geonameid=None, admin1=None,
                rule="not in the gazetteer", candidates=["Starytsia (Kherson Oblast, 1)"])
    more = rows + [lost]
    assert lost not in views.select(more, View(date=JUNE19))
    assert lost in views.unresolved(more, View(date=JUNE19))
    assert lost in views.unresolved(more, View(date=JUNE19, oblasts=("Kharkiv Oblast",)))  # no oblast to filter on
    assert lost not in views.unresolved(more, View(date=JUNE18))
    assert lost not in views.unresolved(more, View(date=JUNE19, actors=("ukraine",) if lost["actor"] == "russia" else ("russia",)))


def test_query_round_trip():
    view = View(date=JUNE18, window="30d", actors=("russia",), kinds=("advance", "strike"), statuses=("claimed",),
                claimants=("Russian MoD", NO_CLAIMANT), sections=(facets.LUHANSK,),
                oblasts=("Donetsk Oblast", "Kherson Oblast"), text="Chasiv Yar, east", center=(48.5, 37.25), zoom=9,
                briefing=True)
    q = view.to_query()
    assert q["date"] == "2024-06-18" and q["window"] == "30d" and q["kind"] == ["advance", "strike"]
    assert View.from_query(q) == view
    # as Streamlit hands them back: single values as str
    flat = {k: (v[0] if isinstance(v, list) and len(v) == 1 else v) for k, v in q.items()}
    assert View.from_query(flat) == view
    assert View().to_query() == {}
    assert View.from_query({}) == View()


def test_bad_query_values_fall_back_to_defaults():
    view = View.from_query({"date": "19 June", "window": "year", "zoom": "x", "lat": "95", "lon": "30", "briefing": "maybe"})
    assert view == View()
    with pytest.raises(ValueError, match="window"):
        View(window="year")


def test_snap_date():
    dates = [JUNE18, JUNE19]
    assert views.snap_date(dates, None) == JUNE19
    assert views.snap_date(dates, dt.date(2024, 6, 20)) == JUNE19
    assert views.snap_date(dates, JUNE18) == JUNE18
    assert views.snap_date(dates, dt.date(2024, 1, 1)) == JUNE18


def test_step_date():
    dates = [JUNE18, JUNE19, dt.date(2024, 6, 21)]
    assert views.step_date(dates, JUNE19, -1) == JUNE18
    assert views.step_date(dates, JUNE18, -1) == JUNE18
    assert views.step_date(dates, JUNE19, +1) == dt.date(2024, 6, 21)
    assert views.step_date(dates, dt.date(2024, 6, 21), +1) == dt.date(2024, 6, 21)
    assert views.step_date(dates, dt.date(2024, 6, 20), -1) == JUNE19  # a day without report
    assert views.step_date(dates, dt.date(2024, 6, 20), +1) == dt.date(2024, 6, 21)


def test_tempo_counts_match_the_selection(rows):
    counts = views.tempo(rows, View(date=JUNE19))  # a one-day view still charts the last 30 days
    by_day = {}
    for c in counts:
        by_day[c.date] = by_day.get(c.date, 0) + c.count
    assert by_day == {JUNE18: len(placed(rows, JUNE18)), JUNE19: len(placed(rows, JUNE19))}
    strikes = views.tempo(rows, View(date=JUNE19, kinds=("strike",)))
    assert [(c.date, c.kind, c.actor, c.count) for c in strikes] == [(JUNE18, "strike", "ukraine", 2)]


def test_age_opacity_fades_visibly():
    week = dt.date(2024, 6, 13)
    assert views.age_opacity("2024-06-19", JUNE19, week) == 1.0
    assert views.age_opacity("2024-06-18", JUNE19, week) <= 0.75  # yesterday is visibly fainter than today
    assert views.age_opacity("2024-06-13", JUNE19, week) == 0.3
    assert 0.3 < views.age_opacity("2024-06-16", JUNE19, week) < views.age_opacity("2024-06-18", JUNE19, week)
    assert views.age_opacity("2024-06-19", JUNE19, JUNE19) == 1.0


def test_new_places_are_those_not_claimed_in_the_week_before(rows):
    day19 = View(date=JUNE19)
    on19 = {views.place_key(r) for r in views.select(rows, day19)}
    on18 = {views.place_key(r) for r in views.select(rows, View(date=JUNE18))}
    assert views.new_places(rows, day19) == on19 - on18 and on19 - on18
    # a claim at a place of the day before is not new
    again = dict(views.select(rows, View(date=JUNE18))[0], id=77, report_date="2024-06-19")
    assert views.place_key(again) not in views.new_places(rows + [again], day19)
    only_new = views.select(rows + [again], day19.with_(new_only=True))
    assert again not in only_new and {views.place_key(r) for r in only_new} == on19 - on18
    assert View.from_query(day19.with_(new_only=True).to_query()).new_only


def test_choices(rows):
    c = views.choices(rows)
    assert c["actors"] == ["russia", "ukraine"] and c["kinds"] == ["advance", "attack", "strike"]
    assert "Donetsk Oblast" in c["oblasts"] and NO_CLAIMANT in c["claimants"]
