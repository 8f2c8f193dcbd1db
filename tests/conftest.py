"""Shared fixtures. Tests that read ../shared skip with a reason when it is absent."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "data" / "assessments"

needs_shared = pytest.mark.skipif(
    not (SHARED / "corpus").is_dir(),
    reason=f"needs the shared data folder at {SHARED} (present in CI, absent in a user's clone)",
)


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"needs the shared data folder at {SHARED} (present in CI, absent in a user's clone)")
    return SHARED


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def chromium():
    """The system headless browser (geo.map.snapshot.Browser). When it is missing and we are root,
    scripts/install_browser.sh installs Debian's chromium + chromium-driver; otherwise skip."""
    import os
    import subprocess

    from geo.errors import SnapshotError
    from geo.map.browser import find_browser, selenium_modules

    try:
        selenium_modules()
    except SnapshotError as e:
        pytest.skip(f"browser test: {e}")
    try:
        return find_browser()
    except SnapshotError as missing:
        script = ROOT / "scripts" / "install_browser.sh"
        if not (hasattr(os, "geteuid") and os.geteuid() == 0):
            pytest.skip(f"browser test: {missing} (not root, so not installing it)")
        done = subprocess.run(["sh", str(script)], capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            pytest.skip(f"browser test: {script.name} failed: {(done.stderr or done.stdout).strip()[-300:]}")
        return find_browser()


@pytest.fixture(scope="module")
def driver(chromium):
    """A headless Chromium window of 1400x1000 with the network off, one per test module."""
    from geo.map.browser import open_browser

    with open_browser(width=1400, height=1000, offline=True) as d:
        yield d


@pytest.fixture(scope="session")
def embedded_gazetteer():
    from geo.places.gazetteer import Gazetteer

    return Gazetteer.embedded()


@pytest.fixture(scope="session")
def full_gazetteer(shared, tmp_path_factory):
    """The full gazetteer built from the real GeoNames files in ../shared/data/geonames."""
    from geo.places.gazetteer import Gazetteer, build_index

    g = shared / "data" / "geonames"
    out = tmp_path_factory.mktemp("gazetteer") / "index.sqlite"
    build_index([g / "UA.txt.gz", g / "cities500_RU.txt.gz", g / "admin1CodesASCII.txt", g / "admin2Codes.txt.gz"], out)
    return Gazetteer.load(out)


@pytest.fixture(scope="session")
def gold_reports(shared, tmp_path_factory) -> Path:
    """The report files of every gold id, written by the shared materialize_corpus tool."""
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("gold-reports")
    ids = sorted(p.stem for p in (shared / "gold").glob("*.jsonl"))
    subprocess.run([sys.executable, str(shared / "tools" / "materialize_corpus.py"), str(out), *ids], check=True)
    return out


JUNE18, JUNE19 = dt.date(2024, 6, 18), dt.date(2024, 6, 19)
PAYLOAD = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"> `${window.__pwned=3}` & </b>"


@pytest.fixture(scope="session")
def rows(tmp_path_factory, embedded_gazetteer):
    """The store rows of the embedded sample."""
    from geo.pipeline import ensure_sample_store

    with ensure_sample_store(tmp_path_factory.mktemp("store") / "claims.sqlite", embedded_gazetteer) as store:
        return store.claim_rows()


@pytest.fixture()
def hostile(rows):
    """A real sample row whose report text carries markup, script and template-literal payloads."""
    from geo.map import views
    from geo.map.views import View

    base = views.select(rows, View(date=JUNE19))[0]
    return dict(base, id=4242, quote=f"Russian forces advanced near {PAYLOAD}", place=f"Chasiv {PAYLOAD}",
                claimant=f"milbloggers {PAYLOAD}", status="claimed", section=PAYLOAD, rule=PAYLOAD, runner_up=PAYLOAD,
                source="javascript:window.__pwned=4", bearing=PAYLOAD,
                endnote_urls=["javascript:alert(1)", "https://t.me/x?a=1&b=\"><script>", "data:text/html,<b>"])
