"""Figures that could mislead (issue 20): a count withheld says why, the † of a difference is
defined, and the solutions headline gives its benchmark."""

from __future__ import annotations

import pytest
from reporting_testkit import sentinel_results

from workbench.reporting.context import build_context
from workbench.reporting.i18n import Translator
from workbench.reporting.options import ReportOptions
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_text import make_styles
from workbench.reporting.summary import solutions_headline
from workbench.reporting.views import COUNTS, build_views
from workbench.stats.results import GROUP_TOTAL

LANGS = ("en", "fr", "es", "ar")


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def _builder(lang: str):
    pub = sentinel_results().publishable()
    opts = ReportOptions(language=lang)
    ctx = build_context(pub, opts)
    return Builder(ctx, opts, make_styles(lang), 480.0, pub), build_views(pub, ctx), ctx


@pytest.mark.parametrize("lang", LANGS)
def test_a_dagger_on_a_difference_is_defined_under_its_table_only(lang) -> None:
    """Issue 20: "+4.6 pp†" — a difference carries † when one of its two estimates does (the
    comparator on few cases), but the † note defined † for an estimate only. A table whose
    difference column shows † now has a note saying what † means there; a table without one
    has no such note."""
    b, views, ctx = _builder(lang)
    tr = Translator(lang)
    note = tr("fn_caution_difference")
    comparator = ctx.comparator.label.shown() if ctx.comparator else ""
    header = tr("col_difference", comparator=comparator)
    with_dagger = without = 0
    for v in views.values():
        head = v.table.header
        if header not in head:
            continue
        at = head.index(header)
        dagger = any(str(row[at]).endswith("†") for row in v.table.rows if len(row) > at)
        notes = b.flag_notes(v.flags)
        assert (note in notes) == dagger, (v.info.title.shown(), notes)
        with_dagger += dagger
        without += not dagger
    assert with_dagger and without


@pytest.mark.parametrize("lang", LANGS)
def test_a_withheld_count_says_a_count_is_withheld_where_another_estimate_gets_a_dagger(
    lang,
) -> None:
    """Issue 20: the engine now withholds a count where any other estimate would be marked †
    (stats/disclosure.py: "34,863†‡" from 37 households read as a fact). The "*" note under a
    table of counts (a stock table, a total's table) says so with the run's thresholds; a
    table of shares keeps the general "*" note."""
    from test_reporting_tables_act import texts

    b, views, ctx = _builder(lang)
    tr = Translator(lang)
    assert ctx.suppressed_count_note
    assert tr("caution_n", n=50) in ctx.suppressed_count_note  # the sentinel's rule: DHS
    general = tr("fn_suppressed", preset=ctx.preset_name)
    assert b.flag_notes({"suppressed"}, stock_table="by_sex") == [ctx.suppressed_count_note]
    assert b.flag_notes({"suppressed", COUNTS}) == [ctx.suppressed_count_note]
    # a run stored before, whose count table still shows a † count: the general note
    assert general in b.flag_notes({"suppressed", "caution", COUNTS})
    for v in views.values():
        assert (COUNTS in v.flags) == (v.info.statistic == "total")
        if COUNTS not in v.flags:
            notes = b.flag_notes(v.flags | {"suppressed"})
            assert general in notes and ctx.suppressed_count_note not in notes
    # a stock table as the report prints it, one cell of it withheld for its few cases
    r = sentinel_results()
    st = r.stock
    cell = st.index[(st["group"] == "all_displaced") & (st["row_value"] == "Camp")][0]
    st.loc[cell, ["flag", "suppression"]] = ["suppressed", "primary"]
    pub = r.publishable()
    opts = ReportOptions(language=lang)
    ctx = build_context(pub, opts)
    stock = _flat(" ".join(texts(Builder(ctx, opts, make_styles(lang), 480.0, pub).stock())))
    # its row prints no figure: left out, and named with the reason in words (rd21), so no
    # "*" is left to explain — and never by the general note
    assert _flat(tr("left_out_few")) in stock
    assert _flat(general) not in stock


def _with_comparator(r, share: float = 0.006, low: float = 0.002, high: float = 0.017):
    """``r`` with the comparison group's solutions rows (the demo has them; the fixture not):
    a copy of the pooled rows, the overall one at ``share`` (``low`` – ``high``)."""
    import pandas as pd

    ctx = build_context(r, ReportOptions(language="en"))
    assert ctx.comparator is not None
    sol = r.solutions
    rows = sol[sol["group"] == "all_displaced"].copy()
    rows["group"] = ctx.comparator.code
    total = rows["disaggregation"] == GROUP_TOTAL
    rows.loc[total, ["share", "ci_low", "ci_high", "flag"]] = [share, low, high, ""]
    r.solutions = pd.concat([sol, rows], ignore_index=True)
    return r


