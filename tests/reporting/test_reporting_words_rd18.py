"""rd18's page-by-page reading: the solutions notes, the annex's "‡" and the headings' breaks."""

from __future__ import annotations

import dataclasses
import math

import pytest
from reporting_fixture import make_results
from reportlab.pdfbase.pdfmetrics import stringWidth
from test_reporting_words_rd17 import _solutions

from workbench.reporting import ReportOptions
from workbench.reporting.annex_tables import _notes, annex_tables, marks_combine
from workbench.reporting.context import build_context
from workbench.reporting.fmt import NO_INTERVAL_MARK
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_text import balanced_lines, dash_with_next
from workbench.reporting.solutions_notes import uncovered_notes
from workbench.stats.results import ALL_DISPLACED
from workbench.stats.snapshot import DisaggregationText
from workbench.stats.solutions import UNIT as SOLUTIONS_UNIT

LANGS = ("en", "fr", "es", "ar")


def _two(first, second):
    """One method's rows under two breakdowns, "year" and "years" (NaN: a withheld n)."""
    import pandas as pd

    a, b = _solutions(first), _solutions(second)
    a.loc[a["disaggregation"] == "sex", "disaggregation"] = "year"
    b = b[b["disaggregation"] != "total"].copy()
    b["disaggregation"] = "years"
    return pd.concat([a, b], ignore_index=True)


@pytest.mark.parametrize("lang", LANGS)
def test_breakdowns_of_one_column_withhold_or_give_the_same_count(lang):
    """rd18 en p. 76: "Year of displacement: … IDPs outside camps (not counted: a row of theirs
    is withheld)" beside "Years since displacement: IDPs outside camps (29 of 923)" — counted
    from the same year, the second note gave away the n the first withheld."""
    tr = Translator(lang)
    ctx = build_context(make_results(), ReportOptions(language=lang))
    ctx = dataclasses.replace(ctx, columns={"year": "year_col", "years": "year_col"})
    labels = {"1": "A", "2": "B", ALL_DISPLACED: "C"}
    rows = _two(
        {"1": [100, math.nan, 50], "2": [200, 90, 100], ALL_DISPLACED: [300, 130, 150]},
        {"1": [100, 20, 70], "2": [200, 90, 100], ALL_DISPLACED: [300, 110, 170]},
    )
    withheld = tr("group_uncovered_withheld", group="A")
    notes = uncovered_notes(tr, ctx, rows, labels)
    assert notes and all(withheld in n for n in notes), notes
    # breakdowns of different columns decide apart: B's count and A's are each given
    ctx = dataclasses.replace(ctx, columns={"year": "year_col", "years": "other"})
    (note,) = uncovered_notes(tr, ctx, rows, labels)  # one note, each breakdown named in it
    years = tr(
        "fn_rows_uncovered_item", breakdowns=ctx.breakdown("years", SOLUTIONS_UNIT), groups=""
    )
    year, years = note.split(years)
    assert withheld in year and withheld not in years, note


@pytest.mark.parametrize("lang", LANGS)
def test_breakdowns_missing_the_same_households_share_one_note(lang):
    """rd18 fr p. 79: four notes in a row, each "… (9 sur 552)": one note names them all."""
    tr = Translator(lang)
    ctx = build_context(make_results(), ReportOptions(language=lang))
    labels = {"1": "A", ALL_DISPLACED: "C"}
    same = {"1": [100, 40, 50], ALL_DISPLACED: [300, 130, 150]}
    (note,) = uncovered_notes(tr, ctx, _two(same, same), labels)
    assert note.startswith(
        tr("fn_rows_uncovered_many", breakdowns="\x00", groups="").split("\x00")[0]
    )
    assert "year" in note and "years" in note, note


