"""A table split across pages keeps two rows on each side (issue 20, page flow): the French
"Définitions des indicateurs (suite)" put its repeated header and ONE row alone atop p. 90
(rd19 fr). Measured in small documents laid out by the report's own template, the table starting
lower and lower on the page so that it breaks after every one of its rows in turn."""

from __future__ import annotations

import io
import re

import pdfplumber
import pytest
from reportlab.platypus import Spacer

from workbench.reporting.pdf_doc import ReportDoc
from workbench.reporting.pdf_flow import LONE_ROWS
from workbench.reporting.pdf_tables import make_table
from workbench.reporting.pdf_text import make_styles

pytestmark = pytest.mark.slow  # some seventy small documents

ROWS = 9


def _rows_per_page(spacer: float) -> list[int]:
    styles = make_styles("en")
    rows = [[f"Row {i:02d}", f"Definition {i}"] for i in range(1, ROWS + 1)]
    table = make_table(["Indicator", "Definition"], rows, [150.0, 300.0], styles, "en",
                       continued="Indicator definitions")  # fmt: skip
    out = io.BytesIO()
    ReportDoc(out, "A4", "en").build([Spacer(1, spacer), table])
    with pdfplumber.open(io.BytesIO(out.getvalue())) as pdf:
        return [len(re.findall(r"Row \d\d", p.extract_text() or "")) for p in pdf.pages]


def test_no_table_part_holds_a_lone_row():
    height = ReportDoc(io.BytesIO(), "A4", "en").height
    seen_split = 0
    for spacer in range(int(height) - 230, int(height) - 20, 3):
        counts = [c for c in _rows_per_page(float(spacer)) if c]
        assert sum(counts) == ROWS, (spacer, counts)
        assert all(c >= LONE_ROWS for c in counts), (spacer, counts)
        seen_split += len(counts) > 1
    assert seen_split >= 10  # the table did break across pages, at many places
