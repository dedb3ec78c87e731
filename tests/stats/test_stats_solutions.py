"""The IRIS solutions measure and its alternatives, checked against hand computations."""

from __future__ import annotations

import numpy as np
import pytest
from stats_synth import frame, households

from workbench.errors import StatsError
from workbench.stats import analyze
from workbench.stats.options import AnalysisOptions
from workbench.stats.solutions_methods import SOLUTIONS_METHODS

LAYERED = ("iris_layered",)


def test_stats_solutions_default_computes_every_method_layered_first() -> None:
    opts = AnalysisOptions()
    assert opts.solutions_methods[0] == "iris_layered"
    assert opts.solutions_methods == SOLUTIONS_METHODS.codes


def _hand_pass(df, missing_ok: bool = True) -> np.ndarray:
    host = df["_group"] == "3"
    w = df["_weight"]
    income_bench = (w[host] * df.loc[host, "income"]).sum() / w[host].sum()
    docs_ok = np.where(df["docs"].isna(), 1.0 if missing_ok else np.nan, df["docs"] == 0)
    return ((df["food"] == 0) & (df["tenure"] == 1) & (df["income"] >= income_bench)).to_numpy(
        float
    ) * docs_ok


@pytest.mark.parametrize("missing", ["no_vulnerability", "missing"])
def test_stats_iris_layered_matches_hand_computation(missing: str) -> None:
    df = households(800, 3)
    res = analyze(frame(df), AnalysisOptions(missing_by_design=missing, solutions_methods=LAYERED))
    sol = res.solutions
    assert list(sol["method"].unique()) == ["iris_layered"]
    passed = _hand_pass(df, missing_ok=missing == "no_vulnerability")
    for g in ("1", "2"):
        row = sol[(sol["group"] == g) & (sol["disaggregation"] == "total")].iloc[0]
        in_g = (df["_group"] == g).to_numpy()
        ok = in_g & ~np.isnan(passed)
        w = df["_weight"].to_numpy()
        assert row["share"] == pytest.approx((w[ok] * passed[ok]).sum() / w[ok].sum(), rel=1e-12)
        assert row["number"] == pytest.approx((w[ok] * passed[ok]).sum(), rel=1e-12)
        assert row["n"] == in_g.sum() and row["n_assessable"] == ok.sum()
        assert row["se"] > 0 and row["number_se"] > 0
    if missing == "missing":
        assert (sol["n_assessable"] < sol["n"]).any()
    pooled = sol[(sol["group"] == "all_displaced") & (sol["disaggregation"] == "total")]
    by_group = sol[sol["group"].isin(["1", "2"]) & (sol["disaggregation"] == "total")]
    assert pooled["number"].iloc[0] == pytest.approx(by_group["number"].sum(), rel=1e-12)


def test_stats_solutions_by_location_and_all_methods() -> None:
    res = analyze(frame(), AnalysisOptions(solutions_methods=SOLUTIONS_METHODS.codes))
    sol = res.solutions
    assert set(sol["method"]) == set(SOLUTIONS_METHODS.codes)
    assert {"total", "sex", "location"} <= set(sol["disaggregation"])
    shares = sol["share"].dropna()
    assert ((shares >= 0) & (shares <= 1)).all()
    # the layered rule is the strictest: a composite score can only let more households pass
    tot = sol[sol["disaggregation"] == "total"].set_index(["method", "group"])["share"]
    for g in ("1", "2", "3"):
        assert tot[("iris_layered", g)] <= tot[("composite_score", g)] + 1e-12
    assert res.meta["options"]["solutions_methods"] == list(SOLUTIONS_METHODS.codes)


def test_stats_solutions_ci_bound_is_more_lenient() -> None:
    a = analyze(frame(), AnalysisOptions(solutions_methods=LAYERED)).solutions
    b = analyze(frame(), AnalysisOptions(use_ci_bound=True, solutions_methods=LAYERED)).solutions
    assert (b["share"].to_numpy() >= a["share"].to_numpy() - 1e-12).all()


def test_stats_solutions_fixed_and_national_benchmarks() -> None:
    lenient = analyze(frame(), AnalysisOptions(solutions_benchmark="fixed", benchmark_fixed=1e9))
    assert np.allclose(lenient.solutions["share"].dropna(), 1.0)
    with pytest.raises(StatsError, match="national benchmark"):
        analyze(frame(), AnalysisOptions(solutions_benchmark="national"))
    values = {"food": 0.5, "tenure": 0.5, "docs": 0.5, "income": 0.0}
    nat = analyze(frame(), AnalysisOptions(solutions_benchmark="national", benchmark_values=values))
    assert nat.solutions["share"].notna().any()


def test_stats_homogeneous_cells_pass_whole_cells() -> None:
    df = households(1500, 9)
    disp = df["_group"].isin(["1", "2"])
    north = df["location"] == "north"
    # displaced in the north: no vulnerability at all; in the south: all food insecure
    df.loc[disp & north, ["food", "tenure", "docs", "income"]] = [0.0, 1.0, 0.0, 1e6]
    df.loc[disp & ~north, "food"] = 1.0
    opts = AnalysisOptions(solutions_methods=("homogeneous_cells",))
    sol = analyze(frame(df), opts).solutions
    tot = sol[sol["disaggregation"] == "total"].set_index("group")
    w = df["_weight"]
    for g in ("1", "2"):
        in_g = df["_group"] == g
        want = w[in_g & north].sum() / w[in_g].sum()
        assert tot.loc[g, "share"] == pytest.approx(want, rel=1e-12)
        assert tot.loc[g, "n_assessable"] == in_g.sum()
    by_loc = sol[(sol["group"] == "1") & (sol["disaggregation"] == "location")]
    assert by_loc.set_index("disaggregation_value")["share"].to_dict() == {
        "north": 1.0,
        "south": 0.0,
    }
    assert np.isnan(tot.loc["3", "share"])  # the comparator is the benchmark, not assessed


def test_stats_solutions_method_without_its_columns_is_skipped_with_the_reason() -> None:
    opts = AnalysisOptions(homogeneous_cells=("no_such_breakdown",))
    res = analyze(frame(), opts)
    assert "homogeneous_cells" not in set(res.solutions["method"])
    assert "iris_layered" in set(res.solutions["method"])
    assert "no_such_breakdown" in res.meta["solutions_skipped"]["homogeneous_cells"]
    with pytest.raises(StatsError, match="Homogeneous cells need"):
        analyze(
            frame(),
            AnalysisOptions(homogeneous_cells=("x",), solutions_methods=("homogeneous_cells",)),
        )
