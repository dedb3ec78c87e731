"""Charts with matplotlib's object API (Figure + Agg; never pyplot), returned as PNG bytes.

One figure per indicator: a panel of the overall estimate per population group (the comparator
grey and hatched) followed by small multiples of each disaggregation (grouped bars per group),
all with 95% CI whiskers. Text is given raw: matplotlib ≥ 3.11 shapes Arabic and orders it
right-to-left itself (libraqm), so no reshaping happens here.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from workbench.languages import decimal_comma
from workbench.reporting.fmt import EMPTY, NOT_APPLICABLE, SUPPRESSED, is_share
from workbench.reporting.fonts import font_file
from workbench.reporting.palette import COMPARATOR, SERIES
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
    """The figure for the PDF (JPEG, as :func:`encode`) and for the Word files (PNG at print
    resolution, as under :func:`print_raster`), from one layout: laying a figure out costs
    about as much as drawing it."""
    return _raster(fig, "jpeg", DPI), _raster(fig, "png", PRINT_DPI)


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
    no font has a glyph for them (matplotlib would warn and draw a box)."""
    return _CONTROL.sub(" ", str(text))


def _wrapped(text: str, width: int = LABEL_CHARS) -> str:
    """A level name on as many lines as it needs (words kept whole)."""
    import textwrap

    return "\n".join(textwrap.wrap(_txt(text), width, break_long_words=False)) or _txt(text)


def _tick_formatter(lang: str) -> FuncFormatter:
    """Axis numbers as the tables write them: decimal comma and a space between thousands in
    French and Spanish."""

    def fmt(x: float, _pos: object = None) -> str:
        # as many decimals as the tick needs (0.25 is "0.25", never "0.2"), at most three
        places = next((d for d in range(4) if abs(round(x, d) - x) < 1e-9 * max(1, abs(x))), 3)
        text = f"{x:,.{places}f}"
        if decimal_comma(lang):
            text = text.replace(",", "\u202f").replace(".", ",")
        return text.replace("-", "−")

    return FuncFormatter(fmt)


def _pct(v: float, statistic: str) -> float:
    return 100.0 * v if is_share(statistic) else v


def _bars(
    ax,
    bars: list[tuple[float, float, float, float, str, str]],
    statistic: str,
    height: float,
    rtl: bool = False,
    empty: list[bool] | None = None,
) -> None:
    """All bars of one panel in one call: (y, value, low, high, colour, hatch) each."""
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
    for (y, _v, lo, hi, _c, _h), v in zip(bars, vals, strict=True):
        if math.isnan(v) or math.isnan(lo) or math.isnan(hi):
            continue
        a, z = _pct(lo, statistic), _pct(hi, statistic)
        w = height / 4
        segs += [[(a, y), (z, y)], [(a, y - w), (a, y + w)], [(z, y - w), (z, y + w)]]
    if segs:
        ax.add_collection(LineCollection(segs, colors="#333333", linewidths=0.6))
    # a hidden bar says why, as its table cell does: * not published, – no case at all
    no_case = empty or [False] * len(vals)
    for symbol, wanted in ((SUPPRESSED, False), (NOT_APPLICABLE, True)):
        picked = [math.nan if math.isnan(v) and e == wanted else (0.0 if math.isnan(v) else v)
                  for v, e in zip(vals, no_case, strict=True)]  # fmt: skip
        for y in _hidden_marks(ys, picked, height):  # x in axes fraction: inside the zero line
            x, ha = (0.98, "right") if rtl else (0.02, "left")
            ax.text(x, y, symbol, va="center", ha=ha, transform=ax.get_yaxis_transform(),
                    fontproperties=_font(True))  # fmt: skip


def _empty(flags: list[str]) -> list[bool]:
    return [f == EMPTY for f in flags]


def _hidden_marks(ys: list[float], vals: list[float], height: float) -> list[float]:
    """Where to write the ``*`` of unpublished bars: one per run of adjacent hidden bars (at its
    middle), so four hidden bars of one level read as one ``*``, not a column of ``****``."""
    marks: list[float] = []
    run: list[float] = []
    for y, v in sorted(zip(ys, vals, strict=True), key=lambda t: t[0]):
        if math.isnan(v) and (not run or y - run[-1] <= height * 1.01):
            run.append(y)
            continue
        if run:
            marks.append(sum(run) / len(run))
        run = [y] if math.isnan(v) else []
    if run:
        marks.append(sum(run) / len(run))
    return marks


def _style(
    ax, categories: list[str], data: ChartData, rtl: bool, title: str, lang: str = "en"
) -> None:
    n, statistic = len(categories), data.statistic
    ax.set_yticks(list(range(n))[::-1], [_wrapped(c) for c in categories], fontproperties=_font())
    ax.xaxis.set_major_locator(MaxNLocator(4))
    ax.xaxis.set_major_formatter(_tick_formatter(lang))
    if data.axis:
        ax.set_xlabel(_txt(data.axis), fontproperties=_font(), labelpad=1)
    ax.tick_params(axis="x", labelsize=6.5, length=2)
    ax.tick_params(axis="y", length=0)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_ylim(-0.6, n - 0.4)
    if is_share(statistic):
        ax.set_xlim(0, 100)
    else:
        ax.autoscale(axis="x")
        ax.set_xlim(left=0)
    if rtl:
        ax.invert_xaxis()
        ax.yaxis.tick_right()
    # y given: where matplotlib would put it (no top ticks, no offset text to clear), without
    # measuring the axes' tick labels again at every draw to find that out
    ax.set_title(_txt(title), fontproperties=_font(True), fontsize=7.5, y=1.0)


