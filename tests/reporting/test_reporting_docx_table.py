"""The Word tables written as XML (workbench/reporting/docx_table.py) are, byte for byte, the
tables python-docx's table API wrote before: the reference below is that earlier renderer, kept
here as the oracle. Tables cover section rows merged across, shaded rows, bold total rows, the
fingerprint column, empty cells, several lines, tabs and edge spaces, left to right and right to
left (Latin runs inside Arabic)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt
from lxml import etree

from workbench.reporting.docx_cells import _backgrounds, _spans, plain_text
from workbench.reporting.docx_render import DocxMeta, DocxRenderer
from workbench.reporting.docx_xml import (
    _after_style,
    _insert_before,
    bidi_paragraph,
    cs_size,
    hyphens_kept,
    word_hyphens,
)
from workbench.reporting.pdf_tables import make_table
from workbench.reporting.pdf_text import make_styles
from workbench.reporting.rtl import has_rtl, word_runs

# the earlier renderer's table helpers (python-docx objects), kept here with the oracle only


def bidi_table(table: Any) -> None:
    """A table laid out right to left (``w:bidiVisual``): its first column on the right."""
    _after_style(table._tbl.tblPr, "w:tblStyle", "w:bidiVisual")


def shade(cell: Any, hex_fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex_fill.lstrip("#").upper())
    tcpr.append(shd)


def repeat_header(row: Any) -> None:
    """The row is the table's header: repeated at the top of each page the table runs onto."""
    trpr = row._tr.get_or_add_trPr()
    later = ("w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden")
    _insert_before(trpr, "w:cantSplit", later)
    _insert_before(trpr, "w:tblHeader", later[2:])


def _meta(lang: str) -> DocxMeta:
    return DocxMeta(
        language=lang, page_size="A4", title="t", author="a", subject="s", keywords="k",
        when=datetime(2026, 1, 2, 3, 4, 5), footer_note="plan v1 · abc",
        page_template="page {page} of {pages}",
    )  # fmt: skip


def _python_docx_table(r: DocxRenderer, t: Any) -> None:
    """The earlier renderer: python-docx's table API, cell by cell."""
    values = [list(row) for row in t._cellvalues]
    widths = list(t._colWidths)
    nrows, ncols = len(values), len(widths)
    if r.rtl:
        values, widths = [row[::-1] for row in values], widths[::-1]

    def col(c: int) -> int:
        return ncols - 1 - c if r.rtl else c

    def cell(c: Any, text: str, bold: bool, half: int = 16) -> None:
        text = hyphens_kept(text)  # a cell's hyphen inside a word never ends its line (rd21 fr)
        p = c.paragraphs[0]
        p.paragraph_format.space_after = Pt(0)
        pieces = word_runs(text) if r.rtl else []
        if r.rtl and ((len(pieces) == 1 and pieces[0][1]) or (text and not has_rtl(text))):
            # one left-to-right run in an Arabic table (a number), or no Arabic letter ("< 0.001
            # (< 0.001)"): a left-to-right paragraph aligned right, the text without bidi marks
            # (a spreadsheet reads it as a number)
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            lines = text.split("\n")
            for i, line in enumerate(lines):
                run = p.add_run(line)
                word_hyphens(run._r)
                run.bold = bold
                if i < len(lines) - 1:
                    run.add_break()
        else:
            r._runs(p, text, bold)
        for run in p.runs:
            run.font.size = Pt(half / 2)  # a hash's cell: the small hash style
            if run._r.rPr.find(qn("w:rtl")) is not None:  # the complex-script size too
                cs_size(run._r.rPr, half / 2)
        # the paragraph mark in the cell's size (an empty cell's line is as tall as its mark)
        mark = etree.SubElement(p._p.get_or_add_pPr(), qn("w:rPr"))
        etree.SubElement(mark, qn("w:sz"), {qn("w:val"): str(half)})
        if r.rtl and not p.alignment:
            bidi_paragraph(p)

    table = r.doc.add_table(rows=nrows, cols=ncols)
    table.style = r.doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.RIGHT if r.rtl else WD_TABLE_ALIGNMENT.LEFT
    if r.rtl:
        bidi_table(table)
    spans = {r0 for _cmd, (c0, r0), (c1, r1) in _spans(t) if r0 == r1}
    rows = list(table.rows)
    grid = [row.cells for row in rows]
    for i, row in enumerate(values):
        cells = grid[i]
        if i in spans:
            merged = cells[0].merge(cells[-1])
            cell(merged, next((plain_text(v) for v in row if plain_text(v)), ""), True)
            merged.width = Emu(int(sum(widths) * 12700))
            grid[i] = [merged] * ncols
            continue
        for c, value in enumerate(row):
            style = getattr(getattr(value, "style", None), "name", "cell")
            bold = i == 0 or style == "cell_bold"
            cell(cells[c], plain_text(value), bold, 13 if style == "hash" else 16)
    for i in range(nrows):
        if i in spans:
            continue
        for c in range(ncols):
            if widths[c]:
                grid[i][c].width = Emu(int(widths[c] * 12700))
    for c, column in enumerate(table.columns):  # the grid: the PDF's widths (issue 20)
        if widths[c]:
            column.width = Emu(int(widths[c] * 12700))
    for (c0, r0), (c1, r1), colour in _backgrounds(t, nrows, ncols):
        for i in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                shade(grid[i][col(c)], colour)
    heads = bool(getattr(t, "repeatRows", 0))
    for row in rows[:heads]:
        repeat_header(row)
    for row in rows[heads:]:  # no row split (issue 20)
        trpr = row._tr.get_or_add_trPr()
        _insert_before(trpr, "w:cantSplit", ("w:trHeight", "w:tblHeader"))
    # the PDF's cell padding (issue 20): python-docx has no API for it, so it is set as XML
    mar = etree.Element(qn("w:tblCellMar"))
    for side in ("left", "right"):
        etree.SubElement(mar, qn(f"w:{side}"), {qn("w:w"): "60", qn("w:type"): "dxa"})
    table._tbl.tblPr.find(qn("w:tblLook")).addprevious(mar)


