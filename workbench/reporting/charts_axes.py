"""A chart's value axis: where it ends (one axis for every panel of a chart, a share's 100 or
the first tick past its longest bar and whisker), its ticks (a few equal, round steps), its
numbers written as the tables write them, and its label (saying where a share's axis is cut).
"""

from __future__ import annotations

import math

from matplotlib.ticker import FixedLocator, Formatter

from workbench.reporting.charts_text import _font, _pct, _txt
from workbench.reporting.fmt import fmt_number, is_share
from workbench.reporting.i18n import Translator
from workbench.reporting.views import ChartData


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
