"""Multiple comparisons and equivalence tests against R (tests/reference/make_golden_judge.R):
``p.adjust`` on test vectors and on the api comparisons family by family, TOST p-values."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from tests.stats.golden_contrasts import checked_contrasts
from tests.stats.test_stats_golden import REF, api_frame
from workbench.stats import analyze
from workbench.stats.frame import AnalysisFrame
from workbench.stats.multiplicity import P_ADJUST_METHODS, p_adjust
from workbench.stats.options import AnalysisOptions

PADJ = pd.read_csv(REF / "golden_padjust.csv", keep_default_na=False, na_values=["NA"])
API = pd.read_csv(REF / "golden_padjust_api.csv", keep_default_na=False, na_values=["NA"])
COMPARED = ("sw", "sw_na", "api00", "api_na", "enroll", "api_stu")


@pytest.mark.parametrize("method", P_ADJUST_METHODS.codes)
def test_stats_p_adjust_matches_r(method: str) -> None:
    for _, fam in PADJ.groupby("family"):
        got = p_adjust(fam["p"].to_numpy(), method)
        np.testing.assert_allclose(got, fam[method].to_numpy(), rtol=1e-14, atol=1e-300)


def compared_frame(design: str) -> AnalysisFrame:
    f = api_frame(design)
    inds = [
        dataclasses.replace(i, min_important_difference=0.05 if i.id in ("sw", "sw_na") else None)
        for i in f.indicators
        if i.id in COMPARED
    ]
    return dataclasses.replace(f, indicators=inds)


@pytest.mark.parametrize("design", ["strat", "clus1", "clus2"])
@pytest.mark.parametrize("method", ["holm", "BH"])
def test_stats_adjusted_p_values_match_r_per_family(design: str, method: str) -> None:
    frame = compared_frame(design)
    opts = AnalysisOptions(p_adjust=method, disclosure_preset="minimal")  # type: ignore[arg-type]
    res = analyze(frame, opts)
    cmp_ = res.comparisons.assign(level=res.comparisons["disaggregation_value"])
    gold = API[API["design"] == design]
    m = gold.merge(
        cmp_, left_on=["v", "group", "level"], right_on=["indicator_id", "group", "level"],
        suffixes=("_r", ""), how="left",
    )  # fmt: skip
    assert len(m) == len(gold) > 20
    # every contrast's p-value, the totals' included (computed, not published: golden_contrasts)
    con = gold.merge(
        checked_contrasts(frame, res, opts), left_on=["v", "group", "level"],
        right_on=["indicator_id", "group", "level"], suffixes=("_r", ""), how="left",
    )  # fmt: skip
    np.testing.assert_allclose(con["p_value"], con["p_value_r"], rtol=1e-6, atol=1e-12)
    # a total is in no family (R: NA adjusted p-values; the engine: not compared, untested)
    total = (m["v"] == "enroll").to_numpy()
    assert total.any() and m.loc[total, ["holm", "BH", "p_adjusted"]].isna().all().all()
    np.testing.assert_allclose(m.loc[~total, "p_value"], m.loc[~total, "p_value_r"], rtol=1e-6)
    # families the engine tested exactly as R did (same comparisons, every judged one with a
    # p-value)
    engine = cmp_.groupby(["group", "level"])["p_adjusted"].agg(lambda s: int(s.notna().sum()))
    r_size = m.groupby(["group", "level"])["p_adjusted"].agg(lambda s: int(s.notna().sum()))
    r_all = m[~total].groupby(["group", "level"]).size()
    same = engine.reindex(r_size.index).eq(r_size) & r_size.eq(r_all)
    full = pd.MultiIndex.from_frame(m[["group", "level"]]).isin(same[same].index)
    assert full.sum() >= len(m) // 3
    np.testing.assert_allclose(
        m.loc[full, "p_adjusted"], m.loc[full, method], rtol=1e-6, atol=1e-12
    )
    # TOST p-values of the proportions with a margin of 5 points
    eq = m[m["tost_p"].notna() & m["equivalence_p"].notna()]
    assert len(eq) > 5
    np.testing.assert_allclose(eq["equivalence_p"], eq["tost_p"], rtol=1e-6, atol=1e-12)
