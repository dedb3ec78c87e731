"""Invariances and textbook formulas the estimator must satisfy (hypothesis)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from golden_contrasts import engine_contrasts
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stats_synth import frame, households

from workbench.errors import StatsError
from workbench.stats import analyze
from workbench.stats.frame import AnalysisFrame, DesignSpec, GroupSpec, IndicatorSpec, UnitFrame
from workbench.stats.options import AnalysisOptions

SETTINGS = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.slow
@SETTINGS
@given(seed=st.integers(0, 10_000), factor=st.floats(0.01, 1000.0))
def test_stats_scaling_weights_changes_no_mean_or_proportion(seed: int, factor: float) -> None:
    df = households(200, seed)
    a = analyze(frame(df)).estimates
    b = analyze(frame(df.assign(_weight=df["_weight"] * factor))).estimates
    keep = a["statistic"].isin(["proportion", "mean", "median"]).to_numpy()
    for col in ("estimate", "se", "ci_low", "ci_high"):
        np.testing.assert_allclose(b.loc[keep, col], a.loc[keep, col], rtol=1e-9, atol=1e-12)
    tot = a["statistic"] == "total"
    np.testing.assert_allclose(b.loc[tot, "estimate"], a.loc[tot, "estimate"] * factor, rtol=1e-9)


@pytest.mark.slow
@SETTINGS
@given(seed=st.integers(0, 10_000))
def test_stats_comparator_duplicated_as_displaced_gives_zero_differences(seed: int) -> None:
    df = households(200, seed)
    host = df[df["_group"] == "3"]
    twin = pd.concat([host, host.assign(_group="1")], ignore_index=True)
    f = frame(twin)
    f.groups = [GroupSpec("1", "Twin", "displaced"), GroupSpec("3", "Host", "comparator")]
    cmp_ = analyze(f).comparisons
    total = cmp_["not_compared_reason"] == "population_total"  # a total: not compared
    assert set(cmp_.loc[total, "indicator_id"]) == {"size"}
    lin = cmp_[(cmp_["indicator_id"] != "income_med") & ~total]
    np.testing.assert_allclose(lin["difference"], 0.0, atol=1e-9)
    np.testing.assert_allclose(lin["se_difference"], 0.0, atol=1e-9)
    assert set(lin["assessment"]) <= {"no_significant_difference", "insufficient_data"}
    # ...though its contrast, computed below the judging, is zero too
    con = engine_contrasts(f)
    size = con[con["indicator_id"] == "size"]
    assert len(size) == total.sum()
    np.testing.assert_allclose(size[["difference", "se_difference"]], 0.0, atol=1e-6)


@SETTINGS
@given(
    y=st.lists(st.floats(-100, 100), min_size=3, max_size=40),
    w=st.lists(st.floats(0.5, 10), min_size=40, max_size=40),
)
def test_stats_one_row_per_psu_matches_textbook_se(y: list[float], w: list[float]) -> None:
    n = len(y)
    ys, ws = np.array(y), np.array(w[:n])
    df = pd.DataFrame({"_weight": ws, "_stratum": 1, "_psu": np.arange(n), "_group": "1", "y": ys})
    f = AnalysisFrame(
        units={"household": UnitFrame("household", df, DesignSpec())},
        groups=[GroupSpec("1", "All", "displaced")],
        disaggregations=[],
        indicators=[IndicatorSpec("y", "y", "2", "household", "mean")],
    )
    row = analyze(f).estimates.iloc[0]
    big_w = ws.sum()
    mean = (ws * ys).sum() / big_w
    se = np.sqrt(n / (n - 1) * ((ws * (ys - mean)) ** 2).sum()) / big_w
    assert row["estimate"] == pytest.approx(mean, rel=1e-9, abs=1e-9)
    assert row["se"] == pytest.approx(se, rel=1e-7, abs=1e-12)
    assert row["df"] == n - 1


def test_stats_lonely_psu_fail_raises_one_line_error() -> None:
    df = households(200, 1)
    df.loc[df["_stratum"] == 0, "_psu"] = 0  # stratum 0 now has a single PSU
    with pytest.raises(StatsError, match="only one PSU"):
        analyze(frame(df, DesignSpec(lonely_psu="fail")))


def test_stats_unknown_group_codes_stay_in_design_but_out_of_tables() -> None:
    res = analyze(frame())
    assert "9" not in set(res.estimates["group"])
    assert {"1", "2", "3", "all_displaced"} == set(res.estimates["group"])


def test_stats_missing_indicator_column_is_a_stats_error() -> None:
    f = frame()
    f.units["household"].frame = f.units["household"].frame.drop(columns=["food"])
    with pytest.raises(StatsError, match="food"):
        analyze(f)


def test_stats_options_validate() -> None:
    with pytest.raises(StatsError):
        AnalysisOptions(alpha=0.7)
    with pytest.raises(StatsError):
        analyze(frame(), AnalysisOptions(disclosure_preset="nope"))


def test_stats_many_wide_disaggregations_give_same_cells() -> None:
    """Seven disaggregations of ~600 levels overflow one int64 key: the key is compressed as it
    grows, and each disaggregation's cells are unchanged by the presence of the others."""
    from workbench.stats.frame import DisaggregationSpec

    df = households(600, 8)
    wide = [f"d{i}" for i in range(7)]
    rng = np.random.default_rng(0)
    for col in wide:
        df[col] = rng.integers(0, 600, len(df)).astype(str)
    f = frame(df)
    f.disaggregations += [DisaggregationSpec(c, c) for c in wide]
    f.indicators = [IndicatorSpec("food", "food", "2", "household", disaggregations=("sex", *wide))]
    many = analyze(f).estimates
    f.indicators = [IndicatorSpec("food", "food", "2", "household", disaggregations=("sex",))]
    one = analyze(f).estimates
    keys = ["group", "disaggregation", "disaggregation_value"]
    got = many[many["disaggregation"].isin(["total", "sex"])].set_index(keys)
    want = one.set_index(keys)
    np.testing.assert_allclose(got.loc[want.index, "estimate"], want["estimate"], rtol=1e-12)
    np.testing.assert_allclose(got.loc[want.index, "se"], want["se"], rtol=1e-10)
    d0 = many[(many["disaggregation"] == "d0") & (many["group"] == "1")]
    counts = df[df["_group"] == "1"]["d0"].value_counts()
    got_n = d0.set_index("disaggregation_value")["n"]
    np.testing.assert_array_equal(got_n.loc[counts.index].to_numpy(), counts.to_numpy())


def test_stats_cancel_token_stops_the_analysis() -> None:
    from workbench.errors import Cancelled
    from workbench.progress import CancelToken

    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        analyze(frame(), cancel=token)


def test_stats_progress_reaches_the_end() -> None:
    seen: list[tuple[float, float | None]] = []

    class Sink:
        def update(self, done: float, total: float | None = None, message: str = "") -> None:
            seen.append((done, total))

    analyze(frame(), progress=Sink())
    assert seen and seen[-1][0] == seen[-1][1]
