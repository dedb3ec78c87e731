"""What the plan asks the engine to calibrate to: a value type carried by ``DesignSpec``.

Calibration adjusts one unit's design weights so that weighted counts equal known population
totals (a census projection, a register) and makes the variances reflect that adjustment, as R's
``survey`` does. Methods mirror R:

* ``poststratify`` — ``postStratify(design, ~cell, totals)``: one margin (its variables crossed);
* ``rake`` — ``rake(design, list(~a, ~b, …), list(totals…), control=list(maxit, epsilon))``:
  iterative proportional fitting over several margins;
* ``calibrate`` — ``calibrate(design, list(~a, ~b, …), list(totals…), calfun, bounds)``:
  generalised regression (``calfun="linear"``), or the ``raking`` / ``logit`` distance, with
  optional ``bounds`` on the g-weights; numeric variables may add their population totals.

``trim`` then applies ``trimWeights(design, lower, upper, strict)`` to the calibrated weights.

Calibration variables live in the unit frame as ``_cal_<name>`` columns (text for margins,
float for numeric totals); levels are the frame's text values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

CalMethod = Literal["poststratify", "rake", "calibrate"]
CalFun = Literal["linear", "raking", "logit"]

CAL_METHODS: tuple[str, ...] = ("poststratify", "rake", "calibrate")
CAL_FUNS: tuple[str, ...] = ("linear", "raking", "logit")
CAL_PREFIX = "_cal_"
#: R's ``control = list(maxit, epsilon)`` defaults of ``rake()`` and ``calibrate()``
#: (``postStratify`` does not iterate); the workbench's ``max_iterations`` default is 50 for both
R_DEFAULT_MAXIT: dict[str, int] = {"rake": 10, "calibrate": 50}
R_DEFAULT_EPSILON: dict[str, float] = {"rake": 1.0, "calibrate": 1e-7}


def cal_column(variable: str) -> str:
    """The unit-frame column holding a calibration variable."""
    return CAL_PREFIX + variable


@dataclass(frozen=True)
class Margin:
    """Population totals over the cells of one or more variables crossed.

    ``cells`` pairs each cell (one level per variable, in ``variables`` order) with its total."""

    variables: tuple[str, ...]
    cells: tuple[tuple[tuple[str, ...], float], ...]

    @property
    def label(self) -> str:
        return " × ".join(self.variables)

    @property
    def total(self) -> float:
        return float(sum(t for _, t in self.cells))


@dataclass(frozen=True)
class CalibrationSpec:
    unit: Literal["household", "individual"] = "household"
    method: CalMethod = "rake"
    margins: tuple[Margin, ...] = ()
    #: ``calibrate`` only: numeric variables and their population totals
    numeric: tuple[tuple[str, float], ...] = ()
    calfun: CalFun = "linear"
    #: ``calibrate`` only: bounds on the g-weights (calibrated / design weight)
    bounds: tuple[float, float] = (float("-inf"), float("inf"))
    #: ``rake``: R's control ``maxit`` / ``epsilon`` (< 1: a fraction of the weight total);
    #: ``calibrate``: ``maxit`` / ``epsilon`` of the Newton iterations
    max_iterations: int = 50
    epsilon: float | None = None  # None: R's default (rake 1, calibrate 1e-7)
    #: ``trimWeights(lower=, upper=, strict=)`` after calibration; None: no trimming
    trim: tuple[float, float] | None = None
    trim_strict: bool = False
    #: where the totals came from (a file name or "plan"), for the methodology
    source: str = "plan"

    @property
    def tolerance(self) -> float | None:
        """The ``epsilon`` the method uses: the plan's, else R's default (None: not iterative)."""
        return R_DEFAULT_EPSILON.get(self.method) if self.epsilon is None else self.epsilon

    @property
    def variables(self) -> tuple[str, ...]:
        seen = [v for m in self.margins for v in m.variables] + [v for v, _ in self.numeric]
        return tuple(dict.fromkeys(seen))

    def as_meta(self) -> dict[str, object]:
        """The run's record of what was calibrated to (the report's methodology reads it)."""
        return {
            "unit": self.unit,
            "method": self.method,
            "calfun": self.calfun if self.method == "calibrate" else None,
            "bounds": [_finite(b) for b in self.bounds] if self.method == "calibrate" else None,
            "margins": [
                {
                    "variables": list(m.variables),
                    "cells": [[list(c), t] for c, t in m.cells],
                    "total": m.total,
                }
                for m in self.margins
            ],
            "numeric": [[v, t] for v, t in self.numeric],
            "max_iterations": self.max_iterations,
            "epsilon": self.epsilon,
            "trim": list(self.trim) if self.trim else None,
            "trim_strict": self.trim_strict,
            "source": self.source,
        }


def _finite(x: float) -> float | None:
    """JSON has no infinity: an open bound is None."""
    return x if x not in (float("inf"), float("-inf")) else None
