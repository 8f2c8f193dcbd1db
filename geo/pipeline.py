"""Report -> claims -> places -> rows: the steps chained, and ingesting files into the store."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import hashlib
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from geo.extract.claims import METHOD, bracket_locators, extract_claims, is_vague, names_a_river, names_a_road
from geo.errors import GeoError, ReportError, StoreError
from geo.files import write_atomically
from geo.models import ClaimPlace, Mention, Report
from geo.read.reports import implausible, iter_paths, printable, read_path
from geo.places.airfields import airfields_at_towns
from geo.places.frontline import FrontSeries, Snapshot, border_km, bytes_loader, expected_far, ukraine_regions
from geo.places import review
from geo.places.resolver import PointIndex, resolve_claims
from geo.store import DEFAULT_STORE, ROOT, Store

SAMPLE_DIR = ROOT / "data" / "assessments"
OUTPUT_KEYS = ("report_date", "kind", "actor", "status", "claimant", "place", "geonameid", "lat", "lon", "admin1",
               "precision", "quote", "source")
TOPIC_KM = 50.0  # a direction-only topic sentence gives way to named places this close to it
# the topics a named claim of each kind replaces: an advance names where the fighting a topic sums up went
# ("the counteroffensive north of X continued. Ukrainian forces liberated A and B")
TOPIC_KINDS = {"advance": ("advance", "attack"), "attack": ("attack",), "strike": ("strike",)}


def method_version(gazetteer) -> str:
    """Which method produced a row: the extractor's version and the gazetteer it resolved against."""
    digest = hashlib.sha256(f"{METHOD}|{gazetteer.label}".encode()).hexdigest()[:10]
    return f"{METHOD}:{digest}"


def place_key(text: str) -> str:
    s = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z]", "", s)


def extract(report: Report, gazetteer, front: Iterable[tuple[float, float]] = (), claims: list | None = None,
            frontline: Snapshot | None = None) -> list[ClaimPlace]:
    """`frontline`: the front line of the report's date (a prior between namesakes), if known."""
    with _collector_paused():
        if claims is None:
            claims = extract_claims(report, gazetteer.is_name)
        rows = airfields_at_towns(resolve_claims(claims, gazetteer, tuple(front), frontline=frontline), gazetteer)
        return drop_topic_rows(side_across_line(rows, frontline))


def side_across_line(rows: list[ClaimPlace], frontline: Snapshot | None) -> list[ClaimPlace]:
    """Explosions reported at a place with no side named (`Claim.side_by_line`) are the strike of the side across the
    front line from it: Ukraine's in Russia and the occupied areas, Russia's on Ukrainian-held ground. With no front
    line known, or no place found, the text's guess stays."""
    marked = [i for i, cp in enumerate(rows) if cp.claim.side_by_line and cp.resolution.place is not None]
    if not marked or frontline is None:
        return rows
    places = [rows[i].resolution.place for i in marked]
    held = frontline.inside([p.lat for p in places], [p.lon for p in places])
    out = list(rows)
    for i, place, inside in zip(marked, places, held):
        actor = "ukraine" if place.country != "UA" or bool(inside) else "russia"
        if actor != rows[i].claim.actor:
            out[i] = ClaimPlace(dataclasses.replace(rows[i].claim, actor=actor), rows[i].resolution)
    return out


