"""The report's other outputs, made after the gate passed and from what it checked: the Word
report (the PDF's story, rendered by ``docx_render.py``) and the briefing (PDF and Word, from
``briefing.py``'s view model). Each Word file is read back and checked (``docx_check.py``)
before anything is written; every file goes out through the one export writer with the PDF."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from workbench.errors import ReportError
from workbench.export_writer import OutFile
from workbench.languages import is_rtl
from workbench.progress import CancelToken, check_cancel
from workbench.reporting.chart_pool import render_all
from workbench.reporting.charts import print_raster
from workbench.reporting.context import ReportContext
from workbench.reporting.docx_check import check_docx
from workbench.reporting.docx_render import DocxMeta, render_docx
from workbench.reporting.i18n import Translator
from workbench.reporting.options import ReportOptions
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_text import Styles
from workbench.reporting.validation import Validation, raise_if_errors
from workbench.reporting.views import IndicatorView
from workbench.stats.results import AnalysisResults


@dataclass
class ReportRun:
    """One report being written: what the gate checked and the PDF was laid out from."""

    results: AnalysisResults  # as stored (its snapshot holds the run's words)
    pub: AnalysisResults  # publishable copy: the only numbers any output reads
    ctx: ReportContext
    views: dict[str, IndicatorView]
    validation: Validation
    options: ReportOptions
    results_hash: str
    when: datetime
    styles: Styles
    #: the PDF's text width in points (charts and tables keep their proportions in Word)
    width: float
    rounds: Any = None  # publishable RoundsResults of a rounds run, else None
    cancel: CancelToken | None = None
    #: the indicator charts as print-quality PNG (drawn with the PDF's: ``render_all_pairs``)
    print_charts: dict[str, bytes] | None = None

    @property
    def tr(self) -> Translator:
        return Translator(self.ctx.language)

    def builder(self) -> Builder:
        return Builder(self.ctx, self.options, self.styles, self.width, self.pub)

    def meta(self, title: str, subject: str) -> DocxMeta:
        ctx = self.ctx
        return DocxMeta(
            language=ctx.language, page_size=self.options.page_size, title=title,
            author=ctx.office or "Durable Solutions Workbench", subject=subject,
            keywords=f"results-sha256:{self.results_hash}", when=self.when,
            footer_note=f"{ctx.plan_name} v{ctx.plan_version} · {self.results_hash[:12]}",
            page_template=self.tr("page_x_of_y", page="{page}", pages="{pages}"),
        )  # fmt: skip


def _checked_docx(run: ReportRun, flowables: list[Any], title: str, subject: str) -> bytes:
    data = render_docx(flowables, run.meta(title, subject))
    raise_if_errors(check_docx(data, flowables, run.ctx, run.results.snapshot))
    return data


def report_docx(run: ReportRun) -> bytes:
    """The Word report: the same story as the PDF, charts drawn again as print-quality PNG."""
    from workbench.progress import NULL_PROGRESS
    from workbench.reporting.story import StoryPart, story

    with print_raster():
        b = run.builder()
        b.charts = run.print_charts or render_all({k: b.chart_job(v) for k, v in run.views.items()})
        part = StoryPart(b, run.views, run.validation, run.results_hash, NULL_PROGRESS,
                         run.cancel)  # fmt: skip
        part.rounds = run.rounds
        flowables = story(part, run.when.date().isoformat())
    check_cancel(run.cancel)
    ctx = run.ctx
    subject = f"{run.tr('report_title')} — {ctx.plan_name} v{ctx.plan_version}"
    return _checked_docx(run, flowables, ctx.title, subject)


def _briefing_flowables(run: ReportRun) -> list[Any]:
    from workbench.reporting.briefing import build_briefing
    from workbench.reporting.briefing_story import briefing_story

    view = build_briefing(run.pub, run.ctx, run.views, run.results_hash, run.rounds)
    return briefing_story(run.builder(), view, run.when.date().isoformat())


def briefing_pdf(run: ReportRun) -> bytes:
    from reportlab.platypus.doctemplate import LayoutError

    from workbench.reporting.pdf_doc import ReportDoc, numbered_canvas
    from workbench.reporting.pdfa import finish_pdf

    ctx, tr, opts = run.ctx, run.tr, run.options
    buf = io.BytesIO()
    doc = ReportDoc(
        buf, opts.page_size, ctx.language, title=f"{tr('briefing_title')} — {ctx.title}",
        author=ctx.office or "Durable Solutions Workbench",
        subject=f"{tr('briefing_title')} — {ctx.plan_name} v{ctx.plan_version}",
        creator=f"Durable Solutions Workbench {ctx.software_version}",
        keywords=f"results-sha256:{run.results_hash}",
    )  # fmt: skip
    canvas = numbered_canvas(
        lambda p, n: tr("page_x_of_y", page=p, pages=n),
        f"{ctx.plan_name} v{ctx.plan_version} · {run.results_hash[:12]}",
        is_rtl(ctx.language),
    )
    try:
        doc.multiBuild(_briefing_flowables(run), canvasmaker=canvas)
    except LayoutError as exc:
        raise ReportError.of("report.layout_failed", detail=str(exc).splitlines()[0]) from exc
    return finish_pdf(buf.getvalue(), lang=ctx.language, when=run.when, pdfa=opts.pdfa)


def briefing_docx(run: ReportRun) -> bytes:
    with print_raster():
        flowables = _briefing_flowables(run)
    ctx, tr = run.ctx, run.tr
    title = f"{tr('briefing_title')} — {ctx.title}"
    subject = f"{tr('briefing_title')} — {ctx.plan_name} v{ctx.plan_version}"
    return _checked_docx(run, flowables, title, subject)


def other_outputs(run: ReportRun, progress: Any) -> list[OutFile]:
    """The Word report and the briefings the options ask for (bytes in memory)."""
    opts, files = run.options, []
    if opts.docx_path is not None:
        progress.update(0.9, 1, "docx")
        files.append(OutFile(Path(opts.docx_path), report_docx(run)))
        check_cancel(run.cancel)
    for path in opts.briefing_paths:
        progress.update(0.95, 1, "briefing")
        make = briefing_docx if Path(path).suffix.lower() == ".docx" else briefing_pdf
        files.append(OutFile(Path(path), make(run)))
        check_cancel(run.cancel)
    return files
