"""Building the index from slices of the real GeoNames files: formats, overrides, bad inputs, download."""

from __future__ import annotations

import functools
import gzip
import hashlib
import http.server
import io
import threading
import zipfile
from pathlib import Path

import pytest

from geo.cli import main
from geo.errors import GazetteerError
from geo.places.gazetteer import Gazetteer, build_index, override_id, read_overrides
from geo.places.index import read_meta
from geo.places.geonames import file_kind, open_text, read_admin_codes, read_places

# Places the tests ask about: renamed towns, ISW spellings, Russian forms, features, villages.
SLICE_IDS = {
    713174,  # Bakhmut (Artemivsk, Artemovsk)
    709354,  # Toretsk (Dzerzhynsk)
    704422,  # Pokrovsk (Krasnoarmiisk)
    705812,  # Kropyvnytskyi (Kirovohrad)
    707753,  # Horlivka (Gorlovka)
    710035,  # Myrnohrad (Dymytrov)
    713122, 713120,  # Avdiyivka, Donetsk and Chernihiv Oblasts
    692838, 692839,  # Starytsia, Kharkiv and Kherson Oblasts
    13512497,  # Klishchiivka (Russian Клещеевка)
    687196,  # Zhovti Vody (Russian Жёлтые Воды)
    687997,  # Pivdenne (Russian Южное)
    705104,  # Kostyantynivka
    690237, 689687,  # Velyka Novosilka, Novosilka
    699180,  # Novoselivka Persha
    689304,  # Vovchansk
    706483, 709717,  # Kharkiv, Donetsk
    9873788,  # Ostriv Velykyi Potomkin (island)
    11839420,  # Zaporizhia Nuclear Power Plant
    709716, 706482, 706442,  # ADM1 rows: Donetsk, Kharkiv, Kherson Oblasts
    705705,  # Kyivskyi Rayon (Kharkiv)
}


@pytest.fixture(scope="module")
def ua_slice(shared, tmp_path_factory) -> Path:
    """UA.txt cut down to the places above and the first 500 rows, as published (tab-separated text)."""
    out = tmp_path_factory.mktemp("slice") / "UA.txt"
    with gzip.open(shared / "data" / "geonames" / "UA.txt.gz", "rt", encoding="utf-8") as f, out.open("w", encoding="utf-8") as w:
        for n, line in enumerate(f):
            gid = int(line.split("\t", 1)[0])
            if n < 500 or gid in SLICE_IDS:
                w.write(line)
    return out


@pytest.fixture(scope="module")
def admin1(shared) -> Path:
    return shared / "data" / "geonames" / "admin1CodesASCII.txt"


def _zip(src: Path, dest: Path) -> Path:
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(src, src.name)
        z.writestr("readme.txt", "GeoNames export\n")
    return dest


def _gzip(src: Path, dest: Path) -> Path:
    dest.write_bytes(gzip.compress(src.read_bytes()))
    return dest


@pytest.fixture(scope="module")
def index(ua_slice, admin1, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("index") / "index.sqlite"
    build_index([ua_slice, admin1], out, overrides=None)
    return out


@pytest.fixture(scope="module")
def g(index) -> Gazetteer:
    return Gazetteer.load(index, overrides=None)


def ids(g: Gazetteer, name: str) -> list[int]:
    return [c.place.geonameid for c in g.lookup(name, fuzzy=False)]


# -- readers ------------------------------------------------------------------------------------


def test_read_places_from_a_file_object(ua_slice):
    text = ua_slice.read_text(encoding="utf-8")
    rows = list(read_places(io.StringIO(text), "UA.txt"))
    bakhmut = next(r for r in rows if r.geonameid == 713174)
    assert (bakhmut.name, bakhmut.feature_class, bakhmut.country, bakhmut.admin1) == ("Bakhmut", "P", "UA", "05")
    assert "Artemivsk" in bakhmut.alternatenames and bakhmut.population > 50_000


def test_read_admin_codes(admin1):
    with open_text(admin1) as f:
        rows = {r.code: r for r in read_admin_codes(f, str(admin1))}
    assert rows["UA.08"].geonameid == 706442
    assert rows["RU.61"].geonameid == 501165


def test_file_kind():
    assert file_kind("admin1CodesASCII.txt") == "admin1"
    assert file_kind("/x/admin2Codes.txt.gz") == "admin2"
    assert file_kind("UA.zip") == file_kind("cities500_RU.txt.gz") == "places"


def test_zip_gzip_and_text_give_the_same_index(ua_slice, admin1, g, tmp_path):
    for packed in (_zip(ua_slice, tmp_path / "UA.zip"), _gzip(ua_slice, tmp_path / "UA.txt.gz")):
        out = tmp_path / f"{packed.name}.sqlite"
        meta = build_index([packed, admin1], out, overrides=None)
        assert meta["places"] == len(g)
        assert Gazetteer.load(out, overrides=None).lookup("Bakhmut")[0].place.geonameid == 713174


# -- what the index knows -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, geonameid",
    [
        ("Artemivsk", 713174), ("Artemovsk", 713174), ("Dzerzhynsk", 709354), ("Krasnoarmiisk", 704422),
        ("Kirovohrad", 705812), ("Gorlovka", 707753), ("Dymytrov", 710035), ("Kharkov", 706483),
        ("Volchansk", 689304), ("Donetsk City", 709717), ("Kharkiv City", 706483),
    ],
)
def test_renamed_places(g, name, geonameid):
    assert geonameid in ids(g, name)


