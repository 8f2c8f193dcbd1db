"""Report -> claims -> places -> rows: the steps chained, and ingesting files into the store."""

from __future__ import annotations

import hashlib
import os
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from geo.extract.claims import METHOD, extract_claims, is_vague
from geo.errors import GeoError, ReportError, StoreError
from geo.models import ClaimPlace, Report
from geo.read.reports import implausible, iter_paths, printable, read_path
from geo.places.resolver import PointIndex, resolve_claims
from geo.store import DEFAULT_STORE, ROOT, Store

SAMPLE_DIR = ROOT / "data" / "assessments"
OUTPUT_KEYS = ("report_date", "kind", "actor", "status", "claimant", "place", "geonameid", "lat", "lon", "admin1",
               "precision", "quote", "source")
FRONT_DAYS = 7  # reports this many days either side inform a report's picture of the front
TOPIC_KM = 50.0  # a direction-only topic sentence gives way to named places this close to it


def method_version(gazetteer) -> str:
    """Which method produced a row: the extractor's version and the gazetteer it resolved against."""
    digest = hashlib.sha256(f"{METHOD}|{gazetteer.label}".encode()).hexdigest()[:10]
    return f"{METHOD}:{digest}"


def place_key(text: str) -> str:
    s = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z]", "", s)


def extract(report: Report, gazetteer, front: Iterable[tuple[float, float]] = (), claims: list | None = None) -> list[ClaimPlace]:
    if claims is None:
        claims = extract_claims(report, gazetteer.is_name)
    return drop_topic_rows(resolve_claims(claims, gazetteer, tuple(front)))


def drop_topic_rows(rows: list[ClaimPlace]) -> list[ClaimPlace]:
    """A topic sentence in ISW's own voice placed only by a direction ("attacked in the Borova direction") gives
    way to the claims of the same side and kind in the same section that name places in that direction (within
    50 km, or in the same sentence); alone, it stays. Attributed claims ("reportedly striking in the Kharkiv
    direction") are claims of their own and stay."""
    explicit: dict[tuple, tuple[set[str], list[tuple[float, float]]]] = {}  # group -> (sentences, places)
    for cp in rows:
        if not is_vague(cp.resolution.mention):
            sentences, points = explicit.setdefault((cp.claim.section, cp.claim.actor, cp.claim.kind), (set(), []))
            sentences.add(cp.claim.sentence)
            if cp.resolution.place is not None:
                points.append((cp.resolution.place.lat, cp.resolution.place.lon))
    indexes: dict[tuple, PointIndex] = {}  # a vague row asks "is a named place of its group within 50 km" in a few lookups
    out = []
    for cp in rows:
        if is_vague(cp.resolution.mention):
            group = (cp.claim.section, cp.claim.actor, cp.claim.kind)
            sentences, points = explicit.get(group, (set(), []))
            here = cp.resolution.place
            topic = cp.claim.status == "confirmed" and not cp.claim.lead_in
            if cp.claim.sentence in sentences:
                continue
            if topic and sentences:
                if here is None:
                    continue
                if group not in indexes:
                    indexes[group] = PointIndex(dict.fromkeys(points))
                if indexes[group].nearest_km(here.lat, here.lon, TOPIC_KM) <= TOPIC_KM:
                    continue
        out.append(cp)
    return out


