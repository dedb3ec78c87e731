"""Multistage and replicate designs: the fast paths equal the general ones, generated
replicates reproduce linearisation where theory says they must, bootstrap replicates are
seeded, and inconsistent designs are coded errors."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from workbench.errors import StatsError
from workbench.stats import analyze, design, replicates
from workbench.stats.frame import (
    AnalysisFrame,
    DesignSpec,
    DisaggregationSpec,
    GroupSpec,
    IndicatorSpec,
    ReplicateSpec,
    UnitFrame,
)


def _frame(spec: DesignSpec, seed: int = 3, n_str: int = 6, per: int = 2) -> AnalysisFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for h in range(n_str):
        for p in range(per):
            for i in range(int(rng.integers(5, 12))):
                rows.append((h, p, i))
    df = pd.DataFrame(rows, columns=["_stratum", "_psu", "_psu2"])
    n = len(df)
    df["_weight"] = rng.uniform(10, 30, n)
    df["_fpc"] = 3.0 * per
    df["_fpc2"] = df.groupby(["_stratum", "_psu"])["_psu2"].transform("size") * 3.0
    df["_group"] = rng.choice(["1", "2", "3"], n)
    df["sex"] = rng.choice(["f", "m"], n)
    eff = rng.normal(0, 1, n_str * per)[df["_stratum"] * per + df["_psu"]]
    df["p"] = (rng.random(n) < 1 / (1 + np.exp(-eff))).astype(float)
    df["x"] = rng.normal(50 + 5 * eff, 10)
    df.loc[rng.random(n) < 0.1, "x"] = np.nan
    df["t"] = rng.poisson(3, n).astype(float)
    df["x_med"] = df["x"]
    inds = [
        IndicatorSpec(
            id=i, title=i, criterion="1", unit="household", statistic=s, disaggregations=("sex",)
        )
        for i, s in (("p", "proportion"), ("x", "mean"), ("t", "total"), ("x_med", "median"))
    ]
    return AnalysisFrame(
        units={"household": UnitFrame("household", df, spec)},
        groups=[
            GroupSpec("1", "a", "displaced"),
            GroupSpec("2", "b", "displaced"),
            GroupSpec("3", "c", "comparator"),
        ],
        disaggregations=[DisaggregationSpec("sex", "Sex", ("f", "m"))],
        indicators=inds,
    )


def _both(frame: AnalysisFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    r = analyze(frame)
    return r.estimates, r.comparisons


def test_row_stage_equals_the_general_multistage_path(monkeypatch) -> None:
    frame = _frame(DesignSpec(has_fpc=True, stages=2))
    fast_e, fast_c = _both(frame)
    monkeypatch.setattr(design, "ROW_STAGE", False)
    slow_e, slow_c = _both(frame)
    np.testing.assert_allclose(fast_e["se"], slow_e["se"], rtol=1e-10)
    np.testing.assert_allclose(fast_c["se_difference"], slow_c["se_difference"], rtol=1e-10)
    # the second stage counts: the first-stage FPC alone gives smaller SEs
    one = _both(_frame(DesignSpec(has_fpc=True)))[0]
    assert (one["se"] < fast_e["se"]).mean() > 0.9


def test_replicate_row_mode_equals_compressed_mode(monkeypatch) -> None:
    spec = DesignSpec(replicates=ReplicateSpec("jkn", generated=True))
    comp_e, comp_c = _both(_frame(spec))
    monkeypatch.setattr(replicates, "ROW_MODE_SHARE", 0.0)
    monkeypatch.setattr(replicates, "ROW_MODE_UNITS", 0)
    rows_e, rows_c = _both(_frame(spec))
    # medians' Woodruff SEs depend on the domain's df, which row mode takes from the design
    lin = comp_e["statistic"] != "median"
    np.testing.assert_allclose(rows_e.loc[lin, "se"], comp_e.loc[lin, "se"], rtol=1e-9)
    np.testing.assert_allclose(rows_e["estimate"], comp_e["estimate"], rtol=1e-12)
    lin_c = comp_c["indicator_id"] != "x_med"
    np.testing.assert_allclose(
        rows_c.loc[lin_c, "se_difference"], comp_c.loc[lin_c, "se_difference"], rtol=1e-9
    )


@pytest.mark.parametrize("kind", ["jkn", "brr"])
def test_generated_replicates_equal_linearisation_for_totals(kind: str) -> None:
    """Without FPC, JKn and fully balanced BRR give the linearisation variance of a total."""
    lin = analyze(_frame(DesignSpec())).estimates
    rep = analyze(_frame(DesignSpec(replicates=ReplicateSpec(kind, generated=True)))).estimates
    tot = lin["statistic"] == "total"
    np.testing.assert_allclose(rep.loc[tot, "se"], lin.loc[tot, "se"], rtol=1e-10)
    np.testing.assert_allclose(rep["estimate"], lin["estimate"], rtol=1e-12)


def test_bootstrap_is_seeded() -> None:
    def se(seed: int) -> np.ndarray:
        rs = ReplicateSpec("bootstrap", generated=True, replicates=40, seed=seed)
        return analyze(_frame(DesignSpec(replicates=rs))).estimates["se"].to_numpy()

    assert np.array_equal(se(5), se(5), equal_nan=True)
    assert not np.allclose(se(5), se(6), equal_nan=True)


def test_inconsistent_designs_are_coded_errors() -> None:
    f = _frame(DesignSpec(has_fpc=True, stages=2))
    df = f.units["household"].frame
    df.loc[df.index[0], "_fpc2"] += 1.0  # varies within a first-stage unit
    with pytest.raises(StatsError) as e:
        analyze(f)
    assert e.value.code == "stats.fpc_varies"
    odd = _frame(DesignSpec(replicates=ReplicateSpec("brr", generated=True)), per=3)
    with pytest.raises(StatsError) as e:
        analyze(odd)
    assert e.value.code == "stats.brr_odd_strata"
    jk1 = _frame(DesignSpec(replicates=ReplicateSpec("jk1", generated=True)))
    with pytest.raises(StatsError) as e:
        analyze(jk1)
    assert e.value.code == "stats.jk1_stratified"
    few = _frame(DesignSpec(replicates=ReplicateSpec("bootstrap", columns=3)))
    with pytest.raises(StatsError) as e:
        analyze(few)
    assert e.value.code == "stats.replicate_columns_missing"
    jkn = _frame(DesignSpec(replicates=ReplicateSpec("jkn", columns=2)))
    jkn.units["household"].frame = jkn.units["household"].frame.assign(_rep1=1.0, _rep2=2.0)
    with pytest.raises(StatsError) as e:
        analyze(jkn)
    assert e.value.code == "stats.jkn_needs_rscales"
    rs = ReplicateSpec("jkn", columns=2, rscales=(0.5, 0.5))
    ok = dataclasses.replace(jkn.units["household"].design, replicates=rs)
    jkn.units["household"].design = ok
    assert analyze(jkn).estimates["se"].notna().any()
