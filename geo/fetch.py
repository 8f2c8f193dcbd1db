"""The one module that touches the network.

Plain urllib with a timeout on every read and an overall deadline per download, a cap on
the size of a body, retries with back-off for transient failures (timeouts, 429, 5xx, a
connection dropped or answered with something that is not HTTP), the server's Retry-After
honoured, an honest user agent, and HTTP statuses mapped to the error family in one table.
"""

from __future__ import annotations

import email.utils
import hashlib
import http.client
import os
import socket
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from geo import __version__
from geo.errors import FetchError, ForbiddenError, NotFoundError, OfflineError

USER_AGENT = f"frontline-claims/{__version__} (research map of ISW assessments; python-urllib)"
TRANSIENT = {429, 500, 502, 503, 504}
STATUS_ERRORS: dict[int, type[FetchError]] = {401: ForbiddenError, 403: ForbiddenError, 404: NotFoundError, 410: NotFoundError}
MAX_BODY_BYTES = 64 * 2**20  # a page larger than this is refused, not held in memory
DEADLINE = 180.0  # seconds one download may take in all, however slowly the server drips it
MAX_RETRY_AFTER = 300.0  # a server asking to wait longer than this is not waited for


def _open(url: str, timeout: float, user_agent: str):
    req = urllib.request.Request(url, headers={"User-Agent": user_agent})
    return urllib.request.urlopen(req, timeout=timeout)  # noqa: S310 - http(s) URLs only, checked by caller


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds a Retry-After header asks to wait (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def _with_retries(url: str, action: Callable, retries: int, backoff: float, sleep: Callable[[float], None] = time.sleep):
    """Run `action()`, mapping failures to FetchError and retrying the transient ones (waiting as long as a
    429 or 503 answer's Retry-After asks, up to MAX_RETRY_AFTER)."""
    attempt = 0
    while True:
        try:
            return action()
        except urllib.error.HTTPError as e:
            if e.code in TRANSIENT and attempt < retries:
                attempt += 1
                wait = retry_after(e.headers.get("Retry-After") if e.headers else None)
                if wait is not None and wait > MAX_RETRY_AFTER:
                    raise FetchError(url, f"HTTP {e.code}: the server asks to wait {wait:.0f} s (Retry-After); try again "
                                          "later", status=e.code) from e
                sleep(backoff * 2 ** (attempt - 1) if wait is None else wait)
                continue
            cls = STATUS_ERRORS.get(e.code, FetchError)
            raise cls(url, f"HTTP {e.code} {e.reason}", status=e.code) from e
        except FetchError:
            raise
        except (TimeoutError, socket.timeout) as e:
            if attempt < retries:
                attempt += 1
                sleep(backoff * 2 ** (attempt - 1))
                continue
            raise FetchError(url, f"timed out after {retries + 1} attempts; try again later or raise --timeout") from e
        except urllib.error.URLError as e:
            if isinstance(e.reason, (TimeoutError, socket.timeout)) and attempt < retries:
                attempt += 1
                sleep(backoff * 2 ** (attempt - 1))
                continue
            raise OfflineError(url, f"cannot reach the server ({e.reason}); check the network or the base URL") from e
        except (http.client.HTTPException, ConnectionError, OSError) as e:
            # the server closed without answering, answered with something that is not HTTP, or dropped mid-body
            if attempt < retries:
                attempt += 1
                sleep(backoff * 2 ** (attempt - 1))
                continue
            what = type(e).__name__ + (f": {e}" if str(e) else "")
            raise FetchError(url, f"the server's answer was broken ({what[:200]}) after {retries + 1} attempts; "
                                  "try again later") from e


def _read_body(resp, url: str, max_bytes: int, deadline: float, write: Callable[[bytes], None], chunk: int = 1 << 16) -> int:
    """Copy a response body to `write`, refusing one larger than `max_bytes` (by its Content-Length, before
    reading, or as it arrives) or one still arriving `deadline` seconds after the start. Returns the bytes read."""
    end = time.monotonic() + deadline
    length = resp.headers.get("Content-Length")
    if length and length.strip().isdigit() and int(length) > max_bytes:
        raise FetchError(url, f"the page is {int(length) / 2**20:.0f} MB, more than {max_bytes / 2**20:.0f} MB; not a report")
    total = 0
    while block := (resp.read1(chunk) if hasattr(resp, "read1") else resp.read(chunk)):
        total += len(block)
        if total > max_bytes:
            raise FetchError(url, f"the page is more than {max_bytes / 2**20:.0f} MB; not a report")
        write(block)
        if time.monotonic() > end:
            raise FetchError(url, f"the download took longer than its deadline ({deadline:g} s); the server is too "
                                  "slow, try again later")
    if length and length.strip().isdigit() and total != int(length):
        raise http.client.IncompleteRead(b"", int(length) - total)
    return total


def _check_scheme(url: str) -> None:
    if not url.lower().startswith(("http://", "https://")):
        raise FetchError(url, "only http:// and https:// addresses can be fetched")


def get(url: str, *, timeout: float = 30.0, retries: int = 2, backoff: float = 1.0, user_agent: str = USER_AGENT,
        deadline: float = DEADLINE, max_bytes: int = MAX_BODY_BYTES, sleep: Callable[[float], None] = time.sleep) -> bytes:
    """Return the body at `url` (at most `max_bytes`, within `deadline` seconds per attempt, `timeout` per
    read); raise NotFoundError, ForbiddenError, OfflineError or FetchError."""
    _check_scheme(url)

    def action() -> bytes:
        parts: list[bytes] = []
        with _open(url, timeout, user_agent) as resp:
            _read_body(resp, url, max_bytes, deadline, parts.append)
        return b"".join(parts)

    return _with_retries(url, action, retries, backoff, sleep)


def download(
    url: str,
    dest: Path,
    *,
    timeout: float = 60.0,
    retries: int = 2,
    backoff: float = 1.0,
    user_agent: str = USER_AGENT,
    progress: bool = True,
    chunk: int = 1 << 16,
) -> str:
    """Stream `url` into `dest` atomically (a partial download never replaces a good file).

    Returns the SHA-256 of what was saved. Shows a progress bar on stderr when `progress`.
    """
    _check_scheme(url)
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)

    def action() -> str:
        from tqdm import tqdm

        digest = hashlib.sha256()
        fd, tmp = tempfile.mkstemp(prefix=dest.name + ".", suffix=".part", dir=dest.parent)
        try:
            with _open(url, timeout, user_agent) as resp, os.fdopen(fd, "wb") as out:
                total = int(resp.headers.get("Content-Length") or 0) or None
                with tqdm(total=total, unit="B", unit_scale=True, desc=dest.name, disable=not progress, leave=False) as bar:
                    while block := resp.read(chunk):
                        out.write(block)
                        digest.update(block)
                        bar.update(len(block))
                if total is not None and out.tell() != total:
                    raise FetchError(url, f"connection closed after {out.tell()} of {total} bytes; try again")
            os.replace(tmp, dest)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return digest.hexdigest()

    return _with_retries(url, action, retries, backoff)


