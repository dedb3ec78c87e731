"""The in-memory dataset: column data plus a variable dictionary.

This is the contract between the importers (``workbench.datasets``), the vault
(``workbench.vault``), the plan (``workbench.plan``) and the engine (``workbench.stats``).

Conventions
-----------
- ``Dataset.frame`` holds the values *as collected*: user-missing codes such as 98 / 99 stay in
  the data (they are never silently turned into NaN); ``Variable.missing_codes`` says which codes
  mean missing. System-missing is NaN (numeric) or ``None``/``pd.NA`` (text).
- Column dtypes: ``float64`` for numeric (pyreadstat's convention; small integer codes are kept
  exact), ``int64`` allowed, ``bool``, ``datetime64[ns]``, and text as pandas' string dtype
  (pandas 3 ``str``) or ``object`` of ``str``/``None``. The vault round-trips all of these.
- Column order is ``frame.columns``; ``variables`` has one entry per column, same order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd

Unit = Literal["household", "individual", "other"]
Kind = Literal["numeric", "string", "date", "datetime", "boolean"]
Measure = Literal["nominal", "ordinal", "scale", "unknown"]
IdentifierAction = Literal["keep", "drop", "hash"]

UNITS: tuple[str, ...] = ("household", "individual", "other")


@dataclass
class Variable:
    name: str
    kind: Kind = "numeric"
    label: str = ""
    #: labels by language code, e.g. {"en": "Sex of member", "fr": "Sexe du membre"}
    labels: dict[str, str] = field(default_factory=dict)
    measure: Measure = "unknown"
    #: code -> label (codes are float for numeric variables, str for text ones)
    value_labels: dict[Any, str] = field(default_factory=dict)
    #: value labels by language: {"fr": {1.0: "Oui", 0.0: "Non"}}
    value_labels_i18n: dict[str, dict[Any, str]] = field(default_factory=dict)
    #: user-missing codes kept in the data (e.g. [98.0, 99.0])
    missing_codes: list[Any] = field(default_factory=list)
    #: user-missing ranges (SPSS), as (low, high) pairs
    missing_ranges: list[tuple[Any, Any]] = field(default_factory=list)
    #: why this column was flagged as a likely direct identifier ("name", "phone", "gps",
    #: "free_text", "date_of_birth", "kobo_metadata", ...); None when not flagged
    identifier: str | None = None
    #: what was done with a flagged identifier at import: keep / drop / hash
    identifier_action: IdentifierAction | None = None
    #: XLSForm question type when known (select_one, select_multiple, integer, text, ...)
    question_type: str | None = None
    #: for select_multiple option columns ``q/option``: the parent question name
    parent_question: str | None = None
    #: HXL hashtag when the source carried one (e.g. "#affected+idps")
    hxl: str | None = None
    #: format-specific extras (SPSS format, Stata format, Kobo group path, ...)
    extra: dict[str, Any] = field(default_factory=dict)

    def label_in(self, lang: str) -> str:
        return self.labels.get(lang) or self.label or self.name

    def is_missing(self, values: pd.Series) -> pd.Series:
        """True where a value is system- or user-missing."""
        miss = values.isna()
        if self.missing_codes:
            miss |= values.isin(self.missing_codes)
        for low, high in self.missing_ranges:
            miss |= (values >= low) & (values <= high)
        return miss

    def to_dict(self) -> dict[str, Any]:
        def codes(d: dict[Any, str]) -> list[list[Any]]:
            return [[_plain(k), v] for k, v in d.items()]

        return {
            "name": self.name,
            "kind": self.kind,
            "label": self.label,
            "labels": dict(self.labels),
            "measure": self.measure,
            "value_labels": codes(self.value_labels),
            "value_labels_i18n": {lg: codes(d) for lg, d in self.value_labels_i18n.items()},
            "missing_codes": [_plain(c) for c in self.missing_codes],
            "missing_ranges": [[_plain(a), _plain(b)] for a, b in self.missing_ranges],
            "identifier": self.identifier,
            "identifier_action": self.identifier_action,
            "question_type": self.question_type,
            "parent_question": self.parent_question,
            "hxl": self.hxl,
            "extra": self.extra,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Variable:
        return cls(
            name=d["name"],
            kind=d.get("kind", "numeric"),
            label=d.get("label", ""),
            labels=dict(d.get("labels", {})),
            measure=d.get("measure", "unknown"),
            value_labels={_key(k): v for k, v in d.get("value_labels", [])},
            value_labels_i18n={
                lg: {_key(k): v for k, v in pairs}
                for lg, pairs in d.get("value_labels_i18n", {}).items()
            },
            missing_codes=[_key(c) for c in d.get("missing_codes", [])],
            missing_ranges=[(_key(a), _key(b)) for a, b in d.get("missing_ranges", [])],
            identifier=d.get("identifier"),
            identifier_action=d.get("identifier_action"),
            question_type=d.get("question_type"),
            parent_question=d.get("parent_question"),
            hxl=d.get("hxl"),
            extra=dict(d.get("extra", {})),
        )


def _plain(v: Any) -> Any:
    if isinstance(v, np.generic):
        return v.item()
    return v


def _key(v: Any) -> Any:
    # JSON keeps numbers as int/float; value-label codes of numeric variables are float
    if isinstance(v, bool):
        return v
    if isinstance(v, int):
        return float(v)
    return v


@dataclass
class Dataset:
    name: str
    frame: pd.DataFrame
    variables: dict[str, Variable]
    unit: Unit = "other"
    #: the column that identifies a unit (household id for a household file)
    key: str | None = None
    #: for an individual file: the dataset name of its household file and the linking column
    parent: str | None = None
    parent_key: str | None = None
    #: where it came from: {"file", "format", "sheet", "encoding", "sha256", "identifiers", ...}
    source: dict[str, Any] = field(default_factory=dict)
    #: languages of labels available (from SAV/DTA labels, XLSForm label columns ...)
    languages: list[str] = field(default_factory=list)
    #: missing-value markers the import made NaN in otherwise numeric columns (``NA``, ``.`` …):
    #: column → marker → count (see :mod:`workbench.datasets.markers`); kept in the vault
    missing_markers: dict[str, dict[str, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        missing = [c for c in self.frame.columns if c not in self.variables]
        for c in missing:
            self.variables[c] = Variable(name=str(c), kind=infer_kind(self.frame[c]))
        # keep variables in column order
        self.variables = {str(c): self.variables[str(c)] for c in self.frame.columns}

    @property
    def n_rows(self) -> int:
        return len(self.frame)

    @property
    def n_cols(self) -> int:
        return self.frame.shape[1]


def infer_kind(s: pd.Series) -> Kind:
    if pd.api.types.is_bool_dtype(s):
        return "boolean"
    if pd.api.types.is_datetime64_any_dtype(s):
        return "datetime"
    if pd.api.types.is_numeric_dtype(s):
        return "numeric"
    return "string"
