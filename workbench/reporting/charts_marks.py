"""The marks a chart draws on its bars, as the table cells' symbols say them: "*" (not
published), "(*)" (masked, a complement) and "– no case" in their bar's slot by the zero line,
"†" (interpret with caution) past a bar's whisker, clear of its cap; the slots' sizes that
hold them, the daggers moved apart and given room in their panels, and the key saying what
the marks mean.
"""

from __future__ import annotations

import math
from functools import cache

from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.text import Annotation
from matplotlib.textpath import TextPath
from matplotlib.transforms import Bbox

from workbench.reporting.charts_text import _font
from workbench.reporting.fmt import CAUTION, COMPLEMENTARY, EMPTY, SECONDARY, SUPPRESSED
from workbench.reporting.i18n import Translator
from workbench.reporting.palette import COMPARATOR
from workbench.reporting.views import ChartData

#: the marks stand clear of the zero line (points): a dash touching the axis read as a bar of a
#: few percent (readers took IDPs in camps in Corvalle for 0.2 people per household)
#: (5 pt: at 3 pt an Arabic "–" read as part of the level's name beside the axis, ar_B 3).
#: Every mark's box starts there, "–" as "*" and "(*)" (fr_A 7: the "–" stood 5 pt from the
#: axis, the "*" of its neighbours further out, side by side on one line).
#: "– no case" (:func:`no_case_mark`) is drawn in its bar's colour, as "*": in the text's ink
#: nothing tied it to its group (en_A 2, fr_A 7).
MARK_GAP = 5.0
NO_CASE_INK = "#333333"
#: "– no case" in words runs under its neighbours' bars: drawn this much smaller than a mark
NO_CASE_SCALE = 0.85
#: the size of the marks (points), as the "†" beside a bar; a mark in a slot thinner than
#: its box at this size (a chart so tall it was capped, :data:`MAX_PLOT_IN`) is drawn smaller
MARK_PT = 6.5
#: the least clear space between a mark's box and the edges of its bar's slot (points): the
#: marks of neighbouring hidden bars never touch, nor a published bar beside them
MARK_CLEAR = 1.0
#: a mark's box is one em tall (matplotlib lays out a line from its font's ascent and descent)
MARK_BOX_EM = 1.0
#: the clear space between a "†"'s ink and the outer edge of its whisker's cap (points, at
#: every size and resolution): 1.2 pt from the glyph's box (1.4 pt of ink) read as "†|", the
#: dagger touching the cap, in the report's 130 dpi images (rd19 ar pp. 23, 26, 51–52, 61–63)
DAGGER_GAP = 2.5
#: the width of a whisker's line and caps (points)
WHISKER_LW = 0.6


def mark_slot_pt(size: float = MARK_PT) -> float:
    """The least height of a bar's slot that holds a mark of ``size`` with its clear space."""
    return size * MARK_BOX_EM + 2 * MARK_CLEAR


def _laid_out(mark: str, size: float) -> tuple[Bbox, float]:
    """The box of ``mark`` at ``size`` as matplotlib's renderer lays it out (left-aligned on
    its baseline, matplotlib's defaults), at 10 pixels a point, its baseline at mid-height of
    its figure; and that height (pixels)."""
    fig = Figure(dpi=720)
    text = fig.text(0, 0.5, mark, fontproperties=_font(True), fontsize=size)
    return text.get_window_extent(FigureCanvasAgg(fig).get_renderer()), 0.5 * fig.bbox.height


@cache
def _box_rows(size: float) -> tuple[float, float]:
    """Where a mark's box (any mark: one line of the font) starts and ends above its baseline
    (points), measured with matplotlib's renderer."""
    box, base = _laid_out(SUPPRESSED, size)
    return (box.y0 - base) / 10, (box.y1 - base) / 10


@cache
def _ink_rows(mark: str, size: float = MARK_PT) -> tuple[float, float]:
    """Where ``mark``'s ink starts and ends above its baseline (points)."""
    box = TextPath((0, 0), mark, prop=_font(True), size=size).get_extents()
    return float(box.y0), float(box.y1)


