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

import numpy as np

from workbench.stats.calibration_domains import CalSums, residual_totals
from workbench.stats.cells import Cells
from workbench.stats.design import Design

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


def row_sums(
    cells: Cells, design: Design, columns: list[tuple[np.ndarray, np.ndarray | None]]
) -> np.ndarray:
    """Numerator / denominator (None: 1) per indicator → (C, 5k) fine-cell sums
    [A | B | Σwy² | n | Σw]. One bincount per sum and indicator: O(rows) memory."""
    k, n_cells, rc = len(columns), cells.n_cells, cells.row_cell
    out = np.empty((n_cells, N_SUMS * k))
    for j, (y, x) in enumerate(columns):
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
    return out


def domain_stats(
    cells: Cells,
    design: Design,
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
    a, b, q, n, w = np.split(grid, N_SUMS, axis=3)
    a_t, b_t, q_t, n_t, w_t = (v.sum(axis=0) for v in (a, b, q, n, w))
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = a_t / b_t
        est = np.where(is_total, a_t, ratio)
        z = np.where(is_total, a, (a - ratio * b) / b_t)
        if cal is not None:
            z = z - residual_totals(cal, ratio, b_t, is_total)
        z = np.where(np.isfinite(z), z, 0.0)
        zc = design.scaled_centred(z)
        var0 = np.einsum("pglk,pglk->glk", zc, zc)
        var = var0 * design.average_factor(n > 0)
        if comparator is not None:
            cov = np.einsum("pglk,plk->glk", zc, zc[:, comparator]) * joint_factor
        else:
            cov = np.full_like(var, np.nan)
        ybar = a_t / w_t
        s2 = (q_t / w_t - ybar**2) / (n_t - 1)  # svyvar / n ("replace" SRS variance of a mean)
        srs = np.where(is_total, s2 * w_t**2, s2)
        deff = np.where(is_total | is_mean, var / srs, np.nan)
    df = design.domain_df(n > 0).astype(np.float64)
    empty = n_t == 0
    est = np.where(empty, np.nan, est)
    var = np.where(empty, np.nan, var)
    return DomainStats(
        est, var, cov, var0 * joint_factor, n_t, w_t, df, deff, z if keep_z else None
    )


def joint_factor(cells: Cells, design: Design, cell_sums: np.ndarray) -> np.ndarray:
    """(k,) lonely-PSU ``average`` factor of ``subset(design, !is.na(y))`` (svyby's covmat)."""
    k = cell_sums.shape[1] // N_SUMS
    n = cell_sums[:, 3 * k : 4 * k]
    per_psu = np.zeros((design.n_psu, k))
    np.add.at(per_psu, cells.psu, n)
    return design.average_factor(per_psu > 0)
