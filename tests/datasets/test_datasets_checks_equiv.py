"""The vectorised dataset checks give exactly the findings of the previous, value-by-value code
(kept below as the reference) on random columns: numbers, text, numbers written as text,
blanks, constants, many distinct values."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.dataset_model import Dataset
from workbench.datasets.checks import check_dataset
from workbench.findings import Finding, Severity


def _ref_f(
    ds: Dataset, code: str, severity: Severity, message: str, col: str, **params: object
) -> Finding:
    # the reference's English ``message`` is the old one: findings are now worded by the registry
    where = {"dataset": ds.name, "column": col}
    return Finding.of(code, severity, where=where, column=col, **params)


def reference_check_dataset(ds: Dataset) -> list[Finding]:
    """All-empty columns, constant columns, text columns that are mostly numbers, codes without a
    value label, and key columns with duplicates or gaps."""
    out: list[Finding] = []
    if ds.n_rows == 0:
        return [Finding.of("dataset.no_rows", "warning", where={"dataset": ds.name})]
    for col in ds.frame.columns:
        s = ds.frame[col]
        var = ds.variables[col]
        present = s.dropna()
        if present.empty:
            out.append(_ref_f(ds, "dataset.empty_column", "warning", f"column {col} is empty", col))
            continue
        if ds.n_rows > 1 and present.nunique() == 1 and len(present) == ds.n_rows:
            value = present.iloc[0]
            out.append(
                _ref_f(
                    ds,
                    "dataset.constant_column",
                    "info",
                    f"column {col} has the same value in every row",
                    col,
                    value=str(int(value))
                    if isinstance(value, float) and value.is_integer()
                    else str(value),
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
                    _ref_f(
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
                if v not in known and not _ref_in_ranges(v, var.missing_ranges)
            )
            if unlabelled and len(unlabelled) <= 20:
                out.append(
                    _ref_f(
                        ds,
                        "dataset.unlabelled_codes",
                        "info",
                        f"column {col} has codes without a value label: "
                        f"{', '.join(_ref_num(v) for v in unlabelled[:5])}",
                        col,
                        codes=[_ref_num(v) for v in unlabelled],
                    )
                )
    if ds.key and ds.key in ds.frame.columns:
        key = ds.frame[ds.key]
        dups = int(key.dropna().duplicated().sum())
        if dups:
            out.append(
                _ref_f(
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
                _ref_f(
                    ds,
                    "dataset.missing_keys",
                    "error",
                    f"key column {ds.key} is empty in {int(key.isna().sum())} rows",
                    ds.key,
                    count=int(key.isna().sum()),
                )
            )
    return out


def _ref_in_ranges(v: object, ranges: list[tuple[object, object]]) -> bool:
    return any(lo <= v <= hi for lo, hi in ranges)  # type: ignore[operator]


def _ref_num(v: object) -> str:
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)


_TEXT = st.sampled_from(
    ["1", "2", "2.5", " 3", "x", "n/a", "-4", "inf", "007", "é", "", "  ", None]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    n=st.integers(1, 40),
    seed=st.integers(0, 2**31),
    text=st.lists(_TEXT, min_size=1, max_size=6),
    frac=st.floats(0, 1),
)
@pytest.mark.slow
def test_checks_match_the_reference(n: int, seed: int, text: list[str | None], frac: float) -> None:
    rng = np.random.default_rng(seed)
    floats = rng.integers(1, 4, n).astype(float)
    floats[rng.random(n) < frac] = np.nan
    frame = pd.DataFrame(
        {
            "num": floats,
            "const": np.full(n, 2.0),
            "empty": np.full(n, np.nan),
            "txt": pd.Series([text[i % len(text)] for i in range(n)], dtype="str"),
            "obj": pd.Series([text[(i * 7) % len(text)] for i in range(n)], dtype=object),
            "same": pd.Series(["a"] * n, dtype="str"),
        }
    )
    ds = Dataset("d", frame, {}, key="num")
    ds.variables["num"].value_labels = {1.0: "one"}
    got = [f.to_dict() for f in check_dataset(ds)]
    want = [f.to_dict() for f in reference_check_dataset(ds)]
    assert got == want


def test_many_distinct_values_match_the_reference() -> None:
    n = 12_000
    values = [str(i) for i in range(n)]
    for k in range(0, n, 7):
        values[k] = f"t{k}"  # 1 in 7 is text: between 80% and 100% numbers
    frame = pd.DataFrame(
        {"mixed": pd.Series(values, dtype="str"), "ids": [f"HH-{i}" for i in range(n)]}
    )
    ds = Dataset("d", frame, {})
    got = [f.to_dict() for f in check_dataset(ds)]
    assert got == [f.to_dict() for f in reference_check_dataset(ds)]
    assert [f["code"] for f in got] == ["dataset.mixed_types"]
