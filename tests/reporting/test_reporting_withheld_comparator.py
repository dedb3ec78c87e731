"""en_B 1, fr_B 2, ar_B 12: "Separated households that used family tracing" — the host
community's estimate withheld "(*)" (a complement: 37 cases, enough) and every displaced
group's assessment read "Insufficient data", which the "(*)" note contradicts. The engine says
why (``insufficient_reason``); the PDF, the Word report and the annex say "Not compared:
comparator withheld" with a note, and keep "Insufficient data" for too little data."""

from __future__ import annotations

import io

import pytest
from reporting_fixture import make_results
from test_reporting_secondary_marks import _flat
from test_reporting_solutions_bounds import _pdf_lines, _plain
from test_reporting_tables_act import _builder, texts

from workbench.reporting.context import _in_sentence
from workbench.reporting.fmt import SECONDARY, SUPPRESSED
from workbench.reporting.i18n import Translator

IND = "food_insecure"


def _withheld(reason: str = "comparator_withheld"):
    """Fixture results where the comparator's total of ``IND`` is withheld: a complement
    (``reason`` "comparator_withheld") or, as runs stored before the reason, none given."""
    r = make_results()
    est, cmp_ = r.estimates, r.comparisons
    est["suppression"] = est.get("suppression", "")
    est["suppression"] = est["suppression"].astype(object).fillna("")
    host = (est["indicator_id"] == IND) & (est["group"] == "4") & (est["disaggregation"] == "total")
    assert host.any()
    est.loc[host, ["flag", "suppression"]] = ["suppressed", "complementary"]
    mine = (cmp_["indicator_id"] == IND) & (cmp_["disaggregation"] == "total")
    cmp_.loc[mine, ["flag", "assessment"]] = ["suppressed", "insufficient_data"]
    cmp_.loc[mine, ["p_value", "p_adjusted"]] = float("nan")
    cmp_["insufficient_reason"] = ""
    cmp_.loc[mine, "insufficient_reason"] = reason
    return r


