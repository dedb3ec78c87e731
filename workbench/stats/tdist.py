"""Student t quantiles and tail probabilities (scipy), NaN where df ≤ 0."""

from __future__ import annotations

import numpy as np
from scipy import stats


def t_crit(alpha: float, df: np.ndarray | float) -> np.ndarray:
    """``qt(1 - alpha/2, df)``."""
    d = np.asarray(df, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        return np.where(d > 0, stats.t.ppf(1.0 - alpha / 2.0, np.where(d > 0, d, 1.0)), np.nan)


def two_sided_p(t_value: np.ndarray, df: np.ndarray | float) -> np.ndarray:
    """``2 * pt(-|t|, df)``."""
    d = np.asarray(df, dtype=np.float64)
    t = np.abs(np.asarray(t_value, dtype=np.float64))
    with np.errstate(invalid="ignore"):
        return np.where(d > 0, 2.0 * stats.t.sf(t, np.where(d > 0, d, 1.0)), np.nan)
