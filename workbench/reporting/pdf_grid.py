"""The criteria grid's cells and legend, and the hatching of its limited-evidence cells: what a
traffic-light cell says (symbol and word, worse of assessed, better, inconclusive, not compared,
limited evidence), the legend saying what those mean, the sizes of the grid's cells and frame,
and the table callback that draws a limited-evidence cell's hatched frame. Shared by the
report's executive summary (:mod:`~workbench.reporting.pdf_summary`) and the briefing.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.pdfgen.canvas import FILL_EVEN_ODD
from reportlab.platypus import Table

from workbench.reporting.i18n import Translator
from workbench.reporting.palette import RATING_STYLE, hatched
from workbench.reporting.summary import Grid


def rating_text(tr: Translator, rating: str) -> str:
    """A traffic-light cell: its symbol and word, so it reads without colour (greyscale). The
    engine rates a cell "green" (No gap) only when each indicator was shown not worse, and
    "inconclusive" when none is worse but not all were shown so (stats.summary.rate)."""
    return f"{RATING_STYLE[rating][1]} {tr(f'rating_{rating}')}"


def grid_cell(
    tr: Translator,
    rating: str,
    worse: int,
    assessed: int,
    left: int,
    better: int = 0,
    indicators: int = 0,
    inconclusive: int = 0,
) -> str:
    """A traffic-light cell's text: symbol and word, the indicators worse of those assessed,
    on a line of its own how many were substantively better ("Worse 11/13" hid the one better,
    issue 20), and how many of the criterion's indicators were not compared — counted so in
    every cell (a cell "Limited evidence: 1 of 5" beside cells "2 not compared" counted the
    same thing two ways, rd17 en p.5) —, then, when the engine marked the rating as resting on
    limited evidence (``indicators``: the criterion's indicators compared for the group),
    "Limited evidence" on a line of its own (a cell "Worse 1/1" rested on 1 of its 5
    indicators and looked as firm as "9/9"). Inconclusive indicators (not significant, the
    interval reaching the minimum important difference) are counted after the better ones, the
    same way: "1 inconclusive" (rd17 p.23). An inconclusive cell has none worse by its rule:
    no "0/2" led by a zero, its count says of how many — "◆ Inconclusive / 2 of 2
    inconclusive" ("◆ Inconclusive 0/2 / 2 inconclusive" read the word twice, rd19 ar p.5)
    — or, with none inconclusive, "3 assessed"."""
    whole = rating == "inconclusive" and assessed > 0  # of how many, on the count's line
    text = rating_text(tr, rating) + (f" {worse}/{assessed}" if assessed and not whole else "")
    if whole:
        text += "\n" + (
            tr("grid_inconclusive_of", count=inconclusive, total=assessed)
            if inconclusive
            else tr("grid_assessed", count=assessed)
        )
    if better:
        text += "\n" + tr("grid_better", count=better)
    if inconclusive and not whole:
        text += "\n" + tr("grid_inconclusive", count=inconclusive)
    if left:
        text += "\n" + tr("grid_not_compared", count=left)
    return text + ("\n" + tr("grid_limited") if indicators else "")


def grid_legend(tr: Translator, grid: Grid) -> str:
    """The traffic light's legend: what "k better", "k inconclusive", "k not compared" and a
    hatched "Limited evidence" cell mean when a cell shows them ("" when none does). Each
    rating's symbol and word are defined once, in the rule above the grid: the legend under it
    named them again, a second paragraph to read for one cell (rd18 fr p.5: 7 + 7 lines)."""
    cells = [(c, g) for c in grid.criteria for g in grid.groups]
    notes = [
        tr(key)
        for key, shown in (
            ("grid_better_legend", any(grid.better.get(k, 0) for k in cells)),
            ("grid_inconclusive_legend", any(grid.inconclusive.get(k, 0) for k in cells)),
            ("grid_not_compared_legend", any(grid.not_compared.get(k, 0) for k in cells)),
            ("grid_limited_legend", any(k in grid.limited for k in cells)),
        )
        if shown
    ]
    return "   ".join(notes)


#: a limited-evidence cell's hatching: white stripes this far apart and this wide, over its
#: fill in a frame this wide inside its edges, within the cells' padding — the text inside it
#: on the plain fill (stripes across the words made them hard to read), each line holding as
#: many words as in the cells beside it (« ■ Moins favorable 1/1 » kept its « 1/1 »), the row
#: no taller (the French briefing's overview ran onto a fourth page)
HATCH_STEP, HATCH_WIDTH, HATCH_SIDE, HATCH_BAND = 3.0, 1.2, 2.6, 2.6
#: a limited-evidence cell's text stands this far clear of its hatched frame (points): at the
#: table's padding its first letters started on the frame and its last line sat on the bottom
#: edge (rd17 en/ar p.5)
HATCH_CLEAR = 2.0
#: between the traffic light and its legend (points): the legend's line started right under
#: the last row (rd17 ar p.5)
GRID_LEGEND_GAP = 5.0
#: the most of the width the traffic light's group columns take together (its criteria's
#: names keep the rest)
GRID_MOST = 0.7
#: a table cell's left and right padding (points, :func:`pdf_tables.make_table`)
CELL_PAD = 3.0


def hatch_limited(table: Table, event: str, *args: Any) -> None:
    """A table's render callback: a frame of white diagonal stripes over the fill of each cell
    whose value is a limited-evidence cell (:func:`palette.hatched`: the traffic light's cells
    whose rating rests on fewer than half of the criterion's indicators), drawn before the
    cell's text — the mark reads in greyscale too. The mark is the cell's paragraph style, so
    it holds on each part of a split table and in the copies of its paragraphs a table lays
    out."""
    if event != "startCell":
        return
    _row, _col, value, _style, (x, y), (w, h) = args
    if not hatched(value):
        return
    canv = table.canv
    canv.saveState()
    path = canv.beginPath()
    path.rect(x, y, w, h)
    a, b = HATCH_SIDE, HATCH_BAND
    path.rect(x + a, y + b, w - 2 * a, h - 2 * b)
    canv.clipPath(path, stroke=0, fill=0, fillMode=FILL_EVEN_ODD)  # the band only
    canv.setStrokeColor(colors.white)
    canv.setLineWidth(HATCH_WIDTH)
    k = -h
    while k < w:  # each stripe cut to the cell, so none reaches into the next
        t0, t1 = max(0.0, -k), min(h, w - k)
        if t1 > t0:
            canv.line(x + k + t0, y + t0, x + k + t1, y + t1)
        k += HATCH_STEP
    canv.restoreState()
