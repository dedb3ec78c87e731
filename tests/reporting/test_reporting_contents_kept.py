"""The contents never leave a heading alone at the foot of a page (issue 20, the Arabic PDF's
contents: "المعيار 3" and "الوحدة ب" stood last on their pages, their entries on the next)."""

from __future__ import annotations

import io

import pytest
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Spacer

from workbench.reporting.pdf_contents import KeptTableOfContents, RtlTableOfContents
from workbench.reporting.pdf_text import make_styles


def _toc(cls, lang: str):
    styles = make_styles(lang)
    toc = cls()
    toc.levelStyles = [styles.toc1, styles.toc2]
    toc.canv = Canvas(io.BytesIO())
    entries = []
    for c in range(6):
        entries.append((0, f"Criterion {c}" if lang == "en" else f"المعيار {c}", c + 1, None))
        entries += [(1, f"Indicator {c}.{i}", c + 1, None) for i in range(4)]
    toc._lastEntries = entries
    return toc, entries


def _cell(value):
    """A table cell's flowable (reportlab wraps a cell's flowables in a tuple)."""
    return value[0] if isinstance(value, tuple | list) and value else value


@pytest.mark.parametrize(("cls", "lang"), [(RtlTableOfContents, "ar"), (KeptTableOfContents, "en")])
def test_a_contents_heading_never_ends_a_page(cls, lang):
    toc, entries = _toc(cls, lang)
    width = 480
    toc.wrap(width, 10_000)
    table = toc._table
    heights = table._rowHeights
    firsts = [_cell(row[0]) for row in table._cellvalues]
    rows = [r for r, cell in enumerate(firsts) if not isinstance(cell, Spacer)]
    headings = [rows[i] for i, e in enumerate(entries) if e[0] == 0]
    checked = 0
    for h in headings[1:]:
        # a page whose room ends just below the heading's row
        room = sum(heights[: h + 1]) + 1
        parts = table.split(width, room)
        assert len(parts) == 2
        first = parts[0]
        last = _cell(first._cellvalues[-1][0])
        kept_rows = len(first._cellvalues)
        assert kept_rows <= h, (lang, h, kept_rows)  # the heading went to the next page
        assert not isinstance(last, Spacer)
        checked += 1
    assert checked == 5
