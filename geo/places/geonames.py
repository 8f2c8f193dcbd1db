"""Readers of GeoNames export files, in their published shapes.

Readers take file objects (text, UTF-8), so tests feed them `io.StringIO`; `open_text(path)`
opens a file from disk whatever its packing (plain `.txt`, `.zip` as published on
download.geonames.org, or gzip). Every problem is a `GazetteerError` naming the file and line.

Formats (see GeoNames' readme.txt):
- places (country dumps `UA.txt`, `cities500.txt`, `cities1000.txt`, ...): 19 tab-separated
  columns: geonameid, name, asciiname, alternatenames, latitude, longitude, feature class,
  feature code, country code, cc2, admin1 .. admin4 codes, population, elevation, dem,
  timezone, modification date.
- `admin1CodesASCII.txt`: code ("UA.08"), name, ascii name, geonameid.
- `admin2Codes.txt`: code ("UA.08.1234"), name, ascii name, geonameid.
"""

from __future__ import annotations

import gzip
import io
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, NamedTuple

from geo.errors import GazetteerError

PLACE_COLUMNS = 19
ADMIN_COLUMNS = 4


class PlaceRow(NamedTuple):
    """One row of a GeoNames places file, typed."""

    geonameid: int
    name: str
    asciiname: str
    alternatenames: tuple[str, ...]
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country: str
    admin1: str
    admin2: str
    population: int


class AdminRow(NamedTuple):
    code: str  # "UA.08" or "UA.08.1234"
    name: str
    asciiname: str
    geonameid: int


def file_kind(name: str) -> str:
    """'admin1', 'admin2' or 'places', from a GeoNames file name."""
    base = Path(name).name.lower()
    if base.startswith("admin1codes"):
        return "admin1"
    if base.startswith("admin2codes"):
        return "admin2"
    return "places"


def _lines(fileobj: IO[str], source: str) -> Iterator[tuple[int, str]]:
    """Numbered lines, with decoding / truncation problems turned into GazetteerError."""
    n = 0
    try:
        for n, line in enumerate(fileobj, 1):
            yield n, line.rstrip("\r\n")
    except (EOFError, zlib.error, gzip.BadGzipFile, zipfile.BadZipFile) as e:
        raise GazetteerError(f"{source}: truncated or corrupt after line {n} ({e}); download the file again") from e
    except UnicodeDecodeError as e:
        raise GazetteerError(f"{source}: line {n + 1} is not UTF-8 text ({e.reason}); is this a GeoNames file?") from e
    except OSError as e:
        raise GazetteerError(f"{source}: cannot read after line {n} ({e}); download the file again") from e


def _int(value: str, source: str, n: int, column: str) -> int:
    try:
        return int(value) if value else 0
    except ValueError:
        raise GazetteerError(f"{source}: line {n}: {column} {value!r} is not a number; is this a GeoNames file?") from None


def _float(value: str, source: str, n: int, column: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise GazetteerError(f"{source}: line {n}: {column} {value!r} is not a number; is this a GeoNames file?") from None


def read_places(fileobj: IO[str], source: str = "<places>") -> Iterator[PlaceRow]:
    """Rows of a GeoNames places file (country dump or citiesNNN)."""
    for n, line in _lines(fileobj, source):
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != PLACE_COLUMNS:
            raise GazetteerError(
                f"{source}: line {n}: expected {PLACE_COLUMNS} tab-separated columns of a GeoNames places file, "
                f"found {len(cols)}; pass a country dump (UA.txt, UA.zip) or a citiesNNN file"
            )
        alternates = tuple(a for a in cols[3].split(",") if a) if cols[3] else ()
        yield PlaceRow(
            geonameid=_int(cols[0], source, n, "geonameid"),
            name=cols[1],
            asciiname=cols[2],
            alternatenames=alternates,
            lat=_float(cols[4], source, n, "latitude"),
            lon=_float(cols[5], source, n, "longitude"),
            feature_class=cols[6],
            feature_code=cols[7],
            country=cols[8],
            admin1=cols[10],
            admin2=cols[11],
            population=_int(cols[14], source, n, "population"),
        )


def read_admin_codes(fileobj: IO[str], source: str = "<admin codes>") -> Iterator[AdminRow]:
    """Rows of admin1CodesASCII.txt or admin2Codes.txt."""
    for n, line in _lines(fileobj, source):
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != ADMIN_COLUMNS:
            raise GazetteerError(
                f"{source}: line {n}: expected {ADMIN_COLUMNS} tab-separated columns of a GeoNames admin codes file "
                f"(code, name, ascii name, geonameid), found {len(cols)}"
            )
        yield AdminRow(cols[0], cols[1], cols[2], _int(cols[3], source, n, "geonameid"))


@contextmanager
def open_text(path: str | Path) -> Iterator[IO[str]]:
    """Open a GeoNames file as UTF-8 text: plain, gzip (.gz) or zip (.zip, the data member)."""
    path = Path(path)
    source = str(path)
    if not path.is_file():
        raise GazetteerError(f"{source}: no such file; download it with 'python -m geo gazetteer build --download UA'")
    try:
        with path.open("rb") as raw:
            head = raw.read(4)
    except OSError as e:
        raise GazetteerError(f"{source}: cannot open ({e.strerror})") from e
    if head[:2] == b"\x1f\x8b":
        with gzip.open(path, "rt", encoding="utf-8", newline="\n") as f:
            yield f
    elif head[:2] == b"PK" or path.suffix.lower() == ".zip":
        try:
            archive = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, EOFError, OSError) as e:
            raise GazetteerError(f"{source}: not a complete zip archive ({e}); the download was probably cut short, fetch it again") from e
        with archive:
            members = [m for m in archive.namelist() if m.lower().endswith(".txt") and "readme" not in m.lower()]
            if not members:
                raise GazetteerError(f"{source}: the zip holds no GeoNames .txt file (members: {', '.join(archive.namelist()) or 'none'})")
            member = max(members, key=lambda m: archive.getinfo(m).file_size)
            try:
                with archive.open(member) as binary:
                    yield io.TextIOWrapper(binary, encoding="utf-8", newline="\n")
            except (zipfile.BadZipFile, zlib.error, EOFError) as e:
                raise GazetteerError(f"{source}: member {member} is truncated or corrupt ({e}); fetch the file again") from e
    else:
        with path.open("r", encoding="utf-8", newline="\n") as f:
            yield f