# -- online geocoders (through geopy) -----------------------------------------------------------

GEOCODERS = ("nominatim", "geonames")
GEOCODER_USER_AGENT = f"frontline-claims/{__version__} (research map of ISW assessments; geopy)"
GEOCODER_COUNTRIES = ("UA", "RU")
# The services' usage policies: Nominatim's public server allows one request a second; GeoNames' free
# accounts 1,000 credits an hour (one search costs one), so one request every 3.6 s.
GEOCODER_MIN_DELAY = {"nominatim": 1.0, "geonames": 3.6}
_limiters: dict[tuple, Callable] = {}
_limiters_lock = threading.Lock()


class GeocoderSettings:
    """Which online geocoder to ask, and where. Off unless GEO_GEOCODER names one.

    - GEO_GEOCODER: `nominatim` or `geonames` (empty or `off`: none);
    - GEO_GEOCODER_URL: the service's base address, e.g. a mirror or a local Nominatim
      (`http://127.0.0.1:8080`); default the public one (https://nominatim.openstreetmap.org,
      http://api.geonames.org);
    - GEO_GEONAMES_USERNAME: the GeoNames account (required for `geonames`);
    - GEO_GEOCODER_TIMEOUT: seconds per request (default 10).
    """

    def __init__(self, service: str, url: str | None = None, username: str | None = None, timeout: float = 10.0,
                 min_delay: float | None = None):
        from geo.errors import GeoError

        service = (service or "").strip().lower()
        if service not in GEOCODERS:
            raise GeoError(f"GEO_GEOCODER: {service!r} is not one of {', '.join(GEOCODERS)} (or 'off')")
        if service == "geonames" and not (username or "").strip():
            raise GeoError("GEO_GEOCODER=geonames needs GEO_GEONAMES_USERNAME (a free account at https://www.geonames.org/login)")
        if url is not None:
            _check_scheme(url)
        self.service, self.url, self.username, self.timeout = service, url, (username or "").strip() or None, float(timeout)
        self.min_delay = GEOCODER_MIN_DELAY[service] if min_delay is None else float(min_delay)

    @classmethod
    def from_env(cls, environ=None) -> GeocoderSettings | None:
        env = os.environ if environ is None else environ
        service = (env.get("GEO_GEOCODER") or "").strip().lower()
        if service in ("", "off", "none", "0", "no"):
            return None
        return cls(service, url=(env.get("GEO_GEOCODER_URL") or "").strip() or None,
                   username=env.get("GEO_GEONAMES_USERNAME"), timeout=float(env.get("GEO_GEOCODER_TIMEOUT") or 10))

    @property
    def address(self) -> str:
        return self.url or ("https://nominatim.openstreetmap.org" if self.service == "nominatim" else "http://api.geonames.org")


