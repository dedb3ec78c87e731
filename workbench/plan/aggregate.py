"""Individual answers → one household value (vectorised with ``np.bincount``).

Members not asked (skipped) are left out; a household whose members were all skipped is skipped.
- ``any``: true if any member's answer is true, else unknown if any is unknown, else false.
- ``all``: false if any member's answer is false, else unknown if any is unknown, else true.
- ``head``: the head of household's value.
- ``sum`` / ``count`` (true answers, or non-zero numbers) / ``mean`` / ``max`` / ``min``: over
  the members asked; unknown if any of them is unknown.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.plan.link import Link
from workbench.plan.values import InputValues


def to_households(iv: InputValues, how: str, link: Link) -> InputValues:
    assert link.parent is not None and link.head is not None
    n = link.n_households
    parent = link.parent
    asked = ~iv.skipped
    members = np.bincount(parent[asked], minlength=n)
    hh_skipped = members == 0
    if how == "head":
        return _head(iv, link)
    vals = iv.values
    is_bool = isinstance(vals.dtype, pd.BooleanDtype)
    if not is_bool and not pd.api.types.is_numeric_dtype(vals.dtype):
        return _head(iv, link)  # text has no any/all/sum: use the head's value
    num = (
        vals.astype("Float64").to_numpy(dtype=float, na_value=np.nan)
        if is_bool
        else vals.to_numpy(float)
    )
    unknown = np.bincount(parent, weights=(np.isnan(num) & asked).astype(float), minlength=n) > 0
    known = asked & ~np.isnan(num)
    if how in ("any", "all"):
        t = np.bincount(parent, weights=(known & (num != 0)).astype(float), minlength=n) > 0
        f = np.bincount(parent, weights=(known & (num == 0)).astype(float), minlength=n) > 0
        if how == "any":
            out = np.where(t, 1.0, np.where(unknown | ~f, np.nan, 0.0))
        else:
            out = np.where(f, 0.0, np.where(unknown | ~t, np.nan, 1.0))
        res = pd.Series(out)
        values = res.astype("boolean") if is_bool else res
        return InputValues(values, hh_skipped)
    filled = np.where(known, num, 0.0)
    if how == "count":
        filled = (filled != 0).astype(float)
    total = np.bincount(parent, weights=filled, minlength=n)
    if how in ("sum", "count"):
        out = total
    elif how == "mean":
        with np.errstate(invalid="ignore", divide="ignore"):
            out = total / members
    else:
        s = pd.Series(np.where(known, num, np.nan)).groupby(parent)
        red = s.max() if how == "max" else s.min()
        out = red.reindex(range(n)).to_numpy(float)
    out = np.where(unknown | hh_skipped, np.nan, out)
    return InputValues(pd.Series(out, dtype="float64"), hh_skipped)


def _head(iv: InputValues, link: Link) -> InputValues:
    assert link.head is not None
    head = link.head
    has = head >= 0
    if len(iv.values) == 0:
        has = np.zeros(link.n_households, dtype=bool)
    pos = np.where(has, head, 0)
    src = iv.values if len(iv.values) else pd.Series([None], dtype=iv.values.dtype)
    vals = src.iloc[pos].reset_index(drop=True).copy()
    if (~has).any():
        vals[~has] = _missing_of(vals)
    skipped = np.ones(link.n_households, dtype=bool)
    if len(iv.skipped):
        skipped = np.where(has, iv.skipped[pos], True)
    return InputValues(vals, skipped)


def _missing_of(s: pd.Series) -> object:
    if isinstance(s.dtype, pd.BooleanDtype):
        return pd.NA
    if pd.api.types.is_numeric_dtype(s.dtype):
        return np.nan
    return None


def to_individuals(iv: InputValues, link: Link) -> InputValues:
    """A household value repeated for each member."""
    assert link.parent is not None
    vals = iv.values.iloc[link.parent].reset_index(drop=True)
    return InputValues(vals, iv.skipped[link.parent])
