"""Fine-cell sums (Cells.sums, Cells.to_grid via SumPlan) against np.add.at references."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from workbench.stats.cells import TOTAL, Cells, SumPlan, build_cells

Codes = dict[str, tuple[np.ndarray, list[str]]]


def _cells(
    seed: int, n: int, n_psu: int, n_groups: int, levels: dict[str, int]
) -> tuple[Cells, np.ndarray, np.ndarray, Codes]:
    rng = np.random.default_rng(seed)
    psu = rng.integers(0, n_psu, n)
    group = rng.integers(-1, n_groups, n)  # −1: a row in no reported group
    codes = {d: (rng.integers(-1, k, n), [f"{d}{i}" for i in range(k)]) for d, k in levels.items()}
    return build_cells(psu, n_psu, group, n_groups, codes), psu, group, codes


@pytest.mark.parametrize(
    ("seed", "n", "n_psu", "n_groups", "levels"),
    [
        (0, 500, 20, 3, {"sex": 2}),
        (1, 3000, 50, 4, {"sex": 2, "age": 5, "location": 7}),
        (2, 2000, 2000, 2, {"sex": 2, "age": 3}),  # one row per PSU (no PSU variable)
        (3, 40, 3, 1, {}),
    ],
)
def test_grid_sums_match_add_at(
    seed: int, n: int, n_psu: int, n_groups: int, levels: dict[str, int]
) -> None:
    cells, psu, group, codes = _cells(seed, n, n_psu, n_groups, levels)
    rng = np.random.default_rng(seed + 100)
    values = rng.normal(size=(n, 4))
    # rows → fine cells (what linear.row_sums computes with bincounts)
    cell_values = np.zeros((cells.n_cells, 4))
    np.add.at(cell_values, cells.row_cell, values)
    # fine cells → (PSU, group, level) grid, straight from the rows
    for disagg in [*levels, TOTAL]:
        lev = codes[disagg][0] if disagg != TOTAL else np.zeros(n, dtype=np.int64)
        n_lev = len(cells.level_names[disagg])
        grid = np.zeros((n_psu, n_groups, n_lev, 4))
        ok = (group >= 0) & (lev >= 0)
        np.add.at(grid, (psu[ok], group[ok], lev[ok]), values[ok])
        got = cells.to_grid(cell_values, disagg)
        assert got.shape == grid.shape
        assert np.allclose(got, grid, rtol=1e-12, atol=1e-12)
        assert np.array_equal(cells.to_grid(cell_values, disagg), got)  # cached plan


def test_sum_plan_edge_cases() -> None:
    values = np.arange(12.0).reshape(6, 2)
    empty = SumPlan.build(np.full(6, -1), 3)
    assert np.array_equal(empty.apply(values), np.zeros((3, 2)))
    unsorted = SumPlan.build(np.array([2, 0, 2, -1, 0, 1]), 4)
    assert np.array_equal(
        unsorted.apply(values), np.array([[10.0, 12.0], [10.0, 11.0], [4.0, 6.0], [0.0, 0.0]])
    )
    one_each = SumPlan.build(np.array([0, 1, 2, 3, 4, 5]), 6)  # every target once, in order
    assert np.array_equal(one_each.apply(values), values)
    assert SumPlan.build(np.array([1, 0]), 2).apply(np.empty((2, 0))).shape == (2, 0)


@pytest.mark.parametrize(
    "values",
    [
        ["b", "a", None, "c", "a", np.nan, "", "b"],  # text with missing and empty values
        [1, "1", 2.0, None, "2", 3],  # mixed: 1 and "1" are one level, 2.0 is "2.0"
        [1.5, np.nan, 2.0, 1.5, -0.0],
        pd.array(["x", pd.NA, "y", "x"], dtype="string"),
        pd.Categorical(["m", "f", None, "m"], categories=["f", "m", "other"]),
        [],
    ],
)
def test_level_and_string_codes_equal_the_categorical_of_the_text(values) -> None:
    """Codes from the distinct values converted to text equal ``pd.Categorical`` of the whole
    column converted to text (what the engine did before), without pandas' deprecation
    warning for values outside the categories."""
    from workbench.stats.cells import level_codes, string_codes

    col = pd.Series(values, dtype=object if isinstance(values, list) else None)
    as_str = col.astype("string")
    present = [str(v) for v in pd.unique(as_str.dropna())]
    for levels in ((), ("c", "b", "2", "1.5", "y", "m", "nope")):
        names = [lv for lv in levels if lv in present] + sorted(
            v for v in present if v not in levels
        )
        want = np.asarray(pd.Categorical(as_str, categories=names).codes, dtype=np.int64)
        codes, got_names = level_codes(col, levels)
        assert got_names == names and np.array_equal(codes, want)
    cats = ["a", "1", "2.0", "x", "m", "unlisted"]
    with warnings.catch_warnings():  # pandas deprecates values outside the categories (the
        warnings.simplefilter("ignore")  # old engine code did this; string_codes does not)
        want = np.asarray(pd.Categorical(as_str, categories=cats).codes, dtype=np.int64)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert np.array_equal(string_codes(col, cats), want)
