"""Small hand-made datasets for the checks (no personal data: invented codes only)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from workbench.dataset_model import Dataset, Variable


def dataset(
    name: str,
    columns: dict[str, list[Any]],
    unit: str = "household",
    key: str | None = None,
    variables: dict[str, dict[str, Any]] | None = None,
    **kw: Any,
) -> Dataset:
    frame = pd.DataFrame(columns)
    spec = variables or {}
    vars_ = {}
    for col in frame.columns:
        dtype = frame[col].dtype
        kind = "numeric" if pd.api.types.is_numeric_dtype(dtype) else "string"
        if dtype.kind == "M":
            kind = "datetime"
        vars_[col] = Variable(name=col, kind=kind, **spec.get(col, {}))  # type: ignore[arg-type]
    return Dataset(name, frame, vars_, unit=unit, key=key, **kw)  # type: ignore[arg-type]


def codes(findings: list, code: str) -> list:
    return [f for f in findings if f.code == code]