@pytest.mark.parametrize(
    "name, geonameid",
    [
        ("Avdiivka", 713122), ("Starytsya", 692838), ("Kostiantynivka", 705104), ("Klishchiivka", 13512497),
        # Russian forms found only through the romanised Cyrillic names
        ("Kleshcheyevka", 13512497), ("Zheltyye Vody", 687196), ("Yuzhnoye", 687997),
    ],
)
def test_spellings_and_romanisations(g, name, geonameid):
    assert geonameid in ids(g, name)


def test_romanised_forms_are_variant_matches(g):
    (cand,) = [c for c in g.lookup("Zheltyye Vody") if c.place.geonameid == 687196]
    assert cand.match == "variant"


def test_descriptive_parts_keep_villages_apart(g):
    assert ids(g, "Velyka Novosilka") == [690237]
    assert 690237 not in ids(g, "Novosilka")
    assert ids(g, "Novoselivka Persha") == [699180]


def test_features_and_admin_areas_keep_their_class(g):
    island = g.get(9873788)
    assert (island.feature_class, island.feature_code, island.admin1) == ("T", "ISL", "Kherson Oblast")
    assert 9873788 in ids(g, "Velykyi Potomkin Island")
    assert 11839420 in ids(g, "Zaporizhzhia NPP")
    assert g.get(705705).feature_class == "A"
    assert 705705 in ids(g, "Kyivskyi Raion")


def test_regions_carry_isw_names_and_geonames_ids(g):
    kharkiv = g.get(706482)
    assert (kharkiv.name, kharkiv.admin1, kharkiv.feature_code) == ("Kharkiv Oblast", "Kharkiv Oblast", "ADM1")
    assert kharkiv.population > 1_000_000  # kept from the GeoNames row
    assert g.region("Krasnodar Krai").geonameid == 542415  # from regions.csv: RU is not in the slice
    assert g.get(713174).admin1 == "Donetsk Oblast"


def test_index_meta_records_sources(index, ua_slice):
    meta = read_meta(index)
    (ua,) = [s for s in meta["sources"] if s["file"] == "UA.txt"]
    assert ua["sha256"] == hashlib.sha256(ua_slice.read_bytes()).hexdigest()
    assert meta["places"] > 500


def test_countries_filter(ua_slice, admin1, tmp_path):
    out = tmp_path / "ru.sqlite"
    with pytest.raises(GazetteerError, match="no places file"):
        build_index([admin1], out, overrides=None)
    build_index([ua_slice], out, overrides=None, countries=["RU"])
    g = Gazetteer.load(out, overrides=None)
    assert g.get(713174) is None and g.region("Rostov Oblast").geonameid == 501165


# -- overrides ------------------------------------------------------------------------------------

OVERRIDES = """name,geonameid,lat,lon,admin1,action,note
# a comment line
Testove Khutir,,48.1234,37.5678,Donetsk Oblast,add,hamlet missing from GeoNames
Bakhmutka Town,713174,,,Donetsk Oblast,alias,an analyst's alias
Artemovsk,713174,,,,block,keep the Russian name of Bakhmut out
"""


def _overrides(tmp_path: Path, text: str = OVERRIDES) -> Path:
    path = tmp_path / "overrides.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _check_overrides(g: Gazetteer) -> None:
    added = g.lookup("Testove Khutir")
    assert len(added) == 1
    place = added[0].place
    assert (place.source, place.admin1, place.country, place.lat) == ("override", "Donetsk Oblast", "UA", 48.1234)
    assert place.geonameid == override_id("Testove Khutir", 48.1234, 37.5678) < 0
    assert [c.place.geonameid for c in g.lookup("Bakhmutka Town")] == [713174]
    assert 713174 not in ids(g, "Artemovsk")
    assert 713174 not in [c.place.geonameid for c in g.lookup("Artemovsk", fuzzy=True)]  # not even by fuzzy matching
    assert 713174 in ids(g, "Artemivsk")  # only the blocked name is gone


