"""The executive summary and the briefing say what the engine decided, in words a reader can check
against the figures (issue 20, "Reports readers can act on"): the rating rule as stats.summary.rate
applies it, the same words in the legend and the method."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader
from reporting_fixture import make_results

from workbench.reporting.fmt import fmt_threshold
from workbench.reporting.i18n import Translator
from workbench.reporting.judging import grid_intro, judging_paragraphs

LANGS = ("en", "fr", "es", "ar")
#: the ratings' symbols, in the order every rule text names them
SYMBOLS = "■▲◆●○"


def _clauses(text: str) -> dict[str, str]:
    """symbol → the words of its clause ("▲" → "Mixed when …"), punctuation and the
    conjunction before the next symbol left off."""
    parts = re.split(f"([{SYMBOLS}])", text)
    out = {}
    for sym, body in zip(parts[1::2], parts[2::2], strict=True):
        out[sym] = body.strip().rstrip(".,،؛ و").strip()
    return out


def _with_rule(rule: str):
    r = make_results()
    cs = r.criteria_summary.copy()
    cs["rule"] = rule
    r.criteria_summary = cs
    return r


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rule", ["share_worse", "any_worse"])
def test_the_legend_and_the_method_word_the_rating_rule_alike(lang, rule):
    """Issue 20: the summary's legend read "▲ Mixed when some are or some could not be assessed",
    the method "▲ Mixed when fewer are or …" and "◆ Inconclusive when … all were assessed", yet a
    cell read "◆ Inconclusive 0/1 — 2 not compared": the rule did not say that indicators not
    compared are left out of the rating. Both texts now give each rating in the same words and
    say so."""
    r = _with_rule(rule)
    tr = Translator(lang)
    legend = _clauses(grid_intro(r, tr, "Host"))
    method = _clauses(judging_paragraphs(r, tr)[0])
    assert set(legend) == set(method) == set(SYMBOLS), (legend, method)
    for sym in "■▲◆○":  # ● No gap: the method adds what "shown equivalent" means
        assert legend[sym] == method[sym], (lang, rule, sym, legend[sym], method[sym])
    left_out = {
        "en": "indicators not compared are left out of the rating and counted beside it",
        "fr": "les indicateurs non comparés sont exclus de la notation et comptés à côté",
        "es": "los indicadores no comparados quedan fuera de la calificación y se cuentan aparte",
        "ar": "أما المؤشرات التي لم تُقارَن فتُستبعد من التقييم وتُعدّ بجانبه",
    }[lang]
    too_little = {
        "en": "too little data",
        "fr": "trop peu de données",
        "es": "muy pocos datos",
        "ar": "بيانات قليلة جدًا",
    }[lang]
    for text in (grid_intro(r, tr, "Host"), judging_paragraphs(r, tr)[0]):
        flat = text.replace("\u00a0", " ")
        assert left_out in flat and too_little in flat, (lang, text)
    # "could not be assessed" is "too little data" (insufficient_data makes a cell amber),
    # never "all were assessed" beside a cell with indicators not compared
    assert too_little in legend["▲"].replace("\u00a0", " ")


@pytest.mark.parametrize(
    ("share", "lang", "text"),
    [
        (0.5, "en", "50%"),
        (0.5, "fr", "50\u00a0%"),
        (0.165, "en", "16.5%"),
        (0.333, "fr", "33,3\u00a0%"),
        (0.125, "es", "12,5\u00a0%"),
        (2 / 3, "en", "66.667%"),
    ],
)
def test_a_rule_threshold_has_only_the_decimals_it_has(share, lang, text):
    assert fmt_threshold(share, lang) == text


def test_the_summary_rule_says_50_percent_not_50_point_0():
    """The rule read "Worse when at least 50.0% are": a threshold with a spurious decimal."""
    r = _with_rule("share_worse")
    intro = grid_intro(r, Translator("en"), "Host")
    assert "at least 50% of the assessed" in intro and "50.0" not in intro
    fr = judging_paragraphs(r, Translator("fr"))[0]
    assert "au moins 50\u00a0% des" in fr and "50,0" not in fr


def test_the_briefing_prints_the_rule_in_the_same_words_as_its_method(en_report):
    """Read back from the briefing PDF: the rule under the grid and in "Method in brief" both
    say that indicators not compared are left out (the sentinel run rates by "any worse")."""
    pdf = en_report.with_name("en-brief.pdf")
    flat = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(str(pdf)).pages).split())
    words = "indicators not compared are left out of the rating and counted beside it"
    assert flat.count(words) == 2, flat
    assert flat.count("▲ Mixed when none is worse but some could not be assessed (too little") == 2
