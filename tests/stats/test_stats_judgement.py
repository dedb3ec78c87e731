"""Judging gaps: minimum important differences, equivalence, comparisons that cannot be made,
multiple comparisons deciding when asked, and the criterion rating rules."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from tests.stats import stats_synth
from workbench.errors import StatsError
from workbench.stats import analyze
from workbench.stats.judgement import assess, equivalence_p
from workbench.stats.options import AnalysisOptions
from workbench.stats.results import GROUP_TOTAL
from workbench.stats.summary import ASSESSED, criteria_summary


def _with(frame, **per_id):  # type: ignore[no-untyped-def]
    inds = [dataclasses.replace(i, **per_id.get(i.id, {})) for i in frame.indicators]
    return dataclasses.replace(frame, indicators=inds)


def test_stats_assess_needs_significance_and_size() -> None:
    diff = np.array([0.10, 0.03, -0.08, 0.01, 0.02, 0.06])
    p = np.array([0.001, 0.001, 0.001, 0.60, 0.30, 0.01])
    p_eq = np.array([0.9, 0.2, 0.9, 0.01, 0.3, 0.9])
    mid = np.array([0.05, 0.05, 0.05, 0.05, 0.05, np.nan])
    direction = np.array(["higher_is_worse"] * 3 + ["higher_is_better", "neutral", "neutral"])
    got = assess(diff, p, p_eq, mid, direction, 0.05)
    # the fifth: not significant, not shown within its 5-point margin (TOST p 0.3)
    assert list(got) == [
        "worse", "small_difference", "better", "equivalent", "inconclusive", "different",
    ]  # fmt: skip


def _tost(d: list[float], se: list[float], mid: list[float], df: float = 200.0):  # type: ignore[no-untyped-def]
    """(diff, two-sided p, TOST p, margin) of constructed gaps, as comparisons.py computes."""
    from workbench.stats.tdist import two_sided_p

    diff, s, m = np.array(d), np.array(se), np.array(mid)
    dfs = np.full_like(diff, df)
    return diff, two_sided_p(diff / s, dfs), equivalence_p(diff, s, m, dfs), m


def test_stats_assess_four_way_reading() -> None:
    """Issue 20 (rd17 p.23, "Victims of violence who reported it"): a gap of −19.5 pp with p ≈ 0.1
    and a 5-point minimum was "No significant difference" and read as "no gap"; its interval
    reaches far past the minimum, so it is inconclusive. Significant & ≥ m: worse / better;
    significant & < m: small difference; not significant & inside ±m: equivalent; not
    significant & reaching ±m: inconclusive; without a minimum: no significant difference."""
    # se for p ≈ 0.1 at d = −0.195: |t| = 1.653 (df 200)
    diff, p, p_eq, mid = _tost(
        [-0.195, 0.009, -0.195, 0.30, 0.02, 0.049, 0.03],
        [0.118, 0.005, 0.118, 0.05, 0.005, 0.02, 0.03],
        [0.05, 0.05, np.nan, 0.05, 0.05, 0.05, 0.05],
    )
    assert 0.09 < p[0] < 0.11 and p_eq[0] > 0.5  # the p.23 case
    assert p[1] > 0.05 and p_eq[1] < 0.05  # tight around 0.9 pp: inside ±5 pp
    direction = np.array(["higher_is_better"] * 7)
    got = list(assess(diff, p, p_eq, mid, direction, 0.05))
    assert got == [
        "inconclusive",  # d −19.5, p ≈ 0.1, m 5: a gap that matters is not ruled out
        "equivalent",  # d 0.9, tight: shown within ±5
        "no_significant_difference",  # no minimum: nothing to judge the gap against
        "better",  # significant, ≥ m
        "small_difference",  # significant, < m
        "small_difference",  # d 4.9, se 2: significant, < m (its interval reaches m)
        "inconclusive",  # d 3, se 3: not significant, its interval reaches +5
    ]
    # complementary: every non-significant gap with a minimum and a TOST p is one or the other,
    # decided by the (1 − 2α) interval: inside (−m, m) ⇔ equivalent
    rng = np.random.default_rng(7)
    d = rng.normal(0, 0.08, 400)
    s = rng.uniform(0.005, 0.1, 400)
    dd, pp, pe, mm = _tost(list(d), list(s), [0.05] * 400)
    out = assess(dd, pp, pe, mm, np.array(["higher_is_worse"] * 400), 0.05)
    quiet = pp >= 0.05
    from workbench.stats.tdist import t_crit

    t90 = t_crit(0.10, np.full(400, 200.0))
    inside = (dd - t90 * s > -0.05) & (dd + t90 * s < 0.05)
    assert set(out[quiet]) <= {"equivalent", "inconclusive"}
    assert ((out == "equivalent") == (quiet & inside)).all()
    assert ((out == "inconclusive") == (quiet & ~inside)).all()
    # with the equivalence option off, "equivalent" is not claimed, inconclusive stays
    off = assess(dd, pp, pe, mm, np.array(["higher_is_worse"] * 400), 0.05, equivalence=False)
    assert ((off == "inconclusive") == (out == "inconclusive")).all()
    assert (off[out == "equivalent"] == "no_significant_difference").all()


def test_stats_equivalence_p_is_the_larger_one_sided_p() -> None:
    # d = 0, se = 0.01, m = 0.05, df = 1e6: both one-sided z = 5 → p ≈ 2.87e-7
    p = equivalence_p(np.array([0.0, 0.04]), np.array([0.01, 0.01]), np.array([0.05] * 2),
                      np.array([1e6] * 2))  # fmt: skip
    assert p[0] == pytest.approx(2.8665e-7, rel=1e-3)
    assert p[1] == pytest.approx(0.1587, rel=1e-3)  # z = 1 on the upper side


def test_stats_min_important_difference_turns_small_gaps_into_small_difference() -> None:
    f = stats_synth.frame(stats_synth.households(n=4000, seed=3))
    plain = analyze(f, AnalysisOptions(substantive=False)).comparisons
    big = _with(f, food={"min_important_difference": 0.5}, tenure={"min_important_difference": 0.5})
    res = analyze(big).comparisons
    key = ["indicator_id", "group", "disaggregation", "disaggregation_value"]
    m = plain.merge(res, on=key, suffixes=("_plain", ""))
    was_judged = m["assessment_plain"].isin(["worse", "better"]) & m["indicator_id"].isin(
        ["food", "tenure"]
    )
    assert was_judged.sum() > 3
    # a gap of 15 points is significant but below a 50-point margin
    assert (m.loc[was_judged, "assessment"] == "small_difference").all()
    assert (m.loc[m["indicator_id"] == "food", "min_important_difference"] == 0.5).all()
    # indicators without a margin are judged as before
    other = m["indicator_id"].isin(["income"])
    assert (m.loc[other, "assessment"] == m.loc[other, "assessment_plain"]).all()


def test_stats_equivalence_shows_no_gap() -> None:
    df = stats_synth.households(n=6000, seed=5)
    rng = np.random.default_rng(1)
    df["same"] = (rng.random(len(df)) < 0.4).astype(float)  # no gap at all
    f = stats_synth.frame(df)
    same = dataclasses.replace(
        f.indicators[0], id="same", title="Same", min_important_difference=0.1,
        disaggregations=(),
    )  # fmt: skip
    f = dataclasses.replace(f, indicators=[*f.indicators, same])
    cmp_ = analyze(f).comparisons
    tot = cmp_[(cmp_["indicator_id"] == "same") & (cmp_["disaggregation"] == GROUP_TOTAL)]
    assert (tot["assessment"] == "equivalent").all()
    assert (tot["equivalence_p"] < 0.05).all()
    off = analyze(f, AnalysisOptions(equivalence=False)).comparisons
    off_tot = off[(off["indicator_id"] == "same") & (off["disaggregation"] == GROUP_TOTAL)]
    assert (off_tot["assessment"] == "no_significant_difference").all()
    assert off_tot["equivalence_p"].isna().all()


def test_stats_not_compared_by_definition_and_when_comparator_is_outside_universe() -> None:
    df = stats_synth.households(n=2000, seed=7)
    df["since"] = np.where(df["_group"] == "3", np.nan, (df["_hh"] % 3 == 0).astype(float))
    f = stats_synth.frame(df)
    since = dataclasses.replace(f.indicators[0], id="since", title="Since displacement")
    f = dataclasses.replace(f, indicators=[*f.indicators, since])
    f = _with(f, docs={"comparable": False})
    res = analyze(f)
    cmp_ = res.comparisons
    docs = cmp_[cmp_["indicator_id"] == "docs"]
    assert (docs["assessment"] == "not_compared").all()
    assert (docs["not_compared_reason"] == "by_definition").all()
    assert docs["difference"].isna().all() and docs["p_value"].isna().all()
    assert docs["estimate_group"].notna().all()  # still described for the displaced
    s = cmp_[cmp_["indicator_id"] == "since"]
    assert (s["assessment"] == "not_compared").all()
    assert (s["not_compared_reason"] == "comparator_empty").all()
    summ = res.criteria_summary
    assert summ.loc[summ["criterion"] == "5", "not_compared"].gt(0).all()
    assert summ.loc[summ["criterion"] == "5", "rating"].eq("grey").all()


def test_stats_a_total_is_described_for_every_group_not_judged() -> None:
    """A weighted total (how many people or households) of populations of different size says
    nothing about who is better off: no difference, test or assessment, not counted in the
    criterion's cell; every group's estimate (the comparator's too) is still published."""
    df = stats_synth.households(n=2000, seed=7)
    f = stats_synth.frame(df)
    df["count"] = df[f.indicators[0].id]
    f = stats_synth.frame(df)
    count = dataclasses.replace(
        f.indicators[0], id="count", title="Number with docs", statistic="total",
        disaggregations=(),
    )  # fmt: skip
    f = dataclasses.replace(f, indicators=[*f.indicators, count])
    res = analyze(f)
    cmp_ = res.comparisons
    c = cmp_[cmp_["indicator_id"] == "count"]
    assert not c.empty and (c["assessment"] == "not_compared").all()
    assert (c["not_compared_reason"] == "population_total").all()
    assert c["difference"].isna().all() and c["p_value"].isna().all()
    assert c["estimate_group"].notna().all()
    est = res.estimates
    comp = str(c["comparator"].iloc[0])
    host = est[(est["indicator_id"] == "count") & (est["group"] == comp)]
    assert host["estimate"].gt(0).all()
    # the same indicator as a share is judged, and only it is counted in the criterion's cell
    crit = f.indicators[0].criterion
    judged = cmp_[(cmp_["criterion"] == crit) & (cmp_["disaggregation"] == GROUP_TOTAL)]
    summ = res.criteria_summary
    for r in summ[summ["criterion"] == crit].itertuples(index=False):
        mine = judged[judged["group"] == r.group]
        assert int(r.not_compared) == int((mine["assessment"] == "not_compared").sum()) >= 1
        assert int(r.assessed) == int(mine["assessment"].isin(ASSESSED).sum())


def test_stats_adjusted_p_decides_only_when_asked() -> None:
    f = stats_synth.frame(stats_synth.households(n=900, seed=11))
    raw = analyze(f, AnalysisOptions(p_adjust="bonferroni", p_adjust_scope="plan"))
    adj = analyze(
        f, AnalysisOptions(p_adjust="bonferroni", p_adjust_scope="plan", use_adjusted_p=True)
    )
    c_raw, c_adj = raw.comparisons, adj.comparisons
    tested = c_raw["p_adjusted"].notna()
    assert (c_raw.loc[tested, "p_adjusted"] >= c_raw.loc[tested, "p_value"]).all()
    none = analyze(f, AnalysisOptions(p_adjust="none")).comparisons
    assert (c_raw["assessment"] == none["assessment"]).all()  # reported, not deciding
    flipped = (c_raw["assessment"] != c_adj["assessment"]).sum()
    assert flipped > 0
    # every flip is a significant raw p that the adjustment took above alpha
    diff = c_raw["assessment"] != c_adj["assessment"]
    assert (c_raw.loc[diff, "p_value"] < 0.05).all()
    assert (c_adj.loc[diff, "p_adjusted"] >= 0.05).all()


def _summary_input(worse: int, other: int, insufficient: int = 0) -> pd.DataFrame:
    rows = ["worse"] * worse + ["no_significant_difference"] * other
    rows += ["insufficient_data"] * insufficient
    return pd.DataFrame(
        {
            "criterion": "1",
            "group": "1",
            "disaggregation": GROUP_TOTAL,
            "assessment": rows,
        }
    )


@pytest.mark.parametrize(
    ("worse", "other", "insufficient", "rule", "rating"),
    [
        (1, 9, 0, "share_worse", "amber"),
        (5, 5, 0, "share_worse", "red"),
        (4, 6, 0, "share_worse", "amber"),
        (0, 10, 0, "share_worse", "inconclusive"),
        (0, 9, 1, "share_worse", "amber"),
        (0, 0, 3, "share_worse", "grey"),
        (1, 9, 0, "any_worse", "red"),
        (0, 9, 1, "any_worse", "amber"),
        (0, 3, 0, "any_worse", "inconclusive"),
    ],
)
def test_stats_rating_rules(worse: int, other: int, insufficient: int, rule: str, rating: str):
    s = criteria_summary(_summary_input(worse, other, insufficient), rule)
    assert s.loc[0, "rating"] == rating and s.loc[0, "rule"] == rule
    assessed = worse + other
    assert s.loc[0, "assessed"] == assessed
    if assessed:
        assert s.loc[0, "share_worse"] == pytest.approx(worse / assessed)


def test_stats_red_share_is_configurable_and_checked() -> None:
    s = criteria_summary(_summary_input(3, 7), "share_worse", red_share=0.3)
    assert s.loc[0, "rating"] == "red"
    with pytest.raises(StatsError) as err:
        AnalysisOptions(red_share=0.0)
    assert "0" in err.value.render("en")
    with pytest.raises(StatsError):
        AnalysisOptions(p_adjust="sidak")  # type: ignore[arg-type]


def test_stats_no_gap_only_when_every_indicator_was_shown_not_worse() -> None:
    """Issue 20: a cell none of whose indicators was significantly worse was rated green ("No
    significant gap", the good colour) even when none was shown equivalent — returnees'
    criterion 8 rested on one indicator at −7.1 pp, p 0.092, more than the 5 pp that matters.
    Green ("No gap") now needs each assessed indicator shown not worse (equivalent by TOST, or
    better); none worse but some neither is its own rating, inconclusive."""
    from workbench.stats.summary import ratings, shown_no_gap

    def frame(*assessments: str) -> pd.DataFrame:
        return pd.DataFrame(
            {"criterion": "1", "group": "1", "disaggregation": GROUP_TOTAL,
             "assessment": list(assessments)}
        )  # fmt: skip

    cases = {
        ("no_significant_difference",): "inconclusive",
        ("equivalent", "equivalent"): "green",
        ("equivalent", "better"): "green",
        ("better",): "green",
        ("equivalent", "no_significant_difference"): "inconclusive",
        ("equivalent", "small_difference"): "inconclusive",
        ("equivalent", "insufficient_data"): "amber",
        ("equivalent", "not_compared"): "green",  # not compared: not assessed, counted apart
        ("worse", "equivalent"): "red",
        ("inconclusive",): "inconclusive",
        ("equivalent", "inconclusive"): "inconclusive",
        ("better", "inconclusive"): "inconclusive",
        ("inconclusive", "insufficient_data"): "amber",
    }
    for rule in ("share_worse", "any_worse"):
        for assessments, want in cases.items():
            s = criteria_summary(frame(*assessments), rule)
            assert s.loc[0, "rating"] == want, (rule, assessments)
            assert bool(shown_no_gap(s).iloc[0]) == (want == "green"), (rule, assessments)
    # a run stored before the inconclusive rating (green meant "no significant gap") is
    # re-rated when read; one stored without the counts never claims "no gap"
    old = criteria_summary(frame("no_significant_difference"))
    old.loc[0, "rating"] = "green"
    assert ratings(old).tolist() == ["inconclusive"]
    shown = criteria_summary(frame("equivalent"))
    assert ratings(shown).tolist() == ["green"]
    bare = shown.drop(columns=["equivalent", "assessed"])  # before the equivalence test
    assert ratings(bare).tolist() == ["inconclusive"] and not shown_no_gap(bare).iloc[0]
    better = criteria_summary(frame("better", "better")).drop(columns=["equivalent", "assessed"])
    assert ratings(better).tolist() == ["green"]
    assert ratings(better.drop(columns=["better"])).tolist() == ["inconclusive"]
    red = criteria_summary(frame("worse"))
    assert ratings(red).tolist() == ["red"]


def test_stats_summary_counts_inconclusive_as_assessed_not_shown() -> None:
    """An inconclusive indicator is assessed (it is in the denominator of "worse/assessed") and
    not shown not worse: a cell of one equivalent and one inconclusive is not "No gap"; the
    count has its own column. A summary stored before the column is read as it was."""
    from workbench.stats.summary import ratings

    cmp_ = pd.DataFrame(
        {"criterion": "1", "group": "1", "disaggregation": GROUP_TOTAL,
         "assessment": ["worse", "inconclusive", "inconclusive", "equivalent"]}
    )  # fmt: skip
    s = criteria_summary(cmp_, "share_worse")
    assert s.loc[0, "inconclusive"] == 2 and s.loc[0, "assessed"] == 4
    assert s.loc[0, "share_worse"] == pytest.approx(0.25) and s.loc[0, "rating"] == "amber"
    none_worse = criteria_summary(cmp_.iloc[1:], "any_worse")
    assert none_worse.loc[0, "rating"] == "inconclusive" and none_worse.loc[0, "assessed"] == 3
    old = none_worse.drop(columns=["inconclusive"])  # a run stored before the code
    assert ratings(old).tolist() == ["inconclusive"]
    assert "inconclusive" in ASSESSED


def test_stats_comparisons_carry_the_tost_interval_that_decides() -> None:
    """rd18 (en p. 25): "No gap (equivalent)" is decided by the (1 − 2·alpha) = 90% interval of
    the gap, which the engine now stores beside the verdict (``tost_low`` / ``tost_high``: the
    difference ± qt(1 − alpha, df)·SE); equivalent rows lie inside ±minimum, inconclusive
    rows reach it; no interval without a minimum."""
    from workbench.stats.tdist import t_crit

    df = stats_synth.households(n=6000, seed=5)
    rng = np.random.default_rng(1)
    df["same"] = (rng.random(len(df)) < 0.4).astype(float)
    df["tight"] = df["same"]
    f = stats_synth.frame(df)
    same = dataclasses.replace(
        f.indicators[0], id="same", title="Same", min_important_difference=0.1,
        disaggregations=(),
    )  # fmt: skip
    tight = dataclasses.replace(same, id="tight", min_important_difference=0.001)
    f = dataclasses.replace(f, indicators=[*f.indicators, same, tight])
    cmp_ = analyze(f).comparisons
    tot = cmp_[cmp_["disaggregation"] == GROUP_TOTAL]
    s = tot[tot["indicator_id"] == "same"]
    half = t_crit(0.10, s["df"].to_numpy(float)) * s["se_difference"].to_numpy(float)
    np.testing.assert_allclose(s["tost_low"], s["difference"] - half, rtol=1e-12)
    np.testing.assert_allclose(s["tost_high"], s["difference"] + half, rtol=1e-12)
    assert (s["assessment"] == "equivalent").all()
    assert ((s["tost_low"] > -0.1) & (s["tost_high"] < 0.1)).all()
    t = tot[(tot["indicator_id"] == "tight") & (tot["assessment"] == "inconclusive")]
    assert len(t) and ((t["tost_low"] <= -0.001) | (t["tost_high"] >= 0.001)).all()
    # narrower than the 95% interval
    assert (s["tost_high"] - s["tost_low"] < s["ci_high"] - s["ci_low"]).all()
    none = tot[tot["min_important_difference"].isna()]
    assert len(none) and none["tost_low"].isna().all() and none["tost_high"].isna().all()
