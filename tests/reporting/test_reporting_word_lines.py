"""Word lines a reader sees wrap badly (issue 20, the Word files read in LibreOffice): the
French briefing's title "Note de synthèse pour les / décideurs" left one word alone on its
second line, and the Arabic report's header "فترة ثقة / 95%" left "95%" alone."""

from __future__ import annotations

import io

from docx import Document
from reportlab.platypus import Table
from test_reporting_docx_table import _meta as _docx_meta

from workbench.reporting.docx_check import docx_table_rows
from workbench.reporting.docx_render import STYLES, DocxRenderer
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_text import make_styles, title_para
from workbench.reporting.rtl import without_marks

WIDTH = 480.0


def _doc(lang: str, story: list) -> Document:
    r = DocxRenderer(_docx_meta(lang))
    r.add(story)
    return Document(io.BytesIO(r.finish()))


def test_the_word_title_keeps_the_size_it_was_fitted_to():
    """The briefing's title is made smaller to stay on one line (``title_para``); Word set it at
    the title style's 24 pt and it wrapped, one word alone on its second line, and pushed the
    overview onto a second page (the French Word briefing ran to four pages)."""
    styles = make_styles("fr")
    title = Translator("fr")("briefing_title")
    flowable = title_para(title, styles.title, WIDTH * 0.8, "fr")
    fitted = flowable.style.fontSize
    assert fitted < STYLES["title"][1]  # the case: a title too long for one line at 24 pt
    doc = _doc("fr", [flowable])
    (p,) = [p for p in doc.paragraphs if p.text.strip()]
    assert p.style.name == "Title"
    assert {r.font.size.pt for r in p.runs if r.text.strip()} == {fitted}


def test_an_arabic_header_keeps_its_number_with_the_word_before():
    """The Arabic header "فترة ثقة 95%" wrapped with "95%" alone on its second line (LibreOffice
    breaks between an Arabic word and the left-to-right run after it): a header on two lines
    breaks before the word ahead of the number; one that fits its column stays on one line."""
    ci = Translator("ar")("col_ci")
    assert ci.endswith("95%") and len(ci.split()) == 3
    for width, lines in ((50.0, 2), (160.0, 1)):
        # a header repeated on each page, as the report's tables (make_table)
        t = Table([["المجموعة", ci], ["أ", "1"]], colWidths=[200.0, width], repeatRows=1)
        doc = _doc("ar", [t])
        cell = next(c for c in doc.tables[0].rows[0].cells if "95%" in without_marks(c.text))
        said = without_marks(cell.text).split("\n")
        assert len(said) == lines, (width, said)
        assert len(said[-1].split()) >= 2  # never the number alone
    assert ci in docx_table_rows(doc.tables[0])[0]  # one line: as the story wrote it
