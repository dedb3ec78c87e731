"""An indicator's chart never sits between its own tables (issue 20, page flow, en_A 3): when
the main table went first at a page's foot ("Residing in durable housing"), its chart went on
at the top of the next page under "(continued)", and the District and Urban / rural tables came
after it — the chart cut the indicator's tables in two. Measured where each table and chart is
drawn in a real PDF of the criteria (the demo's shape: charts, main and breakdown tables)."""

from __future__ import annotations

import pytest
from reporting_testkit import FIXED, sentinel_results
from reportlab.platypus import Image

from workbench.export_writer import AuditList
from workbench.reporting import ReportOptions, build_report
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_flow import ContinuedTable

pytestmark = pytest.mark.slow  # each case writes a report of the criteria


def _title(text: str, template: str) -> str | None:
    """``text`` made from ``template`` ("{T} (continued)") → the title, else None."""
    before, after = template.split("{T}")
    if text.startswith(before) and text.endswith(after) and len(text) > len(template) - 3:
        return text[len(before) : len(text) - len(after)]
    return None


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_no_chart_between_two_tables_of_its_indicator(lang, monkeypatch, tmp_path):
    tr = Translator(lang)
    more, named = tr("continued", title="{T}"), tr("chart_alt_name", title="{T}")
    drawn: list[tuple[object, int, float, str, str]] = []  # canvas, page, -top, kind, title

    def table_drawn(self, canvas, x, y, _sW=0):
        title = _title(str(getattr(self.line, "text", "")), more) if self.line else None
        if title:
            drawn.append((canvas, canvas.getPageNumber(), -(y + self._height), "table", title))
        return real_table(self, canvas, x, y, _sW)

    def image_drawn(self, canvas, x, y, _sW=0):
        alt = getattr(self, "alt", None)
        title = _title(alt[0], named) if alt else None
        if title:
            drawn.append((canvas, canvas.getPageNumber(), -(y + self.drawHeight), "chart", title))
        return real_image(self, canvas, x, y, _sW)

    real_table, real_image = ContinuedTable.drawOn, Image.drawOn
    monkeypatch.setattr(ContinuedTable, "drawOn", table_drawn)
    monkeypatch.setattr(Image, "drawOn", image_drawn)
    r = sentinel_results()
    r.estimates = r.estimates[r.estimates["disaggregation"] != "age_group"]
    r.comparisons = r.comparisons[r.comparisons["disaggregation"] != "age_group"]
    opts = ReportOptions(language=lang, fixed_timestamp=FIXED, sections=("criteria",))
    build_report(r, tmp_path / f"{lang}.pdf", opts, audit=AuditList())
    last = drawn[-1][0]  # the last layout pass: the PDF as written
    order: dict[str, list[tuple[int, float, str]]] = {}
    for canvas, page, top, kind, title in drawn:
        if canvas is last:
            order.setdefault(title, []).append((page, top, kind))
    charted = {t: sorted(v) for t, v in order.items() if any(k == "chart" for _p, _y, k in v)}
    assert len(charted) >= 4, (lang, list(order))
    split = []
    for title, seq in charted.items():
        kinds = [k for _p, _y, k in seq]
        i = kinds.index("chart")
        if "table" in kinds[:i] and "table" in kinds[i + 1 :]:
            split.append((title, [(p, k) for p, _y, k in seq]))
    assert not split, (lang, split)
