"""Charts drawn in worker processes are byte-identical to charts drawn in-process."""

from __future__ import annotations

import io
import os
import time

import pytest
from reporting_fixture import make_results
from reportlab.pdfgen.canvas import Canvas

from workbench.errors import ReportError
from workbench.reporting import ReportOptions
from workbench.reporting.chart_pool import ChartPool, render, render_all
from workbench.reporting.context import build_context
from workbench.reporting.pdfa import pdfa_finding, raise_if_not_pdfa
from workbench.reporting.story import charted_criteria
from workbench.reporting.views import build_views


@pytest.mark.slow
def test_pool_and_in_process_give_the_same_images(monkeypatch):
    r = make_results()
    ctx = build_context(r, ReportOptions())
    views = build_views(r.publishable(), ctx)
    jobs = {
        k: (v.chart, [(lbl, c) for _d, lbl, _t, c in v.disaggregations], 6.5, "Total", False, "en")
        for k, v in list(views.items())[:12]
    }
    monkeypatch.setenv("WORKBENCH_CHART_WORKERS", "2")
    pooled = render_all(jobs)
    assert list(pooled) == list(jobs)
    for k in ("hh_size", "food_insecure"):
        if k in jobs:
            assert pooled[k] == render(jobs[k])
    assert all(img[:2] == b"\xff\xd8" for img in pooled.values())  # JPEG


def _pid(_job: object) -> int:
    time.sleep(0.05)  # long enough for a worker to take jobs while this process draws too
    return os.getpid()


@pytest.mark.slow
def test_workers_start_beside_the_caller_and_share_the_jobs(monkeypatch):
    """The pool starts in a thread (the caller is not held up by the forkserver's imports);
    once it is up, the workers and the caller each draw some of the jobs, and every job is
    drawn once, in the jobs' order."""
    monkeypatch.setenv("WORKBENCH_CHART_WORKERS", "2")
    t = time.perf_counter()
    with ChartPool(40) as pool:
        started = time.perf_counter() - t
        assert pool._ready() is not None
        pids = pool._run(_pid, {i: None for i in range(40)})  # type: ignore[arg-type]
    assert started < 0.5  # the constructor only starts the thread
    assert list(pids) == list(range(40))
    assert os.getpid() in pids.values() and len(set(pids.values())) == 2


@pytest.mark.slow
def test_the_pdfa_check_runs_in_a_worker_with_the_same_verdict(monkeypatch):
    """The finished PDF is checked as PDF/A in a worker while the caller goes on: a file that
    is not PDF/A gets the same finding there as here, and the report then stops."""
    buf = io.BytesIO()
    canvas = Canvas(buf)
    canvas.drawString(100, 100, "not PDF/A: no output intent, no XMP identification")
    canvas.save()
    plain = buf.getvalue()
    monkeypatch.setenv("WORKBENCH_CHART_WORKERS", "2")
    with ChartPool(40) as pool:
        assert pool._ready() is not None
        checked = pool.later(pdfa_finding, plain)
        here = pdfa_finding(plain)
        assert here is not None and checked() == here
    with pytest.raises(ReportError) as err:
        raise_if_not_pdfa(here)
    assert err.value.code == "report.pdfa_failed"


def test_only_the_charts_of_the_chosen_sections_are_drawn():
    """Every indicator of the default report is charted by one of its sections; a report
    without the indicator sections draws no indicator chart, one with the criteria only draws
    theirs."""
    r = make_results()
    views = build_views(r.publishable(), build_context(r, ReportOptions()))
    criteria = {v.info.criterion for v in views.values()}
    assert criteria <= charted_criteria(ReportOptions().sections)
    assert charted_criteria(("summary", "methodology", "validation")) == set()
    assert charted_criteria(("summary", "criteria")) == set("12345678")


def _content(data: bytes) -> object:
    """A file's content without the time a workbook was made (its docProps/core.xml)."""
    import zipfile

    if data[:2] != b"PK":
        return data
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


@pytest.mark.slow
def test_the_annex_made_in_a_worker_equals_the_one_made_here(monkeypatch, tmp_path):
    """The report hands the annex to a chart worker while it lays out the PDF (the second
    core is idle then): the files are the same bytes as made in this process."""
    from workbench.reporting.build import _annex_files, gate

    r = make_results()
    ctx, _views, validation = gate(r, ReportOptions(), None)
    path = tmp_path / "annex.xlsx"
    monkeypatch.setenv("WORKBENCH_CHART_WORKERS", "2")
    with ChartPool(40) as pool:
        assert pool._ready() is not None
        there = pool.later(_annex_files, r, ctx, path, True, validation)()
    here = _annex_files(r, ctx, path, True, validation)
    assert [f.path for f in there] == [f.path for f in here] and len(here) > 1
    assert [_content(f.data) for f in there] == [_content(f.data) for f in here]


def test_a_chart_is_drawn_once_for_the_pdf_and_the_word_files(monkeypatch):
    """Drawing is most of a chart's cost: the PDF's JPEG is the print drawing scaled down,
    not a second drawing; each image has its own resolution."""
    from matplotlib.figure import Figure
    from PIL import Image

    from workbench.reporting.charts import DPI, PRINT_DPI, chart_figure, encode_pair

    r = make_results()
    ctx = build_context(r, ReportOptions())
    v = next(iter(build_views(r.publishable(), ctx).values()))
    fig = chart_figure(v.chart, [(lbl, c) for _d, lbl, _t, c in v.disaggregations], 6.5,
                       "Total", False, "en")  # fmt: skip
    draws = []
    real = Figure.draw
    monkeypatch.setattr(
        Figure, "draw", lambda self, renderer: draws.append(1) or real(self, renderer)
    )
    screen, printed = encode_pair(fig)
    assert len(draws) == 1
    jpeg, png = Image.open(io.BytesIO(screen)), Image.open(io.BytesIO(printed))
    assert jpeg.format == "JPEG" and png.format == "PNG" and png.mode == "RGB"
    assert jpeg.size == (int(fig.get_figwidth() * DPI), int(fig.get_figheight() * DPI))
    assert png.size == (int(fig.get_figwidth() * PRINT_DPI), int(fig.get_figheight() * PRINT_DPI))
    assert round(png.info["dpi"][0]) == PRINT_DPI


@pytest.mark.slow
def test_the_briefing_made_in_a_worker_equals_the_one_made_here(monkeypatch, tmp_path):
    """The briefing (PDF + Word) is made in a chart worker while this process lays out the
    Word report and the PDF: the same files as when everything is made here."""
    from workbench.reporting.build import render_report

    r = make_results()
    later = []
    real = ChartPool.later

    def spy(self, fn, *args):
        later.append(fn.__name__)
        return real(self, fn, *args)

    monkeypatch.setattr(ChartPool, "later", spy)

    def briefings(workers: str) -> list[object]:
        monkeypatch.setenv("WORKBENCH_CHART_WORKERS", workers)
        paths = (tmp_path / "b.pdf", tmp_path / "b.docx")
        opts = ReportOptions(
            briefing_paths=paths, annex_paths=(tmp_path / "a.xlsx",),
            fixed_timestamp="2026-12-07T06:00:00+00:00",
        )  # fmt: skip
        files = render_report(r, tmp_path / "r.pdf", opts)
        return [_content(f.data) for f in files if f.path in paths]

    there = briefings("2")
    assert "_briefing_files" in later and "_annex_files" in later
    later.clear()
    here = briefings("1")
    assert "_briefing_files" not in later
    assert len(there) == 2 and there == here
