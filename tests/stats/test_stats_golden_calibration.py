"""Calibrated designs against R survey 4.1.1 (tests/reference/make_golden_calibration.R):
post-stratification (one variable and crossed), raking (clustered and stratified designs,
with trimming), GREG calibration with a numeric total, bounded linear, raking and logit
calibration, and GREG followed by strict trimming. Weights, estimates, SEs (medians
included), comparisons and their p-values."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tests.stats.golden_contrasts import checked_contrasts
from workbench.stats import analyze
from workbench.stats.calibration_spec import CalibrationSpec, Margin
from workbench.stats.frame import (
    AnalysisFrame,
    DesignSpec,
    DisaggregationSpec,
    GroupSpec,
    IndicatorSpec,
    UnitFrame,
)
from workbench.stats.results import AnalysisResults

REF = Path(__file__).resolve().parents[1] / "reference"
INDICATORS = [
    ("sw", "sw", "proportion"),
    ("api00", "api00", "mean"),
    ("api_na", "api_na", "mean"),
    ("enroll", "enroll", "total"),
    ("api_stu", "api.stu", "ratio"),
    ("api00_med", "api00", "median"),
]
GOLDEN_ID = {(src, stat): ind for ind, src, stat in INDICATORS}
CAL_VARS = ("stype_c", "both", "mealcat", "api99")
GOLD = pd.read_csv(
    REF / "golden_calibration_estimates.csv", keep_default_na=False, na_values=["NA"]
)
GOLD_CMP = pd.read_csv(REF / "golden_calibration_comparisons.csv")
GOLD_W = pd.read_csv(REF / "golden_calibration_weights.csv")
TRIM = pd.read_csv(REF / "golden_calibration_trim.csv").iloc[0]


def margins() -> dict[str, Margin]:
    m = pd.read_csv(REF / "golden_calibration_margins.csv", keep_default_na=False)
    out = {}
    for var, rows in m.groupby("variable", sort=False):
        names = tuple(str(var).split(":"))
        cells = tuple(
            (tuple(str(lv).split(":")), float(t))
            for lv, t in zip(rows["level"], rows["total"], strict=True)
        )
        out[str(var)] = Margin(names, cells)
    return out


def spec(design: str) -> tuple[str, CalibrationSpec]:
    mg = margins()
    api99 = mg["api99"].cells[0][1]
    three = (mg["stype_c"], mg["both"], mg["mealcat"])
    greg = {"method": "calibrate", "margins": three, "numeric": (("api99", api99),)}
    cases: dict[str, tuple[str, dict]] = {
        "ps": ("clus1", {"method": "poststratify", "margins": (mg["stype_c"],)}),
        "ps_crossed": ("clus1", {"method": "poststratify", "margins": (mg["stype_c:both"],)}),
        "rake": ("clus1", {"method": "rake", "margins": three}),
        "rake_strat": ("strat", {"method": "rake", "margins": (mg["both"], mg["mealcat"])}),
        "rake_trim": (
            "clus1",
            {"method": "rake", "margins": three, "trim": (TRIM["lower"], TRIM["upper"])},
        ),
        "greg": ("clus1", greg),
        "greg_bounds": ("clus1", {**greg, "bounds": (0.4, 1.6)}),
        "raking_cal": (
            "strat",
            {"method": "calibrate", "margins": (mg["both"], mg["mealcat"]), "calfun": "raking"},
        ),
        "logit_cal": (
            "clus1",
            {"method": "calibrate", "margins": three, "calfun": "logit", "bounds": (0.6, 1.6)},
        ),
        "greg_trim": (
            "strat",
            {
                "method": "calibrate",
                "margins": (mg["both"], mg["mealcat"]),
                "numeric": (("api99", api99),),
                "trim": (20.0, 40.0),
                "trim_strict": True,
            },
        ),
    }
    data, kw = cases[design]
    return data, CalibrationSpec(**kw)


def api_frame(design: str) -> AnalysisFrame:
    data, cal = spec(design)
    raw = pd.read_csv(REF / f"api_calib_{data}.csv")
    df = pd.DataFrame(
        {
            "_weight": raw["pw"],
            "_group": raw["grp"].astype(str),
            "yr": raw["yr"].astype(str),
            "_psu": raw["dnum"] if data == "clus1" else np.arange(len(raw)),
            "_stratum": "1" if data == "clus1" else raw["stype"],
            "snum": raw["snum"],
        }
    )
    for v in CAL_VARS:
        df[f"_cal_{v}"] = raw[v] if v == "api99" else raw[v].astype(str)
    for ind, src, _ in INDICATORS:
        df[ind] = raw[src].astype(float)
    df["api_stu__den"] = raw["enroll"].astype(float)
    ds = DesignSpec(has_strata=data == "strat", has_psu=data == "clus1", calibration=cal)
    inds = [
        IndicatorSpec(i, i, "2", "household", s, disaggregations=("yr",))  # type: ignore[arg-type]
        for i, _, s in INDICATORS
    ]
    return AnalysisFrame(
        units={"household": UnitFrame("household", df, ds)},
        groups=[
            GroupSpec("E", "Elementary", "displaced"),
            GroupSpec("M", "Middle", "displaced"),
            GroupSpec("H", "High", "comparator"),
        ],
        disaggregations=[DisaggregationSpec("yr", "Year-round", ("No", "Yes"))],
        indicators=inds,
    )


DESIGNS = list(dict.fromkeys(GOLD["design"]))


@pytest.mark.parametrize("design", DESIGNS)
def test_stats_calibrated_weights_match_r(design: str) -> None:
    from workbench.stats.calibration import calibrate_weights
    from workbench.stats.design import build_design

    f = api_frame(design)
    uf = f.units["household"]
    out = calibrate_weights(uf.frame, build_design(uf.frame, uf.design), uf.design.calibration)
    gold = GOLD_W[GOLD_W["design"] == design]
    assert (gold["snum"].to_numpy() == uf.frame["snum"].to_numpy()).all()
    # GREG with a numeric total (api99 ~ 600 beside 0/1 columns) is the worst conditioned: the
    # weights agree to ~2e-11 there, to rounding elsewhere
    np.testing.assert_allclose(out.weights, gold["weight"], rtol=1e-10)


@pytest.mark.parametrize("design", DESIGNS)
def test_stats_calibrated_estimates_match_r(design: str) -> None:
    f = api_frame(design)
    c = assert_matches_r(
        f, analyze(f), GOLD[GOLD["design"] == design], GOLD_CMP[GOLD_CMP["design"] == design]
    )
    np.testing.assert_allclose(c["p_value"], c["p_value_r"], rtol=1e-6, atol=1e-12)


def assert_matches_r(
    frame: AnalysisFrame, res: AnalysisResults, gold: pd.DataFrame, gold_cmp: pd.DataFrame
) -> pd.DataFrame:
    """Estimates (medians included), SEs, n and df, then differences and their SEs, against
    R's (``v``/``stat``/``group``/``level`` keyed golden rows); returns the merged comparisons —
    the engine's contrasts of every statistic, totals' included (golden_contrasts.py)."""
    est = res.estimates.assign(level=lambda d: d["disaggregation_value"])
    gold = gold.copy()
    gold["indicator_id"] = [GOLDEN_ID[(v, s)] for v, s in zip(gold["v"], gold["stat"], strict=True)]
    m = gold.merge(est, on=["indicator_id", "group", "level"], suffixes=("_r", ""), how="left")
    assert len(m) == len(gold) and m["estimate"].notna().all()
    np.testing.assert_allclose(m["estimate"], m["estimate_r"], rtol=1e-12, atol=1e-9)
    has_se = m["se_r"].notna()
    assert has_se.sum() > 0.9 * len(m)
    np.testing.assert_allclose(m.loc[has_se, "se"], m.loc[has_se, "se_r"], rtol=1e-7, atol=1e-12)
    lin = m["stat"] != "median"
    # a median's n counts every row with a non-zero weight (R's qrule drops zeros only)
    assert (m.loc[lin, "n"] == m.loc[lin, "n_r"]).all()
    assert (m.loc[lin, "df"] == m.loc[lin, "df_r"]).all()
    cmp_ = checked_contrasts(frame, res)
    c = gold_cmp.merge(
        cmp_,
        left_on=["v", "group", "level"],
        right_on=["indicator_id", "group", "level"],
        suffixes=("_r", ""),
        how="left",
    )
    assert len(c) > 0 and c["difference"].notna().all()
    # differences of two totals near 10⁶ lose a few digits to cancellation (7e-12 relative)
    np.testing.assert_allclose(c["difference"], c["difference_r"], rtol=1e-10, atol=1e-9)
    np.testing.assert_allclose(c["se_difference"], c["se_difference_r"], rtol=1e-7)
    return c
