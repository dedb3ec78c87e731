"""Charts with matplotlib's object API (Figure + Agg; never pyplot), returned as PNG bytes.

One figure per indicator: a panel of the overall estimate per population group (the comparator
grey and hatched) followed by small multiples of each disaggregation (grouped bars per group),
all with 95% CI whiskers. Text is given raw: matplotlib ≥ 3.11 shapes Arabic and orders it
right-to-left itself (libraqm), so no reshaping happens here; its left-to-right runs (numbers,
ranges, Latin words) are isolated, as the PDF holds them (:func:`_isolated`).
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from functools import cache

from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.legend import Legend
from matplotlib.patches import Patch
from matplotlib.text import Annotation, Text
from matplotlib.textpath import TextPath
from matplotlib.ticker import FixedLocator, Formatter

from workbench.languages import join_list
from workbench.reporting.fmt import (
    CAUTION,
    COMPLEMENTARY,
    EMPTY,
    SECONDARY,
    SUPPRESSED,
    fmt_number,
    is_share,
)
from workbench.reporting.fonts import font_file
from workbench.reporting.i18n import Translator
from workbench.reporting.palette import COMPARATOR, SERIES
from workbench.reporting.rtl import has_rtl, ltr_runs
from workbench.reporting.typography import typeset
from workbench.reporting.views import ChartData

PALETTE = SERIES  # Okabe–Ito (workbench/reporting/palette.py)
DPI = 130
#: level names longer than this are wrapped onto several lines (never cut, never overlapping)
LABEL_CHARS = 16
MAX_CATEGORIES = 16  # wider disaggregations are shown as tables only
PANELS_PER_ROW = 4
#: resolution of the PNG charts of the Word report and briefing (print: at least 200 dpi)
PRINT_DPI = 220
#: how :func:`_png` rasterises: ("jpeg", DPI) for the PDF, ("png", PRINT_DPI) for Word files
_RASTER: ContextVar[tuple[str, int]] = ContextVar("chart_raster", default=("jpeg", DPI))


@contextmanager
def print_raster(dpi: int = PRINT_DPI) -> Iterator[None]:
    """Charts drawn inside this block are lossless PNG at ``dpi`` (with its pHYs resolution),
    for documents a user prints or edits (the Word report): the same figures as the PDF's."""
    token = _RASTER.set(("png", dpi))
    try:
        yield
    finally:
        _RASTER.reset(token)


def print_quality() -> bool:
    """Whether charts are drawn at print quality now (:func:`print_raster`)."""
    return _RASTER.get()[0] == "png"


@cache
def _font(bold: bool = False) -> FontProperties:
    return FontProperties(fname=str(font_file("DejaVuSans-Bold" if bold else "DejaVuSans")), size=7)


def _png(fig: Figure) -> bytes:
    """The figure as an opaque RGB JPEG (embedded as-is in the PDF: no decoding per layout pass,
    no soft mask); no timestamp, so the same figure gives the same bytes."""
    return _raster(fig, *_RASTER.get())


def encode_pair(fig: Figure) -> tuple[bytes, bytes]:
    """The figure for the PDF (JPEG at :data:`DPI`, as :func:`encode`) and for the Word files
    (PNG at :data:`PRINT_DPI`, as under :func:`print_raster`), from one drawing: the figure is
    drawn once at print resolution and the PDF's image is that drawing scaled down (Lanczos).
    Drawing is most of a chart's cost (text layout, ticks), not the pixels: two drawings took
    about 60% more CPU than one drawing and the resampling (benchmarks/report.py)."""
    from PIL import Image

    fig.set_dpi(PRINT_DPI)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    size = canvas.get_width_height()
    rgb = Image.frombuffer("RGBA", size, canvas.buffer_rgba(), "raw", "RGBA", 0, 1).convert("RGB")
    printed = io.BytesIO()  # opaque RGB: the figure's background is white; pHYs gives the dpi
    rgb.save(printed, format="PNG", dpi=(PRINT_DPI, PRINT_DPI), compress_level=6)
    # the size a drawing at DPI has (the Agg renderer truncates the figure's size in pixels)
    small = (int(fig.get_figwidth() * DPI), int(fig.get_figheight() * DPI))
    screen = io.BytesIO()
    rgb.resize(small, Image.Resampling.LANCZOS).save(
        screen, format="JPEG", quality=92, subsampling=0, optimize=False
    )
    return screen.getvalue(), printed.getvalue()


