"""svyciprop(method = "likelihood") against R survey 4.1.1
(tests/reference/make_golden_ciprop_likelihood.R → golden_ciprop_likelihood.csv): three
linearisation designs and JK1 replicates, every group × year-round domain of four proportions."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from tests.stats.test_stats_ci_golden import ci_frame
from tests.stats.test_stats_golden import REF
from workbench.stats import analyze
from workbench.stats.ciprop_likelihood import _approx, _fmm_eval
from workbench.stats.frame import ReplicateSpec
from workbench.stats.options import AnalysisOptions

GOLD = pd.read_csv(REF / "golden_ciprop_likelihood.csv")


def _frame(design: str):
    if design != "jk1":
        return ci_frame(design)
    f = ci_frame("clus1")
    uf = f.units["household"]
    spec = dataclasses.replace(uf.design, replicates=ReplicateSpec("jk1", generated=True))
    return dataclasses.replace(f, units={"household": dataclasses.replace(uf, design=spec)})


@pytest.mark.parametrize("design", ["strat", "clus1", "clus2"])
def test_stats_likelihood_intervals_match_svyciprop(design: str) -> None:
    opts = AnalysisOptions(proportion_ci="likelihood", disclosure_preset="minimal")
    res = analyze(_frame(design), opts)
    est = res.estimates.assign(level=res.estimates["disaggregation_value"])
    gold = GOLD[GOLD["design"] == design]
    m = gold.merge(
        est, left_on=["v", "group", "level"], right_on=["indicator_id", "group", "level"],
        suffixes=("_r", ""), how="left",
    )  # fmt: skip
    assert len(m) == len(gold) > 20
    assert (m["n"] == m["n_r"]).all() and (m["df"] == m["df_r"]).all()
    # R leaves a bound NA when its profile does not reach the cut-off (df = 2): Korn–Graubard's
    for side in ("ci_low", "ci_high"):
        ok = m[f"{side}_r"].notna()
        assert ok.sum() >= len(m) - 2 and m[side].notna().all()
        # R interpolates a spline through a profile whose grid follows the fitted glm, so its
        # last digits follow the fit's: measured 2.1e-9 absolute at worst
        got, want = m.loc[ok, side], m.loc[ok, f"{side}_r"]
        np.testing.assert_allclose(got, want, rtol=1e-7, atol=3e-9)
    # not the logit interval under another name: asymmetric on the logit scale
    logit = analyze(_frame(design), dataclasses.replace(opts, proportion_ci="logit")).estimates
    assert not np.allclose(est["ci_low"].to_numpy(), logit["ci_low"].to_numpy(), equal_nan=True)


def test_stats_likelihood_intervals_of_replicate_designs() -> None:
    """R 4.1 gives NA on replicate designs (its dispersion is about n); the engine's interval
    is the same profile with the Pearson dispersion: finite, around the estimate, between
    0 and 1, near the replicate logit interval but not equal to it."""
    assert GOLD.loc[GOLD["design"] == "jk1", ["ci_low", "ci_high"]].isna().all().all()
    opts = AnalysisOptions(proportion_ci="likelihood", disclosure_preset="minimal")
    est = analyze(_frame("jk1"), opts).estimates
    logit = analyze(_frame("jk1"), dataclasses.replace(opts, proportion_ci="logit")).estimates
    prop = (est["statistic"] == "proportion") & (est["estimate"] > 0) & (est["estimate"] < 1)
    e, lo, hi = (est.loc[prop, c].to_numpy() for c in ("estimate", "ci_low", "ci_high"))
    assert prop.sum() > 20 and np.isfinite(lo).all() and np.isfinite(hi).all()
    assert ((lo < e) & (e < hi) & (lo > 0) & (hi < 1)).all()
    llo = logit.loc[prop, "ci_low"].to_numpy()
    assert np.median(np.abs(lo - llo)) < 0.03 and not np.allclose(lo, llo)


def test_stats_fmm_spline_and_approx_match_r() -> None:
    # R 4.2: x <- c(-1, -0.3, 0.2, 0.9, 1.7); y <- c(-2, -0.5, 0.1, 1.1, 2.9)
    #        s <- spline(x, y, n = 7); approx(s$y, s$x, xout = c(-1.3, 0.4, 2.2))$y
    x = np.array([-1.0, -0.3, 0.2, 0.9, 1.7])
    y = np.array([-2.0, -0.5, 0.1, 1.1, 2.9])
    xs = np.linspace(-1.0, 1.7, 7)
    ys = _fmm_eval(x, y, xs)
    r_ys = [-2.0, -0.90034923100828479, -0.24515993331777297, 0.28330175595011753,
            0.93180578383024693, 1.77556443387090868, 2.89999999999999991]  # fmt: skip
    np.testing.assert_allclose(ys, r_ys, rtol=1e-14, atol=1e-15)
    got = [_approx(ys, xs, v) for v in (-1.3, 0.4, 2.2)]
    r_got = [-0.71354541925267079, 0.43097746130291420, 1.41985944816349208]
    np.testing.assert_allclose(got, r_got, rtol=1e-14)
    assert np.isnan(_approx(ys, xs, 3.5))  # outside: NA as R's rule = 1
