"""The one module that reads and writes the project's data store (one SQLite file).

Reports are keyed by content hash, so ingesting the same report twice adds nothing.
Each report and its claim rows are written in one transaction: a failure leaves the
store as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from geo.errors import StoreError
from geo.models import Paragraph, Report

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_STORE = ROOT / "data" / "claims.sqlite"
SCHEMA_VERSION = 1

ROW_COLUMNS = (
    "report_date", "kind", "actor", "status", "claimant", "place", "geonameid", "lat", "lon", "admin1",
    "precision", "quote", "source", "report_title", "section", "lead_in", "endnote_urls", "rule", "runner_up",
    "margin", "review", "place_source", "bearing", "candidates",
)
JSON_COLUMNS = {"endnote_urls", "candidates"}

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reports (
    id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    date TEXT NOT NULL,
    title TEXT NOT NULL,
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
"""


class Store:
    """A SQLite file of reports and their claim rows. `Store(":memory:")` for a throw-away one."""

    def __init__(self, path: str | Path = DEFAULT_STORE):
        self.path = path if str(path) == ":memory:" else Path(path)
        try:
            if isinstance(self.path, Path):
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(str(self.path), check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.executescript(SCHEMA)
            found = self.conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            if found is None:
                with self.conn:
                    self.conn.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            elif int(found[0]) != SCHEMA_VERSION:
                raise StoreError(f"{self.path}: store schema {found[0]} is not {SCHEMA_VERSION}; move it aside and ingest again")
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: not a usable SQLite store ({e}); move it aside or pass another --store") from e

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
        key = _title_key(report.title)
        for h, title in self.conn.execute("SELECT content_hash, title FROM reports WHERE date=?", (report.date.isoformat(),)):
            if _title_key(title) == key:
                return h
        return None

    def add_report(self, report: Report, rows: Iterable[dict], method: str, replace: str | None = None) -> bool:
        """Add a report and its rows in one transaction, in place of the stored report `replace` (a content
        hash) if given. False if it was stored already."""
        if self.has_report(report.content_hash):
            return False
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        paragraphs = json.dumps([[p.text, p.section, p.lead_in] for p in report.paragraphs], ensure_ascii=False)
        endnotes = json.dumps([[n, list(urls)] for n, urls in report.endnotes])
        try:
            with self.conn:
                if replace is not None:
                    self.conn.execute("DELETE FROM reports WHERE content_hash=?", (replace,))
                cur = self.conn.execute(
                    "INSERT INTO reports (content_hash, date, title, url, source, format, authors, paragraphs, endnotes, method, ingested_at)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (report.content_hash, report.date.isoformat(), report.title, report.url, report.source, report.format,
                     json.dumps(list(report.authors)), paragraphs, endnotes, method, now),
                )
                rid = cur.lastrowid
                self._insert_rows(rid, rows)
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: could not store {report.source} ({e}); the store is unchanged") from e
        return True

    def replace_rows(self, report_hash: str, rows: Iterable[dict], method: str) -> None:
        """Swap a stored report's rows for freshly extracted ones (after a method or gazetteer change)."""
        with self.conn:
            rid = self.conn.execute("SELECT id FROM reports WHERE content_hash=?", (report_hash,)).fetchone()[0]
            self.conn.execute("DELETE FROM claim_rows WHERE report_id=?", (rid,))
            self._insert_rows(rid, rows)
            self.conn.execute("UPDATE reports SET method=? WHERE id=?", (method, rid))

    def _insert_rows(self, report_id: int, rows: Iterable[dict]) -> None:
        """Write a report's rows (inside the caller's transaction)."""
        self.conn.executemany(
            f"INSERT INTO claim_rows (report_id, {', '.join(ROW_COLUMNS)}) VALUES (?, {', '.join('?' * len(ROW_COLUMNS))})",
            [(report_id, *(_to_sql(col, row.get(col)) for col in ROW_COLUMNS)) for row in rows],
        )

    # -- reading -------------------------------------------------------------------------

    def claim_rows(self) -> list[dict]:
        cur = self.conn.execute(f"SELECT id, {', '.join(ROW_COLUMNS)} FROM claim_rows ORDER BY report_date, id")
        return [_from_sql(dict(r)) for r in cur]

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

    def front_points(self, day: dt.date, days: int = 7) -> list[tuple[float, float]]:
        """Where confidently placed claims of the days around `day` are: a prior of the front."""
        lo, hi = (day - dt.timedelta(days=days)).isoformat(), (day + dt.timedelta(days=days)).isoformat()
        cur = self.conn.execute(
            "SELECT DISTINCT lat, lon FROM claim_rows WHERE report_date BETWEEN ? AND ? AND lat IS NOT NULL"
            " AND precision = 'settlement' AND review = 0 AND rule NOT LIKE 'ambiguous%' LIMIT 2000",
            (lo, hi),
        )
        return [(r[0], r[1]) for r in cur]

    def counts(self) -> dict:
        one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "reports": one("SELECT COUNT(*) FROM reports"),
            "rows": one("SELECT COUNT(*) FROM claim_rows"),
            "resolved": one("SELECT COUNT(*) FROM claim_rows WHERE lat IS NOT NULL"),
        }


def _title_key(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", (title or "").lower()).strip()


def _to_sql(col: str, value):
    if col in JSON_COLUMNS:
        return json.dumps(list(value or []), ensure_ascii=False)
    if col == "review":
        return int(bool(value))
    return value


def _from_sql(row: dict) -> dict:
    for col in JSON_COLUMNS:
        row[col] = json.loads(row[col] or "[]")
    row["review"] = bool(row["review"])
    return row
