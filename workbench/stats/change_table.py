"""The tables of change between two rounds, and the one place their p-values meet alpha.

Two tables (ARCHITECTURE.md, "Rounds"):

* **changes** — per indicator × group × breakdown cell: ``estimate_from``, ``estimate_to``,
  ``change`` (to − from), ``se_change``, t interval and two-sided p (``df``: the stacked design's
  degrees of freedom, ``df_from + df_to`` for independent rounds) and ``assessment``:
  ``improved`` / ``worsened`` (significant, the indicator's direction taken into account),
  ``changed`` (significant, neutral indicator), ``no_significant_change``, ``insufficient_data``
  (an estimate suppressed or too few cases in either round), ``not_comparable`` (the indicator's
  definition or mapping differs between the rounds and the user has not confirmed it).
* **gap_changes** — per displaced group (and all displaced pooled) × cell: ``gap_from`` and
  ``gap_to`` (displaced − comparator in each round), ``change`` = gap_to − gap_from with its SE,
  and ``assessment``: ``closing`` (significant and the gap is smaller: ``|gap_to| < |gap_from|``),
  ``widening`` (significant and not smaller — a gap that reverses and grows counts here),
  ``no_significant_change``, ``insufficient_data``, ``not_comparable``. Closing and widening
  are about the size of the gap, so they need no direction; the table keeps both gaps.

Independent rounds need no second pass over the data: ``Var = V_from + V_to`` from each round's
estimates, and for the gap each round's comparison SE (which holds the within-round covariance
of group and comparator). A panel brings the stacked design's covariance
(:mod:`workbench.stats.change_stacked`).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from workbench.stats.options import AnalysisOptions
from workbench.stats.results import AnalysisResults
from workbench.stats.tdist import t_crit, two_sided_p

CELL = ["indicator_id", "group", "disaggregation", "disaggregation_value"]
CHANGE_COLUMNS = [
    "indicator_id", "criterion", "group", "disaggregation", "disaggregation_value",
    "estimate_from", "estimate_to", "change", "se_change", "ci_low", "ci_high", "p_value",
    "df", "assessment", "flag",
]  # fmt: skip
GAP_CHANGE_COLUMNS = [
    "indicator_id", "criterion", "group", "comparator", "disaggregation", "disaggregation_value",
    "gap_from", "gap_to", "change", "se_change", "ci_low", "ci_high", "p_value", "df",
    "assessment", "flag",
]  # fmt: skip
CHANGE_ASSESSMENTS = (
    "improved", "worsened", "changed", "no_significant_change", "insufficient_data",
    "not_comparable",
)  # fmt: skip
GAP_ASSESSMENTS = (
    "closing", "widening", "no_significant_change", "insufficient_data", "not_comparable",
)  # fmt: skip


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
    keep = [*CELL, "comparator", "criterion", "difference", "se_difference", "df", "flag"]
    m = a.comparisons[keep].merge(b.comparisons[keep], on=[*CELL, "comparator"],
                                  suffixes=("_from", "_to"))  # fmt: skip
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


def significant(p: np.ndarray, options: AnalysisOptions) -> np.ndarray:
    """Whether a change is significant. The seam for the within-round comparisons' rules
    (multiple-testing adjustment, minimum important difference) once they exist: a change
    is judged as a difference is."""
    return np.asarray(p < options.alpha)


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


def assess_changes(
    table: pd.DataFrame,
    directions: Mapping[str, str],
    options: AnalysisOptions,
    not_comparable: set[str],
) -> pd.DataFrame:
    se, lo, hi, p, bad = _inference(table, options)
    if "n_min" in table:
        bad = bad | (table["n_min"].to_numpy(float) < options.min_n_compare)
    direction = table["indicator_id"].map(directions).to_numpy(dtype=object)
    sign = np.where(direction == "higher_is_better", 1.0, -1.0)
    sig = significant(p, options)
    judged = np.where(sign * table["change"].to_numpy(float) > 0, "improved", "worsened")
    assessment = np.where(sig, judged, "no_significant_change").astype(object)
    assessment = np.where((direction == "neutral") & sig, "changed", assessment)
    assessment = np.where(bad, "insufficient_data", assessment)
    nc = table["indicator_id"].isin(not_comparable).to_numpy()
    assessment = np.where(nc, "not_comparable", assessment)
    out = table.assign(se_change=se, ci_low=lo, ci_high=hi, p_value=p, assessment=assessment)
    out["flag"] = _flag(table)
    return _blank(out, nc)[CHANGE_COLUMNS].reset_index(drop=True)


def assess_gap_changes(
    table: pd.DataFrame, options: AnalysisOptions, not_comparable: set[str]
) -> pd.DataFrame:
    se, lo, hi, p, bad = _inference(table, options)
    sig = significant(p, options)
    smaller = np.abs(table["gap_to"].to_numpy(float)) < np.abs(table["gap_from"].to_numpy(float))
    assessment = np.where(sig, np.where(smaller, "closing", "widening"), "no_significant_change")
    assessment = np.where(bad, "insufficient_data", assessment.astype(object))
    nc = table["indicator_id"].isin(not_comparable).to_numpy()
    assessment = np.where(nc, "not_comparable", assessment)
    out = table.assign(se_change=se, ci_low=lo, ci_high=hi, p_value=p, assessment=assessment)
    out["flag"] = _flag(table)
    return _blank(out, nc)[GAP_CHANGE_COLUMNS].reset_index(drop=True)


def _blank(out: pd.DataFrame, nc: np.ndarray) -> pd.DataFrame:
    """No number of change is published for an indicator not comparable between rounds."""
    cols = ["change", "se_change", "ci_low", "ci_high", "p_value"]
    out.loc[nc, cols] = np.nan
    return out