@contextmanager
def _collector_paused():
    """Python's cycle collector held off while one report is extracted, and run as usual after: extraction makes no
    reference cycles (over the 228-report archive no collection during it found any to free), while each collection
    walked the objects made so far, twice the gazetteer's key tables as well (about 5% of a run's CPU time).
    Reference counting frees everything as before; a caller that turned the collector off keeps it off."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def drop_topic_rows(rows: list[ClaimPlace]) -> list[ClaimPlace]:
    """A topic sentence in ISW's own voice placed only by a direction ("attacked in the Borova direction") gives
    way to the claims of the same side and kind in the same section that name places in that direction (within
    50 km, or in the same sentence), an attack to the same side's named gains too; alone, it stays. An oblast named
    by its own front or borders in ISW's summary stays a region row (`_oblast_summary`). A party's claim along a line, in an area or axis, or at a
    bearing from a town ("Russian sources claimed attacks along the Svatove-Kreminna line") gives way too; one "in
    the direction of X" names the party's target and stays, as do lead-in claims. A town named only in a road's name
    never stays, nor a river named without a bank."""
    explicit: dict[tuple, tuple[set[str], list[tuple[float, float]]]] = {}  # group -> (sentences, places)
    for cp in rows:
        if not _vague(cp) and not _objective_past_bearing(cp) and not _never_stays(cp.resolution.mention):
            # (a river or a road named beside the direction is no place that replaces it: "an attack in the direction of
            # X, near the bridgehead over the Y River" keeps X)
            for kind in TOPIC_KINDS[cp.claim.kind]:
                sentences, points = explicit.setdefault((cp.claim.section, cp.claim.actor, kind), (set(), []))
                sentences.add(cp.claim.sentence)
                if cp.resolution.place is not None:
                    points.append((cp.resolution.place.lat, cp.resolution.place.lon))
    located: dict[int, set[int]] = {}  # claim -> the indexes of its mentions named only in a bracket locating another
    indexes: dict[tuple, PointIndex] = {}  # a vague row asks "is a named place of its group within 50 km" in a few lookups
    out = []
    for cp in rows:
        if names_a_road(cp.resolution.mention):
            continue  # "operations west of the Kharkiv City-Belgorod highway": the road's towns are not the place
        if names_a_river(cp.resolution.mention):
            continue  # "strikes near the bridgehead over the Inhulets River": the river only says where the bridgehead is
        if "(" in cp.claim.sentence and len(cp.claim.mentions) > 1 and _in_locating_bracket(cp, located):
            continue  # "attacks on Nevelske (all on the northwestern outskirts of Donetsk City)": the bracket's town only locates
        if _vague(cp) or _objective_past_bearing(cp):
            group = (cp.claim.section, cp.claim.actor, cp.claim.kind)
            sentences, points = explicit.get(group, (set(), []))
            here = cp.resolution.place
            topic = not cp.claim.lead_in and (cp.claim.status == "confirmed" or _topic_shape(cp.resolution.mention, cp.claim.sentence))
            if cp.claim.sentence in sentences:
                continue
            if topic and sentences and not _oblast_summary(cp):
                if here is None:
                    continue
                if group not in indexes:
                    indexes[group] = PointIndex(dict.fromkeys(points))
                if indexes[group].nearest_km(here.lat, here.lon, TOPIC_KM) <= TOPIC_KM:
                    continue
        out.append(cp)
    return out


# ISW's own opening of a paragraph: "Russian forces continued ground attacks near Bakhmut and Avdiivka on October 18",
# "Ukrainian forces continued counteroffensive operations near Kreminna on December 29", "Russian forces conducted a
# limited ground attack on the northwestern outskirts of Donetsk City on August 25": the towns name the areas the
# paragraph then details, as "around X" does
CONTINUED_NEAR = re.compile(r"(?:Russian|Ukrainian)\s+(?:forces|troops)\s+(?:continued|conducted)\s+(?:[\w-]+\s+){0,3}?(?:attacks?|"
                            r"assaults?|operations|offensives?|counteroffensives?)\s+(?:near|(?:on|near)\s+the\s+[a-z]+\s+outskirts\s+of)\s+"
                            r"(?P<towns>[A-Z][\w’'-]*(?:\s+City)?(?:,?\s+(?:and\s+)?[A-Z][\w’'-]*(?:\s+City)?)*)\s+on\s+[A-Z][a-z]+\s+\d")


def _vague(cp: ClaimPlace) -> bool:
    """A row placed only by a direction, area or bearing (`is_vague`), or a town of ISW's own opening "continued attacks
    near X and Y on <day>", "conducted attacks on the western outskirts of X on <day>" (`CONTINUED_NEAR`): a topic, which
    the section's named places replace."""
    m = cp.resolution.mention
    if is_vague(m):
        return True
    if cp.claim.status != "confirmed" or " near " not in cp.claim.sentence and "outskirts" not in cp.claim.sentence:
        return False
    opening = CONTINUED_NEAR.match(cp.claim.sentence)
    return opening is not None and opening.start("towns") <= m.start < opening.end("towns")


