"""Disaggregation columns: display labels per row, in a declared level order.

- ``missing`` (category, age groups): codes meaning "not stated" (don't know, refused, 9998),
  unknown like the variable's own missing codes, so they never show as a level or a year.
- ``category``: the plan's levels (codes pooled under one label), else every value label in code
  order (in the plan's language when the dataset has it); codes with no label show the code.
- ``age_groups``: ``[c0, c1) …`` from the cut points, labelled ``0–4``, ``5–17``, ``60+``.
- ``years_since``: a column of years (of displacement) as bands of the years since the plan's
  ``reference_year`` (duration of displacement), labelled ``<1``, ``1–2``, ``3–4``, ``10+``; a
  year after the reference year is unknown, not a negative duration.
- ``disability``: Washington Group: "a lot of difficulty" or worse (the ``codes``) in any domain
  → with disability; no difficulty at that level in every domain answered → without; unknown
  when no domain says "a lot" and some are missing.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pandas as pd

from workbench.dataset_model import Dataset, Variable
from workbench.plan.codes import canon, canon_series, isin_codes
from workbench.plan.model import Disaggregation

DISABILITY_LABELS: dict[str, tuple[str, str]] = {
    "en": ("With disability", "Without disability"),
    "fr": ("Avec handicap", "Sans handicap"),
    "es": ("Con discapacidad", "Sin discapacidad"),
    "ar": ("ذوو إعاقة", "بدون إعاقة"),
}


def age_labels(cuts: tuple[float, ...]) -> list[str]:
    def num(x: float) -> str:
        return str(int(x)) if float(x).is_integer() else f"{x:g}"

    out = []
    for i, lo in enumerate(cuts):
        if i + 1 < len(cuts):
            hi = cuts[i + 1]
            both_int = float(lo).is_integer() and float(hi).is_integer()
            out.append(f"{num(lo)}–{num(hi - 1)}" if both_int else f"{num(lo)}–<{num(hi)}")
        else:
            out.append(f"{num(lo)}+")
    return out


def clipped_age_labels(cuts: tuple[float, ...], low: float, high: float) -> dict[str, str]:
    """Age groups named by the ages of them an indicator's universe holds (whole years from
    ``low`` to ``high``, inclusive; infinite for no bound): ``5–17`` → ``15–17`` for people
    aged 15 and over. Only the groups that change are returned; a group wholly outside the
    universe keeps its name (its cells have no case). Fractional cut points are not clipped."""
    if not all(float(c).is_integer() for c in cuts):
        return {}
    labels = age_labels(cuts)
    out: dict[str, str] = {}
    for i, lo in enumerate(cuts):
        hi = cuts[i + 1] - 1 if i + 1 < len(cuts) else math.inf
        a, b = max(lo, low), min(hi, high)
        if a > b or (a, b) == (lo, hi):
            continue
        out[labels[i]] = (
            f"{int(a)}+" if math.isinf(b) else f"{int(a)}" if a == b else f"{int(a)}–{int(b)}"
        )
    return out


def years_labels(cuts: tuple[float, ...]) -> list[str]:
    """Bands of whole years: as :func:`age_labels`, with the first year ``<1`` (0 years since)."""
    out = age_labels(cuts)
    if len(cuts) > 1 and cuts[0] == 0 and cuts[1] == 1:
        out[0] = "<1"
    return out


def _bands(values: pd.Series, cuts: tuple[float, ...], labels: list[str]) -> pd.Series:
    arr = values.to_numpy(dtype="float64")
    idx = np.searchsorted(np.asarray(cuts, dtype=float), arr, side="right") - 1
    ok = (idx >= 0) & ~np.isnan(arr)
    out = pd.Series(np.where(ok, np.asarray(labels, dtype=object)[np.clip(idx, 0, None)], None))
    return out.astype(object)


def disagg_column(
    d: Disaggregation, ds: Dataset, rows: np.ndarray | None, lang: str
) -> tuple[pd.Series, tuple[str, ...]]:
    """The column (object dtype, None where unknown) and its ordered levels."""

    def col(name: str) -> pd.Series:
        s = ds.frame[name]
        return (s.iloc[rows] if rows is not None else s).reset_index(drop=True)

    if d.kind in ("age_groups", "years_since"):
        assert d.column is not None
        var = ds.variables[d.column]
        num = pd.to_numeric(col(d.column), errors="coerce").astype("float64")
        num[var.is_missing(num).to_numpy() | isin_codes(num, d.missing).to_numpy()] = np.nan
        if d.kind == "age_groups":
            labels = age_labels(d.cut_points)
            return _bands(num, d.cut_points, labels), tuple(labels)
        years = float(d.reference_year or 0) - num
        years[years < 0] = np.nan  # displaced after the reference year: not a duration
        labels = years_labels(d.cut_points)
        return _bands(years, d.cut_points, labels), tuple(labels)
    if d.kind == "disability":
        return _disability(d, ds, col, lang)
    assert d.column is not None
    s = col(d.column)
    var = ds.variables[d.column]
    table, levels = _category_table(d, var, s, lang)
    keys = canon_series(s)
    keys[var.is_missing(s).to_numpy() | isin_codes(s, d.missing).to_numpy()] = None
    out = keys.map(table)
    return out.astype(object).where(out.notna(), None), levels


def _category_table(
    d: Disaggregation, var: Variable, s: pd.Series, lang: str
) -> tuple[dict[str | None, str], tuple[str, ...]]:
    if d.levels:
        table = {canon(c): lv.label(lang) for lv in d.levels for c in lv.codes}
        return table, tuple(dict.fromkeys(lv.label(lang) for lv in d.levels))
    labels = var.value_labels_i18n.get(lang) or var.value_labels
    missing = {canon(c) for c in (*var.missing_codes, *d.missing)}
    table = {canon(k): str(v) for k, v in labels.items() if canon(k) not in missing}
    present = [k for k in pd.unique(canon_series(s).dropna()) if k not in missing]
    for k in sorted((k for k in present if k not in table), key=_sort_key):
        table[k] = str(k)
    order = sorted(table, key=_sort_key)
    return table, tuple(dict.fromkeys(table[k] for k in order))


def _sort_key(k: str | None) -> tuple[int, float, str]:
    try:
        return (0, float(k or ""), "")
    except ValueError:
        return (1, 0.0, str(k))


def _disability(
    d: Disaggregation, ds: Dataset, col: Callable[[str], pd.Series], lang: str
) -> tuple[pd.Series, tuple[str, ...]]:
    with_label, without_label = DISABILITY_LABELS.get(lang, DISABILITY_LABELS["en"])
    if d.levels and len(d.levels) == 2:
        with_label, without_label = d.levels[0].label(lang), d.levels[1].label(lang)
    n = None
    any_hit = unknown = None
    for name in d.columns:
        s = col(name)
        n = len(s)
        hit = isin_codes(s, d.codes).to_numpy()
        miss = ds.variables[name].is_missing(s).to_numpy()
        any_hit = hit if any_hit is None else (any_hit | hit)
        unknown = miss if unknown is None else (unknown | miss)
    assert any_hit is not None and unknown is not None and n is not None
    which = np.where(any_hit, 0, np.where(unknown, 2, 1))
    out = np.array([with_label, without_label, None], dtype=object)[which]
    return pd.Series(out, dtype=object), (with_label, without_label)
