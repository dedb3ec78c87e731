"""Harakat in the Arabic PDF (issue 20, ar_A 4).

The text layer held "داخليًا", "المقرَّبة", "يُقدَّر" but the page drew "داخليا", "المقربة",
"يقدر": the shaper deleted the marks, while the charts and the Word file drew them — one page,
two spellings. The marks are now drawn, each placed by the font's mark anchors over (or under)
its letter; the letters, their widths and so the layout are as before.
"""

from __future__ import annotations

import shutil
import subprocess

import pdfplumber
import pytest
from fontTools.ttLib import TTFont
from reportlab.platypus import PageBreak, SimpleDocTemplate

from workbench.reporting.arabic_marks import is_mark
from workbench.reporting.fonts import REGULAR, font_file
from workbench.reporting.pdf_text import RTLParagraph, make_styles
from workbench.reporting.rtl import visual

LINES = [
    "داخليًا",
    "يُقدَّر",
    "تَرِد",
    "العدد التقديري للنازحين داخليًا: 898,614 شخصًا، المقرَّبة (DS 5.1.1) لَا 60.3%",
]


def _chars(tmp_path, lines: list[str], style: str = "body") -> list[list[dict]]:
    """Each line drawn alone on a page, as the report draws it: pdfplumber's characters."""
    styles = make_styles("ar")
    out = tmp_path / "marks.pdf"
    doc = SimpleDocTemplate(str(out))
    flow = []

    for line in lines:
        flow += [RTLParagraph(line, getattr(styles, style)), PageBreak()]
    doc.build(flow)
    with pdfplumber.open(out) as pdf:
        return [list(page.chars) for page in pdf.pages[: len(lines)]]


def _ink(font: TTFont, ch: str, char: dict) -> tuple[float, float, float]:
    """A drawn character's ink: (left, right, bottom) in page points, from its glyph's box."""
    glyph = font["glyf"][font.getBestCmap()[ord(ch)]]
    scale = char["size"] / font["head"].unitsPerEm
    x, y = char["matrix"][4], char["matrix"][5]
    return x + glyph.xMin * scale, x + glyph.xMax * scale, y + glyph.yMin * scale


def _letter_under(chars: list[dict], x: float) -> str:
    """The letter whose advance box holds ``x``."""
    for c in chars:
        if not is_mark(c["text"]) and c["x0"] <= x <= c["x1"]:
            return c["text"]
    return ""


def test_every_mark_is_drawn_over_its_letter(tmp_path):
    font = TTFont(str(font_file(REGULAR)))
    pages = _chars(tmp_path, LINES)
    for line, chars in zip(LINES, pages, strict=True):
        drawn = [c for c in chars if is_mark(c["text"])]
        assert sorted(c["text"] for c in drawn) == sorted(ch for ch in line if is_mark(ch)), line
        # the letters are those drawn before (the same widths: the same layout)
        letters = "".join(c["text"] for c in chars if not is_mark(c["text"]))
        assert letters == visual(line, True)

    def over(chars, mark: str) -> tuple[str, tuple[float, float, float]]:
        c = next(c for c in chars if c["text"] == mark)
        left, right, bottom = _ink(font, mark, c)
        return _letter_under(chars, (left + right) / 2), (left, right, bottom)

    # داخليًا: the tanwin on the yeh (medial form U+FEF4), not on the alef after it
    assert over(pages[0], "\u064b")[0] == "\ufef4"
    # يُقدَّر: damma on the yeh (initial), shadda on the dal (final), fatha above the shadda
    assert over(pages[1], "\u064f")[0] == "\ufef3"
    letter, shadda = over(pages[1], "\u0651")
    assert letter == "\ufeaa"
    letter, fatha = over(pages[1], "\u064e")
    assert letter == "\ufeaa" and fatha[2] > shadda[2]
    # تَرِد: the kasra under the reh (final), below the baseline
    chars = pages[2]
    letter, kasra = over(chars, "\u0650")
    baseline = next(c for c in chars if c["text"] == "\ufeae")["matrix"][5]
    assert letter == "\ufeae" and kasra[2] < baseline


def test_lines_without_marks_are_drawn_as_before(tmp_path):
    (chars,) = _chars(tmp_path, ["الملخص التنفيذي"])
    assert "".join(c["text"] for c in chars) == visual("الملخص التنفيذي")


def test_pdftotext_reads_the_marks_once(tmp_path):
    """The marks drawn inside each line's /ActualText span: poppler gives the line back as
    written, each mark once."""
    if not shutil.which("pdftotext"):
        pytest.skip("poppler's pdftotext is not installed")
    styles = make_styles("ar")
    out = tmp_path / "lines.pdf"
    SimpleDocTemplate(str(out)).build([RTLParagraph(line, styles.body) for line in LINES[:3]])
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    got = [ln.strip("\u202a\u202b\u202c\u200f ") for ln in text.splitlines() if ln.strip()]
    assert got == LINES[:3]