def _never_stays(m: Mention) -> bool:
    """A town named only in a road's name, or a river named without a bank: never a row of its own (`drop_topic_rows`)."""
    return names_a_road(m) or names_a_river(m)


# "attacks southeast of Izyum toward Slovyansk": a bearing from one town, then the city the axis leads to
TOWARD_PAST_BEARING = re.compile(r"\b(?:north|south|east|west)\w*\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:[\s-][A-Z][\w’'-]*)?\s+(?:toward|towards)\s+$")
OBJECTIVE_POPULATION = 50_000  # a city this large at the end of an axis is the operation's objective, not where it was fought


def _objective_past_bearing(cp: ClaimPlace) -> bool:
    """Is the row's place a city named as the far end of an axis after a bearing from another town ("continued to
    attempt advances southeast of Izyum toward Slovyansk")? The sentence says where the operation heads, not where it
    was fought: a topic, which the places the section names near it replace (a village toward which troops pushed,
    "southwest of Avdiivka towards Nevelske", stays a place of the claim)."""
    m, place = cp.resolution.mention, cp.resolution.place
    return (place is not None and place.population >= OBJECTIVE_POPULATION and m.precision == "settlement"
            and "toward" in cp.claim.sentence[max(0, m.start - 9):m.start]
            and TOWARD_PAST_BEARING.search(cp.claim.sentence, max(0, m.start - 80), m.start) is not None)


def _in_locating_bracket(cp: ClaimPlace, located: dict[int, set[int]]) -> bool:
    """Is the row's place named only in a bracket that locates the place before it (`bracket_locators`)? The rows are
    dropped after resolution: the bracket's town still tells the namesakes of the places beside it apart."""
    claim = cp.claim
    if id(claim) not in located:
        located[id(claim)] = bracket_locators(claim.sentence, claim.mentions)
    m = cp.resolution.mention
    return any((claim.mentions[k].start, claim.mentions[k].end) == (m.start, m.end) for k in located[id(claim)])


BEARING_BEFORE = re.compile(r"(?:north|south|east|west)\w*\s+of\s+(?:the\s+)?$")


def _oblast_summary(cp: ClaimPlace) -> bool:
    """An oblast in ISW's own summary sentence, named by its own front or border ("shelled settlements on the Zaporizhia
    Oblast frontline", "along the Kherson-Mykolaiv and Kherson-Dnipropetrovsk Oblast borders"): a region row even when
    the section names villages after it. Not a border between two oblasts ("the Kharkiv-Donetsk Oblast border", a line
    as "the Avdiivka-Donetsk City line" is) nor a bearing from one ("westward of the Luhansk Oblast border")."""
    m = cp.resolution.mention
    return (cp.claim.status == "confirmed" and m.precision == "region" and "-" not in (m.bearing or "")
            and not BEARING_BEFORE.search(cp.claim.sentence, max(0, m.start - 30), m.start))


def _topic_shape(m: Mention, sentence: str = "") -> bool:
    """A place named by a line, area, axis, frontline or a bearing from it ("along the Svatove-Kreminna line", "west
    of Kreminna"): a topic even in a party's claim; not "in the direction of X", which a party names as its target,
    unless what went there is a whole operation ("continued counteroffensive operations in the direction of X and Y":
    the operation's far aims, which the villages named after it replace, as gold labels it)."""
    if not (m.bearing or "").startswith("direction of"):
        return True
    return OPERATION_TOWARD.search(sentence, 0, m.start) is not None


# "(counter)offensive operations in the direction of", "a counteroffensive in the direction of": the place is the aim
OPERATION_TOWARD = re.compile(r"\b(?:counter-?)?offensive(?:\s+operations?)?\s+in\s+the\s+directions?\s+of\s+"
                              r"(?:[^.;()]*?(?:,\s+|\s+and\s+))?$", re.I)


def to_row(cp: ClaimPlace, report: Report) -> dict:
    c, r, m = cp.claim, cp.resolution, cp.resolution.mention
    p = r.place
    if m.reference and m.precision == "feature":
        bearing = f"in {m.reference}"
    elif m.reference:
        bearing = f"{m.bearing} of {m.reference}" if m.bearing else f"from {m.reference}" if m.distance_km else f"near {m.reference}"
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


