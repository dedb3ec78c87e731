"""Changes in medians between rounds (issue 19 item 3) against R survey 4.1.1
(tests/reference/make_golden_rounds_medians.R): each round's median as R's svyquantile, and the
covariance between rounds (a panel's shared clusters) and within a round (the gap) by Woodruff's
linearisation — the CDFs' covariance from the stacked design over the product of the slopes."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from tests.stats.rounds_synth import golden, max_rel_diff, round_frames
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


@pytest.mark.parametrize("design", ["panel", "independent"])
def test_changes_in_medians_equal_r(design: str) -> None:
    res = analyze_rounds(_frames(design), ROUNDS, panel=design == "panel")
    assert res.meta["changes_not_estimated"] == []
    g = golden(design, "golden_rounds_medians.csv")
    ch = res.changes.merge(g, on=KEYS, suffixes=("", "_r"), validate="one_to_one")
    assert len(ch) == len(g) == 12
    assert max_rel_diff(ch, "estimate_from", "median_from") < 1e-12
    assert max_rel_diff(ch, "estimate_to", "median_to") < 1e-12
    assert max_rel_diff(ch, "change", "change_r") < 1e-9
    assert max_rel_diff(ch, "se_change", "se_change_r") < 1e-7
    gaps = res.gap_changes.merge(g, on=KEYS, suffixes=("", "_r"))
    assert len(gaps) == int(g["gap_change"].notna().sum()) == 9
    assert max_rel_diff(gaps, "change", "gap_change") < 1e-9
    assert max_rel_diff(gaps, "se_change", "se_gap_change") < 1e-7
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
