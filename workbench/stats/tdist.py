"""Student t quantiles and tail probabilities, NaN where df ≤ 0.

Uses ``scipy.special``'s ``stdtrit`` / ``stdtr`` (the same Cephes routines ``scipy.stats.t`` wraps)
rather than ``scipy.stats``, which imports most of scipy: that keeps start-up fast and the offline
bundle about 25 MB smaller.
"""

from __future__ import annotations

import numpy as np
from scipy.special import stdtr, stdtrit


def t_crit(alpha: float, df: np.ndarray | float) -> np.ndarray:
    """``qt(1 - alpha/2, df)``."""
    d = np.asarray(df, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        return np.where(d > 0, stdtrit(np.where(d > 0, d, 1.0), 1.0 - alpha / 2.0), np.nan)


def two_sided_p(t_value: np.ndarray, df: np.ndarray | float) -> np.ndarray:
    """``2 * pt(-|t|, df)``."""
    d = np.asarray(df, dtype=np.float64)
    t = np.abs(np.asarray(t_value, dtype=np.float64))
    with np.errstate(invalid="ignore"):
        return np.where(d > 0, 2.0 * stdtr(np.where(d > 0, d, 1.0), -t), np.nan)
