"""Design's per-stratum sums (numpy runs of equal-size strata) against a dense incidence matrix."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from workbench.stats.design import Design, build_design
from workbench.stats.frame import DesignSpec


def _frame(seed: int, n: int, n_strata: int, max_psu: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    # strata of very different sizes (1 PSU up to max_psu), labels not in size order
    psu_per = rng.integers(1, max_psu + 1, n_strata)
    stratum = rng.integers(0, n_strata, n)
    psu = (rng.random(n) * psu_per[stratum]).astype(int)
    labels = np.array([f"s{(7 * h) % n_strata:03d}" for h in range(n_strata)])
    return pd.DataFrame(
        {
            "_stratum": labels[stratum],
            "_psu": psu * 1000 + 17,  # PSU codes reused across strata (nest=TRUE)
            "_weight": rng.uniform(1, 3, n),
        }
    )


@pytest.mark.parametrize(
    ("seed", "n", "n_strata", "max_psu"),
    [(0, 50, 1, 5), (1, 400, 7, 9), (2, 3000, 300, 3), (3, 5000, 40, 60), (4, 20, 20, 1)],
)
def test_stratum_sums_match_incidence_matrix(
    seed: int, n: int, n_strata: int, max_psu: int
) -> None:
    df = _frame(seed, n, n_strata, max_psu)
    design = build_design(df, DesignSpec(lonely_psu="adjust"))
    assert isinstance(design, Design)
    d = design.first
    # the numbering is consistent: one stratum per label, n_h = distinct PSUs per label
    by_label = pd.Series(d.stratum_of_psu[design.psu]).groupby(df["_stratum"].to_numpy())
    assert (by_label.nunique() == 1).all()
    first = by_label.first()
    assert first.is_unique and sorted(first) == list(range(d.n_strata))
    expected_n_h = df.groupby("_stratum")["_psu"].nunique()
    assert np.array_equal(d.n_h[first.to_numpy()], expected_n_h[first.index].to_numpy())
    assert sum(size * count for size, _, count in d.size_runs) == d.n_psu
    assert (np.diff(d.stratum_of_psu) >= 0).all()
    # sums and "any" per stratum, several columns at once
    incidence = np.zeros((d.n_strata, d.n_psu))
    incidence[d.stratum_of_psu, np.arange(d.n_psu)] = 1.0
    rng = np.random.default_rng(seed)
    flat = rng.normal(size=(d.n_psu, 5))
    assert np.allclose(d.stratum_sums(flat), incidence @ flat, rtol=1e-13, atol=1e-12)
    present = rng.random((d.n_psu, 5)) < 0.05
    assert np.array_equal(d.strata_with(present), incidence @ present > 0)
    assert d.stratum_sums(np.empty((d.n_psu, 0))).shape == (d.n_strata, 0)
    assert d.df == d.n_psu - d.n_strata
