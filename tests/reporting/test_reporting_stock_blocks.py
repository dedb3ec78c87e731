"""Issue 20 (fr_B 5): the stock by current district × district of origin broke after one row of
the Bendeki block — "Bendeki × Alvora" alone at the foot of a page, the rest of Bendeki and
"Bendeki × Total" on the next. A two-way stock table keeps each row level's block on one page
in the PDF, and in Word every row of a block but its last is kept with the next."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from reporting_fixture import make_results
from reporting_testkit import FIXED
from test_reporting_pdf import page_texts

from workbench.export_writer import AuditList
from workbench.reporting import ReportOptions, build_report
from workbench.reporting.pdf_stock import kept_blocks
from workbench.stats.results import STOCK_TOTAL

DISTRICTS = 24  # the district × origin table runs over several pages


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> tuple[Path, Path, list[str]]:
    folder = tmp_path_factory.mktemp("blocks")
    r = make_results(districts=DISTRICTS, scale=0.3)
    districts = sorted(
        {str(v) for v in r.stock.loc[r.stock["table"] == "location_by_origin", "row_value"]}
        - {STOCK_TOTAL}
    )
    docx = folder / "en.docx"
    opts = ReportOptions(
        language="en", fixed_timestamp=FIXED, docx_path=docx, sections=("solutions",)
    )
    pdf = build_report(r, folder / "en.pdf", opts, audit=AuditList())
    return pdf, docx, districts


def _block_pages(texts: list[str], district: str) -> set[int]:
    row = re.compile(rf"^\s*{re.escape(district)} × ", re.M)
    return {i for i, t in enumerate(texts) if row.search(t)}


def test_each_districts_block_is_on_one_page(report):
    pdf, _docx, districts = report
    texts = page_texts(pdf)
    pages = {d: _block_pages(texts, d) for d in districts}
    seen = [d for d, p in pages.items() if p]
    assert len(seen) > 10  # the table is printed, its rows found
    assert len({min(p) for p in pages.values() if p}) > 1  # it runs over pages
    split = {d: sorted(p) for d, p in pages.items() if len(p) > 1}
    assert not split, split


def test_word_keeps_each_row_of_a_block_but_its_last_with_the_next(report):
    _pdf, docx, districts = report
    doc = Document(str(docx))
    first = f"{districts[0]} × "
    table = next(t for t in doc.tables if any(c.text.startswith(first) for c in t.columns[0].cells))
    labels = [c.text for c in table.columns[0].cells]

    def kept(i: int) -> bool:
        ppr = table.rows[i].cells[0].paragraphs[0]._p.pPr
        return ppr is not None and ppr.find(qn("w:keepNext")) is not None

    for d in districts:
        rows = [i for i, t in enumerate(labels) if t.startswith(f"{d} × ")]
        assert len(rows) == 4, (d, rows)  # three origins and the district's Total
        assert all(kept(i) for i in rows[:-1]), d
        assert not kept(rows[-1]), d


def test_blocks_are_the_runs_of_one_row_level():
    assert kept_blocks(["a", "a", "b", "c", "c", "c"]) == ((0, 1), (3, 5))
    assert kept_blocks(["a"] * 40) == ()  # longer than a page may hold: it may break
