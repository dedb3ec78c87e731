"""The Word report's page breaks (issue 20, rd18, read in LibreOffice): every chapter starts a
page as in the PDF (Criterion 8 and Module B began mid-page under the notes of the indicator
before), a main comparison table is never split from its comparator row (the host-community row
alone atop the next page: fr pp. 15→16, 22→23, 36→37, 51→52), and a heading's intro keeps with
what it introduces ("Key gaps" and its intro at the foot of p. 4, the bullets on p. 5)."""

from __future__ import annotations

import io
import shutil
from datetime import datetime

import pytest
from docx import Document
from docx.oxml.ns import qn
from PIL import Image as PILImage
from reportlab.platypus import Image, Paragraph
from test_reporting_word_pages import _soffice_pdf

from workbench.reporting.docx_render import DocxMeta, DocxRenderer
from workbench.reporting.pdf_flow import ChartThenTable, SectionBreak, lead
from workbench.reporting.pdf_tables import indicator_table
from workbench.reporting.pdf_text import Heading, make_styles, para
from workbench.reporting.rtl import without_marks
from workbench.reporting.views import TableData

W = 480.0
COMPARATOR = "Host community (comparator)"


def _meta(lang: str) -> DocxMeta:
    return DocxMeta(
        language=lang, page_size="A4", title="t", author="a", subject="s", keywords="k",
        when=datetime(2026, 1, 2, 3, 4, 5), footer_note="plan v1 · abc",
        page_template="Page {page} of {pages}",
    )  # fmt: skip


def _text(el) -> str:
    return without_marks("".join(t.text or "" for t in el.iter(qn("w:t"))))


def _has(p, tag: str) -> bool:
    ppr = p.find(qn("w:pPr"))
    return ppr is not None and ppr.find(qn(tag)) is not None


def _paragraph(doc, text: str):
    return next(p for p in doc.element.body.iter(qn("w:p")) if _text(p) == text)


def test_every_word_chapter_starts_a_page():
    """After a section break (the end of a criterion, a module, the solutions) the next chapter's
    heading has "page break before", as each chapter starts a page in the PDF; the first
    chapter of the story and a break at its end add no page (no blank last page)."""
    styles = make_styles("en")
    story = []
    for name in ("Criterion 7", "Criterion 8", "Module B", "Methodology annex"):
        story += [
            Heading(name, 0, name.lower().replace(" ", "-"), styles.h1, "en"),
            lead(Paragraph(f"{name}: bars are estimates.", styles.small)),
            Paragraph("An indicator's notes.", styles.small),
            SectionBreak(),
        ]
    r = DocxRenderer(_meta("en"))
    r.add(story)
    doc = Document(io.BytesIO(r.finish()))
    assert not _has(_paragraph(doc, "Criterion 7"), "w:pageBreakBefore")
    for name in ("Criterion 8", "Module B", "Methodology annex"):
        assert _has(_paragraph(doc, name), "w:pageBreakBefore"), name
    assert len(list(doc.element.body.iter(qn("w:pageBreakBefore")))) == 3


def _chart(height: float) -> Image:
    buf = io.BytesIO()
    # Word sets the picture at the chart's width, its height in the picture's proportions
    PILImage.new("RGB", (480, int(height)), "white").save(buf, "PNG")
    chart = Image(io.BytesIO(buf.getvalue()), width=W, height=height)
    chart.raw = buf.getvalue()  # type: ignore[attr-defined]  # as Builder.image sets it
    return chart


#: a chapter start's words per language: criterion, indicator, its groups, the comparator
WORDS = {
    "en": ("Criterion 1: Safety and security", "Feels safe walking alone in their area",
           ("IDPs in camps", "IDPs outside camps", "Returnees"), COMPARATOR,
           "Bars: estimates; whiskers: 95% intervals. ",
           "Definition: share of the people who feel safe. ", "Unit: individuals."),
    "ar": ("المعيار 1: السلامة والأمن", "يشعر بالأمان عند المشي بمفرده في منطقته",
           ("النازحون داخليًا في المخيمات", "النازحون داخليًا خارج المخيمات", "العائدون"),
           "المجتمع المضيف (مقارن)", "الأعمدة: التقديرات؛ الخطوط: فترات ثقة 95%. ",
           "التعريف: نسبة الأشخاص الذين يشعرون بالأمان. ", "وحدة التحليل: الأفراد."),
}  # fmt: skip
#: each row's sample size (its groups', then the comparator's): a row found in any language
SAMPLES = ("1,545", "1,546", "1,547", "2,118")


