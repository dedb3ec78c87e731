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
from workbench.reporting.context import ReportContext
from workbench.reporting.docx_check import check_docx
from workbench.reporting.docx_render import DocxMeta, render_docx
from workbench.reporting.i18n import Translator
from workbench.reporting.options import ReportOptions
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_text import Styles
from workbench.reporting.typography import long_date
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

    @property
    def tr(self) -> Translator:
        return Translator(self.ctx.language)

    def builder(self) -> Builder:
        return Builder(self.ctx, self.options, self.styles, self.width, self.pub)

    def meta(self, title: str, subject: str) -> DocxMeta:
        ctx = self.ctx
        return DocxMeta(
            language=ctx.language, page_size=self.options.page_size, title=title,
            author=ctx.office.shown() or "Durable Solutions Workbench", subject=subject,
            keywords=f"results-sha256:{self.results_hash}", when=self.when,
            footer_note=f"{ctx.plan_name} v{ctx.plan_version} · {self.results_hash[:12]}",
            page_template=self.tr("page_x_of_y", page="{page}", pages="{pages}"),
        )  # fmt: skip


def _checked_docx(run: ReportRun, flowables: list[Any], title: str, subject: str) -> bytes:
    data = render_docx(flowables, run.meta(title, subject))
    raise_if_errors(check_docx(data, flowables, run.ctx, run.results.snapshot))
    return data


def report_docx(run: ReportRun, flowables: list[Any]) -> bytes:
    """The Word report, from the PDF's own story (built once, its charts drawn for both files:
    ``Builder.print_charts``). Call it before reportlab lays the story out for the PDF: the
    layout sizes the flowables it is given (a table's column widths, say)."""
    ctx = run.ctx
    subject = f"{run.tr('report_title')} — {ctx.plan_name} v{ctx.plan_version}"
    return _checked_docx(run, flowables, ctx.title, subject)


def _briefing_flowables(run: ReportRun, word: bool) -> list[Any]:
    """The briefing's story, built once for its PDF and Word files (``word``: its charts are
    drawn at print resolution as well)."""
    from workbench.reporting.briefing import build_briefing
    from workbench.reporting.briefing_story import briefing_story

    view = build_briefing(run.pub, run.ctx, run.views, run.results_hash, run.rounds)
    b = run.builder()
    b.print_charts = {} if word else None
    return briefing_story(b, view, long_date(run.when.date(), run.tr))


def briefing_pdf(run: ReportRun, flowables: list[Any]) -> bytes:
    from reportlab.platypus.doctemplate import LayoutError

    from workbench.reporting.pdf_doc import ReportDoc, numbered_canvas
    from workbench.reporting.pdfa import finish_pdf

    ctx, tr, opts = run.ctx, run.tr, run.options
    buf = io.BytesIO()
    doc = ReportDoc(
        buf, opts.page_size, ctx.language, title=f"{tr('briefing_title')} — {ctx.title}",
        author=ctx.office.shown() or "Durable Solutions Workbench",
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
        doc.multiBuild(flowables, canvasmaker=canvas)
    except LayoutError as exc:
        raise ReportError.of("report.layout_failed", detail=str(exc).splitlines()[0]) from exc
    return finish_pdf(buf.getvalue(), lang=ctx.language, when=run.when, pdfa=opts.pdfa)


def briefing_docx(run: ReportRun, flowables: list[Any]) -> bytes:
    ctx, tr = run.ctx, run.tr
    title = f"{tr('briefing_title')} — {ctx.title}"
    subject = f"{tr('briefing_title')} — {ctx.plan_name} v{ctx.plan_version}"
    return _checked_docx(run, flowables, title, subject)


def briefing_files(run: ReportRun, progress: Any) -> list[OutFile]:
    """The briefings the options ask for (bytes in memory, in the options' order), from one
    story: the Word files are written before the PDF's layout sizes its flowables."""
    paths = [Path(p) for p in run.options.briefing_paths]
    if not paths:
        return []
    progress.update(0.95, 1, "briefing")
    word = [p.suffix.lower() == ".docx" for p in paths]
    flowables = _briefing_flowables(run, any(word))
    docx = briefing_docx(run, flowables) if any(word) else b""
    check_cancel(run.cancel)
    pdf = b"" if all(word) else briefing_pdf(run, flowables)
    return [OutFile(p, docx if w else pdf) for p, w in zip(paths, word, strict=True)]
