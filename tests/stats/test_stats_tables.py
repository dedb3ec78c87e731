"""Stock tables, disclosure flags, criterion summary, publishable() and export."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from stats_synth import frame, households

from workbench.errors import StatsError
from workbench.export_writer import AuditList
from workbench.stats import analyze
from workbench.stats.disclosure import PRESETS, flags
from workbench.stats.export import write_results
from workbench.stats.options import AnalysisOptions
from workbench.stats.results import STOCK_TOTAL, stock_margin
from workbench.stats.summary import criteria_summary


def test_stats_stock_totals_are_weighted_counts() -> None:
    df = households(500, 2)
    res = analyze(frame(df))
    st = res.stock
    kind = stock_margin(st)
    total = st[kind == "total"]
    st = st[kind == ""]
    one = st[(st["table"] == "by_sex") & (st["group"] == "1")].set_index("row_value")
    for sex in ("female", "male"):
        sel = (df["_group"] == "1") & (df["sex"] == sex)
        assert one.loc[sex, "estimate"] == pytest.approx(df.loc[sel, "_weight"].sum(), rel=1e-12)
        assert one.loc[sex, "n"] == sel.sum()
    two = st[st["table"] == "loc_sex"]
    assert set(two["col_var"]) == {"sex"} and len(two) == 3 * 2 * 2
    pooled = st[(st["table"] == "by_sex") & (st["group"] == "all_displaced")]["estimate"].sum()
    groups = st[(st["table"] == "by_sex") & st["group"].isin(["1", "2"])]["estimate"].sum()
    assert pooled == pytest.approx(groups, rel=1e-12)
    assert (st["se"] > 0).all() and set(st["flag"]) <= {"", "caution", "suppressed"}
    # one total row per table and group (pooled included): the group's weighted count of
    # units, the sum of its cells (no missing value here), with the engine's SE
    assert len(total) == 2 * 3 and set(total.loc[total["table"] == "loc_sex", "col_value"]) == {
        STOCK_TOTAL
    }
    for (tid, g), part in st.groupby(["table", "group"]):
        tot = total[(total["table"] == tid) & (total["group"] == g)].iloc[0]
        assert tot["estimate"] == pytest.approx(part["estimate"].sum(), rel=1e-12)
        sel = df["_group"].isin(["1", "2"]) if g == "all_displaced" else df["_group"] == g
        assert tot["estimate"] == pytest.approx(df.loc[sel, "_weight"].sum(), rel=1e-12)
        assert tot["n"] == sel.sum() and tot["se"] > 0 and tot["flag"] in ("", "caution")
        assert 0 < tot["se"] < part["se"].pow(2).sum() ** 0.5 * 3
        assert tot["row_rank"] > part["row_rank"].max()


GOLDEN_MARGINS = Path(__file__).parents[1] / "reference" / "golden_stock_margins.csv"


def test_stats_two_way_stock_tables_have_their_margins_as_r_estimates_them() -> None:
    """A two-way table (location × sex) has, per group and pooled, each row level's total over
    the sexes, each sex's total over the locations and the TOTAL, each R's svytotal on its own
    domain (make_golden_stock_margins.R): estimate, SE and n, a cell flagged like the others."""
    data = pd.read_csv(GOLDEN_MARGINS.parent / "stock_margins_data.csv", dtype={"_group": str})
    golden = pd.read_csv(GOLDEN_MARGINS, dtype=str)
    df = households(500, 2)
    # the file R read is this sample
    assert np.allclose(data["_weight"], df["_weight"], rtol=1e-14)
    assert (data[["_group", "sex", "location"]].to_numpy() == df[data.columns[3:]].to_numpy()).all()
    res = analyze(frame(df))
    st = res.stock[res.stock["table"] == "loc_sex"].astype({"row_value": str, "col_value": str})
    got = st.set_index(["group", "row_value", "col_value"])
    assert len(got) == len(golden) == 3 * 9  # 4 cells, 2 + 2 margins, the TOTAL
    for g in golden.itertuples(index=False):
        row = got.loc[(g.group, g.row_value, g.col_value)]
        assert row["estimate"] == pytest.approx(float(g.estimate), rel=1e-10), g
        assert row["se"] == pytest.approx(float(g.se), rel=1e-8), g
        assert row["n"] == int(g.n) and row["flag"] in ("", "caution", "suppressed")
    pairs = zip(st["row_value"], st["col_value"], strict=True)
    kinds = dict(zip(pairs, stock_margin(st), strict=True))
    assert kinds[("north", STOCK_TOTAL)] == "row" and kinds[(STOCK_TOTAL, "female")] == "col"
    assert kinds[(STOCK_TOTAL, STOCK_TOTAL)] == "total" and kinds[("north", "female")] == ""
    # in each group: a row level's cells, then its margin; the column margins, then the TOTAL
    one = st[st["group"] == "1"]
    assert list(zip(one["row_value"], one["col_value"], strict=True)) == [
        ("north", "female"), ("north", "male"), ("north", STOCK_TOTAL),
        ("south", "female"), ("south", "male"), ("south", STOCK_TOTAL),
        (STOCK_TOTAL, "female"), (STOCK_TOTAL, "male"), (STOCK_TOTAL, STOCK_TOTAL),
    ]  # fmt: skip


def test_stats_presets_follow_published_thresholds() -> None:
    n = np.array([4, 5, 24, 25, 49, 50, 200, 200, 200])
    cv = np.array([0.1] * 6 + [0.17, 0.34, 0.30])
    assert list(flags(n, cv, PRESETS["dhs"])) == ["suppressed"] * 3 + ["caution"] * 2 + [""] * 4
    assert list(flags(n, cv, PRESETS["minimal"])) == ["suppressed"] + [""] * 8
    assert list(flags(n, cv, PRESETS["statcan"]))[-3:] == ["caution", "suppressed", "caution"]
    assert list(flags(n, cv, PRESETS["nchs"]))[-3:] == ["", "caution", "caution"]


def test_stats_small_cells_suppressed_and_publishable_blanks_them() -> None:
    res = analyze(frame(households(150, 4)), AnalysisOptions(disclosure_preset="dhs"))
    est = res.estimates
    # a count is withheld where another estimate would be marked † (n < 50: disclosure.py)
    limit = np.where(est["statistic"] == "total", 50, 25)
    assert ((est["n"] < limit) == (est["flag"] == "suppressed")).all()
    pub = res.publishable()
    assert pub.estimates.loc[est["flag"] == "suppressed", "estimate"].isna().all()
    sup_cmp = res.comparisons["flag"] == "suppressed"
    # a count is never compared (population_total), withheld or not
    sup_cmp &= res.comparisons["not_compared_reason"] != "population_total"
    assert (res.comparisons.loc[sup_cmp, "assessment"] == "insufficient_data").all()
    custom = analyze(
        frame(households(150, 4)),
        AnalysisOptions(disclosure_preset="custom", suppress_below_n=2, caution_below_n=3),
    )
    assert (custom.estimates["flag"] == "suppressed").sum() < (est["flag"] == "suppressed").sum()


def test_stats_assessment_respects_direction_and_summary_rating() -> None:
    f = frame(households(3000, 5))
    # a neutral share that differs between groups: the food indicator without a direction
    spec = next(i for i in f.indicators if i.id == "food")
    f.indicators.append(dataclasses.replace(spec, id="food_n", direction="neutral"))
    uf = f.units["household"]
    uf.frame = uf.frame.assign(food_n=uf.frame["food"])
    res = analyze(f, AnalysisOptions(disclosure_preset="minimal"))
    cmp_ = res.comparisons.set_index(["indicator_id", "group", "disaggregation"])
    food = cmp_.loc[("food", "all_displaced", "total")]  # displaced more food insecure
    tenure = cmp_.loc[("tenure", "all_displaced", "total")]  # displaced less secure tenure
    assert food["difference"] > 0 and food["assessment"] == "worse"
    assert tenure["difference"] < 0 and tenure["assessment"] == "worse"
    # a total (the neutral number of people) is described per group, never compared
    people = res.comparisons[res.comparisons["indicator_id"] == "size"]
    assert len(people) > 0 and (people["assessment"] == "not_compared").all()
    assert (people["not_compared_reason"] == "population_total").all()
    # a neutral indicator is described, not judged: the engine says "different" when significant
    size = res.comparisons[
        (res.comparisons["indicator_id"] == "food_n")
        & (res.comparisons["assessment"] != "insufficient_data")
    ]
    significant = size["p_value"] < 0.05
    assert significant.any()
    assert (size.loc[significant, "assessment"] == "different").all()
    assert (size.loc[~significant, "assessment"] == "no_significant_difference").all()
    assert "different" not in set(res.criteria_summary.columns)
    summ = res.criteria_summary.set_index(["criterion", "group"])
    assert summ.loc[("2", "all_displaced"), "rating"] == "red"
    assert summ.loc[("2", "all_displaced"), "worse"] == 1


def test_stats_summary_ratings() -> None:
    rows = [("1", "g", "better"), ("1", "g", "insufficient_data"), ("2", "g", "better"),
            ("3", "g", "insufficient_data"), ("4", "g", "worse")]  # fmt: skip
    cmp_ = pd.DataFrame(rows, columns=["criterion", "group", "assessment"]).assign(
        disaggregation="total"
    )
    got = criteria_summary(cmp_).set_index("criterion")["rating"].to_dict()
    assert got == {"1": "amber", "2": "green", "3": "grey", "4": "red"}


def test_stats_export_csv_and_xlsx(tmp_path) -> None:
    res = analyze(frame())
    sink = AuditList()
    out = write_results(res, tmp_path / "results.csv", audit=sink)
    back = pd.read_csv(out, keep_default_na=False)
    assert len(back) == len(res.estimates)
    for tag in ("comparisons", "summary", "solutions", "stock", "meta"):
        assert (tmp_path / f"results-{tag}.csv").exists()
    xl = write_results(res, tmp_path / "results.xlsx", audit=sink)
    sheets = pd.read_excel(xl, sheet_name=None, engine="openpyxl")
    assert {"estimates", "comparisons", "criteria_summary", "solutions", "stock", "meta"} <= set(
        sheets
    )
    with pytest.raises(StatsError, match=r"\.pdf"):
        write_results(res, tmp_path / "r.pdf", audit=sink)


def test_stats_meta_records_options_and_provenance() -> None:
    res = analyze(frame(), AnalysisOptions(alpha=0.1, proportion_ci="wald"))
    assert res.meta["alpha"] == 0.1 and res.meta["dataset_fingerprint"] == "test"
    assert res.meta["options"]["proportion_ci"] == "wald"
    assert res.meta["designs"]["household"]["df"] == 24 - 4
    assert res.meta["software"].startswith("ds-workbench")
    assert res.meta["solutions_subcriteria"] == ["2.1", "3.2", "4.1", "5.1"]


def test_stats_publishable_keeps_the_n_of_a_headline_published_as_a_bound() -> None:
    """Issue 20 (en_B 2, fr_B 7): "n assessable" was blank for every displaced group exactly
    where the solutions share is published as a bound ("< 0.5%"): the group's sample size, on
    which the bound rests, is not a withheld value. Its share and number stay withheld, and a
    withheld row without a bound keeps nothing."""
    from workbench.stats.results import AnalysisResults

    nan = float("nan")
    sol = pd.DataFrame(
        {
            "method": ["iris"] * 3,
            "group": ["1", "2", "3"],
            "disaggregation": ["total"] * 3,
            "disaggregation_value": [""] * 3,
            "share": [0.001, 0.002, 0.3],
            "se": [0.001, 0.001, 0.05],
            "ci_low": [0.0, 0.0, 0.2],
            "ci_high": [0.01, 0.01, 0.4],
            "number": [12.0, 30.0, 900.0],
            "number_se": [5.0, 9.0, 80.0],
            "n": [1.0, 2.0, 30.0],
            "n_assessable": [552.0, 923.0, 20.0],
            "flag": ["suppressed", "suppressed", "suppressed"],
            "share_below": [0.005, 0.005, nan],
        }
    )
    empty = pd.DataFrame()
    est = pd.DataFrame({"indicator_id": [], "group": [], "flag": []}, dtype=object)
    res = AnalysisResults(est, empty, empty, sol, empty, {}, None)
    pub = res.publishable().solutions
    assert pub["n_assessable"].tolist()[:2] == [552.0, 923.0]
    assert np.isnan(pub["n_assessable"].iloc[2])  # no bound: withheld with its value
    for col in ("share", "se", "ci_low", "ci_high", "number", "number_se", "n"):
        assert pub[col].isna().all(), col
    assert pub["share_below"].tolist()[:2] == [0.005, 0.005]


def test_stats_the_stock_gives_the_idps_alone_when_the_plan_names_returnees() -> None:
    """Issue 20: the stock counts IDPs and returnees; readers wanted the IDPs' own figure. With
    group 2 marked returnees, the IDPs alone are group 1: the same domain total, SE and n as
    its stock total; a plan without returnees gets none; a withheld group total withholds it."""
    df = households(500, 2)
    base = frame(df)
    assert analyze(base).meta["stock_idps"] == {}
    groups = tuple(dataclasses.replace(g, returnees=g.code == "2") for g in base.groups)
    res = analyze(dataclasses.replace(base, groups=groups))
    alone = res.meta["stock_idps"]
    assert set(alone) == {"by_sex", "loc_sex"}
    st = res.stock
    for tid, value in alone.items():
        tot = st[(st["table"] == tid) & (st["group"] == "1") & (stock_margin(st) == "total")]
        tot = tot.iloc[0]
        assert value["groups"] == ["1"]
        assert value["estimate"] == pytest.approx(tot["estimate"], rel=1e-12)
        assert value["se"] == pytest.approx(tot["se"], rel=1e-9) and value["n"] == tot["n"]
        assert value["ci_low"] < value["estimate"] < value["ci_high"]
    from workbench.stats.stock import idp_totals

    hidden = st.copy()
    hidden.loc[(hidden["group"] == "2") & (stock_margin(hidden) == "total"), "flag"] = "suppressed"
    frame2 = dataclasses.replace(base, groups=groups)
    kept = idp_totals(frame2, AnalysisOptions(), PRESETS["dhs"], hidden)
    assert all(v["estimate"] is None and v["flag"] == "suppressed" for v in kept.values())
    # withheld only because group 2's total is: a complement, marked "(*)" in the report
    assert all(v["suppression"] == "complementary" for v in kept.values())
    assert all(v["suppression"] == "" for v in alone.values())  # published
