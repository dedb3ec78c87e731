"""rd17 fr briefing p.2–3: the briefing's gap charts name each bar beside it, and the names were
wrapped at a fixed number of characters — "PDI dans les / camps", "Communauté / d'accueil" on two
lines beside bars with room to spare. A chart alone gives its names the width the longest one
needs, measured with the font, when its panel has the room; a name too long for it still wraps."""

from __future__ import annotations

import io

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from workbench.reporting.charts import chart_figure
from workbench.reporting.charts_text import LABEL_CHARS
from workbench.reporting.pdf_doc import ReportDoc
from workbench.reporting.views import ChartData, Series

NAMES = {
    "en": ["IDPs in camps", "IDPs outside camps", "Returnees", "Host community"],
    "fr": [
        "PDI dans les camps",
        "PDI hors des camps",
        "Personnes retournées",
        "Communauté d’accueil",
    ],
    "ar": [
        "النازحون داخليًا في المخيمات",
        "النازحون داخليًا خارج المخيمات",
        "العائدون",
        "المجتمع المضيف",
    ],
}


def _figure(names: list[str], lang: str):
    vals = [0.4, 0.5, 0.6, 0.8][: len(names)]
    series = Series("x", "all", vals, [v - 0.05 for v in vals], [v + 0.05 for v in vals],
                    [""] * len(names))  # fmt: skip
    data = ChartData(names, [series], "proportion", len(names) - 1, "%")
    width = ReportDoc(io.BytesIO(), "A4", lang).width / 72
    fig = chart_figure(data, [], width, "Title", lang == "ar", lang, True)
    FigureCanvasAgg(fig).draw()
    return fig


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_chart_alone_names_each_group_on_one_line(lang):
    names = NAMES[lang]
    assert lang == "en" or max(len(n) for n in names) > LABEL_CHARS  # the old wrap cut them
    fig = _figure(names, lang)
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    labels = [t for t in ax.get_yticklabels() if t.get_text()]
    assert len(labels) == len(names)
    panel = ax.get_window_extent(renderer)
    for t in labels:
        assert "\n" not in t.get_text(), t.get_text()
        box = t.get_window_extent(renderer)
        # beside the panel, inside the figure, clear of the bars
        assert box.x0 >= 0 and box.x1 <= fig.bbox.width, (t.get_text(), box)
        assert box.x1 <= panel.x0 + 0.5 if lang != "ar" else box.x0 >= panel.x1 - 0.5


def test_a_name_too_wide_for_its_column_still_wraps():
    long = "Internally displaced persons living with host families in informal settlements"
    fig = _figure(["IDPs in camps", long], "en")
    texts = [t.get_text() for t in fig.axes[0].get_yticklabels() if t.get_text()]
    assert texts[0] == "IDPs in camps"
    assert "\n" in texts[1]
