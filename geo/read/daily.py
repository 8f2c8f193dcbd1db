"""Find and download each day's ISW assessment: URL patterns of both site eras, a mirror as
fallback, polite waiting between requests, and the raw page saved before anything parses it.

All network access goes through `geo.fetch.get` (user agent, timeouts, retries of transient
errors, HTTP statuses mapped to errors). Nothing here reads the store: the caller passes the
days it already has. Parsing and ingesting the saved pages is the caller's job
(`geo.cli.fetch` hands them to `geo.pipeline.ingest`), so a parser fix can be replayed on
`data/raw/` without downloading again.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from geo import fetch
from geo.files import write_atomically
from geo.errors import FetchError, ForbiddenError, NotFoundError

ROOT = Path(__file__).resolve().parents[2]
RAW_DIR = ROOT / "data" / "raw"
BASE_URL = "https://understandingwar.org"
MIRROR_URL = "https://www.criticalthreats.org"
NEW_SITE_FROM = dt.date(2025, 1, 1)  # ISW moved from /backgrounder/ (Drupal) to /research/russia-ukraine/ (WordPress)
SLUG = "russian-offensive-campaign-assessment"

Outcome = Literal["fetched", "stored", "forbidden", "missing", "failed"]


def slug(day: dt.date) -> str:
    """`russian-offensive-campaign-assessment-june-30-2026`, as both sites and the mirror name a day."""
    return f"{SLUG}-{day.strftime('%B').lower()}-{day.day}-{day.year}"


def candidate_urls(day: dt.date, base_url: str = BASE_URL, mirror_url: str | None = MIRROR_URL) -> list[str]:
    """Where the report of `day` may be, most likely first: the pattern of its era on ISW's site,
    the other era's pattern (pages moved when the site changed), then the mirror."""
    base = base_url.rstrip("/")
    new = f"{base}/research/russia-ukraine/{slug(day)}/"
    old = f"{base}/backgrounder/{slug(day)}"
    urls = [new, old] if day >= NEW_SITE_FROM else [old, new]
    if mirror_url:
        urls.append(f"{mirror_url.rstrip('/')}/analysis/{slug(day)}")
    return urls


@dataclass
class DayResult:
    """What happened to one day. `raw` is the saved page when `outcome == "fetched"`."""

    day: dt.date
    outcome: Outcome
    url: str | None = None
    raw: Path | None = None
    tried: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def message(self) -> str:
        d = self.day.isoformat()
        if self.outcome == "fetched":
            return f"{d}: fetched {self.url} -> {self.raw}"
        if self.outcome == "stored":
            return f"{d}: already in the store, not fetched"
        if self.outcome == "forbidden":
            return (f"{d}: refused by the server ({'; '.join(self.problems)}); the site blocks automated clients - "
                    f"save the page from a browser and run 'python -m geo ingest FILE'")
        if self.outcome == "missing":
            return f"{d}: no report found (HTTP 404 at {len(self.tried)} address(es): {', '.join(self.tried)}); ISW may not have published one that day"
        return f"{d}: download failed ({'; '.join(self.problems)}); try again later"


def save_raw(raw_dir: Path, day: dt.date, data: bytes, suffix: str = ".html") -> Path:
    """Write a fetched page to `raw_dir/isw-YYYY-MM-DD.html` atomically; returns the path."""
    return write_atomically(Path(raw_dir) / f"isw-{day.isoformat()}{suffix}", data, suffix=".part")


class Pacer:
    """Waits so that two requests are at least `delay` seconds apart (the first one goes at once)."""

    def __init__(self, delay: float, sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic):
        self.delay, self.sleep, self.clock = delay, sleep, clock
        self.last: float | None = None

    def wait(self) -> None:
        if self.last is not None and self.delay > 0:
            left = self.delay - (self.clock() - self.last)
            if left > 0:
                self.sleep(left)
        self.last = self.clock()


def fetch_day(day: dt.date, raw_dir: Path = RAW_DIR, *, base_url: str = BASE_URL, mirror_url: str | None = MIRROR_URL,
              pacer: Pacer | None = None, get: Callable[..., bytes] = fetch.get, timeout: float = 30.0,
              retries: int = 2) -> DayResult:
    """Try the day's addresses in turn; save the first page found under `raw_dir`."""
    pacer = pacer or Pacer(0)
    result = DayResult(day, "missing")
    forbidden = failed = False
    for url in candidate_urls(day, base_url, mirror_url):
        result.tried.append(url)
        pacer.wait()
        try:
            data = get(url, timeout=timeout, retries=retries)
        except NotFoundError:
            continue
        except ForbiddenError as e:
            forbidden = True
            result.problems.append(f"HTTP {e.status} at {url}")
            continue
        except FetchError as e:
            failed = True
            result.problems.append(str(e))
            continue
        except Exception as e:  # noqa: BLE001 - the boundary around one address: the next one is still tried
            failed = True
            result.problems.append(f"{url}: {type(e).__name__}: {str(e)[:200]}")
            continue
        try:
            result.raw = save_raw(raw_dir, day, data)
        except OSError as e:
            result.outcome = "failed"
            result.problems.append(f"cannot save the page under {raw_dir} ({e.strerror or e})")
            return result
        result.outcome, result.url = "fetched", url
        return result
    if forbidden:
        result.outcome = "forbidden"
    elif failed:
        result.outcome = "failed"
    return result


def days_between(since: dt.date, until: dt.date) -> list[dt.date]:
    if until < since:
        raise ValueError(f"--until {until} is before --since {since}")
    return [since + dt.timedelta(days=i) for i in range((until - since).days + 1)]


def fetch_days(days: list[dt.date], raw_dir: Path = RAW_DIR, *, stored: Collection[dt.date] | Callable[[dt.date], bool] = (),
               base_url: str = BASE_URL, mirror_url: str | None = MIRROR_URL, delay: float = 2.0,
               sleep: Callable[[float], None] = time.sleep, get: Callable[..., bytes] = fetch.get, timeout: float = 30.0,
               retries: int = 2, progress: bool = False) -> Iterator[DayResult]:
    """Fetch each day not in `stored` (a set of dates or a predicate), waiting `delay` s between requests."""
    from tqdm import tqdm

    has = stored if callable(stored) else (lambda d, s=frozenset(stored): d in s)
    pacer = Pacer(delay, sleep)
    for day in tqdm(days, desc="fetching", unit="day", disable=not progress, leave=False):
        if has(day):
            yield DayResult(day, "stored")
            continue
        try:
            yield fetch_day(day, raw_dir, base_url=base_url, mirror_url=mirror_url, pacer=pacer, get=get,
                            timeout=timeout, retries=retries)
        except Exception as e:  # noqa: BLE001 - the boundary around one day: the remaining days are still tried
            yield DayResult(day, "failed", problems=[f"{type(e).__name__}: {str(e)[:200]}"])
