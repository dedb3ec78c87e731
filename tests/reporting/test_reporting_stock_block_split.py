"""A long kept block splits rather than leave half a page blank (issue 20, fr_B 1): the French
cause × year stock table kept each cause's rows on one page, so its 14 "Non déclaré" rows sat
alone on p. 67, 60% blank, and the "Total × année" block (kept with the table's notes) went on
to p. 68 — the totals two pages from the rows they sum. Measured in small documents laid out
by the report's own template."""

from __future__ import annotations

import pytest
from reportlab.platypus import Paragraph
from test_reporting_page_foot import _pages

from workbench.reporting.pdf_flow import TableBlock, with_notes
from workbench.reporting.pdf_tables import make_table
from workbench.reporting.pdf_text import make_styles

TITLE = "IDPs by cause and year of displacement"


def _story(blocks: list[int], notes: int) -> list:
    styles = make_styles("en")
    rows, keep = [], []
    for b, size in enumerate(blocks):
        keep.append((len(rows), len(rows) + size - 1))
        rows += [[f"Cause {b} × {2010 + i}", f"{b}{i:02d}", "9"] for i in range(size)]
    table = make_table(["Cause × year", "Number", "n"], rows, [220, 120, 80], styles, "en",
                       continued=TITLE, keep_rows=tuple(keep))  # fmt: skip
    text = "A note on the table, long enough to fill its lines across the page's width. " * 4
    foot = [Paragraph(f"Note {i}: {text}", styles.small) for i in range(notes)]
    ahead = Paragraph("Notes: see the end of the table.", styles.small)
    return with_notes([TableBlock([Paragraph(TITLE, styles.h3), table])], foot, ahead)


@pytest.mark.parametrize("notes", [6, 8, 10])
def test_no_page_of_a_kept_table_is_more_than_half_blank(notes):
    """Blocks of 14 rows and long notes: no page of the table but its last is more than half
    blank; the block cut carries "(continued)" overleaf, short blocks are still kept whole."""
    pages = _pages(_story([14] * 4 + [16], notes))
    assert len(pages) >= 2
    for n, (lines, blank) in enumerate(pages[:-1], 1):
        assert blank < 0.5, (notes, n, round(blank, 2), lines[-3:])
    for lines, _blank in pages[1:]:
        if any(" × 20" in ln for ln in lines):  # rows: whose they are
            assert lines[0] == f"{TITLE} (continued)", lines[:2]
        else:  # notes alone: no title above them, a note's first line first (issue 20)
            assert lines[0].startswith("Note "), lines[:2]


def test_short_blocks_still_keep_together():
    """Blocks of 8 rows (a district's) are never cut, whatever the page leaves blank."""
    pages = _pages(_story([8] * 12, 8))
    for lines, _blank in pages:
        causes = {ln.split(" × ")[0] for ln in lines if " × 20" in ln}
        for cause in causes:
            ours = [ln for ln in lines if ln.startswith(cause + " × ")]
            assert len(ours) == 8, (cause, len(ours))
