"""Domain quantiles with Woodruff intervals, as R survey 4.x ``svyquantile`` defaults
(``qrule="math"``, ``interval.type="mean"``, ``df = degf(design)``).

``qrule_math``: sort by value, cumulate the weights (in extended precision, as R's ``cumsum``),
take the last position with ``cumw <= p·W`` (the first when there is none); if
``p - cumw/W == 0`` the value there, else the next one. Woodruff: estimate ``F(q̂)`` as the domain
mean of ``1[y ≤ q̂]`` with its linearised SE, form ``F̂ ± t·SE`` and map the bounds back through
the quantile rule (NaN when a bound leaves [0, 1]); ``SE = (upper - lower) / (2 t)``.

All domains of a partition (each row in at most one domain) are done at once, without loops.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from workbench.stats.design import Design
from workbench.stats.tdist import t_crit


@dataclass
class QuantileStats:
    """Arrays of shape (D,), plus the scaled centred CDF totals (P, D) for covariances."""

    estimate: np.ndarray
    se: np.ndarray
    ci_low: np.ndarray
    ci_high: np.ndarray
    n: np.ndarray
    n_weighted: np.ndarray
    df: np.ndarray
    cdf_zc: np.ndarray
    slope: np.ndarray  # SE(F̂) / SE(q̂): converts CDF covariances into quantile covariances


class _Sorted:
    def __init__(self, y: np.ndarray, w: np.ndarray, dom: np.ndarray, n_dom: int) -> None:
        order = np.lexsort((y, dom))
        self.y, self.w, self.dom = y[order], w[order], dom[order]
        self.order = order
        self.count = np.bincount(self.dom, minlength=n_dom)
        self.start = np.concatenate([[0], np.cumsum(self.count)[:-1]])
        self.end = self.start + self.count - 1
        cum = np.cumsum(self.w.astype(np.longdouble))
        base = np.where(self.start > 0, cum[np.maximum(self.start - 1, 0)], 0)
        self.cum = (cum - base[self.dom]).astype(np.float64)
        tot = np.where(self.count > 0, cum[np.maximum(self.end, 0)], 0) - base
        self.total = tot.astype(np.float64)

    def qrule(self, p: np.ndarray) -> np.ndarray:
        ok = (self.count > 0) & np.isfinite(p)
        target = (np.where(ok, p, 0.0) * self.total)[self.dom]
        cnt = np.bincount(self.dom, weights=self.cum <= target, minlength=len(p)).astype(int)
        pos = np.where(cnt > 0, self.start + cnt - 1, self.start)
        pos = np.clip(pos, 0, max(len(self.y) - 1, 0))
        nxt = np.minimum(pos + 1, np.maximum(self.end, 0))
        if len(self.y) == 0:
            return np.full(len(p), np.nan)
        with np.errstate(invalid="ignore", divide="ignore"):
            wlow = p - self.cum[pos] / self.total
        val = np.where(wlow == 0, self.y[pos], self.y[nxt])
        return np.where(ok, val, np.nan)


def domain_quantiles(
    design: Design, y: np.ndarray, dom: np.ndarray, n_dom: int, p: float, alpha: float
) -> QuantileStats:
    """``dom``: (n,) domain index of each row (−1: in no domain of this partition)."""
    w = design.weights
    keep = np.flatnonzero((dom >= 0) & ~np.isnan(y) & (w > 0))
    s = _Sorted(y[keep], w[keep], dom[keep], n_dom)
    qhat = s.qrule(np.full(n_dom, p))
    below = (s.y <= qhat[s.dom]).astype(np.float64)
    psu = design.psu[keep][s.order]
    key = psu * n_dom + s.dom
    size = design.n_psu * n_dom
    a = np.bincount(key, weights=s.w * below, minlength=size).reshape(design.n_psu, n_dom)
    b = np.bincount(key, weights=s.w, minlength=size).reshape(design.n_psu, n_dom)
    cnt = np.bincount(key, minlength=size).reshape(design.n_psu, n_dom)
    b_t = b.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        phat = a.sum(axis=0) / b_t
        z = np.nan_to_num((a - phat * b) / b_t)
    if design.calibration is not None:  # calibrated: residualise as svymean does
        res, rows = design.calibration, keep[s.order]
        hy = res.domain_sums(rows, s.dom, n_dom, below)
        hx = res.domain_sums(rows, s.dom, n_dom, np.ones(rows.size))
        with np.errstate(invalid="ignore", divide="ignore"):
            t = (hy - phat[:, None] * hx) / b_t[:, None]
        z = z - res.correction(np.nan_to_num(t))
    zc = design.scaled_centred(z)
    se_p = np.sqrt(np.einsum("pd,pd->d", zc, zc) * design.average_factor(cnt > 0))
    df = design.domain_df(cnt > 0).astype(np.float64)
    t = t_crit(alpha, df)
    lo_p, hi_p = phat - t * se_p, phat + t * se_p
    lower = np.where(lo_p < 0, np.nan, s.qrule(lo_p))
    upper = np.where(hi_p > 1, np.nan, s.qrule(hi_p))
    se = (upper - lower) / (2 * t)
    with np.errstate(invalid="ignore", divide="ignore"):
        slope = se_p / se
    return QuantileStats(qhat, se, lower, upper, s.count.astype(np.float64), b_t, df, zc, slope)
