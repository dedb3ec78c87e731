"""The likelihood interval of a proportion, R ``svyciprop(method = "likelihood")`` step for step.

R fits the intercept-only quasi-binomial ``svyglm`` (weights rescaled to mean 1 over the
domain's ``n`` rows, so ``Σ w̃ = n``) and asks ``confint(method = "likelihood", ddf = df)``:

* ``λ = V_design(β̂) / V_naive(β̂)`` with ``V_naive = 1/(n p(1−p))`` and ``V_design`` the
  design variance of ``logit p̂`` (linearisation: ``se²/(p(1−p))²``; replicates: the replicates'
  logits), and ``α* = Φ(qt(α/2, df) √λ) / 2``;
* MASS's profile of the deviance at ``β = β̂ ± k·(zmax/5)·√V_design``, ``k = 1…9`` each side
  until ``|z| ≥ zmax = √qf(α*, 1, n−1, upper)``, with ``z = sign·√((D(β) − D(β̂))/φ)``,
  ``D(β) − D(β̂) = 2n [p log(p̂/μ) + (1−p) log((1−p̂)/(1−μ))]`` and ``φ`` the dispersion of
  ``summary.svyglm``: ``svyvar`` of the Pearson residuals ``(y−μ̂)/√(μ̂(1−μ̂))``
  (linearisation) or their weighted mean square (replicates); ``β̂``, ``μ̂`` and ``V_naive``
  come from glm's IRLS iterations (``V_naive`` at the weights of the last one);
* an FMM cubic ``spline`` through the profile evaluated at ``3·points`` equally spaced β, then
  ``approx`` of β at ``z = ±qnorm(2α*)``, back through ``expit``.

Replicate designs: R 4.1's ``summary.svrepglm`` gives a dispersion of about ``n`` (its Pearson
residuals are scaled by the rescaled weights), so the profile never reaches its cut-off and
``svyciprop`` returns NA. Here the replicates' variance of ``logit p`` is used with the
dispersion of the Pearson residuals (their weighted mean square, ≈ 1), the same profile and
the same level adjustment: an interval R would give if its dispersion were the linearisation
one.

glm's first iteration starts row by row, so a few per-domain sums come from the rows
(:func:`domain_sums`), made only when the run asks for this interval.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from workbench.stats.tdist import qnorm, qt

if TYPE_CHECKING:
    from workbench.stats.context import UnitContext

N_LIK = 5  # see domain_sums
MAX_STEPS = 10  # MASS profile: maxsteps
GLM_MAXIT, GLM_EPSILON = 25, 1e-8  # glm.control()
_EPS = float(np.finfo(float).eps)


def domain_sums(
    ctx: UnitContext, disagg: str, columns: list[tuple[np.ndarray, np.ndarray | None]]
) -> np.ndarray:
    """(G+1, L, k, 5) per domain, over its rows with an answer: ``Σ w y²`` (for the Pearson
    residuals' moments), then glm's first IRLS iteration from ``mustart = (w̃ y + ½)/(w̃ + 1)``
    (rescaled weights ``w̃ = w n/W``: row by row, hence here): ``Σ W``, ``Σ W z``, the starting
    deviance, and ``Σ w (y log y + (1−y) log(1−y))`` (0 for 0/1 answers)."""
    by_group, pooled, n_lev = ctx.row_domains(disagg)
    g = ctx.n_groups
    w = ctx.design.weights
    out = np.zeros((g + 1, n_lev, len(columns), N_LIK))
    for j, (y, _) in enumerate(columns):
        known = ~np.isnan(y)
        y0 = np.where(known, y, 0.0)
        parts = ((by_group, g * n_lev, slice(0, g)), (pooled, n_lev, slice(g, None)))
        for dom, n_dom, part in parts:
            rows = np.flatnonzero(known & (dom >= 0))
            d, yr, wr = dom[rows], y0[rows], w[rows]
            n_d = np.bincount(d, minlength=n_dom).astype(np.float64)
            with np.errstate(divide="ignore", invalid="ignore"):
                scale = (n_d / np.bincount(d, wr, n_dom))[d]
            wt = wr * scale
            m = (wt * yr + 0.5) / (wt + 1)
            with np.errstate(divide="ignore", invalid="ignore"):
                eta = np.log(m / (1 - m))
                mu = _linkinv(eta)
                mu_eta = np.where(np.abs(eta) > 30, _EPS, np.exp(eta) / (1 + np.exp(eta)) ** 2)
                var = mu * (1 - mu)
                work = wt * mu_eta**2 / var
                z = eta + (yr - mu) / mu_eta
            sums = (wr * yr * yr, work, work * z, _dev_resids(yr, mu, wt), wr * _ylogy(yr))
            for k, v in enumerate(sums):
                out[part, :, j, k] = np.bincount(d, v, n_dom).reshape(-1, n_lev)
    return out


def _linkinv(eta: np.ndarray) -> np.ndarray:
    """R's C ``logit_linkinv`` (eta clamped at ±30)."""
    e = np.where(eta < -30, _EPS, np.where(eta > 30, 1 / _EPS, np.exp(np.clip(eta, -30, 30))))
    return e / (1 + e)


def _ylogy(y: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        a = np.where(y > 0, y * np.log(np.where(y > 0, y, 1.0)), 0.0)
        b = np.where(y < 1, (1 - y) * np.log(np.where(y < 1, 1 - y, 1.0)), 0.0)
    return a + b


def _dev_resids(y: np.ndarray, mu: np.ndarray, wt: np.ndarray) -> np.ndarray:
    """binomial()$dev.resids: 2 wt (y log(y/μ) + (1−y) log((1−y)/(1−μ)))."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return 2 * wt * (_ylogy(y) - y * np.log(mu) - (1 - y) * np.log(1 - mu))


def likelihood_interval(
    p: np.ndarray,
    var_logit: np.ndarray,
    n: np.ndarray,
    w_total: np.ndarray,
    sums: np.ndarray,
    df: np.ndarray,
    alpha: float,
    replicate: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Arrays (m,) and sums (m, 5) (``replicate``: the row's design has replicate weights) →
    the interval of every proportion (NaN where it cannot be formed: p at 0 or 1, fewer than
    2 cases, no variance, a fit that does not converge)."""
    lo, hi = np.full(p.shape, np.nan), np.full(p.shape, np.nan)
    for i in range(p.shape[0]):
        got = _one(
            float(p[i]), float(var_logit[i]), float(n[i]), float(w_total[i]), sums[i],
            float(df[i]), alpha, bool(replicate[i]),
        )  # fmt: skip
        if got is not None:
            lo[i], hi[i] = got
    return lo, hi


def _pnorm(x: float) -> float:
    return 0.5 * math.erfc(-x / math.sqrt(2.0))


def _mu(eta: float) -> float:
    e = _EPS if eta < -30 else (1 / _EPS if eta > 30 else math.exp(eta))
    return e / (1 + e)


def _deviance(mu: float, n: float, s1: float, cy: float) -> float:
    """Σ dev.resids over the domain for a constant μ: 2 (Σ w̃ ylogy − S1 log μ − (n−S1)
    log(1−μ)), ``cy`` = Σ w̃ ylogy."""
    if not 0 < mu < 1:
        return math.inf
    return 2 * (cy - s1 * math.log(mu) - (n - s1) * math.log(1 - mu))


def _glm(n: float, s1: float, s: np.ndarray, cy: float) -> tuple[float, float, float] | None:
    """glm.fit's IRLS for the intercept: (β̂, μ of the last iteration's weights, deviance).
    The first iteration starts row by row (``s[1:4]``); later ones have one μ."""
    devold = float(s[3])
    naive_mu = math.nan
    beta = mu = dev = math.nan
    for it in range(1, GLM_MAXIT + 1):
        if it == 1:
            if not s[1] > 0:
                return None
            beta, naive_w = float(s[2] / s[1]), float(s[1])
        else:
            naive_w = n * mu * (1 - mu)
            beta = beta + (s1 - n * mu) / naive_w
        naive_mu = naive_w
        mu = _mu(beta)
        dev = _deviance(mu, n, s1, cy)
        if abs(dev - devold) / (abs(dev) + 0.1) < GLM_EPSILON:
            return beta, naive_mu, dev
        devold = dev
    return None


def _one(
    p: float,
    v: float,
    n: float,
    w_tot: float,
    s: np.ndarray,
    df: float,
    alpha: float,
    replicate: bool,
) -> tuple[float, float] | None:
    if not (0 < p < 1) or not (v > 0) or not (n >= 2) or not (w_tot > 0) or not (df > 0):
        return None
    c = n / w_tot  # w̃ = c w
    s1, cy = n * p, c * float(s[4])
    fit = _glm(n, s1, s, cy)
    if fit is None:
        return None
    b0, naive_w, dev0 = fit
    mu0 = _mu(b0)
    lam = v * naive_w  # V_design / V_naive, V_naive = 1 / Σ W of the last iteration
    tq = float(qt(alpha / 2, df))  # df = ∞: the normal quantile
    a_star = _pnorm(tq * math.sqrt(lam)) / 2
    zmax = abs(float(qt(a_star / 2, n - 1)))
    # dispersion: summary.svyglm's of the Pearson residuals r = (y − μ)/√(μ(1−μ)) (survey's
    # residuals.svyglm divides the prior weights by the sampling weights: 1 here); svyvar
    # for linearisation, the weighted mean square for replicates
    q = mu0 * (1 - mu0)
    mean_sq = (float(s[0]) - 2 * mu0 * p * w_tot + mu0 * mu0 * w_tot) / (q * w_tot)
    if replicate:
        disp = mean_sq
    else:
        mean_r = (p - mu0) / math.sqrt(q)
        disp = (mean_sq - mean_r * mean_r) * n / (n - 1)
    if not disp > 0:
        return None
    sd, step_size = math.sqrt(v), zmax / 5
    betas, zs = [b0], [0.0]
    for sgn in (-1.0, 1.0):
        z, step = 0.0, 0
        while True:
            step += 1
            if not (step < MAX_STEPS and abs(z) < zmax):
                break
            b = b0 + sgn * step * step_size * sd
            zz = max((_deviance(_mu(b), n, s1, cy) - dev0) / disp, 0.0)
            z = sgn * math.sqrt(zz)
            betas.append(b)
            zs.append(z)
    order = np.argsort(np.asarray(zs), kind="stable")
    x, y = np.asarray(betas)[order], np.asarray(zs)[order]
    xs = _seq(float(x[0]), float(x[-1]), 3 * x.shape[0])
    ys = _fmm_eval(x, y, xs)
    cut = float(qnorm(2 * a_star))
    lo_b, hi_b = _approx(ys, xs, cut), _approx(ys, xs, -cut)
    return _expit(lo_b), _expit(hi_b)


def _expit(x: float) -> float:
    if math.isnan(x):
        return math.nan
    return 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))


