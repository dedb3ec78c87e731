"""Complementary suppression (issue 15, finding 1 and item 1) and the attack that checks it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from attacker import attack
from suppression_synth import camps_frame, small_cells_frame

from workbench.export_writer import AuditList
from workbench.stats import analyze
from workbench.stats.export import write_results
from workbench.stats.options import AnalysisOptions
from workbench.stats.results import ALL_DISPLACED, STOCK_TOTAL
from workbench.stats.suppression_audit import Relation, attack_bounds


def _rel(cells: list[int], coef: list[float], truth: np.ndarray) -> Relation:
    idx = np.array(cells)
    k = np.array(coef, dtype=float)
    return Relation(idx, k, float(k @ truth[idx]))


# ------------------------------------------------------------------ the attack itself
def test_stats_attack_one_subtraction_determines_a_lone_suppressed_cell() -> None:
    truth = np.array([790.33, 6230.67, 3746.89, 10767.89])  # camps, outside, returnees, all
    rels = [_rel([0, 1, 2, 3], [1, 1, 1, -1], truth)]
    unknown = np.array([True, False, False, False])
    lo, hi = attack_bounds(rels, truth, unknown, np.zeros(4), np.full(4, np.inf))
    assert lo[0] == pytest.approx(790.33) and hi[0] == pytest.approx(790.33)
    # rounded to whole numbers as the annex prints them, it is still 790 ± 1.5
    shown = np.round(truth)
    lo, hi = attack_bounds(rels, shown, unknown, np.zeros(4), np.full(4, np.inf), np.full(4, 0.5))
    assert 788 < lo[0] <= 790.33 <= hi[0] < 792
    # a second suppressed cell in the relation leaves only x + y = 4537.22
    unknown[2] = True
    lo, hi = attack_bounds(rels, truth, unknown, np.zeros(4), np.full(4, np.inf))
    assert lo[0] == 0 and hi[0] == pytest.approx(790.33 + 3746.89)


def test_stats_attack_eliminates_through_several_relations() -> None:
    # x + y = a, y + z = b, x + z = c: two unknowns in each relation, yet all three determined
    truth = np.array([5.0, 7.0, 11.0, 12.0, 18.0, 16.0])
    rels = [_rel([0, 1, 3], [1, 1, -1], truth), _rel([1, 2, 4], [1, 1, -1], truth)]
    rels.append(_rel([0, 2, 5], [1, 1, -1], truth))
    unknown = np.array([True, True, True, False, False, False])
    lo, hi = attack_bounds(rels, truth, unknown, np.zeros(6), np.full(6, np.inf))
    assert np.allclose(lo[:3], truth[:3]) and np.allclose(hi[:3], truth[:3])
    # with the published totals rounded to ±0.5 each cell is known to ±0.75 (½ Σ|λ|·0.5)
    lo, hi = attack_bounds(rels, truth, unknown, np.zeros(6), np.full(6, np.inf), np.full(6, 0.5))
    assert np.allclose(hi[:3] - lo[:3], 1.5)


def test_stats_attack_propagates_bounds_of_proportions() -> None:
    # W·p relation: 100·p1 + 10·p2 = 110·p_all; p2 ∈ [0, 1] pins p1 to within 0.1
    truth = np.array([0.5, 0.4, (50 + 4) / 110])
    rels = [_rel([0, 1, 2], [100, 10, -110], truth)]
    unknown = np.array([True, True, False])
    lo, hi = attack_bounds(rels, truth, unknown, np.zeros(3), np.ones(3))
    assert lo[0] == pytest.approx(0.44) and hi[0] == pytest.approx(0.54)
    assert lo[1] == 0 and hi[1] == 1


# ------------------------------------------------------------------ finding 1 (regression)
def test_stats_suppressed_stock_cell_cannot_be_recovered_by_subtraction(tmp_path) -> None:
    """Issue 15, finding 1: IDPs in camps × Disaster × 2018 = all − outside − returnees."""
    res = analyze(camps_frame(), AnalysisOptions(disclosure_preset="dhs"))
    st = res.stock
    cell = st[(st["row_value"] == "Disaster") & (st["col_value"] == "2018")].set_index("group")
    assert cell.loc["1", "n"] == 15 and cell.loc["1", "suppression"] == "primary"
    pub = res.publishable().stock
    pcell = pub[(pub["row_value"] == "Disaster") & (pub["col_value"] == "2018")].set_index("group")
    rebuilt = (
        pcell.loc[ALL_DISPLACED, "estimate"]
        - pcell.loc["2", "estimate"]
        - pcell.loc["3", "estimate"]
    )
    assert np.isnan(rebuilt), "the suppressed cell is one subtraction away"
    # each group's table has a total row, a cell of the relations (cells − total = 0)
    tid = cell["table"].iloc[0]
    totals = pub[(pub["table"] == tid) & (pub["row_value"] == STOCK_TOTAL)]
    assert set(totals["group"]) == set(cell.index)
    assert (cell["suppression"] == "complementary").sum() >= 1
    # the published file, attacked with every relation at once, leaves it wide open
    out = write_results(res.publishable(), tmp_path / "results.xlsx", audit=AuditList())
    found = attack(out, res)
    assert found.exposed(0.2).empty
    c = found.cells
    row = c[
        (c["table_name"] == "stock")
        & (c["group"] == "1")
        & (c["row_value"] == "Disaster")
        & (c["col_value"] == "2018")
    ]
    assert float(row["hi"].iloc[0] - row["lo"].iloc[0]) > 0.4 * 790
    meta = res.meta["suppression"]
    assert meta["by_table"]["stock"]["primary"] >= 1 and meta["complementary"] >= 1
    assert meta["exposed"] == 0 and res.snapshot is not None
    assert res.snapshot.suppression["complementary"] == meta["complementary"]


def test_stats_weighted_count_and_proportion_do_not_rebuild_a_group(tmp_path) -> None:
    """A published weighted count and proportion of every other group and of all displaced
    rebuild a suppressed group's proportion: W_all·p_all − Σ W_g·p_g."""
    frame = camps_frame()
    hh = frame.units["household"].frame
    hh.loc[(hh["_group"] == "1") & (hh.index % 20 != 0), "food"] = np.nan  # 21 of 415 answer
    res = analyze(frame, AnalysisOptions(disclosure_preset="dhs"))
    est = res.estimates
    tot = est[(est["disaggregation"] == "total")].set_index("group")
    assert tot.loc["1", "suppression"] == "primary"
    pub = res.publishable().estimates
    ptot = pub[pub["disaggregation"] == "total"].set_index("group")
    assert np.isnan(ptot.loc["1", "n_weighted"]), "weighted count of a suppressed cell published"
    w, p = ptot["n_weighted"], ptot["estimate"]
    rebuilt = (w[ALL_DISPLACED] * p[ALL_DISPLACED] - w["2"] * p["2"] - w["3"] * p["3"]) / (
        w[ALL_DISPLACED] - w["2"] - w["3"]
    )
    assert np.isnan(rebuilt)
    found = attack(write_results(res.publishable(), tmp_path / "r.xlsx", audit=AuditList()), res)
    assert found.exposed(0.2).empty


