"""Issue 20 ("Reports readers can act on"): the indicator, stock and solutions tables say what
they leave out and in which unit they count — tables that compare nothing have no empty
difference and p columns, and say why once."""

from __future__ import annotations

import html

import pytest
from reporting_fixture import make_results
from reporting_testkit import with_host_outside_by_definition

from workbench.reporting import ReportOptions
from workbench.reporting.context import _in_sentence, build_context
from workbench.reporting.i18n import Translator, count_header
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_text import make_styles
from workbench.reporting.views import build_views

LANGS = ["en", "fr", "es", "ar"]


def texts(flowables) -> list[str]:
    """Every paragraph's text and every table cell's text of a story, in order."""
    out: list[str] = []
    for f in flowables:
        if hasattr(f, "text"):
            out.append(html.unescape(str(f.text)))
        for row in getattr(f, "_cellvalues", None) or []:
            for cell in row:
                out += texts(cell if isinstance(cell, list | tuple) else [cell])
                if isinstance(cell, str):
                    out.append(cell)
        for attr in ("_content", "_flowables"):
            out += texts(getattr(f, attr, None) or [])
    return out


def _builder(r, lang: str):
    opts = ReportOptions(language=lang)
    ctx = build_context(r, opts)
    pub = r.publishable()
    return Builder(ctx, opts, make_styles(lang), 480.0, pub), build_views(pub, ctx)


@pytest.mark.parametrize("lang", LANGS)
def test_a_table_that_compares_nothing_has_no_difference_or_p_column(lang) -> None:
    """en_A 13, en_B 13, fr_B 18: an indicator about displaced people only kept empty
    "Difference vs Host community" and "p" columns, every row "Not compared", and no reason."""
    r = make_results()
    cmp_ = with_host_outside_by_definition(r)
    # a group without a case (Module B's returnees "–"): its comparison withheld, none made
    est = r.estimates
    est["suppression"] = ""
    none = (est["indicator_id"] == "hlp_restituted") & (est["group"] == "3")
    est.loc[none, ["estimate", "ci_low", "ci_high", "n"]] = [float("nan")] * 3 + [0]
    est.loc[none, ["flag", "suppression"]] = ["suppressed", "empty"]
    cmp_.loc[(cmp_["indicator_id"] == "hlp_restituted") & (cmp_["group"] == "3"), "flag"] = (
        "suppressed"
    )
    b, views = _builder(r, lang)
    tr = Translator(lang)
    comp = b.ctx.comparator.label.shown()
    alone, compared = views["hlp_restituted"], views["secure_tenure"]
    diff = tr("col_difference", comparator=comp)
    assert diff in compared.table.header and compared.table.compared
    assert diff not in alone.table.header and not alone.table.compared
    assert not {tr("col_p"), tr("col_p_raw")} & set(alone.table.header)
    assert all(len(row) == len(alone.table.header) for row in alone.table.rows)
    text = " ".join(texts(b.indicator(alone)))
    note = tr("fn_not_compared_by_definition", comparator=_in_sentence(comp))  # in brackets
    assert note in text and text.count(note) == 1
    assert note not in " ".join(texts(b.indicator(compared)))


@pytest.mark.parametrize("lang", LANGS)
def test_a_part_that_compares_nothing_is_not_told_of_comparisons(lang) -> None:
    """en_B 13, fr_B 18: Module B's introduction described a hatched comparator bar and
    differences in percentage points, and nothing in it is compared."""
    r = make_results()
    with_host_outside_by_definition(r)
    b, views = _builder(r, lang)
    tr = Translator(lang)
    crit = views["hlp_restituted"].info.criterion
    alone = {k: v for k, v in views.items() if k == "hlp_restituted"}
    lead = texts(b.criterion_sections(alone, (crit,)))[1]
    assert lead.startswith(
        tr("chart_ci_note_alone", comparator=_in_sentence(b.ctx.comparator.label.shown()))
    )  # then the percentage axis' rule
    assert tr("fn_points") not in lead
    both = {k: v for k, v in views.items() if k in ("hlp_restituted", "secure_tenure")}
    lead = texts(b.criterion_sections(both, (crit,)))[1]
    assert lead.startswith(tr("chart_ci_note")) and lead.endswith(tr("fn_points"))


def _separated_members(ctx):
    """The context with "family separated" as the library has the number of separated members:
    a total of people (``counts = "individual"``) that households report (rows: households)."""
    import dataclasses

    from workbench.reporting.context import Label

    info = ctx.indicators["family_separated"]
    ctx.indicators["family_separated"] = dataclasses.replace(
        info, statistic="total", counts="individual", value_unit=Label("people")
    )
    return ctx


