"""The one module that touches the network.

Plain urllib with a timeout on every call, retries with back-off for transient failures
(timeouts, 429, 5xx), an honest user agent, and HTTP statuses mapped to the error family
in one table.
"""

from __future__ import annotations

import hashlib
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


def _open(url: str, timeout: float, user_agent: str):
    req = urllib.request.Request(url, headers={"User-Agent": user_agent})
    return urllib.request.urlopen(req, timeout=timeout)  # noqa: S310 - http(s) URLs only, checked by caller


def _with_retries(url: str, action: Callable, retries: int, backoff: float):
    """Run `action()`, mapping failures to FetchError and retrying the transient ones."""
    attempt = 0
    while True:
        try:
            return action()
        except urllib.error.HTTPError as e:
            if e.code in TRANSIENT and attempt < retries:
                attempt += 1
                time.sleep(backoff * 2 ** (attempt - 1))
                continue
            cls = STATUS_ERRORS.get(e.code, FetchError)
            raise cls(url, f"HTTP {e.code} {e.reason}", status=e.code) from e
        except (TimeoutError, socket.timeout) as e:
            if attempt < retries:
                attempt += 1
                time.sleep(backoff * 2 ** (attempt - 1))
                continue
            raise FetchError(url, f"timed out after {retries + 1} attempts; try again later or raise --timeout") from e
        except urllib.error.URLError as e:
            if isinstance(e.reason, (TimeoutError, socket.timeout)) and attempt < retries:
                attempt += 1
                time.sleep(backoff * 2 ** (attempt - 1))
                continue
            raise OfflineError(url, f"cannot reach the server ({e.reason}); check the network or the base URL") from e


def _check_scheme(url: str) -> None:
    if not url.lower().startswith(("http://", "https://")):
        raise FetchError(url, "only http:// and https:// addresses can be fetched")


def get(url: str, *, timeout: float = 30.0, retries: int = 2, backoff: float = 1.0, user_agent: str = USER_AGENT) -> bytes:
    """Return the body at `url`; raise NotFoundError, ForbiddenError, OfflineError or FetchError."""
    _check_scheme(url)

    def action() -> bytes:
        with _open(url, timeout, user_agent) as resp:
            return resp.read()

    return _with_retries(url, action, retries, backoff)


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
