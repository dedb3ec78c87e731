"""Paragraph styles and text flowables, left-to-right or right-to-left (Arabic)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from workbench.reporting.arabic_marks import draw_mark, placed_marks
from workbench.reporting.fonts import BOLD, REGULAR, register_fonts
from workbench.reporting.rtl import (
    actual_text,
    has_rtl,
    is_rtl,
    visual,
    visual_marked,
    wrap_logical,
)
from workbench.reporting.typography import NBSP, typeset, unbroken

INK = colors.HexColor("#1d2733")
MUTED = colors.HexColor("#5a6570")


@dataclass
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    toc1: ParagraphStyle
    toc2: ParagraphStyle
    #: fingerprints: small enough that a SHA-256 in hex (64 characters) fits one line
    hash: ParagraphStyle


def make_styles(lang: str) -> Styles:
    register_fonts()
    align = TA_RIGHT if is_rtl(lang) else TA_LEFT

    def st(name: str, size: float, font: str = REGULAR, lead: float = 1.3, **kw) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=font,
            fontSize=size,
            leading=size * lead,
            alignment=kw.pop("alignment", align),
            textColor=kw.pop("textColor", INK),
            # no last line alone atop a page: the French report's note ended « tableau
            # ci-dessus. » alone at the top of the page after its table (reportlab allows it)
            allowWidows=0,
            **kw,
        )

    return Styles(
        body=st("body", 9.5, spaceAfter=4),
        small=st("small", 7.5, textColor=MUTED, spaceAfter=2),
        cell=st("cell", 8, lead=1.2),
        cell_bold=st("cell_bold", 8, BOLD, lead=1.2),
        h1=st("h1", 16, BOLD, spaceBefore=4, spaceAfter=8, textColor=colors.HexColor("#1f4e79")),
        h2=st("h2", 11.5, BOLD, spaceBefore=10, spaceAfter=4, textColor=colors.HexColor("#1f4e79")),
        h3=st("h3", 9.5, BOLD, spaceBefore=8, spaceAfter=2, keepWithNext=1),  # a table title
        title=st(
            "title",
            24,
            BOLD,
            lead=1.25,
            alignment=TA_CENTER,
            spaceAfter=16,
            textColor=colors.HexColor("#1f4e79"),
        ),
        subtitle=st("subtitle", 12, lead=1.35, alignment=TA_CENTER, textColor=MUTED),
        toc1=st("toc1", 10, BOLD, leftIndent=0, spaceBefore=3),
        toc2=st("toc2", 8.5, leftIndent=14),
        hash=st("hash", 6.4, lead=1.25),
    )


class RTLParagraph(Flowable):
    """A right-aligned, right-to-left paragraph: logical line breaks, then shaping + reordering.
    A text without Arabic is drawn as written unless ``right_to_left`` (numbers in an Arabic
    table cell: "<0.001 (<0.001)" shows its first number on the right)."""

    def __init__(self, text: str, style: ParagraphStyle, right_to_left: bool = False) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.right_to_left = right_to_left
        self._lines: list[str] = []
        self.spaceBefore = style.spaceBefore
        self.spaceAfter = style.spaceAfter

    def _measure(self, logical: str) -> float:
        return stringWidth(visual(logical, True), self.style.fontName, self.style.fontSize)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        # a table cell's room kept on the left, beside the next column (pdf_tables.GAP)
        room = availWidth - float(getattr(self.style, "wrap_gap", 0.0))
        self._lines = wrap_logical(self.text, room, self._measure)
        self.height = len(self._lines) * self.style.leading
        return availWidth, self.height

    def draw(self) -> None:
        c = self.canv
        c.setFont(self.style.fontName, self.style.fontSize)
        c.setFillColor(self.style.textColor)
        y = self.height - self.style.fontSize
        arabic = self.right_to_left or has_rtl(self.text)
        font, size = self.style.fontName, self.style.fontSize
        for line in self._lines:
            shown = visual(line, arabic)
            room = self.width - stringWidth(shown, font, size)
            x = room / 2 if self.style.alignment == TA_CENTER else room
            # the glyphs are shaped and reordered; the span tells readers the logical text
            c._code.append(f"/Span <</ActualText {actual_text(line)}>> BDC")
            letters, marks = placed_marks(visual_marked(line, arabic), x, font, size)
            if letters != shown:  # never seen: the letters are the same with or without marks
                marks = []
            c.drawString(x, y, shown)
            for mx, my, mark in marks:  # harakat, each placed on its letter
                draw_mark(c, mx, y + my, mark, font, size)
            c._code.append("EMC")
            y -= self.style.leading


def para(text: str, style: ParagraphStyle, lang: str) -> Flowable:
    """A paragraph of plain text (escaped) in the right direction, in the language's typography
    (:func:`~workbench.reporting.typography.typeset`: a plan's or a library's text too)."""
    text = typeset(text, lang)
    if is_rtl(lang):
        return RTLParagraph(text, style)
    p = Paragraph(escape(text).replace("\n", "<br/>"), style)
    p.plain = text  # type: ignore[attr-defined]  # the text as written, for the Word report
    return p


#: a dash between spaces: a heading never breaks right after one (the French grid heading
#: ended its first line on "—"); the dash goes to the next line with the word after it
_DASH = re.compile(r" ([–—]) ")


#: a spaced slash between alternatives ("urban / rural"): a heading never breaks beside it
_SLASH = re.compile(r" / ")


def dash_with_next(text: str) -> str:
    """``text`` with each spaced dash joined to the word after it by a no-break space, and each
    spaced slash to the words on both sides (rd18 en p. 81: a line began "/ rural")."""
    return _SLASH.sub(f"{NBSP}/{NBSP}", _DASH.sub(" \\1" + NBSP, text))


def _phrase_break(words: list[str], k: int) -> bool:
    """Whether a break before ``words[k]`` falls between phrases: before a parenthesis or a
    spaced dash (:func:`dash_with_next` joins it to the word after it), or after a colon, a
    semicolon or a comma. A briefing gap's heading "<indicator> — <group>: worse by 51.1 pp"
    broke at its colon only, leaving "worse by 51.1 pp" alone on its second line (rd21 ar
    p. 2, fr "moins / favorable de 59,3 pts"): the break before its dash, the more even one,
    now counts as between phrases too."""
    return words[k].startswith(("(", "—", "–")) or words[k - 1].endswith((":", ";", ",", "،", "؛"))


def balanced_lines(
    text: str, width: float, measure: Callable[[str], float], relax: bool = True
) -> str:
    """``text`` with a line break ("\\n") where a heading of ``width`` breaks: none when it fits
    on one line; on two lines, the break that makes them most even (the English briefing's
    "… on the criteria's / indicators" left one word alone); on more, greedy lines whose last
    takes the word before it when alone. Breaks fall at spaces only (no-break spaces join)."""
    words = text.split(" ")
    if measure(text) <= width:
        return text
    if relax and any(NBSP in w and measure(w) > width for w in words):
        # a run joined by no-break spaces wider than the line (the grid heading's "— groupe de
        # comparaison : Communauté hôte" at 380 pt) would be cut inside a word ("hô / te"):
        # its joins give way, the dash still held to the word after it
        relaxed = " ".join(w.replace(NBSP, " ") if measure(w) > width else w for w in words)
        return balanced_lines(dash_with_next(relaxed), width, measure, relax=False)
    if len(words) < 2:
        return text
    rows: list[list[str]] = [[]]
    for word in words:
        if rows[-1] and measure(" ".join([*rows[-1], word])) > width:
            rows.append([])
        rows[-1].append(word)
    if len(rows) == 2:
        fits = [
            k
            for k in range(1, len(words))
            if measure(" ".join(words[:k])) <= width and measure(" ".join(words[k:])) <= width
        ]
        best = [k for k in fits if len(words) - k >= 2] or fits
        # between phrases where one fits: "… by sex and age / group (IDPs …)" cut a noun
        # phrase, though "… age group / (IDPs …)" fitted too (rd18 en p. 74, 77)
        # (never one word alone before it: "Critère 1 : / Sûreté, / sécurité à long terme …")
        best = [k for k in best if k >= 2 and _phrase_break(words, k)] or best
        if best:
            k = min(
                best,
                key=lambda k: max(measure(" ".join(words[:k])), measure(" ".join(words[k:]))),
            )
            rows = [words[:k], words[k:]]
    elif len(rows[-1]) == 1 and len(rows[-2]) > 1:
        moved = [rows[-2][-1], *rows[-1]]
        if measure(" ".join(moved)) <= width:
            rows[-2:] = [rows[-2][:-1], moved]
    return "\n".join(" ".join(row) for row in rows)


class BalancedLine(Flowable):
    """A heading-like line (a table's "<title> (continued)") whose lines are balanced
    (:func:`balanced_lines`): between phrases, never right after a dash. The stock's continued
    titles broke inside their parenthesis ("… (IDPs and returnees, IRIS / definition)
    (continued)", rd19 en pp. 78, 80, ar pp. 80, 82) where their first-page headings broke
    before it."""

    def __init__(self, text: str, style: ParagraphStyle, lang: str) -> None:
        super().__init__()
        self.text = typeset(text, lang)
        self.style, self.lang = style, lang
        self._inner = para(text, style, lang)
        self._laid: tuple[float, Flowable] | None = None

    def _measure(self, line: str) -> float:
        shown = visual(line, True) if is_rtl(self.lang) else line
        return stringWidth(shown, self.style.fontName, self.style.fontSize)

    def lines(self, width: float) -> list[str]:
        """The lines in a frame of ``width`` (the text as laid out)."""
        return balanced_lines(dash_with_next(self.text), width, self._measure).split("\n")

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._laid is None or self._laid[0] != availWidth:
            # a little short of the width: reportlab's own wrap measures the same words
            text = "\n".join(self.lines(availWidth - 0.5))
            self._laid = (availWidth, para(text, self.style, self.lang))
            self._inner = self._laid[1]
        return self._inner.wrap(availWidth, availHeight)

    def drawOn(self, canvas, x: float, y: float, _sW: float = 0) -> None:
        self._inner.drawOn(canvas, x, y, _sW)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []


class Heading(BalancedLine):
    """A section heading that registers itself in the table of contents and the PDF outline,
    its lines balanced (:func:`balanced_lines`) and never broken right after a dash."""

    def __init__(
        self, text: str, level: int, key: str, style: ParagraphStyle, lang: str, label: str = ""
    ) -> None:
        super().__init__(text, style, lang)
        self.level, self.key = level, key
        #: the chapter's label the heading starts with ("Criterion 3:", "Module A:"): a heading
        #: too long for one line breaks right after it, its name on the lines below — the French
        #: chapter headings broke three ways ("Critère 3 :" alone, "Critère 1 : Sûreté," and
        #: mid-name in the others, rd19 fr pp. 17–69)
        label = typeset(label, lang).rstrip()
        self.label = label if label and self.text.startswith(label) else ""
        self.spaceBefore = style.spaceBefore
        self.spaceAfter = style.spaceAfter
        self.keepWithNext = True

    def lines(self, width: float) -> list[str]:
        """The heading's lines in a frame of ``width`` (its text as laid out)."""
        rest = self.text[len(self.label) :].strip()
        if self.label and rest and self._measure(self.text) > width:
            name = balanced_lines(dash_with_next(rest), width, self._measure)
            return [self.label, *name.split("\n")]
        return super().lines(width)


#: a title is made this much smaller, at most, to stay on one line; longer ones are balanced
LEAST_TITLE = 0.75
#: what a frame's paddings (reportlab's 6 pt a side) leave of the text width for a line
FRAME_PADDING = 12.0


def title_para(text: str, style: ParagraphStyle, width: float, lang: str) -> Flowable:
    """A title on one line, a little smaller if it must be (down to :data:`LEAST_TITLE` of its
    size), else on two balanced lines: "Note de synthèse pour les / décideurs" left one word
    alone on the French briefing's second line. ``width``: the text's (the frame's padding is
    taken off)."""
    text, width = typeset(text, lang), width - FRAME_PADDING

    def w(t: str, size: float) -> float:
        return stringWidth(visual(t, True) if is_rtl(lang) else t, style.fontName, size)

    need = w(text, style.fontSize)
    if need <= width:
        return para(text, style, lang)
    size = math.floor(2 * style.fontSize * width / need) / 2  # in half points
    if size >= LEAST_TITLE * style.fontSize:
        smaller = ParagraphStyle(style.name, parent=style, fontSize=size, leading=size * 1.25)
        return para(text, smaller, lang)
    words = text.split(" ")
    if len(words) < 2:
        return para(text, style, lang)
    k = min(
        range(1, len(words)),
        key=lambda k: max(
            w(" ".join(words[:k]), style.fontSize), w(" ".join(words[k:]), style.fontSize)
        ),
    )
    return para(" ".join(words[:k]) + "\n" + " ".join(words[k:]), style, lang)


def facts_line(facts: list[str], style: ParagraphStyle, width: float, lang: str) -> Flowable:
    """Facts joined by " · ", a line breaking only at a separator, each fact that fits a line
    kept whole (the French briefing broke "Office / national de la statistique"); right-to-left
    text is left as written (a no-break space between Latin words in Arabic text reorders
    them)."""
    if is_rtl(lang):
        return para(" · ".join(facts), style, lang)
    kept = [
        unbroken(f) if stringWidth(f, style.fontName, style.fontSize) < width - FRAME_PADDING else f
        for f in (typeset(f, lang) for f in facts)
    ]
    return para(f"{NBSP}· ".join(kept), style, lang)
