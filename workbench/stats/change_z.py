"""Changes between rounds from each round's linearised PSU totals (the panel's fast path).

The stacked design of :mod:`workbench.stats.change_stacked` needs, for each domain estimate,
only its linearised total in each PSU — and each round's engine run computes exactly those
(``Z_p = (A_p − R·B_p)/B`` or ``A_p``) while estimating the round (:class:`ZSink`). A PSU of the
stacked design is a (stratum, PSU) pair of labels shared by the rounds (the household key
without clusters), so the contrast's PSU totals are ``Z(round 2) − Z(round 1)`` placed by those
labels, and its variance is the stacked design's sum of squares of the scaled, centred totals:
the same numbers as the stacked pass (and R), without a second pass over the rows. The golden
tests check both against R.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.stats.change_stacked import CHANGE_KEYS
from workbench.stats.design import Design, build_design
from workbench.stats.estimates import ZSink
from workbench.stats.frame import FPC, HH, PSU, STRATUM, WEIGHT, AnalysisFrame, DesignSpec
from workbench.stats.results import ALL_DISPLACED


def _psu_labels(sink: ZSink, frame: AnalysisFrame, unit: str, r: int, panel: bool) -> pd.DataFrame:
    rows, spec = sink.psu_rows[unit], frame.units[unit].design
    n = len(rows)
    stratum = rows[STRATUM].astype(str) if spec.has_strata and STRATUM in rows else "s"
    if spec.has_psu and PSU in rows:
        psu = rows[PSU].astype(str)
    elif panel and HH in rows:
        psu = rows[HH].astype(str)
    else:
        psu = pd.Series(np.arange(n).astype(str))
    prefix = "" if panel else f"{r}\x1f"
    out = pd.DataFrame(
        {
            STRATUM: prefix + pd.Series(stratum, index=range(n)).astype(str),
            PSU: prefix + pd.Series(psu).reset_index(drop=True),
            WEIGHT: 1.0,
        }
    )
    if spec.has_fpc and FPC in rows:
        out[FPC] = rows[FPC].to_numpy()
    return out


def _stacked_design(
    labels: list[pd.DataFrame], spec: DesignSpec, panel: bool
) -> tuple[Design, list[np.ndarray]]:
    """The stacked design over the rounds' PSUs and, per round, each PSU's stacked index."""
    both = pd.concat(labels, ignore_index=True)
    fpc = spec.has_fpc and FPC in both
    if fpc and panel:
        fpc = bool((both.groupby(STRATUM, sort=False)[FPC].nunique(dropna=False) <= 1).all())
    stacked = DesignSpec(True, True, fpc, True, spec.lonely_psu)
    design = build_design(both, stacked, unit="rounds")
    cuts = np.cumsum([0] + [len(x) for x in labels])
    return design, [design.psu[cuts[i] : cuts[i + 1]] for i in range(len(labels))]


def _aligned(z: np.ndarray, have: list[str], want: list[str]) -> np.ndarray:
    """(P, G+1, L) over ``have`` levels → over ``want`` levels (0 where a round lacks one)."""
    if have == want:
        return z
    out = np.zeros((*z.shape[:2], len(want)))
    pos = {lv: i for i, lv in enumerate(want)}
    for j, lv in enumerate(have):
        out[:, :, pos[lv]] = z[:, :, j]
    return out


def changes_from_z(
    sinks: list[ZSink],
    frames: list[AnalysisFrame],
    unit: str,
    panel: bool,
    only: set[str] | None = None,
) -> pd.DataFrame:
    """Variances of the change and of the change in the gap (and ``df``) for every linear
    estimate both rounds' sinks hold (``only``: these indicators), keyed like
    :func:`~change_stacked.stacked_changes`."""
    a, b = sinks
    if unit not in a.z or unit not in b.z:
        return pd.DataFrame(columns=[*CHANGE_KEYS, "var_change", "var_gap_change", "df"])
    labels = [
        _psu_labels(s, f, unit, r, panel)
        for r, (s, f) in enumerate(zip(sinks, frames, strict=True))
    ]
    design, where = _stacked_design(labels, frames[0].units[unit].design, panel)
    groups = frames[0].groups
    codes = [g.code for g in groups] + [ALL_DISPLACED]
    comp = next((i for i, g in enumerate(groups) if g.role == "comparator"), None)
    keys = [k for k in a.z[unit] if k in b.z[unit] and (only is None or k[1] in only)]
    parts = []
    for disagg in dict.fromkeys(d for d, _ in keys):
        ids = [i for d, i in keys if d == disagg]
        have_a, have_b = a.levels[unit][disagg], b.levels[unit][disagg]
        levels = have_a + [lv for lv in have_b if lv not in have_a]
        # each round's PSUs are distinct stacked PSUs: plain indexed adds, all indicators at once
        dz = np.zeros((design.n_psu, len(codes), len(levels), len(ids)))
        zb = [_aligned(b.z[unit][(disagg, i)], have_b, levels) for i in ids]
        za = [_aligned(a.z[unit][(disagg, i)], have_a, levels) for i in ids]
        dz[where[1]] += np.stack(zb, axis=-1)
        dz[where[0]] -= np.stack(za, axis=-1)
        var_c = _sum_sq(design, dz)
        var_g = np.full_like(var_c, np.nan)
        if comp is not None:
            var_g = _sum_sq(design, dz - dz[:, comp : comp + 1])
            var_g[comp] = np.nan
        gi, li, ki = (x.ravel() for x in np.indices(var_c.shape))
        parts.append(pd.DataFrame({
            "unit": unit, "indicator_id": np.array(ids, dtype=object)[ki],
            "group": np.array(codes, dtype=object)[gi], "disaggregation": disagg,
            "disaggregation_value": np.array(levels, dtype=object)[li],
            "var_change": var_c[gi, li, ki], "var_gap_change": var_g[gi, li, ki],
        }))  # fmt: skip
    out = pd.concat(parts, ignore_index=True)
    out["df"] = float(design.df)
    return out


def _sum_sq(design: Design, z: np.ndarray) -> np.ndarray:
    zc = design.scaled_centred(z)
    return np.einsum("pglk,pglk->glk", zc, zc)
