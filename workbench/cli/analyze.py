"""``workbench analyze``: run the analysis plan, store the run in the vault, export the tables
and print the criterion summary (criteria × groups: worse / better / not different, rating)."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any

import pandas as pd

from workbench.cli.analysis_flags import add_flags, chosen_flags, registry_flag
from workbench.cli.common import (
    CommandFailed,
    ProgressBar,
    add_vault_arg,
    help_text,
    language,
    open_service,
)
from workbench.messages import render
from workbench.stats.ci_methods import PROPORTION_CI_METHODS
from workbench.stats.disclosure_presets import DISCLOSURE_PRESETS
from workbench.stats.options import AnalysisOptions
from workbench.stats.rating_rules import RATING_RULES
from workbench.stats.solutions_methods import SOLUTIONS_METHODS

_DEFAULTS = AnalysisOptions()


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "analyze",
        help="run an analysis plan and export the results",
        description="Estimate every indicator of the plan (design-based, R survey compatible), "
        "compare displaced groups with the comparator, store the run in the vault and export "
        "the tables to CSV or XLSX. The plan's [analysis] table sets the run's options; a flag "
        "below overrides it for this run. Every key of the plan file, with worked examples: "
        "docs/plans.md.",
    )
    add_vault_arg(p)
    p.add_argument("--plan", required=True, metavar="NAME", help="analysis plan in the vault")
    p.add_argument("--plan-version", type=int, metavar="K", help="plan version (default: latest)")
    p.add_argument("--dataset", metavar="D", help="check the plan reads this dataset")
    p.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="FILE",
        help="results .xlsx/.csv: the publishable copy (suppressed values removed and flagged)",
    )
    p.add_argument(
        "--internal",
        action="store_true",
        help="write the full copy instead, with every suppressed value: its file name and every "
        "sheet are marked INTERNAL-not-for-publication, and the audit log records it as internal",
    )
    p.add_argument(
        "--alpha", type=float, help=f"significance level (default: settings, {_DEFAULTS.alpha})"
    )
    p.add_argument(
        "--preset",
        choices=DISCLOSURE_PRESETS.codes,
        help=help_text(
            "disclosure-control preset (default: settings, "
            f"{_DEFAULTS.disclosure_preset}): {DISCLOSURE_PRESETS.describe()}"
        ),
    )
    registry_flag(
        p, "--proportion-ci", PROPORTION_CI_METHODS, "interval of proportions",
        _DEFAULTS.proportion_ci,
    )  # fmt: skip
    p.add_argument(
        "--solutions",
        action="append",
        choices=SOLUTIONS_METHODS.codes,
        metavar="METHOD",
        help=help_text(
            "solutions-measure method, repeat for several (default: all of them): "
            + SOLUTIONS_METHODS.describe(codes=_DEFAULTS.solutions_methods)
        ),
    )
    add_flags(p)
    p.set_defaults(func=run)


def analysis_options(args: argparse.Namespace, base: AnalysisOptions) -> AnalysisOptions:
    """``base`` (the service's defaults: AnalysisOptions() with the settings) with only what
    was given on the command line changed."""
    chosen: dict[str, Any] = {
        "alpha": args.alpha,
        "disclosure_preset": args.preset,
        "proportion_ci": args.proportion_ci,
        "solutions_methods": tuple(dict.fromkeys(args.solutions)) if args.solutions else None,
        **chosen_flags(args),
    }
    return dataclasses.replace(base, **{k: v for k, v in chosen.items() if v is not None})


def run(args: argparse.Namespace) -> int:
    if args.out.suffix.lower() not in (".csv", ".xlsx"):
        raise CommandFailed.of("cli.out_suffix", exit_code=2, name=args.out.name)
    wb = open_service(args)
    if args.dataset is not None:
        plan = wb.load_plan(args.plan, args.plan_version)
        if args.dataset not in plan.dataset_names():
            names = ", ".join(plan.dataset_names()) or "none"
            raise CommandFailed.of(
                "cli.plan_does_not_read_dataset", plan=args.plan, dataset=args.dataset, names=names
            )
    opts = analysis_options(args, wb.default_options(args.plan, args.plan_version))
    bar = ProgressBar("analyze")
    try:
        record, results = wb.analyze(args.plan, args.plan_version, opts, progress=bar)
    finally:
        bar.close()
    out = wb.export_results(record.id, args.out, internal=args.internal, language=language(args))
    labels = {g: str(g) for g in results.criteria_summary.get("group", pd.Series()).unique()}
    labels.update(
        dict(zip(results.estimates["group"], results.estimates["group_label"], strict=False))
    )
    print(format_summary(results.criteria_summary, labels))
    sup = results.meta.get("suppression") or {}
    if sup:
        print(disclosure_line(sup, language(args)))
    copy = "INTERNAL copy (not for publication)" if args.internal else "publishable copy"
    print(f"Run {record.id} saved in the vault; results ({copy}) written to {out}")
    return 0


def disclosure_line(sup: dict[str, Any], lang: str) -> str:
    """The run's suppression counts as the engine recorded them (docs/disclosure.md)."""
    values = {k: int(sup.get(k, 0)) for k in ("primary", "complementary", "exposed")}
    return render(
        "cli.disclosure_summary", {**values, "lp": int(sup.get("complementary_lp", 0))}, lang
    )


def format_summary(summary: pd.DataFrame, labels: dict[str, str] | None = None) -> str:
    """Criteria × groups grid; each cell ``W<worse>/<assessed> B<better> ~<small> =<no gap>
    I<inconclusive> ?<insufficient> -<not compared> RATING``, then the legend naming the
    rating rule."""
    if summary.empty:
        return "No comparisons (the plan has no comparator or no assessable indicator)."
    labels = labels or {}
    groups = list(dict.fromkeys(summary["group"]))
    crits = sorted(summary["criterion"].unique(), key=lambda c: (not str(c).isdigit(), str(c)))
    cell = summary.set_index(["criterion", "group"])
    head = ["criterion"] + [labels.get(g, g) for g in groups]
    rows = [head]
    for c in crits:
        row = [str(c)]
        for g in groups:
            if (c, g) in cell.index:
                r = cell.loc[(c, g)]
                row.append(_cell(r))
            else:
                row.append("-")
        rows.append(row)
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in rows]
    legend = (
        "W worse/assessed, B better, ~ significant but below the minimum important difference, "
        "= no significant difference or equivalent, I inconclusive (not significant, its "
        "interval reaching the minimum important difference), ? insufficient data, - not compared"
    )
    rule = str(summary["rule"].iloc[0]) if "rule" in summary else "any_worse"
    return "\n".join([*lines, legend, f"Rating rule: {RATING_RULES.label(rule)}"])


def _cell(r: pd.Series) -> str:
    def n(key: str) -> int:
        v = r.get(key, 0)
        return 0 if pd.isna(v) else int(v)

    if "assessed" not in r:  # a run made before the rating rules
        worse = f"W{n('worse')}"
    else:
        worse = f"W{n('worse')}/{n('assessed')}"
    same = n("no_significant_difference") + n("equivalent")
    # "I": inconclusive (not significant, its interval reaching the minimum), shown only in
    # runs that count it
    unsure = f" I{n('inconclusive')}" if "inconclusive" in r else ""
    return (
        f"{worse} B{n('better')} ~{n('small_difference')} ={same}{unsure} "
        f"?{n('insufficient_data')} -{n('not_compared')} {str(r['rating']).upper()}"
    )
