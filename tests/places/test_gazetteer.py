"""Lookups: the embedded default (no shared files needed) and the full index built from ../shared."""

from __future__ import annotations

import json

import pytest

from geo.places.gazetteer import DEFAULT_INDEX, Gazetteer, build_index
from geo.models import Candidate, Place


@pytest.fixture(scope="module")
def embedded() -> Gazetteer:
    return Gazetteer.embedded()


@pytest.fixture(scope="module")
def full(shared, tmp_path_factory) -> Gazetteer:
    gn = shared / "data" / "geonames"
    out = tmp_path_factory.mktemp("gazetteer") / "index.sqlite"
    build_index([gn / "UA.txt.gz", gn / "cities500_RU.txt.gz", gn / "admin1CodesASCII.txt", gn / "admin2Codes.txt.gz"], out)
    return Gazetteer.load(out)


def ids(g: Gazetteer, name: str, fuzzy: bool = True) -> list[int]:
    return [c.place.geonameid for c in g.lookup(name, fuzzy=fuzzy)]


# -- the embedded default -------------------------------------------------------------------


def test_embedded_is_cached_and_labelled(embedded):
    assert Gazetteer.embedded() is embedded
    assert "embedded" in embedded.label
    assert len(embedded) > 10_000
    assert DEFAULT_INDEX.name == "index.sqlite"


def test_lookup_returns_candidates_with_places(embedded):
    cands = embedded.lookup("Avdiivka")
    assert all(isinstance(c, Candidate) and isinstance(c.place, Place) for c in cands)
    first = cands[0]
    assert first.place.geonameid == 713122  # GeoNames spells it Avdiyivka; Donetsk Oblast's first
    assert first.place.admin1 == "Donetsk Oblast"
    assert first.place.source == "embedded"
    assert first.match == "exact"  # "Avdiivka" is among GeoNames' alternate names
    assert {c.place.admin1 for c in cands} >= {"Donetsk Oblast", "Chernihiv Oblast"}


@pytest.mark.parametrize(
    "name, geonameid",
    [
        ("Bakhmut", 713174), ("Artemivsk", 713174), ("Artemovsk", 713174), ("Artyomovsk", 713174),
        ("Toretsk", 709354), ("Dzerzhynsk", 709354),
        ("Pokrovsk", 704422), ("Krasnoarmiisk", 704422), ("Krasnoarmeysk", 704422),
        ("Kropyvnytskyi", 705812), ("Kirovohrad", 705812), ("Kirovograd", 705812),
        ("Myrnohrad", 710035), ("Dymytrov", 710035),
        ("Horlivka", 707753), ("Gorlovka", 707753),
        ("Kharkov", 706483), ("Volchansk", 689304), ("Vovchansk", 689304),
        ("Kostyantynivka", 705104), ("Kostiantynivka", 705104),
    ],
)
def test_renamed_places_and_russian_forms(embedded, name, geonameid):
    assert geonameid in ids(embedded, name, fuzzy=False)


@pytest.mark.parametrize("name, geonameid", [("Donetsk City", 709717), ("Kharkiv City", 706483), ("Sumy City", 692194),
                                             ("the Donetsk City", 709717)])
def test_isw_city_forms_find_the_city(embedded, name, geonameid):
    cands = embedded.lookup(name)
    assert cands[0].place.geonameid == geonameid
    assert cands[0].place.is_settlement


def test_pokrovsk_itself_before_the_town_once_called_pokrovsk(embedded):
    cands = embedded.lookup("Pokrovsk")
    assert cands[0].place.name == "Pokrovsk"
    assert 563464 in [c.place.geonameid for c in cands]  # Engels, formerly Pokrovsk: still a candidate


def test_descriptive_words_are_kept(embedded):
    assert 690237 in ids(embedded, "Velyka Novosilka")
    assert 690237 not in ids(embedded, "Novosilka", fuzzy=False)


def test_cyrillic_lookup(embedded):
    assert 713174 in ids(embedded, "Бахмут")
    assert 713174 in ids(embedded, "Артемовск")


@pytest.mark.parametrize(
    "name, geonameid, admin1",
    [
        ("Kherson Oblast", 706442, "Kherson Oblast"), ("Kherson", 706442, "Kherson Oblast"),
        ("Krasnodar Krai", 542415, "Krasnodar Krai"), ("Republic of Crimea", 703883, "Crimea"),
        ("occupied Crimea", 703883, "Crimea"), ("Crimea", 703883, "Crimea"), ("Belgorod Oblast", 578071, "Belgorod Oblast"),
        ("Kyiv City", 703447, "Kyiv City"), ("Kyiv", 703446, "Kyiv Oblast"), ("Kiev Oblast", 703446, "Kyiv Oblast"),
        ("Rostov Oblast", 501165, "Rostov Oblast"), ("Sumy Oblast", 692196, "Sumy Oblast"),
        ("Kursk Oblast", 538555, "Kursk Oblast"), ("Zaporizhia Oblast", 687699, "Zaporizhzhia Oblast"),
        ("Zaporizhzhia Oblast", 687699, "Zaporizhzhia Oblast"), ("east (left) bank of Kherson Oblast", 706442, "Kherson Oblast"),
        ("Odessa Oblast", 698738, "Odesa Oblast"), ("northern Kharkiv Oblast", 706482, "Kharkiv Oblast"),
    ],
)
def test_region(embedded, name, geonameid, admin1):
    place = embedded.region(name)
    assert place is not None and place.geonameid == geonameid
    assert place.admin1 == admin1 and place.name == admin1
    assert (place.feature_class, place.feature_code) == ("A", "ADM1")


