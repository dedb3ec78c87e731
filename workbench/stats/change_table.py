"""The tables of change between two rounds, and the one place their p-values meet alpha.

Two tables (ARCHITECTURE.md, "Rounds"):

* **changes** — per indicator × group × breakdown cell: ``estimate_from``, ``estimate_to``,
  ``change`` (to − from), ``se_change``, t interval and two-sided p (``df``: the stacked design's
  degrees of freedom, ``df_from + df_to`` for independent rounds) and ``assessment``:
  ``improved`` / ``worsened`` (significant and at least the indicator's minimum important
  difference, the indicator's direction taken into account), ``changed`` (the same, neutral
  indicator — and every indicator of a profile module, as the within-round comparison judges
  them: ``comparisons.judged_directions``), ``small_change`` (significant but below the
  minimum important difference), ``stable`` (equivalence asked: the change lies within ± that
  minimum, TOST), ``no_significant_change``, ``insufficient_data`` (an estimate suppressed or
  too few cases in either round), ``not_comparable`` (the indicator's definition or mapping
  differs between the rounds and the user has not confirmed it).
* **gap_changes** — per displaced group (and all displaced pooled) × cell: ``gap_from`` and
  ``gap_to`` (displaced − comparator in each round), ``change`` = gap_to − gap_from with its SE,
  and ``assessment``: ``closing`` (significant, the change in the gap at least the minimum
  important difference, and the gap is smaller: ``|gap_to| < |gap_from|``), ``widening``
  (significant, at least the minimum, and not smaller — a gap that reverses and grows counts
  here), ``small_change``, ``stable`` (the change in the gap lies within ± the minimum, TOST),
  ``no_significant_change``, ``insufficient_data``, ``not_comparable``. Closing and widening
  are about the size of the gap, so they need no direction; the table keeps both gaps.

Both tables are judged as the within-round comparisons are (:func:`judge`): p-values adjusted
for multiple comparisons per family (``stats/multiplicity.py``: the plan's method, within each
criterion or across the plan, for each group and cell), the adjusted one deciding when
``use_adjusted_p``; then ``stats/judgement.py``'s rule with the indicator's minimum important
difference and, when asked, the equivalence test. Extra columns: ``p_adjusted``,
``min_important_difference``, ``equivalence_p``.

Independent rounds need no second pass over the data: ``Var = V_from + V_to`` from each round's
estimates, and for the gap each round's comparison SE (which holds the within-round covariance
of group and comparator). A panel brings the stacked design's covariance
(:mod:`workbench.stats.change_stacked`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.stats.comparisons import indicator_margins, judged_directions
from workbench.stats.frame import AnalysisFrame
from workbench.stats.judgement import assess, equivalence_p
from workbench.stats.multiplicity import adjusted
from workbench.stats.options import AnalysisOptions
from workbench.stats.results import AnalysisResults
from workbench.stats.tdist import t_crit, two_sided_p

CELL = ["indicator_id", "group", "disaggregation", "disaggregation_value"]
CHANGE_COLUMNS = [
    "indicator_id", "criterion", "group", "disaggregation", "disaggregation_value",
    "estimate_from", "estimate_to", "change", "se_change", "ci_low", "ci_high", "p_value",
    "df", "assessment", "flag", "p_adjusted", "min_important_difference", "equivalence_p",
]  # fmt: skip
GAP_CHANGE_COLUMNS = [
    "indicator_id", "criterion", "group", "comparator", "disaggregation", "disaggregation_value",
    "gap_from", "gap_to", "change", "se_change", "ci_low", "ci_high", "p_value", "df",
    "assessment", "flag", "p_adjusted", "min_important_difference", "equivalence_p",
]  # fmt: skip
CHANGE_ASSESSMENTS = (
    "improved", "worsened", "changed", "small_change", "stable", "no_significant_change",
    "insufficient_data", "not_comparable",
)  # fmt: skip
GAP_ASSESSMENTS = (
    "closing", "widening", "small_change", "stable", "no_significant_change",
    "insufficient_data", "not_comparable",
)  # fmt: skip
#: judgement.assess's words for a difference → the words for a change
_CHANGE_WORDS = {
    "worse": "worsened", "better": "improved", "different": "changed",
    "small_difference": "small_change", "equivalent": "stable",
    "no_significant_difference": "no_significant_change",
    # not yet its own word between rounds: a change whose interval reaches the minimum reads
    # "no significant change", as before the within-round "inconclusive" (docs/statistics.md)
    "inconclusive": "no_significant_change",
}  # fmt: skip


def _design_df(res: AnalysisResults, units: pd.Series) -> np.ndarray:
    designs = res.meta.get("designs", {})
    return units.map(lambda u: float(designs.get(u, {}).get("df", np.nan))).to_numpy(float)


def independent_changes(
    a: AnalysisResults, b: AnalysisResults
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Changes and changes in the gap of independent rounds from their results alone."""
    keep = [*CELL, "unit", "criterion", "estimate", "se", "n", "flag"]
    m = a.estimates[keep].merge(b.estimates[keep], on=CELL, suffixes=("_from", "_to"))
    ch = pd.DataFrame(
        {
            **{c: m[c] for c in CELL},
            "criterion": m["criterion_to"],
            "estimate_from": m["estimate_from"],
            "estimate_to": m["estimate_to"],
            "change": m["estimate_to"] - m["estimate_from"],
            "var_change": m["se_from"] ** 2 + m["se_to"] ** 2,
            "df": _design_df(a, m["unit_from"]) + _design_df(b, m["unit_to"]),
            "suppressed": (m["flag_from"] == "suppressed") | (m["flag_to"] == "suppressed"),
            "caution": (m["flag_from"] == "caution") | (m["flag_to"] == "caution"),
            "n_min": np.minimum(m["n_from"], m["n_to"]),
        }
    )
    return ch, _independent_gaps(a, b)