# ------------------------------------------------------------------ generated data
SLOW = pytest.mark.slow
# before the engine's audit was an LP, an LP attacker pinned primary cells in every one of
# these (by width: 12 in each seed-1 survey, 1 in NCHS seed 3; on either side: 6 to 21 each)
CASES = [
    ("dhs", 1),
    ("nchs", 3),
    pytest.param("statcan", 1, marks=SLOW),
    pytest.param("nchs", 1, marks=SLOW),
    pytest.param("statcan", 3, marks=SLOW),
    pytest.param("statcan", 4, marks=SLOW),
]


def _publish(res, path):
    return write_results(res.publishable(), path, audit=AuditList())


@pytest.mark.parametrize(("preset", "seed"), CASES)
def test_stats_attack_on_generated_small_cells(tmp_path, seed: int, preset: str) -> None:
    """An attacker with an LP solver, every relation of the published results file and side
    knowledge a reader may not have pins no primary suppression within the preset's protection
    ratio (on either side of its value)."""
    res = analyze(small_cells_frame(seed), AnalysisOptions(disclosure_preset=preset))
    meta = res.meta["suppression"]
    assert meta["primary"] > 5, "the generator should make many small cells"
    assert meta["exposed"] == 0
    found = attack(_publish(res, tmp_path / "r.xlsx"), res)
    ratio = res.snapshot.suppression["protection_ratio"]
    exposed = found.with_lp().exposed(ratio)
    assert exposed.empty, exposed[["table_name", "group", "truth", "lo", "hi"]].to_string()
    assert found.exposed(ratio).empty  # propagation is weaker: nothing either
    c = found.cells
    # a published solutions cell shown as its group's bound ("< 0.5%") is no suppression
    bounded = c["suppression"].astype(str) == "bounded"
    assert c.loc[bounded, "share_below"].notna().all()
    hidden = c[c["suppressed"] & (c["n"] > 0) & ~bounded]
    assert len(hidden) == meta["primary"] + meta["complementary"]
    assert 0 <= meta["complementary_lp"] <= meta["complementary"]


