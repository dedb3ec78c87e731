"""The estimates table of one unit: linear statistics in blocks, quantiles per indicator.

Rows carry three private columns used by the comparisons and dropped before results leave the
engine: ``_var`` (variance), ``_cov`` (covariance with the comparator's estimate in the same
disaggregation cell) and ``_design_df`` (degrees of freedom of the full design).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.progress import CancelToken, check_cancel
from workbench.stats.context import UnitContext
from workbench.stats.frame import IndicatorSpec
from workbench.stats.linear import domain_stats, joint_factor, row_sums
from workbench.stats.quantiles import domain_quantiles

BLOCK = 16  # at most this many indicators per pass
GRID_BUDGET = 2_000_000  # floats per (PSU × group × level) grid and sum: bounds memory
MEDIAN_P = 0.5


def _values(
    ctx: UnitContext, inds: list[IndicatorSpec]
) -> list[tuple[np.ndarray, np.ndarray | None]]:
    def num(col: str) -> np.ndarray:
        return pd.to_numeric(ctx.df[col], errors="coerce").to_numpy(dtype=np.float64)

    return [(num(i.id), num(f"{i.id}__den") if i.statistic == "ratio" else None) for i in inds]


def _rows(
    ctx: UnitContext, disagg: str, inds: list[IndicatorSpec], cols: dict[str, np.ndarray]
) -> pd.DataFrame:
    """Flatten (G+1, L, k) arrays to rows, keeping output groups and requested disaggregations."""
    g1, n_lev, k = cols["estimate"].shape
    gi, li, ki = (a.ravel() for a in np.indices((g1, n_lev, k)))
    wanted = np.array([disagg == "total" or disagg in ind.disaggregations for ind in inds])
    keep = ctx.output_groups[gi] & wanted[ki]
    gi, li, ki = gi[keep], li[keep], ki[keep]
    codes, labels = np.array(ctx.codes, dtype=object), np.array(ctx.labels, dtype=object)
    out = pd.DataFrame(
        {
            "indicator_id": np.array([i.id for i in inds], dtype=object)[ki],
            "criterion": np.array([i.criterion for i in inds], dtype=object)[ki],
            "group": codes[gi],
            "disaggregation": disagg,
            "disaggregation_value": np.array(ctx.levels(disagg), dtype=object)[li],
            "statistic": np.array([i.statistic for i in inds], dtype=object)[ki],
            "unit": ctx.unit,
            "group_label": labels[gi],
        }
    )
    for name, arr in cols.items():
        out[name] = arr[gi, li, ki]
    return out


def linear_estimates(
    ctx: UnitContext, inds: list[IndicatorSpec], cancel: CancelToken | None = None
) -> list[pd.DataFrame]:
    parts: list[pd.DataFrame] = []
    widest = max(len(ctx.levels(d)) for d in ctx.disaggs)
    cells = ctx.design.n_psu * (ctx.n_groups + 1) * widest
    size = int(min(BLOCK, max(1, GRID_BUDGET // cells)))
    for start in range(0, len(inds), size):
        check_cancel(cancel)
        block = inds[start : start + size]
        sums = row_sums(ctx.cells, ctx.design, _values(ctx, block))
        is_total = np.array([i.statistic == "total" for i in block])
        is_mean = np.array([i.statistic in ("mean", "proportion") for i in block])
        joint = joint_factor(ctx.cells, ctx.design, sums)
        for disagg in ctx.disaggs:
            st = domain_stats(
                ctx.cells,
                ctx.design,
                sums,
                disagg,
                is_total,
                is_mean,
                ctx.displaced,
                ctx.comparator,
                joint,
            )
            cols = {
                "estimate": st.estimate,
                "se": np.sqrt(st.var),
                "n": st.n,
                "n_weighted": st.n_weighted,
                "deff": st.deff,
                "df": st.df,
                "_var": st.var_joint,
                "_cov": st.cov_comparator,
            }
            parts.append(_rows(ctx, disagg, block, cols))
    return parts


def median_estimates(
    ctx: UnitContext, inds: list[IndicatorSpec], alpha: float, cancel: CancelToken | None = None
) -> list[pd.DataFrame]:
    parts: list[pd.DataFrame] = []
    g1 = ctx.n_groups + 1
    for ind in inds:
        check_cancel(cancel)
        y = pd.to_numeric(ctx.df[ind.id], errors="coerce").to_numpy(dtype=np.float64)
        present = np.bincount(ctx.design.psu[~np.isnan(y)], minlength=ctx.design.n_psu) > 0
        joint = ctx.design.average_factor(present)
        for disagg in ctx.disaggs:
            by_group, pooled, n_lev = ctx.row_domains(disagg)
            a = domain_quantiles(ctx.design, y, by_group, (g1 - 1) * n_lev, MEDIAN_P, alpha)
            b = domain_quantiles(ctx.design, y, pooled, n_lev, MEDIAN_P, alpha)
            names = ("estimate", "se", "ci_low", "ci_high", "n", "n_weighted", "df", "slope")
            cols = {
                nm: np.concatenate(
                    [getattr(a, nm).reshape(g1 - 1, n_lev), getattr(b, nm).reshape(1, n_lev)]
                )[:, :, None]
                for nm in names
            }
            zc = np.concatenate(
                [a.cdf_zc.reshape(-1, g1 - 1, n_lev), b.cdf_zc.reshape(-1, 1, n_lev)], axis=1
            )
            cols["_var"] = cols["se"] ** 2
            if ctx.comparator is not None:
                cov_p = np.einsum("pgl,pl->gl", zc, zc[:, ctx.comparator]) * joint
                slope = cols["slope"][:, :, 0]
                with np.errstate(invalid="ignore", divide="ignore"):
                    cov_q = cov_p / (slope * slope[ctx.comparator])
                cols["_cov"] = cov_q[:, :, None]
            else:
                cols["_cov"] = np.full_like(cols["se"], np.nan)
            cols["deff"] = np.full_like(cols["se"], np.nan)
            del cols["slope"]
            parts.append(_rows(ctx, disagg, [ind], cols))
    return parts
