"""Arabic harakat (short vowels, shadda, tanwin) drawn over or under their letters in the PDF.

reportlab neither shapes text nor positions marks: it draws each character at the advance of the
ones before it, and a mark has none. The lines are therefore drawn without their marks (the
letters as before, their widths and so the layout unchanged) and each mark is then drawn on its
own at the place the font's mark positioning gives it — the ``mark`` (mark to letter, mark to
lam-alef) and ``mkmk`` (fatha on shadda) anchors of its GPOS table for the Arabic script, read
with fontTools, as a shaper (HarfBuzz, LibreOffice, matplotlib's libraqm) places them. Without
this the PDF drew "داخليا" where its text layer, the charts and the Word file read "داخليًا"
(issue 20).

A mark is drawn as its glyph's outline (:func:`draw_mark`), not as a character: the line's
/ActualText span already holds it for readers (poppler, pdfium), and as a character drawn apart
from its line it broke the glyph-reading extractors (pypdf put each mark on a line of its own,
pdfminer read it as a line above) — they read the letters as before.

In the visual (left-to-right) line that :func:`~workbench.reporting.rtl.visual_marked` gives, a
run of marks comes just before the letter it belongs to (the letters are reversed, each
letter's marks kept after it in logical order).
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from fontTools.pens.basePen import BasePen
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import FILL_NON_ZERO

from workbench.reporting.fonts import font_file

Anchor = tuple[int, int]


def is_mark(ch: str) -> bool:
    """An Arabic combining mark (harakat, shadda, sukun, superscript alef, Quranic marks)."""
    return "\u0610" <= ch <= "\u06ff" and unicodedata.combining(ch) > 0


@dataclass
class MarkAnchors:
    """One font's Arabic mark positioning, by glyph name, in font units."""

    upm: int
    cmap: dict[int, str]
    #: glyph bounds (x min, x max) for the marks, to centre one over a letter the font has no
    #: anchor for
    bounds: dict[str, tuple[int, int]]
    #: mark glyph -> [(class, its anchor, {base glyph: the base's anchor for that class})]
    to_base: dict[str, list[tuple[int, Anchor, dict[str, Anchor]]]] = field(default_factory=dict)
    #: mark glyph -> [(class, its anchor, {ligature: anchors of the components, first first})]
    to_ligature: dict[str, list[tuple[int, Anchor, dict[str, list[Anchor | None]]]]] = field(
        default_factory=dict
    )
    #: mark glyph -> [(class, its anchor, {mark below it: that mark's anchor})]
    to_mark: dict[str, list[tuple[int, Anchor, dict[str, Anchor]]]] = field(default_factory=dict)

    def base_offset(self, mark: str, base: str) -> Anchor | None:
        """Where ``mark``'s origin goes from ``base``'s (font units), or None if unanchored."""
        for _cls, m, bases in self.to_base.get(mark, []):
            if base in bases:
                b = bases[base]
                return b[0] - m[0], b[1] - m[1]
        for _cls, m, ligs in self.to_ligature.get(mark, []):
            comps = ligs.get(base)
            if comps:
                # a mark on lam-alef: written after the lam (the first letter) in Arabic text
                first = next((a for a in comps if a is not None), None)
                if first is not None:
                    return first[0] - m[0], first[1] - m[1]
        return None

    def mark_offset(self, mark: str, below: str) -> Anchor | None:
        """Where ``mark``'s origin goes from that of the mark ``below`` it (fatha on shadda)."""
        for _cls, m, marks in self.to_mark.get(mark, []):
            if below in marks:
                b = marks[below]
                return b[0] - m[0], b[1] - m[1]
        return None


def _xy(anchor) -> Anchor:
    return int(anchor.XCoordinate), int(anchor.YCoordinate)


@cache
def _ttfont(font_name: str) -> Any:
    """A bundled font (fonts.font_file) read by fontTools from its bytes: no file stays open
    (a lazily read font kept its file open, and the "unclosed file" warning, raised when it was
    collected during the PDF/A check, failed an Arabic report)."""
    from fontTools.ttLib import TTFont

    return TTFont(io.BytesIO(font_file(font_name).read_bytes()), lazy=True)


