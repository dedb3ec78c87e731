"""rd18 (en p. 25, 64, p. 6; fr p. 9, 37, annex): the "No gap (equivalent)" / "Inconclusive"
labels are decided by the 90% interval of the gap (the two one-sided tests), which no page
printed — "+0.1 pp Inconclusive" under "+0.9 pp No gap (equivalent)" read as a contradiction,
and the annex's 95% interval of an "equivalent" row reached the minimum. The notes now give, for
each such row, the gap and that interval; the annex has its two columns and defines every
verdict; the summary places every assessed comparison; "< 5,0" is never split."""

from __future__ import annotations

import math

import numpy as np
import pytest
from reporting_fixture import make_results
from reporting_testkit import FIXED

from workbench.reporting import ReportOptions
from workbench.reporting import summary as report_summary
from workbench.reporting.build import gate
from workbench.reporting.context import _in_sentence
from workbench.reporting.fmt import fmt_diff
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_text import make_styles
from workbench.stats.summary import criteria_summary

LANGS = ("en", "fr", "es", "ar")


def _one(text: str) -> str:
    return " ".join(text.split())


def _texts(flowables) -> list[str]:  # type: ignore[no-untyped-def]
    from test_reporting_inconclusive import _texts as texts

    return texts(flowables)


def _judged(with_interval: bool = True):  # type: ignore[no-untyped-def]
    """The fixture's results with one share indicator's total gaps judged by a 5-point minimum:
    its first group's "equivalent", the others "inconclusive", with the engine's 90% interval
    (``with_interval``; without: a run stored before it)."""
    r = make_results()
    c = r.comparisons
    c["min_important_difference"] = 0.05
    shares = set(r.estimates.loc[r.estimates["statistic"] == "proportion", "indicator_id"])
    quiet = c[(c["disaggregation"] == "total") & (c["assessment"] == "no_significant_difference")]
    quiet = quiet[quiet["indicator_id"].isin(shares) & quiet["criterion"].str.isdigit()]
    ind = quiet["indicator_id"].iloc[0]
    rows = quiet.index[quiet["indicator_id"] == ind]
    c.loc[rows, "assessment"] = "inconclusive"
    c.loc[rows[0], "assessment"] = "equivalent"
    if with_interval:
        half = 1.645 * c["se_difference"].astype(float)
        c["tost_low"] = np.where(c.index.isin(rows), c["difference"] - half, np.nan)
        c["tost_high"] = np.where(c.index.isin(rows), c["difference"] + half, np.nan)
    r.criteria_summary = criteria_summary(c)
    return r, ind, c.loc[rows]


@pytest.mark.parametrize("lang", LANGS)
def test_notes_give_each_judged_rows_gap_and_its_90_interval(lang: str) -> None:
    r, ind, rows = _judged()
    opts = ReportOptions(language=lang, fixed_timestamp=FIXED)
    ctx, views, _v = gate(r, opts)
    b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
    tr = Translator(lang)
    shown = _one(" ".join(_texts(b.indicator(views[ind]))))
    head = _one(tr("fn_tost_rows", level=90, alpha=5, rows="\x00", section=tr("judging"))).split(
        "\x00"
    )[0]
    assert head in shown, lang
    assert "90" in head and "{" not in head
    labels = {g.code: g.label.shown() for g in ctx.groups}
    pp = tr("unit_pp")
    for rec in rows.to_dict("records"):
        low = fmt_diff(rec["tost_low"], "proportion", lang, "")
        high = fmt_diff(rec["tost_high"], "proportion", lang, pp)
        diff = fmt_diff(rec["difference"], "proportion", lang, pp)
        # mid-sentence after the note's colon: "…: returnees +0.1 pp" (rd19 fr)
        group = _in_sentence(labels[rec["group"]])
        said = tr("tost_row", group=group, diff=diff, level=90, low=low, high=high)
        assert _one(said) in shown, (lang, said)
    assert shown.count("(*)") == _one(" ".join(_texts(b.indicator(views[ind])))).count("(*)")


def test_notes_omit_the_figures_for_a_run_stored_without_the_interval() -> None:
    r, ind, _rows = _judged(with_interval=False)
    opts = ReportOptions(language="en", fixed_timestamp=FIXED)
    ctx, views, _v = gate(r, opts)
    b = Builder(ctx, opts, make_styles("en"), 480.0, r.publishable())
    shown = _one(" ".join(_texts(b.indicator(views[ind]))))
    assert "90% interval" not in shown
    assert Translator("en")("assessment_inconclusive") in shown


@pytest.mark.parametrize("lang", LANGS)
def test_summary_places_every_assessed_comparison(lang: str) -> None:
    """rd18 p. 6: "105 comparisons … 82 worse and 1 better" left 22 unplaced."""
    r, _ind, _rows = _judged()
    ctx, _views, _v = gate(r, ReportOptions(language=lang, fixed_timestamp=FIXED))
    text = report_summary.tests_made(r, ctx)
    assert text is not None
    cs = r.criteria_summary
    cells = cs[cs["criterion"].astype(str).str.isdigit()]
    tr = Translator(lang)
    rest = 0
    for code in ("inconclusive", "equivalent", "small_difference", "no_significant_difference"):
        k = int(cells[code].sum())
        rest += k
        if k:
            assert _one(tr(f"summary_rest_{code}", count=str(k))) in _one(text), (lang, code)
    assert rest == int(cells["assessed"].sum() - cells["worse"].sum() - cells["better"].sum())
    assert rest > 0 and "{" not in text


