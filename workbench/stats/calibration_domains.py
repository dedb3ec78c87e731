"""Calibration feature sums per reported domain (group × level, and all displaced pooled).

The residualisation of a calibrated design (:mod:`workbench.stats.calibration_variance`) needs,
for every domain and indicator, ``Σ h y`` and ``Σ h x`` over the domain's rows with an answer.
These are computed from the rows (one bincount per margin and indicator), beside the fine-cell
sums, and only when the design is calibrated.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from workbench.stats.calibration_variance import Residualiser

if TYPE_CHECKING:
    from workbench.stats.context import UnitContext


@dataclass(frozen=True)
class CalSums:
    res: Residualiser
    hy: np.ndarray  # (G+1, L, k, J)
    hx: np.ndarray


def domain_feature_sums(
    ctx: UnitContext,
    res: Residualiser,
    disagg: str,
    columns: list[tuple[np.ndarray, np.ndarray | None]],
) -> CalSums:
    """(G+1, L, k, J) sums of ``h y`` and ``h x`` (x = 1 for means and totals) over each
    domain's rows where the indicator is known."""
    by_group, pooled, n_lev = ctx.row_domains(disagg)
    g = ctx.n_groups
    k, n_feat = len(columns), res.n_features
    hy = np.zeros((g + 1, n_lev, k, n_feat))
    hx = np.zeros_like(hy)
    for j, (y, x) in enumerate(columns):
        known = ~np.isnan(y) if x is None else ~(np.isnan(y) | np.isnan(x))
        for dom, n_dom, out in (
            (by_group, g * n_lev, slice(0, g)),
            (pooled, n_lev, slice(g, g + 1)),
        ):
            rows = np.flatnonzero(known & (dom >= 0))
            d = dom[rows]
            sy = res.domain_sums(rows, d, n_dom, y[rows])
            sx = res.domain_sums(rows, d, n_dom, np.ones(rows.size) if x is None else x[rows])
            hy[out, :, j] = sy.reshape(-1, n_lev, n_feat)
            hx[out, :, j] = sx.reshape(-1, n_lev, n_feat)
    return CalSums(res, hy, hx)


def residual_totals(
    cal: CalSums,
    ratio: np.ndarray,
    b_t: np.ndarray,
    is_total: np.ndarray,
) -> np.ndarray:
    """The (P, G+1, L, k) PSU totals to subtract: ``T = Σ h (y - R x) / B`` for ratio-type
    statistics and ``Σ h y`` for totals."""
    with np.errstate(divide="ignore", invalid="ignore"):
        t_ratio = (cal.hy - ratio[..., None] * cal.hx) / b_t[..., None]
    t = np.where(is_total[:, None], cal.hy, t_ratio)
    return cal.res.correction(np.nan_to_num(t))
