"""Bad files, as an attacker or an unlucky download would hand them over: each is one error naming it, the
run goes on to the next file, and nothing half-read is stored."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from geo.pipeline import ingest
from geo.read import reports as readers
from geo.read.reports import read_bytes
from geo.store import Store
from tests.conftest import ROOT

CSV_GZ = "corpus/isw/team1dsnaukma_Alarm_Predictor/isw.csv.gz"
ROW = "June 20, 2024\n\nKey Takeaways:\n\nRussian forces recently advanced near Chasiv Yar.\n"


@pytest.fixture()
def folder(tmp_path, sample_dir):
    """The two sample reports, each after a hostile file in name order."""
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(sample_dir / "2024-06-18.txt", d / "b-2024-06-18.txt")
    shutil.copy(sample_dir / "2024-06-19.txt", d / "d-2024-06-19.txt")
    return d


HOSTILE = {
    "a-date-1e20.json": json.dumps([{"date": 1e20, "content": "Key Takeaways\nRussian forces attacked near Kupyansk."}]).encode(),
    "a-date-nan.json": b'[{"date": NaN, "content": "June 20, 2024, Key Takeaways"}]',
    "a-date-inf.json": b'[{"timestamp": -Infinity, "text": "Key Takeaways"}]',
    "c-deep.json": b"[" * 100_000,
    "c-deep-object.json": b'{"reports": ' + b'{"a": ' * 50_000 + b"1" + b"}" * 50_000 + b"}",
    "c-binary.txt": b"\x00\x01\x02\xff",
    "c-latin1.txt": "Key Takeaways, June 20, 2024: Kupiansk - près de".encode("latin-1"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_one_hostile_file_is_one_error_and_the_good_ones_go_in(folder, tmp_path, embedded_gazetteer, name):
    (folder / name).write_bytes(HOSTILE[name])
    with Store(tmp_path / "s.sqlite") as store:
        result = ingest(store, [folder], embedded_gazetteer, progress=False)
        assert result.added == 2, result
        assert len(result.errors) == 1 and name in result.errors[0], result.errors
        assert "Traceback" not in result.errors[0]


def test_a_file_name_with_undecodable_bytes(tmp_path, sample_dir, embedded_gazetteer):
    folder = os.fsencode(tmp_path / "in")
    os.mkdir(folder)
    with open(os.path.join(folder, b"report-\xff\xfe.txt"), "wb") as f:
        f.write((sample_dir / "2024-06-18.txt").read_bytes())
    with open(os.path.join(folder, b"empty-\xff.txt"), "wb") as f:
        f.write(b"")
    with Store(tmp_path / "s.sqlite") as store:
        result = ingest(store, [tmp_path / "in"], embedded_gazetteer, progress=False)
        assert result.added == 1 and len(result.errors) == 1 and "empty-\ufffd.txt" in result.errors[0]
        (source,) = [r["source"] for r in store.reports()]
        assert source.startswith("https://") or "report-\ufffd\ufffd.txt" in source
    result.errors[0].encode("utf-8")  # printable


def test_a_gzip_bomb_is_refused_without_expanding_it(folder, tmp_path, embedded_gazetteer, monkeypatch):
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 8 * 2**20)
    bomb = gzip.compress(b"\n" * (64 * 2**20), compresslevel=9)  # 64 MB of newlines in ~64 KB
    assert len(bomb) < 2**20
    (folder / "a-bomb.txt.gz").write_bytes(bomb)
    (folder / "c-truncated.csv.gz").write_bytes(gzip.compress(ROW.encode())[:-12])
    with Store(tmp_path / "s.sqlite") as store:
        result = ingest(store, [folder], embedded_gazetteer, progress=False)
    assert result.added == 2
    assert any("a-bomb.txt.gz" in e and "expands to more than 8 MB" in e for e in result.errors), result.errors
    assert any("c-truncated.csv.gz" in e and "damaged gzip" in e for e in result.errors), result.errors


def test_a_file_over_the_size_cap_is_refused_before_reading(folder, tmp_path, embedded_gazetteer, monkeypatch):
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 2**20)
    with open(folder / "a-huge.txt", "wb") as f:
        f.truncate(5 * 2**20)  # sparse: costs no disk
    with Store(tmp_path / "s.sqlite") as store:
        result = ingest(store, [folder], embedded_gazetteer, progress=False)
    assert result.added == 2 and len(result.errors) == 1 and "a-huge.txt: is 5 MB, more than a report file may be" in result.errors[0]


def test_a_csv_archive_with_one_unclosed_quote_loses_only_that_row(shared):
    text = gzip.decompress((shared / CSV_GZ).read_bytes()).decode("utf-8")
    lines = text.split("\n")
    # the 11th report's closing quote removed: a CSV parser reads on into every later row
    starts = [i for i, line in enumerate(lines) if line[:2].isdigit() and line[10:12] == ',"']
    end = starts[11] - 1
    while not lines[end].rstrip("\r").endswith('"'):
        end -= 1
    lines[end] = lines[end].rstrip("\r")[:-1]
    problems = []
    found = read_bytes("\n".join(lines).encode(), "isw.csv", problems)
    assert len(found) == 227
    (problem,) = problems
    assert problem.source.startswith("isw.csv#") and "quote that is never closed" in str(problem)
    assert lines[starts[10]][:10] in str(problem)


def test_an_unreadable_folder_is_reported(request, sample_dir):
    """Run as another user, as root reads any folder."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("needs root and setpriv to run the reader as an unprivileged user")
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="geo-tree-", dir="/tmp"))
    request.addfinalizer(lambda: shutil.rmtree(root, ignore_errors=True))
    (root / "locked").mkdir(parents=True)
    shutil.copy(sample_dir / "2024-06-18.txt", root / "a.txt")
    (root / "locked").chmod(0)
    root.chmod(0o755)
    code = ("import sys; from geo.read.reports import iter_paths; p = []; "
            f"files = iter_paths([{str(root)!r}], problems=p); print(len(files)); print(p[0])")
    out = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c", code],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    count, message = out.stdout.splitlines()
    assert count == "1" and "locked: folder cannot be read (Permission denied)" in message


