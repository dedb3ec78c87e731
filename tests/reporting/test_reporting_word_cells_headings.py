"""The Word report read page by page (issue 20, rd17): an Arabic p-value cell keeps its numbers
in order, a heading never leaves one word alone on its second line, and the cover table looks
like the PDF's (light rules, no header row)."""

from __future__ import annotations

import io

from docx import Document
from docx.oxml.ns import qn
from test_reporting_docx_table import _meta as _docx_meta

from workbench.reporting.docx_render import DocxRenderer
from workbench.reporting.pdf_tables import make_table
from workbench.reporting.pdf_text import make_styles
from workbench.reporting.rtl import without_marks

NBSP = "\u00a0"


def _cells(lang: str, rows: list[list[str]]) -> list:
    styles = make_styles(lang)
    head = ["الفئة", "الفرق", "p الخام (المعدّلة)"] if lang == "ar" else ["Group", "Diff", "p"]
    table = make_table(head, rows, [150, 100, 80], styles, lang)
    r = DocxRenderer(_docx_meta(lang))
    r.add([table])
    doc = Document(io.BytesIO(r.finish()))
    return [c for row in doc.tables[0].rows[1:] for c in row.cells]


def test_an_arabic_p_value_cell_is_one_left_to_right_paragraph():
    """rd17 ar: "< 0.001 (< 0.001)" in a right-to-left paragraph, its brackets right to left,
    showed "0.001 > (0 >" over ".001)" in LibreOffice (79 cells). A cell holding no Arabic
    letter is a left-to-right paragraph, its text as written, no run right to left; each value
    holds together (no-break spaces), a line may break only between the two."""
    value = f"<{NBSP}0.001 (<{NBSP}0.001)"
    rows = [["النازحون", f"−327{NBSP}FRD", value], ["العائدون", "+4.6", "0.012 (0.048)"]]
    for cell in _cells("ar", rows):
        text = cell.text
        if "(" not in text and "FRD" not in text:
            continue
        p = cell.paragraphs[0]._p
        ppr = p.find(qn("w:pPr"))
        assert ppr.find(qn("w:bidi")) is None, text
        assert ppr.find(qn("w:jc")).get(qn("w:val")) == "right"
        assert not [
            r for r in p.iter(qn("w:r")) if r.find(qn("w:rPr")).find(qn("w:rtl")) is not None
        ]
        assert without_marks(text) == text  # as written: no bidi marks to reorder it
        if text.startswith("<"):
            assert text == value and text.count(" ") == 1  # one break: between the values
        if "FRD" in text:
            assert text.startswith("−327")  # the sign before the number, read first