def test_stats_attack_needs_the_complements(tmp_path) -> None:
    """Without the complementary suppressions the same attack pins cells: the test can fail."""
    naive = analyze(small_cells_frame(1), AnalysisOptions(disclosure_preset="dhs"))
    ratio = naive.snapshot.suppression["protection_ratio"]
    assert naive.meta["suppression"]["complementary_lp"] > 0
    for table in ("estimates", "solutions", "stock"):
        df = getattr(naive, table)
        if len(df):
            df.loc[df["suppression"] == "complementary", "flag"] = ""
    found = attack(_publish(naive, tmp_path / "naive.xlsx"), naive)
    assert not found.exposed(ratio).empty
    assert len(found.with_lp().exposed(ratio)) >= len(found.exposed(ratio))


def test_stats_cases_of_suppressed_cells_are_not_published(tmp_path) -> None:
    """The unweighted count of a suppressed cell times a typical weight approximates its
    weighted count (a stock cell of 15 households at ~50 each is ~750): blank wherever a cell
    is suppressed, in every table and in the results file — but a complement of a statistic
    other than a total, whose cases are enough and tell nothing of its value; published cells
    keep theirs."""
    res = analyze(small_cells_frame(1), AnalysisOptions(disclosure_preset="dhs"))
    pub = res.publishable()
    for table, cols in (
        ("estimates", ["n"]),
        ("solutions", ["n", "n_assessable"]),
        ("stock", ["n"]),
    ):
        df, full = getattr(pub, table), getattr(res, table)
        sup = df["flag"] == "suppressed"
        assert sup.any() and (~sup).any(), table
        for col in cols:
            # a solutions headline published as a bound ("< 0.5%") keeps its number of
            # assessable households: they count the share's base (its denominator), not the
            # withheld number of households that passed (issue 20: "n assessable" was blank
            # exactly beside "< 0.5%")
            kept = sup & df["share_below"].notna() if col == "n_assessable" else sup & False
            if table == "estimates":
                # en_B 2: a complement "(*)" of a share, mean or ratio keeps its cases (enough
                # by definition; no estimate in them) — not a total's, nor a primary's
                comp = df["suppression"] == "complementary"
                kept = sup & comp & (df["statistic"] != "total")
                assert kept.any() and (sup & ~kept).any()
            assert df.loc[sup & ~kept, col].isna().all(), (table, col)
            assert (df.loc[kept, col] == full.loc[kept, col]).all(), (table, col)
            assert (df.loc[~sup, col] == full.loc[~sup, col]).all(), (table, col)
    path = write_results(pub, tmp_path / "r.xlsx", audit=AuditList())
    sheets = pd.read_excel(path, sheet_name=None, engine="calamine")
    stock = sheets["stock"]
    assert stock.loc[stock["flag"] == "suppressed", "n"].isna().all()


# ------------------------------------------------------------------ totals at the edge (issue 20)
def _edge_cells(value, n, primary, proportion, relation):
    """A one-relation decision problem (``relation``: coefficients over every cell)."""
    from workbench.stats.suppression_cells import Cells

    value = np.asarray(value, dtype=float)
    prop = np.full(value.size, proportion)
    lower, upper = np.zeros(value.size), np.where(prop, 1.0, np.inf)
    k = np.asarray(relation, dtype=float)
    return Cells(
        value=value, n=np.asarray(n, dtype=float), weight=np.asarray(n, dtype=float),
        suppressed=np.asarray(primary), empty=np.zeros(value.size, dtype=bool), proportion=prop,
        lower=lower, upper=upper, edge=(value == lower) | (value == upper),
        slices={"estimates": slice(0, value.size)},
        relations=[Relation(np.arange(value.size), k, float(k @ value))],
    )  # fmt: skip


