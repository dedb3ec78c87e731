"""Word pages a reader turns (issue 20, read page by page in LibreOffice): a table going on to a
new page repeats its column names (no title row: it repeated the heading above), a criterion
does not start a half-empty page, a full page's last row stays clear of the footer, and an
Arabic table's numbers are plain numbers (a table pasted into a spreadsheet gives numbers, not
text)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import datetime

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader
from reportlab.platypus import KeepTogether, Paragraph

from workbench.reporting.docx_render import DocxMeta, DocxRenderer
from workbench.reporting.pdf_flow import SectionBreak
from workbench.reporting.pdf_tables import make_table
from workbench.reporting.pdf_text import Heading, make_styles
from workbench.reporting.rtl import ltr_runs, visual, without_marks, word_runs

TITLE = "IDP stock by cause and year"
#: points between the baselines of a full page's last row and of the footer: 13.2 before the
#: footer moved down (the row's border touched the footer's letters), 36.5 after
GAP = 24


def _meta(lang: str) -> DocxMeta:
    return DocxMeta(
        language=lang, page_size="A4", title="t", author="a", subject="s", keywords="k",
        when=datetime(2026, 1, 2, 3, 4, 5), footer_note="plan v1 · abc",
        page_template="Page {page} of {pages}",
    )  # fmt: skip


def _rows(n: int) -> list[list[str]]:
    return [[f"Row {i}", f"{i},{i:03d}", f"{i + 1}"] for i in range(n)]


def _long_table_docx() -> bytes:
    """A stock table of 90 rows under its title, as the report writes one."""
    styles = make_styles("en")
    title = Paragraph(TITLE, styles.h3)
    table = make_table(["All displaced", "Number", "n"], _rows(90), [200, 100, 80], styles, "en",
                       continued=TITLE)  # fmt: skip
    r = DocxRenderer(_meta("en"))
    r.add([Paragraph("Before the table.", styles.body), KeepTogether([title, table])])
    return r.finish()


def _text(el) -> str:
    """The text of ``el``, a line break (``w:br``, after "Criterion N:" in a long chapter
    heading, s13fix2) read as a space, as the contents entry writes it."""
    parts = [
        (t.text or "") if t.tag == qn("w:t") else " "
        for t in el.iter(qn("w:t"), qn("w:br"))
        if t.tag == qn("w:t") or t.get(qn("w:type")) in (None, "textWrapping")
    ]
    return without_marks("".join(parts))


def test_word_table_repeats_only_its_column_names_under_its_title():
    """A long table's title is the paragraph above it, printed once; only the column names
    repeat on every page the table runs onto (``w:tblHeader``). A title row inside the table
    repeated the heading right above it, and again on each page (English Word report pp. 61–62:
    "IDP stock by cause and year…" twice in a row)."""
    doc = Document(io.BytesIO(_long_table_docx()))
    (tbl,) = doc.element.body.findall(qn("w:tbl"))
    rows = tbl.findall(qn("w:tr"))
    heads = [tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None for tr in rows]
    assert heads[0] and not any(heads[1:]) and len(rows) == 91
    assert _text(rows[0]).startswith("All displaced") and TITLE not in _text(tbl)
    assert [p.text for p in doc.paragraphs if p.text.strip()] == ["Before the table.", TITLE]


@pytest.mark.parametrize("rows", [4, 60])
def test_word_table_under_the_heading_that_names_it_has_no_title_row(rows):
    """A breakdown table under its indicator's heading (a stock table under its own): the
    heading names it, so no title row says it again — Word repeats a header row on every page
    alike and cannot print "(continued)" only where the table goes on, as the PDF does; the
    French Word report showed "Ménages dirigés par une femme" as heading and, right under it,
    as the table's first row (the English one "Indicator definitions", p. 65, a long table).
    The column header still repeats on each page."""
    styles = make_styles("fr")
    name = "Ménages dirigés par une femme"
    table = make_table(["Sexe", "PDI dans les camps", "n"], _rows(rows), [200, 100, 80], styles,
                       "fr", continued=name)  # fmt: skip
    r = DocxRenderer(_meta("fr"))
    r.add([KeepTogether([Heading(name, 1, "ind-x", styles.h2, "fr"), table])])
    doc = Document(io.BytesIO(r.finish()))
    (tbl,) = doc.element.body.findall(qn("w:tbl"))
    got = tbl.findall(qn("w:tr"))
    assert _text(got[0]).startswith("Sexe") and len(got) == rows + 1
    assert got[0].find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
    assert [p.text for p in doc.paragraphs if p.text.strip()] == [name]


def _soffice_pdf(data: bytes, tmp_path) -> PdfReader:
    src = tmp_path / "t.docx"
    src.write_bytes(data)
    profile = (tmp_path / "lo").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(src)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return PdfReader(str(tmp_path / "t.pdf"))


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_word_long_table_in_libreoffice_repeats_its_header_and_clears_the_footer(tmp_path):
    """Rendered by LibreOffice: every page after the first starts with the table's header row
    (its column names; no title row, which repeated the heading above); on every page, the
    last row ends above the footer's line (it touched "Page 67 of 74" in the French report)."""
    pdf = _soffice_pdf(_long_table_docx(), tmp_path)
    assert len(pdf.pages) >= 2
    for page in pdf.pages[1:]:
        lines = [ln.strip() for ln in page.extract_text().splitlines() if ln.strip()]
        assert lines[0].startswith("All displaced"), lines[:2]
    for page in pdf.pages:
        ys: list[tuple[float, str]] = []

        def seen(t: str, _cm: object, tm: list[float], _f: object, _s: object, into=ys) -> None:
            into.append((tm[5], t))

        page.extract_text(visitor_text=seen)
        footer = min(y for y, t in ys if t.startswith("plan v1"))
        body = [y for y, t in ys if t.strip() and y > footer + 0.5]
        # PDF y grows upwards: the lowest body line's baseline stands clear of the footer's
        assert min(body) - footer > GAP, (min(body), footer)


