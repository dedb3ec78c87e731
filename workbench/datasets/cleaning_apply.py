"""The data with its cleaning log applied, and the values a log holds.

:func:`apply_log` is what every reader sees: the imported frame (never changed) with the log's
applying entries replayed in order. It is vectorised: entries are grouped by question, each
run of cell edits between two recodes is one positional assignment (the last edit of a cell
wins), and a recode is one comparison over the column; dropped records go in one ``take``.
10,000 entries on a 200,000-row dataset take a few tens of milliseconds
(``benchmarks/cleaning.py``).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd

from workbench.cleaning_model import CleaningEntry, active_entries
from workbench.dataset_model import Dataset


def value_json(value: Any) -> Any:
    """A cell's value as the log stores it: None, bool, int (a whole number), float or text
    (a date or time as ISO text)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        number = float(value)
        if math.isnan(number):
            return None
        return int(number) if number.is_integer() and abs(number) < 2**53 else number
    if isinstance(value, pd.Timestamp | datetime | np.datetime64 | date):
        stamp = pd.Timestamp(value)
        if stamp is pd.NaT:
            return None
        if stamp == stamp.normalize():
            return stamp.date().isoformat()
        return stamp.isoformat()
    return str(value)


def value_text(value: Any) -> str:
    """A stored value as text (the exchange format's cells): missing is empty."""
    v = value_json(value)
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float):
        return repr(v)
    return str(v)


def same_value(a: Any, b: Any) -> bool:
    """Whether two values (cells or log texts) are the same answer: missing equals empty text,
    numbers compare as numbers (``120`` = ``120.0``), text exactly (outer spaces aside)."""
    ta, tb = value_text(a).strip(), value_text(b).strip()
    if ta == tb:
        return True
    try:
        return float(ta) == float(tb)
    except ValueError:
        return ta.casefold() in ("true", "false") and ta.casefold() == tb.casefold()


def record_ids(ds: Dataset) -> np.ndarray:
    """Each record's name in the log (``uuid``): the key column's value as text, or the
    1-based row number when the dataset has no key column."""
    n = len(ds.frame)
    if not ds.key or ds.key not in ds.frame.columns:
        return np.arange(1, n + 1).astype(str).astype(object)
    col = ds.frame[ds.key]
    arr = col.to_numpy()
    if arr.dtype.kind == "f":
        whole = np.isfinite(arr) & (np.mod(arr, 1) == 0)
        out = np.where(whole, np.where(whole, arr, 0).astype(np.int64).astype(str), arr.astype(str))
        return np.where(np.isnan(arr), "", out).astype(object)
    if arr.dtype.kind in "iub":
        return arr.astype(str).astype(object)
    if isinstance(col.dtype, pd.StringDtype):
        return col.fillna("").astype(str).to_numpy(dtype=object)
    return np.array([value_text(v) for v in col.tolist()], dtype=object)


def apply_log(
    ds: Dataset, entries: Sequence[CleaningEntry], *, drop: bool = True
) -> tuple[Dataset, np.ndarray]:
    """The dataset with its log applied, and the imported row position of each row kept.

    Edits of questions not loaded (a partial load) are skipped; dropped records are removed (kept
    in place with ``drop=False``) and the frame gets a fresh RangeIndex. ``ds`` is not changed.
    Each column is copied at most once: the rows kept are taken first and the edits written
    into that copy; columns without edits are shared when nothing is dropped.
    """
    n = len(ds.frame)
    active = active_entries(entries)
    if not active:
        return ds, np.arange(n)
    per_question: dict[str, list[CleaningEntry]] = {}
    dropped: list[int] = []
    for e in active:
        if e.kind == "drop":
            if drop and e.row is not None:
                dropped.append(e.row)
        elif e.question is not None and e.question in ds.frame.columns:
            per_question.setdefault(e.question, []).append(e)
    kept = np.arange(n)
    position: np.ndarray | None = None  # imported row → row of the result (-1: dropped)
    if dropped:
        keep = np.ones(n, dtype=bool)
        keep[np.asarray(dropped, dtype=np.int64)] = False
        kept = np.flatnonzero(keep)
        position = np.full(n, -1, dtype=np.int64)
        position[kept] = np.arange(len(kept))
    series = []
    for name in ds.frame.columns:
        col = ds.frame[name]
        if position is not None:
            col = _take(col, kept)
        edits = per_question.get(str(name))
        series.append(_replay(col, edits, position, position is not None) if edits else col)
    if series:
        frame = pd.concat(series, axis=1)
        frame.columns = ds.frame.columns
    else:
        frame = pd.DataFrame(index=pd.RangeIndex(len(kept)))
    frame.index = pd.RangeIndex(len(kept))
    return dataclasses.replace(ds, frame=frame, variables=dict(ds.variables)), kept


def _take(col: pd.Series, rows: np.ndarray) -> pd.Series:
    """The rows of ``col`` at positions ``rows``, as a new column of its own (numpy indexing,
    without pandas' checks of every index)."""
    if isinstance(col.dtype, np.dtype):
        values: Any = col.to_numpy(copy=False)[rows]
    else:
        values = col.array.take(rows)
    return pd.Series(values, name=col.name, copy=False)


