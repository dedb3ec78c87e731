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
from workbench.stats.replicates import ReplicateDesign
from workbench.stats.tdist import t_crit
from workbench.stats.variance import VarianceTerms


@dataclass
class QuantileStats:
    """Arrays of shape (D,), plus the CDF estimates' variance terms (P, D) for covariances."""

    estimate: np.ndarray
    se: np.ndarray
    ci_low: np.ndarray
    ci_high: np.ndarray
    n: np.ndarray
    n_weighted: np.ndarray
    df: np.ndarray
    cdf_terms: VarianceTerms
    slope: np.ndarray  # SE(F̂) / SE(q̂): converts CDF covariances into quantile covariances
    #: (P, D) linearised PSU totals of F̂(q̂) divided by the slope — a one-stage design's
    #: quantile "influence" totals, kept when asked (a panel's changes between rounds)
    z: np.ndarray | None = None


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
    design: Design | ReplicateDesign,
    y: np.ndarray,
    dom: np.ndarray,
    n_dom: int,
    p: float,
    alpha: float,
    keep_z: bool = False,
) -> QuantileStats:
    """``dom``: (n,) domain index of each row (−1: in no domain of this partition).
    ``keep_z``: keep the PSU totals of a one-stage design (:attr:`QuantileStats.z`)."""
    w = design.weights
    keep = np.flatnonzero((dom >= 0) & ~np.isnan(y) & (w != 0))
    s = _Sorted(y[keep], w[keep], dom[keep], n_dom)
    qhat = s.qrule(np.full(n_dom, p))
    below = (s.y <= qhat[s.dom]).astype(np.float64)
    psu = design.psu[keep][s.order]
    key = psu * n_dom + s.dom
    n_units = design.n_units
    size = n_units * n_dom
    a = np.bincount(key, weights=s.w * below, minlength=size).reshape(n_units, n_dom)
    b = np.bincount(key, weights=s.w, minlength=size).reshape(n_units, n_dom)
    cnt = np.bincount(key, minlength=size).reshape(n_units, n_dom)
    b_t = b.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        phat = a.sum(axis=0) / b_t
    adjust = None
    res = design.calibration if isinstance(design, Design) else None
    if res is not None:  # calibrated: residualise as svymean does
        rows = keep[s.order]
        hy = res.domain_sums(rows, s.dom, n_dom, below)
        hx = res.domain_sums(rows, s.dom, n_dom, np.ones(rows.size))
        with np.errstate(invalid="ignore", divide="ignore"):
            t = (hy - phat[:, None] * hx) / b_t[:, None]
        adjust = res.correction(np.nan_to_num(t))
    extra: list[np.ndarray] | None = None
    if isinstance(design, ReplicateDesign) and design.row_mode:
        rows = keep[s.order]
        a_r = design.replicate_sums(rows, s.dom, n_dom, s.w * below)
        b_r = design.replicate_sums(rows, s.dom, n_dom, s.w)
        extra = [x[None, :] for x in (*a_r.T, *b_r.T)]
    elif design.n_extra:  # Σw²·1[y≤q]² = Σw²·1[y≤q]·1, and Σw²
        w2 = s.w * s.w
        a2 = np.bincount(key, weights=w2 * below, minlength=size).reshape(n_units, n_dom)
        extra = [a2, a2, np.bincount(key, weights=w2, minlength=size).reshape(n_units, n_dom)]
    terms = design.variance_terms(a, b, False, extra, adjust)
    se_p = np.sqrt(terms.var() * design.average_factor(cnt > 0))
    df = design.domain_df(cnt).astype(np.float64)
    t = t_crit(alpha, df)
    lo_p, hi_p = phat - t * se_p, phat + t * se_p
    lower = np.where(lo_p < 0, np.nan, s.qrule(lo_p))
    upper = np.where(hi_p > 1, np.nan, s.qrule(hi_p))
    se = (upper - lower) / (2 * t)
    with np.errstate(invalid="ignore", divide="ignore"):
        slope = se_p / se
    count = s.count.astype(np.float64)
    z = None
    if keep_z and isinstance(design, Design) and design.to_first is None:
        # Woodruff: Cov(q̂_1, q̂_2) = Cov(F̂_1, F̂_2) / (slope_1 · slope_2) (docs/statistics.md)
        z = design.linearised(a, b, False)[0] - (0.0 if adjust is None else np.nan_to_num(adjust))
        with np.errstate(invalid="ignore", divide="ignore"):
            z = z / slope
    return QuantileStats(qhat, se, lower, upper, count, b_t, df, terms, slope, z)
