"""Words and notes that slowed readers of the rd17 demo reports (issue 20), in English, French,
Spanish and Arabic: checked on the catalogue's texts and on the notes the report builds."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from reporting_fixture import make_results

from workbench.reporting import ReportOptions
from workbench.reporting.annex_tables import withheld_rows_note
from workbench.reporting.context import build_context
from workbench.reporting.i18n import Translator, catalog
from workbench.reporting.solutions_notes import uncovered_notes
from workbench.stats.results import ALL_DISPLACED, STOCK_TOTAL

LANGS = ["en", "fr", "es", "ar"]


@pytest.mark.parametrize(
    ("lang", "cut"), [("en", "cut"), ("fr", "coupé"), ("es", "cortado"), ("ar", "مقطوع")]
)
def test_a_shortened_axis_says_where_it_ends_not_that_it_is_cut(lang, cut):
    """ "% (axis cut at 40)": "cut" read as bars or whiskers truncated; the scale only stops at
    40. Short, as an axis title."""
    text = Translator(lang)("chart_axis_zoomed", top="40")
    assert cut not in text and "40" in text and len(text) <= 24, text


@pytest.mark.parametrize(("lang", "minimum"), [("fr", "min."), ("es", "mín."), ("ar", "دون حدّ")])
def test_the_under_the_minimum_mark_says_below_what_in_two_lines(lang, minimum):
    """rd17 fr p. 9: English said "Significant, below 5.0 pp minimum", French still
    « Significatif, sous 5,0 pts » — below what? Said in every language, and on two lines of the
    Assessment column at most, as before: the French demo's column is 58 pt wide (« Significatif,
    sous 5,0 pts minimum » took three lines there), the Arabic one 49 pt (« … دون الحد الأدنى 5.0
    نقطة » took three)."""
    from workbench.reporting.pdf_text import make_styles, para

    tr = Translator(lang)
    pts = {"fr": "5,0 pts", "es": "5,0 pp", "ar": "5.0 نقطة"}[lang]
    text = tr("assessment_small_difference_mid", mid=pts)
    assert minimum in text, text
    style = make_styles(lang).cell
    _w, height = para(text, style, lang).wrap(48 if lang == "ar" else 58, 1000)
    assert round(height / style.leading) <= 2, text


@pytest.mark.parametrize("lang", LANGS)
def test_worse_and_better_are_counted_by_one_rule_and_said_so(lang):
    """rd17 en p. 6: "82 substantively worse, 1 significantly better" — the engine counts both by
    one rule (judgement.assess: significant and at least the minimum important difference); the
    words set them apart."""
    text = Translator(lang)(
        "summary_tests", tests=105, worse=82, better=1, alpha=5, chance=5, comparator="", rest=""
    )
    apart = {"en": ("substantively", "significantly better"),
             "fr": ("substantiel", "significativement plus"),
             "es": ("sustancialmente", "significativamente mejor"),
             "ar": ("بشكل جوهري", "أفضل بدلالة")}[lang]  # fmt: skip
    assert not any(word in text for word in apart), text
    rule = {"en": "one rule", "fr": "même règle", "es": "misma regla", "ar": "قاعدة واحدة"}[lang]
    assert rule in text and "82" in text and "1" in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_no_chart_note_compares_no_total(lang):
    """rd17 en p. 62, ar p. 61; rd19 ar p.64: the bars of three totals of groups of different
    size invited the comparison the note forbade; a total now has no chart, and its note says
    so and why, comparing no total with another."""
    tr = Translator(lang)
    for key in ("fn_no_chart_total", "fn_no_chart_total_withheld"):
        text = tr(key, comparator="H")
        assert "{" not in text, text
        each_other = {"en": "with each other", "fr": "entre eux", "es": "entre sí",
                      "ar": "بعضها ببعض"}[lang]  # fmt: skip
        no_chart = {"en": "No chart", "fr": "Aucun graphique", "es": "ningún gráfico",
                    "ar": "لا يُرسم رسم بياني"}[lang]  # fmt: skip
        assert each_other in text and no_chart in text, text


@pytest.mark.parametrize("lang", LANGS)
def test_one_wording_per_pointer_and_per_dash_key(lang):
    """rd17 ar p. 74: the "–" key worded differently under the solutions' breakdowns than under
    every other table; en/ar: the Word pointer to the notes said it differently from the PDF's.
    One wording each."""
    words = catalog(lang)
    assert "word_notes_after_breakdowns" not in words and "fn_empty_breakdown" not in words
    # the solutions' "–" adds what the method cannot assess, in the same words otherwise
    head = words["fn_empty"].split(":")[0].strip()
    assert words["fn_empty_solutions"].startswith(head), (head, words["fn_empty_solutions"])


@pytest.mark.parametrize(("lang", "arabic"), [("en", "Arabic"), ("fr", "arabe"), ("ar", "العربية")])
def test_the_csv_list_says_which_file_an_arabic_spreadsheet_opens(lang, arabic):
    """rd17 ar p. 69: annex-files.csv named French, Spanish and continental European locales for
    the semicolon files and nothing for Arabic ones, the annex's own readers."""
    tr = Translator(lang)
    comma, semicolon = tr("annex_csv_comma"), tr("annex_csv_semicolon")
    assert arabic in comma and arabic in semicolon  # most: decimal point; the Maghreb: comma


