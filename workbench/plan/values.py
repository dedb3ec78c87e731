"""Read a mapped input from its column(s) into the value the expression language expects.

- ``condition`` → nullable boolean: true where the answer is one of the mapping's codes (or value
  labels), NA where the answer is a missing code, and for "not asked" (system-missing) NA with the
  row marked *skipped* (``skip = "outside"``) or false (``skip = "no"``).
- ``number`` → float64, NaN for missing codes; not asked → NaN (skipped) or 0.
- ``category`` → text: the library category a code maps to (``categories``), or the value label.
- ``code`` → canonical code text.

Several columns (select_multiple options, items to count) are read one by one and combined with
``combine`` (``any`` / ``all`` Kleene, ``count`` of true, ``sum`` of numbers).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from workbench.dataset_model import Dataset, Variable
from workbench.errors import PlanError
from workbench.plan.codes import canon, canon_series, codes_for_labels, isin_codes
from workbench.plan.model import InputMapping

YES_LABELS = ("yes", "oui", "sí", "si", "true", "نعم")


@dataclass
class InputValues:
    values: pd.Series
    #: rows where the question was not asked and the mapping puts them outside the universe
    skipped: np.ndarray


def system_missing(s: pd.Series) -> pd.Series:
    miss = s.isna()
    if not pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype):
        blank = s.astype("str").str.strip().eq("")
        miss |= blank.fillna(False).astype(bool)
    return miss


def user_missing(s: pd.Series, var: Variable, mapping: InputMapping) -> pd.Series:
    codes = list(mapping.missing) if mapping.missing is not None else list(var.missing_codes)
    miss = isin_codes(s, codes) if codes else pd.Series(False, index=s.index)
    if mapping.missing is None and var.missing_ranges and pd.api.types.is_numeric_dtype(s.dtype):
        for low, high in var.missing_ranges:
            miss |= (s >= low) & (s <= high)
    return miss.astype(bool)


def true_codes(mapping: InputMapping, var: Variable) -> list[object]:
    codes: list[object] = list(mapping.true_codes)
    if mapping.true_labels:
        for labels in (var.value_labels, *var.value_labels_i18n.values()):
            codes += codes_for_labels(labels, mapping.true_labels)
    return codes


def read_input(
    mapping: InputMapping, kind: str, ds: Dataset, rows: np.ndarray | None, where: str
) -> InputValues:
    cols = mapping.source_columns
    if not cols:
        raise PlanError.of("plan.no_column_mapped", where=where)
    parts = []
    for name in cols:
        if name not in ds.frame.columns:
            raise PlanError.of("plan.link_column_missing", where=where, name=name, ds=ds.name)
        s = ds.frame[name]
        if rows is not None:
            s = s.iloc[rows]
        s = s.reset_index(drop=True)
        parts.append(_read_one(mapping, kind, s, ds.variables[name], where, len(cols) > 1))
    if len(parts) == 1:
        return parts[0]
    return _combine(parts, mapping, kind)


def _read_one(
    mapping: InputMapping, kind: str, s: pd.Series, var: Variable, where: str, multi: bool
) -> InputValues:
    sysmiss = system_missing(s).to_numpy()
    usermiss = user_missing(s, var, mapping).to_numpy() & ~sysmiss
    skipped = sysmiss if mapping.skip == "outside" else np.zeros(len(s), dtype=bool)
    if kind == "condition":
        out = _condition(mapping, s, var, where, multi)
        out[usermiss] = pd.NA
        out[sysmiss] = pd.NA if mapping.skip == "outside" else False
        return InputValues(out, skipped)
    if kind == "number":
        num = pd.to_numeric(s, errors="coerce").astype("float64")
        num[usermiss] = np.nan
        num[sysmiss] = np.nan if mapping.skip == "outside" else 0.0
        return InputValues(num, skipped)
    text = _category(mapping, s, var) if kind == "category" else canon_series(s)
    text = text.astype(object)
    text[usermiss | sysmiss] = None
    return InputValues(text, skipped)


def _condition(
    mapping: InputMapping, s: pd.Series, var: Variable, where: str, multi: bool
) -> pd.Series:
    codes = true_codes(mapping, var)
    if not codes and pd.api.types.is_bool_dtype(s.dtype):
        return s.astype("boolean").copy()
    if not codes and multi:
        codes = [1]  # select_multiple option columns: 1 = selected (Kobo convention)
    if not codes:
        raise PlanError.of("plan.no_true_values", where=where)
    return pd.Series(isin_codes(s, codes).to_numpy(), index=s.index, dtype="boolean")


def _category(mapping: InputMapping, s: pd.Series, var: Variable) -> pd.Series:
    keys = canon_series(s)
    if mapping.categories:
        table = {canon(c): cat for cat, codes in mapping.categories.items() for c in codes}
    else:
        table = {canon(k): str(v) for k, v in var.value_labels.items()}
        if not table:
            return keys
    return keys.map(table).astype(object).where(keys.map(table).notna(), None)


def _combine(parts: list[InputValues], mapping: InputMapping, kind: str) -> InputValues:
    skipped = np.logical_and.reduce([p.skipped for p in parts])
    how = mapping.combine
    if kind == "condition" and how in ("any", "all"):
        acc = parts[0].values
        for p in parts[1:]:
            acc = (acc | p.values) if how == "any" else (acc & p.values)
        return InputValues(acc, skipped)
    if kind == "condition":  # count of true answers; unknown if any answer is unknown
        mat = np.column_stack(
            [p.values.astype("Float64").to_numpy(dtype=float, na_value=np.nan) for p in parts]
        )
    else:
        mat = np.column_stack(
            [pd.to_numeric(p.values, errors="coerce").to_numpy(float) for p in parts]
        )
        if how == "count":
            mat = np.where(np.isnan(mat), np.nan, (mat > 0).astype(float))
    if how in ("any", "all") and kind == "number":  # non-zero counts as true; NaN propagates
        flag = np.where(np.isnan(mat), np.nan, (mat > 0).astype(float))
        red = flag.max(axis=1) if how == "any" else flag.min(axis=1)
        return InputValues(pd.Series(red, dtype="float64"), skipped)
    total = mat.sum(axis=1)  # NaN if any part is NaN
    return InputValues(pd.Series(total, dtype="float64"), skipped)
