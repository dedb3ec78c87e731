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


def _pages(tmp_path, lines: list[str]) -> list[tuple[list[dict], list[dict]]]:
    """Each line drawn alone on a page, as the report draws it: pdfplumber's characters and the
    filled shapes (the marks' outlines) of each page."""
    styles = make_styles("ar")
    out = tmp_path / "marks.pdf"
    flow = []
    for line in lines:
        flow += [RTLParagraph(line, styles.body), PageBreak()]
    SimpleDocTemplate(str(out)).build(flow)
    with pdfplumber.open(out) as pdf:
        return [
            (list(page.chars), [o for o in page.curves + page.rects + page.lines if o["fill"]])
            for page in pdf.pages[: len(lines)]
        ]


def _letter_under(chars: list[dict], x: float) -> str:
    """The letter whose advance box holds ``x``."""
    return next((c["text"] for c in chars if c["x0"] <= x <= c["x1"]), "")


def _marks_over(page: tuple[list[dict], list[dict]]) -> dict[str, tuple[float, float]]:
    """The marks drawn on a page by the letter under their middle: (top, bottom) of their ink
    (pdfplumber gives each contour of an outline as a shape of its own)."""
    chars, shapes = page
    out: dict[str, tuple[float, float]] = {}
    for s in shapes:
        letter = _letter_under(chars, (s["x0"] + s["x1"]) / 2)
        top, bottom = out.get(letter, (s["top"], s["bottom"]))
        out[letter] = (min(top, s["top"]), max(bottom, s["bottom"]))
    return out


def _height(mark: str, size: float) -> float:
    font = TTFont(str(font_file(REGULAR)))
    glyph = font["glyf"][font.getBestCmap()[ord(mark)]]
    return (glyph.yMax - glyph.yMin) * size / font["head"].unitsPerEm


def test_every_mark_is_drawn_over_its_letter(tmp_path):
    pages = _pages(tmp_path, LINES)
    for line, (chars, shapes) in zip(LINES, pages, strict=True):
        # the characters are the letters drawn before (the same layout), the marks outlines
        assert "".join(c["text"] for c in chars) == visual(line, True)
        assert shapes and all(_letter_under(chars, (s["x0"] + s["x1"]) / 2) for s in shapes)
    # داخليًا: the tanwin on the yeh (medial form U+FEF4), not on the alef after it, above it
    over = _marks_over(pages[0])
    assert list(over) == ["\ufef4"] and over["\ufef4"][1] < _baseline(pages[0][0])
    # يُقدَّر: damma on the yeh (initial), shadda and fatha on the dal (final), the fatha on
    # the shadda (as tall as both), not drawn over it
    over = _marks_over(pages[1])
    assert sorted(over) == ["\ufeaa", "\ufef3"]
    top, bottom = over["\ufeaa"]
    size = make_styles("ar").body.fontSize
    assert bottom - top >= 0.95 * (_height("\u0651", size) + _height("\u064e", size))
    # تَرِد: the fatha on the teh (initial) above the line, the kasra under the reh (final)
    over = _marks_over(pages[2])
    assert sorted(over) == ["\ufe97", "\ufeae"]
    assert over["\ufe97"][1] < _baseline(pages[2][0]) < over["\ufeae"][0]
    # the long line: a mark on each of its marked letters
    assert len(_marks_over(pages[3])) == sum(is_mark(ch) for ch in LINES[3]) - 1  # shadda+fatha


def _baseline(chars: list[dict]) -> float:
    """The line's baseline, from the top of the page (pdfplumber's ``top``)."""
    c = chars[0]
    return c["top"] + c["y1"] - c["matrix"][5]


def test_lines_without_marks_are_drawn_as_before(tmp_path):
    ((chars, shapes),) = _pages(tmp_path, ["الملخص التنفيذي"])
    assert not shapes
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


def test_reading_the_fonts_marks_leaves_no_file_open():
    """The mark anchors and outlines are read from the font's bytes: a lazily read font kept
    its file open, and the "unclosed file" warning, raised when it was collected during the
    PDF/A check, failed the Arabic demo ("content stream: unclosed file … DejaVuSans.ttf")."""
    import os
    from pathlib import Path

    from workbench.reporting import arabic_marks

    fds = Path("/proc/self/fd")
    if not fds.is_dir():
        pytest.skip("no /proc here")

    def open_fonts() -> set[tuple[str, str]]:  # (fd, file): matplotlib keeps its own fonts open
        found = set()
        for p in fds.iterdir():
            try:
                target = os.readlink(p)
            except OSError:
                continue
            if target.endswith(".ttf"):
                found.add((p.name, target))
        return found

    arabic_marks._ttfont.cache_clear()
    arabic_marks.anchors.cache_clear()
    arabic_marks.outline.cache_clear()
    before = open_fonts()
    arabic_marks.anchors("DejaVuSans")
    arabic_marks.outline("DejaVuSans", "\u064e")
    assert open_fonts() <= before
