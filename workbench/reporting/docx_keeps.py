"""What the Word report keeps together on a page, read from the document's XML as the renderer
writes it: the tables of a notes group kept on the page of their notes (as many as fit half a
page, up to the one kept with a chart), a long table's ends kept with what follows, whether a
table is chained to what comes after it or kept with a chart, and how high a chain kept
together is. Word cannot know where its pages end; these say, by "keep with next", what must
not be parted.
"""

from __future__ import annotations

import copy
from typing import Any

from docx.oxml.ns import qn
from reportlab.platypus import KeepTogether, Table

_P, _TBL, _SECT = qn("w:p"), qn("w:tbl"), qn("w:sectPr")
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"

#: the share of a Word page's height that a chain kept together (a heading, its lead notes, a
#: chart and a main table) may take, measured as the PDF sets them: Word sets them a little
#: taller. In the French demo the chains LibreOffice split were 772–786 pt high, those it kept
#: on a page at most 687 pt (a page: 740 pt)
WORD_PAGE_FILL = 0.97
#: the least share of its size a chart is drawn at so that a chapter's start (its heading and
#: lead, the first indicator's heading, chart and main table) fits one Word page. Smaller than
#: the PDF's CHART_SCALE (0.85): Word has no "(continued)" line to name a table that goes on to
#: the next page, and the French Word report's Critère 2 needed 0.84
WORD_CHART_SCALE = 0.8
#: a table with more rows than this does not fit a page: only its ends are kept together
LONG_TABLE = 40
#: a table of at most this many rows is kept whole on one page: every row but its last keeps
#: with the next — the English Word report's "Versions" table broke after its second row, its
#: last row alone on an otherwise empty page under a repeated header (rd20 en p. 83)
SHORT_TABLE = 8
#: the lines of tables kept with the notes after them: the last table and the short ones just
#: before it, so the block moved whole to a new page leaves little of a page empty before it —
#: at 24 lines (about half a page with the notes) an indicator's breakdown tables moved to the
#: next page as one block and left its chart and main table alone on a half-empty page,
#: indicator after indicator (issue 20: the English Word report 81 pages against the PDF's 72,
#: the French 89 against 75); at LONG_TABLE lines the Arabic copy's solutions breakdowns left
#: p. 63 60% empty (ar_B 7). The tables before flow, each whole under its own line
KEPT_LINES = 6


def keep_with_notes(tables: list[tuple[Any, int]]) -> set[Any]:
    """The tables of a notes group (an indicator's main and breakdown tables, the solutions'
    breakdowns) kept on the page of the notes after the last of them, as many as fit half a
    page (:data:`KEPT_LINES` lines: ``tables`` gives each table's) up to one kept with a chart (an
    indicator's main table: heading, chart and tables kept together would start most indicators
    on a page of their own, the English copy 69 → 79 pages): each one's rows and what stands
    between it and the next (the gap, a title) keep with the next. Returns the tables kept so; a
    table before them that shows a mark says where its notes are
    (:meth:`DocxRenderer._pointer`). Word cannot know where its pages end, so cannot say "Notes:
    see the end of the table." only there, as the PDF does: the English Word report showed
    "34,863†" (p. 47), "38.3%†" (p. 51) and the solutions' "*" (p. 58) with their notes a page
    on. The last table's notes are kept with it as its block
    (:meth:`DocxRenderer._kept_together`)."""
    rows, kept = 0, set[Any]()
    for i in range(len(tables) - 1, -1, -1):
        tbl, n = tables[i]
        rows += n
        if rows > KEPT_LINES or (i + 1 < len(tables) and _charted(tbl)):
            return kept
        kept.add(tbl)
        paragraphs = [p for tr in tbl.findall(qn("w:tr")) for p in tr.iter(_P)]
        el = tbl.getnext()
        while i + 1 < len(tables) and el is not None and el is not tables[i + 1][0]:
            paragraphs += [el] if el.tag == _P else list(el.iter(_P))
            el = el.getnext()
        for p in paragraphs:
            p.get_or_add_pPr().keepNext_val = True
    return kept


def _text(el: Any) -> str:
    return "".join(t.text or "" for t in el.iter(qn("w:t")))


def _kept(p: Any) -> bool:
    return p.find(f"{{{_W}}}pPr/{{{_W}}}keepNext") is not None


def _chained(before: Any, first: Any) -> bool:
    """Whether the table ``before`` is kept on the page of ``first`` (what follows it): every
    paragraph of its last row and between the two keeps with the next."""
    rows = before.findall(qn("w:tr"))
    if not rows or not all(_kept(p) for p in rows[-1].iter(_P)):
        return False
    el = before.getnext()
    while el is not None and el is not first:
        if el.tag != _P or not _kept(el):
            return False
        el = el.getnext()
    return el is first


def _charted(tbl: Any) -> bool:
    """Whether a chart is kept with the table ``tbl`` (in the paragraphs just before it that
    keep with the next: an indicator's heading, chart and main table)."""
    el = tbl.getprevious()
    while el is not None and el.tag == _P and el.find(f"{{{_W}}}pPr/{{{_W}}}keepNext") is not None:
        if el.find(f".//{{{_WP}}}extent") is not None:
            return True
        el = el.getprevious()
    return False


def _kept_rows(tbl: Any) -> list[Any]:
    """The paragraphs of a table's rows that keep with what follows them (a long table: its
    header and first two rows, and its last two rows)."""
    rows = tbl.findall(qn("w:tr"))
    if len(rows) > LONG_TABLE:
        rows = rows[:3] + rows[-2:]
    return [p for row in rows for p in row.iter(_P)]


def _height(flowables: list[Any], width: float) -> float:
    """The height (points) of ``flowables`` as the PDF sets them ``width`` points wide; a
    table measured on a copy (laying a table out turns its cells into tuples of flowables,
    which Word would then write as their Python repr)."""
    total = 0.0
    for f in flowables:
        if isinstance(f, KeepTogether):
            total += _height(list(f._content), width)
            continue
        _w, h = (copy.deepcopy(f) if isinstance(f, Table) else f).wrap(width, 1e6)
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total
