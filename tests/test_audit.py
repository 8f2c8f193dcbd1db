"""Each stored claim against the front line of its day: measured on ingest, refresh and import, listed by
`python -m geo audit`, marked and filtered in the dashboard. On the embedded sample plus a report of 20 June
2024 with a ground claim far from the front (Dnipro City), a partisan attack (a strike: expected far) and a
claim on the line (Chasiv Yar)."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from geo.cli import main
from tests.conftest import ROOT, SAMPLE

REPORT = """June 20, 2024

Institute for the Study of War: Russian Offensive Campaign Assessment, June 20, 2024

Institute for the Study of War

Russian forces advanced near Dnipro City on June 20. Ukrainian partisans attacked a Russian checkpoint in Melitopol on June 20. Russian forces attacked near Chasiv Yar on June 20.

For full report:  https://www.understandingwar.org/backgrounder/russian-offensive-campaign-assessment-june-20-2024
"""


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    from geo.pipeline import ingest
    from geo.places.gazetteer import Gazetteer
    from geo.store import Store

    folder = tmp_path_factory.mktemp("audit")
    (folder / "reports").mkdir()
    (folder / "reports" / "2024-06-20.txt").write_text(REPORT, encoding="utf-8")
    path = folder / "claims.sqlite"
    with Store(path) as store:
        result = ingest(store, [SAMPLE, folder / "reports"], Gazetteer.default(), progress=False)
    assert result.added == 3 and not result.errors
    return path


def measured(store_path) -> dict[str, tuple]:
    from geo.store import Store

    with Store(store_path) as store:
        fronts = store.claim_front()
        return {f"{r['report_date']} {r['place']}": fronts.get(r["id"]) for r in store.claim_rows() if r["lat"] is not None}


def test_ingest_measures_every_placed_claim_against_its_days_front(store_path):
    got = measured(store_path)
    assert got and all(v is not None for v in got.values())  # every placed row
    day, km, note = got["2024-06-20 Chasiv Yar"]
    assert day == "2024-06-17" and km < 5 and note is None  # the weekly snapshot of that week; on the line
    day, km, note = got["2024-06-20 Dnipro City"]
    assert km > 80 and note is None  # a ground claim far from the line: flagged
    assert got["2024-06-20 Melitopol"][2].startswith("partisan attack")  # labelled, expected far


def test_audit_lists_the_far_ground_claims_and_the_share_within(store_path, capsys):
    assert main(["audit", "--km", "25", "--store", str(store_path)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    far = [line for line in out if line.startswith("2024-")]
    assert len(far) == 1 and far[0].startswith("2024-06-20\tDnipro City (Dnipropetrovsk Oblast)\t")
    assert "km\tadvance\tRussian forces advanced near Dnipro City on June 20." in far[0]
    summary = out[-1]
    n = int(summary.split()[0])
    assert n >= 3 and f"{n - 1} ({100 * (n - 1) / n:.1f}%) within 25 km" in summary and "1 farther" in summary
    assert main(["audit", "--km", "500", "--store", str(store_path)]) == 0
    assert not [line for line in capsys.readouterr().out.splitlines() if line.startswith("2024-")]


def test_refresh_and_import_measure_again(store_path, shared, tmp_path):
    from geo.pipeline import refresh
    from geo.places.gazetteer import Gazetteer
    from geo.store import Store

    with Store(store_path) as store:
        refresh(store, Gazetteer.default(), progress=False)
    got = measured(store_path)
    assert all(v is not None for v in got.values()) and got["2024-06-20 Chasiv Yar"][0] == "2024-06-17"
    copy = tmp_path / "claims.sqlite"
    copy.write_bytes(store_path.read_bytes())
    cyterat = shared / "data" / "frontline" / "cyterat" / "deepstatemap_data_20240708.geojson"
    assert main(["frontline", "import", str(cyterat), "--date", "2024-06-20", "--store", str(copy)]) == 0
    after = measured(copy)
    assert after["2024-06-20 Chasiv Yar"][0] == "2024-06-20"  # a stored snapshot wins over the shipped week
    assert after["2024-06-19 Chasiv Yar"][0] == "2024-06-17"


@pytest.fixture()
def app(store_path, monkeypatch):
    monkeypatch.setenv("GEO_STORE", str(store_path))
    monkeypatch.setenv("GEO_TILES_URL", "none")
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)


def feature_group(at) -> str:
    (component,) = at.get("component_instance")
    return json.loads(component.proto.json_args)["feature_group"]


def popup_texts(at) -> str:
    """The popup texts of the drawn layer: the file the map fetches them from (named in its script)."""
    import re
    import tempfile
    from pathlib import Path

    name = re.search(r'textsUrl = "[^"]*/([0-9a-f]{24}\.json)"', feature_group(at)).group(1)
    served = next(Path(tempfile.gettempdir()).glob(f"frontline-claims-popups-*/{name}"))
    return " ".join(json.loads(served.read_text(encoding="utf-8")))


def test_dashboard_draws_the_front_by_default_and_marks_and_filters_far_claims(app):
    at = app.run()
    assert not at.exception
    group = feature_group(at)
    assert "geo-front" in group and "Russian-occupied, DeepStateMap, as of 17 June 2024" in group
    assert "far from the front: check" in popup_texts(at)  # Dnipro City's popup
    table = at.dataframe[0].value
    flags = dict(zip(table["place"], table["front"]))
    assert flags["Dnipro City"] == "far from the front: check" and flags["Melitopol"].startswith("partisan attack")
    assert flags["Chasiv Yar"].endswith(" km")
    at.checkbox(key="far_only").check().run()
    assert list(at.dataframe[0].value["place"]) == ["Dnipro City"]
    assert "Dnipro City" in popup_texts(at) and "Chasiv Yar" not in popup_texts(at)
    at.checkbox(key="far_only").uncheck().run()
    at.toggle(key="front_on").set_value(False).run()
    assert "geo-front" not in feature_group(at) and "Russian-occupied" not in feature_group(at)


def test_exports_carry_the_distance_to_the_front(store_path):
    import csv
    import io

    from geo.map import exports
    from geo.store import Store

    with Store(store_path) as store:
        rows, fronts = store.claim_rows(), store.claim_front()
    for r in rows:
        r["front_date"], r["front_km"], r["front_note"] = fronts.get(r["id"], (None, None, None))
    table = {r["place"]: r for r in csv.DictReader(io.StringIO(exports.to_csv(rows))) if r["report_date"] == "2024-06-20"}
    assert float(table["Dnipro City"]["front_km"]) > 80 and table["Dnipro City"]["front_date"] == "2024-06-17"
    assert table["Melitopol"]["front_note"].startswith("partisan attack")


def test_dashboard_measures_an_older_store_in_memory(store_path, tmp_path, monkeypatch):
    """A store filled before claims were measured: the app measures them itself and writes nothing."""
    import sqlite3

    old = tmp_path / "old.sqlite"
    old.write_bytes(store_path.read_bytes())
    with sqlite3.connect(old) as conn:
        conn.execute("DELETE FROM claim_front")
    monkeypatch.setenv("GEO_STORE", str(old))
    monkeypatch.setenv("GEO_TILES_URL", "none")
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert not at.exception
    flags = dict(zip(at.dataframe[0].value["place"], at.dataframe[0].value["front"]))
    assert flags["Dnipro City"] == "far from the front: check" and flags["Chasiv Yar"].endswith(" km")
    with sqlite3.connect(old) as conn:
        assert conn.execute("SELECT COUNT(*) FROM claim_front").fetchone()[0] == 0