@pytest.mark.parametrize(
    ("value", "proportion", "coef"),
    [
        ([0.0, 0.0, 0.0, 0.0], False, [1, 1, 1, -1]),  # counts: all displaced 0 = 0 + 0 + 0
        ([1.0, 1.0, 1.0, 1.0], True, [100, 50, 30, -180]),  # shares: a pooled 100%
    ],
)
def test_stats_a_total_at_its_edge_does_not_give_its_parts_away(value, proportion, coef) -> None:
    """Issue 20: the solutions breakdown hid small groups' shares beside a published "All
    displaced 0.0%" — a total of 0 of non-negative parts says every part is 0 (a pooled 100%:
    every part 100%), while the audit said nothing could be recovered. The smallest group is a
    primary suppression; its complement must be the total (hiding another part at the edge
    pins both), and the attack then cannot bound it within the protection level."""
    from workbench.stats.suppression import decide

    n, primary = [12, 60, 70, 142], [True, False, False, False]
    cells = _edge_cells(value, n, primary, proportion, coef)
    d = decide(cells, 0.2)
    hidden = cells.suppressed | d.complementary
    assert hidden[3] and d.exposed == 0  # the total, not the next-smallest part at the edge
    upper = np.where(cells.proportion, 1.0, np.inf)
    lo, hi = attack_bounds(cells.relations, cells.value, hidden, cells.lower, upper)
    if proportion:
        assert lo[0] <= 1 - 0.2 * 0.01  # a share of 100% can be read as lower
    else:
        assert hi[0] >= 0.2  # a count of 0 can be read as higher
    # two parts at the edge suppressed beside a published total at the edge: both still pinned
    both = _edge_cells(value, n, [True, True, False, False], proportion, coef)
    d2 = decide(both, 0.2)
    assert d2.complementary[3] and d2.exposed == 0


# ------------------------------------------------------------------ cheapest complements (issue 20)
def _demo_stock_cells():
    """The demo's stock-table cells as the engine saw them before complementary suppression
    (``tests/reference/freedonia_stock_cells.csv``: ``workbench demo`` of 6 December 2026 —
    each cell's weighted count, its cases and whether the thresholds suppressed it)."""
    from types import SimpleNamespace

    from workbench.stats.suppression_cells import build_cells

    stock = pd.read_csv(
        Path(__file__).resolve().parents[1] / "reference" / "freedonia_stock_cells.csv",
        dtype={"group": str, "row_value": str, "col_value": str},
        keep_default_na=False,
        na_values={"estimate": [""], "n": [""]},
    )
    stock["flag"] = np.where(stock["primary"] | ~(stock["n"] > 0), "suppressed", "")
    frame = SimpleNamespace(
        displaced=[SimpleNamespace(code=g) for g in ("1", "2", "3")],
        stock_tables=[SimpleNamespace(id=t, unit="individual") for t in stock["table"].unique()],
    )
    keys = ["group", "disaggregation", "disaggregation_value"]
    est = pd.DataFrame(columns=["indicator_id", *keys, "statistic", "estimate", "n", "n_weighted"])
    sol = pd.DataFrame(columns=["method", *keys])
    return stock, build_cells(est, sol, stock, frame)  # type: ignore[arg-type]


