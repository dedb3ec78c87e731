"""Checks of an input's column against missing-value markers written as text.

Files written by R (``NA``), Stata (``.``) or Excel (``#N/A``) keep such markers as text when the
reader does not turn them into missing values: a 0/1 question becomes a text column, its missing
share reads 0% and every ``NA`` counts as "not the condition". Two findings catch it:

- ``plan.input_text_numeric_codes`` (error): numeric ``true_codes`` point at a text column whose
  values are numbers apart from a few undeclared markers;
- ``plan.input_missing_share`` (warning): a large share of a column's values are missing markers
  (as text, or codes labelled "NA" / "Missing") that the plan does not count as missing.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from workbench.dataset_model import Variable
from workbench.datasets.markers import MISSING_MARKERS
from workbench.findings import Finding
from workbench.plan.checks_structure import finding
from workbench.plan.codes import canon, canon_series, is_number
from workbench.plan.model import InputMapping

#: at most this many distinct non-numeric values for a column to "look numeric"
_FEW = 5
#: a marker share this large, and this far above the missing share, is worth a warning
_SHARE, _GAP = 0.10, 0.10


def _numeric_codes(codes: Iterable[object]) -> bool:
    keys = [canon(c) for c in codes]
    return bool(keys) and all(k is not None and is_number(k) for k in keys)


def text_numeric_codes(
    m: InputMapping, s: pd.Series, miss_keys: set[str | None], where: dict[str, str]
) -> list[Finding]:
    """Error: numeric true_codes on a text column of numbers and a few undeclared markers."""
    if pd.api.types.is_numeric_dtype(s.dtype) or not _numeric_codes(m.true_codes):
        return []
    values = canon_series(s).dropna()
    values = values[(values.str.strip() != "") & ~values.isin(miss_keys)]
    if values.empty:
        return []
    numeric = values.map(is_number).astype(bool)
    others = values[~numeric]
    if others.empty or numeric.mean() < 0.5 or others.nunique() > _FEW:
        return []
    markers = sorted(others.unique(), key=str)
    col = str(s.name)
    params = {"input": m.name, "column": col, "markers": markers, "count": len(others)}
    return [finding("input_text_numeric_codes", "error", where, **params)]


def _marker_values(s: pd.Series, var: Variable) -> set[str]:
    """Canonical values of ``s`` that are missing markers, as text or by their value label."""
    found = {
        canon(code)
        for code, label in var.value_labels.items()
        if str(label).strip().lower() in MISSING_MARKERS
    }
    if not pd.api.types.is_numeric_dtype(s.dtype):
        uniq = canon_series(s).dropna().unique()
        found |= {u for u in uniq if u.strip().lower() in MISSING_MARKERS or u.strip() == ""}
    return {f for f in found if f is not None}


def missing_share(
    m: InputMapping,
    s: pd.Series,
    var: Variable,
    miss_keys: set[str | None],
    where: dict[str, str],
) -> list[Finding]:
    """Warning: many values are missing markers the plan does not count as missing."""
    if s.empty:
        return []
    markers = _marker_values(s, var) - miss_keys
    if not markers:
        return []
    keys = canon_series(s)
    is_marker = keys.isin(markers)
    missing = float((keys.isna() | keys.isin(miss_keys - {None})).mean())
    share = float(is_marker.mean())
    if share < _SHARE or share - missing < _GAP:
        return []
    found = sorted(markers, key=str)
    params = {
        "input": m.name,
        "column": str(s.name),
        "markers": found,
        "share": share,
        "missing": missing,
    }
    return [finding("input_missing_share", "warning", where, **params)]
