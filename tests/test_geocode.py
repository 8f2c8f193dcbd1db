"""Suggestions from online geocoders through geopy, end to end against a local server on 127.0.0.1 that
answers like Nominatim (/search) and GeoNames' web service (/searchJSON): the requests geopy sends, the
rate limit (the server's clock), the cache in the store, the message when the server is down, and a
suggestion accepted from the review queue."""

from __future__ import annotations

import json
import socket
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from geo import pipeline
from geo.errors import ForbiddenError, GeoError, OfflineError
from geo.fetch import GeocoderSettings
from geo.store import Store

# GeoNames 692838: Starytsia, Kharkiv Oblast (the village the 19 June 2024 sample writes "Starytsya")
STARYTSIA = {"place_id": 1, "osm_type": "node", "osm_id": 337410364, "lat": "50.24047", "lon": "36.79312",
             "name": "Starytsia", "display_name": "Starytsia, Vovchansk Hromada, Chuhuiv Raion, Kharkiv Oblast, Ukraine",
             "addresstype": "village", "address": {"village": "Starytsia", "state": "Kharkiv Oblast", "country": "Ukraine",
                                                   "country_code": "ua"}}
ELSEWHERE = {"place_id": 2, "osm_type": "node", "osm_id": 2, "lat": "50.0", "lon": "20.0", "name": "Starytsia",
             "display_name": "Starytsia, Lesser Poland, Poland", "address": {"state": "Lesser Poland", "country_code": "pl"}}
NOMINATIM = {"Starytsya": [STARYTSIA, ELSEWHERE]}
GEONAMES = {"Starytsya": [{"geonameId": 692838, "name": "Starytsia", "toponymName": "Starytsia", "lat": "50.24047",
                           "lng": "36.79312", "countryCode": "UA", "countryName": "Ukraine", "adminName1": "Kharkiv",
                           "fcode": "PPL"}]}


@contextmanager
def geocoder_server(nominatim: dict | None = None):
    """A local server answering like Nominatim (`nominatim`: query -> results, default NOMINATIM) and GeoNames;
    yields (base URL, list of requests seen)."""
    seen: list[dict] = []
    answers = NOMINATIM if nominatim is None else nominatim

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the http.server API
            url = urlsplit(self.path)
            query = parse_qs(url.query)
            seen.append({"at": time.monotonic(), "path": url.path, "query": query, "agent": self.headers.get("User-Agent", "")})
            q = (query.get("q") or [""])[0]
            if url.path == "/search":
                body = answers.get(q, [])
            elif url.path == "/searchJSON":
                if query.get("username") == ["disabled"]:
                    body = {"status": {"message": "user account not enabled to use the free webservice", "value": 10}}
                else:
                    body = {"totalResultsCount": len(GEONAMES.get(q, [])), "geonames": GEONAMES.get(q, [])}
            else:
                self.send_error(404)
                return
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture()
def store(tmp_path, embedded_gazetteer):
    with pipeline.ensure_sample_store(tmp_path / "claims.sqlite", embedded_gazetteer) as s:
        yield s


def test_off_by_default_and_settings_checked(store):
    assert GeocoderSettings.from_env({}) is None and GeocoderSettings.from_env({"GEO_GEOCODER": "off"}) is None
    with pytest.raises(GeoError, match="GEO_GEOCODER"):
        pipeline.ask_geocoder(store, "Starytsya", GeocoderSettings.from_env({}))
    with pytest.raises(GeoError, match="not one of nominatim, geonames"):
        GeocoderSettings.from_env({"GEO_GEOCODER": "bing"})
    with pytest.raises(GeoError, match="GEO_GEONAMES_USERNAME"):
        GeocoderSettings.from_env({"GEO_GEOCODER": "geonames"})
    with pytest.raises(GeoError, match="http"):
        GeocoderSettings.from_env({"GEO_GEOCODER": "nominatim", "GEO_GEOCODER_URL": "file:///etc/passwd"})
    s = GeocoderSettings.from_env({"GEO_GEOCODER": "Nominatim"})
    assert s.service == "nominatim" and s.min_delay == 1.0 and s.address == "https://nominatim.openstreetmap.org"


