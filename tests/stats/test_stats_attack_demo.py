"""The attacker test on the demo (issue 15, item 2): the Freedonia sample analysed with the bundled
plan as ``workbench demo`` does, then the published files are read back and attacked; the
issue's own example is checked on the annex CSV a reader would download."""

from __future__ import annotations

import csv
import re

import numpy as np
import pandas as pd
import pytest
from attacker import attack

pytestmark = pytest.mark.slow
PASS = "demo attack passphrase words"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """What ``workbench demo`` publishes, made by the demo's own steps (the bundled sample and
    plan, imported as the demo imports them) minus the PDF: the annex CSVs and the results file.
    The vault gets a cheap KDF to keep the test quick."""
    from workbench.cli.demo import _sample_files, import_freedonia
    from workbench.export_writer import AuditList
    from workbench.reporting.annex import export_annex
    from workbench.reporting.options import ReportOptions
    from workbench.service import Workbench
    from workbench.vault import KdfParams, Vault

    out = tmp_path_factory.mktemp("demo")
    vault = out / "freedonia.wbvault"
    Vault.create(vault, PASS, kdf=KdfParams(memory_kib=8192, iterations=1, lanes=1)).lock()
    hh, ind, plan, form = _sample_files()
    wb = Workbench()
    wb.open_vault(vault, PASS)
    try:
        import_freedonia(wb, hh, ind, form)
        rec, _ = wb.import_plan_file(plan, note="demo")
        run, _ = wb.analyze(rec.name, rec.version)
        internal = wb.load_results(run.id)
        wb.export_results(run.id, out / "freedonia-results.xlsx")
    finally:
        wb.lock()
    export_annex(
        internal, out / "freedonia-annex-csv", ReportOptions(hxl=True, language="en"),
        audit=AuditList(),
    )  # fmt: skip
    return out, internal


#: the annex's columns beside each count: its flag, its standard error, its interval and its n
ANNEX_NOT_COUNTS = (": flag", ": standard error", ": 95% CI low", ": 95% CI high", ": n")


