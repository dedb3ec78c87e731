"""The Word report read page by page (issue 20, rd17): an Arabic p-value cell keeps its numbers
in order, a heading never leaves one word alone on its second line, and the cover table looks
like the PDF's (light rules, no header row)."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph
from test_reporting_docx_table import _meta as _docx_meta

from workbench.reporting.docx_render import STYLES, DocxRenderer
from workbench.reporting.fonts import BOLD, register_fonts
from workbench.reporting.pdf_tables import make_table
from workbench.reporting.pdf_text import Heading, make_styles
from workbench.reporting.rtl import without_marks
from workbench.reporting.typography import typeset

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


def _greedy(text: str, width: float, size: float) -> list[str]:
    """The lines a viewer breaks ``text`` into: at ordinary spaces only, as many words a line as
    fit ``width`` points (DejaVu Sans Bold: the font LibreOffice draws the headings in here)."""
    register_fonts()
    lines: list[str] = []
    for word in text.split(" "):
        if lines and stringWidth(f"{lines[-1]} {word}", BOLD, size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _one_word_alone(base: str, width: float, size: float) -> str:
    """``base`` with words added until, broken at ordinary spaces, it takes two lines, the
    second holding its last word alone (the faults the readers saw)."""
    words = base.split(" ")
    text = base
    for k in range(200):
        text = " ".join([*words, *words[: k % len(words)]] if k >= len(words) else words[: k + 1])
        lines = _greedy(text, width, size)
        if len(lines) == 2 and len(lines[1].split(" ")) == 1:
            return text
    raise AssertionError("no such heading")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_word_headings_never_leave_one_word_alone_on_their_second_line(lang):
    """rd17 fr: "Principaux écarts : 5 des 82 écarts substantiels sur les indicateurs des /
    critères" (the report's heading) and the briefing's gap heading likewise, one word alone on
    the second line; the PDF balances its headings. Word's headings are laid out the same way:
    the words of the second line joined, so no viewer breaks before the last word alone."""
    styles = make_styles(lang)
    base = {
        "fr": "Principaux écarts : 5 des 82 écarts substantiels sur les indicateurs des critères",
        "en": "Largest gaps: 5 of the 82 substantive gaps on the indicators of the criteria",
    }[lang]
    width = DocxRenderer(_docx_meta(lang))._block_width / 12700
    for size, make in (
        (STYLES["heading2"][1], lambda t: Heading(t, 1, "summary-gaps", styles.h2, lang)),
        (STYLES["h3"][1], lambda t: Paragraph(t, styles.h3)),
    ):
        text = _one_word_alone(typeset(base, lang), width, size)
        r = DocxRenderer(_docx_meta(lang))
        r.add([make(text)])
        p = next(p for p in Document(io.BytesIO(r.finish())).paragraphs if p.text)
        assert p.text.replace(NBSP, " ") == text.replace(NBSP, " ")
        lines = _greedy(p.text, width, size)
        assert len(lines) == 2, (lang, lines)
        assert len(lines[-1].replace(NBSP, " ").split()) >= 2, (lang, lines)


def test_an_arabic_word_heading_breaks_where_the_pdf_does():
    """rd17 ar (briefing): "أسوأ بمقدار 51.1 نقطة" alone on a gap heading's second line, away
    from the group it is said of. A right-to-left heading too long for a line breaks at the
    PDF's balanced point (a line break: LibreOffice breaks between an Arabic word and a number
    even at a no-break space), each line well within the width."""
    lang = "ar"
    styles = make_styles(lang)
    text = (
        "الوصول إلى خدمات الصرف الصحي الأساسية في المنطقة — النازحون داخليًا في المخيمات:"
        " أسوأ بمقدار 51.1 نقطة"
    )
    r = DocxRenderer(_docx_meta(lang))
    r.add([Paragraph(text, styles.h3)])
    p = next(p for p in Document(io.BytesIO(r.finish())).paragraphs if p.text)
    assert len(p._p.findall(f".//{qn('w:br')}")) == 1
    lines = [without_marks(line) for line in p.text.split("\n")]
    assert [len(line.split()) >= 3 for line in lines] == [True, True], lines
    assert " ".join(lines).replace(NBSP, " ") == text, lines


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_word_cover_table_looks_like_the_pdfs(lang):
    """rd17 fr p.1: the Word cover's table drawn in heavy black grid lines, rows packed tight,
    its first row ("Zone | Freedonia (échantillon synthétique) : …") in bold like a header.
    As the PDF's cover: no header row (its labels bold, its values regular), light rules under
    the rows and no grid, each row padded."""
    from reporting_fixture import make_results

    from workbench.reporting import ReportOptions
    from workbench.reporting.context import build_context
    from workbench.reporting.pdf_sections import Builder

    r = make_results()
    opts = ReportOptions(language=lang)
    b = Builder(build_context(r, opts), opts, make_styles(lang), 480.0, r.publishable())
    word = DocxRenderer(_docx_meta(lang))
    word.add(b.cover("7 December 2026"))
    doc = Document(io.BytesIO(word.finish()))
    (table,) = doc.tables
    tbl = table._tbl
    assert tbl.find(f".//{qn('w:tblHeader')}") is None  # no row repeated as a header
    first = table.rows[0].cells
    label, value = first[0], first[1]  # in logical order (a right-to-left table: bidiVisual)

    def bold(cell) -> set[bool]:
        return {r.find(qn("w:rPr")).find(qn("w:b")).get(qn("w:val")) != "0"
                for r in cell._tc.iter(qn("w:r"))}  # fmt: skip

    assert bold(label) == {True} and bold(value) == {False}, (label.text, value.text)
    borders = tbl.tblPr.find(qn("w:tblBorders"))
    assert borders is not None
    sides = {el.tag.split("}")[1]: el.get(qn("w:val")) for el in borders}
    assert sides == {"top": "nil", "left": "nil", "bottom": "single", "right": "nil",
                     "insideH": "single", "insideV": "nil"}  # fmt: skip
    rule = borders.find(qn("w:insideH"))
    assert rule.get(qn("w:color")) == "B8C4D0" and int(rule.get(qn("w:sz"))) <= 4
    margins = {el.tag.split("}")[1] for el in tbl.tblPr.find(qn("w:tblCellMar"))}
    assert {"top", "bottom"} <= margins