def test_word_sections_start_a_page_their_headings_kept_with_what_follows():
    """A section break (each criterion, an annex) starts a page in Word, as in the PDF
    (rd18: Criterion 8 and Module B began mid-page); its heading and lead note keep with what
    follows them (the solutions measure and the IDP stock: test_reporting_word_breakdowns.py)."""
    styles = make_styles("en")
    lead = Paragraph("Bars: estimates.", styles.small)
    lead.keepWithNext = True  # type: ignore[attr-defined]  # as pdf_sections.lead sets it
    story = [
        Heading("Criterion 1", 0, "criterion-1", styles.h1, "en"),
        lead,
        Paragraph("An indicator.", styles.body),
        SectionBreak(),
        Heading("Criterion 2", 0, "criterion-2", styles.h1, "en"),
        Paragraph("Another.", styles.body),
        SectionBreak(),
        Heading("Methodology annex", 0, "methodology", styles.h1, "en"),
        Paragraph("How.", styles.body),
    ]
    r = DocxRenderer(_meta("en"))
    r.add(story)
    paras = {_text(p): p for p in r.doc.element.body.iter(qn("w:p"))}

    def has(text: str, tag: str) -> bool:
        ppr = paras[text].find(qn("w:pPr"))
        return ppr is not None and ppr.find(qn(tag)) is not None

    assert not has("Criterion 1", "w:pageBreakBefore")
    assert has("Criterion 2", "w:pageBreakBefore")
    assert has("Methodology annex", "w:pageBreakBefore")
    assert has("Criterion 1", "w:keepNext") and has("Criterion 2", "w:keepNext")
    assert has("Bars: estimates.", "w:keepNext")


MARKS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\xa0]")


def _number(text: str) -> float:
    """A cell as a spreadsheet reads it: thousands commas, a % sign, a leading sign."""
    return float(text.replace(",", "").rstrip("%"))


def test_arabic_word_number_cells_are_plain_numbers():
    """In an Arabic table each number cell holds the number alone — no bidi marks, no NBSP,
    Western digits — in a left-to-right paragraph aligned as the table's right-to-left cells;
    Arabic cells stay right-to-left paragraphs."""
    styles = make_styles("ar")
    rows = [["أنثى", "12.2%", "2,889", "+0.17"], ["ذكر", "8.5%", "1,204", "−0.05"],
            ["60+", "7.0%", "96", "+1.2"]]  # fmt: skip
    table = make_table(["الفئة", "التقدير", "n", "الفرق"], rows, [120, 80, 60, 60], styles, "ar")
    r = DocxRenderer(_meta("ar"))
    r.table(table)
    doc = Document(io.BytesIO(r.finish()))
    numbers = 0
    for row in doc.tables[0].rows[1:]:
        for cell in row.cells:
            text = cell.text
            if re.search("[\u0600-\u06ff]", text):
                assert cell.paragraphs[0]._p.pPr.find(qn("w:bidi")) is not None
                continue
            assert text == text.strip() and not MARKS.search(text), repr(text)
            if text != "60+":  # the age group: a label, not a number
                _number(text.replace("−", "-"))
            ppr = cell.paragraphs[0]._p.pPr
            assert ppr.find(qn("w:bidi")) is None
            assert ppr.find(qn("w:jc")).get(qn("w:val")) == "right"
            numbers += 1
    assert numbers == 10
    assert doc.tables[0].rows[3].cells[0].text == "60+"  # logical order: shown on the right


