"""A report table as a Word table, written as OOXML elements directly.

The elements, attributes and their order are those python-docx's table API writes (``add_table``,
``Table Grid`` style, cell widths, merged section rows, ``w:shd`` fills, repeated header row, one
8 pt run per line with ``w:b``, ``w:rtl`` runs in a right-to-left report): the same bytes in
``word/document.xml`` (tests/reporting/test_reporting_docx_table.py compares them), at a fraction
of the cost — python-docx looks up each element's place in the schema for every property it sets,
about half a millisecond per cell, and a report has thousands of cells.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn
from lxml import etree

from workbench.reporting.docx_xml import BIDI_LANG, FONT, NB_HYPHEN
from workbench.reporting.rtl import has_letters, has_rtl, rtl_piece, word_runs

EMU_PER_PT = 12700
EMU_PER_TWIP = 635
CELL_HALF_POINTS = "16"  # 8 pt, as the PDF's cells
#: a SHA-256's cells, in the PDF's small hash style (6.4 pt): at 8 pt a hash did not fit the
#: fingerprints' column beside a label column wide enough for its labels
HASH_HALF_POINTS = "13"
CELL_MARGIN = "60"  # twips: 3 pt left and right, the PDF's cell padding
#: a ruled table's rules (:attr:`WordTable.ruled`): the PDF cover's 0.3 pt light grey-blue line
RULE_EIGHTHS = "2"  # eighths of a point: 0.25 pt, Word's thinnest
RULE_COLOUR = "B8C4D0"


def _twips(emu: int) -> str:
    return str(round(emu / EMU_PER_TWIP))


def _tags(*names: str) -> dict[str, str]:
    return {n: qn(f"w:{n}") for n in names}


T = _tags(
    "tbl", "tblPr", "tblStyle", "bidiVisual", "tblW", "jc", "tblLook", "tblGrid", "gridCol",
    "tr", "trPr", "cantSplit", "tblHeader", "tc", "tcPr", "tcW", "gridSpan", "shd", "p", "pPr",
    "bidi", "spacing", "r", "rPr", "rFonts", "b", "bCs", "sz", "szCs", "rtl", "lang", "t", "tab",
    "br", "noBreakHyphen",
)  # fmt: skip
A = {n: qn(f"w:{n}") for n in ("val", "type", "w", "after", "color", "fill", "bidi")}
A.update({f: qn(f"w:{f}") for f in ("ascii", "hAnsi", "cs", "eastAsia")})
A["space"] = qn("xml:space")
_LOOK = (("firstColumn", "1"), ("firstRow", "1"), ("lastColumn", "0"), ("lastRow", "0"),
         ("noHBand", "0"), ("noVBand", "1"), ("val", "04A0"))  # fmt: skip


def _sub(parent: Any, tag: str, **attrs: str) -> Any:
    el = etree.SubElement(parent, T[tag])
    for k, v in attrs.items():
        el.set(A[k], v)
    return el


@dataclass
class WordTable:
    """A table as Word gets it, columns in Word's order (a right-to-left table is mirrored by
    ``w:bidiVisual``, so its columns are the PDF's reversed)."""

    #: (text, bold) per cell; a section row (``spans``) shows its first non-empty text
    cells: list[list[tuple[str, bool]]]
    #: column widths in points (0: the even share python-docx gives a column)
    widths: list[float]
    #: rows merged into one cell across the table
    spans: set[int]
    #: ((first col, first row), (last col, last row), "#RRGGBB") in Word's columns
    fills: Sequence[tuple[tuple[int, int], tuple[int, int], str]]
    #: the column names repeated at the top of each page the table runs onto — the only row
    #: repeated: a title row inside the table repeated the heading right above it and held the
    #: "Notes: see the end of the table." pointer (the English Word report's pp. 61–62, 65, 68);
    #: the title is the heading or paragraph above the table, the pointer a paragraph before it
    repeat_header: bool
    rtl: bool
    #: Word's columns whose body cells are SHA-256s (:data:`HASH_HALF_POINTS`)
    hash_cols: frozenset[int] = frozenset()
    #: rows kept on the page of the next (``w:keepNext`` in each cell): the PDF's blocks that
    #: never break across pages
    keep: frozenset[int] = frozenset()
    #: (column, row) in Word's columns of the cells whose fill is striped (:data:`HATCH`): the
    #: traffic light's ratings resting on limited evidence, hatched in the PDF
    hatched: frozenset[tuple[int, int]] = frozenset()
    #: the PDF cover's look (a table of facts, no header row): light rules under its rows, no
    #: grid, rows as far apart as the PDF's — in Table Grid's heavy black lines, rows packed
    #: tight, it looked unlike the PDF's cover (rd17 fr)
    ruled: bool = False


