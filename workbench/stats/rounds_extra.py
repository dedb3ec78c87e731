"""Solutions over time: the solutions measure's change and the IDP stock per round.

* **solutions** — per method × displaced group × cell: the share that overcame
  displacement-related vulnerabilities in each round and its change (independent-samples
  variance: the measure's household pass indicator depends on the comparator's benchmark of
  each round, so its covariance between rounds is not estimated; the meta says so);
  ``improved`` / ``worsened`` / ``no_significant_change`` / ``insufficient_data``.
* **stock** — the estimated number of displaced households per group in each round (weighted
  count, R ``svytotal``) and its change, on the stacked design of
  :mod:`workbench.stats.change_stacked` (a panel's covariance included).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.progress import CancelToken
from workbench.stats.change_stacked import stacked_changes
from workbench.stats.frame import AnalysisFrame, IndicatorSpec, UnitFrame
from workbench.stats.options import AnalysisOptions
from workbench.stats.results import AnalysisResults
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
    pair: list[AnalysisFrame], panel: bool, opts: AnalysisOptions, cancel: CancelToken | None
) -> pd.DataFrame:
    """Weighted number of households per displaced group (and pooled) in each round."""
    if any("household" not in f.units for f in pair):
        return pd.DataFrame(columns=STOCK_CHANGE_COLUMNS)
    spec = IndicatorSpec(STOCK_ID, "IDP stock", "", "household", "total", "neutral")
    frames = []
    for f in pair:
        hh = f.units["household"]
        df = hh.frame.assign(**{STOCK_ID: 1.0})
        frames.append(
            AnalysisFrame(
                units={"household": UnitFrame("household", df, hh.design)},
                groups=f.groups,
                disaggregations=f.disaggregations,
                indicators=[spec],
            )
        )
    st, _ = stacked_changes(frames, "household", [spec], panel=panel, cancel=cancel)
    displaced = {g.code for g in pair[0].displaced} | {"all_displaced"}
    st = st[st["group"].isin(displaced)].reset_index(drop=True)
    se = np.sqrt(st["var_change"].to_numpy(float))
    lo, hi, p = _test(st["change"].to_numpy(float), se, st["df"].to_numpy(float), opts)
    out = pd.DataFrame(
        {
            "group": st["group"],
            "estimate_from": st["estimate_from"],
            "se_from": np.sqrt(st["var_from"]),
            "estimate_to": st["estimate_to"],
            "se_to": np.sqrt(st["var_to"]),
            "change": st["change"],
            "se_change": se,
            "ci_low": lo,
            "ci_high": hi,
            "p_value": p,
        }
    )
    return out[STOCK_CHANGE_COLUMNS]
