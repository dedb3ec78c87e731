"""What an editor and a screen reader get from the Word files, and the typography of every text
the report writes (issue 20): the file's language is the report's (the French files were tagged
"en-US"), each chart has a name and a description, the briefing's headings do not skip a level,
the footer's note and page number stand apart, a plan's or a library's text gets the French
no-break spaces and apostrophes as the catalogue's does, the date is written in words and "<" is
followed by a no-break space."""

from __future__ import annotations

import re
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Pt
from matplotlib.text import Text
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from workbench.reporting.charts import chart_figure
from workbench.reporting.docx_check import docx_paragraphs
from workbench.reporting.docx_render import DocxMeta, render_docx
from workbench.reporting.fmt import fmt_diff, fmt_p
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_text import Heading, facts_line, make_styles, para, title_para
from workbench.reporting.rtl import without_marks
from workbench.reporting.typography import long_date, typeset
from workbench.reporting.views import ChartData, Series

NBSP = "\u00a0"
#: an ordinary space before French high punctuation, a straight apostrophe between letters
LOOSE = re.compile(r" [:;!?]")
STRAIGHT = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])")


def _docx(pdf: Path) -> Path:
    return pdf.with_suffix(".docx")


def _brief(pdf: Path, ext: str) -> Path:
    return pdf.with_name(f"{pdf.stem}-brief.{ext}")


def _default_lang(doc) -> dict[str, str]:
    el = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    lang = el.find(qn("w:rPr")).find(qn("w:lang"))
    return {k.split("}")[1]: v for k, v in lang.attrib.items()}


def _meta(lang: str) -> DocxMeta:
    return DocxMeta(
        language=lang, page_size="A4", title="t", author="a", subject="s", keywords="k",
        when=datetime(2026, 1, 2, 3, 4, 5), footer_note="plan v1 · abc",
        page_template="{page} / {pages}",
    )  # fmt: skip


def _poppler(path: Path, *args: str) -> str:
    out = subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, text=True)
    return without_marks(out.stdout)


# ------------------------------------------------------------------ 1. the file's language
def test_word_files_are_tagged_in_the_reports_language(en_report, fr_report):
    """styles.xml's default run language was the template's "en-US" in the French files: an
    editor had every word flagged by the English spell-checker."""
    fr = Document(str(_docx(fr_report)))
    assert _default_lang(fr)["val"] == "fr-FR"
    assert fr.core_properties.language == "fr-FR"
    for path in (_docx(en_report), _brief(en_report, "docx")):
        doc = Document(str(path))
        assert _default_lang(doc)["val"] == "en-GB"
        assert doc.core_properties.language == "en-GB"


@pytest.mark.parametrize(("lang", "tag"), [("es", "es-ES"), ("ar", "ar-SA")])
def test_spanish_and_arabic_word_files_say_their_language(lang, tag, tmp_path):
    styles = make_styles(lang)
    path = tmp_path / f"{lang}.docx"
    path.write_bytes(render_docx([para("x", styles.body, lang)], _meta(lang)))
    doc = Document(str(path))
    assert _default_lang(doc)["val"] == tag
    assert _default_lang(doc)["bidi"] == "ar-SA"  # Arabic (complex-script) text
    assert doc.core_properties.language == tag


# ------------------------------------------------------------------ 2. charts and headings
def _pictures(doc) -> list[dict[str, str]]:
    return [dict(el.attrib) for el in doc.element.body.iter(qn("wp:docPr"))]


@pytest.mark.parametrize("which", ["report", "briefing"])
def test_each_chart_has_a_name_and_a_description(which, en_report):
    """The pictures were "Picture 1" with no descr: a screen reader said nothing of a chart."""
    path = _docx(en_report) if which == "report" else _brief(en_report, "docx")
    pictures = _pictures(Document(str(path)))
    assert pictures
    for pic in pictures:
        assert pic["name"].startswith("Chart: ") and not pic["name"].startswith("Picture")
        title = pic["name"].removeprefix("Chart: ")
        assert pic["descr"].startswith(f"Chart: {title}. Horizontal bars: the estimate of each")
    if which == "report":  # an indicator's chart names its breakdown panels
        assert any("one panel for each breakdown (" in p["descr"] for p in pictures)


def test_french_chart_descriptions_are_french(fr_report):
    pictures = _pictures(Document(str(_docx(fr_report))))
    assert pictures
    assert all(p["descr"].startswith(f"Graphique{NBSP}: ") for p in pictures)
    assert all("Barres horizontales" in p["descr"] for p in pictures)


