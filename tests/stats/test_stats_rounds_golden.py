"""Changes between rounds against R survey 4.1.1 (tests/reference/make_golden_rounds.R):
independent rounds, a panel sharing clusters, and a panel linked by the household key only."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tests.stats.rounds_synth import INDICATORS, golden, round_frames
from workbench.stats.change_stacked import stacked_changes
from workbench.stats.frame import IndicatorSpec
from workbench.stats.rounds import RoundInfo, analyze_rounds

KEYS = ["indicator_id", "group", "disaggregation", "disaggregation_value"]
ROUNDS = [RoundInfo("Baseline", "2024-03-01"), RoundInfo("Follow-up", "2026-03-01")]
TOTALS = {i.id for i in INDICATORS if i.statistic == "total"}  # described, not compared


def _close(ours: np.ndarray, theirs: np.ndarray, rel: float) -> None:
    ok = np.isfinite(theirs)
    assert np.array_equal(ok, np.isfinite(ours))
    scale = np.maximum(np.abs(theirs[ok]), 1.0)
    assert np.max(np.abs(ours[ok] - theirs[ok]) / scale) < rel


@pytest.mark.parametrize("design", ["panel", "independent", "panel_hh"])
def test_stacked_changes_equal_r(design: str) -> None:
    out, sd = stacked_changes(
        round_frames(design), "household", INDICATORS, design != "independent"
    )
    g = golden(design)
    m = g.merge(out, on=KEYS, suffixes=("_r", ""), validate="one_to_one")
    assert len(m) == len(g) == 48
    _close(m["change"].to_numpy(float), m["change_r"].to_numpy(float), 1e-9)
    _close(np.sqrt(m["var_change"].to_numpy(float)), m["se_change"].to_numpy(float), 1e-7)
    _close(m["gap_change"].to_numpy(float), m["gap_change_r"].to_numpy(float), 1e-9)
    _close(np.sqrt(m["var_gap_change"].to_numpy(float)), m["se_gap_change"].to_numpy(float), 1e-7)
    assert (m["df"] == m["df_r"]).all() and sd.df == int(g["df"].iloc[0])


@pytest.mark.parametrize("design", ["panel", "independent"])
def test_rounds_tables_equal_r(design: str) -> None:
    """The published tables: the independent table arithmetic and the panel's stacked design
    both give R's change and SE; a panel's correlation shrinks the SE of a change."""
    res = analyze_rounds(round_frames(design), ROUNDS, panel=design == "panel")
    g = golden(design)
    ch = res.changes.merge(g, on=KEYS, suffixes=("", "_r"))
    assert len(ch) == len(g)
    _close(ch["change"].to_numpy(float), ch["change_r"].to_numpy(float), 1e-9)
    _close(ch["se_change"].to_numpy(float), ch["se_change_r"].to_numpy(float), 1e-7)
    gaps = res.gap_changes.merge(g, on=KEYS, suffixes=("", "_r"))
    # a total's gap is not compared in either round (population_total), so it has no change in
    # the gap: 36 of R's rows less y_total's 9 (its gap change is checked against R by
    # test_stacked_changes_equal_r, which stacks the rounds below the judging)
    total = g["indicator_id"].isin(TOTALS)
    assert not res.gap_changes["indicator_id"].isin(TOTALS).any()
    assert len(gaps) == int(g.loc[~total, "gap_change"].notna().sum()) == 27
    _close(gaps["change"].to_numpy(float), gaps["gap_change"].to_numpy(float), 1e-9)
    _close(gaps["se_change"].to_numpy(float), gaps["se_gap_change"].to_numpy(float), 1e-7)
    assert set(res.changes["round_to"]) == {"Follow-up"}
    assert set(res.gap_changes["assessment"]) <= {
        "closing", "widening", "no_significant_change", "insufficient_data"
    }  # fmt: skip


def test_panel_covariance_is_used() -> None:
    panel = analyze_rounds(round_frames("panel"), ROUNDS, panel=True).changes
    indep = analyze_rounds(round_frames("panel"), ROUNDS, panel=False).changes
    m = panel.merge(indep, on=KEYS, suffixes=("_p", "_i"))
    np.testing.assert_allclose(m["change_p"], m["change_i"], rtol=1e-12)
    total = m[(m["disaggregation"] == "total") & (m["indicator_id"] == "y_mean")]
    # households and clusters persist: positive covariance, smaller SE of the change
    assert (total["se_change_p"] < total["se_change_i"]).all()


def test_not_comparable_and_assessments() -> None:
    res = analyze_rounds(
        round_frames("independent"), ROUNDS, panel=False, not_comparable={"y_total"}
    )
    nc = res.changes[res.changes["indicator_id"] == "y_total"]
    assert (nc["assessment"] == "not_comparable").all() and nc["change"].isna().all()
    gaps = res.gap_changes[res.gap_changes["indicator_id"] != "y_total"]
    assert (gaps.loc[gaps["flag"] == "suppressed", "assessment"] == "insufficient_data").all()
    gaps = gaps[gaps["flag"] != "suppressed"]
    sig = gaps["p_value"] < 0.05
    closing = sig & (gaps["gap_to"].abs() < gaps["gap_from"].abs())
    assert (gaps.loc[closing, "assessment"] == "closing").all()
    assert (gaps.loc[sig & ~closing, "assessment"] == "widening").all()
    assert (gaps.loc[~sig, "assessment"].isin(["no_significant_change", "insufficient_data"])).all()
    # y_mean is higher-is-better: a significant rise is an improvement
    ym = res.changes[(res.changes["indicator_id"] == "y_mean") & (res.changes["p_value"] < 0.05)]
    assert ((ym["change"] > 0) == (ym["assessment"] == "improved")).all()
    assert not res.stock.empty and (res.stock["estimate_from"] > 0).all()
    assert isinstance(res.publishable().changes, pd.DataFrame)


@pytest.mark.parametrize("design", ["panel", "panel_hh"])
def test_psu_totals_path_equals_the_stacked_pass(design: str) -> None:
    """The panel's fast path (each round's own linearised PSU totals) gives the stacked
    pass's variances, so R's."""
    from workbench.stats import analyze
    from workbench.stats.change_z import changes_from_z
    from workbench.stats.estimates import ZSink

    frames = round_frames(design)
    sinks = [ZSink(), ZSink()]
    for f, s in zip(frames, sinks, strict=True):
        analyze(f, z_sink=s)
    fast = changes_from_z(sinks, frames, "household", panel=True)
    ref, _ = stacked_changes(frames, "household", INDICATORS, panel=True)
    m = ref.merge(fast, on=KEYS, suffixes=("", "_z"))
    assert len(m) == len(ref)
    for col in ("var_change", "var_gap_change"):
        _close(m[f"{col}_z"].to_numpy(float), m[col].to_numpy(float), 1e-9)
    assert (m["df"] == m["df_z"]).all()


@pytest.mark.parametrize("design", ["panel", "independent"])
def test_stock_change_equals_the_stacked_total(design: str) -> None:
    """The IDP stock's change (weighted households per group) is the stacked design's change
    of a total of ones — the estimator the golden values check against R's svytotal."""
    import dataclasses

    from workbench.stats import analyze
    from workbench.stats.estimates import ZSink
    from workbench.stats.options import AnalysisOptions
    from workbench.stats.rounds_extra import stock_change

    frames = round_frames(design)
    panel = design != "independent"
    sinks = [ZSink(), ZSink()]
    for f, sink in zip(frames, sinks, strict=True):
        analyze(f, z_sink=sink)
    got = stock_change(frames, sinks, panel, AnalysisOptions()).set_index("group")
    ones = IndicatorSpec("_one", "one", "1", "household", "total")
    withones = []
    for f in frames:
        hh = f.units["household"]
        unit = dataclasses.replace(hh, frame=hh.frame.assign(_one=1.0))
        withones.append(dataclasses.replace(f, units={"household": unit}, indicators=[ones]))
    ref, _ = stacked_changes(withones, "household", [ones], panel)
    ref = ref[ref["disaggregation"] == "total"].set_index("group").loc[got.index]
    _close(got["change"].to_numpy(float), ref["change"].to_numpy(float), 1e-9)
    _close(got["se_change"].to_numpy(float), np.sqrt(ref["var_change"].to_numpy(float)), 1e-9)
    assert set(got.index) == {"1", "2", "all_displaced"}
