"""Simulation: repeated stratified two-stage samples from a known finite population; 95%
intervals of the main statistics must cover the true value 93–97% of the time."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from workbench.stats import analyze
from workbench.stats.frame import AnalysisFrame, DesignSpec, GroupSpec, IndicatorSpec, UnitFrame
from workbench.stats.options import AnalysisOptions

STRATA, PSUS, HH = 10, 60, 40  # population: 10 strata × 60 PSUs × 40 households
TAKE_PSU, TAKE_HH = 6, 10
REPS = 400


def population(seed: int = 11) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n = STRATA * PSUS * HH
    psu = np.repeat(np.arange(STRATA * PSUS), HH)
    effect = rng.normal(0, 0.6, STRATA * PSUS)[psu]
    disp_share = rng.uniform(0.15, 0.5, STRATA * PSUS)[psu]
    group = np.where(rng.random(n) < disp_share, "1", "3")
    eta = -0.8 + effect + np.where(group == "1", 0.4, 0.0)
    return pd.DataFrame(
        {
            "_stratum": psu // PSUS,
            "_psu": psu,
            "_group": group,
            "y": (rng.random(n) < 1 / (1 + np.exp(-eta))).astype(float),
            "x": rng.gamma(2.0, 30.0, n) * np.exp(effect / 2),
        }
    )


def sample(pop: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    psu_ids = np.arange(STRATA * PSUS).reshape(STRATA, PSUS)
    chosen = np.concatenate([rng.choice(row, TAKE_PSU, replace=False) for row in psu_ids])
    within = np.concatenate([rng.choice(HH, TAKE_HH, replace=False) for _ in chosen])
    rows = np.repeat(chosen, TAKE_HH) * HH + within
    out = pop.iloc[rows].copy()
    out["_weight"] = (PSUS / TAKE_PSU) * (HH / TAKE_HH)
    return out


def _frame(df: pd.DataFrame) -> AnalysisFrame:
    return AnalysisFrame(
        units={"household": UnitFrame("household", df, DesignSpec())},
        groups=[GroupSpec("1", "IDPs", "displaced"), GroupSpec("3", "Host", "comparator")],
        disaggregations=[],
        indicators=[
            IndicatorSpec("y", "y", "2", "household", "proportion"),
            IndicatorSpec("x", "x", "3", "household", "mean", "higher_is_better"),
        ],
    )


@pytest.mark.slow
def test_stats_intervals_cover_true_values_95_percent() -> None:
    pop = population()
    truth = pop.groupby("_group")[["y", "x"]].mean()
    rng = np.random.default_rng(2024)
    hits = {"p_idp": 0, "mean_idp": 0, "diff_p": 0, "diff_mean": 0}
    opts = AnalysisOptions(disclosure_preset="minimal")
    for _ in range(REPS):
        res = analyze(_frame(sample(pop, rng)), opts)
        est = res.estimates.set_index(["indicator_id", "group"])
        cmp_ = res.comparisons.set_index(["indicator_id", "group"])
        checks = {
            "p_idp": (est.loc[("y", "1")], truth.loc["1", "y"]),
            "mean_idp": (est.loc[("x", "1")], truth.loc["1", "x"]),
            "diff_p": (cmp_.loc[("y", "1")], truth.loc["1", "y"] - truth.loc["3", "y"]),
            "diff_mean": (cmp_.loc[("x", "1")], truth.loc["1", "x"] - truth.loc["3", "x"]),
        }
        for name, (row, true) in checks.items():
            hits[name] += int(row["ci_low"] <= true <= row["ci_high"])
    coverage = {k: v / REPS for k, v in hits.items()}
    print("coverage", coverage)
    assert all(0.93 <= c <= 0.97 for c in coverage.values()), coverage