def _csv(path):
    """The header, with a table's column variable taken off its columns ("Year of displacement:
    2012: flag" → "2012: flag"), and the data rows."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    header = rows[0]
    first = header[2]
    prefix = first[: first.index(": ") + 2] if ": " in first and not first.endswith(": n") else ""
    header = [h[len(prefix) :] if prefix and h.startswith(prefix) else h for h in header]
    return header, [r for r in rows[1:] if not r[0].startswith("#")]


#: the marks of a withheld count: too few cases, withheld as a complement, no case at all
WITHHELD = ("*", "(*)", "–")


def test_stats_demo_files_withstand_the_attack(demo) -> None:
    out, internal = demo
    found = attack(out / "freedonia-results.xlsx", internal)
    ratio = internal.snapshot.suppression["protection_ratio"]
    for by in (found, found.with_lp()):  # propagation, then the exact LP attack
        exposed = by.exposed(ratio)
        assert exposed.empty, exposed[["table_name", "group", "truth", "lo", "hi"]].to_string()
    meta = internal.meta["suppression"]
    # not the cells the publishable copy marks empty (a comparator outside an indicator's
    # universe by definition, f53500c): not applicable, not suppressed
    c = found.cells
    # nor the published solutions cells shown as their group's bound ("< 0.5%", issue 20)
    kind = c["suppression"].astype(str)
    hidden = c[c["suppressed"] & (c["n"] > 0) & ~kind.isin(["empty", "bounded"])]
    # 244 since the plan reads "don't know" and 9998 as not stated (no level of their own)
    assert len(hidden) == meta["primary"] + meta["complementary"] > 200
    assert found.relations > 1000
    # the example, on the annex CSV a reader downloads
    header, rows = _csv(out / "freedonia-annex-csv" / "annex-stock_cause_by_year.csv")
    col = header.index("2018: flag")  # each count has its flag in the next column
    disaster = {r[0]: r[col] for r in rows if r[1] == "Disaster"}
    assert disaster["IDPs in camps"] == "*"
    assert {r[0]: r[col - 1] for r in rows if r[1] == "Disaster"}["IDPs in camps"] == ""
    others = [disaster[g] for g in ("IDPs outside camps", "Returnees", "All displaced")]
    assert {"*", "(*)"} & set(others), f"IDPs in camps is one subtraction away: {others}"


def test_stats_demo_annex_hides_what_the_engine_hid(demo) -> None:
    """Every stock cell the engine suppressed prints * in the annex, and no other does."""
    out, internal = demo
    st = internal.stock
    for tid, part in st.groupby("table"):
        header, rows = _csv(out / "freedonia-annex-csv" / f"annex-stock_{tid}.csv")
        shown = {(r[0], r[1], c): v for r in rows for c, v in zip(header[2:], r[2:], strict=True)}
        labels = dict(
            zip(internal.estimates["group"], internal.estimates["group_label"], strict=False)
        )
        for r in part.itertuples():
            g = "All displaced" if r.group == "all_displaced" else labels[r.group]
            names = {"_total": "Total", "_not_stated": "Not stated"}
            col = r.col_value or "Estimated number"
            col, row = names.get(col, col), names.get(r.row_value, r.row_value)
            v, flag = shown[(g, row, col)], shown[(g, row, f"{col}: flag")]
            # * hidden by the engine, – no case at all; the value is then empty, else a number
            hidden = r.flag == "suppressed"
            assert (flag in WITHHELD) == hidden, (tid, g, r.row_value, r.col_value, flag)
            assert (flag == "(*)") == (hidden and r.suppression == "complementary"), (tid, g, flag)
            assert (flag == "–") == (hidden and r.suppression == "empty"), (tid, g, flag)
            assert (v == "") == hidden, (tid, g, r.row_value, r.col_value, v)
            assert hidden or float(v) == round(r.estimate), (tid, g, v)


def test_stats_demo_stock_cells_add_up_to_the_total(demo) -> None:
    """Issue 20: units with no value of a stock table's variable were in the Total but in no
    row (the French report's years of displacement summed to 868 524 under a Total of 898 614).
    Each group's cells, "Not stated" included, add up to its Total — in the engine's results and,
    rounded, in the annex a reader downloads — and each level's cells to its margin."""
    from workbench.stats.results import STOCK_NOT_STATED, stock_margin

    out, internal = demo
    st = internal.stock
    kind = stock_margin(st)
    stated_only = []
    for (tid, grp), part in st.groupby(["table", "group"], sort=False):
        k = kind[part.index.to_numpy()]
        cells, total = part[k == ""], part[k == "total"].iloc[0]
        not_stated = (cells["row_value"] == STOCK_NOT_STATED) | (
            cells["col_value"] == STOCK_NOT_STATED
        )
        if not not_stated.any():
            stated_only.append(tid)
        assert cells["estimate"].fillna(0).sum() == pytest.approx(total["estimate"], rel=1e-9)
        assert cells["n"].sum() == total["n"], (tid, grp)  # every unit in exactly one cell
        for side, by in (("row", "row_value"), ("col", "col_value")):
            for level, m in part[k == side].groupby(by):
                inner = cells[cells[by] == level]["estimate"].fillna(0).sum()
                assert inner == pytest.approx(m["estimate"].sum(), rel=1e-9), (tid, side, level)
    # the tables have units with no year, cause, district of origin …: a Not stated row
    missing = set(st["table"]) - set(stated_only)
    assert {"cause_by_year", "location_by_origin", "duration_by_sex"} <= missing, missing
    # the annex (what a reader downloads): the published cells and Not stated add up to the
    # Total within the rounding of each printed count, for every group with no hidden cell
    checked = 0
    for tid in missing:
        header, rows = _csv(out / "freedonia-annex-csv" / f"annex-stock_{tid}.csv")
        counts = [i for i, h in enumerate(header) if i > 1 and not h.endswith(ANNEX_NOT_COUNTS)]
        last = header.index("Total") if "Total" in header else counts[-1]
        for g in dict.fromkeys(r[0] for r in rows):
            mine = [r for r in rows if r[0] == g]
            inner = [r for r in mine if r[1] != "Total"]
            total = next(r for r in mine if r[1] == "Total")
            cols = [i for i in counts if i != last] or [last]
            values = [r[i] for r in inner for i in cols]
            if any(v == "" for v in values) or total[last] == "":
                continue  # a hidden cell: the sum cannot be checked (nor rebuilt)
            assert any(r[1] == "Not stated" for r in inner) or "Not stated" in header
            got = sum(float(v) for v in values)
            assert abs(got - float(total[last])) <= 0.5 * (len(values) + 1), (tid, g, got)
            checked += 1
    assert checked > 0


def test_stats_demo_results_file_is_the_publishable_copy(demo) -> None:
    out, _ = demo
    sheets = pd.read_excel(out / "freedonia-results.xlsx", sheet_name=None, engine="openpyxl")
    assert sheets["meta"].set_index("key").loc["copy", "value"].startswith("publishable")
    for name, col in (("estimates", "estimate"), ("solutions", "share"), ("stock", "estimate")):
        t = sheets[name]
        assert t.loc[t["flag"] == "suppressed", col].isna().all(), name
    assert not list(out.glob("*INTERNAL*"))


def test_stats_demo_summary_counts_indicators_worse(demo, capsys) -> None:
    """``workbench demo``'s summary prints, in every criterion × group cell, the indicators
    substantively worse of those assessed (as the report's traffic light), and names the rule."""
    import re

    from workbench.cli.demo import _summary
    from workbench.stats.results import ALL_DISPLACED

    _, results = demo
    _summary(results, "en")
    text = capsys.readouterr().out
    cs = results.criteria_summary
    # the grid: the eight IRIS criteria × the displaced groups
    cs = cs[(cs["group"] != ALL_DISPLACED) & cs["criterion"].astype(str).isin(list("12345678"))]
    shown = re.findall(r"(■ worse|▲ incomplete|◆ inconclusive|● no gap) (\d+)/(\d+)", text)
    assert len(shown) == int((cs["assessed"] > 0).sum()) > 10, text
    want = sorted(
        (int(r.worse), int(r.assessed)) for r in cs.itertuples(index=False) if r.assessed > 0
    )
    assert sorted((int(w), int(a)) for _, w, a in shown) == want
    assert all(w <= a for _, w, a in ((m, int(w), int(a)) for m, w, a in shown))
    assert "rating rule:" in text and "substantively worse" in text


def test_stats_demo_summary_sentence_and_briefing_count_what_the_traffic_light_shows(
    demo, capsys
) -> None:
    """Issue 20: the executive summary said "139 comparisons … 111 significantly worse" (the
    pooled 'all displaced' group counted too) while the traffic light and the criterion tables
    held 108 comparisons, 82 worse; the briefing's "71 other substantive gap(s)" (+5 shown)
    left out means and medians. A cell whose indicators were only "no significant difference"
    was painted "No significant gap" in the good colour: it is now inconclusive."""
    from workbench.cli.demo import _summary
    from workbench.reporting.briefing import build_briefing
    from workbench.reporting.context import CRITERIA
    from workbench.reporting.i18n import Translator
    from workbench.reporting.pdf_grid import rating_text
    from workbench.reporting.summary import tests_made
    from workbench.reporting.views import build_views
    from workbench.service import Workbench
    from workbench.stats.results import GROUP_TOTAL
    from workbench.stats.summary import ASSESSED

    _, results = demo
    pub = results.publishable()
    summary = Workbench.run_summary(results, "en")
    ctx, grid = summary.context, summary.grid
    cells = [summary.counts[(c, g)] for c in grid.criteria for g in grid.groups]
    worse, assessed = sum(w for w, _ in cells), sum(a for _, a in cells)
    # the criterion tables' rows: overall comparisons of each displaced group, criteria 1-8
    cmp_ = pub.comparisons
    rows = cmp_[
        (cmp_["disaggregation"] == GROUP_TOTAL)
        & cmp_["criterion"].astype(str).isin(CRITERIA)
        & cmp_["group"].astype(str).isin(grid.groups)
        & cmp_["assessment"].isin(ASSESSED)
    ]
    assert assessed == len(rows) and worse == int((rows["assessment"] == "worse").sum())
    better = int((rows["assessment"] == "better").sum())
    sentence = tests_made(pub, ctx)
    assert sentence is not None
    assert sentence.startswith(f"{assessed} comparisons of a displaced group"), sentence
    assert f": {worse} worse and {better} better, both by one rule" in sentence

    briefing = build_briefing(pub, ctx, build_views(pub, ctx), "0" * 12)
    assert briefing.gaps and briefing.more_gaps + len(briefing.gaps) == worse

    # "No gap" only where every assessed indicator was shown not worse (equivalent or better);
    # none worse but some neither is inconclusive (returnees' criteria 7 and 8 in the demo)
    tr = Translator("en")
    cs = pub.criteria_summary.set_index(["criterion", "group"])
    rated = {k: grid.ratings[k] for k in ((c, g) for c in grid.criteria for g in grid.groups)}
    quiet = [k for k, r in rated.items() if r in ("green", "inconclusive")]
    assert [k for k in quiet if rated[k] == "inconclusive"], "the demo has an inconclusive cell"
    for key in quiet:
        shown = cs.loc[key, "equivalent"] + cs.loc[key, "better"] == cs.loc[key, "assessed"]
        assert rated[key] == ("green" if shown else "inconclusive"), key
        word = rating_text(tr, rated[key])
        assert word == ("● No gap" if shown else "◆ Inconclusive"), (key, word)
    _summary(results, "en")
    out = capsys.readouterr().out
    assert out.count("◆ inconclusive") == sum(r == "inconclusive" for r in rated.values())
    assert "no significant gap" not in out


def test_stats_demo_totals_are_described_not_judged(demo) -> None:
    """Issue 20 finding 3: an indicator estimated as a total (the demo's "Estimated number of
    separated family members") was judged "better" for IDPs in camps only because the host
    population is larger, and counted in the summary's better comparisons and in criterion 6's
    traffic-light cell. A total is described for every group, never judged between groups."""
    from workbench.reporting.context import build_context
    from workbench.reporting.options import ReportOptions
    from workbench.reporting.summary import tests_made
    from workbench.stats.summary import ASSESSED

    _, results = demo
    est, cmp_ = results.estimates, results.comparisons
    totals = set(est.loc[est["statistic"] == "total", "indicator_id"])
    assert "c6_separated_members_total" in totals
    tot_cmp = cmp_[cmp_["indicator_id"].isin(totals)]
    assert not tot_cmp.empty
    assert (tot_cmp["assessment"] == "not_compared").all()
    assert (tot_cmp["not_compared_reason"] == "population_total").all()
    assert tot_cmp["difference"].isna().all() and tot_cmp["p_value"].isna().all()
    # still described for every group, the host included
    comp = str(tot_cmp["comparator"].iloc[0])
    host = est[(est["indicator_id"] == "c6_separated_members_total") & (est["group"] == comp)]
    assert host["estimate"].notna().any()
    # criterion 6's traffic-light cells count only the shares, as the summary sentence does
    judged = cmp_[(cmp_["disaggregation"] == "total") & ~cmp_["indicator_id"].isin(totals)]
    cs = results.criteria_summary
    for r in cs[cs["criterion"].astype(str) == "6"].itertuples(index=False):
        mine = judged[(judged["criterion"].astype(str) == "6") & (judged["group"] == r.group)]
        assert int(r.assessed) == int(mine["assessment"].isin(ASSESSED).sum()), r
        assert int(r.better) == int((mine["assessment"] == "better").sum()), r
    ctx = build_context(results.publishable(), ReportOptions(language="en"))
    sentence = tests_made(results.publishable(), ctx)
    crit = judged[
        judged["criterion"].astype(str).isin(list("12345678"))
        & (judged["group"] != "all_displaced")
    ]
    better = int((crit["assessment"] == "better").sum())
    assert sentence and f"{better} better, both by one rule" in sentence, sentence


def test_stats_demo_counts_have_an_interval_or_a_reason(demo) -> None:
    """Issue 20: in the demo's stock tables a † count got the log-scale interval 5 – 1,306,063
    (1 degree of freedom, t = 12.7: past the whole IDP stock) and "Both × 2012" (37 cases, all in
    one PSU per stratum: 0 degrees of freedom) an empty interval. Then † counts were published
    without an interval ("34,863†‡", "2,582†‡"), which readers took for facts: a count the
    thresholds mark † is now withheld (stats/disclosure.py), a primary suppression. Every
    published count has an interval or the engine's reason for having none (``no_df``)."""
    from workbench.stats.results import ALL_DISPLACED

    _, internal = demo
    st = internal.stock
    tot = internal.estimates[internal.estimates["statistic"] == "total"]
    for table in (st, tot):
        shown = table[table["flag"] != "suppressed"]
        has_ci = shown["ci_low"].notna() & shown["ci_high"].notna()
        reason = shown["no_interval"]
        assert (has_ci != (reason != "")).all()  # one or the other, never both, never neither
        assert not (shown["flag"] == "caution").any()  # no † count is published
        assert (reason[reason != ""] == "no_df").all()
        assert (reason[shown["df"] <= 0] == "no_df").all()
        assert (shown.loc[has_ci, "df"] > 0).all()
        few = ((table["n"] >= 25) & (table["n"] < 50)).to_numpy()  # DHS's caution
        assert few.any() and (table.loc[few, "suppression"] == "primary").all()
    both_2012 = st[
        (st["table"] == "cause_by_year") & (st["group"] == ALL_DISPLACED)
        & (st["row_value"] == "Conflict and disaster") & (st["col_value"] == "2012")
    ].iloc[0]  # fmt: skip
    assert both_2012["df"] == 0 and both_2012["n"] == 37
    assert both_2012["flag"] == "suppressed" and both_2012["suppression"] == "primary"
    # the host community's separated family members: 37 households, "34,863†‡" before
    host = tot[(tot["group"] == "4") & (tot["disaggregation"] == "total")]
    assert len(host) == 1 and host["n"].iloc[0] == 37
    assert host["suppression"].iloc[0] == "primary"


def test_stats_demo_zero_totals_do_not_give_hidden_shares_away(demo) -> None:
    """Issue 20: the demo's solutions breakdown printed "All displaced 0.0%" (IRIS layered, by
    year of displacement) beside suppressed groups' shares — a total of 0 of shares that cannot
    be negative says each of them is 0, while the audit said nothing could be recovered. No
    published total at 0 may now stand in a relation with a suppressed share of 0; the
    attack, which no longer leaves such cells out, recovers nothing (test above)."""
    from workbench.stats.results import ALL_DISPLACED

    _, internal = demo
    sol = internal.solutions
    keys = ["method", "disaggregation", "disaggregation_value"]
    pooled = sol[sol["group"] == ALL_DISPLACED].set_index(keys)
    hidden = sol[(sol["group"] != ALL_DISPLACED) & (sol["suppression"] == "primary")]
    assert len(hidden) > 0 and (hidden["number"] == 0).any()
    checked = 0
    for r in hidden[hidden["number"] == 0].itertuples(index=False):
        # the pooled cell of the same breakdown level, and the group's own overall cell
        total = pooled.loc[(r.method, r.disaggregation, r.disaggregation_value)]
        own = sol[(sol["method"] == r.method) & (sol["group"] == r.group)]
        overall = own[own["disaggregation"] == "total"].iloc[0]
        for cell in (total, overall):
            assert cell["flag"] == "suppressed" or cell["number"] > 0, (r.method, r.group)
        checked += total["number"] == 0
    assert checked >= 5  # IRIS layered: 0% of the displaced, every year of displacement
    assert internal.meta["suppression"]["exposed"] == 0
    # the summary says why its headline share is not printed: withheld, not unreliable
    from workbench.reporting.context import build_context
    from workbench.reporting.options import ReportOptions
    from workbench.reporting.summary import solutions_headline

    for lang, words in (("en", "withheld because"), ("fr", "masquée car"), ("ar", "حُجبت")):
        text = solutions_headline(internal, build_context(internal, ReportOptions(language=lang)))
        assert text is not None and words in text and "unreliable" not in text
        # and the same groups' share under the other methods that are published (the briefing
        # gave decision-makers no solutions figure at all)
        others = {"en": "Other documented methods, same groups:", "fr": "Autres méthodes",
                  "ar": "طرق موثقة أخرى"}[lang]  # fmt: skip
        assert others in text and re.search(r"\d[.,]\d\s?%", text.split(others)[1]), text
        assert ("؛ " in text) == (lang == "ar"), text  # the Arabic semicolon between methods


def test_stats_demo_solutions_headline_is_published_as_a_safe_bound(demo) -> None:
    """Issue 20: the IRIS layered headline printed "*" for every displaced group and all
    displaced (n assessable 552 / 923 / 681 / 2,156). No displaced household passes the rule,
    so "All displaced 0.0%" would give away each small group's suppressed share of 0 and stays
    withheld; but each of these headlines is now published as an upper bound ("below 0.5%")
    that the results file carries, is true, and leaves every primary suppression at its
    protection levels under the exact LP attack that knows the bounds."""
    from workbench.reporting.context import build_context
    from workbench.reporting.options import ReportOptions
    from workbench.reporting.summary import solutions_headline
    from workbench.stats.results import ALL_DISPLACED

    out, internal = demo
    displaced = {g.code for g in internal.snapshot.texts.groups if g.role == "displaced"}
    sol = internal.solutions
    iris = sol[(sol["method"] == "iris_layered") & (sol["disaggregation"] == "total")]
    heads = iris[iris["group"].astype(str).isin(displaced | {ALL_DISPLACED})]
    assert len(heads) == len(displaced) + 1
    assert (heads["flag"] == "suppressed").all()  # the exact share stays withheld
    assert heads["share_below"].notna().all(), heads[["group", "share", "share_below"]]
    assert (heads["share"] < heads["share_below"]).all()  # the bound is true
    assert internal.meta["suppression"]["bounded"] == int(sol["share_below"].notna().sum())
    # the results file a reader downloads carries the bounds, not the values
    pub = pd.read_excel(out / "freedonia-results.xlsx", sheet_name="solutions", engine="openpyxl")
    pub_iris = pub[(pub["method"] == "iris_layered") & (pub["disaggregation"] == "total")]
    pub_heads = pub_iris[pub_iris["group"].astype(str).isin(displaced | {ALL_DISPLACED})]
    assert pub_heads["share_below"].notna().all() and pub_heads["share"].isna().all()
    # the attacker reads the bounds as caps on the cells and still bounds no primary cell
    found = attack(out / "freedonia-results.xlsx", internal).with_lp()
    c = found.cells
    capped = c[(c["table_name"] == "solutions") & c["share_below"].notna()]
    assert len(capped) >= len(heads)
    iris_caps = capped[(capped["method"] == "iris_layered")]
    # the headlines, and since the bounded groups' breakdowns follow them, their cells too;
    # every headline's cap is known (a breakdown cell's only where another method's share of
    # it is above 0 — the attacker's side knowledge of its base; the engine's audit has it)
    iris_bounded = sol[(sol["method"] == "iris_layered") & sol["share_below"].notna()]
    assert len(iris_caps) == len(iris_bounded) > len(heads)
    tops = iris_caps[iris_caps["disaggregation"] == "total"]["cap"]
    assert len(tops) == len(heads) and np.isfinite(tops).all()
    exposed = found.exposed(internal.snapshot.suppression["protection_ratio"])
    assert exposed.empty, exposed[["table_name", "group", "truth", "lo", "hi"]].to_string()
    # the summary's headline states the bound
    text = solutions_headline(internal, build_context(internal, ReportOptions(language="en")))
    assert text is not None and "fewer than 0.5%" in text, text


def test_stats_demo_publishes_the_camp_split_and_the_groups_sizes(demo) -> None:
    """Issue 20: every cell of "IDP stock by location type (camp / non-camp)" printed "*" — the
    LP audit's complements for one cell of 5 cases (IDPs in camps × Both × 2025) ran through
    its group's table to the group's size, and from there to every table's total and the whole
    camp table, which holds no primary suppression. On the annex a reader downloads, the camp
    and non-camp totals of all displaced and every group's size are published numbers, while
    the attack above still bounds no primary cell."""
    out, internal = demo
    header, rows = _csv(out / "freedonia-annex-csv" / "annex-stock_location_type.csv")
    total = header.index("Total")
    pooled = {r[1]: r for r in rows if r[0] == "All displaced"}
    for level in ("Camp", "Non-camp", "Total"):
        assert pooled[level][total + 1] == "" and float(pooled[level][total]) > 0, level
    for tid in set(internal.stock["table"]):
        header, rows = _csv(out / "freedonia-annex-csv" / f"annex-stock_{tid}.csv")
        col = header.index("Total") if "Total" in header else 2
        sizes = {r[0]: r[col + 1] for r in rows if r[1] == "Total"}
        assert set(sizes.values()) == {""}, (tid, sizes)
