"""The contents' entries as a reader scans them (left-to-right reports): an entry too long for
its line breaks into balanced lines, as the headings do, leaving room for its page number (the
French contents left "résidents" and "IRIS)" alone on a second line), and its dot leader starts
right after its text (reportlab's leaders are right-aligned to a grid of whole dots: after a
short entry they began up to a dot's width later, a wide blank, rd17 en p. 2–4)."""

from __future__ import annotations

from ast import literal_eval
from html import escape, unescape
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from workbench.reporting.pdf_text import balanced_lines, dash_with_next

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
