"""Each hidden bar's mark on its own slot (issue 20, en_A 2, ar_A 2, fr_A 7): the demo's
two-level Disability panels drew the returnees' and the host's marks side by side on one line
between their two slots ("* *", "(*) (*)", "– – * *"), and "–" in black: in greyscale nothing
tied a mark to its group. Where a slot is tall enough, each mark's ink is centred within its
own bar's slot, and every mark ("–" too) is in its group's colour. Measured on the figure."""

from __future__ import annotations

import math

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex
from test_reporting_chart_marks import GROUPS

from workbench.reporting.charts import chart_figure
from workbench.reporting.fmt import CAUTION, EMPTY
from workbench.reporting.views import ChartData, Series

NAN = math.nan
#: per level, per group: (share, flag) — two levels, neighbours hidden in both
CELLS = [
    [(0.30, ""), (NAN, EMPTY), (NAN, "suppressed"), (NAN, "suppressed")],
    [(0.40, ""), (0.50, ""), (NAN, "complementary"), (NAN, "complementary")],
]
LEVELS4 = ["Alvora", "Bendeki", "Corvalle", "Dunmere"]


def _figure(lang: str):
    vals = [0.33, 0.25, 0.18, 0.2]
    main = ChartData(GROUPS, [Series("x", "all", vals, vals, vals, [""] * 4)], "proportion", 3, "%")
    series = []
    for j, name in enumerate(GROUPS):
        v = [CELLS[i][j][0] for i in range(2)]
        f = [CELLS[i][j][1] for i in range(2)]
        series.append(Series(name, str(j), v, v, v, f, j == 3))
    part = ChartData(["With disability", "Without disability"], series, "proportion", axis="%")
    v4 = [0.5] * 4
    full = [Series(g, str(j), v4, v4, v4, [""] * 4, j == 3) for j, g in enumerate(GROUPS)]
    district = ChartData(LEVELS4, full, "proportion", axis="%")
    parts = [("District", district), ("Disability", part)]
    fig = chart_figure(main, parts, 6.7, "Total", lang == "ar", lang)
    fig.canvas = FigureCanvasAgg(fig)
    fig.canvas.draw()
    return fig, fig.canvas.get_renderer()


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_each_mark_sits_in_its_own_bars_slot_in_its_colour(lang):
    fig, renderer = _figure(lang)
    panel = next(ax for ax in fig.axes if ax.get_title() == "Disability")
    marks = [t for t in panel.texts if t.get_text() != CAUTION]
    assert len(marks) == 5
    hidden = [p for p in panel.patches if p.get_width() == 0]
    assert len(hidden) == 5
    to_px = panel.transData.transform
    slot_h = abs(to_px((0, 0.2))[1] - to_px((0, 0))[1])  # four bars in 0.8 of a level
    for t in marks:
        box = t.get_window_extent(renderer)
        middle = (box.y0 + box.y1) / 2
        # the hidden bar whose slot holds the mark's middle
        owners = [
            p
            for p in hidden
            if abs(to_px((0, p.get_y() + p.get_height() / 2))[1] - middle) < slot_h / 2
        ]
        assert len(owners) == 1, (lang, t.get_text(), middle)
        colour = to_hex(owners[0].get_facecolor())
        ink = to_hex(t.get_color())
        assert ink == colour or (ink == "#6b6b6b" and owners[0].get_hatch()), (lang, t.get_text())
        hidden.remove(owners[0])