def extract_rows(report: Report, gazetteer, front: Iterable[tuple[float, float]] = (), claims: list | None = None,
                 frontline: Snapshot | None = None, picks: Mapping[tuple[str, str, str], dict] | None = None) -> list[dict]:
    """One row per (claim, place), each (kind, actor, status, place) once per report; a mention an analyst
    placed in its sentence (`picks`, see `geo.places.review.picks`) goes where the analyst chose."""
    rows, seen = [], set()
    for cp in extract(report, gazetteer, front, claims, frontline):
        row = to_row(cp, report)
        if picks:
            choice = picks.get(review.pick_key(row["report_date"], row["quote"], row["place"]))
            if choice is not None:
                row = review.apply_pick(row, choice, gazetteer)
        key = (row["kind"], row["actor"], row["status"], row["geonameid"] or place_key(row["place"]))
        if key in seen:
            continue
        seen.add(key)
        rows.append(row)
    return rows


def extract_many(reports: list[Report], gazetteer, series: FrontSeries | None = None,
                 frontline: bool = True) -> list[tuple[Report, list[dict]]]:
    """Rows of several reports, each resolved on its own text and the front line of its date from `series`
    (default: the shipped series; none when `frontline` is False): a report gets the same places in a batch as
    extracted alone, whichever reports come with it."""
    if series is None and frontline:
        series = FrontSeries.shipped()
    line = (lambda d: series.prior_for(d)) if series else (lambda d: None)
    return [(r, extract_rows(r, gazetteer, frontline=line(r.date))) for r in reports]


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
    result = IngestResult()
    folder_problems: list[ReportError] = []
    files = iter_paths(list(paths), problems=folder_problems)
    result.errors.extend(str(p) for p in folder_problems)
    gazetteer, picks = corrected(store, gazetteer)
    method = method_version(gazetteer)
    series = front_series(store)
    show = progress if progress is not None else len(files) > 5
    counter = ReportProgress(len(files), show)
    for path in files:
        counter.file()
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
            counter.report()
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
                rows = extract_rows(report, gazetteer, frontline=series.prior_for(report.date), picks=picks)
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
    counter.close()
    measure_front(store, series)
    return result


class ReportProgress:
    """Ingest progress counted in reports (an archive file holds hundreds): a bar on a terminal, plain
    lines ("ingesting: 120 reports, file 2 of 3") every `every` seconds otherwise (logs, CI)."""

    def __init__(self, files: int, show: bool, every: float = 5.0, stream=None):
        import time

        self.files, self.show, self.every = files, show, every
        self.stream = stream or sys.stderr
        self.n_files = self.n_reports = 0
        self._time = time.monotonic
        self._last = self._time()
        self._bar = None
        if show and getattr(self.stream, "isatty", lambda: False)():
            from tqdm import tqdm

            self._bar = tqdm(desc="ingesting", unit="report", file=self.stream)

    def file(self) -> None:
        self.n_files += 1
        if self._bar is not None:
            self._bar.set_postfix_str(f"file {self.n_files} of {self.files}")

    def report(self) -> None:
        self.n_reports += 1
        if self._bar is not None:
            self._bar.update(1)
        elif self.show and self._time() - self._last >= self.every:
            self._last = self._time()
            self._line("ingesting")

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
        elif self.show:
            self._line("read")

    def _line(self, what: str) -> None:
        print(f"{what}: {self.n_reports} report{'s' if self.n_reports != 1 else ''}, file {self.n_files} of {self.files}",
              file=self.stream, flush=True)


def refresh(store: Store, gazetteer, *, progress: bool | None = None) -> int:
    """Extract every stored report again (after a better gazetteer or method); returns how many."""
    from tqdm import tqdm

    gazetteer, picks = corrected(store, gazetteer)
    method = method_version(gazetteer)
    reports = list(store.stored_reports())
    show = progress if progress is not None else (len(reports) > 5 and sys.stderr.isatty())
    series = front_series(store)
    for report in tqdm(reports, desc="re-extracting", unit="report", disable=not show, file=sys.stderr):
        store.replace_rows(report.content_hash, extract_rows(report, gazetteer, frontline=series.prior_for(report.date),
                                                             picks=picks), method)
    measure_front(store, series)
    return len(reports)


