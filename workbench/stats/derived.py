"""Estimate derived columns (a pass indicator, a count of units) with the core estimator.

Solutions measure and stock tables add a column to a unit's design columns and reuse the very
same domain machinery (linear.py) so their SEs are design-based like every other estimate.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.stats.calibration_spec import CAL_PREFIX
from workbench.stats.context import build_context
from workbench.stats.estimates import linear_estimates
from workbench.stats.frame import (
    FPC,
    GROUP,
    PSU,
    STRATUM,
    WEIGHT,
    AnalysisFrame,
    DisaggregationSpec,
    IndicatorSpec,
    Statistic,
    UnitFrame,
    design_columns,
)
from workbench.stats.intervals import add_intervals

DESIGN_COLS = [WEIGHT, STRATUM, PSU, FPC, GROUP]


def estimate_columns(
    frame: AnalysisFrame,
    uf: UnitFrame,
    columns: dict[str, pd.Series | np.ndarray],
    statistics: dict[str, Statistic],
    disaggs: list[DisaggregationSpec],
    alpha: float,
    proportion_ci: str = "logit",
    total_ci: str = "wald",
) -> pd.DataFrame:
    """Estimates (with CIs, not yet flagged) of ``columns`` in every group × disaggregation."""
    keep = [c for c in DESIGN_COLS if c in uf.frame] + design_columns(uf.frame)
    keep += [d.id for d in disaggs]
    keep += [c for c in uf.frame.columns if str(c).startswith(CAL_PREFIX)]
    df = uf.frame[list(dict.fromkeys(keep))].copy()
    for name, values in columns.items():
        df[name] = np.asarray(values, dtype=np.float64)
    ids = tuple(d.id for d in disaggs)
    inds = [
        IndicatorSpec(
            id=name,
            title=name,
            criterion="",
            unit=uf.unit,
            statistic=statistics[name],
            disaggregations=ids,
        )  # type: ignore[arg-type]
        for name in columns
    ]
    sub = AnalysisFrame(
        units={uf.unit: UnitFrame(uf.unit, df, uf.design)},
        groups=frame.groups,
        disaggregations=disaggs,
        indicators=inds,
    )
    ctx = build_context(sub, sub.units[uf.unit], list(ids))
    lik = proportion_ci == "likelihood"
    est = pd.concat(linear_estimates(ctx, inds, likelihood=lik), ignore_index=True)
    return add_intervals(est, alpha, proportion_ci, total_ci)
