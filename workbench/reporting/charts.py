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
from functools import cache

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from workbench.reporting.fmt import is_share
from workbench.reporting.fonts import font_file
from workbench.reporting.views import ChartData

PALETTE = ("#1f5fa8", "#e08a1e", "#6a9f3a", "#8a5fb0", "#c0504d", "#4bacc6")
COMPARATOR = "#9a9a9a"
DPI = 130
MAX_CATEGORIES = 16  # wider disaggregations are shown as tables only
PANELS_PER_ROW = 4


@cache
def _font(bold: bool = False) -> FontProperties:
    return FontProperties(fname=str(font_file("DejaVuSans-Bold" if bold else "DejaVuSans")), size=7)


def _png(fig: Figure) -> bytes:
    """The figure as an opaque RGB JPEG (embedded as-is in the PDF: no decoding per layout pass,
    no soft mask); no timestamp, so the same figure gives the same bytes."""
    from PIL import Image

    canvas = FigureCanvasAgg(fig)
    fig.set_dpi(DPI)
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


def _pct(v: float, statistic: str) -> float:
    return 100.0 * v if is_share(statistic) else v


def _bars(
    ax, bars: list[tuple[float, float, float, float, str, str]], statistic: str, height: float
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
    for y, v in zip(ys, vals, strict=True):
        if math.isnan(v):
            ax.text(0.5, y, "*", va="center", fontproperties=_font(True))


def _style(ax, categories: list[str], statistic: str, rtl: bool, title: str) -> None:
    n = len(categories)
    ax.set_yticks(list(range(n))[::-1], [_txt(c) for c in categories], fontproperties=_font())
    ax.xaxis.set_major_locator(MaxNLocator(4))
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
    ax.set_title(_txt(title), fontproperties=_font(True), fontsize=7.5)


class _Legend:
    def __init__(self, name: str, comparator: bool) -> None:
        self.name, self.comparator = name, comparator


def legend_series(main: ChartData) -> list[_Legend]:
    return [_Legend(c, i == main.comparator_index) for i, c in enumerate(main.categories)]


def indicator_chart(
    main: ChartData,
    parts: list[tuple[str, ChartData]],
    width_in: float,
    total_title: str,
    rtl: bool = False,
    fmt: str = "jpeg",
) -> bytes:
    """The overall panel plus one small multiple per (not too wide) disaggregation, encoded as
    ``fmt`` (:func:`encode`)."""
    parts = [(t, d) for t, d in parts if len(d.categories) <= MAX_CATEGORIES]
    panels = 1 + len(parts)
    ncols = min(panels, PANELS_PER_ROW)
    nrows = -(-panels // ncols)
    rows = max([len(main.categories)] + [len(d.categories) for _t, d in parts])
    row_h = 0.45 + 0.2 * max(rows, 3)
    height = 0.4 + row_h * nrows
    fig = Figure(figsize=(width_in, height))
    grid = fig.subplots(nrows, ncols, squeeze=False)
    axes = [ax for line in grid for ax in (line[::-1] if rtl else line)]
    for ax in axes[panels:]:
        ax.set_visible(False)
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
    )
    _style(axes[0], main.categories, main.statistic, rtl, total_title)
    axes[0].set_yticks([])  # groups are named by colour in the legend, as in the small multiples
    for ax, (title, data) in zip(axes[1:panels], parts, strict=True):
        m, ncat = len(data.series), len(data.categories)
        h = 0.8 / max(m, 1)
        bars = []
        for j, ser in enumerate(data.series):
            colour = COMPARATOR if ser.comparator else PALETTE[j % len(PALETTE)]
            hatch_ = "////" if ser.comparator else ""
            for i in range(ncat):
                y = ncat - 1 - i + (m / 2 - j - 0.5) * h
                bars.append((y, ser.values[i], ser.lows[i], ser.highs[i], colour, hatch_))
        _bars(ax, bars, data.statistic, h)
        _style(ax, data.categories, data.statistic, rtl, title)
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
    fig.subplots_adjust(
        left=0.03 if not rtl else 0.07,
        right=0.97 if not rtl else 0.93,
        top=1 - 0.28 / height,
        bottom=0.5 / height,
        wspace=0.6 if rtl else 0.35,
        hspace=0.25 / row_h + 0.3,
    )
    return encode(fig, fmt)
