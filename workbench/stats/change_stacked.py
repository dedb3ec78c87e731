"""Changes between two rounds on a stacked design: the panel case (households re-interviewed).

Both rounds' rows are stacked into one data set and one design, exactly as R would be asked to
do it::

    stacked <- rbind(round1, round2)                       # a `round` column 0 / 1
    des <- svydesign(ids=~psu, strata=~stratum, weights=~w, data=stacked, nest=TRUE)
    b <- svyby(~y, ~interaction(round, group), subset(des, !is.na(y)), svymean, covmat=TRUE)
    svycontrast(b, c(...))                                 # change, change in the gap

In a **panel** the PSU and stratum labels are shared between the rounds (the same enumeration
areas revisited; without clusters the PSU is the household key that links the rounds), so a
unit's linearised contributions to the round-1 and round-2 estimates fall in the same PSU total
and their covariance enters the variance of every contrast. For **independent** rounds the
labels are prefixed with the round, nothing is shared and the contrast's variance is
``V1 + V2`` (the same as the table arithmetic of :mod:`workbench.stats.change_table`).

Every estimate is a domain estimate of the stacked design (round × group × breakdown level,
all displaced groups pooled per round too). For a contrast ``c`` over domains the linearised
PSU totals are ``Z_p = Σ_i c_i Z_{p,i}`` with ``Z_{p,i} = (A_{p,i} − R_i B_{p,i}) / B_i`` (means,
proportions, ratios) or ``A_{p,i}`` (totals) — the same sufficient statistics, fine cells and
design object as the one-round engine. Degrees of freedom: ``degf`` of the stacked design.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from workbench.errors import StatsError
from workbench.progress import CancelToken, check_cancel
from workbench.stats.context import build_context
from workbench.stats.design import Design
from workbench.stats.frame import (
    FPC,
    GROUP,
    HH,
    PSU,
    STRATUM,
    AnalysisFrame,
    DesignSpec,
    GroupSpec,
    IndicatorSpec,
    UnitFrame,
)
from workbench.stats.linear import N_SUMS, row_sums
from workbench.stats.results import ALL_DISPLACED

BLOCK = 8  # indicators per pass (the stacked grid holds both rounds)
ROUND_SEP = "\x1f"  # joins a round index and a group code into a stacked group code
CHANGE_KEYS = ["unit", "indicator_id", "group", "disaggregation", "disaggregation_value"]


@dataclass(frozen=True)
class StackedDesign:
    """How the rounds' designs are stacked: ``panel`` shares PSU/stratum labels between the
    rounds; ``fpc_used`` says whether the finite population correction survived stacking
    (it is dropped, with-replacement and conservative, when the rounds' FPCs disagree)."""

    panel: bool
    fpc_used: bool
    df: int


def _stack_unit(
    frames: list[UnitFrame], columns: list[str], panel: bool
) -> tuple[pd.DataFrame, DesignSpec, bool]:
    specs = [f.design for f in frames]
    spec = specs[0]
    if any((s.has_strata, s.has_psu, s.weighted) != (spec.has_strata, spec.has_psu, spec.weighted)
           for s in specs[1:]):  # fmt: skip
        raise StatsError.of("stats.rounds_design_differs", unit=frames[0].unit)
    parts = []
    for r, uf in enumerate(frames):
        df = uf.frame
        keep = [c for c in columns if c in df.columns]
        part = df[keep].copy()
        part[GROUP] = str(r) + ROUND_SEP + df[GROUP].astype("string")
        stratum = (
            df[STRATUM].astype("string") if spec.has_strata else pd.Series("s", index=df.index)
        )
        if spec.has_psu:
            psu = df[PSU].astype("string")
        elif panel:
            if HH not in df:
                raise StatsError.of("stats.panel_key_missing", unit=uf.unit)
            psu = df[HH].astype("string")
        else:
            psu = pd.Series(np.arange(len(df)).astype(str), index=df.index)
        prefix = "" if panel else f"{r}{ROUND_SEP}"
        part[STRATUM] = prefix + stratum
        part[PSU] = prefix + psu
        if spec.has_fpc and FPC in df:
            part[FPC] = df[FPC].to_numpy()
        parts.append(part)
    stacked = pd.concat(parts, ignore_index=True)
    fpc_used = spec.has_fpc and FPC in stacked
    if fpc_used and panel:
        per_stratum = stacked.groupby(STRATUM, sort=False)[FPC].nunique(dropna=False)
        fpc_used = bool((per_stratum <= 1).all())
    out_spec = DesignSpec(
        has_strata=True,
        has_psu=True,
        has_fpc=fpc_used,
        weighted=spec.weighted,
        lonely_psu=spec.lonely_psu,
    )
    return stacked, out_spec, fpc_used


def stacked_changes(
    frames: list[AnalysisFrame],
    unit: str,
    indicators: list[IndicatorSpec],
    panel: bool,
    cancel: CancelToken | None = None,
) -> tuple[pd.DataFrame, StackedDesign]:
    """Changes (round 2 − round 1) and changes in the gap for ``indicators`` (linear statistics
    of one unit) in every group × breakdown cell. Returns rows keyed by :data:`CHANGE_KEYS` with
    ``change``, ``var_change``, ``gap_change``, ``var_gap_change`` (NaN for the comparator and
    when there is no comparator), the first and last rounds' ``estimate_from|to`` and
    ``var_from|to`` on the stacked design, and the design's ``df``."""
    base = frames[0]
    units = [f.units[unit] for f in frames]
    unit_name = units[0].unit
    disagg_ids = list(dict.fromkeys(d for i in indicators for d in i.disaggregations))
    value_cols = [i.id for i in indicators] + [
        f"{i.id}__den" for i in indicators if i.statistic == "ratio"
    ]
    design_cols = ["_weight", STRATUM, PSU, FPC, HH, GROUP]
    stacked, spec, fpc_used = _stack_unit(units, design_cols + disagg_ids + value_cols, panel)
    groups = [
        GroupSpec(f"{r}{ROUND_SEP}{g.code}", g.label, g.role)
        for r in range(len(frames))
        for g in base.groups
    ]
    sframe = AnalysisFrame(
        units={unit: UnitFrame(unit_name, stacked, spec)},
        groups=groups,
        disaggregations=base.disaggregations,
        indicators=indicators,
    )
    ctx = build_context(sframe, sframe.units[unit], disagg_ids)
    if not isinstance(ctx.design, Design) or ctx.design.to_first is not None:
        raise StatsError.of("stats.rounds_design_unsupported", unit=unit)
    n_g = len(base.groups)
    displaced = np.array([g.role == "displaced" for g in base.groups])
    comp = next((i for i, g in enumerate(base.groups) if g.role == "comparator"), None)
    codes = [g.code for g in base.groups] + [ALL_DISPLACED]
    parts: list[pd.DataFrame] = []
    for start in range(0, len(indicators), BLOCK):
        check_cancel(cancel)
        block = indicators[start : start + BLOCK]
        cols = [
            (
                pd.to_numeric(stacked[i.id], errors="coerce").to_numpy(np.float64),
                pd.to_numeric(stacked[f"{i.id}__den"], errors="coerce").to_numpy(np.float64)
                if i.statistic == "ratio"
                else None,
            )
            for i in block
        ]
        sums = row_sums(ctx.cells, ctx.design, cols)
        is_total = np.array([i.statistic == "total" for i in block])
        for disagg in ctx.disaggs:
            wanted = np.array([disagg == "total" or disagg in i.disaggregations for i in block])
            if not wanted.any():
                continue
            grid = ctx.cells.to_grid(sums, disagg)  # (P, R·G, L, 5k)
            p_, _, n_lev, _ = grid.shape
            grid = grid.reshape(p_, len(frames), n_g, n_lev, -1)
            pooled = grid[:, :, displaced].sum(axis=2, keepdims=True)
            grid = np.concatenate([grid, pooled], axis=2)  # (P, R, G+1, L, 5k)
            arrays = _contrasts(ctx.design, grid, is_total, comp)
            parts.append(_rows(unit, block, disagg, ctx.levels(disagg), codes, wanted, arrays))
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=CHANGE_KEYS)
    out["df"] = float(ctx.design.df)
    return out, StackedDesign(panel=panel, fpc_used=fpc_used, df=int(ctx.design.df))


