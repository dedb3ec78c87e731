"""Outliers in numeric answers (the screen itself is :mod:`workbench.stats.outliers`).

Screened: numeric questions (XLSForm ``integer`` / ``decimal``, or ``scale`` measures, or, without
a form, numeric columns with more than :data:`MIN_DISTINCT` distinct values and no value labels),
never codes, keys, design or metadata columns, ages or option columns. Groups: the population
group (the plan's ``[groups] column``; members take their household's), else the whole dataset.
A value beyond 3 SD on its own scale is ``check.outlier``; one beyond only on the log scale is
``check.outlier_log``. Undeclared "don't know" / "refused" codes (a CSV carries none): a value
written as nines (98, 99, 998, 999 … 999999, and their negatives) above every other value of the
column is read as a code, not screened.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.checks.collect import Collector
from workbench.checks.ranges import values
from workbench.dataset_model import Dataset, Variable
from workbench.stats.outliers import K_SD, beyond_sd, beyond_sd_log

MIN_DISTINCT = 10


def screened_columns(ds: Dataset, skip: set[str]) -> list[str]:
    out = []
    for col in ds.frame.columns:
        s = ds.frame[col]
        if col in skip or s.dtype.kind not in "fiu":
            continue
        var = ds.variables.get(col)
        if var is not None and (var.parent_question or var.identifier or _coded(var)):
            continue
        quantity = var is not None and (
            var.question_type in ("integer", "decimal", "range") or var.measure == "scale"
        )
        if not quantity and (var is None or var.question_type is None):
            quantity = s.nunique(dropna=True) > MIN_DISTINCT
        if quantity:
            out.append(col)
    return out


_NINES = np.array([float(f"{'9' * k}{last}") for k in range(1, 6) for last in (8, 9)], dtype=float)


def undeclared_codes(x: np.ndarray) -> np.ndarray:
    """``x`` with nines-codes above (or, negative, below) every other value set to NaN."""
    special = np.isin(np.abs(x), _NINES)
    if not special.any():
        return x
    rest = x[~special & ~np.isnan(x)]
    if not len(rest):
        return x
    hi, lo = rest.max(), rest.min()
    out = x.copy()
    out[special & ((x > hi) | (x < lo))] = np.nan
    return out


def _coded(var: Variable) -> bool:
    """Value labels on more than the missing codes: a coded (categorical) answer."""
    missing = {float(c) for c in var.missing_codes if isinstance(c, int | float)}
    return any(not isinstance(k, int | float) or float(k) not in missing for k in var.value_labels)


def group_codes(labels: pd.Series | np.ndarray | None) -> np.ndarray | None:
    if labels is None:
        return None
    codes, _ = pd.factorize(pd.Series(labels), use_na_sentinel=True)
    return codes.astype(np.int64)


def check_outliers(c: Collector, groups: np.ndarray | None) -> None:
    r = c.roles
    skip = set(r.metadata) | {x for x in (r.age, r.head, r.group, c.ds.key, c.ds.parent_key) if x}
    for col in screened_columns(c.ds, skip):
        x = undeclared_codes(values(c.ds, col, c.roles))
        flag, z = beyond_sd(x, groups)
        flag_log, z_log = beyond_sd_log(x, groups)
        c.add("check.outlier", "warning", flag, col, {"value": x, "z": np.round(z, 1)}, k=K_SD)
        only_log = flag_log & ~flag
        c.add(
            "check.outlier_log",
            "warning",
            only_log,
            col,
            {"value": x, "z": np.round(z_log, 1)},
            k=K_SD,
        )