def to_row(cp: ClaimPlace, report: Report) -> dict:
    c, r, m = cp.claim, cp.resolution, cp.resolution.mention
    p = r.place
    if m.reference and m.precision == "feature":
        bearing = f"in {m.reference}"
    elif m.reference:
        bearing = f"{m.bearing} of {m.reference}" if m.bearing else f"near {m.reference}"
        if m.distance_km:
            bearing = f"{m.distance_km:g} km {bearing}"
    else:
        bearing = m.bearing
    if m.role == "reference" and not bearing:
        bearing = f"near {m.name}"
    return {
        "report_date": report.date.isoformat(),
        "kind": c.kind,
        "actor": c.actor,
        "status": c.status,
        "claimant": c.claimant,
        "place": m.text,
        "geonameid": p.geonameid if p else None,
        "lat": round(p.lat, 5) if p else None,
        "lon": round(p.lon, 5) if p else None,
        "admin1": p.admin1 if p else None,
        "precision": r.precision if p else m.precision,
        "quote": c.sentence,
        "source": report.url or report.source,
        "report_title": report.title,
        "section": c.section,
        "lead_in": c.lead_in,
        "endnote_urls": list(report.endnote_urls(c.endnotes)),
        "rule": r.rule,
        "runner_up": f"{r.runner_up.name} ({r.runner_up.admin1}, {r.runner_up.geonameid})" if r.runner_up else None,
        "margin": r.margin,
        "review": r.review,
        "place_source": p.source if p else None,
        "bearing": bearing,
        "candidates": [f"{x.place.name} ({x.place.admin1}, {x.place.geonameid})" for x in r.candidates[:12]] if not p else [],
    }


def extract_rows(report: Report, gazetteer, front: Iterable[tuple[float, float]] = (), claims: list | None = None) -> list[dict]:
    """One row per (claim, place), each (kind, actor, status, place) once per report."""
    rows, seen = [], set()
    for cp in extract(report, gazetteer, front, claims):
        row = to_row(cp, report)
        key = (row["kind"], row["actor"], row["status"], row["geonameid"] or place_key(row["place"]))
        if key in seen:
            continue
        seen.add(key)
        rows.append(row)
    return rows


def sure_points(report: Report, gazetteer, claims: list | None = None) -> list[tuple[float, float]]:
    """Where a report's confidently placed settlements are (for the front prior of its neighbours)."""
    return [
        (cp.resolution.place.lat, cp.resolution.place.lon)
        for cp in extract(report, gazetteer, (), claims)
        if cp.resolution.resolved and cp.resolution.precision == "settlement" and not cp.resolution.review
        and cp.resolution.rule != "population"
    ]


def extract_many(reports: list[Report], gazetteer, days: int = FRONT_DAYS) -> list[tuple[Report, list[dict]]]:
    """Rows of several reports, each resolved with the front of the others within `days` of it."""
    if len(reports) < 2:
        return [(r, extract_rows(r, gazetteer)) for r in reports]
    claims = [extract_claims(r, gazetteer.is_name) for r in reports]
    sure = [sure_points(r, gazetteer, c) for r, c in zip(reports, claims)]
    out = []
    for i, report in enumerate(reports):
        front = [pt for j, other in enumerate(reports) if j != i and abs((other.date - report.date).days) <= days for pt in sure[j]]
        out.append((report, extract_rows(report, gazetteer, front, claims[i])))
    return out


@dataclass
class IngestResult:
    added: int = 0
    skipped: int = 0  # the same text is stored already
    versions: int = 0  # the same assessment (date and title) is stored already from another source
    replaced: int = 0
    rows: int = 0
    errors: list[str] = field(default_factory=list)
    stopped: str | None = None  # a store-level failure (disk full, locked) that ended the run early


