"""ar_A 3: a complementary (secondary) suppression shared its "*" and its note with "too few
cases", so a reader saw "*" for a group of 150 children and more and concluded the survey could
not measure it. The engine records ``suppression = "complementary"``; the report, the Word
report, the charts' key and the annex now mark such a cell "(*)" with its own note."""

from __future__ import annotations

import io

import pytest
from reporting_fixture import make_results
from test_reporting_solutions_bounds import _pdf_lines, _plain
from test_reporting_tables_act import texts

from workbench.reporting import ReportOptions
from workbench.reporting.context import build_context
from workbench.reporting.fmt import SECONDARY, SUPPRESSED
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_text import make_styles
from workbench.reporting.views import build_views

IND = "secure_tenure"


def _withheld():
    """Fixture results where group 2's total of ``IND`` is a complement (enough cases, withheld
    to protect group 3's, a primary) and group 2's men a complement in the sex breakdown."""
    r = make_results()
    est = r.estimates
    if "suppression" not in est:
        est["suppression"] = ""
    est["suppression"] = est["suppression"].astype(object).fillna("")
    own = est["indicator_id"] == IND
    total = own & (est["disaggregation"] == "total")
    for g, kind in (("2", "complementary"), ("3", "primary")):
        at = total & (est["group"].astype(str) == g)
        est.loc[at, ["flag", "suppression"]] = ["suppressed", kind]
    cmp_ = r.comparisons  # a withheld estimate's comparison is withheld (the engine's rule)
    at = (cmp_["indicator_id"] == IND) & (cmp_["group"].astype(str).isin(["2", "3"]))
    cmp_.loc[at & (cmp_["disaggregation"] == "total"), "flag"] = "suppressed"
    men = own & (est["disaggregation"] == "sex") & (est["group"].astype(str) == "2")
    last = str(est.loc[men, "disaggregation_value"].iloc[-1])
    men &= est["disaggregation_value"].astype(str) == last
    est.loc[men, ["flag", "suppression"]] = ["suppressed", "complementary"]
    return r


def _flat(text: str) -> str:
    """``text`` with plain spaces (French typography's no-break spaces), one between words."""
    return " ".join(_plain(text).replace("\u202f", " ").split())


def _builder(r, lang: str):
    opts = ReportOptions(language=lang)
    ctx = build_context(r, opts)
    pub = r.publishable()
    return Builder(ctx, opts, make_styles(lang), 480.0, pub), build_views(pub, ctx)


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_complement_has_its_own_mark_and_note_in_the_pdf_and_word(lang) -> None:
    from docx import Document
    from test_reporting_docx_table import _meta as docx_meta

    from workbench.reporting.docx_render import DocxRenderer
    from workbench.reporting.pdf_tables import make_table
    from workbench.reporting.rtl import without_marks

    r = _withheld()
    b, views = _builder(r, lang)
    tr = Translator(lang)
    v = views[IND]
    main = [row[1] for row in v.table.rows]
    assert main.count(SECONDARY) == 1 and main.count(SUPPRESSED) == 1, main
    diffs = [row[4] for row in v.table.rows]  # a complement's difference is withheld with it
    assert diffs.count(SECONDARY) == 1 and diffs.count(SUPPRESSED) == 1, diffs
    cells = [c for _d, _l, t, _c in v.disaggregations for row in t.rows for c in row]
    assert cells.count(SECONDARY) == 1, cells
    story = _flat(" ".join(texts(b.indicator(v))))
    assert _flat(tr("fn_complementary")) in story
    assert _flat(tr("fn_suppressed", preset=b.ctx.preset_name)) in story
    # the PDF's text and the Word report's cells: the table as the report lays it out
    table = make_table(v.table.header, v.table.rows, [80.0] * 7, b.styles, lang)
    lines = _pdf_lines(b, [table], lang)
    assert " ".join(lines).count(SECONDARY) == 2, lines  # the estimate and its difference
    word = DocxRenderer(docx_meta(lang))
    word.add([make_table(v.table.header, v.table.rows, [80.0] * 7, b.styles, lang)])
    doc = Document(io.BytesIO(word.finish()))
    shown = [_plain(without_marks(c.text)) for t in doc.tables for row in t.rows for c in row.cells]
    assert shown.count(SECONDARY) == 2 and shown.count(SUPPRESSED) == 2, shown


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_a_complement_has_its_own_mark_in_the_charts_key_and_the_annex(lang) -> None:
    from workbench.reporting.annex import legend_rows
    from workbench.reporting.annex_tables import indicator_table
    from workbench.reporting.charts_marks import _key

    r = _withheld()
    b, views = _builder(r, lang)
    tr = Translator(lang)
    key = _key([views[IND].chart], lang)
    assert tr("chart_mark_complementary") in key and tr("chart_mark_suppressed") in key
    annex = indicator_table(b.results, b.ctx)
    marks = [c for row in annex.rows if IND in row for c in row if c in (SECONDARY, SUPPRESSED)]
    assert sorted(marks) == sorted([SECONDARY, SUPPRESSED]), marks
    assert tr("fn_complementary") in annex.notes
    legend = legend_rows([annex], b.ctx)
    from workbench.reporting.annex_long import long_tables

    breakdowns, comparisons = long_tables(b.results, b.ctx)  # the labelled long tables
    mine = [row for row in breakdowns.rows if IND in row]
    assert sum(SECONDARY in row for row in mine) == 1, mine  # group 2's men
    diffs = [row for row in comparisons.rows if IND in row]
    assert sum(SECONDARY in row for row in diffs) == 1, diffs  # group 2's difference
    meaning = [row[1] for row in legend if row and row[0] == SECONDARY]
    # and why a withheld count's n is blank (en_B 2, ar_B 1)
    said = f"{tr('fn_complementary')} {tr('fn_stock_n_withheld')}"
    assert len(meaning) == 1 and meaning[0][1:] in said, legend
