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
