"""One error family. Every message says what went wrong and what the user can do about it."""

from __future__ import annotations


class GeoError(Exception):
    """Base class of every error this project raises on purpose."""


class ReportError(GeoError, ValueError):
    """A report file cannot be read: empty, binary, no date, unknown shape."""

    def __init__(self, source: str, problem: str):
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class GazetteerError(GeoError):
    """A gazetteer file or index is missing, truncated or malformed."""


class StoreError(GeoError):
    """The SQLite store cannot be opened or written."""


class FetchError(GeoError, ConnectionError):
    """A download failed. `status` is the HTTP status when there was one."""

    def __init__(self, url: str, problem: str, status: int | None = None):
        self.url = url
        self.status = status
        super().__init__(f"{url}: {problem}")


class NotFoundError(FetchError):
    """The server answered 404 or 410: there is nothing at that address."""


class ForbiddenError(FetchError, PermissionError):
    """The server answered 401 or 403: it refuses this client."""


class OfflineError(FetchError):
    """The server could not be reached at all (no network, DNS failure, refused)."""


class SnapshotError(GeoError):
    """A map snapshot could not be rendered (no browser, page never signalled ready)."""


class AssetError(GeoError):
    """A map needs a script or style sheet that has no local copy in geo/map/static (offline use)."""


class OverlayError(GeoError, ValueError):
    """A front-line / boundaries overlay file is not usable GeoJSON."""


class MapSettingsError(GeoError, ValueError):
    """A map setting (tile URL) is not usable."""
