"""The Word report's tables and notes (issue 20, finding 7): rows are even (a row with an
empty cell, the interval of a "*" row, was taller: its paragraph mark was in the body's size), a
note is never cut by a page, and an Arabic sentence keeps its closing bracket and full stop
after a Latin run (LibreOffice drew "n < 50). لا" as "n < 50  )لا", the stop hidden)."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from reportlab.platypus import KeepTogether, Paragraph
from test_reporting_docx_table import _meta as _docx_meta

from workbench.reporting.docx_check import docx_table_rows, story_tables
from workbench.reporting.docx_keeps import LONG_TABLE
from workbench.reporting.docx_render import DocxRenderer
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_flow import with_notes
from workbench.reporting.pdf_tables import make_table
from workbench.reporting.pdf_text import Heading, make_styles
from workbench.reporting.rtl import ISOLATE, without_marks, word_runs
from workbench.reporting.typography import typeset


def test_word_cells_paragraph_marks_are_the_cells_size():
    """An empty cell's line is as tall as its paragraph mark: in the style's size, a row whose
    interval is empty (a '*' row) was taller than the others."""
    styles = make_styles("en")
    rows = [["Female", "1,200", "1,000 – 1,400", "55"], ["Male", "*", "", "12"]]
    table = make_table(["Sex", "Number", "95% CI", "n"], rows, [150, 80, 120, 60], styles, "en")
    r = DocxRenderer(_docx_meta("en"))
    r.add([table])
    tbl = r.doc.element.body.find(qn("w:tbl"))
    for p in tbl.iter(qn("w:p")):
        sizes = {sz.get(qn("w:val")) for sz in p.iter(qn("w:sz"))}
        mark = p.find(qn("w:pPr")).find(qn("w:rPr"))
        assert mark is not None and len(sizes) == 1
        assert mark.find(qn("w:sz")).get(qn("w:val")) in sizes


def _runs(p) -> list[tuple[str, bool]]:
    out = []
    for r in p.iter(qn("w:r")):
        rpr = r.find(qn("w:rPr"))
        rtl = rpr is not None and rpr.find(qn("w:rtl")) is not None
        out.append(("".join(t.text or "" for t in r.iter(qn("w:t"))), rtl))
    return out


def test_an_arabic_word_sentence_keeps_its_bracket_and_full_stop_after_a_latin_run():
    """LibreOffice drew the ')' of '(… n < 50). لا' over the 'لا' after it, the full stop
    hidden and a double gap before: the bracket and the stop after a left-to-right run are a
    left-to-right run of their own (as the briefing's confidentiality line now shows)."""
    text = "قاعدة السرية: DHS (إخفاء n < 25، الحذر n < 50). لا تُنشر التقديرات."
    pieces = word_runs(text)
    i = pieces.index((ISOLATE[0] + "n < 50" + ISOLATE[1], True))
    assert pieces[i + 1] == (").", True) and pieces[i + 2] == (" لا تُنشر التقديرات.", False)
    assert "".join(p for p, _l in pieces).replace(ISOLATE[0], "").replace(ISOLATE[1], "") == text
    # a bracket after a symbol ("(*)") or an Arabic word stays right to left (a run of its
    # own before a lam-alef: test_punctuation_before_lam_alef_is_a_run_of_its_own)
    assert (") ", False) in word_runs("(*) لا")
    assert word_runs("(أ) لا") == [("(أ", False), (") ", False), ("لا", False)]
    r = DocxRenderer(_docx_meta("ar"))
    p = r.paragraph(text, "small")
    runs = _runs(p._p)
    k = next(j for j, (t, _rtl) in enumerate(runs) if t == ").")
    assert runs[k + 1][1] and runs[k + 1][0].startswith(" لا")
    # a run of its own: no language, so LibreOffice never lays it out with the Arabic after it
    assert not _langs(p._p)[k] and _langs(p._p)[k + 1]


def _langs(p) -> list[bool]:
    """Whether each run of the paragraph names the Arabic language."""
    return [r.find(qn("w:rPr")) is not None and r.find(qn("w:rPr")).find(qn("w:lang")) is not None
            for r in p.iter(qn("w:r"))]  # fmt: skip


def _rtl_paragraphs(body):
    for p in body.iter(qn("w:p")):
        ppr = p.find(qn("w:pPr"))
        if ppr is not None and ppr.find(qn("w:bidi")) is not None:
            yield p


def test_punctuation_before_lam_alef_is_a_run_of_its_own():
    """The Arabic Word report's '–' notes: LibreOffice (no Arial: the Arabic letters from a
    fallback font) drew '…وحدهم): لا شيء يُقدَّر' as '…وحدهم  )لا شيء', the lam-alef over the
    colon, whenever punctuation and a space stood before a lam-alef in one run ('قال: لا',
    'شيء. لا' alike; measured with LibreOffice 7, a run of its own with no language cures it).
    Every run of a right-to-left paragraph but a Latin word or a number is right to left."""
    note = (
        "– لا توجد حالات في هذه الفئة أو هذا التصنيف (مثل المجتمع المضيف في مؤشر يخص النازحين"
        " وحدهم): لا شيء يُقدَّر ولا شيء مخفي."
    )
    pieces = word_runs(note)
    assert ("): ", False) in pieces and ("لا شيء يُقدَّر ولا شيء مخفي.", False) in pieces
    assert word_runs("شيء. لا بأس")[1] == (". ", False)
    assert word_runs("قال لا") == [("قال لا", False)]  # a space alone: one run
    r = DocxRenderer(_docx_meta("ar"))
    r.paragraph(note, "small")
    r.paragraph("الفئة العمرية: حُذف من الجدول — 0–4، إذ لا حالات.", "small")
    styles = make_styles("ar")
    table = make_table(["الفئة", "العدد"], [["– لا (أ): لا", "0–4"]], [150, 80], styles, "ar")
    r.add([table])
    body = r.doc.element.body
    seen = 0
    for p in _rtl_paragraphs(body):
        for run, (text, rtl) in zip(p.iter(qn("w:r")), _runs(p), strict=True):
            if not text:
                continue
            seen += 1
            latin = any(ch.isalnum() and ch < "\u0600" for ch in text)
            # Arabic, symbols and punctuation right to left; "0–4" as written, left to right
            assert rtl != latin, text
            rpr = run.find(qn("w:rPr"))
            if rtl:  # the complex-script font, and in a cell its size
                assert rpr.find(qn("w:rFonts")).get(qn("w:cs"))
                if p.getparent().tag == qn("w:tc"):
                    assert rpr.find(qn("w:szCs")).get(qn("w:val")) == "16"
            if text.rstrip().endswith((":", ".")) and not any(c.isalpha() for c in text):
                assert rpr.find(qn("w:lang")) is None, text
    assert seen > 8


def test_word_notes_are_never_cut_by_a_page():
    """A note's lines stay on one page ("keep lines together" on the notes' style): the English
    Word report's solutions note began at the foot of one page and ended on the next."""
    r = DocxRenderer(_docx_meta("en"))
    p = r.paragraph("* Not published: too few cases.", "small")
    assert p.style.name == "Note" and p.style.paragraph_format.keep_together


def _noted_table(lang: str, rows: int) -> list:
    """A titled table of ``rows`` rows with a "*" in it and its footnote after it, as the
    report's stock and indicator sections lay them out (pdf_flow.with_notes)."""
    styles = make_styles(lang)
    body = [[f"{2000 + i}", "*" if i == 1 else f"{i},000", f"{i + 30}"] for i in range(rows)]
    table = make_table(["Year", "Number", "n"], body, [150, 100, 80], styles, lang,
                       continued="IDP stock by cause and year")  # fmt: skip
    notes = [Paragraph("* Not published.", styles.small)]
    ahead = Paragraph(Translator(lang)("notes_at_end"), styles.small)
    return with_notes([KeepTogether([table])], notes, ahead)


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_long_word_table_has_its_column_names_on_each_page_and_its_notes_after_it(lang):
    """A Word table longer than a page: its column names repeat on each page (no title row
    inside it: it repeated the heading above, English Word report pp. 61–62) and its notes
    follow its last row, kept with it. No "Notes: see the end of the table." line: before it,
    between its title and its column names, it read as a stray line before any row (the stock
    cause × year table); under its rows it sat right above the notes it pointed to (c8f711e).
    Word cannot place it under each page's part, as the PDF does. The gate's Word check reads
    the same rows."""
    pointer = typeset(Translator(lang)("notes_after_tables"), lang)
    for rows in (LONG_TABLE + 5, 12):
        title = Heading("IDP stock by cause and year", 1, "stock", make_styles(lang).h2, lang)
        story = [title, *_noted_table(lang, rows)]
        r = DocxRenderer(_docx_meta(lang))
        r.add(story)
        doc = Document(io.BytesIO(r.finish()))
        table = doc.tables[0]
        heads = [row._tr for row in table.rows if row._tr.trPr.find(qn("w:tblHeader")) is not None]
        assert heads == [table.rows[0]._tr]  # the column names, repeated on each page
        names = [without_marks(c.text) for c in table.rows[0].cells]
        assert sorted(names) == ["Number", "Year", "n"], (lang, names)
        cells = [without_marks(c.text) for row in table.rows for c in row.cells]
        assert "IDP stock by cause and year" not in "".join(cells) and pointer not in cells
        texts = [without_marks(p.text) for p in doc.paragraphs]
        assert pointer not in texts, (lang, rows)
        before = table._tbl.getprevious()
        assert without_marks("".join(t.text or "" for t in before.iter(qn("w:t")))) == (
            "IDP stock by cause and year"
        )
        # the notes follow the last row, which keeps with them
        after = [el for el in table._tbl.itersiblings() if el.tag == qn("w:p")]
        said = [without_marks("".join(t.text or "" for t in p.iter(qn("w:t")))) for p in after]
        assert next(t for t in said if t) == "* Not published.", (lang, said)
        last = table.rows[-1]._tr
        assert all(p.find(qn("w:pPr")).find(qn("w:keepNext")) is not None
                   for p in last.iter(qn("w:p")))  # fmt: skip
        assert docx_table_rows(table) == story_tables(story, lang)[0]


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_short_flagged_word_tables_keep_with_their_notes(lang):
    """An indicator's main table, then its breakdown table, then the notes of both: Word cannot
    know where its pages end, so the tables that fit a page with the notes keep with them —
    every paragraph from the first table's header to the notes but the last is "keep with
    next" (the English Word report showed "34,863†" on p. 47, its note on p. 48 after the
    breakdown table, with no pointer). A group too long for a page keeps only what fits."""
    styles = make_styles(lang)
    name = "Households below the poverty line"

    def table(n: int, flag: str, title: str) -> object:
        body = [[f"Level {i}", f"{i},000{flag if i == 1 else ''}", f"{i + 30}"] for i in range(n)]
        return make_table(["Group", "Number", "n"], body, [150, 100, 80], styles, lang,
                          continued=title)  # fmt: skip

    notes = [Paragraph("† Interpret with caution.", styles.small),
             Paragraph("* Not published.", styles.small)]  # fmt: skip
    ahead = Paragraph(Translator(lang)("notes_at_end"), styles.small)
    # short tables (KEPT_LINES): kept together; longer ones flow, the first saying where its
    # notes are (a block of half a page left main tables alone on half-empty pages, issue 20)
    for first_rows, kept in ((1, True), (LONG_TABLE, False)):
        story = with_notes(
            # the main table has no title (no ContinuedTable), the breakdown table has one
            [KeepTogether([table(first_rows, "†", "")]), KeepTogether([table(2, "*", name)])],
            notes,
            ahead,
        )
        r = DocxRenderer(_docx_meta(lang))
        r.add(story)
        body = Document(io.BytesIO(r.finish())).element.body
        first = body.find(qn("w:tbl"))
        paragraphs = list(first.iter(qn("w:p")))
        el = first.getnext()
        while el is not None and el.tag != qn("w:sectPr"):
            paragraphs += [el] if el.tag == qn("w:p") else list(el.iter(qn("w:p")))
            el = el.getnext()
        texts = [
            without_marks("".join(t.text or "" for t in p.iter(qn("w:t")))) for p in paragraphs
        ]
        assert texts[-1] == "* Not published."
        # a marked table kept with its notes says nothing; one too far from them says where
        assert (typeset(Translator(lang)("notes_after_tables"), lang) in texts) is not kept
        keep = [p.find(qn("w:pPr")) is not None and p.find(qn("w:pPr")).find(qn("w:keepNext"))
                is not None for p in paragraphs]  # fmt: skip
        assert all(keep[:-1]) is kept and not keep[-1], (lang, first_rows, keep)
        # the second table and the notes always keep together (one block)
        second = len(list(first.iter(qn("w:p")))) + 1
        assert all(keep[second:-1])


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_charted_word_table_says_where_its_notes_are(lang):
    """An indicator's main table, kept with its heading and chart, is not kept with the notes
    after its breakdown table too (most indicators would start a page of their own, the
    English Word copy 69 → 79 pages): when it shows a mark, the gap after it says "Notes: see
    the end of the table.", kept with its last rows (en p. 47: "34,863†", its note a page on
    with no word of where). The breakdown table still keeps with the notes."""
    from PIL import Image as PILImage
    from reportlab.platypus import Image

    from workbench.reporting.pdf_flow import ChartThenTable

    styles = make_styles(lang)
    buf = io.BytesIO()
    PILImage.new("RGB", (200, 100), "white").save(buf, "PNG")
    chart = Image(io.BytesIO(buf.getvalue()), width=300, height=150)
    chart.raw = buf.getvalue()  # type: ignore[attr-defined]  # as Builder.image sets it
    pointer = typeset(Translator(lang)("notes_after_tables"), lang)

    def table(flag: str, title: str) -> object:
        body = [[f"Level {i}", f"{i},000{flag if i == 1 else ''}", f"{i + 30}"] for i in range(5)]
        return make_table(["Group", "Number", "n"], body, [150, 100, 80], styles, lang,
                          continued=title)  # fmt: skip

    notes = [Paragraph("† Interpret with caution.", styles.small)]
    ahead = Paragraph(Translator(lang)("notes_at_end"), styles.small)
    for flag, said in (("†", True), ("", False)):
        main = ChartThenTable([Paragraph("Indicator", styles.h2), chart, table(flag, "")], 1)
        story = with_notes([main, KeepTogether([table("†", "Indicator")])], notes, ahead)
        r = DocxRenderer(_docx_meta(lang))
        r.add(story)
        body = Document(io.BytesIO(r.finish())).element.body
        first, second = body.findall(qn("w:tbl"))
        gap = first.getnext()
        text = without_marks("".join(t.text or "" for t in gap.iter(qn("w:t"))))
        assert (text == pointer) is said, (lang, flag, text)
        last = [p for p in first.findall(qn("w:tr"))[-1].iter(qn("w:p"))]
        if said:  # the pointer on the page of the table's last rows
            assert all(p.find(qn("w:pPr")).find(qn("w:keepNext")) is not None for p in last)
        # the breakdown table's rows keep with the notes
        rows = [p for p in second.iter(qn("w:p"))]
        assert all(p.find(qn("w:pPr")).find(qn("w:keepNext")) is not None for p in rows)


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_word_pointer_comes_after_a_tables_own_notes(lang):
    """A table with notes of its own right under it (the solutions' headline table: why its
    number is withheld, why it has no interval), whose marks are explained after a later table:
    "Notes: see the end of the table." comes after its own notes, not between its rows and
    them (readers saw the pointer and, right under it, notes)."""
    styles = make_styles(lang)
    pointer = typeset(Translator(lang)("notes_after_tables"), lang)

    def table(title: str) -> object:
        body = [[f"Level {i}", f"{i},000{'*' if i == 1 else ''}", f"{i + 30}"] for i in range(5)]
        return make_table(["Group", "Number", "n"], body, [150, 100, 80], styles, lang,
                          continued=title)  # fmt: skip

    own = [Paragraph(f"Own note {i}.", styles.small) for i in (1, 2)]
    later = [table("Breakdown") for _ in range(4)]  # too many lines to keep the first with
    story = with_notes(
        [KeepTogether([table("Headline")]), *own, *later[:-1], KeepTogether([later[-1]])],
        [Paragraph("* Not published.", styles.small)],
        Paragraph(Translator(lang)("notes_at_end"), styles.small),
    )
    r = DocxRenderer(_docx_meta(lang))
    r.add(story)
    body = Document(io.BytesIO(r.finish())).element.body
    first = body.find(qn("w:tbl"))
    said = []
    el = first.getnext()
    while el is not None and el.tag == qn("w:p"):
        said.append(without_marks("".join(t.text or "" for t in el.iter(qn("w:t")))))
        el = el.getnext()
    texts = [t for t in said if t]
    assert texts[:3] == ["Own note 1.", "Own note 2.", pointer], (lang, said)


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_word_pointer_is_said_once_a_group(lang):
    """The solutions breakdowns (en_B 1, fr_B 2): "Notes: after the last breakdown table
    below." four times on one Word page, under each marked block too far from the notes to keep
    with them. Once a group: under the first such block."""
    styles = make_styles(lang)
    pointer = typeset(Translator(lang)("notes_after_tables"), lang)

    def table(k: int, mark: str) -> object:
        body = [[f"Level {i}", f"{i},000{mark if i == 1 else ''}", f"{i + 30}"] for i in range(8)]
        return make_table([f"Breakdown {k}", "Number", "n"], body, [150, 100, 80], styles, lang,
                          continued="By breakdown")  # fmt: skip

    blocks = [KeepTogether([table(k, "*" if k % 2 else "–")]) for k in range(6)]
    story = with_notes(
        blocks,
        [Paragraph("* Not published.", styles.small), Paragraph("– No case.", styles.small)],
        Paragraph(Translator(lang)("notes_at_end"), styles.small),
    )
    r = DocxRenderer(_docx_meta(lang))
    r.add(story)
    doc = Document(io.BytesIO(r.finish()))
    texts = [without_marks(p.text) for p in doc.paragraphs]
    assert texts.count(pointer) == 1, (lang, texts)
    # under the first block
    first = doc.tables[0]._tbl
    after = [without_marks("".join(t.text or "" for t in el.iter(qn("w:t"))))
             for el in first.itersiblings() if el.tag == qn("w:p")][:2]  # fmt: skip
    assert pointer in after, (lang, after)


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_word_pointer_stands_under_the_groups_first_table_in_the_pdfs_words(lang):
    """Issue 20 (fr, 44 times): the pointer stood between an indicator's second-to-last and
    last breakdown tables — under the first marked one — and said "under the last breakdown
    table, further down" where the PDF says "under the last of them, further on". One catalogue
    string for both outputs, right under the group's first (main) table, once."""
    styles = make_styles(lang)
    pointer = typeset(Translator(lang)("notes_after_tables"), lang)

    def table(k: int, mark: str, title: str) -> object:
        body = [[f"Level {i}", f"{i},000{mark if i == 1 else ''}", f"{i + 30}"] for i in range(8)]
        return make_table([f"Breakdown {k}", "Number", "n"], body, [150, 100, 80], styles, lang,
                          continued=title)  # fmt: skip

    # the main table shows no mark; a middle breakdown table (too far to keep with the notes)
    # shows one; the last is kept with them
    marks = ["", "", "*", "", "*"]
    blocks = [
        KeepTogether([table(k, m, "" if k == 0 else "Breakdowns")]) for k, m in enumerate(marks)
    ]
    story = with_notes(
        blocks, [Paragraph("* Not published.", styles.small)],
        Paragraph(Translator(lang)("notes_after_tables"), styles.small),
    )  # fmt: skip
    r = DocxRenderer(_docx_meta(lang))
    r.add(story)
    doc = Document(io.BytesIO(r.finish()))
    body = doc.element.body
    texts = [without_marks("".join(t.text or "" for t in el.iter(qn("w:t"))))
             for el in body if el.tag == qn("w:p")]  # fmt: skip
    assert texts.count(pointer) == 1, (lang, texts)
    assert Translator(lang)("notes_after_tables") != Translator(lang)("notes_at_end")
    # right after the first table, before the second
    first, second = doc.tables[0]._tbl, doc.tables[1]._tbl
    between = []
    el = first.getnext()
    while el is not None and el is not second:
        between.append(without_marks("".join(t.text or "" for t in el.iter(qn("w:t")))))
        el = el.getnext()
    assert pointer in between, (lang, between)
