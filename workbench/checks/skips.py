"""Skip-pattern violations: answers where the form's ``relevant`` says the question was not
asked, and blanks where it was asked and the form marks it ``required``.

The rules come from the XLSForm (``Variable.extra["relevant"]`` / ``["required"]``, set at import
from the form, a group's rule joined to its questions' with ``and``), evaluated by
:mod:`workbench.checks.relevant`. Members' rules may name household questions (a repeat refers to
its parent): those are read through the link. A select_multiple question is one question: its
option columns count as answered when any is. A rule outside the supported subset is reported
once as not evaluated, never guessed.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from workbench.checks.collect import Collector
from workbench.checks.link import member_rows, take_rows
from workbench.checks.relevant import Unsupported, column_resolver, evaluate_relevant
from workbench.dataset_model import Dataset
from workbench.findings import Finding

_NOT_ASKED_TYPES = {"calculate", "start", "end", "today", "deviceid", "note", "hidden"}


def _present(s: pd.Series) -> np.ndarray:
    """Answered: not missing and, for text, not blank (each distinct text stripped once)."""
    if s.dtype.kind in "fiubM":
        return s.notna().to_numpy(dtype=bool)
    return ~blank_text(s)


def blank_text(s: pd.Series) -> np.ndarray:
    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    if not len(uniques):
        return codes < 0
    blank = np.asarray(pd.Index(uniques).astype(str).str.strip() == "", dtype=bool)
    return (codes < 0) | blank[np.maximum(codes, 0)]


def questions(ds: Dataset) -> dict[str, list[str]]:
    """Question name → its columns, for questions with a ``relevant`` rule."""
    out: dict[str, list[str]] = {}
    for col, var in ds.variables.items():
        rule = str(var.extra.get("relevant") or "").strip()
        if not rule or col not in ds.frame.columns or var.question_type in _NOT_ASKED_TYPES:
            continue
        out.setdefault(var.parent_question or col, []).append(col)
    return out


def parent_resolver(ds: Dataset, parent: Dataset | None) -> Callable[[str], pd.Series | None]:
    own = column_resolver([ds.frame])
    where = member_rows(ds, parent) if parent is not None else None
    if parent is None or where is None:
        return own
    up = column_resolver([parent.frame])
    cache: dict[str, pd.Series | None] = {}

    def resolve(name: str) -> pd.Series | None:
        s = own(name)
        if s is not None:
            return s
        if name not in cache:
            hs = up(name)
            cache[name] = None if hs is None else take_rows(hs, where)
        return cache[name]

    return resolve


def check_skips(c: Collector, parent: Dataset | None = None) -> None:
    ds = c.ds
    resolve = parent_resolver(ds, parent)
    asked_by_rule: dict[str, np.ndarray | None] = {}
    for q, cols in questions(ds).items():
        var = ds.variables[cols[0]]
        rule = str(var.extra.get("relevant")).strip()
        if rule not in asked_by_rule:
            try:
                asked_by_rule[rule] = evaluate_relevant(rule, resolve, ds.n_rows)
            except Unsupported:
                asked_by_rule[rule] = None
        asked = asked_by_rule[rule]
        column = q if q in ds.frame.columns else cols[0]
        if asked is None:
            c.findings.append(
                Finding.of(
                    "check.skip_not_evaluated",
                    "info",
                    where={"dataset": ds.name, "column": column},
                    rule=rule,
                )
            )
            continue
        present = np.logical_or.reduce([_present(ds.frame[col]) for col in cols])
        c.add("check.skip_answered", "warning", ~asked & present, column, rule=rule)
        required = any(_truthy(ds.variables[col].extra.get("required")) for col in cols)
        if required:
            c.add("check.skip_missing", "warning", asked & ~present, column, rule=rule)


def _truthy(v: object) -> bool:
    return str(v).strip().lower() in ("yes", "true", "1", "true()")
