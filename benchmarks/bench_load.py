"""Many analysts at once: runs of the real dashboard driven over Streamlit's own websocket protocol (the
BackMsg / ForwardMsg protobufs of the installed streamlit package), as a browser tab drives them, with no
browser. One `streamlit run dashboard.py` on 127.0.0.1 over a store; for 1, 10 and 25 concurrent sessions
each session opens shared links (a random report date and window) one after another; a run is the time from
sending the rerun request to the server's `script_finished`.

usage: python benchmarks/bench_load.py [--store PATH] [--sessions 1,10,25] [--runs 4] [--days 10] [--processes 1]
                                      [--time-limit 120] [--cold]

--processes N serves the app as README "Serving a team" does: N Streamlit processes over the one store,
each session kept on one of them (sticky), as a reverse proxy would.

Sessions open views of the latest --days report days (a team following the news; 0 = any day) in the
windows day / 7 days / 30 days. The server's caches are warmed first with each of those views once, as a
running server has them after its first visitors; --cold leaves them empty (every run a first visit).

--store defaults to a store of every report in ../shared/corpus, built once into a temporary folder with
the full gazetteer when /tmp/index.sqlite exists (the embedded one otherwise). Bounded: at most --runs runs
per session and --time-limit seconds per level. Prints one summary line: median and p95 seconds per run
for each level, and the server's CPU seconds per run (from /proc). Target: 10 sessions at p95 <= 1.5 s.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
WINDOWS = ("day", "day", "7d", "30d")


def corpus_store(folder: Path) -> Path:
    store = folder / "corpus.sqlite"
    index = Path("/tmp/index.sqlite")
    cmd = [sys.executable, "-m", "geo", "ingest", "--no-progress", "--store", str(store), str(SHARED / "corpus" / "isw")]
    if index.is_file():
        cmd += ["--gazetteer", str(index)]
    subprocess.run(cmd, cwd=ROOT, check=False, capture_output=True)
    return store


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its reaped children, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def one_run(url: str, query: str, timeout: float = 60.0) -> float:
    """Open a session on `url` with `query` (a shared link), run the script once; seconds to script_finished."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ClientState_pb2 import ClientState
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.sync.client import connect

    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    with connect(ws_url, subprotocols=["streamlit"], open_timeout=timeout, max_size=None) as ws:
        msg = BackMsg(rerun_script=ClientState(query_string=query, page_script_hash=""))
        started = time.perf_counter()
        ws.send(msg.SerializeToString())
        end = started + timeout
        while True:
            fwd = ForwardMsg()
            fwd.ParseFromString(ws.recv(timeout=max(0.1, end - time.perf_counter())))
            if fwd.WhichOneof("type") == "script_finished":
                if fwd.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                    raise RuntimeError(f"script finished with status {fwd.script_finished} for ?{query}")
                return time.perf_counter() - started
            if fwd.WhichOneof("type") == "delta" and fwd.delta.new_element.WhichOneof("type") == "exception":
                raise RuntimeError(f"the script raised for ?{query}: {fwd.delta.new_element.exception.message[:200]}")


def level(urls: list[str], sessions: int, runs: int, dates: list[str], limit: float) -> list[float]:
    times: list[float] = []
    lock = threading.Lock()
    stop = time.monotonic() + limit
    errors: list[str] = []

    def session(seed: int) -> None:
        rnd = random.Random(seed)
        url = urls[seed % len(urls)]  # sticky: one session, one process
        for _ in range(runs):
            if time.monotonic() > stop:
                return
            query = f"date={rnd.choice(dates)}&window={rnd.choice(WINDOWS)}"
            try:
                took = one_run(url, query)
            except Exception as e:  # noqa: BLE001 - a failed run is reported, the others go on
                errors.append(f"{query}: {e}")
                return
            with lock:
                times.append(took)

    threads = [threading.Thread(target=session, args=(sessions * 1000 + i,)) for i in range(sessions)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(limit + 120)
    if errors:
        print(f"  {len(errors)} failed run(s), e.g. {errors[0]}", file=sys.stderr)
    return times


def main() -> int:
    from geo.map.browser import _wait_for_health, free_port

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--store", type=Path)
    p.add_argument("--sessions", default="1,10,25")
    p.add_argument("--runs", type=int, default=4, help="runs per session per level (default 4)")
    p.add_argument("--time-limit", type=float, default=120.0, help="seconds per level (default 120)")
    p.add_argument("--days", type=int, default=10, help="views of the latest N report days (default 10; 0: any day)")
    p.add_argument("--cold", action="store_true", help="do not warm the server's caches first")
    p.add_argument("--processes", type=int, default=1, help="Streamlit processes serving the sessions (default 1)")
    args = p.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-load-"))
    store = args.store or corpus_store(tmp)
    con = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    dates = [r[0] for r in con.execute("SELECT DISTINCT date FROM reports ORDER BY date")]
    n_rows = con.execute("SELECT COUNT(*) FROM claim_rows").fetchone()[0]
    con.close()
    env = {**os.environ, "GEO_STORE": str(store), "GEO_TILES_URL": "none"}
    servers, urls = [], []
    for _ in range(args.processes):
        port, log = free_port(), tempfile.TemporaryFile()
        servers.append((subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.headless", "true",
             "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT), log))
        urls.append(f"http://127.0.0.1:{port}")
    parts = []
    try:
        for (server, log), url in zip(servers, urls):
            _wait_for_health(url, server, log, 120)
        if args.days:
            dates = dates[-args.days:]
        for url in urls:
            for d in (dates[-1:] if args.cold else dates):  # warm the caches, as a running server has them
                for w in (("day",) if args.cold else sorted(set(WINDOWS))):
                    one_run(url, f"date={d}&window={w}")
        cpu_runs, cpu = 0, 0.0
        for n in [int(x) for x in args.sessions.split(",")]:
            before = sum(cpu_seconds(server.pid) for server, _ in servers)
            times = level(urls, n, args.runs, dates, args.time_limit)
            cpu += sum(cpu_seconds(server.pid) for server, _ in servers) - before
            cpu_runs += len(times)
            if not times:
                parts.append(f"{n} sessions: no run finished")
                continue
            q = statistics.quantiles(times, n=20) if len(times) > 1 else [times[0]] * 19
            parts.append(f"{n} session{'s' if n > 1 else ''}: median {statistics.median(times):.2f} s, p95 {q[18]:.2f} s "
                         f"({len(times)} runs)")
    finally:
        for server, _ in servers:
            server.terminate()
        for server, _ in servers:
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
    print(f"bench_load: {n_rows} claim rows, views of {len(dates)} report days, {'cold' if args.cold else 'warm'} caches, "
          f"{args.processes} process(es); "
          + "; ".join(parts)
          + f"; server CPU {cpu / max(cpu_runs, 1):.3f} s per run (target: 10 sessions p95 <= 1.5 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
