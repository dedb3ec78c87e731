"""The variance side of calibration: R ``svyrecvar``'s residualisation, domain by domain.

R computes a calibrated design's variance from the estimating functions ``x`` (``w_i z_i`` of
every row, zero outside the domain) after removing what the calibration variables explain:

* post-stratification: ``x - psw · (Σ_c oldw x/psw / Σ_c oldw)`` per post-stratum ``c``;
* raking: ten sweeps of ``x ← x - psw_m · ave(x/psw_m, margin m)`` over the margins, ``psw_m``
  the weights after margin ``m`` in the last raking iteration;
* calibration (GREG and bounded): ``qr.resid(qr(X √w), x/(g √w)) · g √w``.

Each is linear in ``x``, and its effect on a domain's PSU totals is ``Z_p - Σ_j G_pj β_j`` with

* ``T_j = Σ_{i in domain} h_ij z_i`` — sums of per-row features ``h`` against the domain's
  linearised values (``z_i = (y_i - R x_i)/B`` for ratios and means, ``y_i`` for totals), so
  they come from two sums per domain, ``Σ h y`` and ``Σ h x``;
* ``β = L T`` — ``L`` is the identity (post-strata), the ten-sweep recurrence run on the
  identity (raking) or ``(X'WX)⁺`` (calibration);
* ``G`` (PSU × j) — per-PSU sums of the calibration step's weights (by cell, or times ``X``).

So the estimators keep their sums-per-domain shape: :meth:`Residualiser.domain_sums` gives
``T``'s two parts for any partition of the rows and :meth:`Residualiser.correction` the PSU
totals to subtract. ``tests/stats/test_stats_golden_calibration.py`` tests the equality with R.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

RAKE_SWEEPS = 10  # svyrecvar: for (iterations in 1:10)


@dataclass(frozen=True)
class CatBlock:
    """Features ``h_ik = [code_i = k] · factor_i`` for k < size (``factor`` None: 1)."""

    codes: np.ndarray  # (n,) int
    size: int
    factor: np.ndarray | None  # (n,)


@dataclass(frozen=True)
class DenseBlock:
    """Features ``h_ij = x_ij · factor_i``."""

    x: np.ndarray  # (n, q)
    factor: np.ndarray  # (n,)

    @property
    def size(self) -> int:
        return int(self.x.shape[1])


@dataclass(frozen=True)
class Residualiser:
    blocks: tuple[CatBlock | DenseBlock, ...]
    lmat: np.ndarray  # (J, J)
    gmat: np.ndarray  # (P, J)
    #: the run's record: the spec (totals, method) and what happened (iterations, ranges)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def n_features(self) -> int:
        return int(self.lmat.shape[0])

    def domain_sums(
        self, rows: np.ndarray, dom: np.ndarray, n_dom: int, values: np.ndarray
    ) -> np.ndarray:
        """``Σ_{i in d} h_ij v_i`` for every domain: ``rows`` the row indices, ``dom`` their
        domain (0..n_dom-1) and ``values`` their v → (n_dom, J)."""
        out = np.empty((n_dom, self.n_features))
        j = 0
        for b in self.blocks:
            fv = values if b.factor is None else b.factor[rows] * values
            if isinstance(b, CatBlock):
                key = dom * b.size + b.codes[rows]
                out[:, j : j + b.size] = np.bincount(key, fv, n_dom * b.size).reshape(n_dom, b.size)
            else:
                xs = b.x[rows]
                for c in range(b.size):
                    out[:, j + c] = np.bincount(dom, fv * xs[:, c], n_dom)
            j += b.size
        return out

    def correction(self, t: np.ndarray) -> np.ndarray:
        """``T`` (..., J) → the (P, ...) PSU totals to subtract from the domains' ``Z_p``."""
        beta = t @ self.lmat.T
        shape = beta.shape[:-1]
        flat = beta.reshape(-1, self.n_features)
        return (self.gmat @ flat.T).reshape((self.gmat.shape[0], *shape))


def psu_sums_by_code(
    psu: np.ndarray, n_psu: int, codes: np.ndarray, k: int, w: np.ndarray
) -> np.ndarray:
    """(P, k): per-PSU sums of ``w`` in each cell."""
    return np.bincount(psu * k + codes, w, n_psu * k).reshape(n_psu, k)


