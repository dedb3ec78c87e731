"""rd19 (en p. 9–10, 21, 64, 66; fr p. 23, 31, 35, 69, annex; ar p. 9, briefing p. 3): the gap
judgements made readable and complete. The rule is stated once (head of the first chapter
comparing groups, and the methodology: "How a gap is judged"); under a table, one line lists
every judged gap with its 90% interval once one of them reaches inside ± the minimum — "Worse"
rows too, so near gaps can be compared; a bound that would print as the minimum gets one more
decimal; a rounded zero is "0.0" without a sign; the annex leaves the equivalence interval
blank where no equivalence test is made; the briefing names both intervals."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from reporting_fixture import make_results
from reporting_testkit import FIXED

import workbench.reporting.i18n as i18n
from workbench.reporting import ReportOptions
from workbench.reporting import summary as report_summary
from workbench.reporting.build import gate
from workbench.reporting.context import _in_sentence
from workbench.reporting.fmt import MINUS
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


def _judged(cases: list[tuple[str, float, float, float]]):  # type: ignore[no-untyped-def]
    """The fixture's results with one share indicator's total gaps judged by a 5-point minimum,
    each of its groups given (assessment, gap, 90% low, 90% high) from ``cases``."""
    r = make_results()
    c = r.comparisons
    c["min_important_difference"] = 0.05
    c["tost_low"], c["tost_high"] = np.nan, np.nan
    shares = set(r.estimates.loc[r.estimates["statistic"] == "proportion", "indicator_id"])
    quiet = c[(c["disaggregation"] == "total") & (c["assessment"] == "no_significant_difference")]
    quiet = quiet[quiet["indicator_id"].isin(shares) & quiet["criterion"].str.isdigit()]
    ind = quiet["indicator_id"].iloc[0]
    rows = list(quiet.index[quiet["indicator_id"] == ind])
    assert len(rows) >= len(cases)
    for at, (code, diff, low, high) in zip(rows, cases, strict=False):
        c.loc[at, ["assessment", "difference", "tost_low", "tost_high"]] = [code, diff, low, high]
    r.criteria_summary = criteria_summary(c)
    return r, ind, c.loc[rows[: len(cases)]]


def _note(lang: str, cases):  # type: ignore[no-untyped-def]
    r, ind, rows = _judged(cases)
    opts = ReportOptions(language=lang, fixed_timestamp=FIXED)
    ctx, views, _v = gate(r, opts)
    b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
    return _one(" ".join(_texts(b.indicator(views[ind])))), ctx, rows


def _mid(lang: str) -> str:
    """The fixture's 5-point minimum as the tables print it."""
    from workbench.reporting.fmt import fmt_diff

    return fmt_diff(0.05, "proportion", lang, Translator(lang)("unit_pp"), signed=False)


def _head(lang: str) -> str:
    tr = Translator(lang)
    head = tr("fn_tost_rows", level=90, rows="\x00", section=tr("judging"))
    return _one(head).split("\x00")[0]


@pytest.mark.parametrize("lang", LANGS)
def test_a_worse_gap_beside_an_inconclusive_one_shows_its_interval(lang: str) -> None:
    """fr p. 69: outside camps −7.9 "Worse" next to returnees −7.1 "Inconclusive", only the
    latter's interval printed; fr p. 35: a "Worse" −7.8 pp whose interval reached −1.0."""
    cases = [
        ("worse", -0.078, -0.146, -0.010),
        ("inconclusive", -0.071, -0.141, -0.002),
    ]
    shown, ctx, rows = _note(lang, cases)
    tr, pp = Translator(lang), Translator(lang)("unit_pp")
    head = _head(lang)
    assert shown.count(head) == 1, lang
    labels = {g.code: g.label.shown() for g in ctx.groups}
    from workbench.reporting.fmt import fmt_diff

    for rec in rows.to_dict("records"):
        said = tr(
            "tost_row",
            group=_in_sentence(labels[rec["group"]]),
            diff=fmt_diff(rec["difference"], "proportion", lang, pp),
            low=fmt_diff(rec["tost_low"], "proportion", lang, ""),
            high=fmt_diff(rec["tost_high"], "proportion", lang, pp),
        )
        assert _one(said) in shown, (lang, said)