def _rise(mark: str, size: float, slot_pt: float) -> float:
    """Where a mark's baseline stands from its slot's middle (points): its ink centred there
    ("*" stands high in its line: centred on its baseline, the Arabic host "*" sat on the bar
    above its own slot, ar_B 3), as far as its box stays inside the slot with
    :data:`MARK_CLEAR` to spare."""
    ink0, ink1 = _ink_rows(mark, size)
    box0, box1 = _box_rows(size)
    rise = -(ink0 + ink1) / 2
    if slot_pt <= 0:
        return rise
    room = max(0.0, (slot_pt - (box1 - box0)) / 2 - MARK_CLEAR)
    box_mid = rise + (box0 + box1) / 2  # the box's middle from the slot's middle
    return rise - box_mid + max(-room, min(room, box_mid))


def _mark_size(slot_pt: float) -> float:
    """:data:`MARK_PT`, or smaller when the slot cannot hold a mark that size (0: unknown)."""
    if slot_pt <= 0:
        return MARK_PT
    return min(MARK_PT, max(slot_pt - 2 * MARK_CLEAR, 1.0) / MARK_BOX_EM)


@cache
def _bearings(size: float) -> tuple[float, float]:
    """The clear space between a "†"'s box, as laid out, and its ink, on its left and its right
    (points), measured with matplotlib's renderer and the glyph's outline."""
    box, _mid = _laid_out(CAUTION, size)
    ink = TextPath((0, 0), CAUTION, prop=_font(True), size=size).get_extents()
    return float(ink.x0), box.width / 10 - float(ink.x1)


def dagger_offset(size: float, rtl: bool) -> float:
    """How far a "†" of ``size``'s box starts from its whisker's end (points): its ink
    :data:`DAGGER_GAP` clear of the cap's outer edge, on the side the bar grows to (leftwards
    in Arabic, where the box's right edge is its anchor)."""
    left, right = _bearings(size)
    return WHISKER_LW / 2 + DAGGER_GAP - (right if rtl else left)


def _marks(ax, bars: list, vals: list[float], ends: list[float], flags: list[str],
           rtl: bool, slot_pt: float = 0.0, lang: str = "en") -> None:  # fmt: skip
    """What a table cell's symbol says, drawn where its bar is: ``*`` (not published), ``(*)``
    (masked, a complement) or ``–`` (no case), in its bar's colour, each in its own bar's slot,
    every one's box starting :data:`MARK_GAP` from the zero line; ``†`` (interpret with
    caution) just past the end of a published bar's whisker.

    The chart makes every slot tall enough for its mark (:func:`chart_figure`): the French
    head-of-household chart drew its 5–17 row's four marks side by side in slots 3.8 pt tall,
    "– – * *" and "(*) (*)" crowding one another; in slots that held them they were stepped
    bar by bar, a "–" 5 pt from the axis, the "*" beside it further out."""
    sign, ha = (-1, "right") if rtl else (1, "left")
    size = _mark_size(slot_pt)
    for i, b in enumerate(bars):
        if not math.isnan(vals[i]):
            continue
        mark = (
            no_case_mark(lang) if flags[i] == EMPTY
            else SECONDARY if flags[i] == COMPLEMENTARY else SUPPRESSED
        )  # fmt: skip
        words = flags[i] == EMPTY  # lighter and smaller: a note, its ink clear of bars beside
        pt = size * NO_CASE_SCALE if words else size
        ax.annotate(
            mark, xy=(1.0 if rtl else 0.0, b[0]),
            xycoords=ax.get_yaxis_transform(),
            xytext=(sign * MARK_GAP, _rise(mark, pt, slot_pt)), textcoords="offset points",
            ha=ha, va="baseline", color=_ink(b[4]),
            fontproperties=_font(not words), fontsize=pt, annotation_clip=False,
        )  # fmt: skip
    for i, b in enumerate(bars):
        if flags[i] == "caution" and not math.isnan(vals[i]):
            ax.annotate(
                CAUTION, xy=(ends[i], b[0]), xytext=(sign * dagger_offset(size, rtl), 0),
                textcoords="offset points", ha=ha, va="center", color="#333333",
                fontproperties=_font(True), fontsize=size, annotation_clip=False,
            )  # fmt: skip


def no_case_mark(lang: str) -> str:
    """What a bar with no case shows: the table's "–" with its words ("– no case"), so it reads
    as a note, not as a bar — a coloured "–" alone beside the axis read as a bar of about 3%
    (en p.6, Alvora/Returnees), in colour and in greyscale alike. The chart's key need not
    explain it (:func:`_key`)."""
    return Translator(lang)("chart_mark_empty")


def _ink(colour: str) -> str:
    """A bar's colour as its mark's: the comparator's light grey a shade darker, to read."""
    return "#6b6b6b" if colour == COMPARATOR else colour


