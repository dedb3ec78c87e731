"""Confidence intervals, CVs and reliability flags of the estimates table (vectorised).

``t`` is the Student quantile with the degrees of freedom of the domain's subset design (R
``degf(subset(design, …))``), ``p`` the estimate and ``s`` its SE. Proportions
(``proportion_ci``, registry in ``stats/ci_methods.py``), all as R ``svyciprop(method=…)``:

* ``logit`` (default) and ``xlogit``: ``expit(logit(p) ± t·s/(p(1−p)))`` — R's ``logit`` is the
  Wald interval of an intercept-only quasi-binomial ``svyglm``, ``xlogit`` the delta method on
  the logit of ``svymean``: the same interval;
* ``beta`` (Korn–Graubard): ``n* = p(1−p)/s² · (qt(α/2, n−1)/qt(α/2, df))²`` (n: the domain's
  cases), interval ``[qbeta(α/2, n*p, n*(1−p)+1), qbeta(1−α/2, n*p+1, n*(1−p))]``;
* ``asin``: ``sin²(asin(√p) ± t·s/(2√(p(1−p))))``, the angle kept inside [0, π/2] (R folds an
  angle below 0 back into a positive bound — an interval that can exclude its own estimate);
* ``wald``: ``p ± t·s`` (R ``svyciprop(method = "mean")`` = ``confint(svymean(...))``);
* ``likelihood``: the profile-likelihood interval of the quasi-binomial ``svyglm`` with R's
  Rao–Scott-type level adjustment (ciprop_likelihood.py, step for step).

**Edges.** An estimate of exactly 0 or 1 (or a proportion with zero variance) gets the
Korn–Graubard interval whatever the method, with the effective sample size the domain's case
count (``n* = n · (qt(α/2, n−1)/qt(α/2, df))²``, the NCHS data presentation standard): the
interval ``[0, 1 − (α/2)^(1/n*)]`` for 0, instead of R's degenerate ``[0, 0]`` (logit) or NaN
(beta).

Totals (``total_ci``): ``wald`` (default, R ``confint(svytotal(...))``) or ``log``:
``exp(log(T) ± t·s/T)`` (R ``svycontrast(total, quote(log(x)))`` then ``exp``), which cannot go
below zero; a total ≤ 0 keeps the Wald interval. Means and ratios: ``est ± t·s``; medians keep
their Woodruff interval (see quantiles.py).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.stats.betadist import qbeta
from workbench.stats.ciprop_likelihood import N_LIK, likelihood_interval
from workbench.stats.disclosure import Thresholds, flags, reliability_cv
from workbench.stats.tdist import qt, t_crit


def _expit(x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-x))


def korn_graubard(
    p: np.ndarray, se: np.ndarray, n: np.ndarray, df: np.ndarray, alpha: float
) -> tuple[np.ndarray, np.ndarray]:
    """R ``svyciprop(method = "beta")``; at p ∈ {0, 1} (or SE 0) n* is the case count."""
    with np.errstate(divide="ignore", invalid="ignore"):
        n_eff = np.where((p > 0) & (p < 1) & (se > 0), p * (1 - p) / se**2, n)
        n_eff = n_eff * (qt(alpha / 2, n - 1) / qt(alpha / 2, df)) ** 2
        a_lo, b_lo = n_eff * p, n_eff * (1 - p) + 1
        a_hi, b_hi = n_eff * p + 1, n_eff * (1 - p)
    lo = qbeta(alpha / 2, np.where(np.isfinite(a_lo), a_lo, np.nan), b_lo)
    hi = qbeta(1 - alpha / 2, a_hi, np.where(np.isfinite(b_hi), b_hi, np.nan))
    return lo, hi


def proportion_interval(
    method: str,
    p: np.ndarray,
    se: np.ndarray,
    n: np.ndarray,
    df: np.ndarray,
    alpha: float,
) -> tuple[np.ndarray, np.ndarray]:
    """The interval of proportions by ``method`` (Korn–Graubard at the edges)."""
    t = t_crit(alpha, df)
    edge = np.isfinite(p) & ((p <= 0) | (p >= 1) | (se == 0))
    with np.errstate(divide="ignore", invalid="ignore"):
        if method in ("logit", "xlogit"):
            logit = np.log(p / (1 - p))
            half = t * se / (p * (1 - p))
            lo, hi = _expit(logit - half), _expit(logit + half)
        elif method == "asin":
            angle = np.arcsin(np.sqrt(p))
            half = t * se / (2 * np.sqrt(p * (1 - p)))
            lo = np.sin(np.clip(angle - half, 0, np.pi / 2)) ** 2
            hi = np.sin(np.clip(angle + half, 0, np.pi / 2)) ** 2
        elif method == "wald":
            lo, hi = p - t * se, p + t * se
        else:  # beta, likelihood (made in add_intervals from the domain sums)
            lo, hi = np.full_like(p, np.nan), np.full_like(p, np.nan)
    # beta: Korn–Graubard everywhere; likelihood: its fallback where the profile fails
    kg = ((method in ("beta", "likelihood")) & np.isfinite(p)) | edge
    if kg.any():
        idx = np.flatnonzero(kg)
        klo, khi = korn_graubard(p[idx], se[idx], n[idx], df[idx], alpha)
        lo, hi = lo.copy(), hi.copy()
        lo[idx], hi[idx] = klo, khi
    return lo, hi


def _likelihood(
    out: pd.DataFrame,
    prop: np.ndarray,
    e: np.ndarray,
    se: np.ndarray,
    n: np.ndarray,
    df: np.ndarray,
    alpha: float,
    lo: np.ndarray,
    hi: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """R's likelihood interval (ciprop_likelihood.py) where it can be formed; the edges (and a
    bound the profile cannot reach) keep Korn–Graubard (from :func:`proportion_interval`)."""
    p = e[prop]
    with np.errstate(divide="ignore", invalid="ignore"):
        var = (se[prop] / (p * (1 - p))) ** 2
    replicate = out["_lik_replicate"].to_numpy(dtype=np.float64)[prop] > 0
    if "_se_logit" in out:  # replicates: their variance of logit p (R's svyglm on each)
        sl = out["_se_logit"].to_numpy(dtype=np.float64)[prop]
        var = np.where(replicate & np.isfinite(sl), sl**2, var)
    sums = out[[f"_lik{s}" for s in range(N_LIK)]].to_numpy(dtype=np.float64)[prop]
    w_tot = out["n_weighted"].to_numpy(dtype=np.float64)[prop]
    llo, lhi = likelihood_interval(p, var, n[prop], w_tot, sums, df[prop], alpha, replicate)
    # a bound the profile does not reach (very few degrees of freedom: R leaves it NA) is
    # Korn–Graubard's
    return np.where(np.isfinite(llo), llo, lo[prop]), np.where(np.isfinite(lhi), lhi, hi[prop])


def total_interval(
    method: str, est: np.ndarray, se: np.ndarray, t: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    if method != "log":
        return est - t * se, est + t * se
    with np.errstate(divide="ignore", invalid="ignore"):
        half = t * se / est
        lo = np.where(est > 0, est * np.exp(-half), est - t * se)
        hi = np.where(est > 0, est * np.exp(half), est + t * se)
    return lo, hi


def add_intervals(
    est: pd.DataFrame, alpha: float, proportion_ci: str = "logit", total_ci: str = "wald"
) -> pd.DataFrame:
    out = est.copy()
    e = out["estimate"].to_numpy(dtype=np.float64)
    se = out["se"].to_numpy(dtype=np.float64)
    df = out["df"].to_numpy(dtype=np.float64)
    t = t_crit(alpha, df)
    stat = out["statistic"].to_numpy(dtype=object)
    lo, hi = e - t * se, e + t * se
    prop = np.flatnonzero(stat == "proportion")
    if prop.size:
        n = out["n"].to_numpy(dtype=np.float64)
        plo, phi = proportion_interval(proportion_ci, e[prop], se[prop], n[prop], df[prop], alpha)
        lo[prop], hi[prop] = plo, phi
        if proportion_ci == "likelihood":
            lo[prop], hi[prop] = _likelihood(out, prop, e, se, n, df, alpha, lo, hi)
        if proportion_ci == "logit" and "_se_logit" in out:  # replicate designs: R's interval
            sl, ep, tp = out["_se_logit"].to_numpy(dtype=np.float64)[prop], e[prop], t[prop]
            ok = np.isfinite(sl) & (ep > 0) & (ep < 1)
            with np.errstate(divide="ignore", invalid="ignore"):
                lg = np.log(ep / (1 - ep))
                lo[prop] = np.where(ok, 1 / (1 + np.exp(-(lg - tp * sl))), lo[prop])
                hi[prop] = np.where(ok, 1 / (1 + np.exp(-(lg + tp * sl))), hi[prop])
    tot = np.flatnonzero(stat == "total")
    if tot.size:
        lo[tot], hi[tot] = total_interval(total_ci, e[tot], se[tot], t[tot])
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
    n = out["n"].to_numpy(dtype=np.float64)
    count = (out["statistic"] == "total").to_numpy()  # a † count is suppressed (disclosure.py)
    out["flag"] = flags(n, cv, rules, missing=np.isnan(e), count=count)
    return out
