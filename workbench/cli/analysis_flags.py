"""``workbench analyze``'s judgement, interval and solutions options: one flag per analysis
option a plan's ``[analysis]`` table may set (docs/plans.md). A flag given on the command line
wins over the plan, the plan over the settings and the engine's defaults."""

from __future__ import annotations

import argparse
from typing import Any

from workbench.cli.common import help_text
from workbench.registry import Registry
from workbench.stats.ci_methods import TOTAL_CI_METHODS
from workbench.stats.multiplicity import P_ADJUST_METHODS, P_ADJUST_SCOPES
from workbench.stats.options import AnalysisOptions
from workbench.stats.rating_rules import RATING_RULES

_DEFAULTS = AnalysisOptions()
PLANS_DOC = "docs/plans.md"


def _benchmark_value(text: str) -> tuple[str, float]:
    ind, sep, value = text.partition("=")
    try:
        if not sep or not ind.strip():
            raise ValueError
        return ind.strip(), float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected INDICATOR=VALUE, got {text!r}") from None


def registry_flag(
    p: argparse.ArgumentParser | argparse._ArgumentGroup,
    flag: str,
    registry: Registry,  # type: ignore[type-arg]
    what: str,
    default: str,
) -> None:
    """A flag choosing one entry of a vocabulary registry, its help built from the entries'."""
    p.add_argument(
        flag,
        choices=registry.codes,
        help=help_text(f"{what} (default {default}): " + registry.describe(with_help=True)),
    )


def add_flags(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group(
        "judging gaps", f"significance, multiple comparisons, substantive gaps ({PLANS_DOC})"
    )
    registry_flag(
        g, "--p-adjust", P_ADJUST_METHODS, "adjust p-values for multiple comparisons",
        _DEFAULTS.p_adjust,
    )  # fmt: skip
    g.add_argument(
        "--p-adjust-scope",
        choices=P_ADJUST_SCOPES,
        help="family of the adjustment: the indicators of one criterion or the whole plan "
        f"(default {_DEFAULTS.p_adjust_scope})",
    )
    g.add_argument(
        "--use-adjusted-p",
        action=argparse.BooleanOptionalAction,
        help="assess with the adjusted p-values (default: report them beside the raw ones)",
    )
    g.add_argument(
        "--substantive",
        action=argparse.BooleanOptionalAction,
        help="worse/better only when the gap is at least the indicator's minimum important "
        "difference (default: on; --no-substantive: any significant gap)",
    )
    g.add_argument(
        "--equivalence",
        action=argparse.BooleanOptionalAction,
        help="test equivalence (TOST) so 'no gap' can be shown (default: on)",
    )
    registry_flag(g, "--rating-rule", RATING_RULES, "criterion rating rule", _DEFAULTS.rating_rule)
    g.add_argument(
        "--red-share",
        type=float,
        metavar="SHARE",
        help=f"share of assessed indicators worse that makes a criterion red (default "
        f"{_DEFAULTS.red_share})",
    )
    registry_flag(g, "--total-ci", TOTAL_CI_METHODS, "interval of totals", _DEFAULTS.total_ci)
    s = p.add_argument_group("solutions measure", f"benchmark and missing values ({PLANS_DOC})")
    s.add_argument(
        "--benchmark",
        choices=("comparator", "national", "fixed"),
        help=f"benchmark of the solutions measure (default {_DEFAULTS.solutions_benchmark})",
    )
    s.add_argument(
        "--benchmark-value",
        action="append",
        type=_benchmark_value,
        metavar="INDICATOR=VALUE",
        help="national benchmark of one indicator (repeat; with --benchmark national)",
    )
    s.add_argument(
        "--benchmark-fixed", type=float, metavar="VALUE", help="one value for every indicator"
    )
    s.add_argument(
        "--use-ci-bound",
        action=argparse.BooleanOptionalAction,
        help="compare with the benchmark's confidence bound (the lenient side)",
    )
    s.add_argument(
        "--missing-by-design",
        choices=("no_vulnerability", "missing"),
        help="an answer skipped by design (outside the indicator's universe) counts as no "
        f"vulnerability or as missing (default {_DEFAULTS.missing_by_design})",
    )
    s.add_argument(
        "--household-aggregation",
        choices=("any", "all", "head"),
        help="individual answers → household for the solutions measure (default: the plan's)",
    )
    s.add_argument(
        "--homogeneous-cells",
        metavar="COL,COL",
        help="columns defining homogeneous cells (default "
        + ",".join(_DEFAULTS.homogeneous_cells)
        + ")",
    )
    s.add_argument(
        "--dominance-quantile",
        type=float,
        metavar="Q",
        help=f"dominance method's quantile of the comparator (default "
        f"{_DEFAULTS.dominance_quantile})",
    )


def chosen_flags(args: argparse.Namespace) -> dict[str, Any]:
    """The options given on the command line (None: not given; a command without these flags,
    such as ``workbench rounds``, gives none)."""

    def arg(name: str) -> Any:
        return getattr(args, name, None)

    values = arg("benchmark_value")
    cells = arg("homogeneous_cells")
    return {
        "p_adjust": arg("p_adjust"),
        "p_adjust_scope": arg("p_adjust_scope"),
        "use_adjusted_p": arg("use_adjusted_p"),
        "substantive": arg("substantive"),
        "equivalence": arg("equivalence"),
        "rating_rule": arg("rating_rule"),
        "red_share": arg("red_share"),
        "total_ci": arg("total_ci"),
        "solutions_benchmark": arg("benchmark"),
        "benchmark_values": dict(values) if values else None,
        "benchmark_fixed": arg("benchmark_fixed"),
        "use_ci_bound": arg("use_ci_bound"),
        "missing_by_design": arg("missing_by_design"),
        "household_aggregation": arg("household_aggregation"),
        "homogeneous_cells": (
            tuple(c.strip() for c in cells.split(",") if c.strip()) if cells else None
        ),
        "dominance_quantile": arg("dominance_quantile"),
    }
