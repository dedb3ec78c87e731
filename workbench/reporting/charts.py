"""Charts with matplotlib's object API (Figure + Agg; never pyplot), returned as PNG bytes.

One figure per indicator: a panel of the overall estimate per population group (the comparator
grey and hatched) followed by small multiples of each disaggregation (grouped bars per group),
all with 95% CI whiskers. Text is given raw: matplotlib ≥ 3.11 shapes Arabic and orders it
right-to-left itself (libraqm), so no reshaping happens here; its left-to-right runs (numbers,
ranges, Latin words) are isolated, as the PDF holds them
(:func:`~workbench.reporting.charts_text._isolated`). The value axis is drawn by
:mod:`~workbench.reporting.charts_axes`, the marks on the bars by
:mod:`~workbench.reporting.charts_marks`; this module lays the panels out and draws the bars.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace

from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.patches import Patch
from matplotlib.text import Text
from matplotlib.textpath import TextPath

from workbench.languages import join_list
from workbench.reporting.charts_axes import (
    MAX_STEPS,
    NARROW_STEPS,
    _value_axis,
    axis_end,
    nice_ticks,
)
from workbench.reporting.charts_marks import (
    WHISKER_LW,
    _apart,
    _dagger_room,
    _key,
    _marks,
    mark_slot_pt,
)
from workbench.reporting.charts_text import _CONTROL, LABEL_CHARS, _font, _pct, _txt, _wrapped
from workbench.reporting.fmt import EMPTY
from workbench.reporting.i18n import Translator
from workbench.reporting.palette import COMPARATOR, SERIES
from workbench.reporting.typography import typeset
from workbench.reporting.views import ChartData

PALETTE = SERIES  # Okabe–Ito (workbench/reporting/palette.py)
DPI = 130
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
        ax.add_collection(LineCollection(segs, colors="#333333", linewidths=WHISKER_LW))
    _marks(ax, bars, vals, ends, flags or [""] * len(bars), rtl, slot_pt, lang)


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
    one slot a group in 0.8 of its height; the overall panel one slot a level); 0: no mark.
    A "†" is a mark as "*" is: in a panel with no hidden bar its slots were not grown, and
    its daggers were drawn 1 pt tall, unreadable (found measuring the daggers' gaps, rd19)."""

    def hidden(d: ChartData) -> bool:  # a bar not drawn ("*", "(*)", "–") or marked "†"
        return any(math.isnan(v) for ser in d.series for v in ser.values) or any(
            f == "caution" for ser in d.series for f in ser.flags
        )

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


#: the line that says what the marks mean goes under the legend, which moves up into the room
#: the axis labels leave above it (inches): the figure grows by KEY_IN only
KEY_IN = 0.04
LEGEND_LIFT_IN = 0.13
#: between the legend's last entry and the key beside it, on one line (inches)
KEY_GAP_IN = 0.3


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
