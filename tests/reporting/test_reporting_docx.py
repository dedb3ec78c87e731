"""The Word report parsed back with python-docx: the PDF's sections, its tables cell for cell
(flags included) and footnotes, no suppressed value anywhere in the file, charts at print
resolution, the fingerprint in the footer; Arabic right to left; the gate's Word checks."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from PIL import Image
from pypdf import PdfReader
from reporting_testkit import FIXED, sentinel_results

from workbench.errors import ReportError
from workbench.export_writer import AuditList
from workbench.reporting import ReportOptions, build_report
from workbench.reporting.context import build_context
from workbench.reporting.docx_check import check_docx, docx_table_rows
from workbench.reporting.docx_render import DocxMeta, render_docx
from workbench.reporting.fingerprint import results_hash
from workbench.reporting.pdf_tables import make_table
from workbench.reporting.pdf_text import make_styles, para
from workbench.reporting.typography import typeset
from workbench.reporting.views import build_views


def _docx(pdf: Path) -> Path:
    return pdf.with_suffix(".docx")


def _views(lang: str):
    pub = sentinel_results().publishable()
    ctx = build_context(pub, ReportOptions(language=lang))
    return ctx, build_views(pub, ctx)


def _outline(pdf: Path) -> list[str]:
    reader = PdfReader(str(pdf))
    return [o.title for o in reader.outline if not isinstance(o, list)]


def test_docx_has_the_pdf_sections_in_order(en_report):
    doc = Document(str(_docx(en_report)))
    # (a heading on two lines joins its second line's words by no-break spaces; a chapter's
    # breaks after its label, "Criterion 2:")
    h1 = [
        p.text.replace("\xa0", " ").replace("\n", " ")
        for p in doc.paragraphs
        if p.style.name == "Heading 1"
    ]
    assert h1 == [t.replace("\xa0", " ") for t in _outline(en_report)]
    assert "Executive summary" in h1 and "Methodology annex" in h1


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_docx_tables_equal_the_report_tables(lang, en_report, fr_report):
    """Every indicator table and breakdown table of the report's view models is a real Word
    table with the same header and cells (values with their * † – flags)."""
    doc = Document(str(_docx(en_report if lang == "en" else fr_report)))
    tables = [docx_table_rows(t) for t in doc.tables]
    # no table has a title row (one cell across it) before its column names: it repeated the
    # heading above it ("Indicator definitions" twice, English Word report p. 65)
    assert not [t[0] for t in tables if len(t) > 1 and len(t[0]) == 1 and len(t[1]) > 1]
    _ctx, views = _views(lang)
    checked = 0
    for v in views.values():
        wanted = [v.table] + [t for _d, _l, t, _c in v.disaggregations]
        for t in wanted:
            header = t.header if t.kind == "main" else None
            # as the report prints them ("0–17": ranges take an en dash in the typography)
            rows = [[typeset(c, lang) for c in r] for r in t.rows]
            hits = [x for x in tables if x[1:] == rows and (header is None or x[0] == header)]
            assert hits, (v.info.id, rows[:2])
            checked += 1
    assert checked > 60
    flat = [c for t in tables for r in t for c in r]
    assert any(c.endswith("*") or c == "*" for c in flat) and any("†" in c for c in flat)


def _outline_titles(items) -> list[str]:
    out: list[str] = []
    for o in items:
        out += _outline_titles(o) if isinstance(o, list) else [o.title]
    return out


def test_every_stock_table_is_in_the_contents(en_report):
    """Each stock table is a heading of its own, in the PDF's contents and outline and in the
    Word contents: as a table title only the section's heading was listed ("Estimated IDP
    stock"), and the French contents seemed to hold the first of five stock tables only."""
    ctx, _v = _views("en")
    stock = sentinel_results().publishable().stock
    titles = [ctx.stock_titles[t].shown() for t in dict.fromkeys(stock["table"].astype(str))]
    assert len(titles) >= 4
    outline = _outline_titles(PdfReader(str(en_report)).outline)
    contents = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(str(en_report)).pages[1:4]
    )
    doc = Document(str(_docx(en_report)))
    toc = [p.text for p in doc.paragraphs if p.style.name == "toc 2"]
    for title in titles:
        assert title in outline and title in toc, title
        assert " ".join(title.split()) in contents, title


def test_docx_footnotes_follow_flagged_tables(en_report):
    doc = Document(str(_docx(en_report)))
    notes = [p.text for p in doc.paragraphs if p.style.name == "Note"]
    _ctx, views = _views("en")
    flagged = sum("suppressed" in v.flags for v in views.values())
    assert sum(n.startswith("* Not published") for n in notes) >= flagged > 0
    assert any(n.startswith("† Interpret with caution") for n in notes)


def test_no_suppressed_value_in_any_part_of_the_docx(en_report, fr_report):
    for path in (_docx(en_report), _docx(fr_report)):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                data = z.read(name)
                if name.endswith((".png", ".jpeg", ".jpg")):
                    continue
                for needle in (b"7777", b"77.78", b"77,78", b"77.7777"):
                    assert needle not in data, (path.name, name, needle)


def test_docx_charts_are_png_at_print_resolution(en_report):
    doc = Document(str(_docx(en_report)))
    shapes = list(doc.inline_shapes)
    _ctx, views = _views("en")
    assert len(shapes) == len(views)  # one chart per indicator, as in the PDF
    for s in shapes:
        rid = s._inline.graphic.graphicData.pic.blipFill.blip.embed
        img = Image.open(io.BytesIO(doc.part.related_parts[rid].blob))
        assert img.format == "PNG"
        assert img.size[0] / s.width.inches >= 200  # pixels per printed inch
        assert min(img.info["dpi"]) >= 200