#: a hatched cell's shading: white thin diagonal stripes over its fill (Word draws the
#: pattern; LibreOffice shows it as a lighter fill)
HATCH = "thinDiagStripe"


def append_table(body: Any, table: WordTable, style_id: str, block_width_emu: int) -> Any:
    """Insert ``table`` at the end of the document body (before its section properties);
    returns its ``w:tbl``."""
    ncols = len(table.widths)
    even = _twips(block_width_emu // ncols)
    tbl = etree.SubElement(body, T["tbl"])
    body._insert_tbl(tbl)  # before the section properties
    pr = _sub(tbl, "tblPr")
    _sub(pr, "tblStyle", val=style_id)
    if table.rtl:
        _sub(pr, "bidiVisual")
    _sub(pr, "tblW", type="auto", w="0")
    _sub(pr, "jc", val="right" if table.rtl else "left")
    if table.ruled:  # after w:jc, before w:tblCellMar, as the schema orders them
        borders = etree.SubElement(pr, qn("w:tblBorders"))
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            el = etree.SubElement(borders, qn(f"w:{side}"))
            if side in ("bottom", "insideH"):
                el.set(A["val"], "single")
                el.set(qn("w:sz"), RULE_EIGHTHS)
                el.set(qn("w:space"), "0")
                el.set(A["color"], RULE_COLOUR)
            else:
                el.set(A["val"], "nil")
    # the PDF's cell padding (3 pt a side), not Word's 5.4 pt: the columns are the PDF's
    # measured widths, and with Word's margins "2,889" broke in two in the n column
    mar = etree.SubElement(pr, qn("w:tblCellMar"))
    for side in ("top", "left", "bottom", "right") if table.ruled else ("left", "right"):
        el = etree.SubElement(mar, qn(f"w:{side}"))
        el.set(A["w"], CELL_MARGIN)
        el.set(A["type"], "dxa")
    look = _sub(pr, "tblLook")
    for k, v in _LOOK:
        look.set(qn(f"w:{k}"), v)
    widths = [_twips(int(w * EMU_PER_PT)) if w else even for w in table.widths]
    # the grid gets the PDF's widths too: LibreOffice (and Word when it lays a table out
    # afresh) sizes columns from it — equal columns put "Difference vs Host community" on
    # three lines
    grid = _sub(tbl, "tblGrid")
    for w in widths:
        _sub(grid, "gridCol", w=w)
    total = _twips(int(sum(table.widths) * EMU_PER_PT))
    rows: list[list[Any]] = []  # each row's tcPr per column (a merged row: one, repeated)
    for r, row in enumerate(table.cells):
        tr = _sub(tbl, "tr")
        # no row breaks across a page (a row's lines on two pages: the Word report's p. 34)
        trpr = _sub(tr, "trPr")
        _sub(trpr, "cantSplit")
        if r == 0 and table.repeat_header:
            _sub(trpr, "tblHeader")
        if r in table.spans:
            text = next((t for t, _b in row if t), "")
            tcpr = _cell(tr, total, text, True, table.rtl, keep=r in table.keep)
            if ncols > 1:
                _sub(tcpr, "gridSpan", val=str(ncols))
            rows.append([tcpr] * ncols)
            continue
        rows.append(
            [
                _cell(tr, widths[c], t, b, table.rtl, HASH_HALF_POINTS if c in table.hash_cols
                      and r else CELL_HALF_POINTS, r in table.keep)
                for c, (t, b) in enumerate(row)
            ]
        )  # fmt: skip
    for (c0, r0), (c1, r1), colour in table.fills:
        fill = colour.lstrip("#").upper()
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (c, r) in table.hatched:
                    _sub(rows[r][c], "shd", val=HATCH, color="FFFFFF", fill=fill)
                else:
                    _sub(rows[r][c], "shd", val="clear", color="auto", fill=fill)
    return tbl


def _cell(
    tr: Any,
    width: str,
    text: str,
    bold: bool,
    rtl: bool,
    size: str = CELL_HALF_POINTS,
    keep: bool = False,
) -> Any:
    """One ``w:tc``; returns its ``w:tcPr`` (fills are added once the table is complete)."""
    tc = _sub(tr, "tc")
    tcpr = _sub(tc, "tcPr")
    _sub(tcpr, "tcW", type="dxa", w=width)
    _paragraph(tc, text, bold, rtl, size, keep)
    return tcpr


def _paragraph(
    tc: Any, text: str, bold: bool, rtl: bool, size: str = CELL_HALF_POINTS, keep: bool = False
) -> None:
    """A paragraph of ``text`` at the end of the cell ``tc`` (``keep``: with the next)."""
    p = _sub(tc, "p")
    ppr = _sub(p, "pPr")
    if keep:  # first in w:pPr, as the schema orders it
        etree.SubElement(ppr, qn("w:keepNext"))
    pieces = word_runs(text) if rtl else [(text, True)]
    align = False
    if rtl and ((len(pieces) == 1 and pieces[0][1]) or (bool(text) and not has_rtl(text))):
        # a cell that is one left-to-right run (a number "2,889", "12.2%", "+0.17", an
        # interval) or holds no right-to-left letter (a p-value and its adjusted value,
        # "< 0.001 (< 0.001)"): a left-to-right paragraph aligned as the table's other cells,
        # its text as written — inside bidi marks, a number pasted into a spreadsheet stays
        # text; in a right-to-left paragraph its brackets turned and LibreOffice drew
        # "0.001 > (0 >" over ".001)" (issue 20, 79 cells of the Arabic Word report)
        pieces, rtl, align = [(text, True)], False, True
    elif rtl:
        _sub(ppr, "bidi")
    _sub(ppr, "spacing", after="0")
    if align:
        _sub(ppr, "jc", val="right")  # after w:spacing, as the schema orders them
    # the paragraph mark in the cell's size too: an empty cell's line is as tall as its mark,
    # so in the style's 10 pt a row with an empty cell (the interval of a "*" row) was taller
    # than the others (the English Word report's pp. 60–61)
    _sub(_sub(ppr, "rPr"), "sz", val=size)
    for piece, latin in pieces:
        lines = piece.split("\n")
        run_rtl = rtl and rtl_piece(piece, latin)
        for i, line in enumerate(lines):
            _run(p, line, bold, run_rtl, i < len(lines) - 1, size)


def _run(p: Any, text: str, bold: bool, rtl: bool, br: bool, size: str = CELL_HALF_POINTS) -> None:
    r = _sub(p, "r")
    rpr = _sub(r, "rPr")
    if rtl:
        _sub(rpr, "rFonts", ascii=FONT, hAnsi=FONT, cs=FONT, eastAsia=FONT)
    b = _sub(rpr, "b")
    if not bold:
        b.set(A["val"], "0")
    elif rtl:  # a right-to-left run's letters take the complex-script bold (Arabic headers)
        _sub(rpr, "bCs")
    _sub(rpr, "sz", val=size)
    if rtl:
        # the complex-script size too: a right-to-left run's text is drawn in it (Word, and
        # LibreOffice for Arabic letters), and without it the cells' Arabic took the body's
        # 9.5 pt beside their 8 pt numbers
        _sub(rpr, "szCs", val=size)
        _sub(rpr, "rtl")
        if has_letters(text):  # a run of punctuation has no language (rtl.word_runs)
            _sub(rpr, "lang", bidi=BIDI_LANG)
    _text(r, text)
    if br:
        _sub(r, "br")


def _text(r: Any, text: str) -> None:
    """python-docx's run text: a tab is ``w:tab``, a line break ``w:br``, the rest ``w:t``
    (``xml:space="preserve"`` when it starts or ends with white space); a hyphen the line never
    breaks at (:data:`~workbench.reporting.docx_xml.NB_HYPHEN`) Word's ``w:noBreakHyphen``."""
    buf: list[str] = []

    def flush() -> None:
        if buf:
            chunk = "".join(buf)
            t = _sub(r, "t")
            t.text = chunk
            if len(chunk.strip()) < len(chunk):
                t.set(A["space"], "preserve")
            buf.clear()

    for ch in text:
        if ch == "\t":
            flush()
            _sub(r, "tab")
        elif ch in "\r\n":
            flush()
            _sub(r, "br")
        elif ch == NB_HYPHEN:
            flush()
            _sub(r, "noBreakHyphen")
        else:
            buf.append(ch)
    flush()