def test_stats_a_pinned_small_cell_is_protected_by_an_interior_cell_not_the_group_size() -> None:
    """Issue 20: in the demo, IDPs in camps × Both × 2025 (5 cases) was pinned by its pooled,
    row and column relations; the LP audit's complements, each the nearest relation's
    cheapest, did not free it, until the last published cell of the group's table — the
    group's size — was withheld, then every table's total of each group and the whole camp /
    non-camp table (every cell "*", no primary in it). The complement is now the cheapest
    published cell that protects it: the groups' sizes and the camp / non-camp split are
    published, and every primary still reaches both protection levels under the exact LP
    attack on every relation."""
    from workbench.stats.suppression import decide
    from workbench.stats.suppression_lp import lp_bounds, protection_targets

    stock, cells = _demo_stock_cells()
    d = decide(cells, 0.2)
    primary = cells.suppressed & ~cells.empty
    hidden = primary | d.complementary
    assert primary.any() and d.exposed == 0
    size = (stock["row_value"] == STOCK_TOTAL) & (stock["col_value"] == STOCK_TOTAL)
    assert not hidden[size.to_numpy()].any(), "a group's size is withheld"
    camp = (stock["table"] == "location_type") & (stock["n"] > 0)
    assert not hidden[camp.to_numpy()].any(), "the camp / non-camp split is withheld"
    lo, hi = lp_bounds(cells.relations, cells.value, hidden, cells.lower, cells.upper)
    low, high = protection_targets(cells.value, cells.proportion, 0.2, cells.lower, cells.upper)
    tol = 1e-6 * np.maximum(1.0, np.abs(cells.value))
    assert (lo[primary] <= low[primary] + tol[primary]).all()
    assert (hi[primary] >= high[primary] - tol[primary]).all()


# ------------------------------------------------------------------ bounded breakdowns (issue 20)
def _no_passers_solutions():
    """A solutions table where no household passes (every number 0): group 1's women are too
    few (a primary suppression), so its headline and the pooled one are withheld and published
    as bounds, and one complement per breakdown hides a level ("Urban")."""
    n = {("1", "sex", "Female"): 10, ("1", "sex", "Male"): 190, ("1", "area", "Urban"): 100,
         ("1", "area", "Rural"): 100, ("2", "sex", "Female"): 150, ("2", "sex", "Male"): 150,
         ("2", "area", "Urban"): 120, ("2", "area", "Rural"): 180}  # fmt: skip
    for g in ("1", "2"):
        n[(g, "total", "total")] = n[(g, "sex", "Female")] + n[(g, "sex", "Male")]
    for g, d, v in list(n):
        if g == "1":
            n[(ALL_DISPLACED, d, v)] = n[("1", d, v)] + n[("2", d, v)]
    sol = pd.DataFrame(
        [
            {"method": "m", "group": g, "disaggregation": d, "disaggregation_value": v,
             "share": 0.0, "number": 0.0, "n_assessable": float(k),
             "flag": "suppressed" if k < 25 else ""}
            for (g, d, v), k in n.items()
        ]
    )  # fmt: skip
    return sol, sol["n_assessable"].to_numpy(float) * 10  # weighted: ten households a case


def test_stats_a_bounded_groups_breakdown_points_at_no_cell() -> None:
    """Issue 20: beside a headline published as "< 0.5%", the breakdown printed "0.0%" for
    every level but one complement per breakdown, "*" (Female, Urban, Bendeki …), and readers
    took those for where the households that passed are. Now every complement of that group's
    breakdowns is published as a bound too, and every published level below the group's
    bound reads that bound, not "0.0%"; the primary stays "*"; a group whose headline is
    published keeps its values; and the exact LP attack, reading every bound as a cap, still
    bounds the primary cell no tighter than its protection levels."""
    from types import SimpleNamespace

    from workbench.stats.suppression import complementary_suppression
    from workbench.stats.suppression_cells import build_cells
    from workbench.stats.suppression_lp import lp_bounds, protection_targets

    sol, weighted = _no_passers_solutions()
    frame = SimpleNamespace(
        displaced=[SimpleNamespace(code=g) for g in ("1", "2")], stock_tables=[]
    )
    keys = ["group", "disaggregation", "disaggregation_value"]
    est = pd.DataFrame(columns=["indicator_id", *keys, "statistic", "estimate", "n", "n_weighted"])
    stock = pd.DataFrame(columns=["table", "group", "row_value", "col_value", "estimate", "n"])
    rules = SimpleNamespace(protection_ratio=0.2)
    _, out, _, meta = complementary_suppression(est, sol, stock, frame, rules, weighted)  # type: ignore[arg-type]
    head = out[out["disaggregation"] == "total"].set_index("group")["share_below"]
    assert head["1"] == head[ALL_DISPLACED] == 0.005 and np.isnan(head["2"])
    parts = out[out["disaggregation"] != "total"]
    for g in ("1", ALL_DISPLACED):  # bounded headline: no level is "*" or an exact 0.0% ...
        own = parts[parts["group"] == g]
        primary = own["suppression"] == "primary"
        assert primary.sum() == (g == "1") and own.loc[primary, "share_below"].isna().all()
        assert (own.loc[~primary, "share_below"] == 0.005).all(), own
        assert (own.loc[~primary, "flag"] == "suppressed").all()
        assert set(own.loc[~primary, "suppression"]) == {"complementary", "bounded"}
    published = parts[parts["group"] == "2"]  # ... a published headline keeps its levels' values
    assert published["share_below"].isna().all() and (published["flag"] == "").all()
    assert meta["bounded"] == int(out["share_below"].notna().sum()) == 9
    assert meta["complementary"] == int((out["suppression"] == "complementary").sum())
    # the attack: every withheld or bounded cell unknown, each bound a cap on its number
    cells = build_cells(est, out.assign(flag=sol["flag"]), stock, frame)  # type: ignore[arg-type]
    below = out["share_below"].to_numpy(float)
    hidden = (out["flag"] == "suppressed").to_numpy()
    upper = np.where(np.isfinite(below), below * weighted, cells.upper)
    lo, hi = lp_bounds(cells.relations, cells.value, hidden, cells.lower, upper)
    low, high = protection_targets(cells.value, cells.proportion, 0.2, cells.lower, cells.upper)
    primary = (out["suppression"] == "primary").to_numpy()
    assert (lo[primary] <= low[primary] + 1e-9).all() and (
        hi[primary] >= high[primary] - 1e-9
    ).all()


