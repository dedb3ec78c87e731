"""Each annex starts a page (issue 20, page flow): the English demo's methodology began mid-page
under the last stock table's notes, while every other chapter began a page. Read back from the
session's full reports (English and French) and measured in a small document laid out by the
report's own template."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph, Spacer

from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_annexes import methodology
from workbench.reporting.pdf_doc import ReportDoc
from workbench.reporting.pdf_flow import SECTION_FILL, SectionBreak
from workbench.reporting.pdf_text import Heading, make_styles


@pytest.mark.parametrize("key", ["methodology", "validation"])
def test_each_annex_heading_is_the_first_line_of_its_page(en_report, fr_report, key):
    for pdf, lang in ((en_report, "en"), (fr_report, "fr")):
        title = Translator(lang)(key).replace("\u00a0", " ")
        pages = [
            [ln.strip().replace("\u00a0", " ") for ln in (p.extract_text() or "").splitlines()]
            for p in PdfReader(str(pdf)).pages
        ]
        both = {title, Translator(lang)("validation" if key == "methodology" else "methodology")}
        # (the contents pages list both annexes)
        at = [(n, ln.index(title)) for n, ln in enumerate(pages, 1) if title in ln and both - {*ln}]
        assert at and all(i == 0 for _n, i in at), (lang, key, at)


def test_every_chapter_heading_is_the_first_line_of_its_page(en_report, fr_report):
    """Every chapter of the report (the summary, each criterion and module, the solutions
    measure, the stock, the annexes) starts a page: Criterion 8, Module B and the solutions
    measure began mid-page under the tail of the chapter before (rd17: en p. 65, fr pp. 69
    and 74). The chapters are the outline's top entries."""

    def norm(text: str) -> str:
        return " ".join(text.replace("\u00a0", " ").split())

    for pdf in (en_report, fr_report):
        reader = PdfReader(str(pdf))
        titles = [norm(o.title) for o in reader.outline if not isinstance(o, list)]
        firsts = []
        for page in reader.pages:
            lines = [norm(ln) for ln in (page.extract_text() or "").splitlines() if ln.strip()]
            firsts.append(lines[0] if lines else "")
        assert len(titles) >= 4, titles
        for title in titles:
            assert any(f and title.startswith(f) for f in firsts), (pdf.name, title)


def test_the_methodology_starts_a_page_below_a_short_last_section():
    """A last section that fills less than :data:`SECTION_FILL` of its page: the methodology
    starts the next page, as every chapter does."""
    from reporting_testkit import sentinel_results

    from workbench.reporting import ReportOptions
    from workbench.reporting.context import build_context
    from workbench.reporting.pdf_sections import Builder

    styles = make_styles("en")
    res = sentinel_results().publishable()
    opts = ReportOptions(language="en")
    builder = Builder(build_context(res, opts), opts, styles, 480.0, res)
    annex = methodology(builder)
    short = [Paragraph("Last rows of the stock.", styles.body), Spacer(1, 100)]
    assert SECTION_FILL * ReportDoc(io.BytesIO(), "A4", "en").height > 100
    out = io.BytesIO()
    ReportDoc(out, "A4", "en").build([Heading("Stock", 0, "stock", styles.h1, "en"), *short,
                                      SectionBreak(), *annex])  # fmt: skip
    with pdfplumber.open(io.BytesIO(out.getvalue())) as pdf:
        first = pdf.pages[0].extract_text() or ""
        second = (pdf.pages[1].extract_text() or "").splitlines()
    title = Translator("en")("methodology")
    assert title not in first, first
    assert second[0] == title, second[:2]