def test_summary_stored_without_the_counts_says_no_rest() -> None:
    r, _ind, _rows = _judged()
    r.criteria_summary = r.criteria_summary.drop(columns=["inconclusive"])
    ctx, _views, _v = gate(r, ReportOptions(language="en", fixed_timestamp=FIXED))
    text = report_summary.tests_made(r, ctx)
    assert text is not None and "The other" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_below_the_minimum_keeps_less_than_with_its_number(lang: str) -> None:
    """fr p. 9, 37: "Significatif, < / 5,0 pts min." — "<" left at a line's end."""
    tr = Translator(lang)
    mid = fmt_diff(0.05, "proportion", lang, tr("unit_pp"), signed=False)
    label = tr("assessment_small_difference_mid", mid=mid)
    if "<" in label:
        assert "< " not in label and "<\u00a0" in label, label
    assert " " not in mid  # the number keeps its unit


@pytest.mark.parametrize("lang", LANGS)
def test_small_difference_note_says_its_interval_may_reach_the_minimum(lang: str) -> None:
    """fr p. 37: a significant +3.7 pp (interval 1.9 to 5.5) below a 5-point minimum read as
    settled; the note says the point estimate is below it, not the interval."""
    tr = Translator(lang)
    note = tr("fn_assessment_small_difference", label="X")
    word = {"en": "interval", "fr": "intervalle", "es": "intervalo", "ar": "فترت"}[lang]
    assert word in note, lang


@pytest.mark.parametrize("lang", LANGS)
def test_annex_comparisons_has_the_90_interval_and_the_legend_defines_each_verdict(
    lang: str,
) -> None:
    from workbench.reporting.annex import legend_rows
    from workbench.reporting.annex_long import comparison_table

    r, ind, rows = _judged()
    ctx, views, _v = gate(r, ReportOptions(language=lang, fixed_timestamp=FIXED))
    table = comparison_table(r.publishable(), ctx, views)
    assert table is not None
    tr = Translator(lang)
    lo, hi = (
        table.header.index(tr("col_tost_low", level=90)),
        table.header.index(tr("col_tost_high", level=90)),
    )
    at = table.header.index(tr("col_assessment"))
    judged = [row for row in table.rows if row[-1] == ind and row[lo] is not None]
    assert len(judged) == len(rows)
    for row in judged:
        assert isinstance(row[lo], float) and isinstance(row[hi], float)
        assert row[lo] < row[hi] and not math.isnan(row[lo])
    legend = {row[0]: row[1] for row in legend_rows([table], ctx)[1:]}
    for word in {str(row[at]) for row in table.rows if row[at]}:
        assert word in legend, (lang, word)
    assert tr("assessment_inconclusive") in legend and tr("assessment_equivalent") in legend
    assert "90" in legend[tr("assessment_inconclusive")]
    sheet = tr("annex_legend_sheet")
    assert (
        tr("annex_comparisons_tost", level=90, sheet=sheet, different=tr("assessment_different"))
        in table.notes
    )


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_the_rule_says_the_interval_decides_only_for_a_gap_not_significant(lang):
    """rd19 en pp. 9–10: "+2.3 pp Significant, below 5.0 pp minimum" stood above a note saying
    the 90% interval decides "No gap (equivalent)" when it lies inside ± the minimum — and this
    row's (+0.5 to +4.2 pp) does. The rule, stated once (summary and methodology), says first
    that the p-value decides significance, that a significant gap is judged by its size, then
    that the interval decides equivalent or inconclusive for a gap that is not significant."""
    from workbench.reporting.i18n import Translator

    keys = ("alpha", "conf", "worse", "better", "small", "level", "equivalent", "inconclusive")
    text = Translator(lang)(
        "judging_interval", **{k: f"{{{k}}}" for k in (*keys, "nsd", "zero", "different")}
    )
    at = [text.index(f"{{{k}}}") for k in keys]
    assert at == sorted(at), text
    assert "{nsd}" in text and "{zero}" in text


def test_the_arabic_report_writes_one_percent_sign():
    """rd19 ar: the notes on the 90% interval wrote "90٪" and "5٪" (the Arabic percent sign)
    where every other figure of the report has "95%", "47.7%": one sign in the report's
    catalogue."""
    import json
    from pathlib import Path

    import workbench.reporting.i18n as i18n

    path = Path(i18n.__file__).with_name("i18n") / "ar.json"
    texts = json.loads(path.read_text(encoding="utf-8"))
    assert not [k for k, v in texts.items() if isinstance(v, str) and "\u066a" in v]