#: daggers closer than this one above the other (points) are moved apart: in neighbouring
#: slots, each tall enough for a mark (:func:`mark_slot_pt`), they still read as "‡"
DAGGERS_APART_PT = 3.0
#: the least clear space between a "†" and its panel's edge (points)
DAGGER_CLEAR_PT = 1.0


def _daggers(ax) -> list[Annotation]:
    return [t for t in ax.texts if isinstance(t, Annotation) and t.get_text() == CAUTION]


def _apart(fig: Figure, rtl: bool, renderer: RendererAgg) -> None:
    """Move a ``†`` that would touch the one of a neighbouring bar out by one dagger's width,
    clear of it: two bars' daggers one over the other at the same end read as "‡" (measured
    once the panels are placed, from the glyphs' drawn boxes). Each is tried at its own
    whisker's end first, then one step out, never further: moved past one another in turn, the
    French "Handicap" panel's four daggers stepped out until the last stood far right of its
    bar, past the axis' end (rd17 fr p.27)."""
    near = DAGGERS_APART_PT * fig.dpi / 72
    sign = -1 if rtl else 1

    def touching(box, other) -> bool:  # close above or below counts
        return bool(box.overlaps(other)) or (
            box.x0 < other.x1
            and other.x0 < box.x1
            and box.y1 >= other.y0 - near
            and other.y1 >= box.y0 - near
        )

    for ax in fig.axes:
        placed: list = []
        for t in sorted(_daggers(ax), key=lambda t: -t.xy[1]):  # from the top bar down
            gap = dagger_offset(float(t.get_fontsize()), rtl)
            t.xyann = (sign * gap, 0.0)
            box = t.get_window_extent(renderer)
            clash = [o for o in placed if touching(box, o)]
            if clash:
                step = box.width + 1.0  # pixels: one dagger out, and a pixel clear
                t.xyann = (sign * (gap + step * 72 / fig.dpi), 0.0)
                moved = t.get_window_extent(renderer)
                if any(touching(moved, o) for o in placed):  # past them all, as a last resort
                    past = (
                        min(o.x0 for o in clash) - box.x1 - 1
                        if rtl
                        else max(o.x1 for o in clash) - box.x0 + 1
                    )
                    t.xyann = (sign * gap + past * 72 / fig.dpi, 0.0)
                box = t.get_window_extent(renderer)
            placed.append(box)


def _dagger_room(fig: Figure, axes: list, top: float, rtl: bool, renderer: RendererAgg) -> bool:
    """Give every panel room past its last tick for a ``†`` that would stand past the panel's
    end (a whisker reaching 100 left its dagger beyond the axis, in the next panel's labels:
    rd17 fr p.26–27): the value axis of every panel runs on by the same amount (one axis for
    all, so the panels compare), its line and ticks still ending on the labelled ``top``.
    Whether the axes changed (the daggers must then be placed again)."""
    clear = DAGGER_CLEAR_PT * fig.dpi / 72
    need = max(max(ax.get_xlim()) for ax in axes)
    for ax in axes:
        bbox = ax.bbox
        width = bbox.width
        for t in _daggers(ax):
            box = t.get_window_extent(renderer)
            over = (bbox.x0 - box.x0) if rtl else (box.x1 - bbox.x1)
            if over + clear <= 0:
                continue
            anchor = ax.transData.transform((t.xy[0], t.xy[1]))[0]
            off = (anchor - box.x0) if rtl else (box.x1 - anchor)  # stays as the axis scales
            if width - off - clear > 0 and t.xy[0] > 0:
                need = max(need, t.xy[0] * width / (width - off - clear))
    if need <= max(max(ax.get_xlim()) for ax in axes) + 1e-9:
        return False
    for ax in axes:
        ax.set_xlim((need, 0) if rtl else (0, need))
        ax.spines["bottom"].set_bounds(0, top)
    return True


def _key(charts: list[ChartData], lang: str) -> str:
    """What the marks drawn on these charts mean ("* not published   † interpret with
    caution"), only those drawn; empty when none is."""
    flags = {f for c in charts for s in c.series for f in s.flags}
    keys = ("suppressed", COMPLEMENTARY, "caution")  # "– no case" says it beside its bar
    drawn = [k for k in keys if k in flags]
    tr = Translator(lang)
    return "     ".join(tr(f"chart_mark_{k}") for k in drawn)
