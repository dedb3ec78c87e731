"""rd21 (en, fr, ar): words that said one thing in one place and another elsewhere.

"Significant difference" is the engine's label for a significant gap on an indicator with no
better or worse direction, at least its minimum important difference where it has one
(stats/judgement.py): the rule, every table that prints it and the annex's symbols say so, each
table for its own indicator (p. 8 and p. 10–11 printed it with no note; p. 9 and p. 14 said
only "no minimum"). The summary's ten other gaps are named in its bullets, not beside them; the
methodology says the rule's labels once; the annex names the summary by its heading; a bound
gets the extra decimal only where it would print as the minimum; a breakdown withheld whole
reads one way whether or not its indicator has a chart; the Arabic sentences name the product
in Arabic."""

from __future__ import annotations

import json
import math
import re

import numpy as np
import pytest
from reporting_fixture import make_results
from test_reporting_gap_intervals import _judged, _mid
from test_reporting_tables_act import _builder, texts

from workbench.reporting import ReportOptions
from workbench.reporting import summary as report_summary
from workbench.reporting.i18n import CATALOG_DIR, Translator
from workbench.reporting.views import _bounds
from workbench.stats.judgement import assess

LANGS = ["en", "fr", "es", "ar"]


def _one(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def test_the_engine_gives_significant_difference_for_no_direction_whatever_the_minimum() -> None:
    """What the words below describe: an undirected indicator's significant gap is
    "different" when at least its minimum or when it has none, "small_difference" under it."""
    got = assess(
        diff=np.array([0.06, 0.03, 0.01, 0.06]),
        p=np.array([0.001, 0.001, 0.001, 0.001]),
        p_equiv=np.array([np.nan] * 4),
        mid=np.array([0.05, 0.05, np.nan, 0.05]),
        direction=np.array(["neutral", "neutral", "neutral", "lower_is_better"]),
        alpha=0.05,
    )
    assert list(got) == ["different", "small_difference", "different", "worse"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_table_printing_significant_difference_says_why_for_its_indicator(lang) -> None:
    """A share with a 5-point minimum (Module A's disabilities, p. 10) and a ratio with none
    (dependency ratio, p. 9): each table has a note on "Significant difference" — no better or
    worse direction, and the table's own minimum or none; the no-minimum note of "Worse" and
    "Better" no longer speaks for it."""
    r = make_results()
    cmp_ = r.comparisons
    ids = list(dict.fromkeys(cmp_["indicator_id"].astype(str)))
    with_mid, no_mid = ids[1], ids[2]
    for ind, mid in ((with_mid, 0.05), (no_mid, math.nan)):
        rows = cmp_["indicator_id"] == ind
        cmp_.loc[rows, "assessment"] = "different"
        cmp_.loc[rows, "min_important_difference"] = mid
    b, views = _builder(r, lang)
    tr = Translator(lang)
    label = tr("quoted", text=tr("assessment_different"))
    sides = {a: tr("quoted", text=tr(f"assessment_{a}")) for a in ("worse", "better")}
    text = {i: _one(" ".join(texts(b.indicator(views[i])))) for i in (with_mid, no_mid)}
    said = _one(tr("fn_assessment_different", label=label, mid=_mid(lang), **sides))
    plain = _one(tr("fn_assessment_different_no_mid", label=label, **sides))
    assert said in text[with_mid] and plain not in text[with_mid], (lang, text[with_mid])
    assert plain in text[no_mid] and said not in text[no_mid], (lang, text[no_mid])
    worse_note = _one(tr("fn_assessment_worse_no_mid", labels=label))
    assert worse_note not in text[no_mid]


@pytest.mark.parametrize("lang", LANGS)
def test_the_rule_and_the_symbols_sheet_say_what_the_engine_does(lang) -> None:
    """The rule says what a significant gap is called when its indicator has no minimum —
    the "Significant difference" label among them —; the annex's symbols sheet defines
    "Significant difference" by the same minimum clause as "Worse" and "Better" (it said only
    "describes the population")."""
    tr = Translator(lang)
    rule = report_summary.gap_rule(tr, 95, _mid(lang))
    label = tr("quoted", text=tr("assessment_different"))
    assert rule.count(label) == 2, (lang, rule)  # no direction; no minimum
    worse = tr("verdict_worse", alpha=5, level=90)
    better = tr("verdict_better", alpha=5, level=90)
    common = next(i for i, (a, b) in enumerate(zip(worse, better, strict=False)) if a != b)
    cut = max(worse.rfind(mark, 0, common) for mark in (",", "،"))
    clause = worse[:cut]
    assert tr("verdict_different", alpha=5, level=90).startswith(clause), (lang, clause)


@pytest.mark.parametrize("lang", LANGS)
def test_the_methodology_quotes_the_below_minimum_label_once(lang) -> None:
    """rd21 fr p. 86, ar p. 85–86, en p. 84: the paragraph above "How a gap is judged" said
    what "Worse", "Better" and the below-minimum label mean, and that each table gives the
    threshold, as the rule does just after it."""
    from reporting_testkit import FIXED

    from workbench.reporting.build import gate
    from workbench.reporting.judging import judging_paragraphs

    r, _ind, _rows = _judged([("inconclusive", 0.04, -0.01, 0.09)])
    r.snapshot.options["substantive"] = True
    ctx, _views, _v = gate(r, ReportOptions(language=lang, fixed_timestamp=FIXED))
    tr = Translator(lang)
    text = " ".join(judging_paragraphs(r, tr, ctx))
    small = tr("assessment_small_difference_mid", mid=_mid(lang))
    assert text.count(small) == 1, (lang, text)


@pytest.mark.parametrize(
    ("lang", "also", "beside"),
    [
        ("en", "also", "beside"),
        ("fr", "aussi", "à côté"),
        ("es", "también", "a su lado"),
        ("ar", "أيضًا", "بجانب"),
    ],
)
def test_the_summarys_other_gaps_are_named_in_the_bullets(lang, also, beside) -> None:
    """rd21 fr p. 6: "(… and the 10 named beside them)": the ten are the bullets' "Also worse
    there: …", named in them, as that sentence's own word "also" says."""
    tr = Translator(lang)
    said = tr("gaps_besides_named", shown=5, named=10)
    assert also in tr("gap_also_worse", groups="x").lower() and also in said, said
    assert not re.search(rf"{beside}\b", said), said


@pytest.mark.parametrize("lang", LANGS)
def test_the_annex_names_the_summary_by_its_heading(lang) -> None:
    """rd21 fr: the annex's criteria sheet spoke of the « résumé exécutif », the report and
    briefing of the « Résumé analytique »."""
    tr = Translator(lang)
    notes = tr("annex_criteria_notes", level=90).lower()
    assert tr("summary").lower() in notes, (lang, notes[:80])


def test_only_the_bound_at_the_minimum_gets_the_extra_decimal() -> None:
    """rd21 fr p. 68–69: "0.0 pp (−5.01 to +4.91 pp)": the extra decimal is for a bound that
    would print as the minimum (−5.0), as the rule says, not for its partner."""
    low, high = _bounds(-0.0501, 0.0491, 0.05, "proportion", "en", "pp", "")
    assert (low, _one(high)) == ("\u22125.01", "+4.9 pp"), (low, high)
    low, high = _bounds(-0.021, 0.0502, 0.05, "proportion", "en", "pp", "")
    assert (low, _one(high)) == ("\u22122.1", "+5.02 pp"), (low, high)


@pytest.mark.parametrize("lang", LANGS)
def test_a_withheld_breakdown_reads_one_way_with_or_without_a_chart(lang) -> None:
    """rd21 en p. 64 vs p. 70: "No table is shown for it" and "No table or chart panel is shown
    for it" for the same all-withheld breakdown: one catalogue entry, no variant."""
    catalogue = json.loads((CATALOG_DIR / f"{lang}.json").read_text(encoding="utf-8"))
    variants = [k for k in catalogue if k.startswith("breakdown_withheld_shown")]
    assert variants == ["breakdown_withheld_shown"], variants


def test_arabic_sentences_name_the_product_in_arabic() -> None:
    """rd21 ar p. 85–90: "كما تصفه وثائق التقارير في Workbench", "في Workbench،": the Latin
    name inside Arabic sentences; the product's full name in the versions table stays."""
    catalogue = json.loads((CATALOG_DIR / "ar.json").read_text(encoding="utf-8"))
    latin = {k: t for k, t in catalogue.items() if "Workbench" in t}
    assert not latin, latin


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_the_solutions_headline_prints_its_intervals_as_the_method_lines_do(lang):
    """rd22 en/ar p.5: "(95% CI 0.2% to 1.7%)" stood a few lines above "4.3% (3.2 – 5.7)". The
    headline and its benchmark name the interval and print it as the lines under them and
    the tables do."""
    from workbench.reporting.context import build_context
    from workbench.reporting.fmt import fmt_ci

    r = make_results()
    ctx = build_context(r, ReportOptions(language=lang))
    text = report_summary.solutions_headline(r, ctx)
    assert text
    sol = r.solutions
    shown = [
        fmt_ci(float(row["ci_low"]), float(row["ci_high"]), "proportion", lang)
        for _i, row in sol.iterrows()
        if not (math.isnan(float(row["ci_low"])) or math.isnan(float(row["ci_high"])))
    ]
    cited = [ci for ci in shown if ci in text.replace("\u00a0", " ")]
    assert cited, (text, shown[:4])
    tr = Translator(lang)
    named = tr("gap_figure_ci_first", ci="").strip(" ()")
    assert named.split()[0] in text


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_the_summarys_intervals_never_break_at_their_dash(lang):
    """rd23 en p.5: "(95% CI 0.2 –" / "1.7)." — the headline's interval broke at its dash; the
    stock's "(95% CI 855,865 to 943,499)" beside the tables' "855,865 – 943,499". Both print an
    interval as the tables do, on one line."""
    from workbench.reporting.context import build_context

    r = make_results()
    ctx = build_context(r, ReportOptions(language=lang))
    text = report_summary.solutions_headline(r, ctx) or ""
    assert re.search(r"\d\u00a0–\u00a0\d", text), text
    stock = Translator(lang)("stock_ci", low="855,865", high="943,499")
    assert "855,865\u00a0–\u00a0943,499" in stock, stock