def test_nominatim_is_asked_at_one_request_a_second_and_once_per_name(store, tmp_path):
    with geocoder_server() as (url, seen):
        settings = GeocoderSettings.from_env({"GEO_GEOCODER": "nominatim", "GEO_GEOCODER_URL": url})
        found = pipeline.ask_geocoder(store, "Starytsya", settings)
        assert [(s.name, s.region, s.country, s.lat, s.lon) for s in found] == [
            ("Starytsia", "Kharkiv Oblast", "UA", 50.24047, 36.79312)]  # the place in Poland is dropped
        assert pipeline.ask_geocoder(store, "Nowhereivka", settings) == []
        pipeline.ask_geocoder(store, "Otherivka", settings)
        assert len(seen) == 3
        gaps = [b["at"] - a["at"] for a, b in zip(seen, seen[1:])]
        assert min(gaps) >= 0.95, gaps  # the RateLimiter held Nominatim's policy of one request a second
        first = seen[0]
        assert first["path"] == "/search" and first["query"]["q"] == ["Starytsya"]
        assert first["query"]["countrycodes"] == ["ua,ru"] and first["query"]["addressdetails"] == ["1"]
        assert first["query"]["format"] == ["json"]
        assert "frontline-claims" in first["agent"]

        again = pipeline.ask_geocoder(store, "Starytsya", settings)  # cached: the server is not asked again
        assert again == found and len(seen) == 3
        with Store(store.path) as reopened:
            assert pipeline.ask_geocoder(reopened, " Starytsya ", settings) == found
            assert pipeline.ask_geocoder(reopened, "Nowhereivka", settings) == []  # "knows none" is cached too
        assert len(seen) == 3


def test_geonames_web_service_with_a_username(store):
    with geocoder_server() as (url, seen):
        settings = GeocoderSettings("geonames", url=url, username="analyst1", min_delay=0.2)
        found = pipeline.ask_geocoder(store, "Starytsya", settings)
        assert [(s.name, s.geonameid, s.region, s.country) for s in found] == [("Starytsia", 692838, "Kharkiv", "UA")]
        query = seen[0]["query"]
        assert seen[0]["path"] == "/searchJSON" and query["username"] == ["analyst1"] and query["country"] == ["UA", "RU"]
        refused = GeocoderSettings("geonames", url=url, username="disabled", min_delay=0.2)
        with pytest.raises(ForbiddenError, match="refuses this account"):
            pipeline.ask_geocoder(store, "Otherivka", refused)
        assert store.geocoder_answer("geonames", "Otherivka") is None


def test_server_down_says_so_and_caches_nothing(store):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = GeocoderSettings("nominatim", url=f"http://127.0.0.1:{port}", timeout=2)
    with pytest.raises(OfflineError) as e:
        pipeline.ask_geocoder(store, "Starytsya", settings)
    assert "cannot reach the geocoder" in str(e.value) and f"127.0.0.1:{port}" in str(e.value)
    assert "GEO_GEOCODER_URL" in str(e.value)
    assert store.geocoder_answer("nominatim", "Starytsya") is None


def test_a_suggestion_is_listed_and_places_the_claim_only_when_accepted(store, embedded_gazetteer, monkeypatch):
    with geocoder_server() as (url, seen):
        monkeypatch.setenv("GEO_GEOCODER", "nominatim")
        monkeypatch.setenv("GEO_GEOCODER_URL", url)
        pipeline.ask_geocoder(store, "Starytsya")
    rows = [r for r in store.claim_rows() if r["place"] == "Starytsya"]
    assert rows and all(r["lat"] is None for r in rows)  # asking placed nothing
    item = next(i for i in pipeline.review_queue(store, embedded_gazetteer) if i.place == "Starytsya")
    suggestion = next(o for o in item.options if o.source == "nominatim")
    assert suggestion.admin1 == "Kharkiv Oblast" and "Vovchansk" in suggestion.label
    pipeline.accept_option(store, embedded_gazetteer, item, suggestion, who="A. Analyst")
    rows = [r for r in store.claim_rows() if r["place"] == "Starytsya"]
    assert rows and all((r["lat"], r["lon"], r["admin1"]) == (50.24047, 36.79312, "Kharkiv Oblast") for r in rows)
    added = next(c for c in store.corrections() if c["action"] == "add")
    assert "nominatim" in added["note"] and added["who"] == "A. Analyst"
