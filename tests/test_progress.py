"""Ingest progress is counted in reports, and is plain lines when stderr is not a terminal."""

from __future__ import annotations

import io


def test_progress_lines_count_reports_not_files():
    from geo.pipeline import ReportProgress

    out = io.StringIO()  # not a terminal
    counter = ReportProgress(files=2, show=True, every=0.0, stream=out)
    counter.file()
    for _ in range(3):  # an archive: three reports in one file
        counter.report()
    counter.file()
    counter.report()
    counter.close()
    lines = out.getvalue().splitlines()
    assert lines[-1] == "read: 4 reports, file 2 of 2"
    assert lines[:3] == ["ingesting: 1 report, file 1 of 2", "ingesting: 2 reports, file 1 of 2", "ingesting: 3 reports, file 1 of 2"]
    quiet = io.StringIO()
    silent = ReportProgress(files=2, show=False, every=0.0, stream=quiet)
    silent.file(), silent.report(), silent.close()
    assert quiet.getvalue() == ""


def test_ingest_prints_plain_report_counts_off_a_terminal(sample_dir, embedded_gazetteer, tmp_path, capsys):
    from geo.pipeline import ingest
    from geo.store import Store

    with Store(tmp_path / "claims.sqlite") as store:
        result = ingest(store, [sample_dir], embedded_gazetteer, progress=True)
    assert result.added == 2
    err = capsys.readouterr().err
    assert "read: 2 reports, file 2 of 2" in err and "\r" not in err  # plain lines, no bar redraws
