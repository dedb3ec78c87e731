"""Typing raw columns: numeric codes become float64, text becomes pandas ``str``.

The same rules apply to every text-like source (CSV fields, spreadsheet cells stored as text):

- a column whose every non-empty value is a number becomes ``float64``;
- a number written with a leading zero or plus (``007``, ``+2526…``) keeps the column as text, so
  identifiers and phone numbers are never damaged;
- a whole number of more than 15 digits (national IDs) keeps the column as text: float64 cannot
  hold it exactly; decimals written to full precision (weights, coordinates) stay numbers;
- empty or whitespace-only values are system-missing (NaN for numbers, ``None`` for text);
- spreadsheet cells that are all dates become ``datetime64[ns]``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from workbench.datasets import distinct
from workbench.datasets.markers import count_values, split_markers

_DECIMAL_COMMA = re.compile(r"^\s*[+-]?\d+,\d+\s*$")
_DOT_DECIMAL = re.compile(r"^\s*[+-]?\d*\.\d+\s*$")


def few_distinct(values: np.ndarray) -> bool:
    """Whether a column repeats a few values (fewer than 1,000 distinct in its first 10,000):
    then work on its distinct values beats a pass value by value."""
    return len(pd.unique(values[:10_000])) < 1_000


def blank_to_none(s: pd.Series) -> pd.Series:
    """Text series with empty / whitespace-only values as missing, in pandas' ``str`` dtype.

    Works on the distinct values when a sample shows few (survey text columns repeat a few
    values many times: one hashing pass, shared with the import's later looks at the column, see
    :mod:`~workbench.datasets.distinct`), else value by value."""
    out = s.astype("str") if s.dtype != "str" else s
    values = out.to_numpy(dtype=object)  # no copy; missing values are not str
    if few_distinct(values):
        values = distinct.factorize(values)[1]  # then test only the distinct values
    blanks = {v for v in values if isinstance(v, str) and (not v or v.isspace())}
    if blanks:
        out = out.where(~out.isin(list(blanks)), None)
    return out


def typed_with_markers(
    s: pd.Series, decimal: str = ".", markers: frozenset[str] = frozenset()
) -> tuple[pd.Series, dict[str, int]]:
    """Numeric when every non-empty value is a number without a leading zero, else text.

    Missing-value ``markers`` (``NA``, ``.`` …) count as missing when every other value is a
    number: then the column is numeric, the markers are NaN and their counts come back (marker →
    count); else the column is typed as if there were none and the markers stay values."""
    text = blank_to_none(s)
    uniques = [u for u in text.unique().to_numpy(dtype=object, na_value=None) if u is not None]
    read = numbers_of(uniques, decimal, markers)
    if read is None:
        return text, {}  # leading zeros, long digit strings (ID numbers), or not numbers
    rest, nums, found = read
    lookup = dict(zip(rest, nums.tolist(), strict=True))  # markers are not in it: NaN
    values = text.map(lookup).to_numpy(dtype="float64", na_value=np.nan) if rest else None
    if values is None:
        values = np.full(len(text), np.nan)
    return pd.Series(values, index=text.index, name=s.name), count_values(text, found)


def numbers_of(
    uniques: list[str], decimal: str = ".", markers: frozenset[str] = frozenset()
) -> tuple[list[str], np.ndarray, list[str]] | None:
    """The distinct present values of a column as numbers: ``(values, their floats, missing
    markers among them)``; None when the column stays text (some value is not a number or a
    marker, or :func:`numbers_stay_text`)."""
    rest, found = split_markers(uniques, markers) if markers else (uniques, [])
    if not rest:
        return rest, np.empty(0), found
    if numbers_stay_text(rest):
        return None  # leading zeros, or long digit strings (ID numbers) float64 would damage
    candidate = [u.replace(",", ".") for u in rest] if decimal == "," else rest
    stripped = pd.Series([u.strip() for u in candidate], dtype="str")
    nums = pd.to_numeric(stripped, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    if not np.isfinite(nums).all():
        return None
    return rest, nums, found


#: how a number keeping its column as text starts: a plus sign, or a leading zero and a digit
#: (the byte scan and the exact checking pass search for it past the type sample)
SIGNED_START = r"\+|[+-]?0\d"
_STAYS_TEXT = re.compile(
    rf"^[^\S\n]*(?:{SIGNED_START})|^[^\S\n]*-?\d{{16,}}[^\S\n]*$", re.MULTILINE
)


def numbers_stay_text(values: list[str]) -> bool:
    """True when some number is written with a leading zero or plus, or is a whole number of more
    than 15 digits (an ID float64 cannot hold): the column stays text. Decimals written to full
    precision (weights, coordinates: 17 significant digits) stay numbers. One regular-expression
    scan over all the values joined."""
    return _STAYS_TEXT.search("\n".join(values)) is not None


def looks_decimal_comma(sample: pd.DataFrame) -> bool:
    """True when some column holds ``12,5``-style numbers and none holds ``12.5``-style ones."""
    comma = dot = False
    for col in sample.columns:
        vals = pd.Series(sample[col].dropna().astype("str").unique(), dtype=object)
        if vals.empty:
            continue
        comma |= bool(vals.map(lambda v: bool(_DECIMAL_COMMA.match(v))).all())
        dot |= bool(vals.map(lambda v: bool(_DOT_DECIMAL.match(v))).any())
    return comma and not dot


def _cell_text(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def column_from_cells(
    values: Sequence[Any], name: str, markers: frozenset[str] = frozenset()
) -> tuple[pd.Series, dict[str, int]]:
    """Type one spreadsheet column from python-calamine cells (``""`` is an empty cell); with the
    counts of the missing-value markers made NaN (see :func:`typed_with_markers`)."""
    cells = [None if (v == "" or v is None) else v for v in values]
    present = [v for v in cells if v is not None]
    if not present:
        return pd.Series(np.full(len(cells), np.nan), name=name), {}
    if all(isinstance(v, bool) for v in present):
        if len(present) == len(cells):
            return pd.Series(cells, dtype="bool", name=name), {}
        return pd.Series([np.nan if v is None else float(v) for v in cells], name=name), {}
    if all(isinstance(v, int | float) for v in present):
        return pd.Series([np.nan if v is None else float(v) for v in cells], name=name), {}
    if all(isinstance(v, dt.datetime | dt.date) for v in present):
        stamps = [pd.NaT if v is None else pd.Timestamp(v) for v in cells]
        return pd.Series(pd.to_datetime(stamps), name=name).astype("datetime64[ns]"), {}
    texts = [None if v is None else _cell_text(v) for v in cells]
    return typed_with_markers(pd.Series(texts, dtype="str", name=name), markers=markers)


def unique_name(name: str, taken: set[str]) -> str:
    if name not in taken:
        return name
    i = 2
    while f"{name}_{i}" in taken:
        i += 1
    return f"{name}_{i}"


def as_key_strings(s: pd.Series) -> pd.Series:
    """Values as comparable strings (``12.0`` and ``"12"`` match), missing as None."""
    if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
        arr = s.to_numpy(dtype="float64", na_value=np.nan)
        out = [
            None if np.isnan(v) else (str(int(v)) if float(v).is_integer() else repr(float(v)))
            for v in arr
        ]
        return pd.Series(out, index=s.index, dtype="str")
    return blank_to_none(s.astype("str").where(s.notna(), None))
