"""The g-weights of R's ``calibrate`` (``regcalibrate``, ``grake`` with ``cal.linear`` /
``cal.raking`` / ``cal.logit``) and R's ``trimWeights``, step for step."""

from __future__ import annotations

import numpy as np

from workbench.errors import StatsError

_SOMETHRESHOLD = 20.0  # grake: rescale the weights when every total is > 20× the sample's


def regcalibrate(x: np.ndarray, w: np.ndarray, population: np.ndarray) -> np.ndarray:
    """Unbounded linear (GREG) calibration: ``g = 1 + X (X'WX)⁻¹ (totals - X'w)``."""
    sample = x.T @ w
    tmat = (x * w[:, None]).T @ x
    try:
        lam = np.linalg.solve(tmat, population - sample)
    except np.linalg.LinAlgError as e:
        raise StatsError.of("stats.calibration_singular") from e
    return 1.0 + x @ lam


def _fm1(calfun: str, u: np.ndarray, lo: float, hi: float) -> np.ndarray:
    with np.errstate(over="ignore", invalid="ignore"):
        if calfun == "linear":
            return np.minimum(np.maximum(u + 1, lo), hi) - 1
        if calfun == "raking":
            return np.minimum(np.maximum(np.exp(u), lo), hi) - 1
        a = (hi - lo) / ((hi - 1) * (1 - lo))
        e = np.exp(a * u)
        return (lo * (hi - 1) + hi * (1 - lo) * e) / (hi - 1 + (1 - lo) * e) - 1


def _df(calfun: str, u: np.ndarray, lo: float, hi: float) -> np.ndarray:
    inside = (u < hi - 1) & (u > lo - 1)
    with np.errstate(over="ignore", invalid="ignore"):
        if calfun == "linear":
            return inside.astype(np.float64)
        if calfun == "raking":
            return np.where(inside, np.exp(u), 0.0)
        a = (hi - lo) / ((hi - 1) * (1 - lo))
        e = np.exp(a * u)
        den = hi - 1 + (1 - lo) * e
        num = lo * (hi - 1) + hi * (1 - lo) * e
        return hi * (1 - lo) * e * a / den - num * ((1 - lo) * e * a) / den**2


def _ginv(m: np.ndarray) -> np.ndarray:
    """MASS::ginv(m, tol = 256 · machine epsilon)."""
    u, s, vt = np.linalg.svd(m)
    keep = s > max(256 * np.finfo(float).eps * s[0], 0.0)
    return (vt[keep].T / s[keep]) @ u[:, keep].T


def grake(
    x: np.ndarray,
    w: np.ndarray,
    calfun: str,
    bounds: tuple[float, float],
    population: np.ndarray,
    epsilon: float,
    maxit: int,
) -> tuple[np.ndarray, int]:
    """R ``grake``: Newton iterations on the calibration equations with step halving while
    the g-weights are not finite; stops when every ``|misfit| / (1 + |total|) < epsilon``.
    Returns (g, iterations)."""
    lo, hi = bounds
    if calfun == "logit" and not (np.isfinite(lo) and np.isfinite(hi)):
        raise StatsError.of("stats.calibration_logit_bounds")
    sample = x.T @ w
    eta = np.zeros(x.shape[1])
    xeta = x @ eta
    deriv = _df(calfun, xeta, lo, hi)
    with np.errstate(divide="ignore"):
        scales = population / sample
    scale = None
    if scales.min() > _SOMETHRESHOLD:
        scale = float(np.mean(scales))
        w = w * scale
        sample = sample * scale
    it = 1
    while True:
        tmat = (x * (w * deriv)[:, None]).T @ x
        misfit = population - sample - x.T @ (w * _fm1(calfun, xeta, lo, hi))
        deta = _ginv(tmat) @ misfit
        eta = eta + deta
        xeta = x @ eta
        g = 1 + _fm1(calfun, xeta, lo, hi)
        deriv = _df(calfun, xeta, lo, hi)
        while it < maxit and not (np.isfinite(g).all() and np.isfinite(deriv).all()):
            it += 1
            deta = deta / 2
            eta = eta - deta
            xeta = x @ eta
            g = 1 + _fm1(calfun, xeta, lo, hi)
            deriv = _df(calfun, xeta, lo, hi)
        misfit = population - sample - x.T @ (w * _fm1(calfun, xeta, lo, hi))
        achieved = np.abs(misfit) / (1 + np.abs(population))
        if (achieved < epsilon).all():
            break
        it += 1
        if it > maxit:
            raise StatsError.of(
                "stats.calibration_not_converged",
                method=f"calibrate ({calfun})",
                iterations=maxit,
                misfit=f"{float(np.nanmax(achieved)):.3g}",
            )
    if scale is not None:
        g = g * scale
    return g, it


def trim_weights(w: np.ndarray, lower: float, upper: float, strict: bool) -> tuple[np.ndarray, int]:
    """R ``trimWeights``: weights outside [lower, upper] are set to the limit and the amount
    trimmed is spread equally over the others; ``strict`` repeats until none is outside.
    Returns (weights, number of weights trimmed in the first pass)."""
    first = -1
    for _ in range(1000):
        outside = (w < lower) | (w > upper)
        if first < 0:
            first = int(outside.sum())
        if not outside.any():
            return w, first
        inside = ~outside
        if not inside.any():
            raise StatsError.of("stats.trim_all_outside", lower=lower, upper=upper)
        new = np.maximum(lower, np.minimum(w, upper))
        new[inside] += (w - new).sum() / inside.sum()
        w = new
        if not strict:
            return w, first
    raise StatsError.of("stats.trim_not_converged", lower=lower, upper=upper)