@pytest.mark.parametrize("lang", LANGS)
def test_the_line_under_a_table_only_lists_and_points_to_the_rule(lang: str) -> None:
    """rd19: a 3–4-line preamble under ~20 tables hung the list on the p-value clause (fr read
    it as significance results): the line names the interval and where the rule is, no more;
    the rule it points to opens the summary's and the methodology's paragraph."""
    tr = Translator(lang)
    head = _head(lang)
    assert len(head) < 110 and "90" in head, head
    # and the methodology's section by its heading, found in the contents (rd20 fr p. 7–8)
    assert tr("judging") in head, head
    # the quoted title in the line is the rule's own opening words
    rule = report_summary.gap_rule(tr, 95, _mid(lang))
    title = rule.split(":")[0].strip()
    assert title in head, (lang, title)
    r, _ind, _rows = _judged([("inconclusive", 0.04, -0.01, 0.09)])
    ctx, _views, _v = gate(r, ReportOptions(language=lang, fixed_timestamp=FIXED))
    assert report_summary.gap_rule_text(r, ctx) == rule


def test_a_table_whose_intervals_all_clear_the_minimum_has_no_line() -> None:
    cases = [("worse", -0.20, -0.26, -0.14), ("worse", -0.15, -0.21, -0.09)]
    shown, _ctx, _rows = _note("en", cases)
    assert _head("en") not in shown


def test_a_bound_printed_as_the_minimum_gets_one_more_decimal() -> None:
    """en p. 64: a bound printed "−5.0" against a 5.0 minimum decided the verdict below the
    printed precision. That bound only: its partner keeps the report's decimals (rd21 fr
    p. 68: "+4.91" beside "−5.01" read as a second bound at the minimum)."""
    shown, _ctx, _rows = _note("en", [("inconclusive", -0.021, -0.0502, 0.008)])
    assert f"({MINUS}5.02 to +0.8 pp)" in shown, shown


@pytest.mark.parametrize("lang", LANGS)
def test_a_bound_rounding_to_zero_is_written_zero_without_sign(lang: str) -> None:
    """fr p. 31: "de 0,0 à +8,3" among signed figures: the rule (a rounded zero is "0.0" with
    no sign, as in every difference of the report) is stated with the rule of the verdicts,
    and kept in the line."""
    shown, _ctx, _rows = _note(lang, [("inconclusive", 0.041, 0.0003, 0.083)])
    zero = "0,0" if lang in ("fr", "es") else "0.0"
    assert f"+{zero}" not in shown and f"{MINUS}{zero}" not in shown
    assert zero in report_summary.gap_rule(Translator(lang), 95, _mid(lang))


@pytest.mark.parametrize("lang", LANGS)
def test_no_significant_difference_speaks_of_no_important_gap(lang: str) -> None:
    """ar p. 9: "its interval may include a gap of importance" right above "this indicator has
    no minimum important difference"."""
    note = Translator(lang)("fn_assessment_no_significant_difference")
    word = {"en": "that matters", "fr": "qui compte", "es": "que importa", "ar": "ذات أهمية"}
    assert word[lang] not in note, note


@pytest.mark.parametrize("lang", LANGS)
def test_annex_gives_the_equivalence_interval_wherever_the_engine_gave_it(lang: str) -> None:
    """rd20 (en p. 8, 11; fr p. 10; ar p. 8, 10): Module A's "Significant difference" rows,
    judged against a minimum and given the interval by the engine, had blank 90% columns and no
    place in the table's list; rows the engine gave none (no minimum) stay blank."""
    from workbench.reporting.annex_long import comparison_table

    r, _ind, _rows = _judged([("inconclusive", 0.04, -0.01, 0.09)])
    c = r.comparisons
    half = 1.645 * c["se_difference"].astype(float)
    c["tost_low"], c["tost_high"] = c["difference"] - half, c["difference"] + half
    # the engine gives no interval where there is no minimum: half the "different" rows
    diff_rows = c.index[c["assessment"] == "different"]
    none = diff_rows[::2]
    c.loc[none, ["tost_low", "tost_high", "min_important_difference"]] = np.nan
    ctx, views, _v = gate(r, ReportOptions(language=lang, fixed_timestamp=FIXED))
    table = comparison_table(r.publishable(), ctx, views)
    assert table is not None
    tr = Translator(lang)
    lo = table.header.index(tr("col_tost_low", level=90))
    at = table.header.index(tr("col_assessment"))
    different = [row for row in table.rows if str(row[at]) == tr("assessment_different")]
    filled = [row for row in different if row[lo] is not None]
    blank = [row for row in different if row[lo] is None]
    assert filled and blank, lang
    assert all(isinstance(row[lo], float) and isinstance(row[lo + 1], float) for row in filled)
    assert all(row[lo + 1] is None for row in blank), lang
    legend = tr(
        "annex_comparisons_tost",
        level=90,
        sheet=tr("annex_legend_sheet"),
        different=tr("assessment_different"),
    )
    assert legend in table.notes
    # the legend no longer says the columns are blank for a gap judged against a minimum
    assert tr("assessment_different") in legend, legend


