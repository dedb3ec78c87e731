"""Solutions over time: the solutions measure's change and the IDP stock per round.

* **solutions** — per method × displaced group × cell: the share that overcame
  displacement-related vulnerabilities in each round and its change (independent-samples
  variance: the measure's household pass indicator depends on the comparator's benchmark of
  each round, so its covariance between rounds is not estimated; the meta says so);
  ``improved`` / ``worsened`` / ``no_significant_change`` / ``insufficient_data``.
* **stock** — the estimated number of displaced households per group in each round (weighted
  count, R ``svytotal``) and its change (a panel's covariance from the shared PSUs, as
  :mod:`workbench.stats.change_z` computes it for the indicators).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.stats.change_z import changes_from_z
from workbench.stats.estimates import ZSink
from workbench.stats.frame import AnalysisFrame
from workbench.stats.options import AnalysisOptions
from workbench.stats.results import ALL_DISPLACED, AnalysisResults
from workbench.stats.tdist import t_crit, two_sided_p

SOLUTIONS_CHANGE_COLUMNS = [
    "method", "group", "disaggregation", "disaggregation_value", "share_from", "share_to",
    "change", "se_change", "ci_low", "ci_high", "p_value", "assessment", "flag",
]  # fmt: skip
STOCK_CHANGE_COLUMNS = [
    "group", "estimate_from", "se_from", "estimate_to", "se_to", "change", "se_change",
    "ci_low", "ci_high", "p_value",
]  # fmt: skip
STOCK_ID = "_stock"


def _test(
    change: np.ndarray, se: np.ndarray, df: np.ndarray, opts: AnalysisOptions
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    t = t_crit(opts.alpha, df)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(se > 0, two_sided_p(change / se, df), np.where(change == 0, 1.0, 0.0))
    return change - t * se, change + t * se, p


def solutions_change(a: AnalysisResults, b: AnalysisResults, opts: AnalysisOptions) -> pd.DataFrame:
    if a.solutions.empty or b.solutions.empty:
        return pd.DataFrame(columns=SOLUTIONS_CHANGE_COLUMNS)
    keys = ["method", "group", "disaggregation", "disaggregation_value"]
    keep = [*keys, "share", "se", "n_assessable", "flag"]
    m = a.solutions[keep].merge(b.solutions[keep], on=keys, suffixes=("_from", "_to"))
    change = (m["share_to"] - m["share_from"]).to_numpy(float)
    se = np.sqrt(m["se_from"].to_numpy(float) ** 2 + m["se_to"].to_numpy(float) ** 2)
    hh = a.meta.get("designs", {}).get("household", {})
    hh_b = b.meta.get("designs", {}).get("household", {})
    df = np.full(len(m), float(hh.get("df", np.nan)) + float(hh_b.get("df", np.nan)))
    lo, hi, p = _test(change, se, df, opts)
    sup = ((m["flag_from"] == "suppressed") | (m["flag_to"] == "suppressed")).to_numpy()
    few = np.minimum(m["n_assessable_from"], m["n_assessable_to"]).to_numpy(float)
    bad = sup | (few < opts.min_n_compare) | ~np.isfinite(change) | ~np.isfinite(se)
    sig = p < opts.alpha
    judged = np.where(sig, np.where(change > 0, "improved", "worsened"), "no_significant_change")
    caution = (m["flag_from"] == "caution") | (m["flag_to"] == "caution")
    out = pd.DataFrame(
        {
            **{k: m[k] for k in keys},
            "share_from": m["share_from"],
            "share_to": m["share_to"],
            "change": change,
            "se_change": se,
            "ci_low": lo,
            "ci_high": hi,
            "p_value": p,
            "assessment": np.where(bad, "insufficient_data", judged),
            "flag": np.where(sup, "suppressed", np.where(caution, "caution", "")),
        }
    )
    return out[SOLUTIONS_CHANGE_COLUMNS]


def stock_change(
    pair: list[AnalysisFrame], sinks: list[ZSink], panel: bool, opts: AnalysisOptions
) -> pd.DataFrame:
    """Weighted number of households per displaced group (and pooled) in each round and its
    change: each round's estimate and SE on its own design (any design, :meth:`ZSink.record`);
    the change's variance ``V_from + V_to`` for independent rounds, the stacked design's for a
    panel (the covariance from the shared PSUs, :mod:`workbench.stats.change_z`)."""
    if any("household" not in s.stock for s in sinks):
        return pd.DataFrame(columns=STOCK_CHANGE_COLUMNS)
    (ta, va, dfa), (tb, vb, dfb) = (s.stock["household"] for s in sinks)
    codes = [g.code for g in pair[0].groups] + [ALL_DISPLACED]
    if panel:
        st = changes_from_z(sinks, pair, "household", panel=True, only={ZSink.STOCK})
        st = st.set_index("group").loc[codes]
        var, df = st["var_change"].to_numpy(float), st["df"].to_numpy(float)
    else:
        var, df = va + vb, np.full(len(codes), dfa + dfb)
    change = tb - ta
    se = np.sqrt(var)
    lo, hi, p = _test(change, se, df, opts)
    out = pd.DataFrame(
        {
            "group": codes,
            "estimate_from": ta,
            "se_from": np.sqrt(va),
            "estimate_to": tb,
            "se_to": np.sqrt(vb),
            "change": change,
            "se_change": se,
            "ci_low": lo,
            "ci_high": hi,
            "p_value": p,
        }
    )
    displaced = {g.code for g in pair[0].displaced} | {ALL_DISPLACED}
    return out[out["group"].isin(displaced)].reset_index(drop=True)[STOCK_CHANGE_COLUMNS]