# -- plausible input -------------------------------------------------------------------------------


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_a_report_dated_outside_the_war_is_refused_unless_forced(tmp_path, sample_dir, embedded_gazetteer):
    text = (sample_dir / "2024-06-18.txt").read_text(encoding="utf-8")
    future = _write(tmp_path / "future.txt", text.replace("June 18, 2024", "June 18, 2099"))
    past = _write(tmp_path / "past.txt", text.replace("June 18, 2024", "June 18, 2021"))
    with Store(tmp_path / "s.sqlite") as store:
        result = ingest(store, [future, past], embedded_gazetteer, progress=False)
        assert result.added == 0 and len(result.errors) == 2
        assert "dated 2099-06-18, outside 2022-02-24" in result.errors[0] and "--force" in result.errors[0]
        forced = ingest(store, [future], embedded_gazetteer, progress=False, force=True)
        assert forced.added == 1 and store.report_dates()[-1].year == 2099


def test_a_page_that_is_not_an_isw_assessment_is_refused_unless_asked(tmp_path, embedded_gazetteer):
    news = _write(tmp_path / "local-news.txt", "June 18, 2024\n\nLocal news: a new bakery opened downtown.\n\n"
                  "Russian forces attacked near Kupyansk, residents said.\n")
    with Store(tmp_path / "s.sqlite") as store:
        result = ingest(store, [news], embedded_gazetteer, progress=False)
        assert result.added == 0 and "does not look like an ISW assessment" in result.errors[0]
        assert "--any-source" in result.errors[0]
        taken = ingest(store, [news], embedded_gazetteer, progress=False, any_source=True)
        assert taken.added == 1 and store.counts()["rows"] >= 1


def test_the_cli_flags(tmp_path, sample_dir):
    text = (sample_dir / "2024-06-18.txt").read_text(encoding="utf-8")
    future = _write(tmp_path / "future.txt", text.replace("June 18, 2024", "June 18, 2099"))
    env = {"PATH": "", "HOME": str(tmp_path), "GEO_GAZETTEER": ""}

    def geo(*args):
        return subprocess.run([sys.executable, "-m", "geo", "ingest", "--no-progress", "--store", tmp_path / "s.sqlite", *args],
                              capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)

    refused = geo(future)
    assert refused.returncode == 1 and "error: " in refused.stderr and "--force" in refused.stderr
    assert geo("--force", future).returncode == 0
