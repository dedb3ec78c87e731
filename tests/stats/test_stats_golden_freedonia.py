"""The engine against R survey on a Freedonia analysis frame (plan.evaluate output): household
and individual units, every indicator of the suggested plan (reference/make_golden_freedonia.R)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from workbench.stats import analyze
from workbench.stats.frame import (
    AnalysisFrame,
    DesignSpec,
    DisaggregationSpec,
    GroupSpec,
    IndicatorSpec,
    UnitFrame,
)
from workbench.stats.options import AnalysisOptions

REF = Path(__file__).resolve().parents[1] / "reference"


def freedonia_frame() -> AnalysisFrame:
    specs = pd.read_csv(REF / "freedonia_indicators.csv")
    units = {}
    for unit in ("household", "individual"):
        df = pd.read_csv(REF / f"freedonia_{unit}.csv", dtype={"_group": str})
        units[unit] = UnitFrame(unit, df, DesignSpec(lonely_psu="adjust"))  # type: ignore[arg-type]
    inds = [
        IndicatorSpec(
            id=r.id,
            title=r.id,
            criterion=str(r.criterion),
            unit=r.unit,
            statistic=r.statistic,
            direction=r.direction,
            disaggregations=(r.disagg,),
        )
        for r in specs.itertuples()
    ]
    groups = [GroupSpec(**g) for g in json.loads((REF / "freedonia_groups.json").read_text())]
    return AnalysisFrame(
        units=units,
        groups=groups,
        disaggregations=[
            DisaggregationSpec("location", "Location"),
            DisaggregationSpec("sex", "Sex"),
        ],
        indicators=inds,
    )


def test_stats_golden_freedonia_matches_r() -> None:
    res = analyze(freedonia_frame(), AnalysisOptions(disclosure_preset="minimal"))
    gold = pd.read_csv(REF / "golden_freedonia_estimates.csv", dtype={"group": str, "level": str})
    est = res.estimates.assign(level=lambda d: d["disaggregation_value"])
    keys = ["indicator_id", "group", "disaggregation", "level"]
    m = gold.merge(est, on=keys, suffixes=("_r", ""), how="left")
    assert len(m) == len(gold) > 500 and m["estimate"].notna().all()
    np.testing.assert_allclose(m["estimate"], m["estimate_r"], rtol=1e-12, atol=1e-9)
    np.testing.assert_allclose(m["se"], m["se_r"], rtol=1e-7, atol=1e-12)
    assert (m["df"] == m["df_r"]).all() and (m["n"] == m["n_r"]).all()
    ok = np.isfinite(m["ci_low_r"]) & np.isfinite(m["ci_high_r"])  # see test_stats_golden.py
    ok &= ~((m["statistic"] == "proportion") & m["estimate"].isin([0.0, 1.0]))
    assert ok.sum() > 300
    np.testing.assert_allclose(m.loc[ok, "ci_low"], m.loc[ok, "ci_low_r"], rtol=1e-7, atol=1e-9)
    np.testing.assert_allclose(m.loc[ok, "ci_high"], m.loc[ok, "ci_high_r"], rtol=1e-7, atol=1e-9)
    gc = pd.read_csv(REF / "golden_freedonia_comparisons.csv", dtype={"group": str, "level": str})
    cmp_ = res.comparisons.assign(level=lambda d: d["disaggregation_value"])
    c = gc.merge(cmp_, on=keys, suffixes=("_r", ""), how="left")
    assert len(c) == len(gc) > 300 and c["difference"].notna().all()
    np.testing.assert_allclose(c["difference"], c["difference_r"], rtol=1e-12, atol=1e-9)
    np.testing.assert_allclose(c["se_difference"], c["se_difference_r"], rtol=1e-7, atol=1e-12)
    assert (c["df"] == c["df_r"]).all()