def _assessments(v, tr) -> list[str]:
    at = v.table.header.index(tr("col_assessment"))
    return [row[at] for row in v.table.rows if row[at]]


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_a_comparison_withheld_for_the_comparator_is_not_called_insufficient_data(lang) -> None:
    from docx import Document
    from test_reporting_docx_table import _meta as docx_meta

    from workbench.reporting.annex import legend_rows
    from workbench.reporting.annex_long import long_tables
    from workbench.reporting.docx_render import DocxRenderer
    from workbench.reporting.pdf_tables import make_table
    from workbench.reporting.rtl import without_marks

    b, views = _builder(_withheld(), lang)
    tr = Translator(lang)
    v = views[IND]
    words = tr("assessment_comparator_withheld")
    assert _assessments(v, tr) == [words] * 3, v.table.rows  # the 3 displaced groups
    comparator = _in_sentence(b.ctx.comparator.label.shown())
    note = tr("fn_assessment_comparator_withheld", comparator=comparator)
    story = _flat(" ".join(texts(b.indicator(v))))
    assert _flat(note) in story
    assert _flat(tr("fn_comparator_withheld", comparator=comparator)) not in story  # one note
    # the PDF's text: the cells and the note, never "Insufficient data"
    lines = _pdf_lines(b, b.indicator(v), lang)
    text = _flat(" ".join(lines))
    assert _flat(tr("assessment_insufficient_data")) not in text, lines
    if lang != "ar":  # pdftotext gives right-to-left table cells in visual pieces
        assert text.count(_flat(words)) >= 3 + 1, lines  # the 3 cells and the note's start
    # the Word report's cells
    word = DocxRenderer(docx_meta(lang))
    word.add([make_table(v.table.header, v.table.rows, [80.0] * 7, b.styles, lang)])
    doc = Document(io.BytesIO(word.finish()))
    shown = [_plain(without_marks(c.text)) for t in doc.tables for row in t.rows for c in row.cells]
    assert shown.count(_plain(words)) == 3, shown
    # the annex "Comparisons" sheet, in the report's words
    _breakdowns, comparisons = long_tables(b.results, b.ctx)
    mine = [row for row in comparisons.rows if IND in row]
    assert mine and all(words in row for row in mine), mine
    # never computed: neither "*" (too few) nor "(*)" ("withheld, though there are enough
    # cases", which a script reads as a difference computed and hidden; en_B 3, fr_B 6) nor a
    # blank (an unflagged missing value to a script filtering on the flag; ar_B 2): the
    # report's "Not computed", and the legend and the sheet's notes say what it means
    flag = comparisons.hxl.index("#meta+flag")
    word = tr("diff_not_computed")
    assert all(row[flag] == word and row[flag - 1] is None for row in mine), mine
    assert all(SECONDARY not in row and SUPPRESSED not in row for row in mine), mine
    assert all(row[flag] != word for row in comparisons.rows if IND not in row)
    meaning = tr("fn_comparator_withheld", comparator=comparator)
    assert meaning in comparisons.notes
    legend = {str(row[0]): str(row[1]) for row in legend_rows([comparisons], b.ctx)}
    assert legend[word] and legend[word][1:] in meaning, legend  # as a sentence: capital


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_too_little_data_and_old_runs_still_read_insufficient_data(lang) -> None:
    tr = Translator(lang)
    for reason in ("", "suppressed", "too_few", "no_se"):
        b, views = _builder(_withheld(reason), lang)
        v = views[IND]
        assert _assessments(v, tr) == [tr("assessment_insufficient_data")] * 3, reason
        note = tr("fn_comparator_withheld", comparator=_in_sentence(b.ctx.comparator.label.shown()))
        assert note in " ".join(texts(b.indicator(v)))


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_the_methodology_counts_the_indicators_not_compared_for_a_withheld_comparator(lang):
    """en_B 1: "Judging gaps" listed the indicators outside the comparator's universe and the
    totals, but not family tracing, not compared because the host's estimate is withheld —
    criterion 6's "2 not compared" on p.5 could not be reconciled. The sentence counts them
    from the results, quotes the tables' words and says they count like too little data."""
    from workbench.reporting.judging import judging_paragraphs

    tr = Translator(lang)
    label = tr("assessment_comparator_withheld")
    text = judging_paragraphs(_withheld(), tr)
    held = [p for p in text if label in p]
    assert len(held) == 1, text
    one = {"en": "1 indicator is not compared", "fr": "1 indicateur n’est pas comparé",
           "es": "1 indicador no se compara", "ar": "مؤشر واحد دون مقارنة"}[lang]  # fmt: skip
    assert held[0].startswith(one), held
    assert "▲" in held[0]
    # too little data is not this reason: no such sentence
    assert not any(label in p for p in judging_paragraphs(_withheld("too_few"), tr))


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_withheld_comparator_shows_its_number_of_cases(lang) -> None:
    """en_B 2, ar_B 6: "Host community (comparator) (*)" showed no n, though "(*)" says it has
    enough cases and the same host read n 37 on the pages beside. The publishable copy keeps a
    complement's cases (stats), so the PDF and Word tables print them; a primary "*" keeps none."""
    from docx import Document
    from test_reporting_docx_table import _meta as docx_meta

    from workbench.reporting.docx_render import DocxRenderer
    from workbench.reporting.fmt import fmt_count
    from workbench.reporting.pdf_tables import make_table
    from workbench.reporting.rtl import without_marks

    r = _withheld()
    host = (r.estimates["indicator_id"] == IND) & (r.estimates["group"] == "4")
    total = host & (r.estimates["disaggregation"] == "total")
    n = int(r.estimates.loc[total, "n"].iloc[0])
    b, views = _builder(r, lang)
    v = views[IND]
    label = b.ctx.comparator.label.shown()
    row = next(row for row in v.table.rows if row[0].startswith(label))
    assert SECONDARY in row[1] and row[3] == fmt_count(float(n), lang), row
    word = DocxRenderer(docx_meta(lang))
    word.add([make_table(v.table.header, v.table.rows, [80.0] * 7, b.styles, lang)])
    doc = Document(io.BytesIO(word.finish()))
    cells = [[_plain(without_marks(c.text)) for c in x.cells] for t in doc.tables for x in t.rows]
    mine = next(c for c in cells if c and c[0].startswith(_plain(label)))
    assert _plain(fmt_count(float(n), lang)) in mine, mine
    if lang != "ar":
        lines = _pdf_lines(b, b.indicator(v), lang)
        # the host's row (its label may wrap): its "(*)" and its n on one line
        want = _flat(fmt_count(float(n), lang))
        assert any(SECONDARY in x and want in _flat(x) for x in lines), lines
    # a primary suppression keeps no count
    r2 = _withheld()
    r2.estimates.loc[total, "suppression"] = "primary"
    assert r2.publishable().estimates.loc[total, "n"].isna().all()


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_withheld_comparators_assessment_cell_takes_at_most_two_lines(lang) -> None:
    """fr_B 4: "Non comparé : valeur de référence masquée" wrapped over 3 to 5 lines in the
    narrow Appréciation column (rows 41 pt tall beside 15 pt); the cell now reads "Non comparé
    (réf. masquée)", the note saying the rest. Measured: each displaced group's row at most
    two lines."""
    from workbench.reporting.pdf_tables import indicator_table

    b, views = _builder(_withheld(), lang)
    v = views[IND]
    table = indicator_table(v.table, 480.0, b.styles, lang)
    table.wrap(480.0, 800.0)
    heights = table._rowHeights
    one = b.styles.cell.leading
    body = heights[1 : 1 + 3]  # the three displaced groups, under the header
    assert all(h <= 2 * one + 8 for h in body), (heights, one)


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_a_withheld_comparisons_assessment_cell_takes_two_lines_at_most(lang) -> None:
    """rd19 ar p.63: "لم تُجرَ المقارنة: قيمة المقارنة محجوبة" wrapped onto four lines in each of
    three rows; the label is short enough for two lines in the assessment column of the demo's
    table (its rows, the groups' names of the demo), measured with reportlab's own line
    breaking, in every language."""
    from reportlab.lib.pagesizes import A4
    from test_reporting_money_header_lines import GROUPS

    from workbench.reporting.pdf_doc import MARGIN
    from workbench.reporting.pdf_tables import indicator_table
    from workbench.reporting.pdf_text import make_styles
    from workbench.reporting.views import TableData

    tr = Translator(lang)
    words = tr("assessment_comparator_withheld")
    *groups, host = GROUPS.get(lang, GROUPS["fr"])
    header = [tr("col_group"), tr("col_estimate"), tr("col_ci"), tr("col_n"),
              tr("col_difference", comparator=host), tr("col_assessment"), tr("col_p")]  # fmt: skip
    rows = [[g, "33.1%", "25.1 – 42.1", "150", tr("diff_not_computed"), words, ""] for g in groups]
    rows.append([f"{host} ({tr('comparator_tag')})", "(*)", "", "37", "", "", ""])
    t = TableData(header, rows, comparator_row=3)
    table = indicator_table(t, A4[0] - 2 * MARGIN, make_styles(lang), lang)  # the builder's
    widths = list(table._colWidths)
    cells = [list(r) for r in table._cellvalues[1:4]]
    if lang == "ar":
        widths, cells = widths[::-1], [r[::-1] for r in cells]
    for row in cells:
        cell = row[5]
        if isinstance(cell, str):  # a plain string: one line
            continue
        _w, height = cell.wrap(widths[5] - 6, 1e6)  # the cell's padding: 3 pt each side
        assert round(height / cell.style.leading) <= 2, (lang, words, round(widths[5], 1))
