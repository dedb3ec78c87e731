"""Issue 20 (en_B B9, ar_B B13): the stock by cause × year printed "Conflict and disaster" (87,836
people, n 1,059) with 11 of its 15 cells "(*)" or "*", and "Not stated" with 12 of 13 — a page of
lone asterisks with no explanation. A note under the table names the rows whose cells are
mostly withheld, says why (few cases per cell; complements "(*)" protect them) and that each
row's Total is published; the PDF, the Word report and the annex sheet say the same."""

from __future__ import annotations

import re

import pytest
from docx import Document
from reporting_fixture import make_results
from reporting_testkit import FIXED
from test_reporting_pdf import page_texts

from workbench.export_writer import AuditList
from workbench.languages import join_list
from workbench.reporting import ReportOptions, build_report
from workbench.reporting.annex_tables import annex_tables
from workbench.reporting.context import _in_sentence, build_context
from workbench.reporting.i18n import Translator
from workbench.stats.results import ALL_DISPLACED, STOCK_TOTAL

HIDDEN = {"2019": "primary", "2020": "complementary", "2021": "complementary", "2022": "primary"}


def _mostly_withheld():
    """All displaced × "Disaster": 4 of its 5 years withheld, its Total published."""
    r = make_results()
    st = r.stock.copy()
    if "suppression" not in st:
        st["suppression"] = ""
    row = (
        (st["table"] == "cause_by_year")
        & (st["group"] == ALL_DISPLACED)
        & (st["row_value"] == "Disaster")
    )
    for year, how in HIDDEN.items():
        st.loc[row & (st["col_value"] == year), ["flag", "suppression"]] = ["suppressed", how]
    assert not st.loc[row & (st["col_value"] == STOCK_TOTAL), "flag"].eq("suppressed").any()
    r.stock = st
    return r


def _note(lang: str, annex: bool = False) -> str:
    tr = Translator(lang)
    ctx = build_context(make_results(), ReportOptions(language=lang))
    label = ctx.level("cause", "Disaster").shown()
    # the sheet's rows: whose — the group and the row as its two columns name them (en_B 3: "All
    # displaced × Conflict and disaster" is a label no row carries)
    label = tr("stock_row_of_group", group=tr("all_displaced"), row=label) if annex else label
    row = tr("stock_row_withheld", row=label, hidden=4, cells=5)
    cols = _in_sentence(ctx.breakdown("year", "individual"))
    rows = join_list([row], lang, conjunction=True)
    head = tr("stock_rows_withheld_mostly")  # 4 of 5: mostly, not wholly
    return tr("fn_stock_rows_withheld", head=head, rows=rows, cols=cols)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_pdf_and_word_name_the_mostly_withheld_row(lang, tmp_path):
    docx = tmp_path / f"{lang}.docx"
    opts = ReportOptions(
        language=lang, fixed_timestamp=FIXED, docx_path=docx, sections=("solutions",)
    )
    pdf = build_report(_mostly_withheld(), tmp_path / f"{lang}.pdf", opts, audit=AuditList())
    # rd21: the withheld cells' rows print no figure, so they are left out and named by the
    # note of rows left out, which replaces this one (the annex, which keeps them, says it)
    note = _flat(_note(lang))
    text = _flat(" ".join(page_texts(pdf)))
    assert note not in text
    words = [_flat(p.text) for p in Document(str(docx)).paragraphs]
    assert note not in words
    tr = Translator(lang)
    assert any(_flat(tr("left_out_complement")) in w for w in words)
    assert _flat(tr("left_out_complement")) in text


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_the_annex_sheet_says_it_too(lang):
    r = _mostly_withheld()
    tables = {t.id: t for t in annex_tables(r, build_context(r, ReportOptions(language=lang)))}
    assert _note(lang, annex=True) in tables["stock_cause_by_year"].notes
    assert _note(lang, annex=True) not in tables["stock_sex_by_age"].notes
    assert " × " not in _note(lang, annex=True)


def test_no_note_when_the_cells_are_published():
    r = make_results()
    tables = annex_tables(r, build_context(r, ReportOptions(language="en")))
    assert not [t for t in tables if "mostly withheld" in t.notes]


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_withheld_counts_blank_n_is_explained(lang, tmp_path):
    """en_B 2, ar_B 1: the stock tables' "(*)" rows had a blank n where the indicator tables
    print n for "(*)": the engine keeps it blank for counts on purpose (cases × a typical
    weight would approximate the count); the stock tables' notes, their annex sheets and the
    annex legend say so."""
    from workbench.reporting.annex import legend_rows

    tr = Translator(lang)
    note = _flat(tr("fn_stock_n_withheld"))
    r = _mostly_withheld()
    opts = ReportOptions(language=lang, fixed_timestamp=FIXED, sections=("solutions",))
    pdf = build_report(r, tmp_path / f"{lang}.pdf", opts, audit=AuditList())
    text = _flat(" ".join(page_texts(pdf)))
    if lang != "ar":  # pdftotext gives right-to-left lines in visual pieces
        # rd21: a "(*)" count's row prints no figure and is left out, its blank n with it
        assert note not in text
    ctx = build_context(r, ReportOptions(language=lang))
    tables = {t.id: t for t in annex_tables(r, ctx)}
    assert tr("fn_stock_n_withheld") in tables["stock_cause_by_year"].notes
    assert tr("fn_stock_n_withheld") not in tables["stock_sex_by_age"].notes  # no "(*)" there
    legend = {str(row[0]): str(row[1]) for row in legend_rows(list(tables.values()), ctx)}
    assert legend["(*)"].endswith(tr("fn_stock_n_withheld")), legend
