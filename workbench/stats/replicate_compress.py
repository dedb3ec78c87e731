"""Compression of replicate weights to one multiplier row per replicate unit.

Rows whose multipliers of the full-sample weight are equal (to 12 decimals) in every replicate
share a *replicate unit* (R's ``repweights_compressed``); the engine then sums per unit and makes
one small matrix product instead of a pass over rows × replicates.

The grouping is exact and reads each column about once:

1. the first ``HASH_COLUMNS`` columns are hashed together and grouped (a hash table), then checked
   row by row against each group's first row (a hash collision splits the group);
2. every later column is checked the same way against the current groups — one gather and one
   comparison per column. Rows that differ from their unit's first row (a unit the first columns
   did not tell apart) are split off into new units keyed by (unit, value), themselves checked;
3. the multipliers are read at each unit's first row only.

A grouping that cannot be confirmed (a collision among split rows) falls back to grouping the
full quantised matrix exactly.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

QUANTUM = 1e12  # multipliers equal to 12 decimals belong to one unit
HASH_COLUMNS = 8  # columns hashed together before the column-by-column checks
_MIX = np.uint64(0x9E3779B97F4A7C15)

#: the raw column r (n,), float64
Column = Callable[[int], np.ndarray]
#: called with (r, raw column, scaled column before rounding, whether to check its maximum):
#: raises on invalid weights
Validate = Callable[[int, np.ndarray, np.ndarray, bool], None]


def compress(
    column: Column,
    n_cols: int,
    scale: np.ndarray | None = None,
    validate: Validate | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Replicate ``r``'s multipliers are ``column(r) * scale`` (``scale`` None: 1) → (unit of
    each row (n,), (U, R) multipliers per unit, read at each unit's first row)."""
    n = column(0).shape[0]
    factor = QUANTUM if scale is None else scale * QUANTUM
    buf = np.empty(n)

    def quantised(r: int, check: bool, full_check: bool) -> np.ndarray:
        col = column(r)
        np.multiply(col, factor, out=buf)
        if check and validate is not None:
            validate(r, col, buf, full_check)
        return np.rint(buf, out=buf)

    n_hash = min(HASH_COLUMNS, n_cols)
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(invalid="ignore", over="ignore"):
        for r in range(n_hash):
            q = quantised(r, True, True).astype(np.int64).view(np.uint64)
            h *= _MIX
            h += q
    unit, first = _group(h)
    same = np.empty(n, dtype=bool)
    for r in range(n_cols):
        q = quantised(r, r >= n_hash, False)  # the hashed ones are checked
        # (fancy indexing: np.take(..., out=) is 2.5x slower)
        if np.equal(q[first][unit], q, out=same).all():
            continue
        split = _split(unit, first, q, same)
        if split is None:
            return _exact(column, n_cols, scale)
        unit, first = split
    mult = np.empty((first.shape[0], n_cols))
    s = None if scale is None else scale[first]
    for r in range(n_cols):
        mult[:, r] = column(r)[first] if s is None else column(r)[first] * s
    return unit, mult


def _split(
    unit: np.ndarray, first: np.ndarray, q: np.ndarray, same: np.ndarray
) -> tuple[np.ndarray, np.ndarray] | None:
    """The rows whose quantised value differs from their unit's first row's (``same`` False)
    get new units, one per (unit, value); None when that split cannot be confirmed (a hash
    collision)."""
    rows = np.flatnonzero(~same)
    old, val = unit[rows], q[rows]
    with np.errstate(invalid="ignore", over="ignore"):
        key = old.view(np.uint64) * _MIX + val.astype(np.int64).view(np.uint64)
    sub, sub_first = _group(key)
    if not (np.array_equal(old[sub_first][sub], old) and np.array_equal(val[sub_first][sub], val)):
        return None
    unit = unit.copy()
    unit[rows] = first.shape[0] + sub
    return unit, np.concatenate([first, rows[sub_first]])


def _group(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(group of each key, numbered in order of first appearance; each group's first index).
    A hash table (pd.factorize): 5x faster than np.unique's sort on 200,000 keys."""
    codes, _ = pd.factorize(keys)
    codes = codes.astype(np.int64)
    top = np.maximum.accumulate(codes)  # a new group's number first appears as a new maximum
    first = np.flatnonzero(np.diff(top, prepend=-1) > 0)
    return codes, first


def _exact(column: Column, n_cols: int, scale: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """Exact grouping of the full quantised (n, R) matrix (after an unconfirmed split)."""
    mult = np.column_stack([column(r) if scale is None else column(r) * scale
                            for r in range(n_cols)])  # fmt: skip
    _, first, unit = np.unique(
        np.rint(mult * QUANTUM), axis=0, return_index=True, return_inverse=True
    )
    return unit.ravel().astype(np.int64), mult[first]
