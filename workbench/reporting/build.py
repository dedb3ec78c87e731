"""``build_report``: validate, then assemble the PDF (and the annex tables when asked) in memory
and write them through the one export writer (``workbench/export_writer.py``)."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.platypus.doctemplate import LayoutError

from workbench import __version__
from workbench.errors import ReportError
from workbench.export_writer import AuditSink, OutFile, export_files
from workbench.languages import is_rtl
from workbench.progress import NULL_PROGRESS, CancelToken, Progress, check_cancel
from workbench.reporting.chart_pool import ChartPool
from workbench.reporting.context import ReportContext, build_context
from workbench.reporting.fingerprint import results_hash
from workbench.reporting.i18n import Translator
from workbench.reporting.options import ReportOptions
from workbench.reporting.pdf_doc import ReportDoc, numbered_canvas
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_text import make_styles
from workbench.reporting.pdfa import finish_pdf, pdfa_finding, raise_if_not_pdfa
from workbench.reporting.story import StoryPart, charted_criteria, story
from workbench.reporting.typography import long_date
from workbench.reporting.validation import Validation, raise_if_errors, run_checks
from workbench.reporting.views import NO_CHART, IndicatorView, build_views
from workbench.stats.results import AnalysisResults


def gate(
    results: AnalysisResults, options: ReportOptions, settings: Any = None
) -> tuple[ReportContext, dict[str, IndicatorView], Validation]:
    """Build what the report will show (from the results and their snapshot only) and run
    every check; raise when a check fails."""
    ctx = build_context(results, options, settings)
    if not ctx.software_version:
        ctx.software_version = __version__
    views = build_views(results.publishable(), ctx)
    validation = run_checks(results, ctx, views, options)
    raise_if_errors(validation.findings)
    return ctx, views, validation


def render_report(
    results: AnalysisResults,
    out: Path,
    options: Any = None,
    *,
    settings: Any = None,
    progress: Progress = NULL_PROGRESS,
    cancel: CancelToken | None = None,
    rounds: Any = None,
) -> list[OutFile]:
    """Validate, then make the PDF report (and the annex tables of options.annex_paths) in
    memory: nothing is written to disk here. ``rounds``: the rounds analysis whose last round
    ``results`` is (its "Progress since the baseline" section and per-round annex tables)."""
    opts = ReportOptions.coerce(options, settings)
    out = Path(out)
    progress.update(0, 1, "validating")
    n_charts = results.estimates["indicator_id"].nunique() if len(results.estimates) else 0
    with ChartPool(n_charts) as pool:  # the workers start while the gate runs
        ctx, views, validation = gate(results, opts, settings)
        return _render(results, out, opts, ctx, views, validation, pool, progress, cancel, rounds)


def _render(
    results: AnalysisResults,
    out: Path,
    opts: ReportOptions,
    ctx: ReportContext,
    views: dict[str, IndicatorView],
    validation: Validation,
    pool: ChartPool,
    progress: Progress,
    cancel: CancelToken | None,
    rounds: Any,
) -> list[OutFile]:
    pub = results.publishable()
    rhash = results_hash(results)
    when = opts.timestamp()
    tr = Translator(opts.language)
    styles = make_styles(opts.language)
    buf = io.BytesIO()
    doc = ReportDoc(
        buf, opts.page_size, opts.language, title=ctx.title,
        author=ctx.office.shown() or "Durable Solutions Workbench",
        subject=f"{tr('report_title')} — {ctx.plan_name} v{ctx.plan_version}",
        creator=f"Durable Solutions Workbench {ctx.software_version}",
        keywords=f"results-sha256:{rhash}",
    )  # fmt: skip
    builder = Builder(ctx, opts, styles, doc.width, pub)
    progress.update(0.05, 1, "charts")
    shown = charted_criteria(opts.sections)  # charts of sections left out are not drawn
    jobs = {  # a total's tables go without a chart (views.NO_CHART)
        k: builder.chart_job(v)
        for k, v in views.items()
        if v.info.criterion in shown and NO_CHART not in v.flags
    }
    if opts.docx_path is not None:  # the Word report's charts too, from the same figures
        builder.charts, builder.print_charts = pool.render_pairs(jobs)
    else:
        builder.charts = pool.render_all(jobs)
    check_cancel(cancel)
    # the annex in a chart worker (when there is one) while this process lays out the reports:
    # it needs no chart, and on two cores the layout below leaves the other core idle
    from workbench.reporting.annex import hxl_here

    hxl = [opts.hxl and hxl_here(path, opts.annex_paths) for path in opts.annex_paths]
    annexes = [  # the HXL copies once, beside the CSVs if any
        pool.later(_annex_files, results, ctx, Path(path), here, validation)
        for path, here in zip(opts.annex_paths, hxl, strict=True)
    ]
    part = StoryPart(builder, views, validation, rhash, progress, cancel)
    part.rounds = rounds.publishable() if rounds is not None else None
    flowables = story(part, long_date(when.date(), tr))  # "6 December 2026", not ISO
    check_cancel(cancel)
    run = None
    briefing: Callable[[], list[OutFile]] | None = None
    word: list[OutFile] = []
    if opts.docx_path is not None or opts.briefing_paths:  # the Word report, the briefing
        from workbench.reporting.outputs import ReportRun, report_docx

        run = ReportRun(results, pub, ctx, views, validation, opts, rhash, when, styles,
                        doc.width, part.rounds, cancel)  # fmt: skip
        if opts.briefing_paths and pool.has_workers():  # made there while this process lays out
            briefing = pool.later(_briefing_files, dataclasses.replace(run, cancel=None))
        if opts.docx_path is not None:  # from the PDF's story, before the PDF's layout
            progress.update(0.8, 1, "docx")
            word.append(OutFile(Path(opts.docx_path), report_docx(run, flowables)))
            check_cancel(cancel)
    progress.update(0.85, 1, "layout")
    footer_note = f"{ctx.plan_name} v{ctx.plan_version} · {rhash[:12]}"
    canvas = numbered_canvas(
        lambda p, n: tr("page_x_of_y", page=p, pages=n), footer_note, is_rtl(opts.language)
    )
    doc.seed_contents(flowables)
    try:
        doc.multiBuild(flowables, canvasmaker=canvas)
    except LayoutError as exc:
        raise ReportError.of("report.layout_failed", detail=str(exc).splitlines()[0]) from exc
    check_cancel(cancel)
    progress.update(0.9, 1, "writing")
    pdf = finish_pdf(buf.getvalue(), lang=opts.language, when=when, pdfa=opts.pdfa, check=False)
    # the PDF/A check runs in a chart worker while the briefing and the annex are made
    pdfa_checked = pool.later(pdfa_finding, pdf) if opts.pdfa else (lambda: None)
    files = [OutFile(out, pdf), *word]
    if run is not None:
        from workbench.reporting.outputs import briefing_files

        if briefing is None:
            files += briefing_files(run, progress)
        else:
            progress.update(0.95, 1, "briefing")
            files += briefing()
            check_cancel(cancel)
    if opts.annex_paths:
        progress.update(0.97, 1, "annex")
        for annex in annexes:
            files += annex()
        if rounds is not None:
            from workbench.reporting.progress_annex import rounds_annex_files

            files += rounds_annex_files(rounds, ctx, opts.annex_paths, opts.hxl)
    raise_if_not_pdfa(pdfa_checked())
    return files


def _annex_files(
    results: AnalysisResults, ctx: ReportContext, path: Path, hxl: bool, validation: Validation
) -> list[OutFile]:
    """The annex tables of one path (:func:`annex.annex_files`; positional arguments, as a
    chart worker is given them)."""
    from workbench.reporting.annex import annex_files

    return annex_files(results, ctx, path, hxl=hxl, validation=validation)


def _briefing_files(run: Any) -> list[OutFile]:
    """The briefings of a report run (:func:`outputs.briefing_files`), in a chart worker: its
    fonts are registered first (a worker has drawn charts only)."""
    from workbench.reporting.fonts import register_fonts
    from workbench.reporting.outputs import briefing_files

    register_fonts()
    return briefing_files(run, NULL_PROGRESS)


def build_report(
    results: AnalysisResults,
    out: Path,
    options: Any = None,
    *,
    audit: AuditSink,
    obj: str = "",
    settings: Any = None,
    progress: Progress = NULL_PROGRESS,
    cancel: CancelToken | None = None,
    rounds: Any = None,
) -> Path:
    """Validate, then write the PDF report to ``out`` and the annex tables to
    options.annex_paths — one audited, all-or-nothing export."""
    files = render_report(
        results, out, options, settings=settings, progress=progress, cancel=cancel,
        rounds=rounds,
    )  # fmt: skip
    opts = ReportOptions.coerce(options, settings)
    details = {"language": opts.language, "pdfa": opts.pdfa}
    export_files(
        files, kind="report", obj=obj, audit=audit, audience="publishable", details=details,
        before_write=lambda: check_cancel(cancel),
    )  # fmt: skip
    progress.update(1, 1, "done")
    return Path(out)