def _cause_by_year(withheld: int, cells: int) -> pd.DataFrame:
    rows = [(str(2010 + i), "suppressed" if i < withheld else "") for i in range(cells)]
    rows.append((STOCK_TOTAL, ""))
    return pd.DataFrame(
        {
            "table": "cause_by_year",
            "group": ALL_DISPLACED,
            "row_var": "cause",
            "col_var": "year",
            "row_value": "Disaster",
            "col_value": [c for c, _f in rows],
            "flag": [f for _c, f in rows],
            "suppression": ["primary" if f else "" for _c, f in rows],
            "estimate": 10.0,
        }
    )


@pytest.mark.parametrize("lang", LANGS)
def test_a_wholly_withheld_row_is_called_so(lang):
    """rd17 fr p. 81: « Lignes presque entièrement masquées : … (15 sur 15 non publiées) » — 15
    of 15 is wholly withheld: the head word follows the counts."""
    tr = Translator(lang)
    ctx = build_context(make_results(), ReportOptions(language=lang))
    wholly = withheld_rows_note(tr, ctx, _cause_by_year(4, 4))
    mostly = withheld_rows_note(tr, ctx, _cause_by_year(3, 4))
    assert wholly.startswith(tr("stock_rows_withheld_wholly")), wholly
    assert mostly.startswith(tr("stock_rows_withheld_mostly")), mostly


def _solutions(n: dict[str, list[float]]) -> pd.DataFrame:
    """One method's rows: each group's total and its two sex rows (n assessable; NaN: withheld)."""
    out = []
    for group, (total, female, male) in n.items():
        out.append((group, "total", "", total, ""))
        for level, count in (("Female", female), ("Male", male)):
            flag = "suppressed" if math.isnan(count) else ""
            out.append((group, "sex", level, count, flag))
    return pd.DataFrame(
        out, columns=["group", "disaggregation", "disaggregation_value", "n_assessable", "flag"]
    )


@pytest.mark.parametrize("lang", LANGS)
def test_the_households_in_no_row_add_up_across_the_groups_named(lang):
    """rd17 en p. 75: "Year of displacement: … all displaced (71 of 2,156)" and "Years since
    displacement: IDPs outside camps (29 of 923), returnees (26 of 681) and all displaced (71 of
    2,156)" — IDPs in camps' 16 in neither note (their rows hold a withheld n, so their count is
    not given). A group whose count is not given is named where all displaced groups together
    have households in no row that the counted groups do not hold."""
    tr = Translator(lang)
    ctx = build_context(make_results(), ReportOptions(language=lang))
    labels = {"1": "A", "2": "B", ALL_DISPLACED: "C"}
    withheld = tr("group_uncovered_withheld", group="A")
    # group 1: a row withheld; group 2: 10 in no row; all displaced: 15 → 5 are group 1's
    rows = _solutions(
        {"1": [100, math.nan, 50], "2": [200, 90, 100], ALL_DISPLACED: [300, 135, 150]}
    )
    (note,) = uncovered_notes(tr, ctx, rows, labels)
    assert withheld in note and "15" in note and "10" in note, note
    # the counted groups hold all of them: group 1 is not named
    rows = _solutions(
        {"1": [100, math.nan, 50], "2": [200, 90, 100], ALL_DISPLACED: [300, 140, 150]}
    )
    (note,) = uncovered_notes(tr, ctx, rows, labels)
    assert withheld not in note and "10" in note, note


def test_the_cells_left_out_are_named_in_the_tables_order():
    """rd17: the cause × year note named "Not stated × Not stated, Disaster × 2012 … and Not
    stated × 2012" — the cells with no case first, then those the tabulation has no row for."""
    from workbench.reporting.table_notes import in_table_order

    part = pd.DataFrame(
        {
            "row_value": ["Conflict", "Disaster", "Not stated"],
            "col_value": ["2012", "2013", "Not stated"],
            "row_rank": [0, 1, 2],
            "col_rank": [0, 1, 2],
        }
    )
    cells = [
        ("Not stated", "Not stated", ("c", "")),
        ("Disaster", "2012", ("a", "")),
        ("Not stated", "2012", ("b", "")),
    ]
    assert in_table_order(part, cells) == [("a", ""), ("b", ""), ("c", "")]


def test_the_cells_left_out_for_no_case_are_grouped_as_those_withheld():
    """rd22 en p.79: the cause × year note listed the cells with no case one by one
    ("Disaster × 2012, Disaster × 2013, …") beside the withheld ones grouped ("Disaster (2019,
    2021 and Not stated)"): both are named a row level once, consecutive years as a range."""
    from workbench.reporting.i18n import Translator
    from workbench.reporting.table_notes import cells_named

    tr = Translator("en")
    cells = [("Disaster", str(y)) for y in range(2012, 2018)]
    cells += [("Not stated", "2012"), ("Not stated", "Not stated")]
    text = cells_named(tr, cells)
    assert text == "Disaster (2012–2017) and Not stated (2012 and Not stated)", text
    # a row level with one cell is named as the table names it (rd23: "Alvora (Alvora)")
    assert cells_named(tr, [("Alvora", "Alvora"), ("Bendeki", "")]) == "Alvora × Alvora and Bendeki"
