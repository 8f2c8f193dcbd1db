"""Online geocoders' answers -> suggestions for a name the gazetteer lacks.

`geo.fetch.geocode` asks Nominatim or GeoNames' web service (through geopy) and returns the raw
results; the store caches them; this module turns them into `Suggestion`s, keeping only places in
Ukraine and Russia. A suggestion never places a claim by itself: the review queue lists it and an
analyst accepts it (which records an `add` override) or not.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

COUNTRIES = ("UA", "RU")  # where the reports' places are; answers elsewhere are dropped


@dataclass(frozen=True)
class Suggestion:
    """One place an online geocoder offers for a name."""

    service: str  # nominatim | geonames
    name: str  # the place's own name in the answer
    lat: float
    lon: float
    country: str  # ISO 3166 alpha-2
    region: str  # first-level region as the service writes it ("Donetsk Oblast", "Donetska oblast")
    label: str  # the service's full label ("Kurdiumivka, Bakhmut Raion, Donetsk Oblast, Ukraine")
    kind: str  # what the service says it is ("village", "PPL")
    ref: str = ""  # the service's id ("node/123", a GeoNames id)
    geonameid: int | None = None  # GeoNames' web service answers carry the GeoNames id


def _float(value) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def from_nominatim(raw: Iterable[dict]) -> list[Suggestion]:
    """Nominatim search results (`addressdetails=1`, as `geo.fetch.geocode` asks) -> suggestions in UA/RU."""
    out = []
    for r in raw or ():
        if not isinstance(r, dict):
            continue
        lat, lon = _float(r.get("lat")), _float(r.get("lon"))
        address = r.get("address") if isinstance(r.get("address"), dict) else {}
        country = str(address.get("country_code") or "").upper()
        if lat is None or lon is None or country not in COUNTRIES:
            continue
        label = str(r.get("display_name") or "")
        name = str(r.get("name") or label.split(",")[0]).strip()
        region = str(address.get("state") or address.get("region") or "")
        kind = str(r.get("addresstype") or r.get("type") or "")
        ref = f"{r.get('osm_type', '')}/{r.get('osm_id', '')}".strip("/")
        out.append(Suggestion("nominatim", name, lat, lon, country, region, label, kind, ref))
    return out


def from_geonames(raw: Iterable[dict]) -> list[Suggestion]:
    """GeoNames `searchJSON` records -> suggestions in UA/RU."""
    out = []
    for r in raw or ():
        if not isinstance(r, dict):
            continue
        lat, lon = _float(r.get("lat")), _float(r.get("lng"))
        country = str(r.get("countryCode") or "").upper()
        if lat is None or lon is None or country not in COUNTRIES:
            continue
        name = str(r.get("name") or r.get("toponymName") or "").strip()
        region = str(r.get("adminName1") or "")
        label = ", ".join(x for x in (name, region, str(r.get("countryName") or "")) if x)
        try:
            gid = int(r["geonameId"]) if r.get("geonameId") is not None else None
        except (TypeError, ValueError):
            gid = None
        out.append(Suggestion("geonames", name, lat, lon, country, region, label, str(r.get("fcode") or ""),
                              str(gid or ""), gid))
    return out


def suggestions(service: str, raw: Iterable[dict]) -> list[Suggestion]:
    """The suggestions in a cached answer of `service`."""
    return from_geonames(raw) if service == "geonames" else from_nominatim(raw)