def front_series(store: Store | None = None) -> FrontSeries:
    """The front line by date: the weekly series shipped with the package, and the snapshots imported into
    `store` (`python -m geo frontline import / fetch`), which win on the same date."""
    series = FrontSeries.shipped()
    if store is None:
        return series
    loaders = {}
    for item in store.frontline_list():
        day = dt.date.fromisoformat(item["date"])
        loaders[day] = bytes_loader(store.frontline_data(day) or b"", f"{store.path} (front line of {item['date']})", day)
    return series.merged(loaders) if loaders else series


def measure_front(store: Store, series: FrontSeries | None = None, everything: bool = False) -> int:
    """Record each placed claim row's distance to the front line of its day (the rows not measured yet, or
    `everything`), with a note when it is expected far from it (strikes, claims in Russia) or no snapshot
    covers its day. Returns how many rows were measured."""
    series = series if series is not None else front_series(store)
    rows = store.rows_for_front(unmeasured_only=not everything)
    if not rows:
        return 0
    values = front_values(rows, series)
    store.set_claim_front(values)
    return len(values)


def front_values(rows: list[dict], series: FrontSeries) -> list[tuple[int, str | None, float | None, str | None]]:
    """(row id, snapshot date, km to the front of the row's day, note) for placed rows (with id, report_date,
    kind, admin1, lat, lon, quote): what `measure_front` stores."""
    days = [dt.date.fromisoformat(r["report_date"]) for r in rows]
    found = series.distances(days, [r["lat"] for r in rows], [r["lon"] for r in rows])
    regions = ukraine_regions()
    to_border = border_km([r["lat"] for r in rows], [r["lon"] for r in rows])
    values = []
    for r, (snap_day, dist), b in zip(rows, found, to_border):
        note = expected_far(r, regions, dist, float(b))
        if snap_day is None:
            note = f"no front-line snapshot within {series.max_age} days before this date"
        values.append((r["id"], snap_day.isoformat() if snap_day else None, None if dist is None else round(dist, 2), note))
    return values


def ensure_sample_store(store_path: str | Path = DEFAULT_STORE, gazetteer=None) -> Store:
    """The store at `store_path`, with the embedded sample ingested into it if it holds no report."""
    store = Store(store_path)
    if store.counts()["reports"] == 0:
        if gazetteer is None:
            from geo.places.gazetteer import Gazetteer

            gazetteer = Gazetteer.default(os.environ.get("GEO_GAZETTEER") or None)
        ingest(store, [SAMPLE_DIR], gazetteer, progress=False)
    return store


def evaluate(gold_dir: Path, reports_dir: Path, gazetteer, ids: list[str] | None = None, frontline: bool = True):
    """Score extraction on every gold file (or `ids`) against the report files of the same id (with the shipped
    front-line series as a prior unless `frontline` is False)."""
    from geo.evaluation import Totals, load_jsonl, score_report

    ids = ids or sorted(p.stem for p in Path(gold_dir).glob("*.jsonl"))
    reports: list[tuple[str, Report]] = []
    for rid in ids:
        files = [f for f in Path(reports_dir).glob(f"{rid}.*") if f.suffix.lower() in (".txt", ".html", ".htm", ".md")]
        if not files:
            raise ReportError(str(Path(reports_dir) / rid), "no report file with this id; write it with materialize_corpus.py")
        found = read_path(files[0])
        reports.append((rid, found[0]))
    rows = extract_many([r for _, r in reports], gazetteer, frontline=frontline)
    scores = [score_report(rid, load_jsonl(Path(gold_dir) / f"{rid}.jsonl"), r_rows) for (rid, _), (_, r_rows) in zip(reports, rows)]
    return Totals(scores)


# -- analysts' corrections -------------------------------------------------------------------------