def test_region_is_none_for_places(embedded):
    assert embedded.region("Avdiivka") is None
    assert embedded.region("Donetsk City") is None


def test_regions_list_has_isw_names(embedded):
    names = {p.name for p in embedded.regions()}
    assert {"Donetsk Oblast", "Luhansk Oblast", "Odesa Oblast", "Kyiv Oblast", "Crimea", "Krasnodar Krai", "Minsk City"} <= names
    assert not {"Odessa", "Kiev"} & names


def test_admin1_of_places_is_isw_style(embedded):
    assert embedded.get(698740).admin1 == "Odesa Oblast"  # Odesa, GeoNames "Odessa" region
    assert embedded.get(703448).admin1 == "Kyiv City"
    assert embedded.get(501175).admin1 == "Rostov Oblast"  # Rostov-on-Don
    assert embedded.get(-1) is None


def test_is_name(embedded):
    for name in ("Avdiivka", "Bakhmut", "Kherson Oblast", "Donetsk City", "Kharkiv City", "Krasnodar Krai", "occupied Crimea"):
        assert embedded.is_name(name), name
    for text in ("Russian", "forces", "advanced", "the", "Avdiivrka", ""):
        assert not embedded.is_name(text), text


def test_fuzzy_only_when_nothing_matches(embedded):
    assert all(c.match != "fuzzy" for c in embedded.lookup("Avdiivka"))
    cands = embedded.lookup("Avdiivrka")  # a typo
    assert cands and all(c.match == "fuzzy" and 0.8 <= c.score < 1 for c in cands)
    assert 713122 in [c.place.geonameid for c in cands]
    assert embedded.lookup("Avdiivrka", fuzzy=False) == []
    assert embedded.lookup("") == []


def test_lookup_results_are_independent_lists(embedded):
    a = embedded.lookup("Bakhmut")
    a.clear()
    assert embedded.lookup("Bakhmut")


def test_default_without_index_is_embedded(tmp_path, monkeypatch):
    import geo.places.gazetteer as gz

    monkeypatch.setattr(gz, "DEFAULT_INDEX", tmp_path / "none.sqlite")
    assert "embedded" in Gazetteer.default().label


# -- the full index from ../shared -----------------------------------------------------------


@pytest.mark.parametrize(
    "name, geonameid",
    [
        ("Robotyne", 695586), ("Klishchiivka", 13512497), ("Synkivka", 693778), ("Berdychi", 9113133),
        ("Tonenke", 691412), ("Prechystivka", 696362), ("Starytsya", 692838), ("Pleshchiivka", 9114055),
        ("Velykyi Burluk", 690193), ("Novoselivka Persha", 699180), ("Avdiivka", 713122),
    ],
)
def test_full_index_has_the_villages(full, name, geonameid):
    assert geonameid in ids(full, name, fuzzy=False)
    assert full.get(geonameid).source == "geonames"


def test_full_index_features_are_flagged(full):
    island = full.lookup("Velykiy Potemkin island")[0].place  # GeoNames: Ostriv Velykyi Potomkin
    assert (island.geonameid, island.feature_class, island.feature_code) == (9873788, "T", "ISL")
    npp = full.lookup("Zaporizhzhia NPP")[0].place
    assert (npp.geonameid, npp.feature_class) == (11839420, "S")
    raion = [c.place for c in full.lookup("Kyivskyi Raion") if c.place.geonameid == 705705]
    assert raion and raion[0].feature_class == "A" and raion[0].admin1 == "Kharkiv Oblast"
    river = full.lookup("Oskil River", fuzzy=False)
    assert river and any(c.place.feature_code == "STM" for c in river)


def test_full_index_regions(full):
    assert full.region("Luhansk Oblast").geonameid == 702657
    assert full.region("Kursk Oblast").geonameid == 538555
    assert full.get(702657).name == "Luhansk Oblast"  # the GeoNames ADM1 row under ISW's name


def _gold_rows(shared):
    for path in sorted((shared / "gold").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)


def candidate_recall(g: Gazetteer, rows, misses: list | None = None) -> tuple[int, int]:
    """Gold places (with a geonameid) among the candidates the resolver draws from the gazetteer for the place as
    written and at its precision; a candidate within 5 km of a gold settlement or feature counts (the scoring
    rule: "Azovstal Steel Plant" is GeoNames' Port Azovstali, in the Mariupol of the gold row)."""
    from geo.evaluation import same_place
    from geo.models import Mention
    from geo.places.resolver import Resolver

    resolver = Resolver(g)
    found = total = 0
    for row in rows:
        gid = row["geonameid"]
        if gid is None:
            continue
        total += 1
        name = row["place"]
        if row["precision"] == "region":
            region = g.region(name)
            hit = region is not None and region.geonameid == gid
            hit = hit or gid in ids(g, name)
        else:
            cands, _ = resolver.candidates(Mention(name, 0, len(name), name, precision=row["precision"]))
            hit = gid in [c.place.geonameid for c in cands] or gid in ids(g, name) or any(
                same_place(row, {"lat": c.place.lat, "lon": c.place.lon}) for c in cands)
        found += hit
        if not hit and misses is not None:
            misses.append(f"{name} ({gid})")
    return found, total


def test_gold_candidate_recall_of_full_index(full, shared):
    misses: list[str] = []
    found, total = candidate_recall(full, _gold_rows(shared), misses)
    assert total > 200
    assert found / total >= 0.99, f"recall {found}/{total}: {misses}"


def test_embedded_recall_is_lower_but_real(embedded, shared):
    found, total = candidate_recall(embedded, _gold_rows(shared))
    assert 0.3 < found / total < 0.99
