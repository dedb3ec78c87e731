"""A chart after its indicator's tables is named (issue 20, page flow, en_A 1): when the main
table went first, the chart went on after the last breakdown table, right before the next
indicator's heading — titled only "Total", "District" on its panels, it read as the next
indicator's chart (English pp. 12, 14, 25, 31). Its caption "<indicator>: chart" is the line
right above it. Measured in a small document laid out by the report's own template."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from reportlab.platypus import Paragraph
from test_reporting_page_continued import _rows
from test_reporting_page_foot import TITLE, _chart, _filler

from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_doc import ReportDoc
from workbench.reporting.pdf_flow import ChartSlot, ChartThenTable, lead, with_notes
from workbench.reporting.pdf_tables import disaggregation_tables, indicator_table
from workbench.reporting.pdf_text import Heading, make_styles, para
from workbench.reporting.views import TableData

NEXT = "Access to an improved drinking water source"


def _story(lang: str) -> list:
    styles, tr = make_styles(lang), Translator(lang)
    head = Heading(TITLE, 0, "ind-x", styles.h2, lang)
    definition = lead(Paragraph("Definition: share of the target population.", styles.small))
    table = indicator_table(TableData(["Population group", "Estimate", "n"], _rows(4, "Group")),
                            480, styles, lang, TITLE)  # fmt: skip
    slot = ChartSlot(para(tr("chart_caption", title=TITLE), styles.h3, lang))
    out = [ChartThenTable([head, definition, _chart(0.45), table], tail=1, slot=slot)]
    parts = [(d, d, TableData([d, "A", "B"], _rows(4, d))) for d in ("Sex", "District")]
    out += disaggregation_tables(parts, 480, styles, lang, TITLE)
    ahead = Paragraph("Notes: see the end of the table.", styles.small)
    body = with_notes(out, [Paragraph("* Not published.", styles.small)], ahead)
    following = Heading(NEXT, 0, "ind-y", styles.h2, lang)
    return [*_filler(0.6, styles), *body, slot, following, Paragraph("Definition.", styles.small)]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_trailing_chart_has_its_indicators_name_right_above_it(lang):
    out = io.BytesIO()
    ReportDoc(out, "A4", lang).build(_story(lang))
    caption = Translator(lang)("chart_caption", title=TITLE).replace("\u00a0", " ")
    seen = 0
    with pdfplumber.open(io.BytesIO(out.getvalue())) as pdf:
        for page in pdf.pages:
            charts = [r for r in page.rects if r["height"] > 200]
            for chart in charts:
                above = [w for w in page.extract_words() if w["bottom"] <= chart["top"] + 1]
                last = max(w["bottom"] for w in above)
                line = " ".join(w["text"] for w in above if abs(w["bottom"] - last) < 2)
                assert line == caption, (page.page_number, line)
                seen += 1
    assert seen == 1
    # the chart came after the tables (table-first), so the caption is needed here
    with pdfplumber.open(io.BytesIO(out.getvalue())) as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages).replace("\u00a0", " ")
    assert text.index("District 3") < text.index(caption) < text.index(NEXT)