@pytest.mark.parametrize("lang", LANGS)
def test_a_significant_difference_of_an_undirected_indicator_is_listed(lang: str) -> None:
    """rd20 en p. 8: "IDPs in camps +6.3 pp Significant difference" left out of the table's
    "Gap and its 90% interval" line beside an "Inconclusive" row."""
    cases = [("different", 0.063, 0.021, 0.105), ("inconclusive", 0.02, -0.02, 0.06)]
    shown, _ctx, _rows = _note(lang, cases)
    pp = Translator(lang)("unit_pp")
    from workbench.reporting.fmt import fmt_diff

    line = shown.split(_head(lang))[1]
    assert fmt_diff(0.021, "proportion", lang, "") in line, (lang, line)
    assert _one(fmt_diff(0.105, "proportion", lang, pp)) in line, (lang, line)


@pytest.mark.parametrize("lang", LANGS)
def test_the_briefing_names_both_intervals_and_below_the_minimum(lang: str) -> None:
    text = Translator(lang)("brief_method_judging", alpha=5, conf=95, level=90)
    assert "95" in text and "90" in text and "{" not in text
    below = {"en": "below the minimum", "fr": "sous le minimum", "es": "bajo el mínimo"}
    assert below.get(lang, "دون الحد الأدنى") in text


def test_english_says_indicators_of_the_criteria() -> None:
    path = Path(i18n.__file__).with_name("i18n") / "en.json"
    texts = json.loads(path.read_text(encoding="utf-8"))
    assert not [k for k, v in texts.items() if isinstance(v, str) and "criteria's" in v]


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_rule_heads_the_first_comparing_chapter_once(lang: str) -> None:
    """The rule in full once in the chapters — not under every table (rd19), not once per
    chapter either."""
    r, _ind, _rows = _judged([("inconclusive", 0.04, -0.01, 0.09)])
    opts = ReportOptions(language=lang, fixed_timestamp=FIXED)
    ctx, views, _v = gate(r, opts)
    b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
    rule = _one(report_summary.gap_rule(Translator(lang), 95, _mid(lang)))
    chapters = list(dict.fromkeys(v.info.criterion for v in views.values()))
    said = [
        t for c in chapters for t in _texts(b.criterion_sections(views, (c,))) if _one(t) == rule
    ]
    assert len(said) == 1, (lang, len(said))


@pytest.mark.parametrize("lang", LANGS)
def test_the_rule_quotes_the_labels_the_tables_print(lang: str) -> None:
    """rd20 (en p. 7, ar p. 7): the rule named "Significant, under the minimum important
    difference" while the tables print "Significant, below 5.0 pp minimum"; and it did not say
    what an undirected indicator's significant gap is called ("Significant difference")."""
    r, _ind, _rows = _judged([("inconclusive", 0.04, -0.01, 0.09)])
    ctx, _views, _v = gate(r, ReportOptions(language=lang, fixed_timestamp=FIXED))
    rule = report_summary.gap_rule_text(r, ctx)
    assert rule is not None
    tr = Translator(lang)
    assert tr("assessment_small_difference_mid", mid=_mid(lang)) in rule, (lang, rule)
    assert tr("assessment_different") in rule, (lang, rule)


@pytest.mark.parametrize("lang", LANGS)
def test_the_methodology_states_the_rule_once(lang: str) -> None:
    """rd20 (en p. 85, fr p. 87, ar p. 85): older paragraphs on equivalence and "inconclusive"
    stood just above "How a gap is judged", which says the same; what only they said — how an
    inconclusive gap counts — is kept, once."""
    from workbench.reporting.judging import judging_paragraphs

    r, _ind, _rows = _judged(
        [("inconclusive", 0.04, -0.01, 0.09), ("equivalent", 0.0, -0.02, 0.02)]
    )
    r.snapshot.options["substantive"] = True
    r.snapshot.options["equivalence"] = True
    ctx, _views, _v = gate(r, ReportOptions(language=lang, fixed_timestamp=FIXED))
    tr = Translator(lang)
    paras = judging_paragraphs(r, tr, ctx)
    rule = report_summary.gap_rule_text(r, ctx)
    assert paras.count(rule) == 1, lang
    assert tr("judging_equivalence") not in paras and tr("judging_inconclusive") not in paras
    counts = tr("judging_inconclusive_counts", inconclusive=tr("assessment_inconclusive"))
    assert counts in paras, lang
