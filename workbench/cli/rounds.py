"""``workbench rounds``: analyse the rounds of a plan (baseline and follow-ups) and the change
since the baseline: each round stored as a run, the tables of change exported, and the changes
in the gaps with the comparator printed (closing / widening / no significant change)."""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pandas as pd

from workbench.cli.analyze import analysis_options
from workbench.cli.common import CommandFailed, ProgressBar, add_vault_arg, language, open_service
from workbench.messages import render
from workbench.stats.disclosure_presets import DISCLOSURE_PRESETS
from workbench.stats.options import AnalysisOptions

#: the order of the printed gaps: what changed first
ORDER = {"closing": 0, "widening": 1, "small_change": 2, "stable": 3, "no_significant_change": 4,
         "insufficient_data": 5, "not_comparable": 6}  # fmt: skip


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "rounds",
        help="analyse survey rounds and the change since the baseline",
        description="Analyse every round of a plan with [rounds] (each round's datasets and "
        "mappings), estimate the change of every indicator and of every gap with the "
        "comparator since the baseline (independent samples, or a panel linked by the "
        "household key), store each round as a run and export the tables of change.",
    )
    add_vault_arg(p)
    p.add_argument("--plan", required=True, metavar="NAME", help="analysis plan with rounds")
    p.add_argument("--plan-version", type=int, metavar="K", help="plan version (default: latest)")
    p.add_argument("--out", required=True, type=Path, metavar="FILE",
                   help="tables of change .xlsx/.csv (publishable copy)")  # fmt: skip
    p.add_argument("--internal", action="store_true",
                   help="write the full copy (marked INTERNAL-not-for-publication)")  # fmt: skip
    p.add_argument("--alpha", type=float, help="significance level (default: settings)")
    p.add_argument("--preset", choices=DISCLOSURE_PRESETS.codes, help="disclosure preset")
    p.add_argument("--all", action="store_true", help="print every breakdown cell, not totals")
    p.set_defaults(func=run, proportion_ci=None, solutions=None)


def run(args: argparse.Namespace) -> int:
    if args.out.suffix.lower() not in (".csv", ".xlsx"):
        raise CommandFailed.of("cli.out_suffix", exit_code=2, name=args.out.name)
    wb = open_service(args)
    opts = analysis_options(args, wb.default_options())
    bar = ProgressBar("rounds")
    try:
        runs, rr = wb.analyze_rounds(args.plan, args.plan_version, opts, progress=bar)
    finally:
        bar.close()
    out = wb.export_rounds(runs[-1].id, args.out, internal=args.internal)
    lang = language(args)
    pub = rr.publishable()
    last = rr.results[-1].estimates
    labels = dict(zip(last["group"], last["group_label"], strict=False))
    design = "cli.rounds_design_panel" if rr.meta.get("panel") else "cli.rounds_design_independent"
    print(render("cli.rounds_header", {
        "plan": args.plan, "rounds": " → ".join(r.label for r in rr.rounds),
        "design": render(design, language=lang), "baseline": rr.rounds[0].label,
    }, lang))  # fmt: skip
    print(format_gaps(pub.gap_changes, labels, lang, every_cell=args.all))
    print(rule_line(opts, lang))
    counts = pub.gap_changes["assessment"].value_counts()
    print(render("cli.rounds_counts", {
        "closing": int(counts.get("closing", 0)), "widening": int(counts.get("widening", 0)),
        "small": int(counts.get("small_change", 0)), "stable": int(counts.get("stable", 0)),
        "same": int(counts.get("no_significant_change", 0)),
        "insufficient": int(counts.get("insufficient_data", 0)),
        "not_comparable": int(counts.get("not_comparable", 0)),
    }, lang))  # fmt: skip
    print(render("cli.rounds_saved", {"runs": ", ".join(str(r.id) for r in runs), "out": out},
                 lang))  # fmt: skip
    return 0


def format_gaps(
    gaps: pd.DataFrame, labels: dict[str, str], lang: str, every_cell: bool = False
) -> str:
    """One line per gap: indicator, group, cell, gap then → now, change [CI], assessment."""
    if not every_cell:
        gaps = gaps[gaps["disaggregation"] == "total"]
    if gaps.empty:
        return "-"
    g = gaps.assign(_o=gaps["assessment"].map(ORDER).fillna(9)).sort_values(
        ["_o", "indicator_id", "group"], kind="stable"
    )
    rows = []
    for r in g.itertuples():
        cell = (
            "" if r.disaggregation == "total" else f" [{r.disaggregation}={r.disaggregation_value}]"
        )
        nums = (
            ""
            if pd.isna(r.change)
            else (
                f"{_n(r.gap_from)} → {_n(r.gap_to)}  Δ {_n(r.change)} "
                f"[{_n(r.ci_low)}, {_n(r.ci_high)}]"
                f"{_p(r.p_value, getattr(r, 'p_adjusted', np.nan), lang)}"
            )
        )
        word = render(f"value.gap_assessment.{r.assessment}", language=lang)
        rows.append((f"{r.indicator_id}{cell}", labels.get(r.group, str(r.group)), nums, word))
    widths = [max(len(x[i]) for x in rows) for i in range(3)]
    return "\n".join(
        "  ".join([a.ljust(widths[0]), b.ljust(widths[1]), c.ljust(widths[2]), d])
        for a, b, c, d in rows
    )


def rule_line(opts: AnalysisOptions, lang: str) -> str:
    """The rule the engine judged the changes by (its options), in the user's language."""
    bound = f"{opts.alpha:g}"
    p = (render("cli.rounds_p_adj_rule", {"alpha": bound}, lang) if opts.use_adjusted_p
         else f"p < {bound}")  # fmt: skip
    method = render(f"vocab.p_adjust.{opts.p_adjust}", language=lang)
    scope = render(f"value.p_adjust_scope.{opts.p_adjust_scope}", language=lang)
    return render("cli.rounds_rule", {"p": p, "method": method, "scope": scope}, lang)


def _p(p: float, p_adj: float, lang: str) -> str:
    """``p 0.012 (adj. 0.154)``: the raw p and the adjusted one."""
    if pd.isna(p):
        return ""
    if pd.isna(p_adj):
        return f"  p {_p3(p)}"
    return "  " + render("cli.rounds_p_adj", {"p": _p3(p), "p_adj": _p3(p_adj)}, lang)


def _p3(p: float) -> str:
    return f"{p:.3f}" if p >= 0.001 else "<0.001"


def _n(x: float) -> str:
    return f"{x:+.3f}" if abs(x) < 10 else f"{x:+,.1f}"
