"""Compression of replicate weights (stats/replicate_compress.py): the units are exactly the
classes of rows with equal quantised multipliers, whichever path found them, and invalid
replicate weights are refused with their codes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from workbench.errors import StatsError
from workbench.stats import replicate_compress
from workbench.stats.frame import DesignSpec, ReplicateSpec
from workbench.stats.replicate_compress import QUANTUM, compress
from workbench.stats.replicates import supplied_design


def _canonical(unit: np.ndarray) -> np.ndarray:
    """Labels renumbered by first occurrence: equal partitions give equal arrays."""
    _, first, inv = np.unique(unit, return_index=True, return_inverse=True)
    rank = np.empty_like(first)
    rank[np.argsort(first)] = np.arange(first.shape[0])
    return rank[inv.ravel()]


def _check(mult_rows: np.ndarray, scale: np.ndarray | None = None) -> None:
    cols = mult_rows if scale is None else mult_rows / scale[:, None]
    unit, mult = compress(lambda r: cols[:, r], cols.shape[1], scale)
    _, first, expected = np.unique(
        np.rint(mult_rows * QUANTUM), axis=0, return_index=True, return_inverse=True
    )
    assert np.array_equal(_canonical(unit), _canonical(expected.ravel()))
    assert mult.shape == (first.shape[0], cols.shape[1])
    # each unit's multipliers are read at its first row
    lowest = np.full(mult.shape[0], unit.shape[0])
    np.minimum.at(lowest, unit, np.arange(unit.shape[0]))
    want = cols[lowest] if scale is None else cols[lowest] * scale[lowest, None]
    assert np.array_equal(mult, want)


def _designs(rng: np.random.Generator) -> dict[str, np.ndarray]:
    n, psus, reps = 3000, 120, 30
    psu = rng.integers(0, psus, n)
    boot = rng.poisson(1.0, (psus, reps)).astype(float)[psu]
    jk = np.ones((psus, reps)) * psus / (psus - 1)
    jk[np.arange(reps) + 40, np.arange(reps)] = 0.0  # units told apart only after column 8
    noisy = boot * (1 + rng.uniform(-1e-14, 1e-14, boot.shape))  # equal to 12 decimals
    rows = boot * rng.uniform(0.97, 1.03, boot.shape)  # every row its own unit
    return {"bootstrap": boot, "jackknife": jk[psu], "noisy": noisy, "rows": rows}


@pytest.mark.parametrize("kind", ["bootstrap", "jackknife", "noisy", "rows"])
def test_units_are_the_exact_classes(kind: str) -> None:
    rng = np.random.default_rng(7)
    mult = _designs(rng)[kind]
    _check(mult)
    _check(mult, 1.0 / rng.uniform(50, 150, mult.shape[0]))  # combined weights / w


@pytest.mark.parametrize("kind", ["bootstrap", "jackknife"])
def test_hash_collisions_are_split_or_regrouped_exactly(monkeypatch, kind: str) -> None:
    """A hash that keeps only the last column collides everywhere: the column checks split
    the units, and a split that cannot be confirmed falls back to the exact grouping."""
    monkeypatch.setattr(replicate_compress, "_MIX", np.uint64(0))
    _check(_designs(np.random.default_rng(3))[kind])


def _frame(bad_col: int, value: float, w0: bool = False) -> tuple[pd.DataFrame, np.ndarray]:
    rng = np.random.default_rng(1)
    n, reps = 200, 12
    w = rng.uniform(1, 3, n)
    mult = rng.poisson(1.0, (20, reps)).astype(float)[rng.integers(0, 20, n)]
    rep = mult * w[:, None]
    if w0:
        w[5] = 0.0
        rep[5, bad_col] = value
    else:
        rep[7, bad_col] = value
    return pd.DataFrame({f"_rep{r + 1}": rep[:, r] for r in range(reps)}), w


@pytest.mark.parametrize("col", [2, 10])  # a hashed column and a later one
@pytest.mark.parametrize("value", [-1.0, np.nan, np.inf])
def test_invalid_replicate_weights_refused(col: int, value: float) -> None:
    df, w = _frame(col, value)
    spec = DesignSpec(replicates=ReplicateSpec("bootstrap", columns=12))
    with pytest.raises(StatsError) as err:
        supplied_design(df, spec, w, "household")
    assert err.value.code == "stats.replicate_weights_invalid"


@pytest.mark.parametrize("col", [2, 10])
def test_replicate_weight_on_a_row_without_weight_refused(col: int) -> None:
    df, w = _frame(col, 4.0, w0=True)
    spec = DesignSpec(replicates=ReplicateSpec("bootstrap", columns=12))
    with pytest.raises(StatsError) as err:
        supplied_design(df, spec, w, "household")
    assert err.value.code == "stats.replicate_weight_without_weight"


def test_domain_df_ranks_each_distinct_set_of_units_once() -> None:
    """``domain_df`` ranks every distinct set of units once and gives each domain the rank of
    its own set: the same numbers as ranking domain by domain (R's degf of the domain's rows)."""
    from workbench.stats.replicates import _rank, from_multipliers

    rng = np.random.default_rng(7)
    n_units, n_rep = 30, 12
    unit = rng.integers(0, n_units, 300)
    unit[:n_units] = np.arange(n_units)  # every unit has rows
    mult = rng.poisson(1.0, (n_units, n_rep)).astype(np.float64)
    mult[:, 5] = mult[:, 4]  # a repeated replicate: the rank is below R
    w = rng.uniform(1, 3, 300)
    design = from_multipliers(w, mult, 1.0 / n_rep, np.ones(n_rep), False, "bootstrap", unit=unit)
    # (U, 3 groups, 2 levels, 4 indicators) row counts; indicators 0-1 share their units
    count = rng.integers(0, 3, (n_units, 3, 2, 4)) * (rng.random((n_units, 3, 2, 4)) < 0.4)
    count[..., 1] = count[..., 0]
    count[:, 2, 1, :] = 0  # an empty domain: rank 0, df −1
    got = design.domain_df(count)
    # each distinct set of units is ranked once
    n_sets = len({(count[(slice(None), *i)] > 0).tobytes() for i in np.ndindex(count.shape[1:])})
    assert len(design._ranks) == n_sets < count[0].size
    w2 = np.bincount(unit, w**2, n_units)
    for idx in np.ndindex(count.shape[1:]):
        units = count[(slice(None), *idx)] > 0
        want = _rank(mult[units] * np.sqrt(w2[units])[:, None]) if units.any() else 0
        assert got[idx] == want - 1, idx
    assert got.shape == count.shape[1:] and np.array_equal(got[..., 0], got[..., 1])
    assert (got[2, 1] == -1).all() and 0 < got.max() <= design.df
    assert design.df == np.linalg.matrix_rank(mult) - 1 == n_rep - 2