def _replay(
    col: pd.Series, edits: list[CleaningEntry], position: np.ndarray | None, owned: bool
) -> pd.Series:
    """One column's edits in order: each run of cell edits is one assignment, each recode one
    comparison. ``col`` is written only when ``owned``; otherwise the first edit copies it."""
    run: list[CleaningEntry] = []
    for e in edits:
        if e.kind == "recode":
            col, owned = _set_cells(col, run, position, owned)
            run = []
            rows = np.flatnonzero(matches(col, e.old))
            if len(rows):
                col, owned = assign(col, rows, [e.new], owned=owned), True
        else:
            run.append(e)
    return _set_cells(col, run, position, owned)[0]


def _set_cells(
    col: pd.Series, run: list[CleaningEntry], position: np.ndarray | None, owned: bool
) -> tuple[pd.Series, bool]:
    if not run:
        return col, owned
    rows = np.fromiter((e.row for e in run), dtype=np.int64, count=len(run))
    values = [None if e.kind == "missing" else e.new for e in run]
    last = ~pd.Index(rows).duplicated(keep="last")  # the last edit of a cell wins
    if position is not None:
        rows = position[rows]
        last &= rows >= 0  # edits of dropped records
    rows = rows[last]
    values = [v for v, keep in zip(values, last, strict=True) if keep]
    if not len(rows):
        return col, owned
    return assign(col, rows, values, owned=owned), True


def matches(col: pd.Series, value: Any) -> np.ndarray:
    """Rows of ``col`` holding ``value`` (a log value: number, text, boolean)."""
    if value is None:
        return col.isna().to_numpy(copy=True)
    try:
        target = as_column(col, [value])
    except (ValueError, TypeError):
        return np.zeros(len(col), dtype=bool)
    hit = col == target.iloc[0]
    return hit.fillna(False).to_numpy(dtype=bool, copy=True)


def as_column(col: pd.Series, values: list[Any]) -> pd.Series:
    """``values`` (log values) in the dtype of ``col``, or the closest dtype that can hold them
    (a whole-number column given a missing value or a fraction becomes float)."""
    dtype = col.dtype
    raw = pd.Series(values, dtype=object)
    if isinstance(dtype, pd.CategoricalDtype):
        inner = as_column(pd.Series(dtype.categories), values) if len(dtype.categories) else raw
        return inner.astype(object)
    if pd.api.types.is_bool_dtype(dtype):
        mapped = raw.map(lambda v: None if v is None else _boolean(v))
        return mapped.astype("boolean") if mapped.isna().any() else mapped.astype(bool)
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return pd.Series(pd.to_datetime(raw, errors="raise"), dtype=dtype)
    if pd.api.types.is_numeric_dtype(dtype):
        numbers = pd.to_numeric(raw, errors="raise").astype(float)
        whole = bool(np.all(np.isfinite(numbers)) and np.all(np.mod(numbers, 1) == 0))
        if pd.api.types.is_integer_dtype(dtype) and whole:
            return numbers.astype(dtype)
        return numbers
    return raw.map(lambda v: None if v is None else str(v)).astype(dtype)


def holds_scalars(col: pd.Series) -> bool:
    """Whether any log value that fits ``col`` can be written into it as it is (float, date and
    text columns; an integer or boolean column must widen to hold a missing value)."""
    dtype = col.dtype
    if isinstance(dtype, np.dtype):
        return dtype.kind in "fMO"
    return isinstance(dtype, pd.StringDtype)


def as_scalar(col: pd.Series, value: Any) -> Any:
    """One log value as a cell of ``col`` (:func:`as_column` for one value, without building a
    Series: planning 10,000 imported changes calls it 10,000 times). Raises ValueError or
    TypeError when the value does not fit."""
    dtype = col.dtype
    if isinstance(dtype, np.dtype) and dtype.kind == "f":
        if value is None:
            return np.nan
        if isinstance(value, str):
            text = value.strip()
            if "_" in text or not text:
                raise ValueError(value)
            return float(text)
        return float(value)
    if isinstance(dtype, np.dtype) and dtype.kind == "M":
        return pd.NaT if value is None else pd.Timestamp(value).as_unit(np.datetime_data(dtype)[0])
    if isinstance(dtype, pd.StringDtype) or (isinstance(dtype, np.dtype) and dtype.kind == "O"):
        return None if value is None else str(value)
    return as_column(col, [value]).iloc[0]


def assign(
    col: pd.Series, rows: np.ndarray, values: list[Any], *, owned: bool = False
) -> pd.Series:
    """``col`` with ``values`` at positions ``rows`` (one value: written at every row), widening
    the dtype only when needed; ``col`` is written in place only when ``owned``."""
    new = as_column(col, values)
    out = col
    if isinstance(col.dtype, pd.CategoricalDtype):
        extra = [v for v in pd.unique(new.dropna()) if v not in col.cat.categories]
        out = col.cat.add_categories(extra) if extra else col if owned else col.copy()
    elif new.dtype != col.dtype:
        out = col.astype(new.dtype if col.dtype.kind != "b" else "boolean")
    elif not owned:
        out = col.copy()
    out.iloc[rows] = new.iloc[0] if len(new) == 1 else new.to_numpy()
    return out


def _boolean(value: Any) -> bool:
    if isinstance(value, bool | np.bool_):
        return bool(value)
    text = str(value).strip().casefold()
    if text in ("true", "1", "yes", "1.0"):
        return True
    if text in ("false", "0", "no", "0.0"):
        return False
    raise ValueError(text)