def _ratio(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(b != 0, a / b, 0.0)


def poststratify_residualiser(
    psu: np.ndarray,
    n_psu: int,
    codes: np.ndarray,
    k: int,
    old_w: np.ndarray,
    ps_w: np.ndarray,
    final_w: np.ndarray,
) -> Residualiser:
    """``postStratify``: ``oldw`` the weights before, ``psw`` after, ``final_w`` the weights the
    estimates use (``psw`` unless trimmed afterwards)."""
    n_old = np.bincount(codes, old_w, k)
    factor = old_w * _ratio(final_w, ps_w) / n_old[codes]
    block = CatBlock(codes, k, factor)
    gmat = psu_sums_by_code(psu, n_psu, codes, k, ps_w)
    return Residualiser((block,), np.eye(k), gmat)


def rake_residualiser(
    psu: np.ndarray,
    n_psu: int,
    margins: list[tuple[np.ndarray, int]],
    ps_w: list[np.ndarray],
    final_w: np.ndarray,
) -> Residualiser:
    """``rake``: ``margins`` (codes, size) and ``ps_w[m]`` the weights after margin ``m`` in
    the last raking iteration (overwritten: they become the features' factors). ``L`` runs
    svyrecvar's ten sweeps on the identity: the constant
    of margin ``m`` after a sweep is ``D_m += (T_m - Σ_m' Q^{m m'} D_m') / n_m`` with
    ``Q^{m m'}_{k k'} = Σ_{i in k, k'} psw_m'/psw_m``."""
    sizes = [k for _, k in margins]
    off = np.concatenate([[0], np.cumsum(sizes)]).astype(int)
    n_feat = int(off[-1])
    counts = [np.bincount(cm, minlength=km).astype(np.float64) for cm, km in margins]
    q: dict[tuple[int, int], np.ndarray] = {}
    for m, (cm, km) in enumerate(margins):
        for m2, (cm2, km2) in enumerate(margins):
            if m == m2:
                q[m, m2] = np.diag(counts[m])
                continue
            key = cm.astype(np.int64) * km2 + cm2  # weights are positive (calibrate_weights)
            q[m, m2] = np.bincount(key, ps_w[m2] / ps_w[m], km * km2).reshape(km, km2)
    lmat = np.zeros((n_feat, n_feat))
    eye = np.eye(n_feat)
    for _ in range(RAKE_SWEEPS):
        for m in range(len(margins)):
            sel = slice(off[m], off[m + 1])
            ql = sum(q[m, m2] @ lmat[off[m2] : off[m2 + 1]] for m2 in range(len(margins)))
            lmat[sel] += (eye[sel] - ql) / counts[m][:, None]
    gmat = np.concatenate(
        [psu_sums_by_code(psu, n_psu, cm, km, ps_w[m]) for m, (cm, km) in enumerate(margins)],
        axis=1,
    )
    # the factors final / psw_m, computed into the step weights (no longer needed) to keep the
    # peak memory low; the last step's weights are the final ones unless trimmed: factor 1
    blocks: list[CatBlock | DenseBlock] = []
    for m, (cm, km) in enumerate(margins):
        if ps_w[m] is final_w:
            blocks.append(CatBlock(cm, km, None))
        else:
            blocks.append(CatBlock(cm, km, np.divide(final_w, ps_w[m], out=ps_w[m])))
    return Residualiser(tuple(blocks), lmat, gmat)


def greg_residualiser(
    psu: np.ndarray,
    n_psu: int,
    x: np.ndarray,
    design_w: np.ndarray,
    cal_w: np.ndarray,
    final_w: np.ndarray,
) -> Residualiser:
    """``calibrate``: residuals of a regression on ``X`` weighted by the design weights,
    scaled by the g-weights (``cal_w / design_w``)."""
    tmat = (x * design_w[:, None]).T @ x
    lmat = np.linalg.pinv(tmat, rcond=1e-12, hermitian=True)
    g = _ratio(cal_w, design_w)
    block = DenseBlock(x, _ratio(final_w, g))
    gx = x * cal_w[:, None]
    gmat = np.zeros((n_psu, x.shape[1]))
    for c in range(x.shape[1]):
        gmat[:, c] = np.bincount(psu, gx[:, c], n_psu)
    return Residualiser((block,), lmat, gmat)