def _seq(a: float, b: float, n: int) -> np.ndarray:
    """R ``seq.int(a, b, length.out = n)`` (filled from both ends)."""
    out = np.empty(n)
    out[0], out[-1] = a, b
    by = (b - a) / (n - 1)
    for i in range(1, n - 1):
        out[i] = a + i * by if i < n // 2 else b - (n - 1 - i) * by
    return out


def _fmm_eval(x: np.ndarray, y: np.ndarray, u: np.ndarray) -> np.ndarray:
    """R ``spline(method = "fmm")``: Forsythe–Malcolm–Moler cubic spline (ends fitted to the
    cubics through the first and last four points), evaluated at ``u``."""
    n = x.shape[0]
    b, c, d = np.zeros(n), np.zeros(n), np.zeros(n)
    if n < 3:
        b[:] = (y[1] - y[0]) / (x[1] - x[0])
    else:
        d[0] = x[1] - x[0]
        c[1] = (y[1] - y[0]) / d[0]
        for i in range(1, n - 1):
            d[i] = x[i + 1] - x[i]
            b[i] = 2.0 * (d[i - 1] + d[i])
            c[i + 1] = (y[i + 1] - y[i]) / d[i]
            c[i] = c[i + 1] - c[i]
        b[0], b[n - 1] = -d[0], -d[n - 2]
        c[0] = c[n - 1] = 0.0
        if n > 3:
            c[0] = c[2] / (x[3] - x[1]) - c[1] / (x[2] - x[0])
            c[n - 1] = c[n - 2] / (x[n - 1] - x[n - 3]) - c[n - 3] / (x[n - 2] - x[n - 4])
            c[0] = c[0] * d[0] * d[0] / (x[3] - x[0])
            c[n - 1] = -c[n - 1] * d[n - 2] * d[n - 2] / (x[n - 1] - x[n - 4])
        for i in range(1, n):
            t = d[i - 1] / b[i - 1]
            b[i] = b[i] - t * d[i - 1]
            c[i] = c[i] - t * c[i - 1]
        c[n - 1] = c[n - 1] / b[n - 1]
        for i in range(n - 2, -1, -1):
            c[i] = (c[i] - d[i] * c[i + 1]) / b[i]
        b[n - 1] = (y[n - 1] - y[n - 2]) / d[n - 2] + d[n - 2] * (c[n - 2] + 2.0 * c[n - 1])
        for i in range(n - 1):
            b[i] = (y[i + 1] - y[i]) / d[i] - d[i] * (c[i + 1] + 2.0 * c[i])
            d[i] = (c[i + 1] - c[i]) / d[i]
            c[i] = 3.0 * c[i]
        c[n - 1] = 3.0 * c[n - 1]
        d[n - 1] = d[n - 2]
    out = np.empty(u.shape[0])
    i = 0
    for k in range(u.shape[0]):
        ul = u[k]
        if ul < x[i] or (i < n - 1 and x[i + 1] < ul):
            i, j = 0, n
            while True:
                m = (i + j) // 2
                if ul < x[m]:
                    j = m
                else:
                    i = m
                if not j > i + 1:
                    break
        dx = ul - x[i]
        out[k] = y[i] + dx * (b[i] + dx * (c[i] + dx * d[i]))
    return out


def _approx(x: np.ndarray, y: np.ndarray, v: float) -> float:
    """R ``approx(x, y, xout = v)$y`` (linear, rule 1, ties averaged)."""
    order = np.argsort(x, kind="stable")
    xs, ys = x[order], y[order]
    ux, inv = np.unique(xs, return_inverse=True)
    if ux.shape[0] < xs.shape[0]:
        ys = np.bincount(inv, ys) / np.bincount(inv)
        xs = ux
    if not (xs[0] <= v <= xs[-1]):
        return math.nan
    i, j = 0, xs.shape[0] - 1
    while i < j - 1:
        m = (i + j) // 2
        if v < xs[m]:
            j = m
        else:
            i = m
    if v == xs[j]:
        return float(ys[j])
    if v == xs[i]:
        return float(ys[i])
    return float(ys[i] + (ys[j] - ys[i]) * ((v - xs[i]) / (xs[j] - xs[i])))
