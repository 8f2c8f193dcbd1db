"""geo.map.basemap: the packaged Natural Earth land and borders drawn when there are no tiles."""

from __future__ import annotations

from geo.map import basemap

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


def test_packaged_basemap_has_land_and_borders_near_the_front():
    fc = basemap.basemap()
    land, borders = fc["features"]
    assert land["properties"]["name"] == "land" and land["geometry"]["type"] == "MultiPolygon"
    assert borders["properties"]["name"] == "borders" and borders["geometry"]["type"] == "MultiLineString"
    points = [p for line in borders["geometry"]["coordinates"] for p in line]
    # the Russian-Ukrainian land border runs between Kharkiv and Belgorod (about 36.5 E, 50.3 N)
    assert any(35.5 < x < 37.5 and 50.0 < y < 50.6 for x, y in points)
    # no border is drawn across the Perekop isthmus: Crimea is not split off Ukraine
    assert not any(33.3 < x < 34.6 and 45.95 < y < 46.25 for x, y in points)
    # nothing from the far side of the world (Alaska, the Pacific)
    assert all(-30 < x < 180 for x, y in points)
