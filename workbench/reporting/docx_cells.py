"""The PDF's flowables and tables read for Word: the text a paragraph flowable prints, and of a
reportlab table its cells' style names, spans, background fills and rows kept together, with
how many lines a column's cell or a row takes (about) and an Arabic header's line broken so
that a left-to-right word does not stand alone on its second line.
"""

from __future__ import annotations

import re
from html import unescape
from typing import Any

from reportlab.platypus import Paragraph, Table

from workbench.reporting.pdf_text import BalancedLine, RTLParagraph

_TAG = re.compile(r"<[^>]+>")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_GAP = re.compile("[ \u00a0]")
_BR = re.compile(r"<br\s*/?>")


def plain_text(flowable: Any) -> str:
    """The text a paragraph flowable prints, in logical order."""
    if isinstance(flowable, RTLParagraph):
        return flowable.text
    if isinstance(flowable, BalancedLine):  # a heading too
        return flowable.text
    if isinstance(flowable, Paragraph):
        written = getattr(flowable, "plain", None)
        if written is not None:
            return str(written)
        return unescape(_TAG.sub("", _BR.sub("\n", flowable.text)))
    return "" if flowable is None else str(flowable)


CHAR_PT = 4.4


def _column_chars(width: float) -> int:
    """The characters a column's line holds, about (its width less the cells' padding)."""
    return max(int((width - 6) / CHAR_PT), 1) if width else 30


def _header_lines(text: str, rtl: bool, chars: int) -> str:
    """A right-to-left header that takes two lines and ends with a left-to-right word (a number:
    "95%") breaks its line before the word ahead of that one: LibreOffice breaks between an
    Arabic word and the left-to-right run after it, even at a no-break space, and the Arabic
    Word report's "فترة ثقة / 95%" left "95%" alone on its second line. ``chars``: what a line
    of the column holds."""
    if not rtl or "\n" in text or len(text) <= chars:
        return text
    gaps = [m.start() for m in _GAP.finditer(text)]  # a no-break space is no help there
    if len(gaps) < 2:
        return text
    head, pair = text[: gaps[-2]], text[gaps[-2] + 1 :]
    last, before = text[gaps[-1] + 1 :], text[gaps[-2] + 1 : gaps[-1]]
    if _ARABIC.search(last) or not _ARABIC.search(before) or not head:
        return text
    return f"{head}\n{pair}" if len(head) <= chars and len(pair) <= chars else text


def _row_lines(row: list[tuple[str, bool]], widths: list[float]) -> int:
    """A table row's height in lines, about: each cell's lines (a share over its interval is
    two) wrapped at the characters its column holds (its width less the cells' padding)."""

    def lines(text: str, width: float) -> int:
        per_line = max(int((width - 6) / CHAR_PT), 1) if width else 30
        return sum(max(-(-len(line) // per_line), 1) for line in text.split("\n"))

    return max((lines(text, w) for (text, _b), w in zip(row, widths, strict=False)), default=1)


def _style_name(value: Any) -> str:
    return str(getattr(getattr(value, "style", None), "name", "cell"))


def _spans(t: Table) -> list[tuple[str, tuple[int, int], tuple[int, int]]]:
    nrows, ncols = len(t._cellvalues), len(t._colWidths)
    out = []
    for cmd in getattr(t, "_spanCmds", []):
        _name, (c0, r0), (c1, r1) = cmd[:3]
        out.append(("SPAN", (c0 % ncols, r0 % nrows), (c1 % ncols, r1 % nrows)))
    return out


def _nosplit_rows(t: Table) -> frozenset[int]:
    """The rows kept with the next in Word: each row of the table's kept blocks but their
    last (``make_table``'s ``keep_rows``: a district's block of the stock)."""
    return frozenset(r for r0, r1 in getattr(t, "keep_rows", ()) for r in range(r0 + 1, r1 + 1))


def _backgrounds(
    t: Table, nrows: int, ncols: int
) -> list[tuple[tuple[int, int], tuple[int, int], str]]:
    """The table's background fills as (start, end, hex colour), in the PDF's columns."""
    out = []
    for cmd in getattr(t, "_bkgrndcmds", []):
        _name, (c0, r0), (c1, r1), colour = cmd[:4]
        hexval = getattr(colour, "hexval", None)
        if hexval is None:
            continue
        out.append(((c0 % ncols, r0 % nrows), (c1 % ncols, r1 % nrows), "#" + hexval()[2:]))
    return out