def _independent_gaps(a: AnalysisResults, b: AnalysisResults) -> pd.DataFrame:
    """A gap not compared in either round (no comparator in the indicator's universe, e.g.
    "since displacement") has no change: such rows are left out."""
    keep = [*CELL, "comparator", "criterion", "difference", "se_difference", "df", "flag",
            "assessment"]  # fmt: skip
    m = a.comparisons[keep].merge(b.comparisons[keep], on=[*CELL, "comparator"],
                                  suffixes=("_from", "_to"))  # fmt: skip
    never = (m["assessment_from"] == "not_compared") & (m["assessment_to"] == "not_compared")
    m = m[~never.to_numpy()].reset_index(drop=True)
    return pd.DataFrame(
        {
            **{c: m[c] for c in CELL},
            "comparator": m["comparator"],
            "criterion": m["criterion_to"],
            "gap_from": m["difference_from"],
            "gap_to": m["difference_to"],
            "change": m["difference_to"] - m["difference_from"],
            "var_change": m["se_difference_from"] ** 2 + m["se_difference_to"] ** 2,
            "df": m["df_from"].astype(float) + m["df_to"].astype(float),
            "suppressed": (m["flag_from"] == "suppressed") | (m["flag_to"] == "suppressed"),
            "caution": (m["flag_from"] == "caution") | (m["flag_to"] == "caution"),
        }
    )


