"""Slope charts of the gaps between rounds (Figure + Agg, never pyplot), as figures.

One chart per criterion: for each indicator, the gap between all displaced groups and the
comparator at the baseline (left) and at the latest round (right), joined by a line coloured by
the engine's assessment of the change in the gap — closing, widening, or neither (grey). The
dashed line at zero is "no gap". Shares are drawn in percentage points.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from matplotlib.figure import Figure

from workbench.reporting.charts_text import _font, _txt

ASSESSMENT_COLOURS = {"closing": "#2e8540", "widening": "#c0392b"}
OTHER = "#9a9a9a"
MAX_LABEL = 44


@dataclass(frozen=True)
class SlopeLine:
    label: str
    gap_from: float  # in the unit drawn (percentage points for shares)
    gap_to: float
    assessment: str


def slope_figure(
    lines: list[SlopeLine],
    rounds: tuple[str, str],
    title: str,
    y_label: str,
    legend: dict[str, str],
    rtl: bool = False,
    width_in: float = 6.6,
) -> Figure:
    """The slope chart as a figure (laid out, not yet drawn; ``charts.encode`` draws it)."""
    title_lines = textwrap.wrap(title, max(40, int(width_in * 12)))
    height = min(1.9 + 0.12 * len(title_lines) + 0.24 * max(len(lines), 3), 7.5)
    fig = Figure(figsize=(width_in, height))
    bottom, top = 0.55 / height, 1 - (0.3 + 0.13 * len(title_lines)) / height
    # time runs left to right in every language; an RTL title and legend sit on the right
    ax = fig.add_axes((0.1, bottom, 0.38, top - bottom))
    ax.axhline(0, color="#555555", lw=0.7, ls="--", zorder=1)
    seen: dict[str, str] = {}
    for ln in lines:
        colour = ASSESSMENT_COLOURS.get(ln.assessment, OTHER)
        width = 1.8 if ln.assessment in ASSESSMENT_COLOURS else 0.9
        ax.plot([0, 1], [ln.gap_from, ln.gap_to], color=colour, lw=width, marker="o", ms=3,
                zorder=3 if colour != OTHER else 2)  # fmt: skip
        key = ln.assessment if ln.assessment in ASSESSMENT_COLOURS else "other"
        seen.setdefault(key, colour)
    values = [v for ln in lines for v in (ln.gap_from, ln.gap_to)] + [0.0]
    lo, hi = min(values), max(values)
    pad = max(hi - lo, 1.0) * 0.08
    ax.set_ylim(lo - pad, hi + pad)
    # a label's height in data units: 8.5 points of the axes' height in points
    step = (hi - lo + 2 * pad) * 8.5 / (72 * height * (top - bottom))
    ends = spread([ln.gap_to for ln in lines], step, lo - pad, hi + pad)
    for ln, y in zip(lines, ends, strict=True):
        text = _txt(ln.label if len(ln.label) <= MAX_LABEL else ln.label[: MAX_LABEL - 1] + "…")
        colour = ASSESSMENT_COLOURS.get(ln.assessment, OTHER)
        ax.annotate(text, xy=(1, ln.gap_to), xytext=(1.08, y), textcoords="data",
                    fontproperties=_font(), color=colour, va="center", ha="left",
                    annotation_clip=False,
                    arrowprops={"arrowstyle": "-", "color": colour, "lw": 0.4})  # fmt: skip
    ax.set_xlim(-0.08, 1.04)
    ax.set_xticks([0, 1], [_txt(rounds[0]), _txt(rounds[1])], fontproperties=_font(True))
    # _txt turns control characters into spaces: wrap after it
    ax.set_ylabel("\n".join(textwrap.wrap(_txt(y_label), 38)), fontproperties=_font())
    for t in ax.get_yticklabels():
        t.set_fontproperties(_font())
    fig.suptitle("\n".join(_txt(x) for x in title_lines), fontproperties=_font(True),
                 x=0.02 if not rtl else 0.98, ha="left" if not rtl else "right",
                 y=1 - 0.08 / height, va="top")  # fmt: skip
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    handles = [
        ax.plot([], [], color=c, lw=1.8 if k != "other" else 0.9)[0] for k, c in seen.items()
    ]
    if handles:
        fig.legend(handles, [_txt(legend.get(k, k)) for k in seen], prop=_font(), frameon=False,
                   loc="lower left" if not rtl else "lower right", ncol=3,
                   bbox_to_anchor=(0.02 if not rtl else 0.98, 0.0))  # fmt: skip
    return fig


def spread(values: list[float], step: float, low: float, high: float) -> list[float]:
    """Label positions near ``values``, at least ``step`` apart, kept within [low, high]
    when they fit (pushed up from the lowest, then back down from the top)."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = list(values)
    prev = None
    for i in order:
        out[i] = values[i] if prev is None else max(values[i], prev + step)
        prev = out[i]
    nxt = None
    for i in reversed(order):
        limit = high if nxt is None else nxt - step
        out[i] = min(out[i], limit)
        nxt = out[i]
    return out
