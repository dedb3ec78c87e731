"""One layout for every indicator (issue 20, page flow): its chart under its heading, then its
tables. Read page by page, 11 indicators of the demo (en, fr, ar) put the main table first and
the chart after their tables under a heading "<indicator>: chart", while every other indicator
had the chart first: readers looked above the table for the chart and did not find it. Measured
where each indicator's heading, chart and tables are drawn in real PDFs of the criteria."""

from __future__ import annotations

import pytest
from reporting_testkit import FIXED, sentinel_results
from reportlab.platypus import Image
from test_reporting_chart_order import _title

from workbench.export_writer import AuditList
from workbench.reporting import ReportOptions, build_report
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_flow import CHART_GAP, ContinuedTable
from workbench.reporting.pdf_text import Heading

pytestmark = pytest.mark.slow  # each case writes a report of the criteria


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_each_indicators_chart_is_on_its_headings_page_above_its_tables(
    lang, monkeypatch, tmp_path
):
    named = Translator(lang)("chart_alt_name", title="{T}")
    drawn: list[tuple[object, int, float, str, float]] = []  # canvas, page, -top, kind, bottom

    def heading_drawn(self, canvas, x, y, _sW=0):
        if self.key.startswith("ind-"):
            drawn.append((canvas, canvas.getPageNumber(), -y, "heading", y))
        return real_heading(self, canvas, x, y, _sW)

    def image_drawn(self, canvas, x, y, _sW=0):
        alt = getattr(self, "alt", None)
        if alt and _title(alt[0], named):
            drawn.append((canvas, canvas.getPageNumber(), -(y + self.drawHeight), "chart", y))
        return real_image(self, canvas, x, y, _sW)

    def table_drawn(self, canvas, x, y, _sW=0):
        drawn.append((canvas, canvas.getPageNumber(), -(y + self._height), "table", y))
        return real_table(self, canvas, x, y, _sW)

    real_heading, real_image, real_table = Heading.drawOn, Image.drawOn, ContinuedTable.drawOn
    monkeypatch.setattr(Heading, "drawOn", heading_drawn)
    monkeypatch.setattr(Image, "drawOn", image_drawn)
    monkeypatch.setattr(ContinuedTable, "drawOn", table_drawn)
    opts = ReportOptions(language=lang, fixed_timestamp=FIXED, sections=("criteria",))
    pdf = build_report(sentinel_results(), tmp_path / f"{lang}.pdf", opts, audit=AuditList())
    last = drawn[-1][0]  # the last layout pass: the PDF as written
    seq = sorted((p, y, k, b) for c, p, y, k, b in drawn if c is last)
    # each indicator: heading, then its chart on the same page, then its tables
    indicators: list[list[tuple[int, str]]] = []
    gaps = []  # chart's foot to the top of the table under it (points)
    for (page, _top, kind, bottom), after in zip(seq, [*seq[1:], None], strict=True):
        if kind == "heading":
            indicators.append([])
        if indicators:
            indicators[-1].append((page, kind))
        if kind == "chart" and after is not None and after[:3:2] == (page, "table"):
            gaps.append(bottom + after[1])
    assert len(indicators) >= 8, (lang, len(indicators))
    wrong = [
        block
        for block in indicators
        if len(block) < 3 or block[1] != (block[0][0], "chart") or block[2][1] != "table"
    ]
    assert not wrong, (lang, wrong)
    # the chart's mark key never touches the table's header: the same gap under every chart
    assert len(gaps) == len(indicators), (lang, len(gaps), len(indicators))
    assert all(abs(g - CHART_GAP) < 0.5 for g in gaps), (lang, sorted(set(gaps)))
    # no heading names a chart of its own ("<indicator>: chart" after the tables)
    from pypdf import PdfReader

    text = "\n".join(p.extract_text() or "" for p in PdfReader(str(pdf)).pages)
    for caption in (": chart\n", " : graphique\n", "\u00a0: graphique\n"):
        assert caption not in text + "\n", (lang, caption)
