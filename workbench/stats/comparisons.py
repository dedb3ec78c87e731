"""Displaced groups (and all displaced pooled) minus the comparator, in every cell.

``difference = e_g − e_c`` with ``Var = V_g + V_c − 2 Cov(g, c)``, the covariance from shared PSUs
exactly as R ``svyby(…, covmat=TRUE)`` + ``svycontrast``; t interval and two-sided p with the
full design's degrees of freedom (``degf(design)``). Before any test:

* ``not_compared`` when the indicator cannot be compared: the library marks its universe as
  excluding the comparator by definition (``comparable = false``, e.g. "since displacement"), or
  nobody of the comparator is in its universe (the comparator's total row has no case), or the
  indicator is estimated as a total (``statistic = "total"``: a weighted count of people or
  households — the totals of populations of different size say how many, not who is better
  off) — ``not_compared_reason`` says which; the estimates still describe every group;
* ``insufficient_data`` when either side is suppressed, has fewer than ``min_n_compare`` cases or
  no SE — ``insufficient_reason`` says which: ``suppressed`` (a side withheld by the disclosure
  thresholds: too few cases or too unreliable), ``too_few`` (under ``min_n_compare``),
  ``no_se`` (no difference or standard error), or — the data exist but may not be published —
  ``comparator_withheld`` / ``group_withheld`` (that side is a *complementary* suppression,
  withheld with enough cases so that another withheld value cannot be worked out: "(*)").
  A comparison withheld for disclosure is not assessed either, and its difference is not
  published, but reports must not call it "insufficient data".

An indicator of a profile module (criterion ``A`` / ``B``: the population described, outside
the criteria's ratings and the count of substantive gaps) is judged undirected, whatever its
library ``direction``: a gap there is a ``different`` ("Significant difference"), never
``worse`` / ``better`` — "worse" is what the report calls a substantive gap — and a change
between rounds is ``changed``, never ``worsened`` / ``improved`` (:func:`judged_directions`,
the one rule both use).

The rest are tested: p-values are adjusted for multiple comparisons per family
(stats/multiplicity.py) and judged with the minimum important difference and the equivalence
test (stats/judgement.py). Reports and the app only present the assessment.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.stats.frame import AnalysisFrame
from workbench.stats.judgement import assess, equivalence_p
from workbench.stats.multiplicity import adjusted
from workbench.stats.options import AnalysisOptions
from workbench.stats.results import (
    ALL_DISPLACED,
    COMPARISON_COLUMNS,
    COMPARISON_EXTRA,
    GROUP_TOTAL,
)
from workbench.stats.suppression import COMPLEMENTARY, SUPPRESSION
from workbench.stats.tdist import t_crit, two_sided_p

KEYS = ["unit", "indicator_id", "disaggregation", "disaggregation_value"]
#: the library's profile modules (``[[module]]``): descriptive, not criteria
PROFILE_MODULES = ("A", "B")


def judged_directions(frame: AnalysisFrame) -> dict[str, str]:
    """Each indicator's direction as its differences are judged — between groups here, and
    between rounds (stats/change_table.py): the library's ``direction``, except that a profile
    module describes, so its indicators are ``neutral`` — a gap is a ``different`` ("Significant
    difference"), a change a ``changed``, never worse / better or worsened / improved (en_A 2:
    "Felt discriminated against" read "Worse" beside Module A's "Significant difference")."""
    return {
        i.id: "neutral" if i.criterion in PROFILE_MODULES else i.direction for i in frame.indicators
    }


def empty_comparisons() -> pd.DataFrame:
    return pd.DataFrame(columns=[*COMPARISON_COLUMNS, *COMPARISON_EXTRA, "df"])


def _not_compared(frame: AnalysisFrame, right: pd.DataFrame, ids: pd.Series) -> np.ndarray:
    """``by_definition`` / ``population_total`` / ``comparator_empty`` / "" for each row's
    indicator."""
    tot = right[right["disaggregation"] == GROUP_TOTAL]
    empty = set(tot.loc[tot["n"].fillna(0) <= 0, "indicator_id"])
    reason = {i.id: "by_definition" for i in frame.indicators if not i.comparable}
    for i in frame.indicators:
        if i.statistic == "total":
            reason.setdefault(i.id, "population_total")
    for ind_id in empty:
        reason.setdefault(ind_id, "comparator_empty")
    return np.array([reason.get(i, "") for i in ids], dtype=object)


def _insufficient_reason(m: pd.DataFrame, too_few: pd.Series, no_se: np.ndarray) -> np.ndarray:
    """Why each row would be ``insufficient_data`` ("" where nothing is missing): a real lack of
    data first (``suppressed`` by the thresholds, ``too_few``, ``no_se``), else which side is a
    complementary suppression (``comparator_withheld``, then ``group_withheld``)."""

    def withheld(side: str) -> tuple[np.ndarray, np.ndarray]:
        flag = (
            m[f"flag{side}"] if f"flag{side}" in m else pd.Series("", index=m.index)
        ) == "suppressed"
        col = f"{SUPPRESSION}{side}"
        kind = m[col].fillna("").astype(str) if col in m else pd.Series("", index=m.index)
        complement = flag & (kind == COMPLEMENTARY)
        return (flag & ~complement).to_numpy(), complement.to_numpy()

    primary_g, group_w = withheld("")
    primary_c, comp_w = withheld("_c")
    return np.select(
        [primary_g | primary_c, too_few.to_numpy(), no_se, comp_w, group_w],
        ["suppressed", "too_few", "no_se", "comparator_withheld", "group_withheld"],
        "",
    ).astype(object)


def indicator_margins(frame: AnalysisFrame, ids: pd.Series, options: AnalysisOptions) -> np.ndarray:
    """Each row's minimum important difference (NaN: none, or ``substantive`` off); the
    changes between rounds use the same margins."""
    if not options.substantive:
        return np.full(len(ids), np.nan)
    mids = {
        i.id: i.min_important_difference
        for i in frame.indicators
        if i.min_important_difference is not None and i.min_important_difference > 0
    }
    return ids.map(mids).to_numpy(dtype=np.float64, na_value=np.nan)


def contrasts(est: pd.DataFrame, frame: AnalysisFrame, options: AnalysisOptions) -> pd.DataFrame:
    """The contrast maths alone, for every displaced group (and all displaced) against the
    comparator in every cell: R ``svyby(…, covmat=TRUE)`` + ``svycontrast`` — ``difference``,
    ``se_difference``, the t interval and two-sided ``p_value`` with the design's ``df``, with the
    merged estimates (``estimate``/``estimate_c``, ``n``/``n_c`` and, once flagged,
    ``flag``/``flag_c``) beside.
    No decision is taken here: :func:`compare` decides which of these are published and judged
    (a total's contrast is computed, then not compared), so the maths stays checkable against R
    for every statistic. Empty when the plan has no comparator."""
    comp = frame.comparator
    if comp is None or est.empty:
        return pd.DataFrame()
    displaced = [g.code for g in frame.displaced] + [ALL_DISPLACED]
    left = est[est["group"].isin(displaced)]
    side = [*KEYS, "estimate", "_var", "n"]
    side += [c for c in ("flag", SUPPRESSION) if c in est]
    right = est.loc[est["group"] == comp.code, side]
    m = left.merge(right, on=KEYS, suffixes=("", "_c"), how="inner")
    diff = m["estimate"].to_numpy(float) - m["estimate_c"].to_numpy(float)
    var = m["_var"].to_numpy(float) + m["_var_c"].to_numpy(float) - 2 * m["_cov"].to_numpy(float)
    se = np.sqrt(np.maximum(var, 0.0))
    df = m["_design_df"].to_numpy(float)
    t = t_crit(options.alpha, df)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(se > 0, two_sided_p(diff / se, df), np.where(diff == 0, 1.0, 0.0))
    return m.assign(
        comparator=comp.code,
        difference=diff,
        se_difference=se,
        ci_low=diff - t * se,
        ci_high=diff + t * se,
        p_value=p,
        df=df,
    )


def compare(est: pd.DataFrame, frame: AnalysisFrame, options: AnalysisOptions) -> pd.DataFrame:
    comp = frame.comparator
    if comp is None or est.empty:
        return empty_comparisons()
    m = contrasts(est, frame, options)
    right = est.loc[est["group"] == comp.code, [*KEYS, "n"]]
    e_g, e_c = m["estimate"].to_numpy(float), m["estimate_c"].to_numpy(float)
    diff, se = m["difference"].to_numpy(float), m["se_difference"].to_numpy(float)
    df, p = m["df"].to_numpy(float), m["p_value"].to_numpy(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = e_g / e_c if options.compute_ratio else np.full_like(e_g, np.nan)
    sup = (m["flag"] == "suppressed") | (m["flag_c"] == "suppressed")
    caution = (m["flag"] == "caution") | (m["flag_c"] == "caution")
    too_few = (m["n"] < options.min_n_compare) | (m["n_c"] < options.min_n_compare)
    no_se = ~np.isfinite(diff) | ~np.isfinite(se)
    insufficient = (sup | too_few | no_se).to_numpy()
    why = np.where(insufficient, _insufficient_reason(m, too_few, no_se), "")
    reason = _not_compared(frame, right, m["indicator_id"])
    not_compared = reason != ""
    tested = ~insufficient & ~not_compared
    cmp_ = pd.DataFrame(
        {
            "group": m["group"],
            "disaggregation": m["disaggregation"],
            "disaggregation_value": m["disaggregation_value"],
            "criterion": m["criterion"],
            "p_value": p,
        }
    )
    p_adj = adjusted(cmp_, tested, options.p_adjust, options.p_adjust_scope)
    mid = indicator_margins(frame, m["indicator_id"], options)
    # the TOST p decides "inconclusive" even where the equivalence option is off (it then
    # claims no "equivalent", and the column stays empty as before)
    p_tost = equivalence_p(diff, se, mid, df)
    p_eq = p_tost if options.equivalence else np.full_like(diff, np.nan)
    # the (1 − 2·alpha) interval of the gap the two one-sided tests use (90% at alpha 5%):
    # published beside the verdict so a reader can check "equivalent" / "inconclusive"
    t_tost = t_crit(2 * options.alpha, df)
    judged = tested & np.isfinite(mid) & (mid > 0)
    direction = m["indicator_id"].map(judged_directions(frame)).to_numpy(dtype=object)
    decide = p_adj if options.use_adjusted_p else p
    assessment = assess(diff, decide, p_tost, mid, direction, options.alpha, options.equivalence)
    assessment = np.where(insufficient, "insufficient_data", assessment)
    assessment = np.where(not_compared, "not_compared", assessment)
    blank = np.where(not_compared, np.nan, 1.0)
    flag = np.where(sup, "suppressed", np.where(caution, "caution", ""))
    return pd.DataFrame(
        {
            "indicator_id": m["indicator_id"],
            "group": m["group"],
            "comparator": comp.code,
            "disaggregation": m["disaggregation"],
            "disaggregation_value": m["disaggregation_value"],
            "difference": diff * blank,
            "se_difference": se * blank,
            "ci_low": m["ci_low"].to_numpy(float) * blank,
            "ci_high": m["ci_high"].to_numpy(float) * blank,
            "p_value": p * blank,
            "assessment": assessment,
            "criterion": m["criterion"],
            "ratio": ratio * blank,
            "estimate_group": e_g,
            "estimate_comparator": e_c * blank,
            # not compared: only the displaced side is published, so only its flag counts
            "flag": np.where(not_compared, m["flag"].to_numpy(dtype=object), flag),
            "p_adjusted": p_adj,
            "min_important_difference": mid,
            "equivalence_p": np.where(tested, p_eq, np.nan),
            "tost_low": np.where(judged, diff - t_tost * se, np.nan),
            "tost_high": np.where(judged, diff + t_tost * se, np.nan),
            "not_compared_reason": reason,
            # not compared: the reason above is the one that counts
            "insufficient_reason": np.where(not_compared, "", why),
            "df": df,
        }
    ).reset_index(drop=True)