@pytest.mark.parametrize("lang", LANGS)
def test_breakdowns_missing_other_households_are_named_in_one_note(lang):
    """rd18 fr p. 79: 13 note lines, "District d'origine", "Cause", "Année", "Années depuis…",
    each repeating "la moyenne des lignes peut s'écarter du total": the sentence once."""
    tr = Translator(lang)
    ctx = build_context(make_results(), ReportOptions(language=lang))
    labels = {"1": "A", ALL_DISPLACED: "C"}
    rows = _two(
        {"1": [100, 40, 50], ALL_DISPLACED: [300, 130, 150]},
        {"1": [100, 40, 55], ALL_DISPLACED: [300, 130, 160]},
    )
    (note,) = uncovered_notes(tr, ctx, rows, labels)
    lead = tr("fn_rows_uncovered_each", items="\x00").split("\x00")[0]
    assert note.startswith(lead) and note.count(lead) == 1, note
    for dis in ("year", "years"):
        name = ctx.breakdown(dis, SOLUTIONS_UNIT)
        assert tr("fn_rows_uncovered_item", breakdowns=name, groups="") in note, note


def test_a_snapshot_keeps_the_column_a_breakdown_reads():
    d = DisaggregationText("years", {"en": "Years"}, column="displacement_year")
    assert DisaggregationText.from_dict(dataclasses.asdict(d)).column == "displacement_year"


@pytest.mark.parametrize("lang", LANGS)
def test_the_annex_says_double_dagger_only_where_a_cell_carries_it(lang):
    """rd18 en: every sheet's notes and the Symbols sheet's intro explained a "‡" no cell had."""
    ctx = build_context(make_results(), ReportOptions(language=lang))
    tr = Translator(lang)
    tables = annex_tables(make_results().publishable(), ctx)
    for t in tables:
        carries = any(isinstance(c, str) and NO_INTERVAL_MARK in c for r in t.rows for c in r)
        assert carries or NO_INTERVAL_MARK not in t.notes, (t.id, t.notes)
    assert NO_INTERVAL_MARK not in marks_combine(tr)
    assert NO_INTERVAL_MARK in marks_combine(tr, gap=True)
    assert NO_INTERVAL_MARK in _notes(tr, ctx, True, [["x", f"†{NO_INTERVAL_MARK}"]])
    assert NO_INTERVAL_MARK not in _notes(tr, ctx, True, [["x", "†"]])


def _measure(text: str) -> float:
    return stringWidth(text, "Helvetica-Bold", 13)


@pytest.mark.parametrize(
    "title",
    [
        "Displaced population by sex and age group (IDPs and returnees, IRIS definition)",
        "Displaced population by location type and urban / rural (IDPs and returnees, IRIS"
        " definition)",
    ],
)
def test_a_heading_breaks_between_phrases_and_never_beside_a_slash(title):
    """rd18 en p. 77, 81: "… by sex and age / group (…)" and "… and urban / / rural (…)" (a line
    began "/ rural")."""
    width = _measure(title) * 0.8
    lines = balanced_lines(dash_with_next(title), width, _measure).split("\n")
    assert len(lines) == 2, lines
    assert lines[1].startswith("("), lines
    for w in range(200, int(_measure(title)), 15):
        for line in balanced_lines(dash_with_next(title), w, _measure).split("\n"):
            assert not line.startswith("/") and not line.endswith("/"), (w, line)


@pytest.mark.parametrize(
    ("lang", "word"), [("en", "compared"), ("fr", "comparés"), ("es", "comparados"), ("ar", "قورن")]
)
def test_the_inconclusive_rule_leaves_the_indicators_not_compared_aside(lang, word):
    """rd18 en p. 5: "◆ Inconclusive when none is worse and all could be assessed" beside a ◆
    cell with "2 not compared": the rule speaks of the indicators compared."""
    tr = Translator(lang)
    for key in ("summary_grid_intro", "summary_grid_intro_share_worse", "judging_rule_any_worse"):
        text = tr(key, share="50%")
        rule = text[text.index("◆") : text.index("●")]
        assert word in rule, (key, rule)
