"""``workbench checks run --vault V [--dataset D] [--plan P] [--severity S] [--json]``.

One finding a line, its code first (``check.age_out_of_range ERROR …``), in ``--lang``; ``--json``
prints the findings as a list of objects (code, severity, message, params, where). Exit 0 when
the checks ran (problems found in the data are findings, not failures of the command).
"""

from __future__ import annotations

import argparse

from workbench.cli.common import (
    ProgressBar,
    add_json_arg,
    add_vault_arg,
    emit_json,
    language,
    vault_session,
)
from workbench.findings import SEVERITIES, Finding


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "checks",
        help="data checks: plausibility, outliers, skip patterns, duplicates, consent, rules",
        description="Check stored datasets for implausible values, outliers, skip-pattern "
        "violations, 'other, specify' texts that match a choice, duplicate interviews, "
        "interview durations, missing consent and the plan's own [[checks]] rules.",
    )
    ps = p.add_subparsers(dest="checks_command", metavar="ACTION", required=True)
    run = ps.add_parser("run", help="run every check and list the findings")
    add_vault_arg(run)
    run.add_argument("--dataset", help="only this dataset (default: every stored dataset)")
    run.add_argument(
        "--plan",
        help="read column roles and [[checks]] rules from this plan (default: the "
        "latest plan that names the dataset)",
    )
    run.add_argument(
        "--severity", choices=SEVERITIES, help="only findings of this severity or worse"
    )
    add_json_arg(run)
    run.set_defaults(func=cmd_run)


def line(f: Finding, lang: str) -> str:
    """``code SEVERITY message [where]``: the code first, so lines sort and grep by check."""
    loc = ", ".join(f"{k}={v}" for k, v in f.where.items())
    return f"{f.code} {f.severity.upper()} {f.render(lang)}" + (f" [{loc}]" if loc else "")


def cmd_run(args: argparse.Namespace) -> int:
    with vault_session(args) as wb:
        bar = ProgressBar("checks")
        try:
            findings = wb.run_checks(args.dataset, args.plan, progress=bar)
        finally:
            bar.close()
    if args.severity:
        worst = SEVERITIES.index(args.severity)
        findings = [f for f in findings if SEVERITIES.index(f.severity) <= worst]
    if args.json:
        emit_json([f.to_dict() for f in findings])
        return 0
    lang = language(args)
    for f in findings:
        print(line(f, lang))
    return 0
