"""rd19 ar pp. 23, 26, 28, 51–52, 61–63 and fr p.26: a "†" drawn touching its whisker's cap
("†|"), and a grey "†" past the 100 tick at the panel's edge. Measured on the drawn pixels:
every dagger's ink stands a fixed distance in points clear of its cap's outer edge, on the side
the bar grows to (leftwards in Arabic), at the PDF's and the Word report's resolutions, and
inside its panel, whose axis makes room for it when a whisker reaches 100."""

from __future__ import annotations

import math

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection

from workbench.reporting.charts import DPI, PRINT_DPI, chart_figure
from workbench.reporting.fmt import CAUTION
from workbench.reporting.views import ChartData, Series

NAN = math.nan
GROUPS = ["IDPs in camps", "IDPs outside camps", "Returnees", "Host community"]
LEVELS = ["Alvora", "Bendeki", "Corvalle", "Dunmere"]
#: the least clear space between a dagger's ink and its cap (points): 1.4 pt read as "†|"
CLEAR_PT = 2.2


def _chart() -> tuple[ChartData, ChartData]:
    vals = [0.45, 0.62, 0.62, 0.77]
    main = ChartData(
        GROUPS, [Series("x", "all", vals, [v - 0.08 for v in vals], [v + 0.07 for v in vals],
                        ["", "caution", "", "caution"])], "proportion", 3, "%",
    )  # fmt: skip
    series = []
    for j, name in enumerate(GROUPS):
        v = [0.46 + 0.1 * j, 0.45 + 0.05 * j, 0.52, 0.83 if j < 3 else 0.958]
        hi = [min(x + 0.12, 0.995) for x in v]  # Dunmere's host whisker reaches 99.5
        flags = ["caution" if (i + j) % 2 else "" for i in range(3)] + ["caution"]
        series.append(Series(name, str(j), v, [x - 0.1 for x in v], hi, flags, j == 3))
    return main, ChartData(LEVELS, series, "proportion", axis="%")


def _ink_columns(buf: np.ndarray, box, height: int) -> np.ndarray:
    """The columns of the image holding dark ink within ``box``'s rows."""
    top, bottom = math.floor(height - box.y1), math.ceil(height - box.y0)
    rows = buf[max(top, 0) : bottom, :, :3].astype(int)
    dark = (rows.max(axis=2) < 140).any(axis=0)  # the marks' and whiskers' ink is #333333
    return np.flatnonzero(dark)


@pytest.mark.parametrize("dpi", [DPI, PRINT_DPI])
@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_every_dagger_stands_clear_of_its_cap_inside_its_panel(lang, dpi):
    rtl = lang == "ar"
    main, part = _chart()
    fig = chart_figure(main, [("District", part)], 6.7, "Total", rtl, lang)
    fig.set_dpi(dpi)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    buf = np.asarray(canvas.buffer_rgba())
    height = buf.shape[0]
    px = dpi / 72
    seen = 0
    for ax in fig.axes:
        caps = next(c for c in ax.collections if isinstance(c, LineCollection))
        lw = caps.get_linewidths()[0] * px
        for t in (t for t in ax.texts if t.get_text() == CAUTION):
            seen += 1
            box = t.get_window_extent(renderer)
            assert box.height >= 6 * px, (lang, dpi, box.height / px)  # readable, not 1 pt
            anchor = ax.transData.transform(t.xy)[0]
            # never past the panel's axis limit, nor into its neighbour's labels
            assert ax.bbox.x0 - 0.5 <= box.x0 and box.x1 <= ax.bbox.x1 + 0.5, (box, ax.bbox)
            cols = _ink_columns(buf, box, height)
            if rtl:
                cap_edge = anchor - lw / 2
                ink = cols[(cols >= box.x0 - 1) & (cols <= box.x1 + 1)].max() + 1
                gap = cap_edge - ink
            else:
                cap_edge = anchor + lw / 2
                ink = cols[(cols >= box.x0 - 1) & (cols <= box.x1 + 1)].min()
                gap = ink - cap_edge
            # nothing dark between the cap and the dagger's ink in the dagger's rows
            between = cols[(cols > min(cap_edge, ink) + 1) & (cols < max(cap_edge, ink) - 1)]
            assert between.size == 0, (lang, dpi, between)
            assert gap / px >= CLEAR_PT, (lang, dpi, ax.get_title(), gap / px)
    assert seen >= 6
