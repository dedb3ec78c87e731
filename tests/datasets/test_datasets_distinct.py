"""A text column's distinct values are hashed once per import (workbench.datasets.distinct), and
what the memo hands back is always what pandas.factorize gives for the values asked about."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.datasets import distinct
from workbench.datasets.checks import check_dataset, markers_kept_as_text
from workbench.datasets.importing import ImportOptions, preview, read_datasets
from workbench.datasets.markers import marker_set


def _expected(values: np.ndarray) -> tuple[list[int], list[object]]:
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    return codes.tolist(), uniques.tolist()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.none(), st.sampled_from(["", " ", "a", "NA", "é", "b"])), max_size=40))
def test_factorize_equals_pandas_in_and_out_of_an_import(cells: list[str | None]) -> None:
    values = np.array(cells, dtype=object)
    codes, uniques = distinct.factorize(values)
    assert (codes.tolist(), uniques.tolist()) == _expected(values)
    with distinct.shared():
        first = distinct.factorize(values)
        again = distinct.factorize(values)
        assert again[0] is first[0] and again[1] is first[1]  # hashed once
        assert (again[0].tolist(), again[1].tolist()) == _expected(values)


def test_a_new_buffer_is_never_served_an_old_answer() -> None:
    a = np.array(["x", "y", "x", None], dtype=object)
    with distinct.shared():
        distinct.factorize(a)
        b = a.copy()
        b[0] = "z"  # a changed copy: another buffer, hashed afresh
        assert distinct.factorize(b)[1].tolist() == ["z", "y", "x"]
        assert distinct.factorize(a[1:])[1].tolist() == ["y", "x"]  # a view: other length
        assert distinct.factorize(a[::2])[1].tolist() == ["x"]  # other stride
        gone = weakref.ref(b)
        del b
        gc.collect()
        assert gone() is not None  # the memo holds it: its address cannot be reused meanwhile
        c = np.array(["q", "y", "x", None], dtype=object)
        assert distinct.factorize(c)[1].tolist() == ["q", "y", "x"]
    gc.collect()
    assert gone() is None  # let go when the import ends


def test_checks_and_markers_are_the_same_with_the_shared_hashing(tmp_path: Path) -> None:
    """The import's findings (blank values, markers kept as text, checks) and datasets are equal
    whether the distinct values are shared or hashed by each step."""
    rng = np.random.default_rng(3)
    n = 30_000
    frame = pd.DataFrame(
        {
            "region": rng.choice(["North", "South", " ", "NA", "East"], n),
            "code": rng.choice(["1", "2", "NA", "."], n),
            "const": ["same"] * n,
            "mostly": np.where(rng.random(n) < 0.9, "3", "x"),
            "hh": [f"H{i}" for i in range(n)],
        }
    )
    path = tmp_path / "t.csv"
    frame.to_csv(path, index=False)
    opts = ImportOptions(default_identifier_action="keep")
    shared = read_datasets(path, opts)[0]
    assert shared.frame["region"].isna().sum() == (frame["region"] == " ").sum()
    # each step on its own (no shared memo): same findings
    alone = [f.to_dict() for f in check_dataset(shared)]
    markers = [f.to_dict() for f in markers_kept_as_text(shared, marker_set())]
    with distinct.shared():
        assert [f.to_dict() for f in check_dataset(shared)] == alone
        assert [f.to_dict() for f in markers_kept_as_text(shared, marker_set())] == markers
    codes = [w["code"] for w in shared.source["warnings"]]
    assert "dataset.marker_kept_as_text" in codes and "dataset.constant_column" in codes
    assert "dataset.mixed_types" in codes
    whole = preview(path, opts, n_rows=None)
    pd.testing.assert_frame_equal(whole.main.frame, shared.frame, check_exact=True)