def test_docx_footer_and_properties_carry_the_fingerprint(en_report):
    doc = Document(str(_docx(en_report)))
    rhash = results_hash(sentinel_results())
    footer = doc.sections[0].footer.paragraphs[0]
    assert f"freedonia v3 · {rhash[:12]}" in footer.text and "Page" in footer.text
    instr = " ".join(e.text for e in footer._p.iter(qn("w:instrText")))
    assert "PAGE" in instr and "NUMPAGES" in instr
    assert doc.core_properties.keywords == f"results-sha256:{rhash}"
    assert doc.core_properties.author == "Freedonia Statistics Office"


def test_docx_french_text_passes_the_translation_check(fr_report):
    doc = Document(str(_docx(fr_report)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Synthèse" in text or "Résumé" in text
    cells = {c for t in doc.tables for r in docx_table_rows(t) for c in r}
    for english in ("Female", "Male", "Host community", "Returnees"):
        assert english not in cells


@pytest.fixture(scope="module")
def arabic_docx(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ar") / "ar.pdf"
    opts = ReportOptions(
        language="ar", fixed_timestamp=FIXED, sections=("summary", "profile"),
        docx_path=out.with_suffix(".docx"),
    )  # fmt: skip
    build_report(sentinel_results(), out, opts, audit=AuditList())
    return out.with_suffix(".docx")


@pytest.mark.slow
def test_arabic_docx_is_right_to_left_in_logical_order(arabic_docx):
    doc = Document(str(arabic_docx))
    body = doc.element.body
    paras = [p for p in body.iter(qn("w:p")) if "".join(t.text or "" for t in p.iter(qn("w:t")))]
    assert all(p.find(qn("w:pPr")) is not None for p in paras)
    arabic = re.compile("[\u0600-\u06ff]")
    for p in paras:  # right to left, but for a table cell of one number: left to right, right
        ppr = p.find(qn("w:pPr"))
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        jc = ppr.find(qn("w:jc"))
        assert ppr.find(qn("w:bidi")) is not None or (
            not arabic.search(text) and jc is not None and jc.get(qn("w:val")) == "right"
        ), text
    runs = [r for r in body.iter(qn("w:r")) if arabic.search(r.findtext(qn("w:t")) or "")]
    assert runs
    for r in runs:
        rpr = r.find(qn("w:rPr"))
        assert rpr.find(qn("w:rtl")) is not None
        assert rpr.find(qn("w:rFonts")).get(qn("w:cs")) == "Arial"
    assert all(t._tbl.tblPr.find(qn("w:bidiVisual")) is not None for t in doc.tables)
    assert doc.sections[0]._sectPr.find(qn("w:bidi")) is not None
    text = "\n".join(t.text or "" for t in body.iter(qn("w:t")))
    assert not re.search("[\ufb50-\ufdff\ufe70-\ufeff]", text)  # logical text, not glyph forms
    # tables in logical order: the group name first, as in the report's table data
    _ctx, views = _views("ar")
    first = next(iter(views.values())).table
    # (a header Word breaks onto two lines, "فترة\nثقة 95%", reads as the story's one)
    rows = [[[" ".join(c.split()) for c in r] for r in docx_table_rows(t)] for t in doc.tables]
    want = [[" ".join(c.split()) for c in r] for r in [first.header, *first.rows]]
    assert want in rows
    # a summary sentence as the report wrote it: numbers where the logical text has them
    sentences = [p.text for p in doc.paragraphs]
    assert any("مقابل" in s and re.search(r"\d+\.\d%", s) for s in sentences)


def _meta(lang: str) -> DocxMeta:
    from datetime import datetime

    return DocxMeta(lang, "A4", "t", "a", "s", "k", datetime(2026, 1, 1), "plan v1 · abc",
                    "Page {page} of {pages}")  # fmt: skip


def test_gate_refuses_a_docx_whose_tables_differ_from_the_story():
    styles = make_styles("en")
    story = [para("Intro", styles.body, "en"),
             make_table(["Group", "Estimate"], [["A", "12.5%"], ["B", "*"]], [100, 100],
                        styles, "en")]  # fmt: skip
    pub = sentinel_results().publishable()
    ctx = build_context(pub, ReportOptions(language="en"))
    good = render_docx(story, _meta("en"))
    assert check_docx(good, story, ctx, pub.snapshot) == []
    doc = Document(io.BytesIO(good))
    doc.tables[0].rows[2].cells[1].paragraphs[0].runs[0].text = "7.1%"
    buf = io.BytesIO()
    doc.save(buf)
    (finding,) = check_docx(buf.getvalue(), story, ctx, pub.snapshot)
    assert finding.code == "report.docx_same_tables" and finding.severity == "error"


def test_gate_refuses_english_that_has_a_translation_in_a_french_docx():
    styles = make_styles("fr")
    story = [make_table(["Groupe", "Estimation"], [["Host community", "12,5 %"]], [100, 100],
                        styles, "fr")]  # fmt: skip
    pub = sentinel_results().publishable()
    ctx = build_context(pub, ReportOptions(language="fr"))
    data = render_docx(story, _meta("fr"))
    (finding,) = check_docx(data, story, ctx, pub.snapshot)
    assert finding.code == "report.labels_translated" and "Host community" in finding.text()


def test_output_paths_are_checked():
    with pytest.raises(ReportError) as err:
        ReportOptions(docx_path=Path("report.pdf"))
    assert err.value.code == "report.docx_suffix"
    with pytest.raises(ReportError) as err:
        ReportOptions(briefing_paths=(Path("brief.txt"),))
    assert err.value.code == "report.briefing_suffix"