def _raster(fig: Figure, kind: str, dpi: int) -> bytes:
    from PIL import Image

    if kind == "png":
        out = io.BytesIO()
        fig.set_dpi(dpi)
        FigureCanvasAgg(fig).print_png(out, metadata={"Software": None})  # pHYs: fig.dpi
        return out.getvalue()
    canvas = FigureCanvasAgg(fig)
    fig.set_dpi(dpi)
    canvas.draw()
    rgba = canvas.buffer_rgba()
    img = Image.frombuffer("RGBA", canvas.get_width_height(), rgba, "raw", "RGBA", 0, 1).convert(
        "RGB"
    )
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=92, subsampling=0, optimize=False)
    return out.getvalue()


def encode(fig: Figure, fmt: str = "jpeg") -> bytes:
    """The figure as the report embeds it (``jpeg``), or as a user saves it from the app:
    ``png`` (at the report's resolution) or ``svg`` (vector, text as paths so it looks the same
    without the fonts); no date in either, so the same chart gives the same bytes."""
    if fmt == "jpeg":
        return _png(fig)
    import matplotlib

    out = io.BytesIO()
    if fmt == "svg":
        from matplotlib.backends.backend_svg import FigureCanvasSVG

        with matplotlib.rc_context({"svg.fonttype": "path", "svg.hashsalt": "workbench"}):
            FigureCanvasSVG(fig).print_svg(out, metadata={"Date": None})
    else:
        fig.set_dpi(DPI)
        FigureCanvasAgg(fig).print_png(out)
    return out.getvalue()


_CONTROL = re.compile("[\x00-\x1f\x7f]")


def _txt(text: str) -> str:
    """A label as drawn: control characters (a tab or CR in a user's label) become spaces, since
    no font has a glyph for them (matplotlib would warn and draw a box); Arabic text with its
    left-to-right runs isolated (:func:`_isolated`)."""
    return _isolated(_CONTROL.sub(" ", str(text)))


#: a Unicode isolate (LRI … PDI): libraqm (FriBidi) keeps what it holds left to right, and
#: draws the two marks with no width
LRI, PDI = "\u2066", "\u2069"


def _isolated(line: str) -> str:
    """A line of Arabic with each left-to-right run of the PDF tables (a number with its sign,
    percent and flags, a range, a Latin word: :func:`~workbench.reporting.rtl.ltr_runs`) in an
    isolate. matplotlib orders a line by the bidi algorithm alone, which took the en dash of a
    range for Arabic: the Arabic axis caption "%، المحور 0–30" was drawn "30–0" beside the
    tables' "5–17" and "43.9 – 51.7" (issue 20, ar 5), and "+21.4 نقطة" would have its sign
    after the number. A line without Arabic is drawn as written."""
    if not has_rtl(line) or LRI in line:
        return line
    return "".join(LRI + piece + PDI if ltr else piece for piece, ltr in ltr_runs(line))


def _wrapped(text: str, width: int = LABEL_CHARS) -> str:
    """A level name on as many lines as it needs (words kept whole), each line isolated as
    :func:`_txt` does it (after the wrap, so that no isolate is cut by a line end)."""
    import textwrap

    plain = _CONTROL.sub(" ", str(text))
    lines = textwrap.wrap(plain, width, break_long_words=False) or [plain]
    return "\n".join(_isolated(line) for line in lines)


def _places(x: float) -> int:
    """The decimals ``x`` needs to be written exactly (0.25: two), at most three."""
    return next((d for d in range(4) if abs(round(x, d) - x) < 1e-9 * max(1, abs(x))), 3)


