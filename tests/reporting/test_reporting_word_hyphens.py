"""A hyphen inside a word never ends a line of a Word heading, caption, contents entry or table
cell (rd21 fr pp. 72–73: "Règle IRIS par niveaux (tous les sous- / critères et critères
atteints)" broke at its hyphen in two headings and in the methods table's first column): Word's
own no-break hyphen (``w:noBreakHyphen``) stands there, read back as "-". Running text keeps
its ordinary hyphens."""

from __future__ import annotations

import io
import shutil

import pytest
from docx import Document
from docx.oxml.ns import qn
from reportlab.platypus import Paragraph, Table
from test_reporting_word_page_breaks import _meta
from test_reporting_word_pages import _soffice_pdf

from workbench.reporting.docx_render import DocxRenderer
from workbench.reporting.pdf_text import Heading, make_styles

METHOD = "Règle IRIS par niveaux (tous les sous-critères et critères atteints) : par ventilation"
CELL = "Règle IRIS par niveaux (tous les sous-critères et critères atteints)"
BODY = "Chaque ménage doit satisfaire chaque sous-critère, là où les méthodes composites non."


def _docx() -> bytes:
    styles = make_styles("fr")
    r = DocxRenderer(_meta("fr"))
    r.add([
        Heading(METHOD, 1, "solutions-breakdowns", styles.h2, "fr"),
        Paragraph(BODY, styles.body),
        Table([["Méthode", "PDI dans les camps"], [CELL, "< 0,5 %"]], colWidths=[170, 80],
              repeatRows=1),
    ])  # fmt: skip
    return r.finish()


def _hyphens(p) -> tuple[int, int]:
    """A paragraph's no-break hyphens (``w:noBreakHyphen``) and the "-" in its text runs."""
    plain = sum((t.text or "").count("-") for t in p.iter(qn("w:t")))
    return len(list(p.iter(qn("w:noBreakHyphen")))), plain


def test_a_word_headings_and_cells_hyphen_is_no_line_end():
    doc = Document(io.BytesIO(_docx()))
    heading = next(p for p in doc.paragraphs if p.style.name == "Heading 2")
    assert heading.text.replace("\u00a0", " ").startswith(METHOD.split(" :")[0]), heading.text
    assert _hyphens(heading._p) == (1, 0)  # "sous‑critères": Word's no-break hyphen
    body = next(p for p in doc.paragraphs if p.text.startswith("Chaque"))
    assert _hyphens(body._p) == (0, 1)  # running text: an ordinary hyphen
    (table,) = doc.tables
    cell = table.rows[1].cells[0]
    assert cell.text == CELL  # read back as "-": the gate compares the cells with the PDF's
    assert _hyphens(cell._tc) == (1, 0)
    # the contents' entry (when the story has contents) and a caption go the same way: their
    # text is written by the same paragraph styles (KEPT_HYPHENS)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_never_ends_a_heading_or_cell_line_at_sous(tmp_path):
    """Laid out by LibreOffice: no line of the heading or the methods cell ends "sous-" (the
    table's first column as narrow as the French report's)."""
    text = _soffice_pdf(_docx(), tmp_path).pages[0].extract_text().replace("\u2011", "-")
    lines = [line.strip() for line in text.splitlines()]
    assert not [line for line in lines if line.endswith("sous-")], lines
    assert sum("sous-critères" in line for line in lines) == 2, lines
