"""The validation annex as a reader pages through it (issue 20): an empty cleaning log's SHA-256
(the empty input's, e3b0c442…b855) looked like a real fingerprint — it reads "empty" and the
note says why; the Word fingerprints table's label column is wide enough for "Cleaning log of
<dataset> (entries: 0)" (the Arabic one broke inside the bracket); the suppressed values table
keeps its rows together (one row stood alone at a Word page top); and the caution list going on
at a page top repeats the heading of its section ("Warnings and their justification
(continued)", not "Estimates to interpret with caution (continued)")."""

from __future__ import annotations

import io
import unicodedata

import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader
from reporting_fixture import make_results
from test_reporting_docx_table import _meta as _docx_meta

from workbench.findings import Finding
from workbench.reporting import ReportOptions
from workbench.reporting.context import build_context
from workbench.reporting.docx_render import DocxRenderer
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_annexes import CAUTION_CODE, EMPTY_SHA256, validation_annex
from workbench.reporting.pdf_doc import ReportDoc
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_text import make_styles
from workbench.reporting.validation import Validation

FULL = "ab" * 32
LOGS = {
    "freedonia_household": {"entries": 0, "sha256": EMPTY_SHA256},
    "freedonia_individual": {"entries": 3, "sha256": FULL},
}


def _story(lang: str, cautions: int = 60):
    r = make_results()
    opts = ReportOptions(language=lang)
    ctx = build_context(r, opts)
    ctx.cleaning_logs = {k: dict(v) for k, v in LOGS.items()}
    ctx.suppression = {"primary": 180, "complementary": 261, "empty": 662, "exposed": 0}
    doc = ReportDoc(io.BytesIO(), opts.page_size, lang)
    b = Builder(ctx, opts, make_styles(lang), doc.width, r.publishable())
    ids = list(ctx.indicators)
    findings = [  # a caution list longer than a page
        Finding.of(CAUTION_CODE, "warning", where={"indicator": ids[i % len(ids)]},
                   indicator=ids[i % len(ids)], count=1 + i % 3)
        for i in range(cautions)
    ]  # fmt: skip
    return doc, [b.h(ctx.title, 0, "top"), *validation_annex(b, Validation(findings), FULL)]


def _pages(lang: str) -> list[str]:
    doc, flow = _story(lang)
    buf = io.BytesIO()
    doc.filename = buf
    doc.build(flow)
    pages = PdfReader(io.BytesIO(buf.getvalue())).pages
    # NFKC: an Arabic page's presentation forms read as its letters
    return [" ".join(unicodedata.normalize("NFKC", p.extract_text()).split()) for p in pages]


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_an_empty_cleaning_log_reads_empty_not_a_fingerprint(lang):
    text = " ".join(_pages(lang))
    tr = Translator(lang)
    assert EMPTY_SHA256 not in text
    assert FULL in text  # a real log keeps its fingerprint
    assert tr("cleaning_log_empty") in text
    # its label has no "(entries: 0)" to break in two: "empty" says it
    empty_label = tr("cleaning_log_hash", dataset="x", entries=0)
    assert " ".join(empty_label[empty_label.rindex("(") :].split()) not in text
    if lang != "ar":  # each hash on one line of the small style
        assert " ".join(FULL) not in text and FULL in " ".join(_pages(lang)).split()
    if lang != "ar":  # an Arabic page's text layer runs right to left
        assert tr("cleaning_log_empty_note").split(":")[0].split("\u00a0")[0] in text


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_caution_list_goes_on_under_its_section_s_heading(lang):
    tr = Translator(lang)
    pages = _pages(lang)
    if lang == "ar":  # the Arabic text layer: the heading's words, never the caution title's
        later = " ".join(pages[1:])
        assert tr("warnings").split()[0] in later
        return
    continued = [p for p in pages if tr("continued", title="").strip() in p]
    assert continued, "the caution list should run onto a second page"
    for page in continued:
        assert tr("continued", title=tr("warnings")) in page
        assert tr("continued", title=tr("check_report.caution_estimates")) not in page


def _tables(body) -> list:
    return list(body.iter(qn("w:tbl")))


def _text(el) -> str:
    """An element's text, a line break read as the space it stands for: the Arabic Word report
    breaks a two-line header before the word ahead of its last left-to-right one
    (``docx_cells._header_lines``: «القيم المميَّزة / بالرمز †»); Word's no-break hyphen
    (``w:noBreakHyphen``, "SHA-256" in a header) read as "-", as python-docx reads it."""
    marks = {qn("w:br"): " ", qn("w:noBreakHyphen"): "-"}
    return "".join(marks.get(t.tag) or t.text or ""
                   for t in el.iter(qn("w:t"), *marks))  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_word_fingerprints_and_suppressed_values(lang):
    tr = Translator(lang)
    _doc, flow = _story(lang)
    w = DocxRenderer(_docx_meta(lang))
    w.add(flow)
    body = w.doc.element.body
    tables = _tables(body)
    prints = next(t for t in tables if "SHA-256" in _text(t))
    grid = [int(c.get(qn("w:w"))) for c in prints.iter(qn("w:gridCol"))]
    label = grid[-1] if lang == "ar" else grid[0]  # a right-to-left table's columns reversed
    assert label >= 0.43 * sum(grid), grid
    assert EMPTY_SHA256 not in _text(prints) and tr("cleaning_log_empty") in _text(prints)
    # a hash in the PDF's small hash style (6.4 pt), not the cells' 8 pt: at 8 pt it did not
    # fit its column beside the wider labels
    sizes = {r.find(qn("w:rPr")).find(qn("w:sz")).get(qn("w:val"))
             for r in prints.iter(qn("w:r")) if FULL in _text(r)}  # fmt: skip
    assert sizes == {"13"}, sizes
    # the suppressed values: heading and every row kept with the next, the last row ends it
    sup = next(t for t in tables if tr("suppression_primary") in _text(t))
    paragraphs = [p for row in sup.iter(qn("w:tr")) for p in row.iter(qn("w:p"))]
    heading = sup.getprevious()
    while heading.tag != qn("w:p") or tr("suppression_counts") not in _text(heading):
        heading = heading.getprevious()
    kept = [heading, *paragraphs[:-1]]
    assert all(p.find(qn("w:pPr")) is not None and p.find(qn("w:pPr")).find(qn("w:keepNext"))
               is not None for p in kept)  # fmt: skip
    # the caution list has no title row: its first row, repeated on each page, is its column
    # names ("Estimates to interpret with caution" stood under "Warnings and their
    # justification", English Word report p. 68)
    caution = next(t for t in tables if tr("col_caution_count") in _text(t))
    first = caution.find(qn("w:tr"))
    assert tr("col_caution_count") in _text(first)
    assert tr("check_report.caution_estimates") not in _text(caution)
