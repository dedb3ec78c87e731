"""Displaced groups (and all displaced pooled) minus the comparator, in every cell.

``difference = e_g − e_c`` with ``Var = V_g + V_c − 2 Cov(g, c)``, the covariance from shared PSUs
exactly as R ``svyby(…, covmat=TRUE)`` + ``svycontrast``; t interval and two-sided p with the
full design's degrees of freedom (``degf(design)``). Assessment respects the direction:
``worse`` / ``better`` when p < alpha, ``no_significant_difference`` otherwise,
``insufficient_data`` when either side is suppressed, has fewer than ``min_n_compare`` cases or no
SE. Indicators with a ``neutral`` direction are described, not judged: a significant difference
is assessed ``different`` and left out of the criterion summary. This is the one place a p-value
meets alpha; reports and the app only present the assessment.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.stats.frame import AnalysisFrame
from workbench.stats.options import AnalysisOptions
from workbench.stats.results import ALL_DISPLACED, COMPARISON_COLUMNS, COMPARISON_EXTRA
from workbench.stats.tdist import t_crit, two_sided_p

KEYS = ["unit", "indicator_id", "disaggregation", "disaggregation_value"]


def empty_comparisons() -> pd.DataFrame:
    return pd.DataFrame(columns=[*COMPARISON_COLUMNS, *COMPARISON_EXTRA, "df"])


def compare(est: pd.DataFrame, frame: AnalysisFrame, options: AnalysisOptions) -> pd.DataFrame:
    comp = frame.comparator
    if comp is None or est.empty:
        return empty_comparisons()
    displaced = [g.code for g in frame.displaced] + [ALL_DISPLACED]
    left = est[est["group"].isin(displaced)]
    right = est.loc[est["group"] == comp.code, [*KEYS, "estimate", "_var", "n", "flag"]]
    m = left.merge(right, on=KEYS, suffixes=("", "_c"), how="inner")
    e_g, e_c = m["estimate"].to_numpy(float), m["estimate_c"].to_numpy(float)
    diff = e_g - e_c
    var = m["_var"].to_numpy(float) + m["_var_c"].to_numpy(float) - 2 * m["_cov"].to_numpy(float)
    se = np.sqrt(np.maximum(var, 0.0))
    df = m["_design_df"].to_numpy(float)
    t = t_crit(options.alpha, df)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(se > 0, two_sided_p(diff / se, df), np.where(diff == 0, 1.0, 0.0))
        ratio = e_g / e_c if options.compute_ratio else np.full_like(e_g, np.nan)
    sup = (m["flag"] == "suppressed") | (m["flag_c"] == "suppressed")
    caution = (m["flag"] == "caution") | (m["flag_c"] == "caution")
    too_few = (m["n"] < options.min_n_compare) | (m["n_c"] < options.min_n_compare)
    insufficient = (sup | too_few | ~np.isfinite(diff) | ~np.isfinite(se)).to_numpy()
    directions = {i.id: i.direction for i in frame.indicators}
    direction = m["indicator_id"].map(directions).to_numpy(dtype=object)
    sign = np.where(direction == "higher_is_better", -1.0, 1.0)
    sig = p < options.alpha
    judged = np.where(sign * diff > 0, "worse", "better")
    assessment = np.where(sig, judged, "no_significant_difference").astype(object)
    assessment = np.where((direction == "neutral") & sig, "different", assessment)
    assessment = np.where(insufficient, "insufficient_data", assessment)
    return pd.DataFrame(
        {
            "indicator_id": m["indicator_id"],
            "group": m["group"],
            "comparator": comp.code,
            "disaggregation": m["disaggregation"],
            "disaggregation_value": m["disaggregation_value"],
            "difference": diff,
            "se_difference": se,
            "ci_low": diff - t * se,
            "ci_high": diff + t * se,
            "p_value": p,
            "assessment": assessment,
            "criterion": m["criterion"],
            "ratio": ratio,
            "estimate_group": e_g,
            "estimate_comparator": e_c,
            "flag": np.where(sup, "suppressed", np.where(caution, "caution", "")),
            "df": df,
        }
    ).reset_index(drop=True)
