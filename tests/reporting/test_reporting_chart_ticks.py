"""Chart axes read page by page (issue 20, finding 6): the demo's ratio chart labelled its ticks
at 0.25 and 0.75 as "0.2" and "0.8" (one decimal for every tick), and a narrow panel's
"0 25 50 75 100" ran together as "75100"."""

from __future__ import annotations

import itertools
import math

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from reporting_fixture import make_results
from reporting_testkit import FIXED
from test_reporting_readers import _long_label_views

from workbench.reporting import ReportOptions
from workbench.reporting.build import gate
from workbench.reporting.charts import chart_figure
from workbench.reporting.charts_axes import _tick_formatter


def _number(label: str, lang: str) -> float:
    text = label.replace("\u2212", "-").replace("\u202f", "").replace("\u00a0", "")
    if lang == "fr":  # a decimal comma, thousands by a narrow space
        return float(text.replace(",", "."))
    return float(text.replace(",", ""))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_tick_numbers_say_where_the_tick_is(lang):
    fmt = _tick_formatter(lang)
    for x in (0.0, 0.25, 0.5, 0.75, 1.5, 2.5, 1200.0, 0.125, 1e6):
        assert _number(fmt(x), lang) == pytest.approx(x), (lang, x, fmt(x))
    assert fmt(0.25) == ("0,25" if lang == "fr" else "0.25")


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_every_drawn_tick_label_matches_its_position(lang):
    results = make_results()
    _ctx, views, _v = gate(results, ReportOptions(language=lang, fixed_timestamp=FIXED))
    checked = 0
    for v in list(views.values())[:12]:
        parts = [(lbl, c) for _d, lbl, _t, c in v.disaggregations]
        fig = chart_figure(v.chart, parts, 6.7, "Total", lang == "ar", lang)
        FigureCanvasAgg(fig).draw()
        for ax in fig.axes:
            if not ax.get_visible():
                continue
            for loc, label in zip(ax.get_xticks(), ax.get_xticklabels(), strict=True):
                lo, hi = sorted(ax.get_xlim())
                if label.get_text() and lo - 1e-9 <= loc <= hi + 1e-9:
                    assert math.isclose(_number(label.get_text(), lang), loc, abs_tol=1e-9), (
                        v.info.id, loc, label.get_text())  # fmt: skip
                    checked += 1
    assert checked > 50


def test_axis_numbers_of_a_narrow_panel_do_not_touch():
    """Measured after drawing: a gap of at least 2 px between neighbouring axis numbers in every
    panel, however narrow the long level names leave it."""
    views = _long_label_views()
    for rtl in (False, True):
        for v in list(views.values())[:3]:
            parts = [(lbl, c) for _d, lbl, _t, c in v.disaggregations]
            fig = chart_figure(v.chart, parts, 6.7, "Total", rtl)
            canvas = FigureCanvasAgg(fig)
            canvas.draw()
            renderer = canvas.get_renderer()
            for ax in (a for a in fig.axes if a.get_visible()):
                boxes = sorted(
                    (t.get_window_extent(renderer) for t in ax.get_xticklabels() if t.get_text()),
                    key=lambda b: b.x0,
                )
                for a, b in itertools.pairwise(boxes):
                    assert b.x0 - a.x1 >= 2, (rtl, v.info.id, a.x1, b.x0)