def test_an_open_age_group_reads_as_written_in_arabic():
    """ "60+" is one left-to-right run (its "+" was left out and the Arabic tables, PDF and
    Word, read "+60"); "3+4" stays two numbers."""
    assert ltr_runs("60+") == [("60+", True)] and len(word_runs("60+")) == 1
    assert visual("60+", True) == "60+"
    assert visual("الفئة 60+", True).startswith("60+ ")
    assert [p for p, _l in ltr_runs("3+4")] == ["3", "+4"]


def _contents(doc) -> tuple[list[tuple[str, str, str]], set[str]]:
    """The Word contents field's entries as written (style, text, link anchor) and the body's
    bookmark names."""
    body = doc.element.body
    entries, inside = [], False
    for p in body.iter(qn("w:p")):
        instr = "".join(t.text or "" for t in p.iter(qn("w:instrText")))
        inside = inside or instr.strip().startswith("TOC ")
        if not inside:
            continue
        for link in p.findall(qn("w:hyperlink")):
            style = p.find(qn("w:pPr")).find(qn("w:pStyle")).get(qn("w:val"))
            entries.append((style, _text(link), link.get(qn("w:anchor"))))
        ends = [f for f in p.iter(qn("w:fldChar")) if f.get(qn("w:fldCharType")) == "end"]
        if ends:
            break
    marks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
    return entries, marks


@pytest.mark.parametrize("name", ["en.docx", "fr.docx"])
def test_word_contents_list_every_heading_linked_to_it(en_report, fr_report, name):
    """The contents field holds, until Word updates it, an entry per heading of levels 1–2 in
    the report's language, each a link to a bookmark on its heading — LibreOffice showed an
    empty contents and Word one until it updated the field (w:updateFields stays on)."""
    doc = Document(str(en_report.with_name(name)))
    entries, marks = _contents(doc)
    # a heading on two lines joins its second line's words by no-break spaces; its entry not
    entries = [(s, t.replace("\xa0", " "), a) for s, t, a in entries]
    level1 = [
        _text(p._p).replace("\xa0", " ") for p in doc.paragraphs if p.style.name == "Heading 1"
    ]
    assert len(level1) >= 8
    assert [t for s, t, _a in entries if s == "TOC1"] == level1
    level2 = [
        _text(p._p).replace("\xa0", " ") for p in doc.paragraphs if p.style.name == "Heading 2"
    ]
    assert [t for s, t, _a in entries if s == "TOC2"] == level2
    assert all(a in marks for _s, _t, a in entries)
    assert len({a for _s, _t, a in entries}) == len(entries)
    setting = doc.settings.element.find(qn("w:updateFields"))
    assert setting is not None and setting.get(qn("w:val")) == "true"
    if name == "fr.docx":
        assert "Résumé analytique" in level1


def test_word_table_titles_keep_with_their_table():
    """A paragraph whose style keeps it with the next ("Options used", a table's title: the
    PDF's h3) is "keep with next" in Word too: "Options used" ended a page of the English Word
    report, its options on the next."""
    styles = make_styles("en")
    r = DocxRenderer(_meta("en"))
    r.add(
        [Paragraph("Options used", styles.h3), Paragraph("Dominance quantile: 0.5", styles.small)]
    )
    paras = list(r.doc.element.body.iter(qn("w:p")))
    assert _text(paras[0]) == "Options used"
    assert paras[0].find(qn("w:pPr")).find(qn("w:keepNext")) is not None


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_word_briefings_method_box_is_set_as_tightly_as_the_pdfs(lang):
    """The briefing's method box ("The method in brief": five small notes) is set as the PDF
    sets it, 2 pt after each note and single lines, not at Word's 10 pt after and 1.15 lines:
    its last line, "Rapport complet : 58 indicateurs…", went alone onto a 4th page of the
    French Word briefing (fr_A 2). A table's notes elsewhere keep the document's spacing."""
    styles = make_styles(lang)
    notes = [Paragraph(f"Note {i}.", styles.small) for i in range(5)]
    r = DocxRenderer(_meta(lang))
    r.add([Heading("Gaps", 0, "brief-gaps", styles.h1, lang), Paragraph("Other.", styles.small)])
    r.add([Heading("The method in brief", 0, "brief-method", styles.h1, lang), *notes])
    doc = Document(io.BytesIO(r.finish()))
    paras = {without_marks(p.text): p.paragraph_format for p in doc.paragraphs}
    for i in range(5):
        fmt = paras[f"Note {i}."]
        assert fmt.space_after is not None and fmt.space_after.pt <= 2, (lang, i)
        assert fmt.line_spacing == 1.0, (lang, i)
    assert paras["Other."].space_after is None and paras["Other."].line_spacing is None