def test_briefing_headings_do_not_skip_a_level(en_report):
    """The gaps' titles were Heading 3 under the Heading 1 "Key gaps…"."""
    doc = Document(str(_brief(en_report, "docx")))
    levels = [
        int(p.style.name.split()[1]) for p in doc.paragraphs if p.style.name.startswith("Heading ")
    ]
    assert 2 in levels
    assert all(b <= a + 1 for a, b in zip([0, *levels], levels, strict=False))
    # in the look of the PDF's gap titles: at Heading 2's 11.5 pt the French briefing ran onto a
    # fourth page holding one line
    gaps = [p for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert all(r.font.size == Pt(9.5) for p in gaps for r in p.runs if r.text.strip())


# ------------------------------------------------------------------ 7. the Word footer
def test_word_footer_puts_the_page_number_at_the_far_edge(en_report):
    """The briefing's footer ran "freedonia v1 · 7377ebea00e4  Page 1 sur 3" together at the
    left: the page number now stands at a tab stop on the text's right edge."""
    for path in (_docx(en_report), _brief(en_report, "docx")):
        doc = Document(str(path))
        section = doc.sections[0]
        p = section.footer.paragraphs[0]
        stops = p.paragraph_format.tab_stops
        width = section.page_width - section.left_margin - section.right_margin
        assert [(s.position, s.alignment) for s in stops] == [(width, WD_TAB_ALIGNMENT.RIGHT)]
        runs = [r._r for r in p.runs]
        tab = next(i for i, r in enumerate(runs) if r.find(qn("w:tab")) is not None)
        assert "·" in "".join(r.text for r in p.runs[:tab])
        assert "Page" in "".join(r.text for r in p.runs[tab:])


def test_arabic_word_footer_has_the_same_end_tab_stop(tmp_path):
    """A right-to-left paragraph measures it from the right: the note on the right, the page
    number at the left edge, as the Arabic PDF's footer (checked in LibreOffice)."""
    styles = make_styles("ar")
    path = tmp_path / "ar.docx"
    path.write_bytes(render_docx([para("نص", styles.body, "ar")], _meta("ar")))
    p = Document(str(path)).sections[0].footer.paragraphs[0]
    assert [s.alignment for s in p.paragraph_format.tab_stops] == [WD_TAB_ALIGNMENT.RIGHT]
    assert p._p.pPr.find(qn("w:bidi")) is not None


# ------------------------------------------------------------------ 3. French typography
def test_plan_and_library_text_gets_french_typography_in_word(fr_report):
    """The plan's "enquêtée : …" and "pour l'avenir" reached the Word file with an ordinary
    space and a straight apostrophe, beside the catalogue's no-break spaces and "’"."""
    doc = Document(str(_docx(fr_report)))
    texts = list(docx_paragraphs(doc))
    whole = "\n".join(texts)
    assert f"enquêtée{NBSP}:" in whole and "pour l’avenir" in whole
    assert [t for t in texts if LOOSE.search(t)] == []
    assert [t for t in texts if STRAIGHT.search(t)] == []
    props = doc.core_properties
    assert not STRAIGHT.search(props.title + props.subject)


def test_plan_and_library_text_gets_french_typography_in_the_pdf(fr_report):
    for path in (fr_report, _brief(fr_report, "pdf")):
        text = _poppler(path)
        assert not STRAIGHT.search(text), STRAIGHT.search(text)
    assert "pour l’avenir" in _poppler(fr_report)
    # the no-break spaces: poppler reads them as spaces, the paragraphs are checked instead
    styles = make_styles("fr")
    text = "Part dans la population enquêtée : pour l'avenir"
    want = f"Part dans la population enquêtée{NBSP}: pour l’avenir"
    assert para(text, styles.body, "fr").plain == want  # type: ignore[attr-defined]
    assert Heading(text, 0, "k", styles.h1, "fr").text == want
    assert para(text, styles.body, "en").plain == text  # type: ignore[attr-defined]


def test_chart_labels_get_the_texts_typography():
    data = ChartData(
        ["PDI", "Communauté d'accueil"],
        [Series("v", "v", [0.2, 0.3], [0.1, 0.2], [0.3, 0.4], ["", ""])],
        "proportion",
        1,
        "%",
    )
    fig = chart_figure(data, [("Lieu d'origine", data)], 6.0, "Total", False, "fr")
    drawn = " ".join(t.get_text() for t in fig.findobj(Text))
    assert "Communauté d’accueil" in drawn and "Lieu d’origine" in drawn
    assert "'" not in drawn


def test_typeset_is_french_only_and_idempotent():
    text = "Freedonia (échantillon) : districts d'Alvora ; 'code'"
    once = typeset(text, "fr")
    assert once == f"Freedonia (échantillon){NBSP}: districts d’Alvora{NBSP}; 'code'"
    assert typeset(once, "fr") == once
    assert typeset(text, "en") == text and typeset(text, "es") == text


# ------------------------------------------------------------------ 4. the date in words
def test_dates_are_written_in_the_reports_language():
    day = date(2026, 12, 6)
    got = {lang: long_date(day, Translator(lang)) for lang in ("en", "fr", "es", "ar")}
    assert got == {
        "en": "6 December 2026",
        "fr": "6 décembre 2026",
        "es": "6 de diciembre de 2026",
        "ar": "6 ديسمبر 2026",
    }
    assert long_date(date(2026, 5, 1), Translator("fr")) == "1er mai 2026"


def test_cover_and_briefing_show_the_date_in_words(en_report, fr_report):
    """They showed the ISO "2026-11-22"."""
    for path, words in ((fr_report, "22 novembre 2026"), (en_report, "22 November 2026")):
        for pdf in (path, _brief(path, "pdf")):
            text = _poppler(pdf)
            assert words in text.replace(NBSP, " ") and "2026-11-22" not in text
    for path in (_docx(en_report), _brief(en_report, "docx")):
        whole = "\n".join(docx_paragraphs(Document(str(path)))).replace(NBSP, " ")
        assert "22 November 2026" in whole and "2026-11-22" not in whole


# ------------------------------------------------------------------ 5. "< 0.001"
def test_less_than_is_followed_by_a_no_break_space():
    """ "<0,001" had no space while "< 0,5 %" had one."""
    assert fmt_p(0.0002, "fr") == f"<{NBSP}0,001"
    assert fmt_p(0.0002, "en") == f"<{NBSP}0.001"
    assert fmt_p(0.0002, "ar") == f"<{NBSP}0.001"
    # a difference under the shown precision: a rounded zero, one decimal like every other
    assert fmt_diff(0.00002, "proportion", "en", "pp") == f"0.0{NBSP}pp"


def test_report_tables_write_p_below_a_thousandth_with_a_space(fr_report):
    text = _poppler(fr_report)
    assert f"<{NBSP}0,001" in text or "< 0,001" in text
    assert not re.search(r"<0,001", text)


# ------------------------------------------------------------------ 6. the briefing's header
def _lines(flowable, width: float) -> list[str]:
    """The lines a paragraph is laid out on at ``width``."""
    flowable.wrap(width, 1000)
    if isinstance(flowable, Paragraph):
        return [
            " ".join(line[1])
            if isinstance(line, tuple)
            else "".join(getattr(w, "text", "") for w in line.words)
            for line in flowable.blPara.lines
        ]
    return list(flowable._lines)


def test_briefing_title_keeps_one_line_or_balances_two():
    """ "Note de synthèse pour les / décideurs": one word alone on the second line."""
    styles = make_styles("fr")
    width = A4[0] - 2 * 56.7
    title = "Note de synthèse pour les décideurs"
    st = styles.title
    narrow = 0.9 * stringWidth(title, st.fontName, st.fontSize)  # it wrapped at 24 pt
    assert len(_lines(para(title, st, "fr"), narrow)) == 2
    one = title_para(title, styles.title, narrow, "fr")
    assert len(_lines(one, narrow)) == 1
    assert one.style.fontSize < styles.title.fontSize and one.style.name == "title"
    long = "Note de synthèse pour les décideurs et leurs partenaires"
    two = _lines(title_para(long, styles.title, width, "fr"), width)
    assert len(two) == 2
    sizes = [len(line) for line in two]
    assert min(sizes) > 0.6 * max(sizes)  # balanced, no word alone


def test_briefing_facts_break_only_between_facts():
    styles = make_styles("fr")
    facts = ["Freedonia (échantillon synthétique)", "2026", "Office national de la statistique",
             "22 novembre 2026"]  # fmt: skip
    for width in (200.0, 260.0, 330.0):
        lines = _lines(facts_line(facts, styles.small, width, "fr"), width)
        assert len(lines) > 1
        for line in lines:  # each line holds whole facts
            shown = line.replace(NBSP, " ").strip(" ·")
            assert all(part.strip() in facts for part in shown.split(" · ")), line


def test_french_briefing_pdf_title_is_on_one_line(fr_report):
    lines = _poppler(_brief(fr_report, "pdf")).replace(NBSP, " ").splitlines()
    assert "Note de synthèse pour les décideurs" in [line.strip() for line in lines]
    assert any("Institut de statistique de Freedonia" in line for line in lines)


def test_arabic_bold_is_the_complex_scripts_bold_too(tmp_path):
    """Arabic table headers and headings were drawn regular in LibreOffice: Word draws a
    right-to-left run's letters with the complex-script properties, and ``w:b`` alone does not
    set its bold. Every bold style and every bold right-to-left run carries ``w:bCs``."""
    from workbench.reporting.pdf_tables import make_table

    styles = make_styles("ar")
    table = make_table(["الفئة السكانية", "التقدير"], [["العائدون", "7.6%"]], [200.0, 100.0],
                       styles, "ar")  # fmt: skip
    path = tmp_path / "ar.docx"
    path.write_bytes(render_docx([para("عنوان", styles.h1, "ar"), table], _meta("ar")))
    doc = Document(str(path))
    for st in doc.styles:
        rpr = st.element.rPr
        bold = rpr is not None and rpr.find(qn("w:b")) is not None
        if bold and rpr.find(qn("w:b")).get(qn("w:val")) not in ("0", "false"):
            assert rpr.find(qn("w:bCs")) is not None, st.name
    header = doc.tables[0].rows[0]
    runs = [r for c in header.cells for p in c.paragraphs for r in p.runs]
    assert runs
    for r in runs:
        rpr = r._r.rPr
        if rpr.find(qn("w:rtl")) is not None:
            assert rpr.find(qn("w:bCs")) is not None, r.text