def test_stats_a_bound_on_few_cases_keeps_its_caution_flag() -> None:
    """ar_B 2: "< 0.5%" on 25–49 households read as precise — the BOUNDED kind (and the
    complement's "suppressed") overwrote the thresholds' caution. The engine now keeps it with
    the bound: ``below_flag`` is "caution" on every bounded cell the thresholds marked caution
    (a complement and a published level alike), "" on the others; the value stays withheld."""
    from types import SimpleNamespace

    from workbench.stats.suppression import BELOW_FLAG, complementary_suppression

    n = {("1", "sex", "Female"): 10, ("1", "sex", "Male"): 190, ("1", "area", "Urban"): 40,
         ("1", "area", "Rural"): 30, ("1", "area", "Mixed"): 130, ("2", "sex", "Female"): 150,
         ("2", "sex", "Male"): 150, ("2", "area", "Urban"): 120, ("2", "area", "Rural"): 100,
         ("2", "area", "Mixed"): 80}  # fmt: skip
    for g in ("1", "2"):
        n[(g, "total", "total")] = n[(g, "sex", "Female")] + n[(g, "sex", "Male")]
    for g, d, v in list(n):
        if g == "1":
            n[(ALL_DISPLACED, d, v)] = n[("1", d, v)] + n[("2", d, v)]
    flag = {k: "suppressed" if k < 25 else "caution" if k < 50 else "" for k in n.values()}
    sol = pd.DataFrame(
        [
            {"method": "m", "group": g, "disaggregation": d, "disaggregation_value": v,
             "share": 0.0, "number": 0.0, "n_assessable": float(k), "flag": flag[k]}
            for (g, d, v), k in n.items()
        ]
    )  # fmt: skip
    frame = SimpleNamespace(
        displaced=[SimpleNamespace(code=g) for g in ("1", "2")], stock_tables=[]
    )
    keys = ["group", "disaggregation", "disaggregation_value"]
    est = pd.DataFrame(columns=["indicator_id", *keys, "statistic", "estimate", "n", "n_weighted"])
    stock = pd.DataFrame(columns=["table", "group", "row_value", "col_value", "estimate", "n"])
    rules = SimpleNamespace(protection_ratio=0.2)
    weighted = sol["n_assessable"].to_numpy(float) * 10
    _, out, _, _ = complementary_suppression(est, sol, stock, frame, rules, weighted)  # type: ignore[arg-type]
    bounded = out["share_below"].notna()
    few = (sol["flag"] == "caution") & bounded
    # both kinds of bounded cell on few cases: Rural (the complement) and Urban (published)
    assert set(out.loc[few, "suppression"]) == {"complementary", "bounded"}, out
    assert (out.loc[few, BELOW_FLAG] == "caution").all(), out
    assert (out.loc[bounded & ~few, BELOW_FLAG] == "").all()
    assert (out.loc[~bounded, BELOW_FLAG] == "").all()
    assert (out.loc[bounded, "flag"] == "suppressed").all()  # the value itself stays withheld


