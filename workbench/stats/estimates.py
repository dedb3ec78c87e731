"""The estimates table of one unit: linear statistics in blocks, quantiles per indicator.

Rows carry three private columns used by the comparisons and dropped before results leave the
engine: ``_var`` (variance), ``_cov`` (covariance with the comparator's estimate in the same
disaggregation cell) and ``_design_df`` (degrees of freedom of the full design).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.progress import CancelToken, check_cancel
from workbench.stats.calibration_domains import domain_feature_sums
from workbench.stats.cells import TOTAL
from workbench.stats.ciprop_likelihood import N_LIK
from workbench.stats.ciprop_likelihood import domain_sums as likelihood_sums
from workbench.stats.context import UnitContext
from workbench.stats.design import Design
from workbench.stats.frame import FPC, HH, PSU, STRATUM, IndicatorSpec
from workbench.stats.linear import domain_stats, joint_factor, one_stage, row_sums
from workbench.stats.quantiles import domain_quantiles
from workbench.stats.replicates import ReplicateDesign
from workbench.stats.variance import VarianceTerms

BLOCK = 16  # at most this many indicators per pass
GRID_BUDGET = 2_000_000  # floats per (PSU × group × level) grid and sum: bounds memory
MEDIAN_P = 0.5


class ZSink:
    """What the changes between rounds keep of a run, by unit.

    ``stock[unit]``: the weighted number of units per group (G+1: groups, then all displaced
    pooled), its variance on the round's own design and the design's df — every design (later
    stages, replicate weights, calibration) through the estimators' own path (R ``svytotal``).

    One-stage linearisation designs only (a panel's stacked design needs them): ``z[unit][(disagg,
    indicator)]`` is (P, G+1, L) linearised PSU totals over the unit design's PSUs, groups
    (+ pooled) and the disaggregation's levels (``levels[unit][disagg]``); ``psu_rows[unit]``
    holds the design columns of one row of each PSU (its stratum, PSU and household labels) and
    ``designs[unit]`` the design — what R's ``svyby(covmat=TRUE)`` keeps to combine estimates.
    ``z[unit][("total", STOCK)]`` holds the weighted count of units per PSU and group."""

    STOCK = "_stock"

    def __init__(self, keep_z: bool = True) -> None:
        #: False: the stock only (independent rounds need no PSU totals)
        self.keep_z = keep_z
        self.z: dict[str, dict[tuple[str, str], np.ndarray]] = {}
        self.levels: dict[str, dict[str, list[str]]] = {}
        self.psu_rows: dict[str, pd.DataFrame] = {}
        self.designs: dict[str, Design] = {}
        self.stock: dict[str, tuple[np.ndarray, np.ndarray, float]] = {}

    def record(self, ctx: UnitContext) -> None:
        """The unit's stock (every design); for a one-stage design also its PSUs' labels and
        the weighted counts per PSU and group."""
        d = ctx.design
        ones = np.ones(len(ctx.df))
        sums = row_sums(ctx.cells, d, [(ones, None)])
        no = np.array([False])
        res = d.calibration
        cal = None if res is None else domain_feature_sums(ctx, res, TOTAL, [(ones, None)])
        st = domain_stats(ctx.cells, d, sums, TOTAL, ~no, no, ctx.displaced, None,
                          joint_factor(ctx.cells, d, sums), cal=cal)  # fmt: skip
        self.stock[ctx.unit] = (st.estimate[:, 0, 0], st.var[:, 0, 0], float(d.df))
        if not self.keep_z or not one_stage(d):
            return
        first = np.zeros(d.n_psu, dtype=np.int64)
        first[d.psu[::-1]] = np.arange(d.psu.shape[0])[::-1]
        cols = [c for c in (STRATUM, PSU, HH, FPC) if c in ctx.df]
        self.psu_rows[ctx.unit] = ctx.df[cols].iloc[first].reset_index(drop=True)
        self.designs[ctx.unit] = d
        g, n_g = ctx.group_row, ctx.n_groups
        ok = g >= 0
        count = np.bincount(d.psu[ok] * n_g + g[ok], d.weights[ok], d.n_psu * n_g)
        count = count.reshape(d.n_psu, n_g)
        pooled = count[:, ctx.displaced].sum(axis=1, keepdims=True)
        self.z.setdefault(ctx.unit, {})[(TOTAL, self.STOCK)] = np.concatenate(
            [count, pooled], axis=1
        )[:, :, None]
        self.levels.setdefault(ctx.unit, {})[TOTAL] = [TOTAL]

    def add(self, ctx: UnitContext, disagg: str, ind_id: str, z: np.ndarray) -> None:
        self.z.setdefault(ctx.unit, {})[(disagg, ind_id)] = z
        self.levels.setdefault(ctx.unit, {})[disagg] = list(ctx.levels(disagg))


def _values(
    ctx: UnitContext, inds: list[IndicatorSpec]
) -> list[tuple[np.ndarray, np.ndarray | None]]:
    def num(col: str) -> np.ndarray:
        s = ctx.df[col]
        if s.dtype == np.float64:  # already numbers: the column itself (read only), no copy
            return s.to_numpy()
        return pd.to_numeric(s, errors="coerce").to_numpy(dtype=np.float64)

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
    ctx: UnitContext,
    inds: list[IndicatorSpec],
    cancel: CancelToken | None = None,
    z_sink: ZSink | None = None,
    likelihood: bool = False,
) -> list[pd.DataFrame]:
    """``z_sink``: receives each (disaggregation, indicator)'s linearised PSU totals
    (:class:`ZSink`; the changes between rounds combine two rounds' totals). ``likelihood``:
    add the per-domain sums of R's likelihood interval of proportions (``_lik0``…)."""
    parts: list[pd.DataFrame] = []
    widest = max(len(ctx.levels(d)) for d in ctx.disaggs)
    cells = ctx.design.n_units * (ctx.n_groups + 1) * widest
    size = int(min(BLOCK, max(1, GRID_BUDGET // cells)))
    for start in range(0, len(inds), size):
        check_cancel(cancel)
        block = inds[start : start + size]
        values = _values(ctx, block)
        sums = row_sums(ctx.cells, ctx.design, values)
        res = ctx.design.calibration
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
                keep_z=z_sink is not None and z_sink.keep_z,
                cal=None if res is None else domain_feature_sums(ctx, res, disagg, values),
            )
            if z_sink is not None and st.z is not None:
                for j, ind in enumerate(block):
                    z_sink.add(ctx, disagg, ind.id, st.z[..., j])
            cols = {
                "estimate": st.estimate,
                "se": np.sqrt(st.var),
                "n": st.n,
                "n_weighted": st.n_weighted,
                "deff": st.deff,
                "df": st.df,
                "_var": st.var_joint,
                "_cov": st.cov_comparator,
                "_se_logit": np.full_like(st.var, np.nan)
                if st.var_logit is None
                else np.sqrt(st.var_logit),
            }
            if likelihood:
                lik = likelihood_sums(ctx, disagg, values)
                for s in range(N_LIK):
                    cols[f"_lik{s}"] = lik[..., s]
                replicate = isinstance(ctx.design, ReplicateDesign)
                cols["_lik_replicate"] = np.full(st.estimate.shape, float(replicate))
            parts.append(_rows(ctx, disagg, block, cols))
    return parts


def median_estimates(
    ctx: UnitContext,
    inds: list[IndicatorSpec],
    alpha: float,
    cancel: CancelToken | None = None,
    z_sink: ZSink | None = None,
) -> list[pd.DataFrame]:
    """``z_sink``: receives each median's Woodruff-linearised PSU totals (one-stage designs)."""
    parts: list[pd.DataFrame] = []
    keep_z = z_sink is not None and z_sink.keep_z
    g1 = ctx.n_groups + 1
    for ind in inds:
        check_cancel(cancel)
        y = pd.to_numeric(ctx.df[ind.id], errors="coerce").to_numpy(dtype=np.float64)
        present = np.bincount(ctx.design.psu[~np.isnan(y)], minlength=ctx.design.n_units) > 0
        joint = ctx.design.average_factor(present)
        for disagg in ctx.disaggs:
            by_group, pooled, n_lev = ctx.row_domains(disagg)
            a = domain_quantiles(ctx.design, y, by_group, (g1 - 1) * n_lev, MEDIAN_P, alpha, keep_z)
            b = domain_quantiles(ctx.design, y, pooled, n_lev, MEDIAN_P, alpha, keep_z)
            if z_sink is not None and a.z is not None and b.z is not None:
                p = a.z.shape[0]
                z = np.concatenate([a.z.reshape(p, g1 - 1, n_lev), b.z.reshape(p, 1, n_lev)], 1)
                z_sink.add(ctx, disagg, ind.id, z)
            names = ("estimate", "se", "ci_low", "ci_high", "n", "n_weighted", "df", "slope")
            cols = {
                nm: np.concatenate(
                    [getattr(a, nm).reshape(g1 - 1, n_lev), getattr(b, nm).reshape(1, n_lev)]
                )[:, :, None]
                for nm in names
            }
            terms = _joined_terms(a.cdf_terms, b.cdf_terms, g1 - 1, n_lev)
            cols["_var"] = cols["se"] ** 2
            if ctx.comparator is not None:
                comp = terms.take((slice(ctx.comparator, ctx.comparator + 1),))
                cov_p = terms.cov(comp) * joint
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


def _joined_terms(
    groups: VarianceTerms, pooled: VarianceTerms, n_groups: int, n_lev: int
) -> VarianceTerms:
    """The CDF terms of the groups' and the pooled domains as one (P, G+1, L) set."""

    def cat(x: np.ndarray | None, y: np.ndarray | None) -> np.ndarray | None:
        if x is None or y is None:
            return None
        return np.concatenate([x.reshape(-1, n_groups, n_lev), y.reshape(-1, 1, n_lev)], axis=1)

    diag = None
    if groups.diag is not None and pooled.diag is not None:
        diag = np.concatenate([groups.diag.reshape(n_groups, n_lev), pooled.diag.reshape(1, n_lev)])
    plus = cat(groups.plus, pooled.plus)
    assert plus is not None
    return VarianceTerms(plus, cat(groups.minus, pooled.minus), diag)
