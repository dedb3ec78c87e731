"""Confidence intervals, CVs and reliability flags of the estimates table (vectorised).

* means, totals, ratios, and proportions with ``proportion_ci="wald"``: ``est ± t·SE`` with the
  degrees of freedom of the domain's subset design (R ``degf(subset(design, …))``);
* proportions (default ``"logit"``): R ``svyciprop(method="logit")``:
  ``expit(logit(p) ± t·SE/(p(1-p)))`` — the Wald interval of an intercept-only quasi-binomial
  ``svyglm``; p = 0 or 1 gives the degenerate interval [p, p];
* medians keep their Woodruff interval (see quantiles.py).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.stats.disclosure import Thresholds, flags, reliability_cv
from workbench.stats.tdist import t_crit


def add_intervals(est: pd.DataFrame, alpha: float, proportion_ci: str) -> pd.DataFrame:
    out = est.copy()
    e = out["estimate"].to_numpy(dtype=np.float64)
    se = out["se"].to_numpy(dtype=np.float64)
    t = t_crit(alpha, out["df"].to_numpy(dtype=np.float64))
    stat = out["statistic"].to_numpy(dtype=object)
    lo, hi = e - t * se, e + t * se
    if proportion_ci == "logit":
        prop = stat == "proportion"
        inner = prop & (e > 0) & (e < 1)
        with np.errstate(divide="ignore", invalid="ignore"):
            logit = np.log(e / (1 - e))
            half = t * se / (e * (1 - e))
            llo = 1 / (1 + np.exp(-(logit - half)))
            lhi = 1 / (1 + np.exp(-(logit + half)))
        lo = np.where(inner, llo, np.where(prop & ~inner, e, lo))
        hi = np.where(inner, lhi, np.where(prop & ~inner, e, hi))
    is_median = stat == "median"
    if "ci_low" in out:
        lo = np.where(is_median, out["ci_low"].to_numpy(dtype=np.float64), lo)
        hi = np.where(is_median, out["ci_high"].to_numpy(dtype=np.float64), hi)
    out["ci_low"], out["ci_high"] = lo, hi
    with np.errstate(divide="ignore", invalid="ignore"):
        out["cv"] = np.where(e != 0, se / np.abs(e), np.nan)
    return out


def add_flags(est: pd.DataFrame, rules: Thresholds) -> pd.DataFrame:
    out = est.copy()
    e = out["estimate"].to_numpy(dtype=np.float64)
    cv = reliability_cv(e, out["se"].to_numpy(dtype=np.float64), out["statistic"] == "proportion")
    out["flag"] = flags(out["n"].to_numpy(dtype=np.float64), cv, rules, missing=np.isnan(e))
    return out
