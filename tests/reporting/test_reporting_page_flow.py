"""Pages a reader turns (issue 20 finding 7, read page by page): a table's footnotes stay on its
page — in the demo the "– No case …" note of a criterion's last table went to a page of its own
(English pages 44 and 53, French 48, 58 and 75, the Word copy too) — and a Word table's columns
have the PDF's widths (LibreOffice gave every column the same width, so "Difference vs Host
community" took three lines)."""

from __future__ import annotations

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as WordParagraph
from reportlab.platypus import KeepTogether, Table
from test_reporting_layout_fit import _story
from test_reporting_pdf import page_texts

from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_text import Heading


def _note_starts(lang: str) -> tuple[str, ...]:
    tr = Translator(lang)
    return tuple(tr(k, preset="dhs")[:12] for k in ("fn_suppressed", "fn_caution", "fn_empty"))


def _text(f) -> str:
    return str(getattr(f, "text", "") or "")


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_footnote_is_kept_with_its_table(lang):
    """In the story: each footnote of a symbol sits in one block (kept on one page) with the
    table whose symbols it explains."""
    starts = _note_starts(lang)
    checked = 0
    for f in _story(lang):
        blocks = [f] if not isinstance(f, KeepTogether) else []
        if isinstance(f, KeepTogether):
            content = list(f._content)
            if any(_text(c).startswith(starts) for c in content):
                assert any(isinstance(c, Table) for c in content), lang
                checked += 1
            continue
        for b in blocks:
            assert not (_text(b).startswith(starts) and not isinstance(b, Heading)), (
                f"{lang}: footnote outside its table's block: {_text(b)[:60]!r}"
            )
    assert checked > 10


def test_no_pdf_page_starts_with_a_footnote(en_report, fr_report):
    for pdf, lang in ((en_report, "en"), (fr_report, "fr")):
        starts = _note_starts(lang)
        for i, text in enumerate(page_texts(pdf), 1):
            lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
            assert lines and not lines[0].startswith(starts), (lang, i, lines[:2])


def test_word_tables_have_the_pdf_column_widths_and_keep_their_footnotes(en_report):
    doc = Document(str(en_report.with_suffix(".docx")))
    body = doc.element.body
    unequal = 0
    for tbl in body.iter(qn("w:tbl")):
        grid = [int(g.get(qn("w:w"))) for g in tbl.iter(qn("w:gridCol"))]
        first = tbl.find(qn("w:tr"))
        cells = [int(w.get(qn("w:w"))) for w in first.iter(qn("w:tcW"))]
        if len(cells) == len(grid):  # no merged cell in the first row
            assert all(abs(g - c) <= 20 for g, c in zip(grid, cells, strict=True)), (grid, cells)
        unequal += len(set(grid)) > 1
        # the PDF's cell padding (3 pt = 60 twips a side): the widths are the PDF's, measured
        # for it — Word's own 5.4 pt broke "2,889" in two in the n column
        # (the cover's facts table is also padded 3 pt above and below, as the PDF cover is)
        mar = tbl.find(qn("w:tblPr")).find(qn("w:tblCellMar"))
        sides = {m.tag.rsplit("}", 1)[1]: m.get(qn("w:w")) for m in mar}
        across = {k: v for k, v in sides.items() if k in ("left", "right", "start", "end")}
        assert list(across.values()) == ["60", "60"], sides
    assert unequal > 10
    # a footnote's paragraph follows a chain of "keep with next" from its table's last row
    starts = _note_starts("en")
    children = list(body)
    checked = 0
    for i, el in enumerate(children):
        text = "".join(t.text or "" for t in el.iter(qn("w:t")))
        if el.tag != qn("w:p") or not text.startswith(starts):
            continue
        j = i - 1
        while children[j].tag == qn("w:p") and "".join(
            t.text or "" for t in children[j].iter(qn("w:t"))
        ).startswith(starts):
            j -= 1  # the notes before it in the same list
        prev = children[j]
        last_row = prev.findall(qn("w:tr"))[-1] if prev.tag == qn("w:tbl") else prev
        if prev.tag == qn("w:p"):  # the spacer paragraph after a table
            assert prev.find(qn("w:pPr")).find(qn("w:keepNext")) is not None, text[:40]
            tables = [c for c in children[:j] if c.tag == qn("w:tbl")]
            last_row = tables[-1].findall(qn("w:tr"))[-1]
        for p in last_row.iter(qn("w:p")):
            assert p.find(qn("w:pPr")).find(qn("w:keepNext")) is not None, text[:40]
        checked += 1
    assert checked > 10