def judge(
    table: pd.DataFrame,
    p: np.ndarray,
    se: np.ndarray,
    tested: np.ndarray,
    mid: np.ndarray,
    direction: np.ndarray,
    options: AnalysisOptions,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(assessment in change words, p_adjusted, equivalence_p) of tested rows, judged as a
    within-round difference is: the family adjustment of ``stats/multiplicity.py`` and the
    rule of ``stats/judgement.py`` (significance, minimum important difference, TOST). The
    table needs ``group``, ``disaggregation``, ``disaggregation_value``, ``criterion``,
    ``change`` and ``df``."""
    fam = table[["group", "disaggregation", "disaggregation_value", "criterion"]].assign(p_value=p)
    p_adj = adjusted(fam.reset_index(drop=True), tested, options.p_adjust,
                     options.p_adjust_scope)  # fmt: skip
    change, df = table["change"].to_numpy(float), table["df"].to_numpy(float)
    p_eq = equivalence_p(change, se, mid, df) if options.equivalence else np.full_like(p, np.nan)
    decide = p_adj if options.use_adjusted_p else p
    words = assess(change, decide, p_eq, mid, direction, options.alpha)
    words = np.array([_CHANGE_WORDS[w] for w in words], dtype=object)
    return words, p_adj, np.where(tested, p_eq, np.nan)


def _inference(
    table: pd.DataFrame, options: AnalysisOptions
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    change = table["change"].to_numpy(float)
    se = np.sqrt(np.maximum(table["var_change"].to_numpy(float), 0.0))
    df = table["df"].to_numpy(float)
    t = t_crit(options.alpha, df)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(se > 0, two_sided_p(change / se, df), np.where(change == 0, 1.0, 0.0))
    bad = table["suppressed"].to_numpy(bool) | ~np.isfinite(change) | ~np.isfinite(se)
    return se, change - t * se, change + t * se, p, bad


def _flag(table: pd.DataFrame) -> np.ndarray:
    return np.where(table["suppressed"], "suppressed", np.where(table["caution"], "caution", ""))


def _margins(table: pd.DataFrame, frame: AnalysisFrame, options: AnalysisOptions) -> np.ndarray:
    return indicator_margins(frame, table["indicator_id"], options)


def assess_changes(
    table: pd.DataFrame,
    frame: AnalysisFrame,
    options: AnalysisOptions,
    not_comparable: set[str],
) -> pd.DataFrame:
    """``frame``: the later round's (the indicators' directions and minimum differences)."""
    se, lo, hi, p, bad = _inference(table, options)
    if "n_min" in table:
        bad = bad | (table["n_min"].to_numpy(float) < options.min_n_compare)
    # the within-round comparison's rule: a profile module's change is undirected
    direction = table["indicator_id"].map(judged_directions(frame)).to_numpy(dtype=object)
    nc = table["indicator_id"].isin(not_comparable).to_numpy()
    mid = _margins(table, frame, options)
    words, p_adj, p_eq = judge(table, p, se, ~bad & ~nc, mid, direction, options)
    return _table(table, (se, lo, hi, p, bad), nc, words, (p_adj, mid, p_eq), CHANGE_COLUMNS)


def assess_gap_changes(
    table: pd.DataFrame, frame: AnalysisFrame, options: AnalysisOptions, not_comparable: set[str]
) -> pd.DataFrame:
    se, lo, hi, p, bad = _inference(table, options)
    nc = table["indicator_id"].isin(not_comparable).to_numpy()
    mid = _margins(table, frame, options)
    neutral = np.full(len(table), "neutral", dtype=object)
    words, p_adj, p_eq = judge(table, p, se, ~bad & ~nc, mid, neutral, options)
    smaller = np.abs(table["gap_to"].to_numpy(float)) < np.abs(table["gap_from"].to_numpy(float))
    moved = np.where(smaller, "closing", "widening")
    words = np.where(words == "changed", moved, words).astype(object)
    return _table(table, (se, lo, hi, p, bad), nc, words, (p_adj, mid, p_eq), GAP_CHANGE_COLUMNS)


def _table(
    table: pd.DataFrame,
    inference: tuple[np.ndarray, ...],
    nc: np.ndarray,
    words: np.ndarray,
    judged: tuple[np.ndarray, np.ndarray, np.ndarray],
    columns: list[str],
) -> pd.DataFrame:
    se, lo, hi, p, bad = inference
    assessment = np.where(bad, "insufficient_data", words)
    assessment = np.where(nc, "not_comparable", assessment)
    p_adj, mid, p_eq = judged
    out = table.assign(se_change=se, ci_low=lo, ci_high=hi, p_value=p, assessment=assessment)
    out = out.assign(p_adjusted=p_adj, min_important_difference=mid, equivalence_p=p_eq)
    out["flag"] = _flag(table)
    return _blank(out, nc)[columns].reset_index(drop=True)


def _blank(out: pd.DataFrame, nc: np.ndarray) -> pd.DataFrame:
    """No number of change is published for an indicator not comparable between rounds."""
    cols = ["change", "se_change", "ci_low", "ci_high", "p_value", "p_adjusted", "equivalence_p"]
    out.loc[nc, cols] = np.nan
    return out
