"""What a column's values say: binary, a count, an amount, a year, choices written as text.

A file without labels still tells a yes/no answer (two values: 0/1, 1/2, "yes"/"no") from a
count, an amount or a list of choices; auto-suggest weighs a column's fit to an input's kind
with it. Text columns with few distinct values are read as choices whose label is the value.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from workbench.dataset_model import Variable
from workbench.plan.suggest_words import answer_words, fold_plain, number_kinds

#: a text column with at most this many distinct values is a list of choices
MAX_TEXT_CHOICES = 40
#: sentinels that stand for "don't know" / "refused" in numbers
SENTINELS = frozenset({98.0, 99.0, 998.0, 999.0, 9998.0, 9999.0, 99998.0, 99999.0})


@dataclass(frozen=True)
class ValueProfile:
    n: int = 0
    distinct: int = 0
    numeric: bool = False
    integer: bool = False
    low: float = float("nan")
    high: float = float("nan")
    mean: float = float("nan")
    unique: bool = False
    #: text values when the column is a short list of choices (value → itself)
    choices: dict[str, str] = field(default_factory=dict)

    @property
    def binary(self) -> bool:
        return 1 <= self.distinct <= 2

    @property
    def zero_one(self) -> bool:
        return self.numeric and self.binary and self.low >= 0 and self.high <= 2


def profile_values(values: pd.Series, var: Variable) -> ValueProfile:
    s = values.dropna()
    if s.empty:
        return ValueProfile()
    numeric = pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype)
    if pd.api.types.is_bool_dtype(s.dtype):
        return ValueProfile(len(s), int(s.nunique()), numeric=True, integer=True, low=0, high=1)
    if numeric:
        x = s.to_numpy(dtype=float)
        sentinel = np.isin(x, list(SENTINELS))
        core = x[~sentinel] if (~sentinel).sum() >= max(1, len(x) // 2) else x
        distinct = int(pd.unique(core).size)
        return ValueProfile(
            n=len(s),
            distinct=distinct,
            numeric=True,
            integer=bool(np.all(np.equal(np.mod(core, 1), 0))),
            low=float(core.min()),
            high=float(core.max()),
            mean=float(core.mean()),
            unique=distinct == len(s),
        )
    text = s.astype(str)
    distinct = int(text.nunique())
    choices: dict[str, str] = {}
    if distinct <= MAX_TEXT_CHOICES and not var.value_labels:
        choices = {v: v for v in sorted(text.unique())}
    return ValueProfile(n=len(s), distinct=distinct, unique=distinct == len(s), choices=choices)


def text_yes_no(choices: dict[str, str]) -> bool:
    yes, no = answer_words()
    first = {_first_word(v) for v in choices.values()}
    return bool(first & yes) and bool(first & no)


def _first_word(label: str) -> str:
    t = fold_plain(str(label)).strip().replace(",", " ").replace(".", " ")
    return t.split(" ")[0] if t else ""


def kind_fit(
    input_name: str, kind: str, prof: ValueProfile, labelled: int, yes_no: bool, text: bool
) -> float:
    """How well the values fit an input of ``kind`` (1 = as expected, small = unlikely).

    ``labelled``: substantive value labels (or text choices); ``yes_no``: the answers are yes/no;
    ``text``: free text (not a short list)."""
    if prof.n == 0:
        return 0.3
    if kind == "condition":
        if yes_no or prof.zero_one:
            return 1.0
        if prof.binary:
            return 0.8
        if labelled >= 3:
            return 0.75
        return 0.2 if text else 0.25
    if kind == "number":
        if text or (yes_no and not prof.numeric):
            return 0.1
        if prof.binary or yes_no:
            return 0.25
        if labelled >= 3:
            return 0.35
        return _number_fit(number_kinds().get(input_name), prof)
    if kind == "category":
        if labelled >= 2 or (prof.numeric and prof.integer and 2 <= prof.distinct <= 80):
            return 1.0 if labelled >= 2 else 0.75
        if text:
            return 0.4
        return 0.3
    return 1.0


def _number_fit(how: str | None, prof: ValueProfile) -> float:
    if not prof.numeric:
        return 0.2
    if how == "count":
        ok = prof.integer and prof.low >= 0 and prof.high <= 60
        return 1.0 if ok else 0.4
    if how == "amount":
        return 1.0 if prof.low >= 0 and (prof.high >= 50 or not prof.integer) else 0.4
    if how == "year":
        return 1.0 if prof.integer and prof.low >= 1940 and prof.high <= 2100 else 0.15
    if how == "age":
        ok = prof.integer and prof.low >= 0 and prof.high <= 120 and prof.distinct > 10
        return 1.0 if ok else 0.3
    return 1.0
