"""Charts with matplotlib's object API (Figure + Agg; never pyplot), returned as PNG bytes.

Text is given raw: matplotlib ≥ 3.11 shapes Arabic and orders it right-to-left itself.
"""

from __future__ import annotations

import io
import math
from functools import cache

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

from workbench.reporting.fmt import is_share
from workbench.reporting.fonts import font_file
from workbench.reporting.views import ChartData

PALETTE = ("#1f5fa8", "#e08a1e", "#6a9f3a", "#8a5fb0", "#c0504d", "#4bacc6")
COMPARATOR = "#9a9a9a"
DPI = 110
MAX_CATEGORIES = 16  # wider disaggregations are shown as tables only


@cache
def _font(bold: bool = False) -> FontProperties:
    return FontProperties(fname=str(font_file("DejaVuSans-Bold" if bold else "DejaVuSans")))


def _png(fig: Figure) -> bytes:
    """Opaque RGB PNG (no soft mask to worry PDF/A readers), without a timestamp."""
    from PIL import Image

    buf = io.BytesIO()
    FigureCanvasAgg(fig)
    fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None}, facecolor="white")
    buf.seek(0)
    out = io.BytesIO()
    Image.open(buf).convert("RGB").save(out, format="PNG", optimize=False)
    return out.getvalue()


def _scale(values: list[float], statistic: str) -> list[float]:
    return [100.0 * v if is_share(statistic) else v for v in values]


def _errors(data_v: list[float], lo: list[float], hi: list[float]) -> list[list[float]]:
    below = [v - a if not (math.isnan(v) or math.isnan(a)) else 0.0 for v, a in zip(data_v, lo, strict=True)]
    above = [b - v if not (math.isnan(v) or math.isnan(b)) else 0.0 for v, b in zip(data_v, hi, strict=True)]
    return [below, above]


def _style_axes(ax, statistic: str, rtl: bool) -> None:
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    if is_share(statistic):
        ax.set_xlim(0, 100)
    if rtl:
        ax.invert_xaxis()
        ax.yaxis.tick_right()
    for lab in ax.get_xticklabels() + ax.get_yticklabels():
        lab.set_fontproperties(_font())
        lab.set_fontsize(7)


def group_chart(data: ChartData, width_in: float, rtl: bool = False) -> bytes:
    """Horizontal bars, one per group, with CI whiskers; the comparator bar grey and hatched."""
    s = data.series[0]
    n = len(data.categories)
    fig = Figure(figsize=(width_in, 0.35 * n + 0.45))
    ax = fig.add_subplot()
    vals = _scale(s.values, data.statistic)
    lows, highs = _scale(s.lows, data.statistic), _scale(s.highs, data.statistic)
    ys = list(range(n))[::-1]
    colours = [COMPARATOR if i == data.comparator_index else PALETTE[0] for i in range(n)]
    hatches = ["///" if i == data.comparator_index else "" for i in range(n)]
    plot_vals = [0.0 if math.isnan(v) else v for v in vals]
    bars = ax.barh(ys, plot_vals, color=colours, height=0.6, edgecolor="white")
    for bar, h in zip(bars, hatches, strict=True):
        bar.set_hatch(h)
    ax.errorbar(plot_vals, ys, xerr=_errors(vals, lows, highs), fmt="none", ecolor="#333333", elinewidth=0.8, capsize=2)
    for y, v in zip(ys, vals, strict=True):
        if math.isnan(v):
            ax.text(1 if not rtl else 1, y, "*", va="center", fontproperties=_font(True), fontsize=8)
    ax.set_yticks(ys, data.categories)
    _style_axes(ax, data.statistic, rtl)
    fig.subplots_adjust(left=0.3 if not rtl else 0.03, right=0.97 if not rtl else 0.7, top=0.95, bottom=0.8 / (0.35 * n + 0.45) * 0.5 + 0.05)
    return _png(fig)


def disaggregation_charts(parts: list[tuple[str, ChartData]], width_in: float, rtl: bool = False) -> bytes | None:
    """Small multiples: one panel per disaggregation, grouped bars per population group."""
    parts = [(t, d) for t, d in parts if len(d.categories) <= MAX_CATEGORIES]
    if not parts:
        return None
    k = len(parts)
    fig = Figure(figsize=(width_in, 2.1))
    axes = fig.subplots(1, k, squeeze=False)[0]
    for ax, (title, data) in zip(axes, parts, strict=True):
        m = len(data.series)
        ncat = len(data.categories)
        height = 0.8 / max(m, 1)
        for j, s in enumerate(data.series):
            vals = _scale(s.values, data.statistic)
            ys = [ncat - 1 - i + (m / 2 - j - 0.5) * height for i in range(ncat)]
            plot_vals = [0.0 if math.isnan(v) else v for v in vals]
            colour = COMPARATOR if s.comparator else PALETTE[j % len(PALETTE)]
            ax.barh(ys, plot_vals, height=height, color=colour, hatch="///" if s.comparator else "", edgecolor="white", linewidth=0.3, label=s.name)
            ax.errorbar(plot_vals, ys, xerr=_errors(vals, _scale(s.lows, data.statistic), _scale(s.highs, data.statistic)), fmt="none", ecolor="#333333", elinewidth=0.5, capsize=1)
        ax.set_yticks(list(range(ncat))[::-1], data.categories)
        ax.set_title(title, fontproperties=_font(True), fontsize=8)
        _style_axes(ax, data.statistic, rtl)
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=len(labels), prop=_font(), fontsize=7, frameon=False)
    for lab in fig.legends[0].get_texts():
        lab.set_fontproperties(_font())
        lab.set_fontsize(7)
    fig.subplots_adjust(left=0.1, right=0.97, top=0.88, bottom=0.25, wspace=0.45)
    return _png(fig)