class _Ticks(Formatter):
    """Axis numbers as the tables write them (:func:`fmt.fmt_number`: the language's decimal sign,
    its thousands space, "−"), every tick of an axis with one number of decimals — as many as
    the tick that needs the most ("0,00 0,25 0,50 0,75"; French readers met "0 / 0,25 / 0,5 /
    0,75" beside a table of ratios with two decimals each)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.places: int | None = None

    def set_locs(self, locs) -> None:
        super().set_locs(locs)
        shown = list(locs)
        if self.axis is not None and shown:
            lo, hi = sorted(self.axis.get_view_interval())
            pad = 1e-9 * max(1.0, abs(lo), abs(hi))
            shown = [x for x in shown if lo - pad <= x <= hi + pad] or shown
        self.places = max((_places(x) for x in shown), default=None)

    def __call__(self, x: float, pos: object = None) -> str:
        places = _places(x) if self.places is None else self.places
        return fmt_number(x, places, self.lang, thousands=True)


def _tick_formatter(lang: str) -> _Ticks:
    """Axis numbers as the tables write them (:class:`_Ticks`); called on one number alone,
    with the decimals it needs."""
    return _Ticks(lang)


def _pct(v: float, statistic: str) -> float:
    return 100.0 * v if is_share(statistic) else v


def _bars(
    ax,
    bars: list[tuple[float, float, float, float, str, str]],
    statistic: str,
    height: float,
    rtl: bool = False,
    flags: list[str] | None = None,
    slot_pt: float = 0.0,
    lang: str = "en",
) -> None:
    """All bars of one panel in one call: (y, value, low, high, colour, hatch) each, and their
    marks (:func:`_marks`) from ``flags`` (the table cells' flags); ``slot_pt``: the height of
    one bar's slot (the step between neighbouring bars), in points (0: unknown)."""
    vals = [_pct(b[1], statistic) for b in bars]
    plot = [0.0 if math.isnan(v) else v for v in vals]
    ys = [b[0] for b in bars]
    drawn = ax.barh(
        ys, plot, height=height, color=[b[4] for b in bars], edgecolor="white", linewidth=0.3
    )
    for bar, b in zip(drawn, bars, strict=True):
        if b[5]:
            bar.set_hatch(b[5])
    segs = []
    ends = []  # where each bar's drawing ends: its whisker, else its value
    for (y, _v, lo, hi, _c, _h), v in zip(bars, vals, strict=True):
        high = _pct(hi, statistic)
        ends.append(v if math.isnan(high) else max(v, high))
        if math.isnan(v) or math.isnan(lo) or math.isnan(hi):
            continue
        a, w = _pct(lo, statistic), height / 4
        segs += [[(a, y), (high, y)], [(a, y - w), (a, y + w)], [(high, y - w), (high, y + w)]]
    if segs:
        ax.add_collection(LineCollection(segs, colors="#333333", linewidths=0.6))
    _marks(ax, bars, vals, ends, flags or [""] * len(bars), rtl, slot_pt, lang)


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
#: a "†" starts this far past the end of its bar's whisker (points)
DAGGER_GAP = 1.5


def mark_slot_pt(size: float = MARK_PT) -> float:
    """The least height of a bar's slot that holds a mark of ``size`` with its clear space."""
    return size * MARK_BOX_EM + 2 * MARK_CLEAR


@cache
def _box_rows(size: float) -> tuple[float, float]:
    """Where a mark's box (any mark: one line of the font) starts and ends above its baseline
    (points), measured with matplotlib's renderer."""
    fig = Figure(dpi=720)
    text = fig.text(0, 0.5, SUPPRESSED, fontproperties=_font(True), fontsize=size, va="baseline")
    box = text.get_window_extent(FigureCanvasAgg(fig).get_renderer())
    base = 0.5 * fig.bbox.height
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
                CAUTION, xy=(ends[i], b[0]), xytext=(sign * DAGGER_GAP, 0),
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


#: a share's axis runs 0–100 once a value or interval of the chart passes half of it; below, it
#: ends at the first tick past them (a low prevalence drawn on 0–100 shows bars nobody can read;
#: fr_A 12: victims of violence at 4–23% were drawn on 0–100 beside panels on 0–30)
SHARE_FULL_PAST = 50.0
#: an axis' tick steps (times a power of ten): 0, 10, 20, 30 or 0, 25, 50, never 0, 15, 30
TICK_STEPS = [1, 2, 2.5, 5, 10]
#: the most steps between ticks an axis has (a panel narrower than :data:`NARROW_IN`: 2)
MAX_STEPS, NARROW_STEPS = 4, 2
#: room past the last bar or whisker before the axis' end (a fraction of it), for its "†"
END_ROOM = 0.03


def nice_ticks(end: float, most: int = MAX_STEPS) -> list[float]:
    """An axis' ticks from 0 to the first tick at or past ``end``: 2 to ``most`` equal steps of
    :data:`TICK_STEPS` times a power of ten, the shortest such axis (and of two as short, the
    one with more ticks). The axis ends on a labelled tick: the Arabic income chart's ticks
    stopped at 1,800 while host bars ran to 1,938 FRD, household size's at 4.5 with bars to
    5.2 (matplotlib's locator chose ticks inside the data's limits, not past them)."""
    if not (end > 0 and math.isfinite(end)):
        end = 1.0
    best: tuple[tuple[float, int], float, int] | None = None
    low = math.floor(math.log10(end / most)) - 1
    for power in range(low, low + 4):
        for m in TICK_STEPS:
            step = m * 10.0**power
            n = max(2, math.ceil(end / step - 1e-9))
            if n > most:
                continue
            key = (round(n * step, 12), -n)
            if best is None or key < best[0]:
                best = (key, step, n)
    assert best is not None  # a step of end / 2 rounded up to the ladder always fits
    _key, step, n = best
    return [round(i * step, 12) for i in range(n + 1)]


def _ends(charts: list[ChartData]) -> list[float]:
    """Where the published bars and whiskers of these panels end (in the axis' unit)."""
    return [
        _pct(x, c.statistic)
        for c in charts
        for s in c.series
        for x in (*s.values, *s.highs)
        if not math.isnan(x)
    ]


def axis_end(charts: list[ChartData]) -> float:
    """How far every panel of a chart must reach (one axis for all, so they compare): past its
    longest bar and whisker by :data:`END_ROOM`; a share's 100 once they pass
    :data:`SHARE_FULL_PAST`."""
    most = max(_ends(charts), default=0.0) * (1 + END_ROOM)
    if all(is_share(c.statistic) for c in charts):
        return 100.0 if most > SHARE_FULL_PAST or most <= 0 else most
    return most


def share_top(charts: list[ChartData], most: int = MAX_STEPS) -> float:
    """Where the value axis of a chart of shares ends: 100, or the first tick past every
    published value and interval end of all its panels (:func:`axis_end`)."""
    if not all(is_share(c.statistic) for c in charts):
        return 100.0
    return nice_ticks(axis_end(charts), most)[-1]


def _style(ax, categories: list[str], rtl: bool, title: str, chars: int = LABEL_CHARS) -> None:
    """Level names, ticks and title of a panel (its value axis: :func:`_value_axis`, once the
    panels are placed and it is known whether they are narrow); names longer than ``chars``
    wrapped."""
    n = len(categories)
    ax.set_yticks(
        list(range(n))[::-1], [_wrapped(c, chars) for c in categories], fontproperties=_font()
    )
    ax.tick_params(axis="x", labelsize=6.5, length=2)
    ax.tick_params(axis="y", length=0)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_ylim(-0.5 - YPAD / 2, n - 0.5 + YPAD / 2)
    if rtl:
        ax.yaxis.tick_right()
    # y given: where matplotlib would put it (no top ticks, no offset text to clear), without
    # measuring the axes' tick labels again at every draw to find that out
    ax.set_title(_txt(title), fontproperties=_font(True), fontsize=7.5, y=1.0)


def _value_axis(ax, data: ChartData, ticks: list[float], rtl: bool, lang: str) -> None:
    """A panel's value axis: from 0 to its last tick (:func:`nice_ticks`, the same for every
    panel of the chart), numbers as the tables write them; a share's axis that stops short of
    100 says where it ends in its label ("% (axis ends at 30)": "cut" read as bars cut, rd17)."""
    top = ticks[-1]
    ax.xaxis.set_major_locator(FixedLocator(ticks))
    ax.xaxis.set_major_formatter(_tick_formatter(lang))
    ax.set_xlim((top, 0) if rtl else (0, top))
    label = data.axis
    if is_share(data.statistic) and top < 100:
        label = axis_cut_label(top, lang)
    if label:
        ax.set_xlabel(_txt(label), fontproperties=_font(), labelpad=1)


def axis_cut_label(top: float, lang: str) -> str:
    """A share axis' label when it ends before 100: the one number where it is cut, written as
    the ticks write it (no range: "%, axis 0–30" read oddly, and in Arabic ran "30–0")."""
    return Translator(lang)("chart_axis_zoomed", top=_tick_formatter(lang)(top))


class _Legend:
    def __init__(self, name: str, comparator: bool) -> None:
        self.name, self.comparator = name, comparator


TOP_IN, BOTTOM_IN, ROW_PAD_IN = 0.05, 0.35, 0.75  # panel titles, legend, ticks + axis label
NO_LEGEND_IN = 0.05  # under a chart without a legend (its bars named beside them)
SIDE = 0.015  # figure margin, as a fraction of the width
NARROW_IN = 1.1  # a plot narrower than this (inches) gets 3 axis numbers, not 5 that touch
GAP = 0.03  # between a panel and the next one's labels
MIN_COLS = 2  # a panel takes at most 1 / MIN_COLS of the chart's width
#: a panel's levels are one unit apart, with this much room above the first and below the last
YPAD = 0.2


def _unit_pt(plot_in: float, levels: int) -> float:
    """How tall one level of a panel ``plot_in`` inches tall is drawn (points)."""
    return 72 * plot_in / (max(levels, 1) + YPAD)


def _layout(
    fig: Figure,
    grid: list[list],
    rtl: bool,
    height: float,
    key_h: float = 0.0,
    bottom_in: float = BOTTOM_IN,
) -> tuple[RendererAgg, bool]:
    """Place every panel so that its level names fit beside it: each panel's slot is split
    into the measured width of its longest tick label and the plot, so no label is cut at the
    figure's edge or runs into the neighbouring panel (checked by measuring in the tests)."""
    renderer = FigureCanvasAgg(fig).get_renderer()
    width_px = fig.get_figwidth() * fig.dpi
    nrows, ncols = len(grid), len(grid[0])
    # a panel's slot: a row's share of the width, never more than half of it (a chart of one
    # panel stretched across the page drew bars twice as long as every other chart's, en p.52);
    # the panels of a narrower chart stand centred
    slot = (1 - 2 * SIDE) / max(ncols, MIN_COLS)
    first = SIDE + ((1 - 2 * SIDE) - ncols * slot) / 2
    row_h = (1 - (TOP_IN + bottom_in) / height - key_h) / nrows
    narrow = False
    for r, line in enumerate(grid):
        bottom = 1 - TOP_IN / height - (r + 1) * row_h + 0.45 / height
        plot_h = row_h - ROW_PAD_IN / height
        for c, ax in enumerate(line):
            if ax is None:  # an empty slot at the end of the last row
                continue
            labels = [t for t in ax.get_yticklabels() if t.get_text()]
            label_w = max((t.get_window_extent(renderer).width for t in labels), default=0.0)
            label_w = label_w / width_px + 0.01
            x0 = first + c * slot
            plot_w = max(slot - label_w - GAP, 0.05)
            left = x0 + GAP / 2 if rtl else x0 + label_w
            ax.set_position((left, bottom, plot_w, plot_h))
            narrow = narrow or plot_w * fig.get_figwidth() < NARROW_IN
    return renderer, narrow


#: the most of its panel's width a chart alone gives its group names, each on one line
NAMES_SHARE = 0.45


def _name_width_pt(name: str) -> float:
    """How wide a level name is drawn on one line (points), measured with the charts' font."""
    return float(TextPath((0, 0), _CONTROL.sub(" ", name), prop=_font()).get_extents().width)


def names_chars(names: list[str], room_pt: float) -> int:
    """How many characters a chart alone (the briefing's gaps) lets its group names run to
    before they wrap: the longest name's, when every name, measured with the font, fits on one
    line in ``room_pt`` — "PDI dans les / camps" and "Communauté / d'accueil" wrapped at
    :data:`LABEL_CHARS` beside a bar with room to spare (rd17 fr briefing p.2–3) —, else
    :data:`LABEL_CHARS`."""
    if names and max(_name_width_pt(n) for n in names) <= room_pt:
        return max(LABEL_CHARS, *(len(n) for n in names))
    return LABEL_CHARS


def panel_grid(panels: int) -> tuple[int, int]:
    """(rows, columns) of a chart's panels: as few rows of at most :data:`PANELS_PER_ROW` as
    hold them, the panels shared evenly between the rows — five panels are 3 + 2, not four
    and one alone under them (en p.9, "Disability" alone on a second row)."""
    nrows = -(-panels // PANELS_PER_ROW)
    return nrows, -(-panels // nrows)


def _without_absent_groups(
    main: ChartData, parts: list[tuple[str, ChartData]]
) -> tuple[ChartData, list[tuple[str, ChartData]], list[int], list[str], list[str]]:
    """The chart without the groups it does not draw, each kept group with its colour (its
    place in the plan's groups) → (main, parts, colour index of each kept group, names of the
    groups left out for no case, names of those not applicable). Not applicable: the groups
    the engine found outside the indicator's population (``main.not_applicable``, the main
    table's "Not applicable"; a question not asked of returnees, ar_B 5) — left out of every
    panel (the breakdowns have no series for them). No case: groups with no case in any panel
    (a legend entry and a "–" on every bar of every panel)."""
    n = len(main.categories)
    na = [i for i in main.not_applicable if 0 <= i < n]
    if not na or len(na) == n:
        return (*_without_empty_groups(main, parts), [])
    kept = [i for i in range(n) if i not in na]
    main_kept, parts, hue, absent = _without_empty_groups(_pick(main, kept), parts)
    return main_kept, parts, [kept[h] for h in hue], absent, [main.categories[i] for i in na]


def _pick(main: ChartData, kept: list[int]) -> ChartData:
    """The overall panel with the categories ``kept`` only."""

    def pick(values: list) -> list:
        return [values[i] for i in kept]

    series = [
        replace(s, values=pick(s.values), lows=pick(s.lows), highs=pick(s.highs),
                flags=pick(s.flags))
        for s in main.series
    ]  # fmt: skip
    cmp = main.comparator_index
    return replace(
        main, categories=pick(main.categories), series=series,
        comparator_index=kept.index(cmp) if cmp in kept else None, not_applicable=(),
    )  # fmt: skip


def _without_empty_groups(
    main: ChartData, parts: list[tuple[str, ChartData]]
) -> tuple[ChartData, list[tuple[str, ChartData]], list[int], list[str]]:
    """:func:`_without_absent_groups`' groups with no case in any panel left out."""
    n = len(main.categories)
    every = list(range(n))
    # a chart of one panel keeps its "–" (no clutter to spare); panels not one series a group
    if n < 2 or not parts or any(len(d.series) != n for _t, d in parts):
        return main, parts, every, []

    def empty(flags: list[str]) -> bool:
        return bool(flags) and all(f == EMPTY for f in flags)

    flags = main.series[0].flags if main.series else []
    gone = [
        i for i in every
        if i < len(flags) and flags[i] == EMPTY and all(empty(d.series[i].flags) for _t, d in parts)
    ]  # fmt: skip
    if not gone or len(gone) == n:
        return main, parts, every, []
    kept = [i for i in every if i not in gone]
    new_parts = [(t, replace(d, series=[d.series[i] for i in kept])) for t, d in parts]
    return _pick(main, kept), new_parts, kept, [main.categories[i] for i in gone]


def _typeset(data: ChartData, lang: str) -> ChartData:
    """A chart's labels in the language's typography, as the text around it (the French charts
    wrote the sample's "Communauté d'accueil" beside the text's "communauté d’accueil")."""
    return replace(
        data,
        categories=[typeset(c, lang) for c in data.categories],
        series=[replace(s, name=typeset(s.name, lang)) for s in data.series],
    )


#: the thickest a bar is drawn (points), in every panel of every chart: as thick as a mark's
#: slot (:func:`mark_slot_pt`). A row grown for its marks drew the overall panel beside them
#: with bars 25 pt thick; a panel with room to spare spaces its bars further apart instead
BAR_MAX_PT = mark_slot_pt()

#: the tallest a row of panels grows (inches) to give its marks their slots; past it (many
#: levels × groups with hidden bars) the marks are drawn smaller (:func:`_mark_size`)
MAX_PLOT_IN = 3.5


def _slots(main: ChartData, parts: list[tuple[str, ChartData]]) -> float:
    """How many bar slots the tallest panel with a mark stacks (a level of a breakdown holds
    one slot a group in 0.8 of its height; the overall panel one slot a level); 0: no mark."""

    def hidden(d: ChartData) -> bool:
        return any(math.isnan(v) for ser in d.series for v in ser.values)

    counts = [len(main.categories) + YPAD] if hidden(main) else []
    counts += [(len(d.categories) + YPAD) * len(d.series) / 0.8 for _t, d in parts if hidden(d)]
    return max(counts, default=0.0)


def _marks_room(main: ChartData, parts: list[tuple[str, ChartData]]) -> float:
    """The height (inches) a row of panels needs so that every bar slot holds its mark
    (:func:`mark_slot_pt`), at most :data:`MAX_PLOT_IN`; 0 when no mark is drawn."""
    return min(_slots(main, parts) * mark_slot_pt() / 72, MAX_PLOT_IN)


def legend_series(main: ChartData) -> list[_Legend]:
    return [_Legend(c, i == main.comparator_index) for i, c in enumerate(main.categories)]


def indicator_chart(
    main: ChartData,
    parts: list[tuple[str, ChartData]],
    width_in: float,
    total_title: str,
    rtl: bool = False,
    fmt: str = "jpeg",
    lang: str = "en",
) -> bytes:
    """The overall panel plus one small multiple per (not too wide) disaggregation, encoded as
    ``fmt`` (:func:`encode`); ``lang`` writes the axis numbers as its tables do."""
    return encode(chart_figure(main, parts, width_in, total_title, rtl, lang), fmt)


def panel_count(main: ChartData, parts: list[tuple[str, ChartData]]) -> int:
    """How many panels :func:`chart_figure` draws for ``main`` and ``parts``: the notes say
    "the chart" of one, "the charts" of several (rd17: "The charts show…" under one chart)."""
    parts = [(t, d) for t, d in parts if len(d.categories) <= MAX_CATEGORIES]
    return 1 + len(_without_absent_groups(main, parts)[1])


def chart_figure(
    main: ChartData,
    parts: list[tuple[str, ChartData]],
    width_in: float,
    total_title: str,
    rtl: bool = False,
    lang: str = "en",
    label_groups: bool = False,
) -> Figure:
    """The chart as a matplotlib figure (laid out, not yet drawn to pixels); ``label_groups``
    names the overall panel's bars beside them (a chart alone, as the briefing's), not only in
    the legend."""
    main, total_title = _typeset(main, lang), typeset(total_title, lang)
    parts = [
        (typeset(t, lang), _typeset(d, lang))
        for t, d in parts
        if len(d.categories) <= MAX_CATEGORIES
    ]
    main, parts, hue, absent, na = _without_absent_groups(main, parts)
    end = axis_end([main, *(d for _t, d in parts)])
    key = _key([main, *(d for _t, d in parts)], lang)
    tr = Translator(lang)
    for which, names in (("chart_not_applicable_groups", na), ("chart_absent_groups", absent)):
        if names:  # a group left out is named, so nobody looks for its bars
            said = tr(which, groups=join_list(names, lang, conjunction=True), count=len(names))
            key = "     ".join(k for k in (key, said) if k)
    panels = 1 + len(parts)
    nrows, ncols = panel_grid(panels)
    rows = max([len(main.categories)] + [len(d.categories) for _t, d in parts])
    # a chart alone names its bars beside them on one line each when its panel has the room
    slot_pt = 72 * width_in * (1 - 2 * SIDE) / max(ncols, MIN_COLS)
    chars = names_chars(main.categories, NAMES_SHARE * slot_pt) if label_groups else LABEL_CHARS
    named = [(d, LABEL_CHARS) for _t, d in parts] + ([(main, chars)] if label_groups else [])
    lines = max([1] + [_wrapped(c, k).count("\n") + 1 for d, k in named for c in d.categories])
    plot_in = max(0.2 * max(rows, 3) * (1 + 0.45 * (lines - 1)), _marks_room(main, parts))
    row_h = ROW_PAD_IN + plot_in
    # a chart whose bars are named beside them needs no legend repeating the names (the
    # briefing's: its note says the hatched bar is the comparison group) — kept where a key of
    # marks goes with it; its space went to a 4th page once the gaps were listed by size
    legend_on = not label_groups or bool(key)
    bottom_in = BOTTOM_IN if legend_on else NO_LEGEND_IN
    height = TOP_IN + bottom_in + row_h * nrows + (KEY_IN if key else 0.0)
    fig = Figure(figsize=(width_in, height))
    # only the panels drawn get axes (an empty slot's hidden axes cost as much as a panel)
    shown = {(k // ncols, ncols - 1 - k % ncols if rtl else k % ncols) for k in range(panels)}
    spec = fig.add_gridspec(nrows, ncols)
    grid = [
        [fig.add_subplot(spec[r, c]) if (r, c) in shown else None for c in range(ncols)]
        for r in range(nrows)
    ]
    axes = [ax for line in grid for ax in (line[::-1] if rtl else line) if ax is not None]
    s = main.series[0]
    n = len(main.categories)
    colours = [
        COMPARATOR if i == main.comparator_index else PALETTE[hue[i] % len(PALETTE)]
        for i in range(n)
    ]
    hatch = ["////" if i == main.comparator_index else "" for i in range(n)]
    ys = list(range(n))[::-1]
    _bars(
        axes[0],
        list(zip(ys, s.values, s.lows, s.highs, colours, hatch, strict=True)),
        main.statistic,
        min(0.6, BAR_MAX_PT / _unit_pt(plot_in, n)),
        rtl,
        s.flags,
        _unit_pt(plot_in, n),
        lang,
    )
    _style(axes[0], main.categories, rtl, total_title, chars)
    if not label_groups:  # groups are named by colour in the legend, as in the small multiples
        axes[0].set_yticks([])
    for ax, (title, data) in zip(axes[1:panels], parts, strict=True):
        m, ncat = len(data.series), len(data.categories)
        h = min(0.8 / max(m, 1), BAR_MAX_PT / _unit_pt(plot_in, ncat))
        bars, flags = [], []
        for j, ser in enumerate(data.series):
            colour = COMPARATOR if ser.comparator else PALETTE[hue[j] % len(PALETTE)]
            hatch_ = "////" if ser.comparator else ""
            for i in range(ncat):
                y = ncat - 1 - i + (m / 2 - j - 0.5) * h
                bars.append((y, ser.values[i], ser.lows[i], ser.highs[i], colour, hatch_))
                flags.append(ser.flags[i] if i < len(ser.flags) else "")
        _bars(ax, bars, data.statistic, h, rtl, flags, _unit_pt(plot_in, ncat) * h, lang)
        _style(ax, data.categories, rtl, _wrapped(title, 28))
    handles = [
        Patch(
            facecolor=COMPARATOR if ser.comparator else PALETTE[hue[j] % len(PALETTE)],
            hatch="////" if ser.comparator else "",
            label=_txt(ser.name),
            edgecolor="white",
        )
        for j, ser in enumerate(legend_series(main))
    ]
    key_h = KEY_IN / height if key else 0.0
    legend = None
    if legend_on:
        legend = fig.legend(
            handles=handles[::-1] if rtl else handles,  # read from the right, as the panels are
            loc="lower center",
            bbox_to_anchor=(0.5, LEGEND_LIFT_IN / height if key else 0.0),
            ncol=len(handles),
            prop=_font(),
            frameon=False,
            handlelength=1.2,
        )
    text = None
    if key:  # what the marks on the bars mean, under the legend
        text = fig.text(0.5, 0.02 / height, _txt(key), ha="center", va="bottom",
                        fontproperties=_font(), color="#333333")  # fmt: skip
    # the grid's columns are already the reading order's; the daggers measured with its renderer
    renderer, narrow = _layout(fig, grid, rtl, height, key_h, bottom_in)
    # every panel on one axis, ending on a labelled tick past its longest bar; fewer ticks,
    # and the same on every panel, when one is narrow ("0 25 50 75100"; a reader met
    # 0/10/20/30 on the overall panel beside 0/15/30 on the breakdowns)
    ticks = nice_ticks(end, NARROW_STEPS if narrow else MAX_STEPS)
    for ax, data in zip(axes, [main, *(d for _t, d in parts)], strict=True):
        _value_axis(ax, data, ticks, rtl, lang)
    if text is not None and legend is not None:
        _key_beside(fig, legend, text, renderer, rtl)
    for _ in range(3):  # the daggers apart, then room for them in their panels, again if it grew
        _apart(fig, rtl, renderer)
        if not _dagger_room(fig, axes[:panels], ticks[-1], rtl, renderer):
            break
    else:
        _apart(fig, rtl, renderer)
    return fig


def _key_beside(fig: Figure, legend: Legend, text: Text, renderer: RendererAgg, rtl: bool) -> None:
    """The key ("– no case") on the legend's line, after its last entry (before it, read from
    the right), when the line holds both: alone and centred on a line of its own under the
    legend, it sat just above the table's header and read as the table's caption (en_A 7,
    fr_A 4). Measured, not drawn: a key too long for the line stays under the legend."""
    width_px = fig.get_figwidth() * fig.dpi
    box = legend.get_window_extent(renderer)
    gap = KEY_GAP_IN * fig.dpi
    need = box.width + gap + text.get_window_extent(renderer).width
    if need > width_px * (1 - 2 * SIDE):
        return
    left = (width_px - need) / 2
    legend_x = left + need - box.width if rtl else left
    legend.set_loc("lower left")
    legend.set_bbox_to_anchor((legend_x / width_px, 0.0), transform=fig.transFigure)
    box = legend.get_window_extent(renderer)
    text.set_horizontalalignment("left" if not rtl else "right")
    text.set_verticalalignment("center")
    x = box.x1 + gap if not rtl else box.x0 - gap
    y = (box.y0 + box.y1) / 2  # the entries' middle (no frame: the padding is even)
    text.set_position((x / width_px, y / fig.bbox.height))


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
            t.xyann = (sign * DAGGER_GAP, 0.0)
            box = t.get_window_extent(renderer)
            clash = [o for o in placed if touching(box, o)]
            if clash:
                step = box.width + 1.0  # pixels: one dagger out, and a pixel clear
                t.xyann = (sign * (DAGGER_GAP + step * 72 / fig.dpi), 0.0)
                moved = t.get_window_extent(renderer)
                if any(touching(moved, o) for o in placed):  # past them all, as a last resort
                    past = (
                        min(o.x0 for o in clash) - box.x1 - 1
                        if rtl
                        else max(o.x1 for o in clash) - box.x0 + 1
                    )
                    t.xyann = (sign * DAGGER_GAP + past * 72 / fig.dpi, 0.0)
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


#: the line that says what the marks mean goes under the legend, which moves up into the room
#: the axis labels leave above it (inches): the figure grows by KEY_IN only
KEY_IN = 0.04
LEGEND_LIFT_IN = 0.13
#: between the legend's last entry and the key beside it, on one line (inches)
KEY_GAP_IN = 0.3


def _key(charts: list[ChartData], lang: str) -> str:
    """What the marks drawn on these charts mean ("* not published   † interpret with
    caution"), only those drawn; empty when none is."""
    flags = {f for c in charts for s in c.series for f in s.flags}
    keys = ("suppressed", COMPLEMENTARY, "caution")  # "– no case" says it beside its bar
    drawn = [k for k in keys if k in flags]
    tr = Translator(lang)
    return "     ".join(tr(f"chart_mark_{k}") for k in drawn)


def chart_alt(lang: str, title: str, breakdowns: list[str] | None = None) -> tuple[str, str]:
    """A chart's name and its alternative text (what a screen reader says of it in the Word
    files, whose pictures were "Picture 1" with no description): its title and what it draws,
    in ``lang``. ``breakdowns``: the breakdowns drawn as panels beside the overall one (those
    with at most :data:`MAX_CATEGORIES` levels); None: a progress chart."""
    tr = Translator(lang)
    name = tr("chart_alt_name", title=title)
    if breakdowns is None:
        what = tr("chart_alt_progress")
    elif breakdowns:
        what = tr("chart_alt_panels", breakdowns=join_list(breakdowns, lang, conjunction=True))
    else:
        what = tr("chart_alt_groups")
    return name, f"{name}. {what}"