@pytest.mark.parametrize("lang", LANGS)
def test_n_says_households_where_the_values_count_people(lang) -> None:
    """en_B 8, 19, fr_B 12: "Unit: individuals. Values in people." said the unit twice, and
    its n (150 / 147 / 74 / 37) counts households: a reader took n = 37 for 37 people."""
    r = make_results()
    b, _views = _builder(r, lang)
    _separated_members(b.ctx)
    views = build_views(b.results, b.ctx)
    tr = Translator(lang)
    v = views["family_separated"]
    assert v.table.header[3] == tr("col_n_household")
    assert views["secure_tenure"].table.header[3] == tr("col_n")
    text = " ".join(texts(b.indicator(v)))
    assert tr("universe_unit_individual") in text
    assert tr("values_in", unit="people") not in text
    # why n counts households under "Unit: individuals" (en_B 5)
    assert f"{tr('universe_unit_individual')}. {tr('unit_n_households')}" in text
    assert tr("unit_n_households") not in " ".join(texts(b.indicator(views["secure_tenure"])))


def _with_stock_tables(r):
    """``r`` whose snapshot names its stock tables as a plan does (the plan's own English title
    for one, the catalogue's for the other), each with its unit."""
    import dataclasses

    from workbench.stats.snapshot import StockTableText

    ids = list(dict.fromkeys(r.stock["table"].astype(str)))
    first = r.stock[r.stock["table"] == ids[0]].iloc[0]
    tables = [StockTableText(ids[0], {"en": "IDP stock by sex"}, "individual", "sex")]
    tables += [StockTableText(t, {}, "household", str(first["row_var"]), None) for t in ids[1:]]
    snap = r.snapshot
    r.snapshot = dataclasses.replace(
        snap, texts=dataclasses.replace(snap.texts, stock_tables=tuple(tables))
    )
    return r, ids


@pytest.mark.parametrize("lang", LANGS)
def test_stock_tables_say_they_count_idps_and_returnees_and_their_unit(lang) -> None:
    """en_B 4, fr_B 8: the stock section and tables titled "IDP stock" count the returnees too
    (898,614 of which 322,474 returnees), quoted as the number of IDPs; en_B 8: their
    "Estimated number" and "n" had no unit."""
    from workbench.reporting.annex_tables import annex_tables

    r, ids = _with_stock_tables(make_results())
    b, _views = _builder(r, lang)
    tr = Translator(lang)
    scope = tr("stock_title_plan", title="\x00").split("\x00")[-1].strip()
    assert scope in tr("stock") and scope in tr("stock_title_1", rows="x")
    titles = b.ctx.stock_titles
    assert all(scope in titles[t].text for t in ids)
    text = texts(b.stock())
    assert tr("stock_section") in text  # the section heading (en_B 11)
    assert count_header(tr, "individual") in text and tr("col_n_individual") in text
    assert count_header(tr, "household") in text and tr("col_n_household") in text
    assert tr("col_count") not in text and tr("col_n") not in text
    annex = [t for t in annex_tables(b.results, b.ctx) if t.id.startswith("stock")]
    assert annex and all(scope in t.title for t in annex)


@pytest.mark.parametrize("lang", LANGS)
def test_a_solutions_share_published_as_a_bound_keeps_its_n_and_says_why_no_number(lang) -> None:
    """en_B 2, 11, fr_B 7: "n assessable" was empty for every displaced group exactly where the
    share is published as "< 0.5%", and "Estimated number" showed "*" as for a small cell."""
    from workbench.reporting.fmt import fmt_count

    r = make_results()
    sol = r.solutions
    heads = (sol["disaggregation"] == "total") & (sol["group"] != "4")
    sol.loc[heads, "flag"] = "suppressed"
    sol["share_below"] = float("nan")
    sol.loc[heads, "share_below"] = 0.005
    b, _views = _builder(r, lang)
    tr = Translator(lang)
    out = b._solutions_headline_table(b.results.solutions, "iris_layered", ["1", "2", "3"])
    text = texts(out)
    for n in sol.loc[heads & sol["group"].isin(["1", "2", "3"]), "n_assessable"]:
        assert fmt_count(n, lang) in text, n
    assert tr("fn_number_bounded") in text
    assert tr("value_below", value="0.5%" if lang in ("en", "ar") else "0,5\u00a0%") in text


def _covering(r, indicator: str, dis: str, extra: dict[str, int]):
    """``r`` with each group's total n of ``indicator`` equal to its ``dis`` rows' n, plus
    ``extra[group]`` cases recorded in no row (disability asked from age 5: the youngest are in
    the total, in neither "With" nor "Without")."""
    est = r.estimates
    ind = est["indicator_id"] == indicator
    for g in est.loc[ind, "group"].unique():
        rows = ind & (est["group"] == g) & (est["disaggregation"] == dis)
        total = ind & (est["group"] == g) & (est["disaggregation"] == "total")
        est.loc[total, "n"] = int(est.loc[rows, "n"].sum()) + extra.get(str(g), 0)
    return r


