"""Domain estimates of means, proportions, ratios and totals from fine-cell sums.

For a domain d and indicator k (rows with NaN numerator or denominator are outside the domain, as
``subset(design, !is.na(y))``):

* ratio-type (mean, proportion, ratio): ``R = A/B`` with ``A = Σ w y``, ``B = Σ w x`` (x = 1 for
  means); linearised PSU totals ``Z_p = (A_p - R B_p) / B`` (R ``svymean``/``svyratio``);
* total: ``T = A``, ``Z_p = A_p`` (R ``svytotal``).

The variance of every domain and its covariance with the comparator's domain in the same
disaggregation cell come from the same centred PSU totals (R ``svyby(covmat=TRUE)``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeGuard

import numpy as np

from workbench.stats.calibration_domains import CalSums, residual_totals
from workbench.stats.cells import Cells
from workbench.stats.design import Design
from workbench.stats.replicates import ReplicateDesign

N_SUMS = 5  # A, B, sum w y², n, sum w


@dataclass
class DomainStats:
    """Arrays of shape (G+1, L, k): groups in frame order, then all displaced pooled."""

    estimate: np.ndarray
    var: np.ndarray
    cov_comparator: np.ndarray  # covariance with the comparator's estimate in the same cell
    var_joint: np.ndarray  # the variance as svyby(covmat=TRUE) computes it (for contrasts)
    n: np.ndarray
    n_weighted: np.ndarray
    df: np.ndarray
    deff: np.ndarray
    #: (P, G+1, L, k) linearised PSU totals, kept only when asked (changes between rounds)
    z: np.ndarray | None = None
    #: replicate designs: the replicate variance of logit(p) (R's svyciprop logit interval)
    var_logit: np.ndarray | None = None


def row_sums(
    cells: Cells,
    design: Design | ReplicateDesign,
    columns: list[tuple[np.ndarray, np.ndarray | None]],
) -> np.ndarray:
    """Numerator / denominator (None: 1) per indicator → (C, 5k) fine-cell sums
    [A | B | Σwy² | n | Σw] (+ [Σw²y² | Σw²xy | Σw²x²] when the design has a row stage).
    One bincount per sum and indicator: O(rows) memory."""
    k, n_cells, rc = len(columns), cells.n_cells, cells.row_cell
    out = np.empty((n_cells, (N_SUMS + design.n_extra) * k))
    rep_rows = isinstance(design, ReplicateDesign) and design.row_mode
    wys, wxs = [], []
    shared: tuple[np.ndarray, np.ndarray] | None = None  # Σw and n of complete columns
    wy_buf, tmp = np.empty(0), np.empty(0)  # reused for complete columns: no page faults
    for j, (y, x) in enumerate(columns):
        if not (design.n_extra or np.isnan(y).any() or (x is not None and np.isnan(x).any())):
            # no missing value: the weights, Σw and n are the design's (one bincount each for
            # all such indicators); the same sums as below, bit for bit
            if shared is None:
                shared = (np.bincount(rc, design.weights, n_cells),
                          np.bincount(rc, minlength=n_cells).astype(np.float64))  # fmt: skip
                wy_buf, tmp = np.empty_like(y), np.empty_like(y)
            np.multiply(design.weights, y, out=wy_buf)
            out[:, j] = np.bincount(rc, wy_buf, n_cells)
            out[:, 4 * k + j] = shared[0]
            if x is None:
                out[:, k + j] = shared[0]
            else:
                out[:, k + j] = np.bincount(rc, np.multiply(design.weights, x, out=tmp), n_cells)
            if np.array_equal(np.multiply(wy_buf, y, out=tmp), wy_buf):
                out[:, 2 * k + j] = out[:, j]  # w·y² = w·y on every row (a 0/1 indicator)
            else:
                out[:, 2 * k + j] = np.bincount(rc, tmp, n_cells)
            out[:, 3 * k + j] = shared[1]
            continue
        m = ~np.isnan(y) if x is None else ~(np.isnan(y) | np.isnan(x))
        wm = design.weights * m
        y0 = np.where(m, y, 0.0)
        wy = wm * y0
        out[:, j] = np.bincount(rc, wy, n_cells)
        out[:, 4 * k + j] = np.bincount(rc, wm, n_cells)
        out[:, k + j] = (
            out[:, 4 * k + j] if x is None else np.bincount(rc, wm * np.where(m, x, 0.0), n_cells)
        )
        out[:, 2 * k + j] = np.bincount(rc, wy * y0, n_cells)
        out[:, 3 * k + j] = np.bincount(rc, m, n_cells)
        if rep_rows:
            wys.append(wy)
            wxs.append(wm if x is None else wm * np.where(m, x, 0.0))
        elif design.n_extra:
            wx = wm if x is None else wm * np.where(m, x, 0.0)
            out[:, 5 * k + j] = np.bincount(rc, wy * wy, n_cells)
            out[:, 6 * k + j] = np.bincount(rc, wy * wx, n_cells)
            out[:, 7 * k + j] = np.bincount(rc, wx * wx, n_cells)
    if rep_rows:
        assert isinstance(design, ReplicateDesign)
        out[:, N_SUMS * k :] = design.cell_extra(rc, n_cells, np.column_stack(wys),
                                                 np.column_stack(wxs))  # fmt: skip
    return out


def domain_stats(
    cells: Cells,
    design: Design | ReplicateDesign,
    cell_sums: np.ndarray,
    disagg: str,
    is_total: np.ndarray,
    is_mean: np.ndarray,
    displaced: np.ndarray,
    comparator: int | None,
    joint_factor: np.ndarray,
    keep_z: bool = False,
    cal: CalSums | None = None,
) -> DomainStats:
    """Estimates for every (group + pooled, level) domain of one disaggregation at once.
    ``cal``: a calibrated design's feature sums; the PSU totals are residualised with them."""
    grid = cells.to_grid(cell_sums, disagg)  # (P, G, L, 5k)
    pooled = grid[:, displaced].sum(axis=1, keepdims=True)
    grid = np.concatenate([grid, pooled], axis=1)
    parts = np.split(grid, N_SUMS + design.n_extra, axis=3)
    a, b, q, n, w = parts[:N_SUMS]
    a_t, b_t, q_t, n_t, w_t = (v.sum(axis=0) for v in (a, b, q, n, w))
    adjust = None
    if cal is not None:  # calibrated: residualise the PSU totals (calibration_domains.py)
        with np.errstate(divide="ignore", invalid="ignore"):
            adjust = residual_totals(cal, a_t / b_t, b_t, is_total)
    terms = design.variance_terms(a, b, is_total, parts[N_SUMS:] or None, adjust)
    z = None
    if keep_z and one_stage(design):  # a panel's changes combine one-stage PSU totals
        z = design.linearised(a, b, is_total)[0]
        if adjust is not None:
            z = np.where(np.isfinite(z - adjust), z - adjust, 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        est = np.where(is_total, a_t, a_t / b_t)
        var0 = terms.var()
        var = var0 * design.average_factor(n > 0)
        if comparator is not None:
            comp = terms.take((slice(comparator, comparator + 1),))
            cov = terms.cov(comp) * joint_factor
        else:
            cov = np.full_like(var, np.nan)
        ybar = a_t / w_t
        s2 = (q_t / w_t - ybar**2) / (n_t - 1)  # svyvar / n ("replace" SRS variance of a mean)
        srs = np.where(is_total, s2 * w_t**2, s2)
        deff = np.where(is_total | is_mean, var / srs, np.nan)
    df = design.domain_df(n).astype(np.float64)
    empty = n_t == 0
    est = np.where(empty, np.nan, est)
    var = np.where(empty, np.nan, var)
    var_logit = None
    if isinstance(design, ReplicateDesign):
        var_logit = design.logit_var(a, b, parts[N_SUMS:] or None)
        if comparator is not None:  # the contrast's variance as R's svyby + svycontrast
            v_diff = design.contrast_var(a, b, is_total, parts[N_SUMS:] or None, n_t, comparator)
            vj = var0 * joint_factor
            cov = (vj + vj[comparator : comparator + 1] - v_diff) / 2
    return DomainStats(est, var, cov, var0 * joint_factor, n_t, w_t, df, deff, z, var_logit)


def one_stage(design: Design | ReplicateDesign) -> TypeGuard[Design]:
    """A one-stage linearisation design: its PSU totals are all a panel's stacked design needs."""
    return isinstance(design, Design) and design.to_first is None


def joint_factor(
    cells: Cells, design: Design | ReplicateDesign, cell_sums: np.ndarray
) -> np.ndarray:
    """(k,) lonely-PSU ``average`` factor of ``subset(design, !is.na(y))`` (svyby's covmat)."""
    k = cell_sums.shape[1] // (N_SUMS + design.n_extra)
    n = cell_sums[:, 3 * k : 4 * k]
    per_psu = np.zeros((design.n_units, k))
    np.add.at(per_psu, cells.psu, n)
    return design.average_factor(per_psu > 0)