# ------------------------------------------------------------------ sibling tables (issue 20, rd19)
def _sibling_estimates():
    """Two indicators of one breakdown (levels A, B, C) asked of slightly different households:
    group 3's level A is too small in both (a primary suppression); groups 1 and 2 have about
    the same number of cases at level A, but which has fewer differs between the indicators
    (60 and 62 cases in one, 63 and 61 in the other)."""
    n_a = {"x": {"1": 60, "2": 62}, "y": {"1": 63, "2": 61}}
    rows = []
    for ind, k in n_a.items():
        n = {("1", "A"): k["1"], ("2", "A"): k["2"], ("3", "A"): 10}
        n |= {(g, lv): c for g, c in (("1", 90), ("2", 120), ("3", 80)) for lv in ("B", "C")}
        for g in ("1", "2", "3"):
            n[(g, "total")] = sum(n[(g, lv)] for lv in ("A", "B", "C"))
        for key in list(n):
            if key[0] == "1":
                n[(ALL_DISPLACED, key[1])] = sum(n[(g, key[1])] for g in ("1", "2", "3"))
        for (g, lv), c in n.items():
            dis = "total" if lv == "total" else "origin"
            value = 0.3 + 0.05 * "123".find(g[-1]) + 0.02 * "ABC".find(lv[-1])
            rows.append({"indicator_id": ind, "group": g, "disaggregation": dis,
                         "disaggregation_value": lv, "statistic": "proportion", "unit": "household",
                         "estimate": value, "n": float(c), "n_weighted": 10.0 * c,
                         "flag": "suppressed" if c < 25 else ""})  # fmt: skip
    return pd.DataFrame(rows)


def test_stats_sibling_tables_withhold_the_same_cells() -> None:
    """rd18/rd19 (en p. 49–52): the same district-of-origin cell read "(*)" in one HLP table and
    "3.8%" in the next, although both withheld the same primary cells: the complement was the
    cell with the fewest cases *in each indicator*, and the indicators, asked of a few different
    households, ranked two near-equal cells differently. The complement is now chosen by the
    breakdown × group × level's size (the most cases any indicator of the unit has there), so
    sibling tables with the same primaries withhold the same cells — and the LP attack still
    bounds no primary tighter than its protection levels."""
    from types import SimpleNamespace

    from workbench.stats.suppression import complementary_suppression
    from workbench.stats.suppression_cells import build_cells
    from workbench.stats.suppression_lp import lp_bounds, protection_targets

    est = _sibling_estimates()
    frame = SimpleNamespace(
        displaced=[SimpleNamespace(code=g) for g in ("1", "2", "3")], stock_tables=[]
    )
    keys = ["group", "disaggregation", "disaggregation_value"]
    sol = pd.DataFrame(columns=["method", *keys])
    stock = pd.DataFrame(columns=["table", "group", "row_value", "col_value", "estimate", "n"])
    rules = SimpleNamespace(protection_ratio=0.2)
    out, _, _, meta = complementary_suppression(est, sol, stock, frame, rules)  # type: ignore[arg-type]
    withheld = {
        ind: set(zip(part["group"], part["disaggregation_value"], part["suppression"], strict=True))
        for ind, part in out[out["suppression"] != ""].groupby("indicator_id")
    }
    assert ("3", "A", "primary") in withheld["x"] and meta["complementary"] > 0
    assert withheld["x"] == withheld["y"], withheld
    # level A's complement is group 2 in both: 62 cases at most, against group 1's 63
    assert ("2", "A", "complementary") in withheld["x"]
    # protection: the exact attack, every withheld cell unknown, reaches both protection levels
    cells = build_cells(est, sol, stock, frame)  # type: ignore[arg-type]
    hidden = (out["flag"] == "suppressed").to_numpy()
    lo, hi = lp_bounds(cells.relations, cells.value, hidden, cells.lower, cells.upper)
    low, high = protection_targets(cells.value, cells.proportion, 0.2, cells.lower, cells.upper)
    primary = (out["suppression"] == "primary").to_numpy()
    assert (lo[primary] <= low[primary] + 1e-9).all()
    assert (hi[primary] >= high[primary] - 1e-9).all()