def ingest(store: Store, paths: Iterable[Path], gazetteer, *, progress: bool | None = None, replace: bool = False,
           force: bool = False, any_source: bool = False) -> IngestResult:
    """Add the reports in `paths` (files or folders) to the store.

    Each report goes in whole or not at all; a file, archive row or report that cannot be read or
    extracted is one error naming it, and the rest are ingested; a report already stored (same
    content hash) is skipped, and so is another copy of a stored assessment (same date and title,
    e.g. an archive row of a page already ingested) unless `replace`, which swaps the stored copy
    for the new one. A report dated outside the war's days is refused unless `force`, a text that
    does not look like an ISW assessment unless `any_source`. A failure of the store itself (disk
    full, locked) ends the run (`IngestResult.stopped`).
    """
    from tqdm import tqdm

    result = IngestResult()
    folder_problems: list[ReportError] = []
    files = iter_paths(list(paths), problems=folder_problems)
    result.errors.extend(str(p) for p in folder_problems)
    method = method_version(gazetteer)
    show = progress if progress is not None else (len(files) > 5 and sys.stderr.isatty())
    for path in tqdm(files, desc="ingesting", unit="file", disable=not show, file=sys.stderr):
        problems: list[ReportError] = []
        try:
            reports = read_path(path, problems=problems)
        except ReportError as e:
            result.errors.append(str(e))
            continue
        except Exception as e:  # noqa: BLE001 - the boundary around one file: it never stops the run
            result.errors.append(f"{printable(str(path))}: could not be read ({type(e).__name__}: {str(e)[:200]})")
            continue
        result.errors.extend(str(p) for p in problems)  # archive rows that could not be read; the rest go in
        for report in reports:
            if why := implausible(report, force=force, any_source=any_source):
                result.errors.append(f"{report.source}: {why}")
                continue
            if store.has_report(report.content_hash):
                result.skipped += 1
                continue
            if not replace and store.version_of(report) is not None:
                result.versions += 1
                continue
            try:
                rows = extract_rows(report, gazetteer, store.front_points(report.date, FRONT_DAYS))
            except GeoError as e:
                result.errors.append(f"{report.source}: {e}")
                continue
            except Exception as e:  # noqa: BLE001 - the boundary around one report: it never stops the run
                result.errors.append(f"{report.source}: claims could not be extracted ({type(e).__name__}: {str(e)[:200]})")
                continue
            # the store checks again inside its write transaction: another ingest may have stored it meanwhile
            try:
                outcome = store.store_report(report, rows, method, replace=replace)
            except StoreError as e:  # the store itself failed: going on would store later copies in its place
                result.stopped = str(e)
                return result
            if outcome in ("added", "replaced"):
                result.added += 1
                result.replaced += outcome == "replaced"
                result.rows += len(rows)
            elif outcome == "version":
                result.versions += 1
            else:
                result.skipped += 1
    return result


def refresh(store: Store, gazetteer, *, progress: bool | None = None) -> int:
    """Extract every stored report again (after a better gazetteer or method); returns how many."""
    from tqdm import tqdm

    method = method_version(gazetteer)
    reports = list(store.stored_reports())
    show = progress if progress is not None else (len(reports) > 5 and sys.stderr.isatty())
    for report in tqdm(reports, desc="re-extracting", unit="report", disable=not show, file=sys.stderr):
        store.replace_rows(report.content_hash, extract_rows(report, gazetteer, store.front_points(report.date, FRONT_DAYS)), method)
    return len(reports)


def ensure_sample_store(store_path: str | Path = DEFAULT_STORE, gazetteer=None) -> Store:
    """The store at `store_path`, with the embedded sample ingested into it if it holds no report."""
    store = Store(store_path)
    if store.counts()["reports"] == 0:
        if gazetteer is None:
            from geo.places.gazetteer import Gazetteer

            gazetteer = Gazetteer.default(os.environ.get("GEO_GAZETTEER") or None)
        ingest(store, [SAMPLE_DIR], gazetteer, progress=False)
    return store


def evaluate(gold_dir: Path, reports_dir: Path, gazetteer, ids: list[str] | None = None):
    """Score extraction on every gold file (or `ids`) against the report files of the same id."""
    from geo.evaluation import Totals, load_jsonl, score_report

    ids = ids or sorted(p.stem for p in Path(gold_dir).glob("*.jsonl"))
    reports: list[tuple[str, Report]] = []
    for rid in ids:
        files = [f for f in Path(reports_dir).glob(f"{rid}.*") if f.suffix.lower() in (".txt", ".html", ".htm", ".md")]
        if not files:
            raise ReportError(str(Path(reports_dir) / rid), "no report file with this id; write it with materialize_corpus.py")
        found = read_path(files[0])
        reports.append((rid, found[0]))
    rows = extract_many([r for _, r in reports], gazetteer)
    scores = [score_report(rid, load_jsonl(Path(gold_dir) / f"{rid}.jsonl"), r_rows) for (rid, _), (_, r_rows) in zip(reports, rows)]
    return Totals(scores)

