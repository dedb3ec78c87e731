"""Word lines a reader sees wrap badly (issue 20, the Word files read in LibreOffice): the
French briefing's title "Note de synthèse pour les / décideurs" and its heading "… sur les
indicateurs des / critères" left one word alone on their last line, and the Arabic report's
header "فترة ثقة / 95%" left "95%" alone."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from test_reporting_docx_table import _meta as _docx_meta

from workbench.reporting.docx_render import STYLES, DocxRenderer
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_tables import make_table
from workbench.reporting.pdf_text import Heading, make_styles, title_para
from workbench.reporting.rtl import without_marks
from workbench.reporting.typography import NBSP, last_words_joined

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


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_no_word_heading_ends_with_one_word_alone(lang):
    """A heading's last two words are one unbreakable pair: a wrapped heading never leaves one
    word alone on its last line."""
    styles = make_styles(lang)
    text = Translator(lang)("brief_gaps_of", shown=5, count=82)
    doc = _doc(lang, [Heading(text, 0, "brief-gaps", styles.h1, lang)])
    (p,) = [p for p in doc.paragraphs if p.text.strip()]
    said = without_marks(p.text)
    *_, last = said.rsplit(" ", 1)
    assert NBSP in last, (lang, said)
    assert said.replace(NBSP, " ") == without_marks(last_words_joined(text)).replace(NBSP, " ")


def test_an_arabic_header_keeps_its_number_with_the_word_before():
    """The Arabic header "فترة ثقة 95%" wrapped with "95%" alone on its second line: its last two
    words are joined where the column holds them; a header whose last two words are wider than
    its column still wraps between them."""
    styles = make_styles("ar")
    ci = Translator("ar")("col_ci")
    assert ci.endswith("95%")
    header = ["المجموعة", "التقدير", ci, "Personnes déplacées rapatriées"]
    table = make_table(header, [["أ", "1", "2 – 3", "4"]], [200, 100, 60, 40], styles, "ar")
    doc = _doc("ar", [table])
    cells = [without_marks(c.text) for c in doc.tables[0].rows[0].cells]
    joined = next(c for c in cells if "95%" in c)
    assert joined.split(NBSP)[-1] == "95%" and " 95%" not in joined
    narrow = next(c for c in cells if "rapatriées" in c)
    assert NBSP not in narrow  # 20 characters in a 40 pt column: it wraps
    assert doc.tables[0]._tbl.find(qn("w:tblPr")) is not None