def _contrasts(
    design: Design, grid: np.ndarray, is_total: np.ndarray, comp: int | None
) -> dict[str, np.ndarray]:
    """(P, R, G+1, L, 5k) sums → change, its variance, change in the gap, its variance and
    each round's estimate and variance, each (G+1, L, k); the last round minus the first."""
    a, b = np.split(grid, N_SUMS, axis=4)[:2]
    a_t, b_t = a.sum(axis=0), b.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = a_t / b_t
        est = np.where(is_total, a_t, ratio)
        z = np.where(is_total, a, (a - ratio * b) / b_t)
    est = np.where(b_t > 0, est, np.nan)  # an empty domain has no estimate
    z = np.where(np.isfinite(z), z, 0.0)
    dz = z[:, -1] - z[:, 0]  # (P, G+1, L, k)
    change = est[-1] - est[0]
    out = {"change": change, "var_change": _var(design, dz)}
    for name, r in (("from", 0), ("to", -1)):
        out[f"estimate_{name}"] = est[r]
        out[f"var_{name}"] = _var(design, z[:, r])
    if comp is None:
        out["gap_change"] = out["var_gap_change"] = np.full_like(change, np.nan)
        return out
    gap = change - change[comp]
    var_g = _var(design, dz - dz[:, comp : comp + 1])
    gap[comp] = np.nan
    var_g[comp] = np.nan
    out["gap_change"], out["var_gap_change"] = gap, var_g
    return out


def _var(design: Design, z: np.ndarray) -> np.ndarray:
    """Σ_p (scaled, centred PSU total)² of (P, G+1, L, k) linearised totals."""
    zc = design.scaled_centred(z)
    return np.einsum("pglk,pglk->glk", zc, zc)


def _rows(
    unit: str,
    block: list[IndicatorSpec],
    disagg: str,
    levels: list[str],
    codes: list[str],
    wanted: np.ndarray,
    arrays: dict[str, np.ndarray],
) -> pd.DataFrame:
    g1, n_lev, k = arrays["change"].shape
    gi, li, ki = (x.ravel() for x in np.indices((g1, n_lev, k)))
    keep = wanted[ki]
    gi, li, ki = gi[keep], li[keep], ki[keep]
    out = pd.DataFrame(
        {
            "unit": unit,
            "indicator_id": np.array([i.id for i in block], dtype=object)[ki],
            "group": np.array(codes, dtype=object)[gi],
            "disaggregation": disagg,
            "disaggregation_value": np.array(levels, dtype=object)[li],
        }
    )
    for name, arr in arrays.items():
        out[name] = arr[gi, li, ki]
    return out
