"""The one module that reads and writes the project's data store (one SQLite file).

Reports are keyed by content hash, so ingesting the same report twice adds nothing, and
one assessment (date and normalised title) is stored once: the database enforces both
with unique indexes. Each report and its claim rows are written in one `BEGIN IMMEDIATE`
transaction that also makes the "is it stored already?" check, so concurrent ingests
neither double nor lose a report, and a failure leaves the store as it was.

The store carries a schema version in its `meta` table. Older stores are migrated in one
transaction when opened; a store of a newer version, or a SQLite file of another
application, is refused and left untouched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from geo.errors import StoreError
from geo.models import Paragraph, Report
from geo.read.lines import report_url

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_STORE = ROOT / "data" / "claims.sqlite"
SCHEMA_VERSION = 2
BUSY_SECONDS = float(os.environ.get("GEO_STORE_TIMEOUT") or 30)  # how long a write waits for another writer

ROW_COLUMNS = (
    "report_date", "kind", "actor", "status", "claimant", "place", "geonameid", "lat", "lon", "admin1",
    "precision", "quote", "source", "report_title", "section", "lead_in", "endnote_urls", "rule", "runner_up",
    "margin", "review", "place_source", "bearing", "candidates",
)
JSON_COLUMNS = {"endnote_urls", "candidates"}

# The current schema. Every statement is idempotent (IF NOT EXISTS): it runs on every open, after the
# migrations below, so a new table added here appears in existing stores without a version bump.
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reports (
    id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    date TEXT NOT NULL,
    title TEXT NOT NULL,
    title_key TEXT NOT NULL,
    url TEXT,
    source TEXT NOT NULL,
    format TEXT NOT NULL,
    authors TEXT NOT NULL DEFAULT '[]',
    paragraphs TEXT NOT NULL,
    endnotes TEXT NOT NULL DEFAULT '[]',
    method TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS reports_date ON reports(date);
CREATE UNIQUE INDEX IF NOT EXISTS reports_assessment ON reports(date, title_key);
CREATE TABLE IF NOT EXISTS claim_rows (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    report_date TEXT NOT NULL, kind TEXT NOT NULL, actor TEXT NOT NULL, status TEXT NOT NULL, claimant TEXT,
    place TEXT NOT NULL, geonameid INTEGER, lat REAL, lon REAL, admin1 TEXT, precision TEXT,
    quote TEXT NOT NULL, source TEXT, report_title TEXT, section TEXT, lead_in TEXT,
    endnote_urls TEXT NOT NULL DEFAULT '[]', rule TEXT, runner_up TEXT, margin REAL,
    review INTEGER NOT NULL DEFAULT 0, place_source TEXT, bearing TEXT, candidates TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS claim_rows_date ON claim_rows(report_date);
CREATE INDEX IF NOT EXISTS claim_rows_report ON claim_rows(report_id);
CREATE TABLE IF NOT EXISTS corrections (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL, name TEXT NOT NULL DEFAULT '', geonameid INTEGER, lat REAL, lon REAL,
    admin1 TEXT NOT NULL DEFAULT '', feature_code TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',
    report_date TEXT NOT NULL DEFAULT '', quote TEXT NOT NULL DEFAULT '',
    who TEXT NOT NULL, at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS geocoder_answers (
    service TEXT NOT NULL, query TEXT NOT NULL, answer TEXT NOT NULL, asked_at TEXT NOT NULL,
    PRIMARY KEY (service, query)
);
CREATE TABLE IF NOT EXISTS frontline_snapshots (
    date TEXT PRIMARY KEY, source TEXT NOT NULL, data BLOB NOT NULL, imported_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS claim_front (
    claim_id INTEGER PRIMARY KEY REFERENCES claim_rows(id) ON DELETE CASCADE,
    snapshot_date TEXT, km REAL, note TEXT
);
"""

# Tables only this project creates; a SQLite file holding other tables but no `meta` schema key belongs
# to another application and is refused untouched.
OWN_TABLES = {"meta", "reports", "claim_rows", "frontline_snapshots", "claim_front"}


