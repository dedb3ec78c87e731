"""Ranges and plausibility: ages, young heads of household, household size against the roster,
dates after the interview or in the future, negative amounts.

Thresholds (documented in ``docs/checks.md``): an age outside 0–:data:`AGE_MAX` is an error; a
head of household younger than :data:`HEAD_MIN_AGE` is an error (child-headed households exist,
so the reviewer confirms or corrects it); declared missing codes (98 / 99 …) are never read as
values. Everything is one vectorised pass per column.
"""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pandas as pd

from workbench.checks.collect import Collector
from workbench.checks.roles import Roles
from workbench.dataset_model import Dataset
from workbench.plan.codes import isin_codes

AGE_MAX = 110
HEAD_MIN_AGE = 15


def values(ds: Dataset, col: str, roles: Roles | None = None) -> np.ndarray:
    """The column as floats with declared missing codes (the variable's and the plan's) as NaN."""
    s = ds.frame[col]
    arr = s.to_numpy(dtype=float, na_value=np.nan).copy()
    var = ds.variables.get(col)
    if var is not None and (var.missing_codes or var.missing_ranges):
        arr[var.is_missing(s).to_numpy(dtype=bool)] = np.nan
    extra = roles.missing.get(col) if roles is not None else None
    if extra:
        arr[isin_codes(s, extra).to_numpy(dtype=bool)] = np.nan
    return arr


def check_ages(c: Collector) -> None:
    col = c.roles.age
    if col is None:
        return
    age = values(c.ds, col, c.roles)
    with np.errstate(invalid="ignore"):
        bad = (age < 0) | (age > AGE_MAX)
    c.add("check.age_out_of_range", "error", bad, col, {"value": age}, low=0, high=AGE_MAX)
    if c.roles.head:
        head = isin_codes(c.ds.frame[c.roles.head], c.roles.head_codes).to_numpy(dtype=bool)
        with np.errstate(invalid="ignore"):
            young = head & (age < HEAD_MIN_AGE) & (age >= 0)
        c.add("check.head_too_young", "error", young, col, {"value": age}, limit=HEAD_MIN_AGE)


def check_household_size(c: Collector, members: Dataset) -> None:
    """Household size against the number of roster rows carrying the household's key."""
    hh, col = c.ds, c.roles.size
    if col is None or not hh.key or hh.key not in hh.frame.columns:
        return
    link = members.parent_key or hh.key
    if link not in members.frame.columns:
        return
    counts = members.frame[link].value_counts(dropna=True)
    keys = hh.frame[hh.key]
    listed = keys.map(counts).fillna(0).to_numpy(dtype=float)
    size = values(hh, col, c.roles)
    bad = ~np.isnan(size) & (size != listed)
    c.add(
        "check.household_size_mismatch",
        "warning",
        bad,
        col,
        {"size": size, "members": listed},
        roster=members.name,
    )


def _now() -> np.datetime64:
    return np.datetime64(datetime.now(UTC).replace(tzinfo=None), "ns")


def check_dates(c: Collector, interview: pd.Series | None = None) -> None:
    """Dates after the interview date (``interview``: per row, e.g. the household's for members)
    and dates in the future (after now, on this computer's clock)."""
    ds = c.ds
    if interview is None and c.roles.interview_date:
        interview = ds.frame[c.roles.interview_date]
    now = _now()
    ref = None if interview is None else interview.to_numpy(dtype="datetime64[ns]")
    own = {c.roles.interview_date, c.roles.start, c.roles.end}
    for col in ds.frame.columns:
        s = ds.frame[col]
        if s.dtype.kind != "M":
            continue
        arr = s.to_numpy(dtype="datetime64[ns]")
        present = ~np.isnat(arr)
        future = present & (arr > now)
        c.add("check.date_in_future", "error", future, col, {"value": s})
        if ref is None or col in own or col.lower().lstrip("_").startswith("submission"):
            continue
        after = present & ~np.isnat(ref) & (arr > ref) & ~future
        c.add("check.date_after_interview", "warning", after, col, {"value": s, "interview": ref})


def check_amounts(c: Collector) -> None:
    for col in c.roles.amounts:
        arr = values(c.ds, col, c.roles)
        with np.errstate(invalid="ignore"):
            bad = arr < 0
        c.add("check.negative_amount", "error", bad, col, {"value": arr})