def _criterion(chart_height: float, lang: str = "en") -> list:
    """A criterion's heading and lead, then its first indicator as ``Builder.indicator`` lays it
    out: heading, lead notes, chart and main table (three groups and the comparator row); its
    paragraphs as the report writes them in ``lang`` (an Arabic lead is an RTLParagraph)."""
    styles = make_styles(lang)
    criterion, title, groups, comparator, bars, definition, unit = WORDS[lang]
    main = TableData(
        ["Population group", "Estimate", "95% CI", "n", "Difference", "Assessment", "p"],
        [[g, "46.6%", "40.4 – 53.0", n, "−22.6 pp", "Worse", "< 0.001 (< 0.001)"]
         for g, n in zip(groups, SAMPLES, strict=False)]
        + [[comparator, "69.3%", "65.1 – 73.1", SAMPLES[-1], "", "", ""]],
        comparator_row=3,
    )  # fmt: skip
    leads = [lead(para(bars * 4, styles.small, lang))]
    block = ChartThenTable(
        [
            Heading(title, 1, "ind-x", styles.h2, lang),
            lead(para(definition * 2, styles.small, lang)),
            lead(para(unit, styles.small, lang)),
            _chart(chart_height),
            indicator_table(main, W, styles, lang, title),
        ],
        1,
    )
    return [
        Heading(criterion, 0, "criterion-1", styles.h1, lang),
        *leads,
        block,
        para("Notes: after the table.", styles.small, lang),
    ]


def _word(chart_height: float) -> bytes:
    r = DocxRenderer(_meta("en"))
    r.add([Paragraph("The chapter before.", make_styles("en").body), SectionBreak()])
    r.add(_criterion(chart_height))
    return r.finish()


def test_a_word_main_table_taller_than_a_page_with_its_chart_goes_on_whole():
    """Heading, lead, chart and main table kept together: when the chain (with the criterion's
    heading and lead kept above it) is taller than a page, the chart ends it and the table's rows
    keep together, so the table goes on whole on the next page; a chain that fits keeps the chart
    with the table."""
    for height, chained in ((760.0, False), (200.0, True)):
        doc = Document(io.BytesIO(_word(height)))
        (tbl,) = doc.element.body.iter(qn("w:tbl"))
        rows = tbl.findall(qn("w:tr"))
        assert _text(rows[-1]).startswith(COMPARATOR)
        for row in rows[:-1]:  # the table whole
            assert all(_has(p, "w:keepNext") for p in row.iter(qn("w:p")))
        assert all(r.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None for r in rows)
        chart = tbl.getprevious()
        assert chart.find(".//" + qn("w:drawing")) is not None
        assert _has(chart, "w:keepNext") is chained, height


def _pages(data: bytes, tmp_path) -> list[str]:
    return [p.extract_text() or "" for p in _soffice_pdf(data, tmp_path).pages]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_keeps_a_main_table_with_its_comparator_row(tmp_path):
    """Laid out by LibreOffice, the criterion starts a page and the main table's three groups and
    its comparator row are on one page (the comparator row stood alone atop the next page)."""
    pages = _pages(_word(760.0), tmp_path)
    (page,) = [p for p in pages if COMPARATOR in p]
    assert all(g in page for g in ("IDPs in camps", "IDPs outside camps", "Returnees")), pages
    assert "The chapter before." in pages[0] and "Criterion 1" not in pages[0]
    assert "Criterion 1" in pages[1]


def test_a_word_headings_intro_keeps_with_what_it_introduces():
    """The summary's "Key gaps" heading, its intro (a note) and its list of gaps, kept whole on
    one page: the heading keeps with the intro, the intro with the first bullet, and each bullet
    of a short list with the next — the Arabic Word report's heading, intro and first gap stood at
    the foot of p. 4, the four other gaps on p. 5 (rd19 ar L.71; at rd18 the heading and intro
    stood alone there). A list longer than :data:`LIST_KEPT` of a page flows from there, and a
    list no heading leads to is not kept."""
    from workbench.reporting.docx_render import LIST_KEPT

    styles = make_styles("en")
    intro = "Ordered by the size of the gap; a gap may differ by 0.1 from the figures shown."
    gaps = [f"• IDPs in camps: {20 + i}.6 pp lower than the host community." for i in range(5)]
    story = [
        Heading("Key gaps: the 5 largest of the 82 substantive gaps", 1, "gaps", styles.h2, "en"),
        Paragraph(intro, styles.small),
        *[Paragraph(g, styles.body) for g in gaps],
        Paragraph("Other results follow.", styles.body),
        *[Paragraph(g.replace("IDPs", "Returnees"), styles.body) for g in gaps],
    ]
    r = DocxRenderer(_meta("en"))
    r.add(story)
    doc = Document(io.BytesIO(r.finish()))
    assert _has(_paragraph(doc, "Key gaps: the 5 largest of the 82 substantive gaps"), "w:keepNext")
    assert _has(_paragraph(doc, intro), "w:keepNext")
    kept = [_has(_paragraph(doc, g), "w:keepNext") for g in gaps]
    assert kept == [True] * 4 + [False], kept  # the list whole, the last bullet ends it
    # after a paragraph that does not keep with it: no list kept
    loose = [_has(_paragraph(doc, g.replace("IDPs", "Returnees")), "w:keepNext") for g in gaps]
    assert not any(loose), loose
    # a list taller than LIST_KEPT of a page: its first bullets kept, the rest flow
    many = [f"• Gap {i}: " + "lower than the host community, " * 12 for i in range(30)]
    r = DocxRenderer(_meta("en"))
    r.add([story[0], story[1], *[Paragraph(g, styles.body) for g in many]])
    doc = Document(io.BytesIO(r.finish()))
    kept = [_has(_paragraph(doc, g.strip()), "w:keepNext") for g in many]
    assert kept[0] and not kept[-1] and 0 < sum(kept) < len(many) - 1, kept
    assert LIST_KEPT <= 0.5
