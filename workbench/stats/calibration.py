"""Calibrated weights: post-stratification, raking, GREG / bounded calibration, trimming.

Each method follows R ``survey`` 4.1 step for step (``postStratify``, ``rake`` with its
``maxit``/``epsilon`` stopping rule over the full cross-table, ``calibrate`` = ``regcalibrate``
for unbounded linear calibration and ``grake``'s Newton iterations otherwise, ``trimWeights``),
so the weights equal R's to rounding rather than to a convergence tolerance. The variance side
(:mod:`workbench.stats.calibration_variance`) gets what each method leaves behind.

:func:`calibrate_design` is the engine's seam: it takes a built :class:`Design` and returns it
with calibrated weights and a residualiser, which the estimators apply to their PSU totals.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from workbench.errors import StatsError
from workbench.stats.calibration_spec import (
    R_DEFAULT_EPSILON,
    CalibrationSpec,
    Margin,
    cal_column,
)
from workbench.stats.calibration_variance import (
    Residualiser,
    greg_residualiser,
    poststratify_residualiser,
    rake_residualiser,
)
from workbench.stats.calibration_weights import grake, regcalibrate, trim_weights
from workbench.stats.design import Design


@dataclass(frozen=True)
class MarginCodes:
    codes: np.ndarray  # (n,) index into cells
    cells: list[tuple[str, ...]]  # the margin's cells present in the sample, sorted
    totals: np.ndarray  # (K,) population totals of those cells


def _factorized(df: pd.DataFrame, var: str, unit: str) -> tuple[np.ndarray, list[str]]:
    """Integer codes of a calibration variable and its levels as text (hashing once: the
    column is code text of a million rows)."""
    col = cal_column(var)
    if col not in df:
        raise StatsError.of("stats.calibration_column_missing", variable=var, unit=unit)
    s = df[col]
    if isinstance(s.dtype, pd.CategoricalDtype):  # as plan.evaluate makes them: no hashing
        codes = s.cat.codes.to_numpy()
        uniq = s.cat.categories
    else:
        codes, uniq = pd.factorize(s.to_numpy(dtype=object), use_na_sentinel=True)
    missing = int((codes < 0).sum())
    if missing:
        raise StatsError.of(
            "stats.calibration_missing_value", variable=var, unit=unit, count=missing
        )
    return codes, [str(u) for u in uniq]


def margin_codes(df: pd.DataFrame, margin: Margin, unit: str) -> MarginCodes:
    """Map every row to its cell of ``margin`` (cells sorted by their levels); a cell of the
    data without a total (or with a zero total), or a total on a cell with nobody in the
    sample, is an error (R ``postStratify``'s two stops)."""
    parts = [_factorized(df, v, unit) for v in margin.variables]
    key = parts[0][0].astype(np.int64)
    radix = len(parts[0][1])
    for codes, uniq in parts[1:]:
        key = key * len(uniq) + codes
        radix *= len(uniq)
    small = radix <= 10_000_000
    present_keys = np.flatnonzero(np.bincount(key, minlength=radix)) if small else np.unique(key)
    cells: list[tuple[str, ...]] = []
    for k in present_keys.tolist():
        cell = []
        for _codes, uniq in reversed(parts):
            k, c = divmod(k, len(uniq))
            cell.append(uniq[c])
        cells.append(tuple(reversed(cell)))
    totals = dict(margin.cells)
    missing = [c for c in cells if totals.get(c, 0) == 0]
    if missing:
        raise StatsError.of(
            "stats.calibration_level_missing",
            margin=margin.label,
            levels=", ".join(sorted(map(_show, missing))),
        )
    seen = set(cells)
    empty = [c for c, t in totals.items() if c not in seen and t != 0]
    if empty:
        raise StatsError.of(
            "stats.calibration_cell_empty",
            margin=margin.label,
            levels=", ".join(sorted(map(_show, empty))),
        )
    order = sorted(range(len(cells)), key=lambda i: cells[i])
    rank = np.empty(len(cells), dtype=np.int64)
    rank[order] = np.arange(len(cells))
    if small:  # int32 codes: half the memory of a million int64
        lookup = np.zeros(radix, dtype=np.int32)
        lookup[present_keys] = rank
        codes = lookup[key]
    else:
        codes = rank[np.searchsorted(present_keys, key)].astype(np.int32)
    sorted_cells = [cells[i] for i in order]
    tot = np.array([totals[c] for c in sorted_cells], dtype=np.float64)
    return MarginCodes(codes, sorted_cells, tot)


def _show(cell: tuple[str, ...]) -> str:
    return " × ".join(cell)


def poststratify(w: np.ndarray, mc: MarginCodes) -> np.ndarray:
    """R ``postStratify``: weights × population / weighted sample total, per cell."""
    sample = np.bincount(mc.codes, w, len(mc.cells))
    return w * (mc.totals / sample)[mc.codes]


@dataclass
class RakeResult:
    weights: np.ndarray
    step_weights: list[np.ndarray]  # after each margin, last iteration
    iterations: int


def rake(
    w: np.ndarray, margins: list[MarginCodes], max_iterations: int, epsilon: float
) -> RakeResult:
    """R ``rake``: post-stratify on each margin in turn until the full cross-table of the
    margins' variables moves by less than ``epsilon`` (a fraction of the weight total when
    < 1) between iterations; ``stats.calibration_not_converged`` otherwise."""
    eps = epsilon * float(w.sum()) if epsilon < 1 else epsilon
    cross = margins[0].codes.astype(np.int64)
    n_cross = len(margins[0].cells)
    for mc in margins[1:]:
        cross = cross * len(mc.cells) + mc.codes
        n_cross *= len(mc.cells)
    if n_cross > 10_000_000:  # a huge cross-table: number only the cells that occur
        _, cross = np.unique(cross, return_inverse=True)
        n_cross = int(cross.max()) + 1
    cross = cross.astype(np.int32)
    old = np.bincount(cross, w, n_cross)
    steps: list[np.ndarray] = []
    delta = float("inf")
    for it in range(max_iterations):
        steps = []
        for mc in margins:
            w = poststratify(w, mc)
            steps.append(w)
        new = np.bincount(cross, w, n_cross)
        delta = float(np.max(np.abs(old - new)))
        if delta < eps:
            return RakeResult(w, steps, it + 1)
        old = new
    raise StatsError.of(
        "stats.calibration_not_converged",
        method="rake",
        iterations=max_iterations,
        misfit=f"{delta:.3g}",
    )


def model_matrix(
    df: pd.DataFrame, spec: CalibrationSpec, margins: list[MarginCodes]
) -> tuple[np.ndarray, np.ndarray]:
    """R ``model.matrix(~a + b + … + x)`` with the totals ``margins2totals`` gives: an
    intercept (the first margin's total), each margin's cells but the first (treatment
    contrasts), then the numeric variables."""
    n = len(df)
    cols = [np.ones(n)]
    pop = [margins[0].totals.sum()]
    for mc in margins:
        for k in range(1, len(mc.cells)):
            cols.append((mc.codes == k).astype(np.float64))
            pop.append(mc.totals[k])
    for var, total in spec.numeric:
        col = cal_column(var)
        if col not in df:
            raise StatsError.of("stats.calibration_column_missing", variable=var, unit=spec.unit)
        v = pd.to_numeric(df[col], errors="coerce").to_numpy(dtype=np.float64)
        if np.isnan(v).any():
            raise StatsError.of(
                "stats.calibration_missing_value",
                variable=var,
                unit=spec.unit,
                count=int(np.isnan(v).sum()),
            )
        cols.append(v)
        pop.append(total)
    return np.column_stack(cols), np.asarray(pop, dtype=np.float64)


@dataclass
class CalibrationOutcome:
    weights: np.ndarray
    residualiser: Residualiser
    meta: dict[str, Any]


@dataclass
class CalibratedWeights:
    """The full-sample weights' calibration and what its variance and the replicates need."""

    spec: CalibrationSpec
    design_weights: np.ndarray  # before calibration
    calibrated: np.ndarray  # after calibration, before trimming
    final: np.ndarray  # after trimming
    margins: list[MarginCodes]
    info: dict[str, Any]
    steps: list[np.ndarray] | None = None  # rake: weights after each margin, last sweep
    x: np.ndarray | None = None  # calibrate: the model matrix
    population: np.ndarray | None = None  # calibrate: its totals


def calibrated_weights(
    df: pd.DataFrame, w0: np.ndarray, spec: CalibrationSpec
) -> CalibratedWeights:
    """The full-sample weights ``w0`` calibrated by the spec's method (R step for step)."""
    if (w0 <= 0).any():
        raise StatsError.of(
            "stats.calibration_weight_zero", unit=spec.unit, count=int((w0 <= 0).sum())
        )
    if not spec.margins:
        raise StatsError.of("stats.calibration_no_margins", unit=spec.unit)
    margins = [margin_codes(df, m, spec.unit) for m in spec.margins]
    info: dict[str, Any] = {}
    steps = x = pop = None
    if spec.method == "poststratify":
        if len(margins) != 1:
            raise StatsError.of("stats.poststratify_one_margin", count=len(margins))
        wcal = poststratify(w0, margins[0])
    elif spec.method == "rake":
        eps = R_DEFAULT_EPSILON["rake"] if spec.epsilon is None else spec.epsilon
        rk = rake(w0, margins, spec.max_iterations, eps)
        info["iterations"] = rk.iterations
        wcal, steps = rk.weights, rk.step_weights
    else:
        x, pop = model_matrix(df, spec, margins)
        g, iterations = calibration_g(x, w0, pop, spec)
        if iterations:
            info["iterations"] = iterations
        wcal = w0 * g
        info["g_range"] = [float(g.min()), float(g.max())]
    final = _trim(wcal, spec, info)
    return CalibratedWeights(spec, w0, wcal, final, margins, info, steps, x, pop)


def calibration_g(
    x: np.ndarray, w: np.ndarray, pop: np.ndarray, spec: CalibrationSpec
) -> tuple[np.ndarray, int]:
    """R ``calibrate``'s g-weights: ``regcalibrate`` when linear and unbounded (0 iterations),
    ``grake`` otherwise."""
    unbounded = np.isneginf(spec.bounds[0]) and np.isposinf(spec.bounds[1])
    if spec.calfun == "linear" and unbounded:
        return regcalibrate(x, w, pop), 0
    eps = R_DEFAULT_EPSILON["calibrate"] if spec.epsilon is None else spec.epsilon
    return grake(x, w, spec.calfun, spec.bounds, pop, eps, spec.max_iterations)


def calibrate_weights(
    df: pd.DataFrame, design: Design, spec: CalibrationSpec
) -> CalibrationOutcome:
    """Calibrated weights and the residualiser of a linearisation design. The estimating
    functions are residualised row by row and summed by the design's finest variance unit,
    so every stage of a multistage design sees them (R ``svyrecvar`` before ``multistage``)."""
    cw = calibrated_weights(df, design.weights, spec)
    w0, final, margins = cw.design_weights, cw.final, cw.margins
    psu, n_psu = design.psu, design.n_units
    if spec.method == "poststratify":
        mc = margins[0]
        res = poststratify_residualiser(
            psu, n_psu, mc.codes, len(mc.cells), w0, cw.calibrated, final
        )
    elif spec.method == "rake":
        assert cw.steps is not None
        res = rake_residualiser(
            psu, n_psu, [(m.codes, len(m.cells)) for m in margins], cw.steps, final
        )
    else:
        assert cw.x is not None
        res = greg_residualiser(psu, n_psu, cw.x, w0, cw.calibrated, final)
    info = cw.info
    info["weight_total"] = float(final.sum())
    info["weight_range"] = [float(final.min()), float(final.max())]
    return CalibrationOutcome(final, res, info)


def _trim(w: np.ndarray, spec: CalibrationSpec, info: dict[str, Any]) -> np.ndarray:
    if spec.trim is None:
        return w
    out, trimmed = trim_weights(w, spec.trim[0], spec.trim[1], spec.trim_strict)
    info["trimmed"] = trimmed
    return out


def calibrate_design(df: pd.DataFrame, design: Design, spec: CalibrationSpec | None) -> Design:
    """The design with calibrated weights and its residualiser (unchanged without a spec)."""
    if spec is None:
        return design
    out = calibrate_weights(df, design, spec)
    res = dataclasses.replace(out.residualiser, meta={**spec.as_meta(), **out.meta})
    return dataclasses.replace(design, weights=out.weights, calibration=res)
