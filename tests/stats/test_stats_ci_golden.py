"""Intervals of proportions by every svyciprop method, Korn–Graubard at the edges and log-scale
totals, against R survey 4.1.1 (tests/reference/make_golden_judge.R → golden_ciprop.csv)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from tests.stats.test_stats_golden import REF, api_frame
from workbench.stats import analyze
from workbench.stats.betadist import qbeta
from workbench.stats.frame import AnalysisFrame
from workbench.stats.options import AnalysisOptions

GOLD = pd.read_csv(REF / "golden_ciprop.csv", keep_default_na=False, na_values=["NA"])
ENGINE_METHOD = {"logit": "logit", "xlogit": "xlogit", "beta": "beta", "asin": "asin",
                 "mean": "wald"}  # fmt: skip


def ci_frame(design: str) -> AnalysisFrame:
    f = api_frame(design)
    df = f.units["household"].frame
    df["rare"] = (df["api00"] > 880).astype(float)
    stats = {"sw": "proportion", "sw_na": "proportion", "aw": "proportion", "rare": "proportion",
             "enroll": "total"}  # fmt: skip
    spec = f.indicators[0]
    inds = [dataclasses.replace(spec, id=i, title=i, statistic=s) for i, s in stats.items()]
    return dataclasses.replace(f, indicators=inds)


CASES = [(d, m) for d in ("strat", "clus1", "clus2") for m in ENGINE_METHOD]


@pytest.mark.parametrize(("design", "method"), CASES)
def test_stats_proportion_intervals_match_svyciprop(design: str, method: str) -> None:
    res = analyze(
        ci_frame(design),
        AnalysisOptions(proportion_ci=ENGINE_METHOD[method], disclosure_preset="minimal"),  # type: ignore[arg-type]
    )
    est = res.estimates.assign(level=res.estimates["disaggregation_value"])
    gold = GOLD[(GOLD["design"] == design) & (GOLD["method"] == method)]
    gold = gold[gold["source"] != "asin_folded"]  # R folds the angle back (docs/statistics.md)
    m = gold.merge(
        est, left_on=["v", "group", "level"], right_on=["indicator_id", "group", "level"],
        suffixes=("_r", ""), how="left",
    )  # fmt: skip
    assert len(m) == len(gold) > 20
    np.testing.assert_allclose(m["estimate"], m["estimate_r"], rtol=1e-12, atol=1e-12)
    assert (m["n"] == m["n_r"]).all() and (m["df"] == m["df_r"]).all()
    ok = m["ci_low_r"].notna()  # R's logit underflows to NaN when df = 1
    assert ok.sum() >= len(m) - 3
    # R's "logit" comes from svyglm's iterative fit (converged to ~1e-8): 1e-7 relative there;
    # every other method (closed forms, qbeta) to 1e-9
    rtol = 1e-7 if method == "logit" else 1e-9
    np.testing.assert_allclose(m.loc[ok, "ci_low"], m.loc[ok, "ci_low_r"], rtol=rtol, atol=1e-10)
    np.testing.assert_allclose(m.loc[ok, "ci_high"], m.loc[ok, "ci_high_r"], rtol=rtol, atol=1e-10)
    edges = m[m["source"] == "kg_edge"]
    assert len(edges) > 0, "the golden data must include estimates of exactly 0 or 1"
    # never degenerate: an estimate of 0 has a positive upper bound, 1 a lower bound below 1
    assert ((edges["ci_high"] > edges["ci_low"]) & (edges["ci_low"] <= edges["estimate"])).all()
    assert (edges["ci_high"] >= edges["estimate"]).all()


@pytest.mark.parametrize("design", ["strat", "clus1", "clus2"])
def test_stats_log_total_intervals_match_svycontrast(design: str) -> None:
    res = analyze(ci_frame(design), AnalysisOptions(total_ci="log", disclosure_preset="minimal"))
    est = res.estimates.assign(level=res.estimates["disaggregation_value"])
    gold = GOLD[(GOLD["design"] == design) & (GOLD["method"] == "log")]
    m = gold.merge(
        est, left_on=["v", "group", "level"], right_on=["indicator_id", "group", "level"],
        suffixes=("_r", ""), how="left",
    )  # fmt: skip
    assert len(m) == len(gold) > 5
    np.testing.assert_allclose(m["se"], m["se_r"], rtol=1e-7)
    np.testing.assert_allclose(m["ci_low"], m["ci_low_r"], rtol=1e-9)
    np.testing.assert_allclose(m["ci_high"], m["ci_high_r"], rtol=1e-9)
    assert (m["ci_low"] > 0).all()
    assert (m["n"] == m["n_r"]).all() and (m["df"] == m["df_r"]).all()


def test_stats_qbeta_matches_r_values() -> None:
    # R 4.2: qbeta(c(0.025, 0.975, 0.5, 0.025), c(3.2, 4.1, 0.5, 100), c(10.5, 2, 0.7, 1e4))
    r = [0.0592950905452219734, 0.9483861552852397292, 0.3610839131320439654,
         0.0080636952068187089]  # fmt: skip
    got = qbeta(np.array([0.025, 0.975, 0.5, 0.025]), np.array([3.2, 4.1, 0.5, 100.0]),
                np.array([10.5, 2.0, 0.7, 1e4]))  # fmt: skip
    np.testing.assert_allclose(got, r, rtol=1e-12)
    assert qbeta(0.025, 0.0, 5.0) == 0.0 and qbeta(0.975, 5.0, 0.0) == 1.0