def test_overrides_applied_at_build_survive_rebuild(ua_slice, admin1, tmp_path):
    csv_path = _overrides(tmp_path)
    out = tmp_path / "index.sqlite"
    for _ in range(2):  # build, then rebuild
        build_index([ua_slice, admin1], out, overrides=csv_path)
        _check_overrides(Gazetteer.load(out, overrides=None))  # stored in the index itself
        _check_overrides(Gazetteer.load(out, overrides=csv_path))  # and applying them again changes nothing


def test_overrides_applied_at_load(index, tmp_path):
    g = Gazetteer.load(index, overrides=_overrides(tmp_path))
    _check_overrides(g)
    assert g.is_override(713174) and not g.is_override(706483)


def test_add_with_a_geonames_id_corrects_that_place(index, tmp_path):
    text = "name,geonameid,lat,lon,admin1,action,note\nBakhmut,713174,48.6,38.0,Donetsk Oblast,add,moved\n"
    g = Gazetteer.load(index, overrides=_overrides(tmp_path, text))
    place = g.lookup("Bakhmut")[0].place
    assert (place.geonameid, place.lat, place.lon, place.source) == (713174, 48.6, 38.0, "override")
    assert place.population > 50_000  # kept from GeoNames


def test_block_a_whole_place_and_alias_to_unknown_id(index, tmp_path):
    text = "name,geonameid,lat,lon,admin1,action,note\n,709354,,,,block,not Toretsk\nFoo,999999999,,,,alias,no such id\n"
    g = Gazetteer.load(index, overrides=_overrides(tmp_path, text))
    assert g.get(709354) is None and ids(g, "Toretsk") == []
    assert g.override_problems and "999999999" in g.override_problems[0]


def test_embedded_applies_overrides(tmp_path):
    g = Gazetteer.embedded(overrides=_overrides(tmp_path))
    _check_overrides(g)
    assert 713174 in ids(Gazetteer.embedded(overrides=None), "Artemovsk")  # the shared default is untouched


@pytest.mark.parametrize(
    "text, message",
    [
        ("name,geonameid,lat,lon,admin1,action,note\nX,,1,2,,move,\n", "action 'move'"),
        ("name,geonameid,lat,lon,admin1,action,note\nX,,,,,add,\n", "'add' needs name, lat and lon"),
        ("name,geonameid,lat,lon,admin1,action,note\nX,abc,,,,alias,\n", "geonameid 'abc' is not a number"),
        ("name,lat,lon\nX,1,2\n", "missing column"),
    ],
)
def test_bad_overrides_are_clear_errors(text, message):
    with pytest.raises(GazetteerError, match=message):
        read_overrides(io.StringIO(text), "overrides.csv")


def test_shipped_overrides_file_is_valid():
    from geo.places.gazetteer import DEFAULT_OVERRIDES

    rows = read_overrides(DEFAULT_OVERRIDES.open(encoding="utf-8"), str(DEFAULT_OVERRIDES))
    assert all(r["action"] in ("add", "alias", "block") for r in rows)


# -- bad inputs leave the previous index in place -------------------------------------------------


