"""Changes in medians between rounds (issue 19 item 3) against R survey 4.1.1
(tests/reference/make_golden_rounds_medians.R): each round's median as R's svyquantile, and the
covariance between rounds (a panel's shared clusters) and within a round (the gap) by Woodruff's
linearisation — the CDFs' covariance from the stacked design over the product of the slopes."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from tests.stats.rounds_synth import REF, round_frames
from workbench.stats.frame import AnalysisFrame, IndicatorSpec
from workbench.stats.rounds import RoundInfo, analyze_rounds

KEYS = ["indicator_id", "group", "disaggregation", "disaggregation_value"]
ROUNDS = [RoundInfo("Baseline", "2024-03-01"), RoundInfo("Follow-up", "2026-03-01")]
MEDIAN = IndicatorSpec("y_med", "Y median", "2", "household", "median", "higher_is_better",
                       disaggregations=("sex",))  # fmt: skip


def _frames(design: str) -> list[AnalysisFrame]:
    out = []
    for f in round_frames(design):
        hh = f.units["household"]
        unit = dataclasses.replace(hh, frame=hh.frame.assign(y_med=hh.frame["y_mean"]))
        out.append(dataclasses.replace(f, units={"household": unit}, indicators=[MEDIAN]))
    return out


def _golden(design: str) -> pd.DataFrame:
    g = pd.read_csv(REF / "golden_rounds_medians.csv", dtype={"group": str})
    g = g[g["design"] == design].copy()
    g["disaggregation_value"] = g["level"]
    return g


def _diff(ours: np.ndarray, theirs: np.ndarray) -> float:
    ok = np.isfinite(theirs)
    assert np.array_equal(ok, np.isfinite(ours))
    return float(np.max(np.abs(ours[ok] - theirs[ok]) / np.maximum(np.abs(theirs[ok]), 1.0)))


@pytest.mark.parametrize("design", ["panel", "independent"])
def test_changes_in_medians_equal_r(design: str) -> None:
    res = analyze_rounds(_frames(design), ROUNDS, panel=design == "panel")
    assert res.meta["changes_not_estimated"] == []
    g = _golden(design)
    ch = res.changes.merge(g, on=KEYS, suffixes=("", "_r"), validate="one_to_one")
    assert len(ch) == len(g) == 12
    assert _diff(ch["estimate_from"].to_numpy(float), ch["median_from"].to_numpy(float)) < 1e-12
    assert _diff(ch["estimate_to"].to_numpy(float), ch["median_to"].to_numpy(float)) < 1e-12
    assert _diff(ch["change"].to_numpy(float), ch["change_r"].to_numpy(float)) < 1e-9
    assert _diff(ch["se_change"].to_numpy(float), ch["se_change_r"].to_numpy(float)) < 1e-7
    gaps = res.gap_changes.merge(g, on=KEYS, suffixes=("", "_r"))
    assert len(gaps) == int(g["gap_change"].notna().sum()) == 9
    assert _diff(gaps["change"].to_numpy(float), gaps["gap_change"].to_numpy(float)) < 1e-9
    assert _diff(gaps["se_change"].to_numpy(float), gaps["se_gap_change"].to_numpy(float)) < 1e-7
    assert set(ch["assessment"]) <= {"improved", "worsened", "no_significant_change",
                                     "insufficient_data"}  # fmt: skip


def test_panel_median_uses_the_covariance() -> None:
    """Households and clusters persist: the panel's SE of a median's change differs from the
    independent-samples one on the same rows (V1 + V2)."""
    panel = analyze_rounds(_frames("panel"), ROUNDS, panel=True).changes
    indep = analyze_rounds(_frames("panel"), ROUNDS, panel=False).changes
    m = panel.merge(indep, on=KEYS, suffixes=("_p", "_i"))
    np.testing.assert_allclose(m["change_p"], m["change_i"], rtol=1e-12)
    assert not np.allclose(m["se_change_p"], m["se_change_i"], rtol=1e-3)