class _Legend:
    def __init__(self, name: str, comparator: bool) -> None:
        self.name, self.comparator = name, comparator


TOP_IN, BOTTOM_IN, ROW_PAD_IN = 0.05, 0.35, 0.75  # panel titles, legend, ticks + axis label
SIDE = 0.015  # figure margin, as a fraction of the width
NARROW_IN = 1.1  # a plot narrower than this (inches) gets 3 axis numbers, not 5 that touch
GAP = 0.03  # between a panel and the next one's labels


def _layout(fig: Figure, grid: list[list], rtl: bool, height: float) -> None:
    """Place every panel so that its level names fit beside it: each panel's slot is split
    into the measured width of its longest tick label and the plot, so no label is cut at the
    figure's edge or runs into the neighbouring panel (checked by measuring in the tests)."""
    renderer = FigureCanvasAgg(fig).get_renderer()
    width_px = fig.get_figwidth() * fig.dpi
    nrows, ncols = len(grid), len(grid[0])
    slot = (1 - 2 * SIDE) / ncols
    row_h = (1 - (TOP_IN + BOTTOM_IN) / height) / nrows
    for r, line in enumerate(grid):
        bottom = 1 - TOP_IN / height - (r + 1) * row_h + 0.45 / height
        plot_h = row_h - ROW_PAD_IN / height
        for c, ax in enumerate(line):
            if ax is None:  # an empty slot at the end of the last row
                continue
            labels = [t for t in ax.get_yticklabels() if t.get_text()]
            label_w = max((t.get_window_extent(renderer).width for t in labels), default=0.0)
            label_w = label_w / width_px + 0.01
            x0 = SIDE + c * slot
            plot_w = max(slot - label_w - GAP, 0.05)
            left = x0 + GAP / 2 if rtl else x0 + label_w
            ax.set_position((left, bottom, plot_w, plot_h))
            if plot_w * fig.get_figwidth() < NARROW_IN:  # "0 25 50 75100": fewer ticks
                ax.xaxis.set_major_locator(MaxNLocator(2))


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
    parts = [(t, d) for t, d in parts if len(d.categories) <= MAX_CATEGORIES]
    panels = 1 + len(parts)
    ncols = min(panels, PANELS_PER_ROW)
    nrows = -(-panels // ncols)
    rows = max([len(main.categories)] + [len(d.categories) for _t, d in parts])
    named = [d for _t, d in parts] + ([main] if label_groups else [])  # bars named beside them
    lines = max([1] + [_wrapped(c).count("\n") + 1 for d in named for c in d.categories])
    row_h = ROW_PAD_IN + 0.2 * max(rows, 3) * (1 + 0.45 * (lines - 1))
    height = TOP_IN + BOTTOM_IN + row_h * nrows
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
        COMPARATOR if i == main.comparator_index else PALETTE[i % len(PALETTE)] for i in range(n)
    ]
    hatch = ["////" if i == main.comparator_index else "" for i in range(n)]
    ys = list(range(n))[::-1]
    _bars(
        axes[0],
        list(zip(ys, s.values, s.lows, s.highs, colours, hatch, strict=True)),
        main.statistic,
        0.6,
        rtl,
        _empty(s.flags),
    )
    _style(axes[0], main.categories, main, rtl, total_title, lang)
    if not label_groups:  # groups are named by colour in the legend, as in the small multiples
        axes[0].set_yticks([])
    for ax, (title, data) in zip(axes[1:panels], parts, strict=True):
        m, ncat = len(data.series), len(data.categories)
        h = 0.8 / max(m, 1)
        bars, empty = [], []
        for j, ser in enumerate(data.series):
            colour = COMPARATOR if ser.comparator else PALETTE[j % len(PALETTE)]
            hatch_ = "////" if ser.comparator else ""
            for i in range(ncat):
                y = ncat - 1 - i + (m / 2 - j - 0.5) * h
                bars.append((y, ser.values[i], ser.lows[i], ser.highs[i], colour, hatch_))
                empty.append(i < len(ser.flags) and ser.flags[i] == EMPTY)
        _bars(ax, bars, data.statistic, h, rtl, empty)
        _style(ax, data.categories, data, rtl, _wrapped(title, 28), lang)
    handles = [
        Patch(
            facecolor=COMPARATOR if ser.comparator else PALETTE[j % len(PALETTE)],
            hatch="////" if ser.comparator else "",
            label=_txt(ser.name),
            edgecolor="white",
        )
        for j, ser in enumerate(legend_series(main))
    ]
    fig.legend(
        handles=handles,
        loc="lower center",
        ncol=len(handles),
        prop=_font(),
        frameon=False,
        handlelength=1.2,
    )
    _layout(fig, [list(line[::-1] if rtl else line) for line in grid], rtl, height)
    return fig
