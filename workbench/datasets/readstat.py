"""SPSS ``.sav``/``.zsav`` and Stata ``.dta`` via pyreadstat, keeping user-missing codes as values.

SPSS: read with ``user_missing=True`` so codes such as 98/99 stay in the data; discrete missing
values go to ``Variable.missing_codes`` and true ranges to ``Variable.missing_ranges``; the measure
level (nominal/ordinal/scale) is kept.

Stata extended missing values ``.a``–``.z``: pyreadstat returns them as the letters ``"a"``–``"z"``.
We store each as a negative float code ``STATA_MISSING_BASE - k`` (``.a`` → -1000001, ``.b`` →
-1000002 … ``.z`` → -1000026), list the codes in ``Variable.missing_codes`` and record the mapping
in ``Variable.extra["stata_missing"]`` (``{".a": -1000001.0, …}``), so they stay distinguishable
from each other and from system-missing ``.`` (NaN). If a column already holds such a value, the
base is moved further out (×10) and the chosen base is recorded in the mapping.
"""

from __future__ import annotations

import string
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyreadstat

from workbench.dataset_model import Variable, infer_kind
from workbench.datasets.columns import blank_to_none, typed_with_markers
from workbench.datasets.markers import Counts, add_counts
from workbench.datasets.sandbox import probe_readstat
from workbench.errors import ImportError_

STATA_MISSING_BASE = -1_000_000.0
_MEASURES = {"nominal", "ordinal", "scale"}


def _read(path: Path, fmt: str, n_rows: int | None) -> tuple[pd.DataFrame, Any]:
    kw: dict[str, Any] = dict(
        user_missing=True, dates_as_pandas_datetime=True, row_limit=n_rows or 0
    )
    complaint = probe_readstat(path, fmt, n_rows)  # a damaged file may crash libreadstat
    try:
        if complaint is not None:
            raise ValueError(complaint)
        if fmt == "sav":
            return pyreadstat.read_sav(str(path), **kw)
        return pyreadstat.read_dta(str(path), **kw)
    except Exception as exc:  # pyreadstat raises its own and plain errors for damaged files
        kind = "SPSS" if fmt == "sav" else "Stata"
        first = (str(exc).splitlines() or [type(exc).__name__])[0][:160]
        raise ImportError_.of(
            "import.corrupt_file", name=path.name, kind=kind, first=first
        ) from None


def _key(code: Any, numeric: bool) -> Any:
    if numeric and isinstance(code, int | float) and not isinstance(code, bool):
        return float(code)
    return code


def read_readstat(
    path: Path,
    fmt: str,
    n_rows: int | None = None,
    markers: frozenset[str] = frozenset(),
    counts: Counts | None = None,
) -> tuple[pd.DataFrame, dict[str, Variable], str]:
    """Frame, variables and file encoding. A string column that holds numbers and missing-value
    ``markers`` only (``NA``, ``.`` …) becomes numeric, the markers counted into ``counts``."""
    frame, meta = _read(path, fmt, n_rows)
    cols: dict[str, pd.Series] = {}
    variables: dict[str, Variable] = {}
    labels = meta.column_names_to_labels or {}
    for col in frame.columns:
        s = frame[col]
        var = Variable(name=str(col), label=labels.get(col) or "")
        if fmt == "dta" and (s.dtype == object or col in (meta.missing_user_values or {})):
            declared = (meta.missing_user_values or {}).get(col, [])
            s, mapping = _stata_missing(s, declared)
            if mapping:
                var.extra["stata_missing"] = mapping
                var.missing_codes = sorted(mapping.values(), reverse=True)
        if pd.api.types.is_datetime64_any_dtype(s):
            s = s.astype("datetime64[ns]")
        elif not pd.api.types.is_numeric_dtype(s):
            s = blank_to_none(s.astype("str").where(s.notna(), None))
            typed, found = typed_with_markers(s, ".", markers) if markers else (s, {})
            if found and typed.dtype.kind == "f":  # numbers written as text with NA markers
                s = typed
                add_counts(counts if counts is not None else {}, str(col), found)
        elif not pd.api.types.is_bool_dtype(s):
            s = s.astype("float64")
        var.kind = infer_kind(s)
        numeric = var.kind == "numeric"
        vl = (meta.variable_value_labels or {}).get(col, {})
        mapping = var.extra.get("stata_missing", {})
        var.value_labels = {
            (mapping.get(f".{k}", k) if isinstance(k, str) and numeric else _key(k, numeric)): v
            for k, v in vl.items()
        }
        for rng in (meta.missing_ranges or {}).get(col, []):
            lo, hi = _key(rng["lo"], numeric), _key(rng["hi"], numeric)
            if lo == hi:
                var.missing_codes.append(lo)
            else:
                var.missing_ranges.append((lo, hi))
        for code in (meta.missing_user_values or {}).get(col, []) if fmt == "sav" else []:
            if _key(code, numeric) not in var.missing_codes:
                var.missing_codes.append(_key(code, numeric))
        measure = (meta.variable_measure or {}).get(col, "unknown")
        var.measure = measure if measure in _MEASURES else "unknown"  # type: ignore[assignment]
        fmt_key = "spss_format" if fmt == "sav" else "stata_format"
        var.extra[fmt_key] = (meta.original_variable_types or {}).get(col)
        cols[str(col)] = s
        variables[str(col)] = var
    out = pd.DataFrame(cols, index=pd.RangeIndex(len(frame)))
    return out, variables, str(getattr(meta, "file_encoding", "") or "")


def _stata_missing(s: pd.Series, declared: list[str]) -> tuple[pd.Series, dict[str, float]]:
    """Letters a–z (extended missing) → float codes; other values must be numbers. Letters the
    file declares as missing get a code even when no row holds them."""
    letters = s.map(lambda v: isinstance(v, str) and len(v) == 1 and v in string.ascii_lowercase)
    numbers = pd.to_numeric(s.where(~letters, None), errors="coerce")
    if (numbers.isna() & s.notna() & ~letters).any():
        return s, {}  # a genuine text column
    used = sorted(set(s[letters]) | {c for c in declared if c in string.ascii_lowercase})
    base = STATA_MISSING_BASE
    present = set(numbers.dropna().tolist())
    while any(base - (string.ascii_lowercase.index(c) + 1) in present for c in used):
        base *= 10
    mapping = {f".{c}": base - (string.ascii_lowercase.index(c) + 1) for c in used}
    out = numbers.to_numpy(dtype="float64", na_value=np.nan).copy()
    for c in used:
        out[(s == c).to_numpy()] = mapping[f".{c}"]
    return pd.Series(out, index=s.index, name=s.name), mapping