@pytest.mark.parametrize(
    ("lang", "words", "figures"),
    [
        ("en", "Under the same method, the comparison group (", ("0.6%", "0.2 – 1.7")),
        ("fr", "Selon la même méthode, le groupe de comparaison (", ("0,6 %", "0,2 – 1,7")),
        ("es", "Con el mismo método, el grupo de comparación (", ("0,6 %", "0,2 – 1,7")),
        ("ar", "وبالطريقة نفسها، تبلغ النسبة لدى فئة المقارنة (", ("0.6%", "0.2 – 1.7")),
    ],
)
def test_the_solutions_headline_gives_the_comparison_groups_share(lang, words, figures) -> None:
    """Issue 20: "fewer than 0.5% of households overcame …" was given in the summary and the
    briefing without the benchmark the solutions table shows — the host community, never
    displaced, reaches only 0.6% (0.2–1.7) under the same rule. The headline now gives the
    comparison group's share under the same method, right after its own figure — its interval
    printed as the tables print one (rd22)."""
    res = _with_comparator(sentinel_results()).publishable()
    ctx = build_context(res, ReportOptions(language=lang))
    head = _flat(solutions_headline(res, ctx) or "")
    assert _flat(words) in head, head
    at = head.index(_flat(words))
    assert all(_flat(f) in head[at:] for f in figures), head
    assert _flat(ctx.comparator.label.shown()).lower() in head[at:].lower(), head
    # beside the headline's figure: before the method's name
    method = {"en": "Method:", "fr": "Méthode :", "es": "Método:", "ar": "الطريقة:"}[lang]
    assert at < head.index(method), head


def test_the_solutions_headline_gives_no_benchmark_without_the_comparators_share() -> None:
    """No comparator row, or its share withheld: no benchmark sentence (nor a blank one)."""
    r = sentinel_results()
    ctx = build_context(r, ReportOptions(language="en"))
    assert "comparison group (" not in (solutions_headline(r.publishable(), ctx) or "")
    r = _with_comparator(r)
    sol = r.solutions
    comp = (sol["group"] == ctx.comparator.code) & (sol["disaggregation"] == GROUP_TOTAL)
    assert "comparison group (" in (solutions_headline(r.publishable(), ctx) or "")
    sol.loc[comp, "flag"] = "suppressed"
    head = solutions_headline(r.publishable(), ctx) or ""
    assert head and "comparison group (" not in head and "  " not in head


@pytest.mark.parametrize("lang", LANGS)
def test_the_methodology_names_the_count_mark_only_when_a_count_shows_it(lang) -> None:
    """Issue 20: a † count is now withheld, so the demo prints no "‡"; the methodology still
    said "Counts marked ‡ are published without an interval". It says so only when a published
    count has no interval."""
    from workbench.reporting.judging import judging_paragraphs

    tr = Translator(lang)
    said = tr("total_ci_no_interval")
    r = sentinel_results()
    st = r.stock.assign(no_interval="")
    r.stock = st
    r.estimates = r.estimates.assign(no_interval="")
    assert said not in judging_paragraphs(r, tr)
    shown = st.index[st["flag"] != "suppressed"][0]
    st.loc[shown, "no_interval"] = "no_df"
    assert said in judging_paragraphs(r, tr)
    st.loc[shown, "flag"] = "suppressed"  # withheld: nothing of it is printed
    assert said not in judging_paragraphs(r, tr)


@pytest.mark.parametrize("lang", LANGS)
def test_a_dagger_after_a_unit_word_stands_apart_from_it(lang) -> None:
    """rd19 ar p.61–62: "+4.6 نقطة†" — the † glued to the unit word read as part of it. Every
    † after a unit word ("pp", "pts", "نقطة", "FRD") stands after a narrow no-break space, in the
    tables' difference cells of every language; a † after a number or "%" stays beside it."""
    from workbench.reporting.fmt import MARK_SPACE

    _b, views, ctx = _builder(lang)
    tr = Translator(lang)
    comparator = ctx.comparator.label.shown() if ctx.comparator else ""
    header = tr("col_difference", comparator=comparator)
    marked = 0
    for v in views.values():
        for row in v.table.rows:
            for cell in map(str, row):
                if not cell.endswith("†") or len(cell) < 2:
                    continue
                before = cell[:-1]
                if before[-1:] == MARK_SPACE:
                    assert before[-2:-1].isalpha(), cell
                    marked += header in v.table.header
                else:
                    assert not before[-1:].isalpha(), cell  # glued to a word
    assert marked  # the sentinel has differences marked † (the comparator on few cases)


#: the words that tell a reader a median's interval is lopsided by nature (rd18 en p.47:
#: "1,154 FRD  1,053 – 1,528 FRD" read as an error)
NOT_CENTRED = {
    "en": "A median's interval is not centred on it:",
    "fr": "L’intervalle d’une médiane n’est pas centré sur elle\u00a0:",
    "es": "El intervalo de una mediana no está centrado en ella:",
    "ar": "فترة الثقة للوسيط ليست متمركزة حوله:",
}


@pytest.mark.parametrize("lang", LANGS)
def test_every_table_of_a_median_interval_says_once_it_is_not_centred(lang) -> None:
    from reporting_fixture import make_results
    from test_reporting_tables_act import _builder as tables_builder
    from test_reporting_tables_act import texts

    r = make_results()
    est = r.estimates
    ids = list(dict.fromkeys(est["indicator_id"].astype(str)))
    median, share = ids[0], ids[2]
    est.loc[est["indicator_id"] == median, "statistic"] = "median"
    b, views = tables_builder(r, lang)
    story = texts(b.indicator(views[median]))
    said = [t for t in story if t.startswith(NOT_CENTRED[lang])]
    assert len(said) == 1, story
    assert NOT_CENTRED[lang] not in " ".join(texts(b.indicator(views[share])))
