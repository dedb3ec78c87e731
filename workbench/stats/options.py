"""Analysis options: every choice that changes a number, recorded in ``results.meta``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from workbench.stats.ci_methods import PROPORTION_CI_METHODS, ProportionCI
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
    #: interval of proportions (stats/ci_methods.py): "logit" (svyciprop) or "wald" (t interval)
    proportion_ci: ProportionCI = "logit"
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
