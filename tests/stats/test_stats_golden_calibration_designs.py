"""Calibrated multistage and replicate-weight designs against R survey 4.1.1
(tests/reference/make_golden_calibration_designs.R): a two-stage design with an FPC at each
stage (apiclus2) post-stratified, raked, GREG- and logit-calibrated (R residualises every row's
estimating function, then runs its multistage recursion); JK1 replicates made from apiclus1 and
supplied bootstrap replicates, post-stratified, raked and calibrated (R calibrates every
replicate's weights to the same totals). Weights, estimates, SEs (medians included) and
comparisons."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tests.stats.test_stats_golden_calibration import INDICATORS, assert_matches_r, margins
from workbench.errors import StatsError
from workbench.stats import analyze
from workbench.stats.calibration_spec import CalibrationSpec, Margin
from workbench.stats.context import build_context
from workbench.stats.frame import (
    AnalysisFrame,
    DesignSpec,
    DisaggregationSpec,
    GroupSpec,
    IndicatorSpec,
    ReplicateSpec,
    UnitFrame,
)
from workbench.stats.replicates import ReplicateDesign

REF = Path(__file__).resolve().parents[1] / "reference"
GOLD = pd.read_csv(REF / "golden_caldesigns_estimates.csv", keep_default_na=False, na_values=["NA"])
GOLD_CMP = pd.read_csv(REF / "golden_caldesigns_comparisons.csv")
GOLD_W = pd.read_csv(REF / "golden_caldesigns_weights.csv")
REPS = pd.read_csv(REF / "golden_caldesigns_replicates.csv").set_index("design")
DESIGNS = list(dict.fromkeys(GOLD["design"]))
CAL_VARS = ("stype_c", "both", "mealcat", "api99")


def cal_spec(design: str) -> CalibrationSpec:
    mg = margins()
    api99 = mg["api99"].cells[0][1]
    three = (mg["stype_c"], mg["both"], mg["mealcat"])
    method = design.split("_", 1)[1]
    kw: dict = {
        "ps": {"method": "poststratify", "margins": (mg["stype_c"],)},
        "rake": {"method": "rake", "margins": three},
        "greg": {"method": "calibrate", "margins": three, "numeric": (("api99", api99),)},
        "logit": {"method": "calibrate", "margins": three, "calfun": "logit", "bounds": (0.5, 2.5)},
        "raking_cal": {"method": "calibrate", "margins": three, "calfun": "raking"},
    }[method]
    return CalibrationSpec(**kw)


def frame(design: str, cal: CalibrationSpec | None = None) -> AnalysisFrame:
    kind = design.split("_", 1)[0]
    raw = pd.read_csv(REF / ("api_calib_clus2.csv" if kind == "ms" else "api_calib_clus1.csv"))
    df = pd.DataFrame(
        {
            "_weight": raw["pw"],
            "_group": raw["grp"].astype(str),
            "yr": raw["yr"].astype(str),
            "_psu": raw["dnum"],
            "_stratum": "1",
            "snum": raw["snum"],
        }
    )
    for v in CAL_VARS:
        df[f"_cal_{v}"] = raw[v] if v == "api99" else raw[v].astype(str)
    for ind, src, _ in INDICATORS:
        df[ind] = raw[src].astype(float)
    df["api_stu__den"] = raw["enroll"].astype(float)
    cal = cal_spec(design) if cal is None else cal
    if kind == "ms":
        df["_psu2"], df["_fpc"], df["_fpc2"] = raw["snum"], raw["fpc1"], raw["fpc2"]
        ds = DesignSpec(has_strata=False, has_fpc=True, stages=2, calibration=cal)
    elif kind == "jk1":
        ds = DesignSpec(has_strata=False, replicates=ReplicateSpec("jk1", generated=True),
                        calibration=cal)  # fmt: skip
    else:
        reps = pd.read_csv(REF / "caldesigns_rep_boot.csv")
        for r, col in enumerate(reps.columns, start=1):
            df[f"_rep{r}"] = reps[col].to_numpy()
        meta = REPS.loc["boot"]
        rs = ReplicateSpec("bootstrap", columns=reps.shape[1], scale=float(meta["scale"]))
        ds = DesignSpec(has_strata=False, replicates=rs, calibration=cal)
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


def _context(design: str, cal: CalibrationSpec | None = None):
    f = frame(design, cal)
    return build_context(f, f.units["household"], [])


@pytest.mark.parametrize("design", DESIGNS)
def test_stats_calibrated_design_weights_match_r(design: str) -> None:
    ctx = _context(design)
    gold = GOLD_W[GOLD_W["design"] == design]
    assert (gold["snum"].to_numpy() == ctx.df["snum"].to_numpy()).all()
    np.testing.assert_allclose(ctx.design.weights, gold["weight"], rtol=1e-10)
    if isinstance(ctx.design, ReplicateDesign):
        rd = ctx.design
        assert rd.calibration_meta is not None and rd.meta()["calibration"]["method"]
        ours = rd.weights[:, None] * rd.mult[rd.unit]  # (n, R)
        for col in ("rep_first", "rep_second", "rep_last"):  # R may order replicates otherwise
            want = gold[col].to_numpy()[:, None]
            err = np.abs(ours - want).max(axis=0) / np.abs(want).max()
            assert err.min() < 1e-10, col
    else:
        assert ctx.design.calibration is not None and ctx.design.stages == 2


@pytest.mark.parametrize("design", DESIGNS)
def test_stats_calibrated_design_estimates_match_r(design: str) -> None:
    gold, gold_cmp = GOLD[GOLD["design"] == design], GOLD_CMP[GOLD_CMP["design"] == design]
    f = frame(design)
    assert_matches_r(f, analyze(f), gold, gold_cmp)


def test_stats_calibration_changes_the_multistage_and_replicate_variance() -> None:
    """Calibrating is not a no-op on the variance: the calibrated SE of a mean correlated
    with the calibration variables differs from the uncalibrated design's."""
    for design in ("ms_rake", "jk1_rake"):
        cal = analyze(frame(design)).estimates
        plain_frame = frame(design)
        uf = plain_frame.units["household"]
        uf2 = UnitFrame("household", uf.frame, dataclasses.replace(uf.design, calibration=None))
        plain = analyze(dataclasses.replace(plain_frame, units={"household": uf2})).estimates
        key = ["indicator_id", "group", "disaggregation_value"]
        j = cal.merge(plain, on=key, suffixes=("", "_plain"))
        row = j[(j["indicator_id"] == "api00") & (j["group"] == "all_displaced")
                & (j["disaggregation_value"] == "total")].iloc[0]  # fmt: skip
        assert abs(row["se"] / row["se_plain"] - 1) > 0.01


def test_stats_replicate_calibration_refuses_trimming_and_empty_replicate_cells() -> None:
    spec = cal_spec("jk1_rake")
    with pytest.raises(StatsError) as e:
        _context("jk1_rake", dataclasses.replace(spec, trim=(10.0, 60.0)))
    assert e.value.code == "stats.calibration_trim_replicates"
    # a margin cell held by one district: the JK1 replicate that drops it has no weight there
    m = Margin(("cell",), ((("a",), 100.0), (("b",), 6000.0)))
    f = frame("jk1_ps", CalibrationSpec(method="poststratify", margins=(m,)))
    df = f.units["household"].frame
    df["_cal_cell"] = np.where(df["_psu"] == df["_psu"].iloc[0], "a", "b")
    with pytest.raises(StatsError) as e:
        build_context(f, f.units["household"], [])
    assert e.value.code == "stats.calibration_replicate_cell_empty"
