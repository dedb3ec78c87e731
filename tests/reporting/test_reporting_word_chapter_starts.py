"""The Word report's chapter starts and short tables (issue 20, rd20 read in LibreOffice): a
chapter heading too long for one line breaks right after "Criterion N:" as the PDF's does (the
French Word headings broke three ways), a chapter's first chart is drawn a little smaller when
that keeps its main table on its page (fr Critère 1, 2, 3, 5; en pp. 23, 52), a short table is
never split (the "Versions" table's last row alone on en p. 83), and a breakdown table that may
open a page names its indicator after its "By district" caption (14 en pages)."""

from __future__ import annotations

import io
import shutil

import pytest
from docx import Document
from docx.oxml.ns import qn
from reportlab.platypus import Paragraph, Table
from test_reporting_word_breakdowns import TITLE, _indicator, _line
from test_reporting_word_page_breaks import SAMPLES, W, _criterion, _meta
from test_reporting_word_pages import _soffice_pdf

from workbench.reporting.docx_keeps import WORD_CHART_SCALE, WORD_PAGE_FILL, _height
from workbench.reporting.docx_render import DocxRenderer
from workbench.reporting.pdf_flow import SectionBreak
from workbench.reporting.pdf_text import Heading, make_styles
from workbench.reporting.rtl import without_marks
from workbench.reporting.typography import typeset

LONG = {
    "en": ("Criterion 2:", "Adequate standard of living (at least food, water, housing, health "
           "care, basic education)"),
    "fr": ("Critère 2 :", "Niveau de vie suffisant (au moins alimentation, eau, logement, soins "
           "de santé, éducation de base)"),
    "ar": ("المعيار 2:", "مستوى معيشي لائق (على الأقل الغذاء والمياه والسكن والرعاية الصحية "
           "والتعليم الأساسي)"),
}  # fmt: skip


def _keeps(p) -> bool:
    ppr = p.find(qn("w:pPr"))
    return ppr is not None and ppr.find(qn("w:keepNext")) is not None


def _lines(p) -> list[str]:
    """A paragraph's lines, split at its line breaks."""
    out = [""]
    for el in p.iter(qn("w:t"), qn("w:br")):
        if el.tag == qn("w:br"):
            out.append("")
        else:
            out[-1] += el.text or ""
    return [without_marks(line).strip() for line in out]


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_long_word_chapter_heading_breaks_after_its_label(lang):
    """ "Critère 2 : Niveau de vie suffisant (au moins / alimentation …" broke mid-name in Word
    while the PDF breaks after "Critère 2 :": the Word heading's first line is its label alone,
    its name below. A heading that fits one line is not broken."""
    styles = make_styles(lang)
    label, name = LONG[lang]
    label, text = typeset(label, lang), typeset(f"{label} {name}", lang)
    short = typeset(f"{label} {'Emploi' if lang == 'fr' else 'Jobs'}", lang)
    r = DocxRenderer(_meta(lang))
    r.add([
        Heading(text, 0, "criterion-2", styles.h1, lang, label),
        Paragraph("Lead.", styles.small), SectionBreak(),
        Heading(short, 0, "criterion-3", styles.h1, lang, label),
        Paragraph("Lead.", styles.small),
    ])  # fmt: skip
    doc = Document(io.BytesIO(r.finish()))
    heads = [p for p in doc.element.body.iter(qn("w:p")) if _lines(p)[0].startswith(label)]
    assert len(heads) == 2
    lines = _lines(heads[0])
    assert lines[0] == without_marks(label).strip(), (lang, lines)
    assert " ".join(lines[1:]).replace("\u00a0", " ") == without_marks(name), (lang, lines)
    assert len(_lines(heads[1])) == 1, _lines(heads[1])


def _extent(doc) -> int:
    (extent,) = doc.element.body.iter(
        "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"
    )
    return int(extent.get("cx"))


def test_a_chapters_first_chart_is_drawn_smaller_to_keep_its_table_on_its_page():
    """A criterion's heading and lead, its first indicator's heading, chart and main table a
    little taller than a page: the chart is drawn smaller (not below WORD_CHART_SCALE of its
    width) and kept with the table — the main table opened the next page (rd20 fr pp. 15–16,
    22–23, 36–37, 51–52). Much taller: the chart keeps its size, the table goes on whole."""
    for height, fits in ((600.0, True), (200.0, True), (760.0, False)):
        r = DocxRenderer(_meta("en"))
        r.add([Paragraph("The chapter before.", make_styles("en").body), SectionBreak()])
        r.add(_criterion(height))
        doc = Document(io.BytesIO(r.finish()))
        (tbl,) = doc.element.body.iter(qn("w:tbl"))
        chart = tbl.getprevious()
        assert _keeps(chart) is fits, height
        scale = _extent(doc) / (W * 12700)
        if height == 600.0:
            assert WORD_CHART_SCALE <= scale < 0.99, scale
        else:
            assert scale == pytest.approx(1.0, abs=1e-3), (height, scale)