def _geocoder_call(settings: GeocoderSettings) -> Callable:
    """The service's search, wrapped in geopy's RateLimiter at the service's policy; one per service and
    address for the whole process, so every caller shares the pace."""
    from urllib.parse import urlsplit

    from geopy.extra.rate_limiter import RateLimiter
    from geopy.geocoders import GeoNames, Nominatim

    key = (settings.service, settings.address, settings.username, settings.timeout, settings.min_delay)
    with _limiters_lock:
        found = _limiters.get(key)
        if found is None:
            parts = urlsplit(settings.address)
            domain = parts.netloc + parts.path.rstrip("/")
            if settings.service == "nominatim":
                geocoder = Nominatim(user_agent=GEOCODER_USER_AGENT, timeout=settings.timeout, domain=domain, scheme=parts.scheme)

                def search(query: str):
                    return geocoder.geocode(query, exactly_one=False, limit=10, addressdetails=True,
                                            country_codes=[c.lower() for c in GEOCODER_COUNTRIES], language="en")
            else:
                geocoder = GeoNames(settings.username, user_agent=GEOCODER_USER_AGENT, timeout=settings.timeout,
                                    domain=domain, scheme=parts.scheme)

                def search(query: str):
                    return geocoder.geocode(query, exactly_one=False, country=list(GEOCODER_COUNTRIES))
            found = _limiters[key] = RateLimiter(search, min_delay_seconds=settings.min_delay, max_retries=1,
                                                 error_wait_seconds=max(settings.min_delay, 2.0), swallow_exceptions=False)
    return found


def geocode(query: str, settings: GeocoderSettings) -> list[dict]:
    """Ask the online geocoder of `settings` where `query` is, in Ukraine and Russia: the raw results (a
    list of the service's JSON records, empty when it knows none). Raises OfflineError when the service
    cannot be reached, ForbiddenError when it refuses this account, FetchError otherwise."""
    from geopy import exc

    where = f"{settings.service} at {settings.address}"
    try:
        found = _geocoder_call(settings)(query)
    except (exc.GeocoderUnavailable, exc.GeocoderTimedOut) as e:
        raise OfflineError(where, f"cannot reach the geocoder ({e}); check the network or GEO_GEOCODER_URL, "
                                  "or switch it off (GEO_GEOCODER=off)") from e
    except (exc.GeocoderAuthenticationFailure, exc.GeocoderInsufficientPrivileges) as e:
        raise ForbiddenError(where, f"the geocoder refuses this account ({e}); check GEO_GEONAMES_USERNAME") from e
    except exc.GeocoderQuotaExceeded as e:
        raise FetchError(where, f"the geocoder's quota is used up ({e}); try again later", status=429) from e
    except exc.GeopyError as e:
        raise FetchError(where, f"the geocoder failed ({e})") from e
    return [loc.raw for loc in (found or []) if loc is not None]
