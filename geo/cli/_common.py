"""Options shared by several commands."""

from __future__ import annotations

import os
from pathlib import Path


def add_gazetteer_option(p) -> None:
    p.add_argument(
        "--gazetteer", metavar="INDEX", type=Path, default=os.environ.get("GEO_GAZETTEER") or None,
        help="gazetteer index built by 'python -m geo gazetteer build' (default: data/gazetteer/index.sqlite if it "
             "exists, else the embedded GeoNames places of 500+ people; env GEO_GAZETTEER)",
    )


def add_store_option(p) -> None:
    from geo.store import DEFAULT_STORE

    p.add_argument("--store", metavar="PATH", type=Path, default=Path(os.environ.get("GEO_STORE") or DEFAULT_STORE),
                   help=f"the SQLite store (default: {DEFAULT_STORE.relative_to(DEFAULT_STORE.parent.parent)}; env GEO_STORE)")


def load_gazetteer(path: Path | None):
    from geo.places.gazetteer import Gazetteer

    return Gazetteer.load(path) if path else Gazetteer.default()
