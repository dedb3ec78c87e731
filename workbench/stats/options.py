"""Analysis options: every choice that changes a number, recorded in ``results.meta``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from workbench.stats.ci_methods import (
    PROPORTION_CI_METHODS,
    TOTAL_CI_METHODS,
    ProportionCI,
    TotalCI,
)
from workbench.stats.multiplicity import (
    P_ADJUST_METHODS,
    P_ADJUST_SCOPES,
    PAdjustMethod,
    PAdjustScope,
)
from workbench.stats.rating_rules import RATING_RULES, RatingRule
from workbench.stats.solutions_methods import DEFAULT_SOLUTIONS_METHODS, SOLUTIONS_METHODS


@dataclass
class AnalysisOptions:
    """Options of :func:`workbench.stats.analyze` (see docs/statistics.md for each method)."""

    #: significance level of comparisons and 1 - confidence level of every interval
    alpha: float = 0.05
    #: disclosure-control preset (stats/disclosure_presets.py) or "custom" (fields below)
    disclosure_preset: str = "dhs"
    #: custom thresholds (used when disclosure_preset == "custom")
    suppress_below_n: int | None = None
    caution_below_n: int | None = None
    caution_cv: float | None = None
    suppress_cv: float | None = None
    #: interval of proportions (stats/ci_methods.py): R svyciprop's methods; an estimate of 0
    #: or 1 gets the Korn–Graubard interval whatever the method
    proportion_ci: ProportionCI = "logit"
    #: interval of totals: "wald" (est ± t·SE) or "log" (on the log scale, never below zero)
    total_ci: TotalCI = "wald"
    #: multiple comparisons (stats/multiplicity.py): R p.adjust method, reported in p_adjusted
    p_adjust: PAdjustMethod = "BH"
    #: family of the adjustment: the indicators of one "criterion" (per group and cell) or the
    #: whole "plan"
    p_adjust_scope: PAdjustScope = "criterion"
    #: assess with the adjusted p-value instead of the raw one
    use_adjusted_p: bool = False
    #: worse / better only when the gap is at least the indicator's minimum important difference
    #: (library default: 5 percentage points for proportions; the plan may change it per
    #: indicator); False: any significant difference counts
    substantive: bool = True
    #: with a minimum important difference, test equivalence (TOST) so "no gap" can be shown
    equivalence: bool = True
    #: criterion rating rule (stats/rating_rules.py) and its share of indicators worse for red
    rating_rule: RatingRule = "share_worse"
    red_share: float = 0.5
    #: report the ratio displaced / comparator next to each difference
    compute_ratio: bool = True
    #: comparisons need at least this many unweighted cases on each side (else insufficient_data)
    min_n_compare: int = 2
    #: solutions-measure methods to compute; the first (the IRIS layered rule) is the headline.
    #: All are computed by default: the strict rule alone is known to pass almost nobody (see
    #: durable-solutions.md), so a reader needs the documented alternatives beside it.
    solutions_methods: tuple[str, ...] = DEFAULT_SOLUTIONS_METHODS
    #: benchmark of the solutions measure: comparator estimate, a national value, or a fixed value
    solutions_benchmark: Literal["comparator", "national", "fixed"] = "comparator"
    #: benchmark values per indicator id for "national" / "fixed" (fixed: one value for all)
    benchmark_values: dict[str, float] = field(default_factory=dict)
    benchmark_fixed: float | None = None
    #: compare against the benchmark's CI bound (the lenient side) instead of its point estimate
    use_ci_bound: bool = False
    #: NaN outside an indicator's universe (skip pattern): "no_vulnerability" or "missing"
    missing_by_design: Literal["no_vulnerability", "missing"] = "no_vulnerability"
    #: individual → household aggregation (None: the frame's household_aggregation)
    household_aggregation: Literal["any", "all", "head"] | None = None
    #: columns defining homogeneous cells (location × origin × arrival year)
    homogeneous_cells: tuple[str, ...] = ("location", "origin_location", "displacement_year")
    #: dominance: a household passes when its vulnerability score is at most this quantile of
    #: the comparator's weighted score distribution
    dominance_quantile: float = 0.5

    def __post_init__(self) -> None:
        from workbench.errors import StatsError

        if not 0.0 < self.alpha < 0.5:
            raise StatsError.of("stats.alpha_range", alpha=self.alpha)
        if self.proportion_ci not in PROPORTION_CI_METHODS:
            raise StatsError.of(
                "stats.proportion_ci_unknown",
                proportion_ci=self.proportion_ci,
                methods=PROPORTION_CI_METHODS.codes,
            )
        for value, registry in (
            (self.total_ci, TOTAL_CI_METHODS),
            (self.p_adjust, P_ADJUST_METHODS),
            (self.rating_rule, RATING_RULES),
        ):
            if value not in registry:
                raise StatsError.of(
                    "stats.option_unknown", option=registry.name, value=value,
                    choices=registry.codes,
                )  # fmt: skip
        if self.p_adjust_scope not in P_ADJUST_SCOPES:
            raise StatsError.of(
                "stats.option_unknown", option="p_adjust_scope", value=self.p_adjust_scope,
                choices=P_ADJUST_SCOPES,
            )  # fmt: skip
        if not 0.0 < self.red_share <= 1.0:
            raise StatsError.of("stats.red_share_range", value=self.red_share)
        bad = [m for m in self.solutions_methods if m not in SOLUTIONS_METHODS]
        if bad:
            raise StatsError.of(
                "stats.solutions_method_unknown_use", bad=bad[0], methods=SOLUTIONS_METHODS.codes
            )

    def as_meta(self) -> dict[str, Any]:
        data = asdict(self)
        data["solutions_methods"] = list(self.solutions_methods)
        data["homogeneous_cells"] = list(self.homogeneous_cells)
        return data