@pytest.mark.slow
def test_no_table_title_is_left_at_the_foot_of_a_page():
    """A table's title (a paragraph, not a keep-with-next heading) travels in its table's block:
    the demo printed "IDP stock by current district and district of origin" alone at the foot
    of a page, its table on the next."""
    flat = _story("en")
    checked = 0
    for i, f in enumerate(flat[:-1]):
        style = getattr(getattr(f, "style", None), "name", "")
        if style == "h3" and not f.getKeepWithNext():
            nxt = flat[i + 1]
            assert not isinstance(nxt, KeepTogether | Table), _text(f)
        if isinstance(f, KeepTogether):
            content = list(f._content)
            first = getattr(getattr(content[0], "style", None), "name", "")
            titled = first == "h3" or isinstance(content[0], Heading)  # a stock table's heading
            checked += titled and any(isinstance(c, Table) for c in content)
    assert checked >= 4  # the four stock tables of the fixture


def test_word_page_breaks_are_on_the_next_paragraph(en_report):
    """A page break is "page break before" on the next section's first paragraph, never a
    paragraph holding a break: after a page filled to the bottom (the Arabic executive summary)
    that paragraph opened a blank page of its own."""
    for name in ("en.docx", "en-brief.docx"):
        doc = Document(str(en_report.with_name(name)))
        body = doc.element.body
        assert not [b for b in body.iter(qn("w:br")) if b.get(qn("w:type")) == "page"], name
        starts = [p for p in body.iter(qn("w:pageBreakBefore"))]
        if name == "en.docx":
            # the contents, the summary, every criterion and module and the annexes start a
            # page, as in the PDF (rd18: Criterion 8 and Module B began mid-page in Word)
            heads = [p.getparent().getparent() for p in starts]
            # read as python-docx reads a paragraph: a heading's "Long-term" holds Word's
            # no-break hyphen (w:noBreakHyphen, read as "-"), no w:t of its own
            texts = [WordParagraph(h, doc._body).text.replace("\n", "") for h in heads]
            assert "Executive summary" in texts and "Methodology annex" in texts, texts
            # a long chapter heading breaks after "Criterion N:" (w:br, s13fix2): python-docx
            # reads the break as "\n", the heading's runs hold no character for it
            chapters = [
                p.text.replace("\n", "") for p in doc.paragraphs
                if p.style.name == "Heading 1" and p.text.startswith(("Criterion", "Module"))
            ]  # fmt: skip
            assert chapters and set(chapters) <= set(texts), (chapters, texts)
    last = list(Document(str(en_report.with_suffix(".docx"))).element.body)[-2]
    assert "".join(t.text or "" for t in last.iter(qn("w:t"))).strip()  # no blank last page


def test_stock_titles_put_breakdown_labels_in_lower_case_mid_sentence():
    """The French demo printed "Effectif des PDI par Sexe et Groupe d'âge (IRIS)": a label
    inside the title starts lower case; an acronym keeps its capitals."""
    from types import SimpleNamespace

    import pandas as pd

    from workbench.reporting.context import Label, _stock_titles
    from workbench.reporting.i18n import Translator

    tables = [
        SimpleNamespace(id="sex_by_age", title={"en": "IDP stock by sex and age"}, rows="sex",
                        cols="age"),
        SimpleNamespace(id="by_type", title={"en": "IDP stock by type"}, rows="type", cols=None),
    ]  # fmt: skip
    snap = SimpleNamespace(texts=SimpleNamespace(stock_tables=tables))
    results = SimpleNamespace(stock=pd.DataFrame())
    labels = {"sex": Label("Sexe"), "age": Label("Groupe d'âge (IRIS)"), "type": Label("IDP type")}
    out = _stock_titles(results, snap, labels, "fr", Translator("fr"))  # type: ignore[arg-type]
    tr = Translator("fr")
    rows, cols = "sexe", "groupe d'âge"
    assert out["sex_by_age"].text == tr("stock_title_2", rows=rows, cols=cols)
    # fr_B: "… par sexe et groupe d'âge (IRIS)" said IRIS twice: the title names the definition
    assert "par sexe et groupe d'âge (" in out["sex_by_age"].text
    assert out["sex_by_age"].text.count("IRIS") == 1, out["sex_by_age"].text
    assert out["by_type"].text == tr("stock_title_1", rows="IDP type")