def _assert_previous_index_intact(out: Path, before: bytes) -> None:
    assert out.read_bytes() == before
    assert Gazetteer.load(out, overrides=None).lookup("Bakhmut")[0].place.geonameid == 713174
    assert not [p for p in out.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.fixture
def previous(ua_slice, admin1, tmp_path) -> tuple[Path, bytes]:
    out = tmp_path / "index.sqlite"
    build_index([ua_slice, admin1], out, overrides=None)
    return out, out.read_bytes()


def test_truncated_zip(previous, ua_slice, tmp_path):
    out, before = previous
    whole = _zip(ua_slice, tmp_path / "UA.zip").read_bytes()
    cut = tmp_path / "cut" / "UA.zip"
    cut.parent.mkdir()
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(GazetteerError, match=r"UA\.zip.*(not a complete zip|truncated)"):
        build_index([cut], out, overrides=None)
    _assert_previous_index_intact(out, before)


def test_truncated_gzip(previous, ua_slice, tmp_path):
    out, before = previous
    whole = gzip.compress(ua_slice.read_bytes())
    cut = tmp_path / "UA.txt.gz"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(GazetteerError, match=r"UA\.txt\.gz: truncated or corrupt"):
        build_index([cut], out, overrides=None)
    _assert_previous_index_intact(out, before)


def test_wrong_column_count(previous, ua_slice, tmp_path):
    out, before = previous
    lines = ua_slice.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[9] = "\t".join(lines[9].split("\t")[:15]) + "\n"
    bad = tmp_path / "UA.txt"
    bad.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"UA\.txt: line 10: expected 19 tab-separated columns .* found 15"):
        build_index([bad], out, overrides=None)
    admin = tmp_path / "admin1CodesASCII.txt"
    admin.write_text("UA.08\tKherson\t706442\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"admin1CodesASCII\.txt: line 1: expected 4"):
        build_index([admin, ua_slice], out, overrides=None)
    _assert_previous_index_intact(out, before)


def test_missing_file(previous, tmp_path):
    out, before = previous
    with pytest.raises(GazetteerError, match=r"UA\.zip: no such file"):
        build_index([tmp_path / "nowhere" / "UA.zip"], out, overrides=None)
    _assert_previous_index_intact(out, before)


def test_not_an_index(tmp_path):
    bad = tmp_path / "index.sqlite"
    bad.write_bytes(b"not a database at all" * 100)
    with pytest.raises(GazetteerError, match="not a gazetteer index"):
        Gazetteer.load(bad)
    with pytest.raises(GazetteerError, match="no gazetteer index there"):
        Gazetteer.load(tmp_path / "none.sqlite")
    with pytest.raises(GazetteerError, match="no gazetteer index there"):
        Gazetteer.default(tmp_path / "none.sqlite")


# -- the CLI and the download path ----------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output clean
        pass


@pytest.fixture(scope="module")
def server(shared):
    """An http.server on 127.0.0.1 serving ../shared/data/geonames (no internet)."""
    handler = functools.partial(_QuietHandler, directory=str(shared / "data" / "geonames"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def test_cli_download_builds_the_index(server, shared, tmp_path, capsys):
    out = tmp_path / "idx" / "index.sqlite"
    rc = main(["gazetteer", "build", "--download", "UA", "--base-url", server, "--out", str(out), "--quiet"])
    assert rc == 0
    saved = tmp_path / "idx" / "geonames" / "UA.txt.gz"  # the server has no UA.zip, so the gzip is taken
    digest = hashlib.sha256(saved.read_bytes()).hexdigest()
    assert digest == hashlib.sha256((shared / "data" / "geonames" / "UA.txt.gz").read_bytes()).hexdigest()
    assert (saved.parent / "UA.txt.gz.sha256").read_text().split()[0] == digest
    assert (saved.parent / "admin1CodesASCII.txt").is_file() and (saved.parent / "admin2Codes.txt.gz").is_file()
    assert "wrote" in capsys.readouterr().out
    meta = read_meta(out)
    assert {s["sha256"] for s in meta["sources"] if s["file"] == "UA.txt.gz"} == {digest}
    g = Gazetteer.load(out)
    assert g.lookup("Robotyne")[0].place.geonameid == 695586
    capsys.readouterr()
    assert main(["gazetteer", "lookup", "Artemovsk", "--gazetteer", str(out), "--no-fuzzy"]) == 0
    assert "713174\texact\tBakhmut\tDonetsk Oblast" in capsys.readouterr().out


def test_cli_base_url_from_environment(server, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("GEO_GEONAMES_URL", server)
    rc = main(["gazetteer", "build", "--download", "XX", "--out", str(tmp_path / "index.sqlite"), "--quiet"])
    assert rc == 2
    err = capsys.readouterr().err
    assert server in err and "XX.zip" in err
    assert not (tmp_path / "index.sqlite").exists()


def test_cli_offline_is_a_clear_message(tmp_path, capsys):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    rc = main(["gazetteer", "build", "--download", "UA", "--base-url", f"http://127.0.0.1:{port}/",
               "--out", str(tmp_path / "index.sqlite"), "--quiet", "--timeout", "5"])
    assert rc == 2
    err = capsys.readouterr().err
    assert "cannot reach the GeoNames server" in err and "--geonames" in err


def test_cli_build_from_files_and_lookup(ua_slice, admin1, tmp_path, capsys):
    out = tmp_path / "index.sqlite"
    assert main(["gazetteer", "build", "--geonames", str(ua_slice), str(admin1), "--out", str(out), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["gazetteer", "lookup", "--gazetteer", str(out), "--json", "Starytsya"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert '"geonameid": 692838' in lines[0] and '"admin1": "Kharkiv Oblast"' in lines[0]
    assert main(["gazetteer", "lookup", "--gazetteer", str(out), "--region", "occupied", "Crimea"]) == 0
    assert "703883" in capsys.readouterr().out
    assert main(["gazetteer", "lookup", "--gazetteer", str(out), "--no-fuzzy", "Qqqqzzz"]) == 1
    assert main(["gazetteer", "info", str(out)]) == 0
    assert '"sha256"' in capsys.readouterr().out
    assert main(["gazetteer", "build", "--geonames", str(tmp_path / "missing.txt"), "--out", str(out), "--quiet"]) == 2
    assert "missing.txt: no such file" in capsys.readouterr().err
