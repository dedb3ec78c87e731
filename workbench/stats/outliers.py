"""Outliers in numeric answers: values more than ``k`` standard deviations from their group's
mean, on the value itself and on its logarithm (the usual screens of survey cleaning, as in
REACH/IMPACT's ``cleaningtools::check_outliers``).

The decision is the engine's: this module says which values lie beyond the threshold; the checks
word and list them. A group with fewer than :data:`MIN_N` values, or no spread, flags nothing.
One vectorised pass: sums and sums of squares per group with ``np.bincount``.
"""

from __future__ import annotations

import numpy as np

#: the threshold in standard deviations
K_SD = 3.0
#: the fewest values a group needs before anything in it is called an outlier
MIN_N = 30


def beyond_sd(
    values: np.ndarray, groups: np.ndarray | None = None, k: float = K_SD, min_n: int = MIN_N
) -> tuple[np.ndarray, np.ndarray]:
    """(mask, z): True where a (non-NaN) value is more than ``k`` sample standard deviations from
    the mean of its group (``groups``: integer codes 0..g-1, -1 for no group; None: one group)."""
    x = np.asarray(values, dtype=float)
    g = np.zeros(len(x), dtype=np.int64) if groups is None else np.asarray(groups, dtype=np.int64)
    ok = ~np.isnan(x) & (g >= 0)
    z = np.full(len(x), np.nan)
    if not ok.any():
        return np.zeros(len(x), dtype=bool), z
    gi, xv = g[ok], x[ok]
    size = int(gi.max()) + 1
    n = np.bincount(gi, minlength=size).astype(float)
    mean = np.bincount(gi, weights=xv, minlength=size) / np.maximum(n, 1)
    dev = xv - mean[gi]
    ss = np.bincount(gi, weights=dev * dev, minlength=size)
    sd = np.sqrt(ss / np.maximum(n - 1, 1))
    usable = (n >= min_n) & (sd > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        zv = np.where(usable[gi], dev / sd[gi], np.nan)
    z[ok] = zv
    with np.errstate(invalid="ignore"):
        return np.abs(z) > k, z


def beyond_sd_log(
    values: np.ndarray, groups: np.ndarray | None = None, k: float = K_SD, min_n: int = MIN_N
) -> tuple[np.ndarray, np.ndarray]:
    """The same screen on ``log(value)`` for positive values (zero and negative values are not
    screened on this scale)."""
    x = np.asarray(values, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        logged = np.where(x > 0, np.log(np.where(x > 0, x, 1.0)), np.nan)
    return beyond_sd(logged, groups, k, min_n)