def corrected(store: Store, gazetteer) -> tuple:
    """The gazetteer with the store's corrections that hold everywhere applied on top, and the choices that
    hold in one sentence (for `extract_rows`). Every extraction into the store goes through this, so the
    corrections survive a rebuilt gazetteer, a refresh and a re-ingest."""
    recorded = store.corrections()
    if not recorded:
        return gazetteer, {}
    rows = review.global_rows(recorded)
    if rows:
        digest = hashlib.sha256(repr([(r["action"], r["name"], r["geonameid"], r["lat"], r["lon"], r["admin1"])
                                      for r in rows]).encode()).hexdigest()[:8]
        gazetteer = gazetteer.with_overrides(rows, label=f"{gazetteer.label} + {len(rows)} corrections {digest}")
    return gazetteer, review.picks(recorded)


@dataclass
class CorrectionResult:
    ids: list[int]  # the recorded corrections
    reports: int  # reports re-resolved
    rows: int  # their rows now


def affected_reports(store: Store, corrections: Iterable[dict]) -> list[str]:
    """The stored reports a correction can change: those naming its name, those on or listing its place, and
    for a choice in one sentence, the reports of that date."""
    names, ids, dates = [], [], []
    for c in corrections:
        if c.get("report_date"):
            dates.append(c["report_date"])
            continue
        if c.get("name"):
            names.append(c["name"])
        if c.get("geonameid") not in (None, ""):
            ids.append(int(c["geonameid"]))
    return store.reports_naming(names, ids, dates)


def record_corrections(store: Store, gazetteer, rows: list[dict], who: str) -> CorrectionResult:
    """Record an analyst's override rows (with who and when) and re-resolve at once the stored reports they
    affect, without a full refresh. The rows go in by one transaction; a report's new rows are written only
    if no other correction came in while they were extracted (else it is extracted again), so two analysts
    correcting at once both find their corrections in the rows."""
    who = " ".join(str(who or "").split())
    if not who:
        raise StoreError("a correction needs the analyst's name (who made it)")
    ids = store.add_corrections(rows, who)
    hashes = affected_reports(store, rows)
    return CorrectionResult(ids, len(hashes), reresolve(store, gazetteer, hashes))


def reresolve(store: Store, gazetteer, hashes: Iterable[str], attempts: int = 20) -> int:
    """Extract the given stored reports again with every recorded correction; returns their row count."""
    total = 0
    series = front_series(store)
    version = store.corrections_version()
    g, picks = corrected(store, gazetteer)
    for h in hashes:
        report = store.stored_report(h)
        if report is None:
            continue
        for _ in range(attempts):
            rows = extract_rows(report, g, frontline=series.prior_for(report.date), picks=picks)
            if store.replace_rows_if_current(h, rows, method_version(g), version):
                total += len(rows)
                break
            version = store.corrections_version()  # another analyst's correction came in: extract with it too
            g, picks = corrected(store, gazetteer)
        else:
            raise StoreError(f"{store.path}: corrections kept arriving while {report.source} was re-resolved; "
                             "run 'python -m geo refresh'")
    measure_front(store, series)
    return total


def review_queue(store: Store, gazetteer, rows: list[dict] | None = None, series: FrontSeries | None = None,
                 options_front: bool = True) -> list:
    """The review queue of a store (`geo.places.review.queue`): its rows that need a human, with the
    gazetteer's candidates, the cached geocoder suggestions for names the gazetteer lacks, and distances
    to the front line of each report date (of `series`, the store's `front_series` when not given: pass one
    already loaded to reuse its parsed snapshots). Rows carrying their stored measure (`front_km`, see
    `measure_front`) are not measured again. With `options_front` false, the options' distances to the
    front are left for `review_options_front` (for the items shown)."""
    from geo.places.suggest import suggestions

    rows = store.claim_rows() if rows is None else rows
    g, _ = corrected(store, gazetteer)
    service = geocoder_service()
    found = {}
    if service:
        for r in rows:
            if r.get("lat") is None and r["place"] not in found:
                raw = store.geocoder_answer(service, r["place"])
                if raw:
                    found[r["place"]] = suggestions(service, raw)
    series = front_series(store) if series is None else series
    regions = ukraine_regions()
    return review.queue(rows, g, found, _front_distance(series) if series else None,
                        near_front=lambda r: expected_far(r, regions) is None, options_front=options_front)


