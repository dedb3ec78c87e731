"""``workbench plan report-info``: the report's facts about the survey, kept in the plan.

Area, reference period, cover subtitle and producing office are texts per language (``--lang``,
default the plan's language); currency and contact are plain. Each change saves a new
plan version, so every later run — and every report of it — says the same.
"""

from __future__ import annotations

import argparse

from workbench.cli.common import (
    add_json_arg,
    add_vault_arg,
    emit_json,
    language,
    open_service,
    saved_line,
)

TEXTS = ("area", "reference_period", "subtitle", "office")
NAMES = ("currency", "contact")


def register(psub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    r = psub.add_parser(
        "report-info",
        help="show or set the report's area, reference period, currency, office and contact",
        description="Without options: print the plan's report facts. With options: set them and "
        "save a new plan version. An empty value removes the field (or that language's text).",
    )
    add_vault_arg(r)
    r.add_argument("--plan", required=True, metavar="NAME")
    r.add_argument("--area", metavar="TEXT", help="area covered (cover and methodology)")
    r.add_argument("--period", dest="reference_period", metavar="TEXT", help="reference period")
    r.add_argument("--subtitle", metavar="TEXT", help="the cover's subtitle")
    r.add_argument(
        "--lang", dest="text_lang", metavar="L",
        help="language of --area/--period/--subtitle/--office (default: the plan's language)",
    )  # fmt: skip
    r.add_argument("--currency", metavar="CODE", help="currency of amounts, e.g. FRD or USD")
    r.add_argument("--office", metavar="NAME", help="office producing the report")
    r.add_argument("--contact", metavar="TEXT", help="how to reach the office")
    add_json_arg(r)
    r.set_defaults(func=cmd_report_info)


def cmd_report_info(args: argparse.Namespace) -> int:
    from workbench.plan.commands import SetReportInfo, with_report_texts

    wb = open_service(args)
    plan = wb.load_plan(args.plan)
    texts = {k: getattr(args, k) for k in TEXTS}
    names = {k: getattr(args, k) for k in NAMES}
    saved = None
    if any(v is not None for v in (*texts.values(), *names.values())):
        lang = args.text_lang or plan.language
        info = with_report_texts(plan.report, lang, texts=texts, names=names)
        plan, _inverse = SetReportInfo(info).apply(plan)
        saved, _findings = wb.save_plan_checked(plan, note="report facts")
    facts = plan.report.to_dict()
    if args.json:
        emit_json({"plan": plan.name, "version": saved.version if saved else None, **facts})
        return 0
    for key in (*TEXTS, *NAMES):
        value = facts[key]
        if isinstance(value, dict):
            value = "; ".join(f"{k}: {v}" for k, v in value.items())
        print(f"{key.replace('_', ' ')}: {value or '-'}")
    if saved is not None:
        print(saved_line(saved, language(args)))
    return 0
