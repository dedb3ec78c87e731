"""Coverage of the change-in-the-gap intervals over the Freedonia generator (slow; the full
simulation is benchmarks/rounds_coverage.py, whose figure docs/statistics.md quotes)."""

from __future__ import annotations

import pytest

from benchmarks.rounds_coverage import coverage


@pytest.mark.slow
def test_panel_intervals_cover_the_truth_of_the_change_in_the_gap() -> None:
    res = coverage(reps=12, households=1500, seed0=5000)
    # 216 intervals: the binomial SE at 95% is 1.5 points; the bounds allow ~3.3 SE
    assert 0.90 <= res["coverage_panel"] <= 0.995, res
    # households and EAs persist, so the panel's covariance is positive and its SEs smaller
    assert res["se_ratio_panel_over_independent"] < 0.95, res
    assert abs(res["mean_bias"]) < 0.01, res