@pytest.mark.parametrize("lang", LANGS)
def test_breakdown_rows_holding_fewer_cases_than_the_total_are_said(lang) -> None:
    """en_B 1, fr_B 2: "Holds a valid identity document" by disability: With 67.4%, Without
    65.1%, total 62.4% — the rows cannot average to the total, as disability is recorded from
    age 5 only; nothing on the page said so."""
    from workbench.languages import join_list
    from workbench.reporting.fmt import fmt_count

    r = _covering(make_results(), "has_id", "sex", {"1": 312, "4": 40})
    b, views = _builder(r, lang)
    tr = Translator(lang)
    v = views["has_id"]
    sex = next(t for d, _l, t, _c in v.disaggregations if d == "sex")
    est = r.estimates
    tot = est[(est["indicator_id"] == "has_id") & (est["disaggregation"] == "total")]
    totals = {str(g): int(n) for g, n in zip(tot["group"], tot["n"], strict=True)}
    names = {g.code: g.label.shown() for g in b.ctx.groups}
    assert sex.uncovered == [(names["1"], 312, totals["1"]), (names["4"], 40, totals["4"])]
    label = b.ctx.disaggregations["sex"].shown()
    groups = [  # the groups inside the note's sentence: in lower case (fr "communauté hôte")
        tr(
            "group_uncovered",
            group=_in_sentence(names[c]),
            missing=str(m),
            total=fmt_count(totals[c], lang),
        )
        for c, m in (("1", 312), ("4", 40))
    ]
    groups_text = join_list(groups, lang, conjunction=True)
    note = tr("fn_rows_uncovered", breakdown=label, groups=groups_text)
    text = texts(b.indicator(v))
    assert note in text
    # a breakdown whose rows hold every case of the total gets no such note
    lead = tr("fn_rows_uncovered", breakdown=label, groups="\x00").split("\x00")[0]
    assert sum(t.startswith(lead) for t in text) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_not_applicable_is_defined_under_a_table_that_shows_it(lang) -> None:
    """en 8, fr 10: Module B's returnees read "–" / "Not applicable" and no note said what
    "Not applicable" means. A table with such a cell says it under the table; one without
    has no such note."""
    r = make_results()
    with_host_outside_by_definition(r)
    est = r.estimates
    est["suppression"] = ""
    none = (est["indicator_id"] == "hlp_restituted") & (est["group"] == "3")
    est.loc[none, ["estimate", "ci_low", "ci_high", "n"]] = [float("nan")] * 3 + [0]
    est.loc[none, ["flag", "suppression"]] = ["suppressed", "empty"]
    b, views = _builder(r, lang)
    tr = Translator(lang)
    alone = views["hlp_restituted"]
    assert any(tr("assessment_not_applicable") in row for row in alone.table.rows)
    note = tr("fn_assessment_not_applicable")
    assert note.startswith(tr("assessment_not_applicable"))
    text = " ".join(texts(b.indicator(alone)))
    assert text.count(note) == 1
    assert note not in " ".join(texts(b.indicator(views["secure_tenure"])))


@pytest.mark.parametrize("lang", LANGS)
def test_a_difference_withheld_for_the_comparator_has_its_own_mark(lang) -> None:
    """en 6: "Separated households that used family tracing" showed "*" in every Difference
    cell, the "*" note saying "too few cases" of groups that had enough: the comparison group's
    estimate was withheld. Such a cell says "Not computed", with its own note, and the p column
    keeps the run's header ("p raw (adjusted)") where no p is shown, as in every other table."""
    from workbench.reporting.views import COMPARATOR_WITHHELD

    r = make_results()
    r.comparisons["p_adjusted"] = (r.comparisons["p_value"] * 2).clip(upper=1.0)  # a run adjusting
    est, cmp_ = r.estimates, r.comparisons
    ind = "food_insecure"
    host = (est["indicator_id"] == ind) & (est["group"] == "4") & (est["disaggregation"] == "total")
    assert host.any() and cmp_["p_adjusted"].notna().any()
    est.loc[host, "flag"] = "suppressed"
    mine = cmp_["indicator_id"] == ind
    cmp_.loc[mine, "flag"] = "suppressed"
    cmp_.loc[mine, ["p_value", "p_adjusted"]] = float("nan")
    b, views = _builder(r, lang)
    tr = Translator(lang)
    v = views[ind]
    assert COMPARATOR_WITHHELD in v.flags
    diff = v.table.header.index(tr("col_difference", comparator=b.ctx.comparator.label.shown()))
    displaced = [row for row in v.table.rows if row[1] != "*"]
    assert displaced and all(row[diff] == tr("diff_not_computed") for row in displaced)
    assert v.table.header[-1] == tr("col_p")
    note = tr("fn_comparator_withheld", comparator=_in_sentence(b.ctx.comparator.label.shown()))
    assert note in " ".join(texts(b.indicator(v)))
    assert COMPARATOR_WITHHELD not in views["secure_tenure"].flags
