"""The gazetteer index file: one SQLite database, written atomically.

Layout (format 1):
- `meta(key, value)`: format, built_at, countries, sources (JSON: file, sha256, rows), counts,
  region_ids (JSON list), blocked (variant key -> ids an override blocked, null for all).
- `places(geonameid, name, lat, lon, country, admin1, admin1_code, feature_class, feature_code,
  population, source)`: one row per place, readable with any SQLite tool.
- `blobs(name, data)`: `keys` = zlib(marshal((exact, variant))), the two key -> geonameids
  tables (one id as an int, several as a tuple); `places` = the places table as one marshal
  blob. Loading blobs takes a fraction of the time of a row per key or place.

`write_index` writes to a temporary file beside the target and renames it over the target
only when complete, so a failed build leaves the previous index as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import marshal
import os
import sqlite3
import sys
import zlib
from pathlib import Path
from typing import Any

from geo.errors import GazetteerError

FORMAT = 1
PLACE_COLUMNS = ("geonameid", "name", "lat", "lon", "country", "admin1", "admin1_code", "feature_class",
                 "feature_code", "population", "source")

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    country TEXT NOT NULL, admin1 TEXT NOT NULL, admin1_code TEXT NOT NULL, feature_class TEXT NOT NULL,
    feature_code TEXT NOT NULL, population INTEGER NOT NULL, source TEXT NOT NULL
);
CREATE TABLE blobs (name TEXT PRIMARY KEY, data BLOB NOT NULL);
"""


def write_index(
    path: Path,
    places: dict[int, tuple],
    exact: dict[str, int | tuple[int, ...]],
    variant: dict[str, int | tuple[int, ...]],
    region_ids: list[int],
    meta: dict[str, Any] | None = None,
) -> Path:
    """Write the index to `path` atomically; return the path."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise GazetteerError(f"{path.parent}: cannot create the folder for the index ({e.strerror})") from e
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    info = dict(meta or {})
    info.update({
        "format": FORMAT,
        "built_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "places": len(places),
        "keys_exact": len(exact),
        "keys_variant": len(variant),
        "region_ids": list(region_ids),
    })
    try:
        tmp.unlink(missing_ok=True)
        con = sqlite3.connect(tmp)
        try:
            con.executescript(_SCHEMA)
            con.executemany("INSERT INTO meta VALUES (?, ?)", ((k, json.dumps(v)) for k, v in info.items()))
            con.executemany(f"INSERT INTO places VALUES ({', '.join('?' * len(PLACE_COLUMNS))})", places.values())
            con.execute("INSERT INTO blobs VALUES ('keys', ?)", (zlib.compress(marshal.dumps((exact, variant)), 6),))
            # The places again, as one blob with the repeated short strings shared: loads in a third of
            # the time of the table's rows.
            shared = [(r[0], r[1], r[2], r[3], *(sys.intern(str(x)) for x in r[4:9]), r[9], sys.intern(r[10]))
                      for r in places.values()]
            con.execute("INSERT INTO blobs VALUES ('places', ?)", (zlib.compress(marshal.dumps(shared), 6),))
            con.commit()
        finally:
            con.close()
        os.replace(tmp, path)
    except (sqlite3.Error, OSError) as e:
        tmp.unlink(missing_ok=True)
        raise GazetteerError(f"{path}: cannot write the index ({e}); the previous index, if any, is unchanged") from e
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def _connect(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise GazetteerError(f"{path}: no gazetteer index there; build one with 'python -m geo gazetteer build'")
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def read_meta(path: Path) -> dict[str, Any]:
    """The index's meta table (format, build time, sources, counts)."""
    path = Path(path)
    try:
        con = _connect(path)
        try:
            rows = con.execute("SELECT key, value FROM meta").fetchall()
        finally:
            con.close()
    except sqlite3.Error as e:
        raise GazetteerError(f"{path}: not a gazetteer index ({e}); rebuild it with 'python -m geo gazetteer build'") from e
    return {k: json.loads(v) for k, v in rows}


def read_index(path: Path) -> tuple[dict[int, tuple], dict, dict, list[int], dict]:
    """(places, exact, variant, region_ids, blocked) of an index file."""
    path = Path(path)
    try:
        con = _connect(path)
        try:
            meta = dict(con.execute("SELECT key, value FROM meta WHERE key IN ('format', 'region_ids', 'blocked')"))
            if json.loads(meta.get("format", "0")) != FORMAT:
                raise GazetteerError(f"{path}: index format {meta.get('format')} is not {FORMAT}; rebuild it with 'python -m geo gazetteer build'")
            blobs = dict(con.execute("SELECT name, data FROM blobs WHERE name IN ('keys', 'places')"))
        finally:
            con.close()
        if len(blobs) != 2:
            raise GazetteerError(f"{path}: the index lacks its key or place table; rebuild it with 'python -m geo gazetteer build'")
        exact, variant = marshal.loads(zlib.decompress(blobs["keys"]))
        places = {rec[0]: rec for rec in marshal.loads(zlib.decompress(blobs["places"]))}
    except sqlite3.Error as e:
        raise GazetteerError(f"{path}: not a gazetteer index ({e}); rebuild it with 'python -m geo gazetteer build'") from e
    except (ValueError, EOFError, TypeError, zlib.error) as e:
        raise GazetteerError(f"{path}: the index is damaged ({e}); rebuild it with 'python -m geo gazetteer build'") from e
    return places, exact, variant, json.loads(meta["region_ids"]), json.loads(meta.get("blocked", "{}"))