def review_options_front(items: list, series: FrontSeries) -> list:
    """Review items (`review_queue`) with each option's distance to the front line of the item's date."""
    return review.with_front(items, _front_distance(series)) if series else list(items)


def _front_distance(series: FrontSeries):
    def front_distance(days, lats, lons):
        return [d for _, d in series.distances([dt.date.fromisoformat(x) for x in days], lats, lons)]

    return front_distance


def geocoder_service() -> str | None:
    """The online geocoder the settings switch on (GEO_GEOCODER), or None: it is off by default, and off when
    the settings are wrong (`ask_geocoder` says what is wrong)."""
    from geo.fetch import GeocoderSettings

    try:
        settings = GeocoderSettings.from_env()
    except GeoError:
        return None
    return settings.service if settings else None


def ask_geocoder(store: Store, name: str, settings=None) -> list:
    """Suggestions for `name` from the online geocoder the settings switch on (GEO_GEOCODER, see
    `geo.fetch.GeocoderSettings`), each answer cached in the store, so a name is never asked twice.
    Raises OfflineError when the service cannot be reached, GeoError when none is switched on."""
    from geo.fetch import GeocoderSettings, geocode
    from geo.places.suggest import suggestions

    settings = settings or GeocoderSettings.from_env()
    if settings is None:
        raise GeoError("no online geocoder is switched on; set GEO_GEOCODER=nominatim (or geonames, with "
                       "GEO_GEONAMES_USERNAME) to ask one")
    query = " ".join(str(name or "").split())
    if not query:
        return []
    raw = store.geocoder_answer(settings.service, query)
    if raw is None:
        raw = geocode(query, settings)
        store.save_geocoder_answer(settings.service, query, raw)
    return suggestions(settings.service, raw)


def export_corrections(store: Store, path: Path | None = None) -> str:
    """The store's corrections as an overrides.csv; written to `path` atomically (a temporary file renamed
    over it) when given, keeping the rows and leading comments of the file there that the store lacks."""
    from geo.places.gazetteer import load_overrides

    kept, header = [], ""
    if path is not None and Path(path).is_file():
        kept = load_overrides(Path(path))
        lines = Path(path).read_text(encoding="utf-8").splitlines(keepends=True)
        header = "".join(line for line in lines[: next((i for i, x in enumerate(lines) if not x.startswith("#")), 0)])
    text = review.overrides_csv(store.corrections(), kept, header)
    if path is not None:
        write_atomically(Path(path), text.encode("utf-8"))
    return text


def import_corrections(store: Store, gazetteer, path: Path, who: str) -> CorrectionResult:
    """Record the rows of an overrides.csv (checked first: a bad file records nothing) that the store does
    not hold yet, and re-resolve the reports they affect."""
    from geo.places.gazetteer import load_overrides

    if not Path(path).is_file():
        raise ReportError(str(path), "no such file")
    rows = load_overrides(Path(path))
    held = {review.correction_key(c) for c in store.corrections()}
    new = [r for r in rows if review.correction_key(r) not in held]
    if not new:
        return CorrectionResult([], 0, 0)
    return record_corrections(store, gazetteer, new, who)


def accept_option(store: Store, gazetteer, item, option, who: str, note: str = "") -> CorrectionResult:
    """An analyst puts a review item's mention on one of its options (the dashboard's and the CLI's accept)."""
    g, _ = corrected(store, gazetteer)
    return record_corrections(store, gazetteer, review.accept(item, option, g, note), who)


def add_new_place(store: Store, gazetteer, item, name: str, lat: float, lon: float, admin1: str, who: str,
                  note: str = "") -> CorrectionResult:
    """An analyst adds the place a review item's mention means (name, coordinates, oblast)."""
    g, _ = corrected(store, gazetteer)
    return record_corrections(store, gazetteer, review.add_place(item, name, lat, lon, admin1, g, note), who)


def block_option(store: Store, gazetteer, item, option, who: str, note: str = "") -> CorrectionResult:
    """An analyst says a review item's spelling does not mean `option` (None: it is no place at all)."""
    return record_corrections(store, gazetteer, review.block(item, option, note), who)