def _migrate_1_to_2(conn: sqlite3.Connection) -> None:
    """Version 2 keys each assessment by date and normalised title (a unique index). Copies of one
    assessment stored twice by version 1 are merged into the copy with the most claim rows."""
    conn.execute("ALTER TABLE reports ADD COLUMN title_key TEXT NOT NULL DEFAULT ''")
    conn.create_function("geo_title_key", 1, _title_key, deterministic=True)
    conn.execute("UPDATE reports SET title_key = geo_title_key(title)")
    conn.execute(
        "DELETE FROM reports WHERE id NOT IN (SELECT id FROM ("
        " SELECT r.id, ROW_NUMBER() OVER (PARTITION BY r.date, r.title_key ORDER BY"
        "  (SELECT COUNT(*) FROM claim_rows c WHERE c.report_id = r.id) DESC, r.id) AS k FROM reports r) WHERE k = 1)"
    )


# from-version -> the step to the next version, run inside the opening transaction
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _migrate_1_to_2}


class Store:
    """A SQLite file of reports and their claim rows. `Store(":memory:")` for a throw-away one."""

    def __init__(self, path: str | Path = DEFAULT_STORE, timeout: float | None = None):
        self.path = path if str(path) == ":memory:" else Path(path)
        self.timeout = BUSY_SECONDS if timeout is None else timeout
        if isinstance(self.path, Path):
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StoreError(f"{self.path}: cannot create the store's folder ({e.strerror or e}); pass another --store") from e
            if self.path.exists() and not self.path.is_file():
                raise StoreError(f"{self.path}: is not a file; pass the path of a store file with --store")
        try:
            self.conn = sqlite3.connect(str(self.path), timeout=self.timeout, check_same_thread=False)
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: cannot open the store ({e}); check the path and its permissions") from e
        self.conn.row_factory = sqlite3.Row
        try:
            self.conn.execute("PRAGMA foreign_keys = ON")
            self._open_schema()
        except StoreError:
            self.conn.close()
            raise
        except sqlite3.OperationalError as e:
            self.conn.close()
            raise _store_error(self.path, "open the store", e, self.timeout) from e
        except sqlite3.DatabaseError as e:
            self.conn.close()
            raise StoreError(f"{self.path}: not a usable SQLite store ({e}); move it aside or pass another --store") from e

    def _open_schema(self) -> None:
        """Check the file is ours and of a version this code reads; migrate an older one; create what is missing."""
        if self._version() == SCHEMA_VERSION:
            with contextlib.suppress(sqlite3.OperationalError):  # a read-only store of the current version is fine
                self.conn.executescript(SCHEMA)
            return
        with self.transaction():  # re-read under the write lock: another process may have migrated meanwhile
            version = self._version()
            if version is None:
                self._create()
            else:
                while version < SCHEMA_VERSION:
                    MIGRATIONS[version](self.conn)
                    version += 1
                self._create()
                self.conn.execute("UPDATE meta SET value=? WHERE key='schema'", (str(SCHEMA_VERSION),))

    def _create(self) -> None:
        """Run SCHEMA inside the current transaction (executescript would commit it)."""
        for statement in SCHEMA.split(";"):
            if statement.strip():
                self.conn.execute(statement)
        self.conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))

    def _version(self) -> int | None:
        """The stored schema version; None for an empty database. Raises for a file that is not ours or too new."""
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return None
        found = self.conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone() if "meta" in tables else None
        if found is None or "reports" not in tables:
            other = ", ".join(sorted(tables - OWN_TABLES)[:5]) or ", ".join(sorted(tables))
            raise StoreError(f"{self.path}: is a SQLite database of another application (tables: {other}); it was left "
                             "untouched; pass another --store")
        value = str(found[0]).strip()
        if not re.fullmatch(r"[0-9]{1,6}", value):
            raise StoreError(f"{self.path}: its schema version {value[:40]!r} is not one frontline-claims writes; it was "
                             "left untouched; pass another --store")
        version = int(value)
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: was written by a newer frontline-claims (store schema {version}, this one reads "
                             f"up to {SCHEMA_VERSION}); it was left untouched: upgrade frontline-claims "
                             "(pip install -U -e .) to use it, or pass another --store")
        if version < 1 or (version < SCHEMA_VERSION and version not in MIGRATIONS):
            raise StoreError(f"{self.path}: store schema {version} cannot be upgraded by this version; it was left "
                             "untouched; pass another --store")
        return version

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction that takes the write lock at once (`BEGIN IMMEDIATE`): what is read inside it
        cannot change before the commit. Waits up to `timeout` seconds for another writer."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.rollback()
            raise
        else:
            self.conn.commit()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # -- writing -------------------------------------------------------------------------

    def has_report(self, content_hash: str) -> bool:
        return self.conn.execute("SELECT 1 FROM reports WHERE content_hash=?", (content_hash,)).fetchone() is not None

    def version_of(self, report: Report) -> str | None:
        """The content hash of a stored report of the same date and title (the same assessment from another
        source: an archive row and the web page differ in layout, not in substance), if any."""
        found = self.conn.execute("SELECT content_hash FROM reports WHERE date=? AND title_key=?",
                                  (report.date.isoformat(), _title_key(report.title))).fetchone()
        return found[0] if found else None

    def store_report(self, report: Report, rows: Iterable[dict], method: str, replace: bool = False) -> str:
        """Add a report and its rows in one transaction that first checks what is stored. Returns "added";
        "stored" when the same text is stored already; "version" when another copy of the assessment (same
        date and title) is stored, unless `replace`, which swaps that copy for this one and returns "replaced".
        Raises StoreError (the store unchanged) when the store cannot be written or stays locked."""
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        paragraphs = json.dumps([[p.text, p.section, p.lead_in] for p in report.paragraphs], ensure_ascii=False)
        endnotes = json.dumps([[n, list(urls)] for n, urls in report.endnotes])
        rows = list(rows)
        try:
            with self.transaction():
                if self.has_report(report.content_hash):
                    return "stored"
                other = self.version_of(report)
                if other is not None:
                    if not replace:
                        return "version"
                    self.conn.execute("DELETE FROM reports WHERE content_hash=?", (other,))
                cur = self.conn.execute(
                    "INSERT INTO reports (content_hash, date, title, title_key, url, source, format, authors, paragraphs,"
                    " endnotes, method, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    (report.content_hash, report.date.isoformat(), report.title, _title_key(report.title), report.url,
                     report.source, report.format, json.dumps(list(report.authors)), paragraphs, endnotes, method, now),
                )
                self._insert_rows(cur.lastrowid, rows)
                return "replaced" if other is not None else "added"
        except sqlite3.DatabaseError as e:
            raise _store_error(self.path, f"store {report.source}", e, self.timeout) from e

    def add_report(self, report: Report, rows: Iterable[dict], method: str, replace: bool | str | None = False) -> bool:
        """`store_report`, True when the report went in (added or in place of another copy)."""
        return self.store_report(report, rows, method, replace=bool(replace)) in ("added", "replaced")

    def replace_rows(self, report_hash: str, rows: Iterable[dict], method: str) -> None:
        """Swap a stored report's rows for freshly extracted ones (after a method or gazetteer change)."""
        rows = list(rows)
        try:
            with self.transaction():
                found = self.conn.execute("SELECT id FROM reports WHERE content_hash=?", (report_hash,)).fetchone()
                if found is None:  # removed (replaced by another copy) since it was read
                    return
                self.conn.execute("DELETE FROM claim_rows WHERE report_id=?", (found[0],))
                self._insert_rows(found[0], rows)
                self.conn.execute("UPDATE reports SET method=? WHERE id=?", (method, found[0]))
        except sqlite3.DatabaseError as e:
            raise _store_error(self.path, "replace the rows of a stored report", e, self.timeout) from e

    def _insert_rows(self, report_id: int, rows: Iterable[dict]) -> None:
        """Write a report's rows (inside the caller's transaction)."""
        self.conn.executemany(
            f"INSERT INTO claim_rows (report_id, {', '.join(ROW_COLUMNS)}) VALUES (?, {', '.join('?' * len(ROW_COLUMNS))})",
            [(report_id, *(_to_sql(col, row.get(col)) for col in ROW_COLUMNS)) for row in rows],
        )

    # -- reading -------------------------------------------------------------------------

    def claim_rows(self) -> list[dict]:
        """Every claim row, oldest first. `source` is the ISW report's https address (built from the report's
        date and title when the stored row holds a file path); `provenance` is where the report was read
        from (a file, an archive row "<file>#<row>", or a URL), never a link."""
        cols = ", ".join(f"c.{c}" for c in ROW_COLUMNS)
        cur = self.conn.execute(
            f"SELECT c.id, {cols}, r.source AS provenance, r.url AS report_url, r.title AS title_of_report"
            " FROM claim_rows c JOIN reports r ON r.id = c.report_id ORDER BY c.report_date, c.id")
        return [_with_report_url(_from_sql(dict(r))) for r in cur]

    def report_dates(self) -> list[dt.date]:
        return [dt.date.fromisoformat(r[0]) for r in self.conn.execute("SELECT DISTINCT date FROM reports ORDER BY date")]

    def reports(self) -> list[dict]:
        cur = self.conn.execute(
            "SELECT r.date, r.title, r.url, r.source, r.content_hash, r.method, "
            "(SELECT COUNT(*) FROM claim_rows c WHERE c.report_id = r.id) AS n_rows FROM reports r ORDER BY r.date"
        )
        return [dict(r) for r in cur]

    def stored_reports(self) -> Iterator[Report]:
        """The stored reports as Report objects, to extract again without the original files."""
        cur = self.conn.execute("SELECT date, title, url, source, format, authors, paragraphs, endnotes FROM reports ORDER BY date")
        for r in cur:
            yield Report(
                date=dt.date.fromisoformat(r["date"]), title=r["title"], url=r["url"], source=r["source"], format=r["format"],
                authors=tuple(json.loads(r["authors"])),
                paragraphs=tuple(Paragraph(t, s, l) for t, s, l in json.loads(r["paragraphs"])),
                endnotes=tuple((n, tuple(u)) for n, u in json.loads(r["endnotes"])),
            )

    def counts(self) -> dict:
        one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "reports": one("SELECT COUNT(*) FROM reports"),
            "rows": one("SELECT COUNT(*) FROM claim_rows"),
            "resolved": one("SELECT COUNT(*) FROM claim_rows WHERE lat IS NOT NULL"),
        }

    # -- analysts' corrections and geocoder answers ---------------------------------------

    def add_corrections(self, rows: Iterable[dict], who: str) -> list[int]:
        """Record override rows (the overrides.csv columns, plus `report_date` and `quote` for a choice that
        holds in one sentence only) with who made them and when (a row's own `who` / `at` if it has them, as
        an imported file's rows do), in one transaction. Returns their ids;
        corrections are only ever added, so two analysts writing at once both keep theirs."""
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        ids = []
        try:
            with self.transaction():
                for row in rows:
                    cur = self.conn.execute(
                        f"INSERT INTO corrections ({', '.join(CORRECTION_COLUMNS)}, who, at) VALUES "
                        f"({', '.join('?' * len(CORRECTION_COLUMNS))}, ?, ?)",
                        (*(_correction_value(c, row.get(c)) for c in CORRECTION_COLUMNS), row.get("who") or who,
                         row.get("at") or now))
                    ids.append(cur.lastrowid)
        except sqlite3.DatabaseError as e:
            raise _store_error(self.path, "record the correction", e, self.timeout) from e
        return ids

    def corrections(self) -> list[dict]:
        """Every recorded correction, oldest first (a later one wins where two disagree)."""
        cur = self.conn.execute(f"SELECT id, {', '.join(CORRECTION_COLUMNS)}, who, at FROM corrections ORDER BY id")
        return [{k: ("" if v is None and k not in ("geonameid", "lat", "lon") else v) for k, v in dict(r).items()} for r in cur]

    def corrections_version(self) -> int:
        """The id of the latest correction (0 for none): rows extracted with an older one are stale."""
        return self.conn.execute("SELECT COALESCE(MAX(id), 0) FROM corrections").fetchone()[0]

    def reports_naming(self, names: Iterable[str] = (), geonameids: Iterable[int] = (), dates: Iterable[str] = ()) -> list[str]:
        """Content hashes of the stored reports whose text contains one of `names`, whose rows are on or
        list one of `geonameids`, or of one of `dates`."""
        found: dict[str, None] = {}
        for name in {n for n in names if n}:
            pattern = "%" + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            for (h,) in self.conn.execute("SELECT content_hash FROM reports WHERE paragraphs LIKE ? ESCAPE '\\'", (pattern,)):
                found[h] = None
        for gid in set(geonameids):
            for (h,) in self.conn.execute(
                    "SELECT DISTINCT r.content_hash FROM claim_rows c JOIN reports r ON r.id = c.report_id"
                    " WHERE c.geonameid = ? OR c.candidates LIKE ?", (gid, f"%, {gid})%")):
                found[h] = None
        for day in set(dates):
            for (h,) in self.conn.execute("SELECT content_hash FROM reports WHERE date = ?", (day,)):
                found[h] = None
        return list(found)

    def stored_report(self, content_hash: str) -> Report | None:
        """One stored report (by its content hash) as a Report object."""
        r = self.conn.execute("SELECT date, title, url, source, format, authors, paragraphs, endnotes FROM reports"
                              " WHERE content_hash=?", (content_hash,)).fetchone()
        if r is None:
            return None
        return Report(
            date=dt.date.fromisoformat(r["date"]), title=r["title"], url=r["url"], source=r["source"], format=r["format"],
            authors=tuple(json.loads(r["authors"])),
            paragraphs=tuple(Paragraph(t, s, l) for t, s, l in json.loads(r["paragraphs"])),
            endnotes=tuple((n, tuple(u)) for n, u in json.loads(r["endnotes"])),
        )

    def replace_rows_if_current(self, report_hash: str, rows: Iterable[dict], method: str, corrections_version: int) -> bool:
        """`replace_rows`, but only when no correction was recorded after `corrections_version` (the one the rows
        were extracted with); False otherwise, so the caller extracts again and no correction is overwritten."""
        rows = list(rows)
        try:
            with self.transaction():
                if self.corrections_version() != corrections_version:
                    return False
                found = self.conn.execute("SELECT id FROM reports WHERE content_hash=?", (report_hash,)).fetchone()
                if found is None:
                    return True
                self.conn.execute("DELETE FROM claim_rows WHERE report_id=?", (found[0],))
                self._insert_rows(found[0], rows)
                self.conn.execute("UPDATE reports SET method=? WHERE id=?", (method, found[0]))
        except sqlite3.DatabaseError as e:
            raise _store_error(self.path, "replace the rows of a corrected report", e, self.timeout) from e
        return True

    def geocoder_answer(self, service: str, query: str) -> list[dict] | None:
        """The cached answer of an online geocoder to `query` (a list of raw results), or None if never asked."""
        found = self.conn.execute("SELECT answer FROM geocoder_answers WHERE service=? AND query=?", (service, query)).fetchone()
        return json.loads(found[0]) if found else None

    def save_geocoder_answer(self, service: str, query: str, answer: list[dict]) -> None:
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        try:
            with self.transaction():
                self.conn.execute("INSERT OR REPLACE INTO geocoder_answers VALUES (?, ?, ?, ?)",
                                  (service, query, json.dumps(answer, ensure_ascii=False), now))
        except sqlite3.DatabaseError as e:
            raise _store_error(self.path, "cache the geocoder's answer", e, self.timeout) from e

    # -- the front line of the day ----------------------------------------------------------

    def add_frontline(self, snapshots: Iterable[tuple[dt.date, str, bytes]]) -> int:
        """Store front-line snapshots (date, source, compact gzipped GeoJSON) in one transaction, each in place
        of a stored one of the same date. Returns how many."""
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        items = [(d.isoformat(), source, sqlite3.Binary(data), now) for d, source, data in snapshots]
        try:
            with self.transaction():
                self.conn.executemany("INSERT OR REPLACE INTO frontline_snapshots VALUES (?, ?, ?, ?)", items)
        except sqlite3.DatabaseError as e:
            raise _store_error(self.path, "store the front-line snapshots", e, self.timeout) from e
        return len(items)

    def frontline_list(self) -> list[dict]:
        """The stored front-line snapshots (date, source, bytes, imported_at), oldest first, without their data."""
        cur = self.conn.execute("SELECT date, source, length(data) AS bytes, imported_at FROM frontline_snapshots ORDER BY date")
        return [dict(r) for r in cur]

    def frontline_data(self, day: dt.date) -> bytes | None:
        found = self.conn.execute("SELECT data FROM frontline_snapshots WHERE date=?", (day.isoformat(),)).fetchone()
        return bytes(found[0]) if found else None

    def set_claim_front(self, values: Iterable[tuple[int, str | None, float | None, str | None]]) -> None:
        """Record (claim row id, snapshot date, km to that day's front, note) for claim rows, in one transaction."""
        items = list(values)
        try:
            with self.transaction():
                self.conn.executemany("INSERT OR REPLACE INTO claim_front VALUES (?, ?, ?, ?)", items)
        except sqlite3.DatabaseError as e:
            raise _store_error(self.path, "record the claims' distances to the front", e, self.timeout) from e

    def claim_front(self) -> dict[int, tuple[str | None, float | None, str | None]]:
        """Claim row id -> (snapshot date, km to the front of its day, note), for the rows measured so far."""
        return {r[0]: (r[1], r[2], r[3]) for r in self.conn.execute("SELECT claim_id, snapshot_date, km, note FROM claim_front")}

    def rows_for_front(self, unmeasured_only: bool = True) -> list[dict]:
        """Placed claim rows (id, report_date, kind, admin1, lat, lon, quote), those not yet measured against the front
        unless `unmeasured_only` is False."""
        sql = ("SELECT c.id, c.report_date, c.kind, c.admin1, c.lat, c.lon, c.quote FROM claim_rows c"
               + (" LEFT JOIN claim_front f ON f.claim_id = c.id WHERE f.claim_id IS NULL AND" if unmeasured_only else " WHERE")
               + " c.lat IS NOT NULL AND c.lon IS NOT NULL ORDER BY c.id")
        return [dict(r) for r in self.conn.execute(sql)]