@cache
def anchors(font_name: str) -> MarkAnchors:
    """The Arabic ``mark`` and ``mkmk`` lookups of a bundled font (fonts.font_file)."""
    font = _ttfont(font_name)
    glyf = font["glyf"]
    cmap = font.getBestCmap()
    bounds: dict[str, tuple[int, int]] = {}
    for cp, name in cmap.items():
        if is_mark(chr(cp)):
            g = glyf[name]
            bounds[name] = (getattr(g, "xMin", 0), getattr(g, "xMax", 0))
    out = MarkAnchors(int(font["head"].unitsPerEm), dict(cmap), bounds)
    if "GPOS" not in font:
        return out
    gpos = font["GPOS"].table
    features = gpos.FeatureList.FeatureRecord
    script = next((s for s in gpos.ScriptList.ScriptRecord if s.ScriptTag == "arab"), None)
    if script is None or script.Script.DefaultLangSys is None:
        return out
    lookups: list[int] = []
    for i in script.Script.DefaultLangSys.FeatureIndex:
        if features[i].FeatureTag in ("mark", "mkmk"):
            lookups += features[i].Feature.LookupListIndex
    for li in lookups:
        lookup = gpos.LookupList.Lookup[li]
        for st in lookup.SubTable:
            if lookup.LookupType == 9:  # extension
                st = st.ExtSubTable
            kind = st.LookupType if hasattr(st, "LookupType") else lookup.LookupType
            if kind == 4:
                marks, bases = st.MarkCoverage.glyphs, st.BaseCoverage.glyphs
                for mi, g in enumerate(marks):
                    rec = st.MarkArray.MarkRecord[mi]
                    table = {
                        b: _xy(st.BaseArray.BaseRecord[bi].BaseAnchor[rec.Class])
                        for bi, b in enumerate(bases)
                        if st.BaseArray.BaseRecord[bi].BaseAnchor[rec.Class] is not None
                    }
                    out.to_base.setdefault(g, []).append((rec.Class, _xy(rec.MarkAnchor), table))
            elif kind == 5:
                marks, ligs = st.MarkCoverage.glyphs, st.LigatureCoverage.glyphs
                for mi, g in enumerate(marks):
                    rec = st.MarkArray.MarkRecord[mi]
                    ltable: dict[str, list[Anchor | None]] = {}
                    for li_, lig in enumerate(ligs):
                        comps = st.LigatureArray.LigatureAttach[li_].ComponentRecord
                        ltable[lig] = [
                            _xy(c.LigatureAnchor[rec.Class])
                            if c.LigatureAnchor[rec.Class] is not None
                            else None
                            for c in comps
                        ]
                    out.to_ligature.setdefault(g, []).append(
                        (rec.Class, _xy(rec.MarkAnchor), ltable)
                    )
            elif kind == 6:
                marks1, marks2 = st.Mark1Coverage.glyphs, st.Mark2Coverage.glyphs
                for mi, g in enumerate(marks1):
                    rec = st.Mark1Array.MarkRecord[mi]
                    mtable = {
                        b: _xy(st.Mark2Array.Mark2Record[bi].Mark2Anchor[rec.Class])
                        for bi, b in enumerate(marks2)
                        if st.Mark2Array.Mark2Record[bi].Mark2Anchor[rec.Class] is not None
                    }
                    out.to_mark.setdefault(g, []).append((rec.Class, _xy(rec.MarkAnchor), mtable))
    return out


def split_marks(marked: str) -> tuple[str, list[tuple[int, str]]]:
    """A visual line with its marks → (the line without them, [(index of the letter in that
    line, its marks in logical order)])."""
    letters: list[str] = []
    found: list[tuple[int, str]] = []
    pending = ""
    for ch in marked:
        if is_mark(ch):
            pending += ch
            continue
        if pending:
            found.append((len(letters), pending))
            pending = ""
        letters.append(ch)
    if pending and letters:  # never from the reshaper: a mark with no letter after it
        found.append((len(letters) - 1, pending))
    return "".join(letters), found


def placed_marks(
    marked: str, x: float, font_name: str, size: float
) -> tuple[str, list[tuple[float, float, str]]]:
    """The visual line ``marked`` drawn from ``x``: (its letters, as drawn before, and each mark
    as (x, y offset from the baseline, the mark))."""
    line, found = split_marks(marked)
    if not found:
        return line, []
    font = anchors(font_name)
    scale = size / font.upm
    out: list[tuple[float, float, str]] = []
    for index, marks in found:
        left = x + stringWidth(line[:index], font_name, size)
        base = font.cmap.get(ord(line[index]), "")
        width = stringWidth(line[index], font_name, size)
        below: tuple[str, float, float] | None = None  # the last mark placed on this letter
        for mark in marks:
            name = font.cmap.get(ord(mark))
            if name is None:
                continue
            offset = font.mark_offset(name, below[0]) if below else None
            if offset is not None and below is not None:
                mx, my = below[1] + offset[0] * scale, below[2] + offset[1] * scale
            else:
                offset = font.base_offset(name, base)
                if offset is not None:
                    mx, my = left + offset[0] * scale, offset[1] * scale
                else:  # no anchor: centred over the letter, at the height the font drew it
                    lo, hi = font.bounds.get(name, (0, 0))
                    mx, my = left + width / 2 - (lo + hi) / 2 * scale, 0.0
            out.append((mx, my, mark))
            below = (name, mx, my)
    return line, out


class _Outline(BasePen):
    """A glyph's outline as path operations in font units (quadratic curves made cubic)."""

    def __init__(self, glyphs) -> None:
        super().__init__(glyphs)
        self.ops: list[tuple[str, tuple[float, ...]]] = []

    def _moveTo(self, pt) -> None:
        self.ops.append(("moveTo", tuple(pt)))

    def _lineTo(self, pt) -> None:
        self.ops.append(("lineTo", tuple(pt)))

    def _curveToOne(self, p1, p2, p3) -> None:
        self.ops.append(("curveTo", (*p1, *p2, *p3)))

    def _closePath(self) -> None:
        self.ops.append(("close", ()))


@cache
def outline(font_name: str, mark: str) -> tuple[tuple[str, tuple[float, ...]], ...]:
    """The outline of ``mark``'s glyph in a bundled font (empty if the font has none)."""
    font = _ttfont(font_name)
    name = font.getBestCmap().get(ord(mark))
    if name is None:
        return ()
    glyphs = font.getGlyphSet()
    pen = _Outline(glyphs)
    glyphs[name].draw(pen)
    return tuple(pen.ops)


def draw_mark(canvas, x: float, y: float, mark: str, font_name: str, size: float) -> None:
    """``mark``'s glyph filled at origin (x, y), in the canvas's fill colour."""
    ops = outline(font_name, mark)
    if not ops:
        return
    scale = size / anchors(font_name).upm
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(scale, scale)
    path = canvas.beginPath()
    for op, args in ops:
        getattr(path, op)(*args)
    canvas.drawPath(path, stroke=0, fill=1, fillMode=FILL_NON_ZERO)
    canvas.restoreState()
