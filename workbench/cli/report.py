"""``workbench report``: validate and write the PDF report (and annex tables) of an analysis run.

workbench report --vault V --run RUN_ID --out report.pdf [--lang fr] [--annex annex.xlsx]
                 [--docx report.docx] [--briefing briefing.pdf --briefing briefing.docx]
workbench report --vault V --plan NAME --out report.pdf   (analyses first, then reports)
"""

from __future__ import annotations

import argparse
import json
import tomllib
from pathlib import Path

from workbench.cli.common import (
    CommandFailed,
    ProgressBar,
    add_vault_arg,
    help_text,
    language,
    vault_session,
)
from workbench.languages import with_catalogue
from workbench.reporting.sections import REPORT_SECTIONS


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "report",
        help="write the validated PDF report (and annex tables) of an analysis",
        description="Run the report's validation gate, then write the PDF (PDF/A-2b by default) "
        "and, with --annex, the NSO annex tables (XLSX, or CSV files). Warnings can be accepted "
        'with written justifications (--accept-warnings FILE, TOML or JSON: code = "why").',
    )
    add_vault_arg(p)
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--run", type=int, metavar="RUN_ID", help="a stored analysis run")
    src.add_argument("--plan", metavar="NAME", help="analyse this plan first, then report")
    p.add_argument("--plan-version", type=int, metavar="N", help="with --plan: this version")
    p.add_argument("--dataset", metavar="NAME", help="with --plan: accepted for compatibility; "
                   "the plan names its datasets")  # fmt: skip
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write")
    p.add_argument(
        "--lang",
        choices=with_catalogue("report"),
        default=argparse.SUPPRESS,  # keeps a global ``workbench --lang`` given before the command
        help="report language (default: settings)",
    )
    p.add_argument(
        "--annex",
        action="append",
        default=[],
        metavar="PATH",
        help="annex: .xlsx workbook, .csv (one file per table) or a folder; repeatable",
    )
    p.add_argument(
        "--section",
        action="append",
        choices=REPORT_SECTIONS.codes,
        metavar="SECTION",
        help=help_text(
            "a section to include, repeat for several (default: all of them): "
            + REPORT_SECTIONS.describe()
        ),
    )
    p.add_argument(
        "--docx", metavar="FILE.docx", help="also write the editable Word report (same gate)"
    )
    p.add_argument(
        "--briefing",
        action="append",
        default=[],
        metavar="FILE",
        help="also write the 2-4 page briefing for decision-makers: .pdf or .docx; repeatable",
    )
    p.add_argument(
        "--hxl",
        action="store_true",
        help="also write each annex table as HXL (annex-<table>.hxl.csv)",
    )
    p.add_argument("--page-size", choices=("A4", "Letter"), help="page size (default: settings)")
    p.add_argument("--no-pdfa", action="store_true", help="write a plain PDF, not PDF/A-2b")
    p.add_argument("--accept-warnings", metavar="FILE", help="justifications of accepted warnings")
    p.add_argument("--title", help="report title (default: the plan's description)")
    p.add_argument(
        "--area", help="area covered, in the report's language, for this report only (cover page)"
    )
    p.add_argument(
        "--period", help="reference period, in the report's language, for this report only"
    )
    p.add_argument("--currency", help="currency of amounts (default: the plan's)")
    p.add_argument(
        "--office",
        help="producing office's name in the report's language, for this report only (default: "
        "the plan's name in that language, else the settings'); the plan keeps one name per "
        "language: 'workbench plan report-info --plan P --office NAME --lang fr' sets the "
        "French one",
    )
    p.add_argument("--contact", help="the office's contact (default: the plan's)")
    p.add_argument(
        "--check", action="store_true", help="only run the validation gate; write nothing"
    )
    p.set_defaults(func=cmd_report)


def read_justifications(path: str | None) -> dict[str, str]:
    if not path:
        return {}
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
        data = json.loads(text) if file.suffix.lower() == ".json" else tomllib.loads(text)
    except (OSError, ValueError) as exc:
        raise CommandFailed.of(
            "cli.justifications_unreadable", file=file, detail=str(exc)
        ) from None
    data = data.get("justifications", data) if isinstance(data, dict) else data
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise CommandFailed.of("cli.justifications_not_a_table", file=file)
    return {str(k): v.strip() for k, v in data.items() if v.strip()}


def report_options(args: argparse.Namespace, settings) -> object:
    from workbench.reporting.options import ReportOptions

    return ReportOptions(
        language=args.lang or settings.language,
        page_size=args.page_size or settings.page_size,
        pdfa=(not args.no_pdfa) and settings.report_pdfa,
        justifications=read_justifications(args.accept_warnings),
        annex_paths=tuple(Path(a) for a in args.annex),
        docx_path=Path(args.docx) if args.docx else None,
        briefing_paths=tuple(Path(b) for b in args.briefing),
        hxl=args.hxl,
        sections=tuple(dict.fromkeys(args.section)) if args.section else REPORT_SECTIONS.codes,
        title=args.title,
        area=args.area,
        reference_period=args.period,
        currency=args.currency,
        office=args.office,
        contact=args.contact,
    )


def cmd_report(args: argparse.Namespace) -> int:
    with vault_session(args) as wb:
        options = report_options(args, wb.settings)
        run_id = args.run
        if run_id is None:
            bar = ProgressBar("Analysing")
            try:
                run, _results = wb.analyze(args.plan, args.plan_version, progress=bar)
            finally:
                bar.close()
            run_id = run.id
            print(f"Analysis run {run_id} ({args.plan})")
        findings = wb.validate_report(run_id, options)
        for f in findings:
            if f.severity != "info":
                just = options.justification_for(f.code, f.where)  # type: ignore[attr-defined]
                print(f.text(language(args)) + (f"  — accepted: {just}" if just else ""))
        if args.check:
            return 1 if any(f.severity == "error" for f in findings) else 0
        bar = ProgressBar("Report")
        try:
            path = wb.write_report(run_id, args.out, options, progress=bar)
        finally:
            bar.close()
        print(f"Report: {path}")
        if options.docx_path is not None:  # type: ignore[attr-defined]
            print(f"Word:   {options.docx_path}")  # type: ignore[attr-defined]
        for b in options.briefing_paths:  # type: ignore[attr-defined]
            print(f"Briefing: {b}")
        for a in options.annex_paths:  # type: ignore[attr-defined]
            print(f"Annex:  {a}")
        return 0
