"""The report's table of contents: reportlab's contents with a heading kept on the page of its
first entry (:class:`KeptTableOfContents`), and for a right-to-left report entries
right-aligned with their page numbers in a column on the left (:class:`RtlTableOfContents`).

The contents' entries as a reader scans them (left-to-right reports): an entry too long for
its line breaks into balanced lines, as the headings do, leaving room for its page number (the
French contents left "résidents" and "IRIS)" alone on a second line), and its dot leader starts
right after its text (reportlab's leaders are right-aligned to a grid of whole dots: after a
short entry they began up to a dot's width later, a wide blank, rd17 en p. 2–4)."""

from __future__ import annotations

from ast import literal_eval
from html import escape, unescape
from typing import Any

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents

from workbench.reporting.pdf_text import RTLParagraph, balanced_lines, dash_with_next

#: the leader's dot and the room it and the page number need after an entry's last line
DOT = "."
#: the distance between a leader's dots, and between the text, the leader and the number
DOT_STEP = 4.5
#: what an entry leaves for its leader and number: a few dots and a three-digit page
LEADER_ROOM = "  . . . 000"


def leader_room(style: ParagraphStyle) -> float:
    return stringWidth(LEADER_ROOM, style.fontName, style.fontSize)


def balanced_entry(text: str, style: ParagraphStyle, width: float) -> str:
    """An entry's markup (escaped text) with ``<br/>`` where its lines break: none when it fits
    beside its leader, else balanced lines (:func:`~workbench.reporting.pdf_text.balanced_lines`)
    of ``width`` less the leader's room."""
    plain = unescape(text)
    room = width - style.leftIndent - leader_room(style)

    def measure(s: str) -> float:
        return stringWidth(s, style.fontName, style.fontSize)

    lines = balanced_lines(dash_with_next(plain), room, measure).split("\n")
    return "<br/>".join(escape(line, quote=False) for line in lines)


def leader_xs(start: float, end: float, dot_width: float) -> list[float]:
    """Where a leader's dots go between ``start`` (the end of the entry's text) and ``end``
    (the page number's start): from a step after the text to a step before the number, evenly
    spaced, so no wide blank opens on either side."""
    first, last = start + DOT_STEP, end - DOT_STEP - dot_width
    if last < first:
        return []
    n = int((last - first) / DOT_STEP) + 1
    step = (last - first) / (n - 1) if n > 1 else 0.0
    return [first + i * step for i in range(n)]


def draw_entry_end(
    canvas: Any, label: str, styles: list[ParagraphStyle], width: float, formatter: Any = None
) -> None:
    """The ``drawTOCEntryEnd`` callback: the dot leader from the end of the entry's text and
    the page number, linked to its heading, right-aligned at ``width``."""
    parts = label.split(",")
    page, level, key = parts[0], int(parts[1]), literal_eval(parts[2])
    style = styles[min(level, len(styles) - 1)]
    if formatter:
        page = formatter(int(page))
    x, y = canvas._curr_tx_info["cur_x"], canvas._curr_tx_info["cur_y"]
    font, size = style.fontName, style.fontSize
    number_w = stringWidth(str(page), font, size)
    page_x = width - number_w
    canvas.saveState()
    canvas.setFont(font, size)
    canvas.setFillColor(style.textColor)
    for dx in leader_xs(x, page_x, stringWidth(DOT, font, size)):
        canvas.drawString(dx, y, DOT)
    canvas.drawString(page_x, y, str(page))
    canvas.restoreState()
    if key:
        canvas.linkRect("", key, (page_x, y, page_x + number_w, y + style.leading), relative=1)


def headings_kept(entries: list[tuple], first_cells: list[Any]) -> list[tuple]:
    """``NOSPLIT`` commands for a contents table: a heading's row (with the space above it)
    stays on the page of the entry after it — the Arabic contents left "المعيار 3" and
    "الوحدة ب" alone at the foot of a page, their entries on the next. ``first_cells``: each
    row's first cell (a :class:`Spacer` for the space above a heading)."""
    # a laid-out table holds each cell's flowables in a tuple
    first_cells = [c[0] if isinstance(c, tuple | list) and c else c for c in first_cells]
    rows = [r for r, cell in enumerate(first_cells) if not isinstance(cell, Spacer)]
    out = []
    for i, (level, *_rest) in enumerate(entries[:-1]):
        if level == 0 and i + 1 < len(rows) and entries[i + 1][0] > 0:
            start = (
                rows[i] - 1 if rows[i] and isinstance(first_cells[rows[i] - 1], Spacer) else rows[i]
            )
            out.append(("NOSPLIT", (0, start), (-1, rows[i + 1])))
    return out


class KeptTableOfContents(TableOfContents):
    """reportlab's contents, a heading kept with its first entry (:func:`headings_kept`)."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        entries: list[tuple] = list(self._lastEntries)  # type: ignore[has-type]
        # each entry's lines balanced beside its leader (pdf_contents), for this layout only:
        # the entries as notified stay as they are (the multi-pass build compares them)
        self._lastEntries = [
            (level, balanced_entry(text, self.getLevelStyle(level), availWidth), *rest)
            for level, text, *rest in entries
        ]
        try:
            super().wrap(availWidth, availHeight)
        finally:
            self._lastEntries = entries
        # the leader from the end of the entry's text, not from a grid of whole dots
        styles = self.levelStyles

        def end(canvas: Any, _kind: str, label: str) -> None:
            draw_entry_end(canvas, label, styles, availWidth, self.formatter)

        self.canv.setNamedCB("drawTOCEntryEnd", end)
        if entries:
            firsts = [row[0] for row in self._table._cellvalues]
            kept = headings_kept(entries, firsts)
            if kept:
                self._table.setStyle(TableStyle(kept))
                self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height


class RtlTableOfContents(TableOfContents):
    """Contents for a right-to-left report: each entry right-aligned (deeper levels indented
    from the right) and wrapped in logical order, with its page number, linked, in a column on
    the left. reportlab's own contents draw the page number after the end of the entry's text,
    which for a right-aligned entry lies beyond the right margin (an Arabic report had no page
    numbers), and wrap already-reordered text, so a long entry's first words ended up last."""

    NUMBER_WIDTH = 14 * mm

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        entries = self._lastEntries or [(0, "", 0, None)]
        data: list[list[Flowable | str]] = []
        commands = list(self.tableStyle.getCommands()) if self.tableStyle else []
        for level, text, page, key in entries:
            base = self.getLevelStyle(level)
            number_style = ParagraphStyle(
                f"rtl_{base.name}_page", parent=base, alignment=TA_LEFT, leftIndent=0
            )
            number = f'<a href="#{key}">{page}</a>' if key else str(page)
            if base.spaceBefore:
                data.append([Spacer(1, base.spaceBefore), ""])
            row = len(data)
            data.append([Paragraph(number, number_style), RTLParagraph(text, base)])
            commands.append(("RIGHTPADDING", (1, row), (1, row), base.leftIndent))
        commands += headings_kept(entries, [row[0] for row in data])
        widths = (self.NUMBER_WIDTH, availWidth - self.NUMBER_WIDTH)
        self._table = Table(data, colWidths=widths, style=TableStyle(commands))
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height