def _tight_chapter(lang: str) -> tuple[bytes, float, float]:
    """A chapter start whose first indicator block (heading, lead notes, chart and main table)
    fits a Word page alone, 5 pt to spare, but not under the criterion's heading and lead kept
    above it; with the height of those two (points) and the chart's."""
    r = DocxRenderer(_meta(lang))
    story = _criterion(100.0, lang)
    chain = _height(story[:2], r._width)
    room = WORD_PAGE_FILL * r._page_height
    height = 100.0 + room - _height([story[2]], r._width) - 5
    r.add([Paragraph("The chapter before.", make_styles(lang).body), SectionBreak()])
    r.add(_criterion(height, lang))
    return r.finish(), chain, height


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_chapters_heading_and_lead_count_above_its_first_chart(lang):
    """The criterion's heading and lead are kept above its first indicator's heading, chart and
    main table, and count in their height in every language: an indicator block that fits a
    page alone but not under them has its chart drawn smaller, kept with the table. An Arabic
    lead (an RTLParagraph, no reportlab Paragraph) was not counted, so the Arabic Word report's
    Criterion 2 start kept its chart at full size and LibreOffice split the 4-row main table
    after two rows, the returnees' and the comparator rows on the next page (rd21 ar
    pp. 23–24)."""
    data, chain, height = _tight_chapter(lang)
    doc = Document(io.BytesIO(data))
    (tbl,) = doc.element.body.iter(qn("w:tbl"))
    assert _keeps(tbl.getprevious()), lang  # the chart kept with the table
    scale = _extent(doc) / (W * 12700)
    assert WORD_CHART_SCALE <= scale < 1 - chain / 2 / height, (lang, scale)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_libreoffice_keeps_a_chapters_first_main_table_whole(lang, tmp_path):
    """Laid out by LibreOffice, a chapter start's main table is whole on the chapter's first
    page, its comparator row with its groups (rd21 ar pp. 23–24: split 2 + 2)."""
    pages = [p.extract_text() or "" for p in _soffice_pdf(_tight_chapter(lang)[0], tmp_path).pages]
    assert "The chapter before." in pages[0] and "1,545" not in pages[0]
    rows = [n for n in SAMPLES if n in pages[1]]  # each row's sample size, read in any script
    assert rows == list(SAMPLES), (lang, rows, pages[2:3])


@pytest.mark.parametrize("rows", [2, 3, 6])
def test_a_short_word_table_is_never_split(rows):
    """The "Versions" table (a header and three rows) broke after its second row in
    LibreOffice, its last row alone on an otherwise empty page (rd20 en p. 83): every row of a
    short table but the last keeps with the next."""
    styles = make_styles("en")
    cells = [["Item", "Version"], *[[f"Part {i}", f"0.{i}"] for i in range(rows)]]
    r = DocxRenderer(_meta("en"))
    r.add([
        Heading("Versions", 1, "versions", styles.h2, "en"),
        Table(cells, colWidths=[200, 200], repeatRows=1),
        Paragraph("Validation annex.", styles.body),
    ])  # fmt: skip
    doc = Document(io.BytesIO(r.finish()))
    (table,) = doc.tables
    keeps = [all(_keeps(p) for p in row._tr.iter(qn("w:p"))) for row in table.rows]
    assert keeps == [True] * rows + [False], keeps


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_word_breakdown_that_may_open_a_page_names_its_indicator(lang):
    """ "By district" opened 14 English Word pages with no indicator named on them (rd20 en
    p. 7–63): a breakdown table not kept on the page of the table before it names the
    indicator after its caption, in the notes' smaller type ("By sex — <indicator>"); one kept
    with the table before shares that table's page and caption, so its caption is "By district"
    alone (the whole title under every table read as repetition, rd19 fr L.67)."""
    r = DocxRenderer(_meta(lang))
    r.add(_indicator(lang, True, levels=2))
    doc = Document(io.BytesIO(r.finish()))
    _main, first, second = doc.tables
    head = without_marks(_lines(first._tbl.getprevious())[0]).replace("\u00a0", " ")
    sex = without_marks(_line(lang, "Sex"))
    assert head == f"{sex} — {without_marks(typeset(TITLE, lang))}", (lang, head)
    runs = (
        [
            r
            for r in first._tbl.getprevious().iter(qn("w:r"))
            if TITLE[:4] in "".join(t.text or "" for t in r.iter(qn("w:t")))
        ]
        if lang != "ar"
        else []
    )
    for run in runs:  # the title in the smaller, regular type
        assert run.find(qn("w:rPr")).find(qn("w:b")) is None or run.find(qn("w:rPr")).find(
            qn("w:b")
        ).get(qn("w:val")) in ("0", "false")
    district = without_marks(_lines(second._tbl.getprevious())[0])
    assert district == without_marks(_line(lang, "District")), (lang, district)
