"""Survey codes as the plan stores them, and matching them against data columns.

A plan keeps codes as TOML writes them: integers for whole numbers (``1``, not ``1.0``), floats
otherwise, and text for text codes. Data columns hold numeric codes as ``float64`` or text; matching
goes through a canonical text form so ``1``, ``1.0`` and ``"1"`` are the same code.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from workbench.library.expr_eval import canon_code

Code = int | float | str


def norm_code(v: Any) -> Code:
    """A code in its plan form: whole floats become ints, numpy scalars plain Python."""
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, float) and math.isfinite(v) and v.is_integer():
        return int(v)
    if isinstance(v, int | float | str):
        return v
    return str(v)


def norm_codes(values: Iterable[Any]) -> tuple[Code, ...]:
    return tuple(norm_code(v) for v in values)


def canon(v: Any) -> str | None:
    """Canonical text of a code ("1" for 1, 1.0 and "1"); None for missing. The library's
    expression evaluator and the plan share this one definition."""
    return canon_code(v)


def canon_series(s: pd.Series) -> pd.Series:
    """The column as canonical code text (object dtype, None where missing). Vectorised: the
    canonical form is computed once per distinct value (``pd.factorize``)."""
    if pd.api.types.is_bool_dtype(s.dtype):
        values = s.astype("boolean").map({True: "1", False: "0"})
        return pd.Series(values.to_numpy(dtype=object, na_value=None), index=s.index, dtype=object)
    if pd.api.types.is_numeric_dtype(s.dtype):
        arr = s.to_numpy(dtype="float64", na_value=np.nan)
        codes, uniq = pd.factorize(arr, use_na_sentinel=True)
        labels = [_canon_float(u) for u in uniq.tolist()]
    else:
        codes, uniq = pd.factorize(s.astype(object).to_numpy(), use_na_sentinel=True)
        labels = [canon(u) for u in uniq]
    table = np.array([*labels, None], dtype=object)
    return pd.Series(table[codes], index=s.index, dtype=object)


def _canon_float(f: float) -> str | None:
    if math.isnan(f):
        return None
    if math.isfinite(f) and f.is_integer():
        return str(int(f))
    return repr(f)


def isin_codes(s: pd.Series, codes: Iterable[Any]) -> pd.Series:
    """Boolean (no NA): the value is one of ``codes`` (compared canonically)."""
    wanted = {c for c in (canon(x) for x in codes) if c is not None}
    if not wanted:
        return pd.Series(False, index=s.index)
    if pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype):
        nums = [float(w) for w in wanted if is_number(w)]
        return s.astype("float64").isin(nums) if nums else pd.Series(False, index=s.index)
    return canon_series(s).isin(wanted).astype(bool)


def is_number(text: str) -> bool:
    """The text reads as a number (``float()`` accepts it)."""
    try:
        float(text)
    except ValueError:
        return False
    return True


def codes_for_labels(value_labels: dict[Any, str], labels: Iterable[str]) -> tuple[Code, ...]:
    """The codes whose value label (case-insensitive) is one of ``labels``."""
    want = {lab.strip().casefold() for lab in labels}
    return tuple(norm_code(k) for k, v in value_labels.items() if str(v).strip().casefold() in want)