def _tables(lang: str) -> list[Any]:
    styles = make_styles(lang)
    word = "مخيم" if lang == "ar" else "Camp"
    header = ["Level", f"{word} [en]", "Estimate", "95% CI", "n"]
    rows = [
        ["Section A", "", "", "", ""],
        [f"{word} (DS 5.1.1)", "41.2†", "38.0 – 44.5", "*", "120"],
        ["two\nlines", "", "–", "\ttabbed", " edge "],
        ["Total", "1,234", "1,100 – 1,400", "", "3,000"],
        ["Section B", "", "", "", ""],
        ["Host", "12.0", "10.1 – 14.0", "", "88"],
    ]
    widths = [120.0, 80.0, 90.0, 90.0, 0.0]
    return [
        make_table(
            header, rows, widths, styles, lang, shaded_rows=(5,), span_rows=(0, 4), bold_rows=(3,)
        ),
        make_table(header, rows[1:4], [100.0] * 5, styles, lang, shaded_rows=(1,), bold_rows=(2,)),
        make_table(
            ["Item", "SHA-256"],
            [["results", "ab" * 32]],
            [120.0, 300.0],
            styles,
            lang,
            hash_cols=(1,),
        ),
        make_table(["Only"], [["one"], ["Section"]], [200.0], styles, lang, span_rows=(1,)),
        # a table with a title ("<title> (continued)" in the PDF): no title row in Word
        make_table(
            header, rows[1:4], [100.0] * 5, styles, lang, shaded_rows=(1,), continued="Whose"
        ),
    ]


def _xml(r: DocxRenderer) -> list[bytes]:
    body = r.doc.element.body
    return [etree.tostring(t) for t in body.iter("{*}tbl")]


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_xml_tables_equal_python_docx_tables(lang):
    ours, theirs = DocxRenderer(_meta(lang)), DocxRenderer(_meta(lang))
    tables = _tables(lang)
    for t in tables:
        ours.table(t)
        _python_docx_table(theirs, t)
        theirs.doc.add_paragraph()._p.style = theirs._ids["Note"]
    mine, reference = _xml(ours), _xml(theirs)
    assert len(mine) == len(reference) == len(tables)
    for a, b in zip(mine, reference, strict=True):
        assert a == b
    # and the documents around them: the paragraph after each table, the section last
    assert etree.tostring(ours.doc.element.body) == etree.tostring(theirs.doc.element.body)
    # the merged section rows and the shading are really there
    assert b"gridSpan" in mine[0] and b"w:shd" in mine[0] and b"<w:tab/>" in mine[0]
    assert (b"<w:rtl/>" in mine[0]) == (lang == "ar")