CORRECTION_COLUMNS = ("action", "name", "geonameid", "lat", "lon", "admin1", "feature_code", "note", "report_date", "quote")


def _correction_value(col: str, value):
    if col in ("geonameid", "lat", "lon"):
        return None if value in (None, "") else (int(value) if col == "geonameid" else float(value))
    return str(value or "").strip() if col != "quote" else " ".join(str(value or "").split())


def _title_key(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", (title or "").lower()).strip()


def _to_sql(col: str, value):
    if col in JSON_COLUMNS:
        return json.dumps(list(value or []), ensure_ascii=False)
    if col == "review":
        return int(bool(value))
    return value


def _with_report_url(row: dict) -> dict:
    url, title = row.pop("report_url"), row.pop("title_of_report")
    if not str(row.get("source") or "").lower().startswith(("https://", "http://")):
        row["source"] = url if str(url or "").lower().startswith(("https://", "http://")) else \
            report_url(dt.date.fromisoformat(row["report_date"]), title)
    return row


def _from_sql(row: dict) -> dict:
    for col in JSON_COLUMNS:
        value = row[col]
        row[col] = [] if not value or value == "[]" else json.loads(value)  # most rows: an empty list
    row["review"] = bool(row["review"])
    return row


def _store_error(path, doing: str, e: sqlite3.DatabaseError, timeout: float) -> StoreError:
    """A store-level failure as a message a user can act on; the transaction has been rolled back."""
    text = str(e).lower()
    if "locked" in text or "busy" in text:
        problem = (f"the store stayed locked by another process for {timeout:g} s; nothing was written; wait for the "
                   "other ingest to finish (or set GEO_STORE_TIMEOUT) and run again")
    elif "full" in text:
        problem = "the disk is full; nothing was written; free some space and run again"
    elif "readonly" in text or "read-only" in text:
        problem = "the store is read-only; nothing was written; pass a writable --store"
    else:
        problem = f"{e}; the store is unchanged"
    return StoreError(f"{path}: could not {doing}: {problem}")
