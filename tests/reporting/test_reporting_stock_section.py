"""Issue 20, final readers (en_B 11, en_A 8): the IDP stock, a headline figure, sat under
"Solutions measure" in the contents, and the summary cited its source table "in the solutions
section", with no page. The stock is a top-level section of its own in the PDF's contents and
outline and in the Word report, and the summary gives the source table's page as the contents
do (the Word report, whose pages fall elsewhere, names the section only)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from docx import Document
from pypdf import PdfReader
from reporting_testkit import FIXED, sentinel_results
from test_reporting_pdf import page_texts

from workbench.export_writer import AuditList
from workbench.reporting import ReportOptions, build_report
from workbench.reporting.i18n import Translator
from workbench.settings import Settings


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _outline_top(pdf) -> list[str]:
    return [o.title for o in PdfReader(str(pdf)).outline if not isinstance(o, list)]


def _cited_page(text: str, where: str) -> int:
    m = re.search(re.escape(where) + r"\s*(\d+)", text)
    assert m, (where, text[:3000])
    return int(m.group(1))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_stock_is_a_section_and_the_summary_gives_its_tables_page(lang, request):
    pdf = request.getfixturevalue(f"{lang}_report")
    tr = Translator(lang)
    section = tr("stock_section")
    assert section in _outline_top(pdf)  # a top-level entry, beside the solutions measure
    assert tr("solutions") in _outline_top(pdf)
    pages = [_flat(t) for t in page_texts(pdf)]
    contents = " ".join(pages[1:4])
    assert section in contents
    where = tr("stock_where_report_page", page="\x00").split("\x00")[0].strip()
    summary = next(t for t in pages if _flat(tr("stock_where_report")) in t)
    page = _cited_page(summary, _flat(where))
    # the cited page holds the source table's title, the one the sentence quotes
    title = re.search(r"“([^”]+)”|« ([^»]+) »", summary[summary.index(_flat(tr("stock"))[:20]) :])
    assert title
    quoted = _flat(title.group(1) or title.group(2))
    at = pages.index(summary)
    body = [i + 1 for i, t in enumerate(pages) if i > at and quoted[:30] in t]
    assert body and body[0] == page, (page, body, quoted)  # its first page after the summary
    assert _flat(tr("stock_where_briefing")) not in " ".join(pages)
    # the Word report: the section is a Heading 1, the sentence names it with no page
    docx = pdf.with_suffix(".docx")
    doc = Document(str(docx))
    heads = [p.text for p in doc.paragraphs if p.style.name in ("Heading 1", "heading 1")]
    assert section in heads, heads
    said = [p.text for p in doc.paragraphs if tr("stock_where_report") in p.text]
    assert said and not [t for t in said if _flat(where) in _flat(t)]


def test_the_arabic_summary_gives_the_stock_tables_page(tmp_path):
    """The right-to-left paragraph cites the page too (poppler reads its text layer)."""
    if not shutil.which("pdftotext"):
        pytest.skip("poppler's pdftotext is not installed")
    out = tmp_path / "ar.pdf"
    build_report(
        sentinel_results(),
        out,
        ReportOptions(language="ar", fixed_timestamp=FIXED, sections=("summary", "solutions")),
        settings=Settings(office_name="Office"),
        audit=AuditList(),
    )
    tr = Translator("ar")
    assert tr("stock_section") in _outline_top(out)
    pages = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, check=True, text=True
    ).stdout.split("\f")
    pages = [_flat(re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", t)) for t in pages]
    where = tr("stock_where_report_page", page="\x00").split("\x00")[0].strip()
    summary = next(t for t in pages if tr("stock_where_report") in t)
    page = _cited_page(summary, _flat(where))
    assert tr("stock_section") in pages[page - 1] or tr("stock")[:15] in pages[page - 1]


def test_a_summary_without_the_stock_section_cites_no_page(tmp_path):
    """A report of the summary alone has no stock heading to find: the sentence names the
    section without a page, and the layout settles (it never looked for the page forever)."""
    out = tmp_path / "en.pdf"
    build_report(
        sentinel_results(),
        out,
        ReportOptions(language="en", fixed_timestamp=FIXED, sections=("summary",)),
        settings=Settings(office_name="Office"),
        audit=AuditList(),
    )
    tr = Translator("en")
    text = _flat(" ".join(page_texts(out)))
    assert tr("stock_where_report") + "." in text
    assert _flat(tr("stock_where_report_page", page="\x00").split("\x00")[0]) not in text
