"""The Word report's breakdown tables and the pages its big parts start (issue 20): a breakdown
table that starts a page says whose it is (fr_B 5: the French Word report began p. 48 with a
"District" table of an indicator named only on p. 47, where the PDF says "(suite)"), and the
solutions measure starts a page (ar_B 7: "مقياس الحلول" began at the foot of p. 57, straight after
the last preference indicator, its table's notes on p. 58)."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from PIL import Image as PILImage
from reportlab.platypus import Image, Paragraph
from test_reporting_docx_table import _meta as _docx_meta

from workbench.reporting.context import after_by
from workbench.reporting.docx_render import DocxRenderer
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_flow import ChartThenTable, with_notes
from workbench.reporting.pdf_tables import disaggregation_tables, indicator_table
from workbench.reporting.pdf_text import Heading, make_styles
from workbench.reporting.rtl import without_marks
from workbench.reporting.typography import typeset
from workbench.reporting.views import TableData

TITLE = "Knows how to replace lost documents"
W = 480.0


def _text(el) -> str:
    return without_marks("".join(t.text or "" for t in el.iter(qn("w:t"))))


def _caption(el) -> str:
    """A caption's "By <breakdown>", without the indicator a table that may open a page names
    after it (test_reporting_word_chapter_starts)."""
    return _text(el).split("\u00a0— ")[0]


def _keeps(p) -> bool:
    ppr = p.find(qn("w:pPr"))
    return ppr is not None and ppr.find(qn("w:keepNext")) is not None


def _chart() -> Image:
    buf = io.BytesIO()
    PILImage.new("RGB", (200, 100), "white").save(buf, "PNG")
    chart = Image(io.BytesIO(buf.getvalue()), width=300, height=150)
    chart.raw = buf.getvalue()  # type: ignore[attr-defined]  # as Builder.image sets it
    return chart


def _indicator(lang: str, notes: bool, levels: int = 4) -> list:
    """An indicator as ``Builder.indicator`` lays it out: heading, chart and main table kept
    together, then a table per breakdown (its name in its first column's header), then the
    notes of all of them."""
    styles = make_styles(lang)
    groups = ["Group", "IDPs in camps", "Returnees", "Host community"]
    main = TableData(["Group", "Estimate", "95% CI", "n", "Difference", "Assessment", "p"],
                     [["IDPs in camps", "40.1%", "35.0 – 45.2", "300", "−4.0 pp", "Worse",
                       "0.01 (0.02)"]])  # fmt: skip
    parts = []
    for name in ("Sex", "District"):
        rows = [[f"{name} {i}", f"{40 + i}.0%", "*" if i == 1 else "12.0%", "50.0%"]
                for i in range(levels)]  # fmt: skip
        parts.append((name.lower(), name, TableData(groups, rows, kind="disagg")))
    heading = Heading(TITLE, 1, "ind", styles.h2, lang)
    block = ChartThenTable([heading, _chart(), indicator_table(main, W, styles, lang, TITLE)], 1)
    out = [block, *disaggregation_tables(parts, W, styles, lang, TITLE)]
    said = [Paragraph("* Not published.", styles.small)] if notes else []
    return with_notes(out, said, Paragraph(Translator(lang)("notes_at_end"), styles.small))


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_word_breakdown_table_says_whose_it_is(lang):
    """Each breakdown table's header row (the row Word repeats, ``w:tblHeader``) names its
    breakdown in its first column, and every breakdown table has the PDF's caption above it,
    "By <breakdown>" under the indicator's heading, kept with its header and first row — kept on
    the page of the one before it (with the notes after the last) or not. Not the indicator's
    whole title again: "<indicator>: by sex / : by age group / : by district / : by disability"
    repeated it 3–5 times under its heading (rd19 fr L.67, ar L.70)."""
    cont = typeset(Translator(lang)("continued", title=TITLE), lang)
    for notes, captioned in ((True, [True, True]), (False, [True, True])):
        r = DocxRenderer(_docx_meta(lang))
        r.add(_indicator(lang, notes, levels=2))  # short tables: kept together (KEPT_LINES)
        doc = Document(io.BytesIO(r.finish()))
        _main, *breakdowns = doc.tables
        assert len(breakdowns) == 2
        lines = []
        for table, name, said in zip(breakdowns, ("Sex", "District"), captioned, strict=True):
            line = _line(lang, name)  # "By <breakdown>", its own for each table
            assert TITLE not in line
            lines.append(line)
            head = table.rows[0]
            assert head._tr.trPr.find(qn("w:tblHeader")) is not None
            assert without_marks(head.cells[0].text) == name, (lang, head.cells[0].text)
            before = table._tbl.getprevious()
            assert (_caption(before) == line) is said, (lang, notes, name, _text(before))
            if said:  # kept with the header and the first row, in the title's bold
                assert _keeps(before)
                # in the empty gap after the table before it (no line more)
                above = before.getprevious()
                assert above.tag == qn("w:tbl"), (lang, name, _text(above))
                assert all(r.find(qn("w:rPr")).find(qn("w:b")) is not None
                           for r in before.iter(qn("w:r")) if _text(r).strip())  # fmt: skip
                for row in table.rows[:2]:
                    assert all(_keeps(p) for p in row._tr.iter(qn("w:p")))
            # the table is kept whole: every row but the last keeps with the next
            for row in table.rows[:-1]:
                assert all(_keeps(p) for p in row._tr.iter(qn("w:p"))), (lang, name)
        texts = [without_marks(p.text) for p in doc.paragraphs]
        assert sum([t.split("\u00a0— ")[0] for t in texts].count(x) for x in lines) == sum(
            captioned
        )
        # Word cannot know where its pages break: no line claims one (en_B 3, fr_B 1)
        assert cont not in texts, (lang, notes)


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_word_breakdown_tables_flow_after_the_main_table(lang):
    """An indicator's breakdown tables are not one block moved whole to the next page: kept
    with the notes after them (about half a page), they left the chart and main table alone on
    a half-empty page, indicator after indicator (issue 20: the English Word report 81 pages
    against the PDF's 72, the French 89 against 75). The last table keeps with the notes; one
    before it that makes the block longer than a few lines flows (its last row may end a
    page), whole under its "<indicator>: breakdowns" line; no page break is forced."""
    r = DocxRenderer(_docx_meta(lang))
    r.add(_indicator(lang, True, levels=8))  # two tables of 9 rows: about 15% of a page each
    doc = Document(io.BytesIO(r.finish()))
    _main, first, last = doc.tables
    # the first is not kept on the page of the last: something between them may end a page
    # (its last row, or the line after it saying where its notes are)
    between, el = [], first._tbl.getnext()
    while el is not None and el is not last._tbl:
        between.append(el)
        el = el.getnext()
    chain = [*first.rows[-1]._tr.iter(qn("w:p")), *between]
    assert not all(_keeps(p) for p in chain), lang
    assert _caption(first._tbl.getprevious()) == _line(lang, "Sex")
    # it may start a page: it says whose it is
    assert _caption(last._tbl.getprevious()) == _line(lang, "District")
    assert all(_keeps(p) for p in last.rows[-1]._tr.iter(qn("w:p")))
    for table in (first, last):  # each whole
        for row in table.rows[:-1]:
            assert all(_keeps(p) for p in row._tr.iter(qn("w:p")))
    assert not list(doc.element.body.iter(qn("w:pageBreakBefore")))
    assert not [b for b in doc.element.body.iter(qn("w:br")) if b.get(qn("w:type")) == "page"]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_word_solutions_breakdown_with_its_line_is_kept_whole(lang):
    """The solutions' breakdown tables are not kept whole in the PDF (they split with their
    "(continued)" line): in Word one that follows another gets the line, and the table stays
    whole with it when it fits a page — the English copy's "District" table went on at the
    top of the next page with two rows under its repeated header. One longer than a page keeps
    its header and first row with the line."""
    from workbench.reporting.docx_keeps import LONG_TABLE
    from workbench.reporting.pdf_tables import make_table

    styles = make_styles(lang)
    title = "IRIS layered rule: by breakdown"
    line = typeset(title, lang)  # its title alone: no "(continued)" (en_B 3)
    for rows, kept in ((6, 6), (LONG_TABLE + 5, 2)):  # rows under the header; kept rows
        tables = [
            make_table([name, "IDPs in camps", "Returnees"],
                       [[f"{name} {i}", "< 0.5%", "1.2%"] for i in range(rows)],
                       [150, 100, 100], styles, lang, continued=title, at_top=True)
            for name in ("Sex of household head", "District")
        ]  # fmt: skip
        r = DocxRenderer(_docx_meta(lang))
        r.add([Heading(title, 1, "solutions-breakdowns", styles.h2, lang), *tables])
        doc = Document(io.BytesIO(r.finish()))
        first, second = doc.tables
        under = _text(first._tbl.getprevious()).replace("\u00a0", " ")
        assert under == title  # under its heading: no line
        assert _text(second._tbl.getprevious()) == line, lang
        keeps = [all(_keeps(p) for p in row._tr.iter(qn("w:p"))) for row in second.rows]
        assert keeps == [True] * kept + [False] * (len(keeps) - kept), (lang, rows, keeps)


def test_word_keeps_with_the_notes_only_the_lines_a_page_holds():
    """The solutions' breakdown rows hold a share over its interval (two lines): counted as
    rows, the tables kept with the notes after them ("40 rows", some 70 lines) overflowed the
    page and LibreOffice broke them off where it could — the Arabic copy's p. 63 began with a
    "District of origin" table and no line of whose it was, p. 62 held one table. Tables are
    kept by their lines; each one not kept with the one before it has its line."""
    from reportlab.platypus import KeepTogether

    from workbench.reporting.docx_keeps import LONG_TABLE
    from workbench.reporting.pdf_tables import make_table

    styles = make_styles("en")
    title = "IRIS layered rule: by breakdown"
    line = title
    tables = [
        make_table([f"Breakdown {k}", "IDPs in camps", "Returnees"],
                   [[f"Level {i}", "0.5%\n(0.1 – 2.2)", "1.2%\n(0.4 – 3.0)"] for i in range(7)],
                   [150, 100, 100], styles, "en", continued=title, at_top=True)
        for k in range(5)
    ]  # fmt: skip
    story = with_notes(
        [Heading(title, 1, "solutions-breakdowns", styles.h2, "en"), *tables[:-1],
         KeepTogether([tables[-1]])],
        [Paragraph("* Not published.", styles.small)],
        Paragraph(Translator("en")("notes_at_end"), styles.small),
    )  # fmt: skip
    r = DocxRenderer(_docx_meta("en"))
    r.add(story)
    doc = Document(io.BytesIO(r.finish()))
    kept = [all(_keeps(p) for p in t.rows[-1]._tr.iter(qn("w:p"))) for t in doc.tables]
    assert kept[-1] and not kept[0]
    assert 15 * sum(kept) <= LONG_TABLE  # 8 rows, 15 lines each table
    for before, table in zip(doc.tables, doc.tables[1:], strict=False):
        said = _text(table._tbl.getprevious()) == line
        chained = all(_keeps(p) for p in before.rows[-1]._tr.iter(qn("w:p")))
        assert said is not chained


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_word_keeps_with_the_notes_about_half_a_page_of_rows(lang):
    """The tables kept with the notes after them move to a new page as one block: the Arabic
    copy's solutions breakdowns from "District of origin" on (6, 4, 15, 5 and 3 rows, some 38
    lines, with five notes a full page) filled p. 64 and left p. 63 with two short tables, 60%
    empty (ar_B 7). Kept so are the last tables up to KEPT_LINES lines (a few short tables: at
    half a page an indicator's breakdowns left its main table alone on a half-empty page); the
    ones before flow, each whole under its own line."""
    from reportlab.platypus import KeepTogether

    from workbench.reporting.docx_keeps import KEPT_LINES, LONG_TABLE
    from workbench.reporting.pdf_tables import make_table

    styles = make_styles(lang)
    title = "IRIS layered rule: by breakdown"
    tables = [
        make_table([f"Breakdown {k}", "In camps", "Returnees"],
                   [[f"Level {i}", "< 0.5%", "< 0.5%"] for i in range(rows)],
                   [150, 100, 100], styles, lang, continued=title, at_top=True)
        for k, rows in enumerate((2, 5, 6, 4, 15, 5, 3))
    ]  # fmt: skip
    story = with_notes(
        [Heading(title, 1, "solutions-breakdowns", styles.h2, lang), *tables[:-1],
         KeepTogether([tables[-1]])],
        [Paragraph(f"* Not published {i}.", styles.small) for i in range(5)],
        Paragraph(Translator(lang)("notes_at_end"), styles.small),
    )  # fmt: skip
    r = DocxRenderer(_docx_meta(lang))
    r.add(story)
    doc = Document(io.BytesIO(r.finish()))
    kept = [all(_keeps(p) for p in t.rows[-1]._tr.iter(qn("w:p"))) for t in doc.tables]
    lines = [len(t.rows) for t in doc.tables]  # one line a row here
    # the last tables while they fit KEPT_LINES, the one before them not
    assert kept[-1] and kept == sorted(kept), (lang, kept)
    assert sum(n for n, k in zip(lines, kept, strict=True) if k) <= KEPT_LINES < LONG_TABLE
    first = kept.index(True)
    assert sum(lines[first - 1 :]) > KEPT_LINES, (lang, kept)


def test_a_word_rows_lines_count_its_wrapped_header_and_interval():
    """A row's height in lines, as keep_with_notes counts it: a header that wraps in its
    column ("IDPs outside / camps", the Arabic "النازحون داخليًا خارج / المخيمات": the Arabic
    copy's kept tables again overflowed p. 63) and a share over its interval are two lines."""
    from workbench.reporting.docx_cells import _row_lines

    assert _row_lines([("Sex", True), ("IDPs in camps", True)], [150.0, 100.0]) == 1
    assert _row_lines([("Sex", True), ("IDPs outside camps", True)], [150.0, 80.0]) == 2
    assert _row_lines([("Female", False), ("0.5%\n(0.1 – 2.2)", False)], [150.0, 80.0]) == 2


def _breaks(p) -> bool:
    ppr = p.find(qn("w:pPr"))
    return ppr is not None and ppr.find(qn("w:pageBreakBefore")) is not None


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_word_solutions_and_stock_start_a_page_with_their_notes_under_their_tables(lang):
    """The solutions measure and the IDP stock start a page in Word, as in the PDF (ar_B 7:
    "مقياس الحلول" began at the foot of p. 57 after the last preference indicator); a table's
    notes right under it keep with its last row (its "*", "–" and "<" were explained only on
    the next page)."""
    from reportlab.platypus import KeepTogether

    from workbench.reporting.pdf_flow import SectionBreak
    from workbench.reporting.pdf_tables import make_table

    styles = make_styles(lang)
    rows = [[f"Group {i}", "< 0.5%", "–", "*", "500"] for i in range(4)]
    header = ["Population group", "Share", "95% CI", "Number", "n assessable"]
    headline = make_table(header, rows, [150, 80, 80, 80, 80], styles, lang)
    notes = ["* Number withheld.", "– No interval for a bound.", "< An upper bound."]
    stock = make_table(["Sex", "Number", "n"], [["Female", "1,000", "50"]], [150, 100, 80],
                       styles, lang, continued="Stock by sex")  # fmt: skip
    story = [
        Heading("Security named as a condition", 1, "ind-b", styles.h2, lang),
        Paragraph("Definition: share of households.", styles.small),
        KeepTogether([make_table(header, rows, [150, 80, 80, 80, 80], styles, lang)]),
        SectionBreak(),
        Heading("Solutions measure", 0, "solutions", styles.h1, lang),
        Paragraph("The share of displaced households.", styles.body),
        headline,
        *[Paragraph(n, styles.small) for n in notes],
        Paragraph("Solutions measure, all displaced groups: fewer than 0.5%.", styles.body),
        Heading("Estimated IDP stock", 1, "stock", styles.h2, lang),
        Paragraph("The stock counts IDPs and returnees.", styles.small),
        KeepTogether([stock]),
    ]
    r = DocxRenderer(_docx_meta(lang))
    r.add(story)
    body = Document(io.BytesIO(r.finish())).element.body
    # a heading's last two words are joined by a no-break space (no word alone on its last line)
    paragraphs = {_text(p).replace("\u00a0", " "): p for p in body.iter(qn("w:p")) if _text(p)}
    assert _breaks(paragraphs["Solutions measure"]) and _breaks(paragraphs["Estimated IDP stock"])
    assert not _breaks(paragraphs["Security named as a condition"])
    assert not any(_breaks(p) for t, p in paragraphs.items() if "Definition" in t)
    tbl = body.findall(qn("w:tbl"))[1]
    assert all(_keeps(p) for p in tbl.findall(qn("w:tr"))[-1].iter(qn("w:p")))
    chain = [tbl.getnext(), *(paragraphs[without_marks(n)] for n in notes)]
    assert [_keeps(p) for p in chain] == [True, True, True, False]
    assert not _keeps(paragraphs["Solutions measure, all displaced groups: fewer than 0.5%."])


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_the_word_contents_say_how_they_get_page_numbers_and_the_cover_does_not(lang):
    """The Word contents have no page numbers until the fields are updated (Word does it on
    opening: the field is marked dirty and the settings say ``w:updateFields``; LibreOffice
    never fills them in): a small line under the contents' heading says how (F9). The cover
    said it, a software instruction on a report's title page (issue 20, en/fr/ar readers). A
    file without contents (the briefing) says nothing of it."""
    from reportlab.platypus import PageBreak
    from reportlab.platypus.tableofcontents import TableOfContents

    styles = make_styles(lang)
    note = typeset(Translator(lang)("word_update_fields"), lang)
    assert "F9" in note
    contents = typeset(Translator(lang)("contents"), lang)
    cover = [Paragraph("Durable solutions analysis", styles.title),
             Paragraph("Aggregate statistics only.", styles.small), PageBreak()]  # fmt: skip
    for with_contents in (True, False):
        story = [*cover, *([Paragraph(contents, styles.h1), TableOfContents(), PageBreak()]
                           if with_contents else []),
                 Heading("Executive summary", 0, "summary", styles.h1, lang)]  # fmt: skip
        r = DocxRenderer(_docx_meta(lang))
        r.add(story)
        doc = Document(io.BytesIO(r.finish()))
        texts = [without_marks(p.text) for p in doc.paragraphs]
        assert (note in texts) is with_contents, (lang, with_contents)
        updates = doc.settings.element.find(qn("w:updateFields"))
        assert updates is not None and updates.get(qn("w:val")) == "true"
        if with_contents:
            at = texts.index(note)
            # under the contents' heading, on the contents' page, in the notes' small style
            assert texts[at - 1] == without_marks(contents)
            assert doc.paragraphs[at - 1].paragraph_format.page_break_before
            assert doc.paragraphs[at].style.name == "Note"
            # the cover ends with its own last line, the next page starts with the contents
            cover_end = texts.index("Aggregate statistics only.")
            assert doc.paragraphs[cover_end + 1].paragraph_format.page_break_before
            toc = [
                c
                for para in doc.element.body.iter(qn("w:p"))
                if " TOC " in "".join(t.text or "" for t in para.iter(qn("w:instrText")))
                for c in para.iter(qn("w:fldChar"))
                if c.get(qn("w:fldCharType")) == "begin"
            ]
            assert toc and toc[0].get(qn("w:dirty")) == "true"


def _line(lang: str, name: str) -> str:
    """The caption above a breakdown table, in Word as in the PDF: "By <breakdown>"."""
    tr = Translator(lang)
    return typeset(tr("word_solutions_by", breakdown=after_by(name, tr)), lang)
