"""The results contract (ARCHITECTURE.md, "Results table").

``AnalysisResults`` is what the engine returns, the vault stores, the report and the app read.
All tables are long-format pandas DataFrames with the columns listed below (extra columns may
follow the contract columns; consumers must not rely on column positions).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from workbench.stats.snapshot import RunSnapshot

ESTIMATE_COLUMNS = [
    "indicator_id", "criterion", "group", "disaggregation", "disaggregation_value",
    "estimate", "se", "ci_low", "ci_high", "n", "n_weighted", "cv", "flag",
]  # fmt: skip
#: extra columns the engine adds to estimates
ESTIMATE_EXTRA = [
    "statistic", "unit", "deff", "df", "group_label", "suppression", "no_interval",
]  # fmt: skip
#: ``suppression`` (estimates, solutions, stock): why a suppressed row is suppressed —
#: ``primary`` (the thresholds), ``complementary`` (it would let a reader rebuild a primary one,
#: stats/suppression.py) or ``empty`` (no case, or — in the publishable copy — a group the
#: library puts outside the indicator's universe by definition); empty for published rows.
#: ``no_interval`` (estimates of totals, stock): why a published count has no interval —
#: ``unreliable`` (flagged caution) or ``no_df`` (its domain has no degree of freedom),
#: stats/count_intervals.py; empty otherwise

COMPARISON_COLUMNS = [
    "indicator_id", "group", "comparator", "disaggregation", "disaggregation_value",
    "difference", "se_difference", "ci_low", "ci_high", "p_value", "assessment",
]  # fmt: skip
#: extra columns the engine adds to comparisons
COMPARISON_EXTRA = [
    "criterion", "ratio", "estimate_group", "estimate_comparator", "flag", "p_adjusted",
    "min_important_difference", "equivalence_p", "not_compared_reason", "insufficient_reason",
    "tost_low", "tost_high",
]  # fmt: skip
#: ``p_adjusted``: the p-value adjusted for multiple comparisons (stats/multiplicity.py; NaN
#: where not tested); ``min_important_difference``: the margin the assessment used (NaN: none);
#: ``equivalence_p``: the TOST p-value (stats/judgement.py); ``tost_low`` / ``tost_high``: the
#: (1 − 2·alpha) interval of the difference (90% at alpha 5%) the TOST decides by, for a tested
#: row with a minimum important difference (NaN otherwise, and in runs stored before it);
#: ``not_compared_reason``:
#: ``by_definition`` (the library says the comparator is outside the universe),
#: ``population_total`` (the indicator is a total: populations of different size are not
#: judged against each other) or ``comparator_empty`` (nobody of the comparator is in it),
#: empty otherwise; ``insufficient_reason``: why an ``insufficient_data`` row was not assessed —
#: ``suppressed`` / ``too_few`` / ``no_se`` (too little data) or ``comparator_withheld`` /
#: ``group_withheld`` (that side withheld for disclosure, "(*)", although it has enough cases),
#: empty otherwise (and in runs stored before it: read as too little data)

CRITERIA_SUMMARY_COLUMNS = [
    "criterion", "group", "worse", "better", "no_significant_difference", "insufficient_data",
    "rating",
]  # fmt: skip
#: rating of a criterion for a group by the run's rule (stats/rating_rules.py): "red", "amber",
#: "inconclusive" (none worse, not all shown not worse), "green" (each shown not worse), "grey"
#: (no indicator assessable); a profile module's cells "described" (never rated, stats/summary)
CRITERIA_SUMMARY_EXTRA = [
    "small_difference", "equivalent", "not_compared", "assessed", "share_worse", "rule",
    "indicators", "limited_evidence", "inconclusive",
]  # fmt: skip
#: ``assessed``: indicators with an assessment (worse, better, small_difference, equivalent,
#: no_significant_difference, inconclusive; a run stored before ``inconclusive`` has no such
#: column and counted those as no_significant_difference); ``share_worse`` = worse / assessed;
#: ``rule``: the rating rule;
#: ``indicators``: the criterion's indicators compared for the group (assessed, not compared
#: or insufficient data); ``limited_evidence``: the rating rests on fewer than half of them
#: (stats/summary.LIMITED_EVIDENCE_SHARE) — the rating rule is the same, the outputs say so

SOLUTIONS_COLUMNS = [
    "method", "group", "disaggregation", "disaggregation_value", "share", "se", "ci_low",
    "ci_high", "number", "number_se", "n", "n_assessable", "flag",
]  # fmt: skip

STOCK_COLUMNS = [
    "table", "group", "row_var", "row_value", "col_var", "col_value", "estimate", "se",
    "ci_low", "ci_high", "n", "cv", "flag",
]  # fmt: skip
#: weighted counts of displaced units per cell of each StockTableSpec; col_var/col_value empty for
#: one-way tables; group is a displaced group code or ALL_DISPLACED. Extra columns row_rank /
#: col_rank give the plan's level order of the row and column values; df the cell's degrees of
#: freedom; no_interval why a published cell has no interval (as for estimates).
#: Each group's last row of a table is its TOTAL (row_value == STOCK_TOTAL; col_value
#: STOCK_TOTAL for a two-way table, empty for a one-way one): the group's weighted count of
#: units of the table's unit (R ``svytotal`` on the group domain, units with a missing row or
#: column value included), a cell like the others.
#: A two-way table also has its margins: per row level, the count over every column (row_value
#: the level, col_value STOCK_TOTAL: "Female, all ages"), after that level's cells; per column
#: level, the count over every row (row_value STOCK_TOTAL, col_value the level: "0–4, both
#: sexes"), before the TOTAL — each R's ``svytotal`` on its own domain (units with a missing value
#: of the other variable included), with its own SE, interval, n, CV and flag.
#: Units with no value of the row (or column) variable are counted in a "Not stated" level
#: (row_value / col_value STOCK_NOT_STATED), a cell like the others, present only where such
#: units exist, so a group's cells (and each level's cells) add up to its TOTAL (and margins).
STOCK_TOTAL = "_total"  # reserved row_value (and col_value) of a stock table's total row
STOCK_NOT_STATED = "_not_stated"  # reserved level of units with a missing breakdown value


def stock_margin(stock: pd.DataFrame) -> np.ndarray:
    """What each row of a stock table is: "" an inner cell, "row" a row level's total over the
    columns, "col" a column level's total over the rows, "total" the group's TOTAL."""
    if stock.empty or "row_value" not in stock:
        return np.full(len(stock), "", dtype=object)
    row = (stock["row_value"].astype(str) == STOCK_TOTAL).to_numpy()
    col = (stock["col_value"].fillna("").astype(str) == STOCK_TOTAL).to_numpy()
    one_way = (stock["col_var"].fillna("").astype(str) == "").to_numpy()
    return np.select([row & (col | one_way), col, row], ["total", "row", "col"], default="").astype(
        object
    )


def is_stock_total(stock: pd.DataFrame) -> np.ndarray:
    """Which rows of a stock table are totals (the TOTAL or a margin), not inner cells."""
    return stock_margin(stock) != ""


GROUP_TOTAL = "total"  # disaggregation name of the overall row
ALL_DISPLACED = "all_displaced"  # group code of the pooled displaced groups
FLAGS = ("", "caution", "suppressed")
#: ``different``: a significant difference of an indicator with a neutral direction (described,
#: not judged; not counted in the criteria summary); ``small_difference``: significant but
#: below the minimum important difference; ``equivalent``: shown to be within it (TOST);
#: ``inconclusive``: not significant, but the gap's (1 − 2·alpha) interval reaches the minimum
#: important difference, so a gap that matters cannot be ruled out (stats/judgement.py);
#: ``not_compared``: the comparison cannot be made (see ``not_compared_reason``)
ASSESSMENTS = (
    "worse", "better", "no_significant_difference", "insufficient_data", "different",
    "small_difference", "equivalent", "not_compared", "inconclusive",
)  # fmt: skip
RESULT_TABLES = ("estimates", "comparisons", "criteria_summary", "solutions", "stock")


@dataclass
class AnalysisResults:
    estimates: pd.DataFrame
    comparisons: pd.DataFrame
    criteria_summary: pd.DataFrame
    solutions: pd.DataFrame = field(default_factory=pd.DataFrame)
    stock: pd.DataFrame = field(default_factory=pd.DataFrame)
    #: plan name/version/hash, dataset fingerprint, library version, preset, alpha,
    #: solutions options, software version, created-at
    meta: dict[str, Any] = field(default_factory=dict)
    #: everything an output says besides the numbers, frozen when the run ran (None only for
    #: results built by hand; the vault gives every stored run one)
    snapshot: RunSnapshot | None = None

    def tables(self) -> dict[str, pd.DataFrame]:
        """The five tables by name (what the vault stores)."""
        return {name: getattr(self, name) for name in RESULT_TABLES}

    @classmethod
    def from_tables(
        cls,
        tables: dict[str, pd.DataFrame],
        meta: dict[str, Any],
        snapshot: RunSnapshot | None = None,
    ) -> AnalysisResults:
        """Results from stored parts (tables missing from an older run are empty)."""
        parts = {name: tables.get(name, pd.DataFrame()) for name in RESULT_TABLES}
        return cls(**parts, meta=dict(meta), snapshot=snapshot)

    def publishable(self) -> AnalysisResults:
        """A copy in which no suppressed value survives: estimate, SE, CI, CV, design effect,
        weighted count (beside the pooled group's it would rebuild a proportion) and unweighted
        count blanked (the number of cases times a typical weight approximates a suppressed
        weighted count), differences too; primary and complementary suppressions alike — but a
        complement of a statistic other than a total keeps its unweighted count.
        The comparator's rows of an indicator whose universe excludes it by definition (the
        engine's ``not_compared_reason = "by_definition"``, e.g. "lost documents because of
        displacement": the host community's "0.0" is no finding) are not applicable there:
        blanked and marked ``empty``, as a group without a case — the report, the annex and the
        results workbook all read this copy. A solutions headline published as a bound keeps
        its ``n_assessable`` (issue 20: "n assessable" was blank exactly where the share read
        "< 0.5%")."""
        est = self.estimates.copy()
        blank = ["estimate", "se", "ci_low", "ci_high", "cv", "n_weighted", "deff", "n"]
        outside = _outside_by_definition(est, self.comparisons)
        if outside.any():
            est.loc[outside, "flag"] = "suppressed"
            est["suppression"] = est.get("suppression", pd.Series("", index=est.index))
            est["suppression"] = est["suppression"].astype(object)
            est.loc[outside, "suppression"] = "empty"
        sup = est["flag"] == "suppressed"
        est.loc[sup, [c for c in blank if c in est]] = float("nan")
        # a complement "(*)" of a share, mean, median or ratio keeps its number of cases: at
        # least the threshold by definition, it tells nothing of the withheld value (en_B 2:
        # "Host community (comparator) (*)" showed no n, beside n 37 on the pages around it);
        # a total's cases times a typical weight would approximate it, a primary's would say
        # how few it holds — those stay blank
        held = sup & (est.get("suppression", pd.Series("", index=est.index)) == "complementary")
        if "n" in est and "statistic" in est:
            keep = held & (est["statistic"].astype(str) != "total")
            est.loc[keep, "n"] = self.estimates.loc[keep, "n"]
        cmp_ = self.comparisons.copy()
        if "flag" in cmp_:
            csup = cmp_["flag"] == "suppressed"
            cols = ["difference", "se_difference", "ci_low", "ci_high", "p_value"]
            extra = ["ratio", "estimate_group", "estimate_comparator"]
            extra += ["p_adjusted", "equivalence_p", "tost_low", "tost_high"]
            cols += [c for c in extra if c in cmp_]
            cmp_.loc[csup, cols] = float("nan")
        sol = self.solutions.copy()
        if not sol.empty and "flag" in sol:
            ssup = sol["flag"] == "suppressed"
            cols = ["share", "se", "ci_low", "ci_high", "number", "number_se", "n"]
            sol.loc[ssup, [c for c in cols if c in sol]] = float("nan")
            # a headline published as a bound ("below 0.5%", ``share_below``) keeps its number
            # of assessable households: the group's sample size, on which the published bound
            # rests, not a withheld value (its share, number and their errors stay blank; the
            # groups' sample sizes are published with every other indicator); the other
            # withheld rows lose it with their value
            bounded = sol["share_below"].notna() if "share_below" in sol else False
            if "n_assessable" in sol:
                sol.loc[ssup & ~bounded, "n_assessable"] = float("nan")
        stock = self.stock.copy()
        if not stock.empty and "flag" in stock:
            ksup = stock["flag"] == "suppressed"
            cols = ["estimate", "se", "ci_low", "ci_high", "cv", "n"]
            stock.loc[ksup, [c for c in cols if c in stock]] = float("nan")
        return AnalysisResults(
            est, cmp_, self.criteria_summary.copy(), sol, stock, dict(self.meta), self.snapshot
        )


def _outside_by_definition(est: pd.DataFrame, cmp_: pd.DataFrame) -> pd.Series:
    """The estimate rows of a comparator outside an indicator's universe by definition."""
    none = pd.Series(False, index=est.index)
    if est.empty or cmp_.empty or "not_compared_reason" not in cmp_:
        return none
    by_def = cmp_[cmp_["not_compared_reason"].fillna("").astype(str) == "by_definition"]
    pairs = set(
        zip(by_def["indicator_id"].astype(str), by_def["comparator"].astype(str), strict=True)
    )
    if not pairs:
        return none
    keys = zip(est["indicator_id"].astype(str), est["group"].astype(str), strict=True)
    return pd.Series([k in pairs for k in keys], index=est.index)
