"""Hostile and broken servers on 127.0.0.1: each failure is one clear error for its day, the run goes on to the next
day, and nothing a server sends can hold the run for long or fill the memory."""

from __future__ import annotations

import datetime as dt
import socketserver
import threading
import time

import pytest

from geo import fetch
from geo.cli import main
from geo.errors import FetchError
from geo.read.daily import slug
from geo.store import Store

NEW_PAGE = "corpus/isw/bnow-net/roca-2026-06-30.html"


class Raw(socketserver.BaseRequestHandler):
    """Answers each path as `routes` says: bytes to send, or a callable writing to the socket."""

    routes: dict[str, object] = {}
    hits: dict[str, int] = {}

    def handle(self):
        head = b""
        while b"\r\n\r\n" not in head and len(head) < 65536:
            got = self.request.recv(4096)
            if not got:
                return
            head += got
        path = head.split(b" ", 2)[1].decode()
        Raw.hits[path] = Raw.hits.get(path, 0) + 1
        answer = Raw.routes.get(path, _status(404))
        try:
            if callable(answer):
                answer(self.request, Raw.hits[path])
            else:
                self.request.sendall(answer)
        except OSError:
            pass


def _status(code: int, body: bytes = b"", headers: str = "") -> bytes:
    return (f"HTTP/1.1 {code} X\r\nContent-Length: {len(body)}\r\nConnection: close\r\n{headers}\r\n").encode() + body


def _page(body: bytes) -> bytes:
    return _status(200, body, "Content-Type: text/html\r\n")


@pytest.fixture
def raw_server():
    Raw.routes, Raw.hits = {}, {}
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Raw)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _drip(sock, _):
    sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n")
    for _ in range(200):  # 100 bytes every 0.05 s: each read is quick, the whole would take 50 s
        sock.sendall(b"x" * 100)
        time.sleep(0.05)


def _endless(sock, _):
    sock.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
    block = b"x" * 65536
    for _ in range(200):
        sock.sendall(b"%x\r\n%s\r\n" % (len(block), block))


@pytest.mark.parametrize("route, message", [
    (b"SSH-2.0-OpenSSH_9.0\r\nnot http at all\r\n\r\n", "the server's answer was broken"),
    (b"", "the server's answer was broken"),  # closes without answering
    (b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + b"x" * 100, "the server's answer was broken"),  # drops mid-body
    (_status(200, b"", "").replace(b"Content-Length: 0", b"Content-Length: 700000000"), "668 MB, more than 64 MB"),
])
def test_a_broken_answer_is_a_fetch_error(raw_server, route, message):
    Raw.routes["/p"] = route
    with pytest.raises(FetchError, match=message):
        fetch.get(raw_server + "/p", timeout=5, retries=1, backoff=0)
    assert Raw.hits["/p"] == (1 if b"700000000" in route else 2)  # retried once, except a refused size


def test_a_body_over_the_cap_is_not_held(raw_server):
    Raw.routes["/endless"] = _endless
    with pytest.raises(FetchError, match="more than 1 MB"):
        fetch.get(raw_server + "/endless", timeout=5, retries=0, max_bytes=2**20)


def test_a_dripping_server_meets_the_overall_deadline(raw_server):
    Raw.routes["/drip"] = _drip
    with pytest.raises(FetchError, match="deadline"):  # each read is in time; the whole is not
        fetch.get(raw_server + "/drip", timeout=5, retries=0, deadline=1.0)


def test_retry_after_is_honoured(raw_server):
    Raw.routes["/busy"] = lambda sock, n: sock.sendall(_status(503, b"", "Retry-After: 7\r\n") if n == 1 else _page(b"ok"))
    waits: list[float] = []
    assert fetch.get(raw_server + "/busy", retries=2, backoff=0.01, sleep=waits.append) == b"ok"
    assert waits == [7.0]
    Raw.routes["/later"] = _status(429, b"", "Retry-After: 86400\r\n")
    with pytest.raises(FetchError, match="asks to wait 86400 s"):
        fetch.get(raw_server + "/later", retries=2, sleep=waits.append)
    assert waits == [7.0]  # a day is not waited for
    date = "Wed, 21 Oct 2015 07:28:00 GMT"
    assert fetch.retry_after(date, now=1445412480 - 30) == 30.0 and fetch.retry_after("soon") is None


def test_fetch_goes_on_after_a_broken_day_and_files_a_page_under_its_own_date(raw_server, tmp_path, capsys, shared):
    page = (shared / NEW_PAGE).read_bytes()
    new = lambda day: f"/research/russia-ukraine/{slug(day)}/"  # noqa: E731
    Raw.routes[new(dt.date(2026, 6, 5))] = b"garbage\r\n\r\n"
    Raw.routes[new(dt.date(2026, 6, 6))] = b"HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n<html>"
    Raw.routes[new(dt.date(2026, 6, 7))] = _page(page)  # the server's June 7 address holds the June 30 report
    argv = ["fetch", "--since", "2026-06-05", "--until", "2026-06-07", "--base-url", raw_server, "--mirror-url", "none",
            "--delay", "0", "--retries", "0", "--store", str(tmp_path / "s.sqlite"), "--raw-dir", str(tmp_path / "raw")]
    assert main(argv) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 2 and "2026-06-05" in errors[0] and "2026-06-06" in errors[1]
    assert "the server's answer was broken" in errors[0]
    assert "warning: 2026-06-07: the page at" in err and "is the assessment of 2026-06-30" in err
    with Store(tmp_path / "s.sqlite") as store:
        assert store.report_dates() == [dt.date(2026, 6, 30)]
