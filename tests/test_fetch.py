"""Daily fetch against a local HTTP server (127.0.0.1) serving the real corpus pages; never the internet."""

from __future__ import annotations

import datetime as dt
import http.server
import shutil
import threading

import pytest

from geo.cli import main
from geo.read.daily import Pacer, candidate_urls, days_between, fetch_days, save_raw, slug
from geo.store import Store

NEW_PAGE = "corpus/isw/bnow-net/roca-2026-06-30.html"
OLD_PAGE = "corpus/isw/mar4enkom_alarm-prediction-model-saas/May-5-2023.html"


class Handler(http.server.SimpleHTTPRequestHandler):
    forbidden: set[str] = set()
    flaky: dict[str, int] = {}
    seen: list[tuple[str, str]] = []

    def do_GET(self):  # noqa: N802 - http.server's name
        Handler.seen.append((self.path, self.headers.get("User-Agent", "")))
        if self.path in self.forbidden:
            self.send_error(403, "Forbidden")
            return
        if Handler.flaky.get(self.path, 0) > 0:
            Handler.flaky[self.path] -= 1
            self.send_error(503, "Service Unavailable")
            return
        super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture
def server(tmp_path, shared):
    """A site root with the 2026 page at its new-site address and the 2023 page at the mirror's."""
    root = tmp_path / "www"
    new = root / "research" / "russia-ukraine" / slug(dt.date(2026, 6, 30))
    new.mkdir(parents=True)
    shutil.copyfile(shared / NEW_PAGE, new / "index.html")
    mirror = root / "mirror" / "analysis"
    mirror.mkdir(parents=True)
    shutil.copyfile(shared / OLD_PAGE, mirror / slug(dt.date(2023, 5, 5)))
    Handler.forbidden, Handler.flaky, Handler.seen = set(), {}, []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: Handler(*a, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_candidate_urls_both_eras_and_mirror():
    new = candidate_urls(dt.date(2026, 6, 30), "https://understandingwar.org", "https://www.criticalthreats.org")
    assert new == [
        "https://understandingwar.org/research/russia-ukraine/russian-offensive-campaign-assessment-june-30-2026/",
        "https://understandingwar.org/backgrounder/russian-offensive-campaign-assessment-june-30-2026",
        "https://www.criticalthreats.org/analysis/russian-offensive-campaign-assessment-june-30-2026",
    ]
    old = candidate_urls(dt.date(2023, 5, 5), "https://understandingwar.org/", None)
    assert old[0] == "https://understandingwar.org/backgrounder/russian-offensive-campaign-assessment-may-5-2023"
    assert len(old) == 2


def test_pacer_waits_between_requests():
    now = [100.0]
    slept: list[float] = []

    def sleep(s):
        slept.append(s)
        now[0] += s

    p = Pacer(5.0, sleep=sleep, clock=lambda: now[0])
    p.wait()
    now[0] += 1.5
    p.wait()
    p.wait()
    assert slept == [pytest.approx(3.5), pytest.approx(5.0)]


def test_save_raw_is_atomic_and_named_by_day(tmp_path):
    path = save_raw(tmp_path / "raw", dt.date(2026, 6, 30), b"<html>x</html>")
    assert path.name == "isw-2026-06-30.html" and path.read_bytes() == b"<html>x</html>"
    assert [p.name for p in (tmp_path / "raw").iterdir()] == ["isw-2026-06-30.html"]


def test_fetch_days_skips_stored_and_reports_each_day(server, tmp_path, shared):
    Handler.forbidden = {"/research/russia-ukraine/" + slug(dt.date(2026, 6, 29)) + "/"}
    days = days_between(dt.date(2026, 6, 27), dt.date(2026, 6, 30))
    results = list(fetch_days(days, tmp_path / "raw", stored={dt.date(2026, 6, 27)}, base_url=server,
                              mirror_url=server + "/mirror", delay=0))
    assert [r.outcome for r in results] == ["stored", "missing", "forbidden", "fetched"]
    assert results[3].raw.read_bytes() == (shared / NEW_PAGE).read_bytes()
    assert results[3].url.endswith("/research/russia-ukraine/russian-offensive-campaign-assessment-june-30-2026/")
    assert "403" in results[2].message and "save the page from a browser" in results[2].message
    assert "no report found" in results[1].message and len(results[1].tried) == 3
    assert all(ua.startswith("frontline-claims/") for _, ua in Handler.seen)  # identifies itself


def test_mirror_fallback_and_transient_retry(server, tmp_path):
    old = "/backgrounder/" + slug(dt.date(2023, 5, 5))
    Handler.forbidden = {old}
    Handler.flaky = {"/mirror/analysis/" + slug(dt.date(2023, 5, 5)): 1}  # one 503, then the page
    (res,) = fetch_days([dt.date(2023, 5, 5)], tmp_path / "raw", base_url=server, mirror_url=server + "/mirror", delay=0)
    assert res.outcome == "fetched" and res.url.startswith(server + "/mirror/")
    assert res.raw.name == "isw-2023-05-05.html"


def test_fetch_cli_three_days_one_ingested_two_clear_messages(server, tmp_path, capsys):
    """2026-06-28 missing everywhere, 2026-06-29 refused with 403, 2026-06-30 served: one report in, exit 1."""
    Handler.forbidden = {"/research/russia-ukraine/" + slug(dt.date(2026, 6, 29)) + "/",
                         "/backgrounder/" + slug(dt.date(2026, 6, 29))}
    store_path, raw = tmp_path / "store.sqlite", tmp_path / "raw"
    argv = ["fetch", "--since", "2026-06-28", "--until", "2026-06-30", "--base-url", server, "--mirror-url",
            server + "/mirror", "--delay", "0", "--retries", "0", "--store", str(store_path), "--raw-dir", str(raw)]
    assert main(argv) == 1
    out, err = capsys.readouterr()
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert "2026-06-28: no report found" in errors[0]
    assert "2026-06-29: refused by the server" in errors[1] and "HTTP 403" in errors[1]
    assert "2026-06-30: fetched" in out and "ingested 1 report(s)" in out
    assert [p.name for p in raw.iterdir()] == ["isw-2026-06-30.html"]  # raw page kept for replay
    with Store(store_path) as store:
        assert store.report_dates() == [dt.date(2026, 6, 30)]
        (report,) = store.reports()
        assert report["url"].endswith("russian-offensive-campaign-assessment-june-30-2026/")
        assert report["n_rows"] > 0

    # Second run: the stored day is skipped without a request; the other two fail again.
    Handler.seen = []
    assert main(argv) == 1
    out, _ = capsys.readouterr()
    assert "2026-06-30: already in the store" in out
    assert not any("june-30" in path for path, _ in Handler.seen)


def test_fetch_cli_everything_fetched_exits_zero(server, tmp_path, capsys):
    argv = ["fetch", "--since", "2026-06-30", "--until", "2026-06-30", "--base-url", server, "--mirror-url", "none",
            "--delay", "0", "--store", str(tmp_path / "s.sqlite"), "--raw-dir", str(tmp_path / "raw")]
    assert main(argv) == 0
    assert "1 fetched, 1 ingested" in capsys.readouterr().out


def test_fetch_cli_help_has_example(capsys):
    with pytest.raises(SystemExit):
        main(["fetch", "--help"])
    assert "example:" in capsys.readouterr().out
