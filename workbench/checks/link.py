"""Members to their household's row, for checks that read household values on member rows.

A household key that repeats (a data problem the dataset checks report) links to its first row;
a member whose key is not found gets -1 (and missing values)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.dataset_model import Dataset


def positions(parent_keys: pd.Series, child_keys: pd.Series) -> np.ndarray:
    """For each child key, the row of the first equal parent key (-1 when none)."""
    first = ~parent_keys.duplicated(keep="first").to_numpy()
    rows = np.flatnonzero(first)
    found = pd.Index(parent_keys.to_numpy()[first]).get_indexer(child_keys.to_numpy())
    return np.where(found >= 0, rows[np.maximum(found, 0)], -1)


def member_rows(ds: Dataset, parent: Dataset) -> np.ndarray | None:
    """Each row of ``ds``'s household row in ``parent`` (None when they are not linked)."""
    if not ds.parent_key or not parent.key:
        return None
    if ds.parent_key not in ds.frame.columns or parent.key not in parent.frame.columns:
        return None
    return positions(parent.frame[parent.key], ds.frame[ds.parent_key])


def take_rows(s: pd.Series, where: np.ndarray) -> pd.Series:
    """``s``'s values at rows ``where`` (missing where -1)."""
    vals = s.to_numpy()
    out = vals[np.where(where >= 0, where, 0)]
    if s.dtype.kind in "fiu":
        out = np.where(where >= 0, out.astype(float), np.nan)
    else:
        out = np.where(where >= 0, out, None)
    return pd.Series(out)
