"""Dataset checks users care about, returned as findings (never raised)."""

from __future__ import annotations

import pandas as pd

from workbench.datasets.model import Dataset
from workbench.findings import Finding, Severity


def _f(
    ds: Dataset, code: str, severity: Severity, message: str, col: str, **params: object
) -> Finding:
    return Finding(
        code,
        severity,
        message,
        params={"column": col, **params},
        where={"dataset": ds.name, "column": col},
    )


def check_dataset(ds: Dataset) -> list[Finding]:
    """All-empty columns, constant columns, text columns that are mostly numbers, codes without a
    value label, and key columns with duplicates or gaps."""
    out: list[Finding] = []
    if ds.n_rows == 0:
        return [
            Finding(
                "dataset.no_rows",
                "warning",
                f"{ds.name} has no data rows",
                where={"dataset": ds.name},
            )
        ]
    for col in ds.frame.columns:
        s = ds.frame[col]
        var = ds.variables[col]
        present = s.dropna()
        if present.empty:
            out.append(_f(ds, "dataset.empty_column", "warning", f"column {col} is empty", col))
            continue
        if ds.n_rows > 1 and present.nunique() == 1 and len(present) == ds.n_rows:
            value = present.iloc[0]
            out.append(
                _f(
                    ds,
                    "dataset.constant_column",
                    "info",
                    f"column {col} has the same value in every row",
                    col,
                    value=str(value),
                )
            )
        if var.kind == "string" and not var.identifier:
            counts = present.value_counts()
            nums = pd.to_numeric(pd.Series(counts.index, dtype=object), errors="coerce")
            share = float(counts.to_numpy()[nums.notna().to_numpy()].sum() / len(present))
            if 0.8 <= share < 1.0:
                bad = [str(v) for v in counts.index[nums.isna().to_numpy()][:3]]
                n_text = int(counts.to_numpy()[nums.isna().to_numpy()].sum())
                out.append(
                    _f(
                        ds,
                        "dataset.mixed_types",
                        "warning",
                        f"column {col} holds numbers except {n_text} text "
                        f"values (e.g. {', '.join(bad)}), so it was read as text",
                        col,
                        examples=bad,
                    )
                )
        if var.value_labels and var.kind == "numeric":
            known = set(var.value_labels) | set(var.missing_codes)
            unlabelled = sorted(
                v
                for v in present.unique()
                if v not in known and not _in_ranges(v, var.missing_ranges)
            )
            if unlabelled and len(unlabelled) <= 20:
                out.append(
                    _f(
                        ds,
                        "dataset.unlabelled_codes",
                        "info",
                        f"column {col} has codes without a value label: "
                        f"{', '.join(_num(v) for v in unlabelled[:5])}",
                        col,
                        codes=[_num(v) for v in unlabelled],
                    )
                )
    if ds.key and ds.key in ds.frame.columns:
        key = ds.frame[ds.key]
        dups = int(key.dropna().duplicated().sum())
        if dups:
            out.append(
                _f(
                    ds,
                    "dataset.duplicate_keys",
                    "error",
                    f"key column {ds.key} has {dups} duplicated values",
                    ds.key,
                    count=dups,
                )
            )
        if key.isna().any():
            out.append(
                _f(
                    ds,
                    "dataset.missing_keys",
                    "error",
                    f"key column {ds.key} is empty in {int(key.isna().sum())} rows",
                    ds.key,
                )
            )
    return out


def _in_ranges(v: object, ranges: list[tuple[object, object]]) -> bool:
    return any(lo <= v <= hi for lo, hi in ranges)  # type: ignore[operator]


def _num(v: object) -> str:
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)
