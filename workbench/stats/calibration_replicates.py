"""Calibrating a replicate-weight design: the full sample and every replicate to the same totals.

R ``survey`` 4.1 calibrates an ``svrepdesign`` by repeating the calibration on each replicate's
weights (``postStratify.svyrep.design``, ``rake`` on a replicate design, ``calibrate`` /
``regcalibrate.svyrep.design``): the replicate estimates then carry the calibration into the
variance, and no residualisation is needed. Step for step:

* ``poststratify``: each replicate's weights × population / the replicate's weighted count, per
  cell;
* ``rake``: each replicate is post-stratified margin by margin for exactly as many sweeps as the
  full sample needed (R judges convergence on the full-sample weights only);
* ``calibrate``: each replicate's g-weights from ``regcalibrate`` (linear, unbounded) or
  ``grake`` started from zero, with the same totals, bounds and stopping rule.

Fast path: a row's calibration factor depends only on its *calibration key* (the cell of the
margins crossed, or the row itself when a numeric variable is calibrated), and its replicate
multiplier only on its replicate unit, so the work is done on the (unit, key) pairs that occur,
one (pairs × replicates) matrix, with every replicate at once for post-stratification and
raking. The result is a :class:`ReplicateDesign` keyed by those pairs (compressed as R's
``compressWeights``), which the estimators use unchanged.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd

from workbench.errors import StatsError
from workbench.stats.calibration import (
    CalibratedWeights,
    MarginCodes,
    calibrate_design,
    calibrated_weights,
    calibration_g,
)
from workbench.stats.calibration_spec import CalibrationSpec
from workbench.stats.design import Design
from workbench.stats.replicates import ReplicateDesign, from_multipliers


def calibrate_any(
    df: pd.DataFrame, design: Design | ReplicateDesign, spec: CalibrationSpec | None
) -> Design | ReplicateDesign:
    """A built design calibrated to the spec's totals (unchanged without a spec): replicate
    designs replicate by replicate, linearisation designs (any number of stages) with
    calibrated weights and a residualiser."""
    if spec is None:
        return design
    if isinstance(design, ReplicateDesign):
        return calibrate_replicate_design(df, design, spec)
    return calibrate_design(df, design, spec)


def calibrate_replicate_design(
    df: pd.DataFrame, design: ReplicateDesign, spec: CalibrationSpec
) -> ReplicateDesign:
    if spec.trim is not None:  # R's trimWeights.svyrep.design leaves the weights unchanged
        raise StatsError.of("stats.calibration_trim_replicates", unit=spec.unit)
    cw = calibrated_weights(df, design.weights, spec)
    pair, first = _pairs(design.unit, _calibration_key(cw))
    w_pair = np.bincount(pair, design.weights, first.shape[0])
    rep = w_pair[:, None] * design.mult[design.unit[first]]  # (P, R) replicate weight sums
    codes = [m.codes[first] for m in cw.margins]
    if spec.method == "poststratify":
        _poststratify_all(rep, codes[0], cw.margins[0], spec.margins[0].label)
    elif spec.method == "rake":
        for _ in range(int(cw.info["iterations"])):
            for c, mc, m in zip(codes, cw.margins, spec.margins, strict=True):
                _poststratify_all(rep, c, mc, m.label)
    else:
        assert cw.x is not None and cw.population is not None
        x = cw.x[first]
        for r in range(rep.shape[1]):
            g, _ = calibration_g(x, rep[:, r], cw.population, spec)
            rep[:, r] *= g
    g_full = cw.final[first] / design.weights[first]
    mult = rep / (w_pair * g_full)[:, None]
    meta = {**spec.as_meta(), **cw.info}
    meta["weight_total"] = float(cw.final.sum())
    meta["weight_range"] = [float(cw.final.min()), float(cw.final.max())]
    out = from_multipliers(
        cw.final,
        mult,
        design.scale,
        design.rscales,
        design.mse,
        design.type,
        generated=design.generated,
        unit=pair,
    )
    return dataclasses.replace(out, lonely=design.lonely, calibration_meta=meta)


def _calibration_key(cw: CalibratedWeights) -> np.ndarray:
    """(n,) the rows whose calibration factor is the same: the margins' cells crossed, or every
    row on its own when a numeric variable is calibrated."""
    n = cw.final.shape[0]
    if cw.spec.numeric:
        return np.arange(n, dtype=np.int64)
    key = np.zeros(n, dtype=np.int64)
    for mc in cw.margins:
        key = key * len(mc.cells) + mc.codes
        if key.max(initial=0) > 2**40:  # keep the cross product small: renumber
            key = np.unique(key, return_inverse=True)[1].ravel().astype(np.int64)
    return key


def _pairs(unit: np.ndarray, key: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(n,) the (replicate unit, calibration key) pair of each row and (P,) a row of each."""
    n_key = int(key.max(initial=-1)) + 1
    combined = unit.astype(np.int64) * n_key + key
    _, first, pair = np.unique(combined, return_index=True, return_inverse=True)
    return pair.ravel(), first


def _poststratify_all(rep: np.ndarray, codes: np.ndarray, mc: MarginCodes, label: str) -> None:
    """Every replicate column post-stratified to the margin's totals, in place."""
    k = len(mc.cells)
    order = np.argsort(codes, kind="stable")
    starts = np.searchsorted(codes[order], np.arange(k))
    sums = np.add.reduceat(rep[order], starts, axis=0)  # (k, R): every cell has pairs
    empty = sums <= 0
    if empty.any():
        cell, r = np.argwhere(empty)[0]
        raise StatsError.of(
            "stats.calibration_replicate_cell_empty",
            margin=label,
            level=" × ".join(mc.cells[int(cell)]),
            replicate=int(r) + 1,
        )
    rep *= (mc.totals[:, None] / sums)[codes]
