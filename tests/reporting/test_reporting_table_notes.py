"""Footnotes where a reader meets their marks, and room around tables (issue 20, finding 7):
a table split across pages says under each part but its last where its notes are (the Arabic
cause × year table showed "*", "†" and "§" on a page whose notes were only on the next); the
solutions' notes are one a line, as under every other table (French p. 65 ran them together);
a heading after a table has room above it (the Arabic "Validation annex" sat 4 pt under the
versions table)."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from reportlab.platypus import KeepTogether, Paragraph, Spacer
from test_reporting_page_continued import _doc, _filler, _lines, _rows

from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_doc import ReportDoc
from workbench.reporting.pdf_flow import HEADING_AFTER_TABLE, TableBlock, with_notes
from workbench.reporting.pdf_tables import make_table
from workbench.reporting.pdf_text import Heading, make_styles, para

#: the line under a part of a table whose notes come later
POINTER = Translator("en")("notes_at_end")

NOTES = [
    "* Not published: too few cases.",
    "† Interpret with caution: few cases.",
    "§ No interval: one case.",
]


def _stock(styles, rows: int, lang: str = "en") -> list:
    tr = Translator(lang)
    title = Paragraph("IDP stock by cause and year", styles.h3)
    table = make_table(["Cause × Year", "Number", "n"], _rows(rows), [200, 100, 80], styles,
                       lang, continued="IDP stock by cause and year")  # fmt: skip
    notes = [Paragraph(n, styles.small) for n in NOTES]
    ahead = para(tr("notes_at_end"), styles.small, lang)
    return with_notes([KeepTogether([title, table])], notes, ahead)


def test_a_split_table_says_under_its_first_part_where_its_notes_are():
    styles = make_styles("en")
    pages = _doc(_stock(styles, 70))
    assert len(pages) >= 2
    for page in pages[:-1]:  # under each part but the last: the line, right after its rows
        assert page[-1] == POINTER, page[-3:]
        assert page[-2].startswith("Row "), page[-3:]
    assert not any(POINTER in ln for ln in pages[-1])
    assert pages[-1][-3:] == NOTES
    # a table that fits its page: its notes under it, no line
    pages = _doc([*_filler(0.3, styles), *_stock(styles, 10)])
    assert len(pages) == 1 and not any(POINTER in ln for ln in pages[0])
    assert pages[0][-3:] == NOTES


def _breakdowns(
    styles, rows: list[int], mark: str = "†", lang: str = "en", block=KeepTogether
) -> list:
    """An indicator's breakdown tables (the first marks a value), each kept whole, its notes
    after the last."""
    tr = Translator(lang)
    out: list = []
    for k, n in enumerate(rows):
        body = _rows(n, f"Level{k}")
        if k == 0:
            body[0][1] += mark
        table = make_table([f"Breakdown {k}", "IDPs", "Host"], body, [200, 100, 80], styles,
                           lang, continued="Indicator", at_top=True)  # fmt: skip
        out += [Spacer(1, 2), block([table])]
    notes = [Paragraph(n, styles.small) for n in NOTES[:2]]
    return with_notes(out, notes, para(tr("notes_at_end"), styles.small, lang))


def test_a_marked_table_whose_notes_are_on_a_later_page_says_so():
    """The English demo's pages 6, 20 and 49: "36.6%†", "*", "‡" on a page whose notes came a
    page later, after the indicator's last breakdown table (kept whole, it did not fit). The
    last table the page holds says where they are, marked or not (its notes explain its words
    too); a page that holds the notes does not."""
    styles = make_styles("en")
    # the second table short (a table of 8 rows or more starts at a page's foot: pdf_flow)
    pages = _doc([*_filler(0.75, styles), *_breakdowns(styles, [6, 7])])
    assert len(pages) == 2
    assert pages[0][-1] == POINTER, pages[0][-3:]
    assert pages[0][-2].startswith("Level0 5"), pages[0][-3:]
    assert not any(POINTER in ln for ln in pages[1]) and pages[1][-2:] == NOTES[:2]
    # all on one page: the notes under the last table, no line
    pages = _doc([*_filler(0.1, styles), *_breakdowns(styles, [6, 10])])
    assert len(pages) == 1 and not any(POINTER in ln for ln in pages[0])
    # the page's table shows no mark, but words the notes explain ("No gap (equivalent)"):
    # the line too — the Arabic pp. 13–16 had none, their key a page on (ar_A 1)
    pages = _doc([*_filler(0.75, styles), *_breakdowns(styles, [6, 7], mark="")])
    assert len(pages) == 2 and pages[0][-1] == POINTER, pages[0][-3:]


def test_a_marked_table_that_fills_its_page_still_says_where_its_notes_are():
    """The English demo's p.19 (en_A 2/5): "Primary completion rate" ended the page with seven
    "†" in its District table, the note on p.20 and no pointer — the table filled the page and
    the line had no room. Wherever the table ends on its page, the line is under it."""
    styles = make_styles("en")
    body = ReportDoc(io.BytesIO(), "A4", "en").height
    checked = 0
    for k in range(60):
        share = 0.6 + k * 0.005
        filler = [Paragraph("Filler line.", styles.body), Spacer(1, share * body - 20)]
        pages = _doc([*filler, *_breakdowns(styles, [6, 30])])
        if len(pages) < 2 or not any(ln.startswith("Level0 5") for ln in pages[0]):
            continue  # the marked table went on to the next page whole
        if any(ln.startswith("Level1 ") for ln in pages[0]):
            continue
        assert POINTER in pages[0], (share, pages[0][-3:])
        assert (
            pages[0].index(POINTER)
            == pages[0].index(next(ln for ln in pages[0] if ln.startswith("Level0 5"))) + 1
        ), (share, pages[0][-3:])
        checked += 1
    assert checked > 10


def test_the_line_is_only_where_a_table_breaks_across_the_page():
    """French p. 62, English p. 58 (fr_B 2, en_B 5): the solutions breakdowns printed "Notes:
    see the end of the table." between the "Cause" and "Year of displacement" blocks, mid-page,
    the next block starting right under it — and again at the page's foot, where that block
    went on to the next page. The line is printed once, the last text above the page's foot."""
    styles = make_styles("en")
    body = ReportDoc(io.BytesIO(), "A4", "en").height
    checked = 0
    for k in range(40):
        share = 0.3 + k * 0.01
        filler = [Paragraph("Filler line.", styles.body), Spacer(1, share * body - 20)]
        pages = _doc([*filler, *_breakdowns(styles, [6, 40], block=TableBlock)])
        first = pages[0]
        if not any(ln.startswith("Level0 5") for ln in first):
            continue
        if not any(ln.startswith("Level1 ") for ln in first) or len(pages) < 2:
            continue  # the second block not started at this page's foot
        pointers = [i for i, ln in enumerate(first) if ln == POINTER]
        assert pointers == [len(first) - 1], (share, first)
        checked += 1
    assert checked > 5


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
@pytest.mark.parametrize("key", ["notes_at_end", "notes_after_tables"])
def test_the_line_is_in_every_language(lang, key):
    text = Translator(lang)(key)
    assert text and "{" not in text
    if lang != "en":
        assert text != Translator("en")(key)
    if lang == "fr":  # a colon, if any, after a non-breaking space
        assert text.count(":") == text.count("\u00a0:")


def test_the_solutions_notes_are_one_a_line(en_report, fr_report):
    """Every caution note starts its line (the solutions' ran on after the '*' note)."""
    cautions = ((en_report, "Interpret with caution"), (fr_report, "À interpréter avec prudence"))
    for path, caution in cautions:
        seen = 0
        with pdfplumber.open(str(path)) as pdf:
            for page in pdf.pages:
                for ln in _lines(page):
                    if caution in ln:
                        seen += 1
                        assert ln.startswith("†"), (path.name, ln)
        assert seen


def test_a_heading_after_a_table_has_room_above_it():
    styles = make_styles("en")
    table = make_table(["Item", "Value"], [["Library", "2026.11.0"]], [200, 100], styles, "en")
    out = io.BytesIO()
    ReportDoc(out, "A4", "en").build(
        [table, Heading("Validation annex", 0, "validation", styles.h1, "en")]
    )
    with pdfplumber.open(io.BytesIO(out.getvalue())) as pdf:
        page = pdf.pages[0]
        table_bottom = max(r["bottom"] for r in page.rects + page.lines)
        words = [w for w in page.extract_words() if w["text"] == "Validation"]
    gap = words[0]["top"] - table_bottom
    assert gap >= HEADING_AFTER_TABLE - 2, gap


def _stock_notes(styles, rows: int, notes: list[str]) -> list:
    tr = Translator("en")
    title = Paragraph("IDP stock by cause and year", styles.h3)
    table = make_table(["Cause × Year", "Number", "n"], _rows(rows), [200, 100, 80], styles,
                       "en", continued="IDP stock by cause and year")  # fmt: skip
    paras = [Paragraph(n, styles.small) for n in notes]
    return with_notes(
        [KeepTogether([title, table])], paras, para(tr("notes_at_end"), styles.small, "en")
    )


#: notes of 20 lines or so (fr_B 1): too long to carry rows with them
LONG_NOTES = [" ".join([f"Long note {k}: what a mark of the table means."] * 14) for k in range(3)]


def test_a_split_tables_last_rows_and_short_notes_go_on_together():
    """rd22 fr p. 82–83: the table ended its page with its first note, the last ("IDPs only …:
    the Total above also counts returnees") alone atop the next page, the "above" it spoke of a
    page back. When its notes do not all fit under the whole table and they are short, the
    table's last rows go on with them under "(continued)", the page before ending on "Notes:
    see the end of the table." (a page little blank)."""
    styles = make_styles("en")
    more = "IDP stock by cause and year (continued)"
    page = sum(ln.startswith("Row ") for ln in _doc(_stock(styles, 150))[0])
    checked = 0
    for rows in range(page - 12, page + 1):
        pages = _doc(_stock(styles, rows))
        if len(pages) == 1:
            continue  # the notes fit under it
        assert len(pages) == 2, rows
        assert pages[0][-1] == POINTER, (rows, pages[0][-3:])
        assert pages[1][0] == more and pages[1][2].startswith("Row "), (rows, pages[1][:4])
        assert pages[1][-3:] == NOTES and not [n for n in NOTES if n in pages[0]], rows
        checked += 1
    assert checked


def test_a_split_tables_last_three_rows_stay_on_its_page_above_long_notes():
    """French p. 67–68 (fr_B 1): the cause × year table left its last three rows ("Total ×
    Non déclaré", "Total", "PDI seules…") alone on p. 68 under its repeated "(suite)" title,
    p. 67 40% blank — they were kept with 20 lines of notes. When the whole table fits the page
    and its notes are long, it ends there and its notes follow right under it, going on to the
    next page as they must: kept whole and sent overleaf, they started the English p. 65 under
    "(continued)" with no row, p. 64 ending on "Notes: see the end of the table." a third blank
    (issue 20)."""
    styles = make_styles("en")
    more = "IDP stock by cause and year (continued)"
    page = sum(ln.startswith("Row ") for ln in _doc(_stock(styles, 150))[0])
    checked = 0
    for rows in range(page - 12, page + 1):
        pages = _doc(_stock_notes(styles, rows, LONG_NOTES))
        if any(ln.startswith("Row ") for ln in pages[-1]):
            continue  # too long for this page whole: it splits as any table
        assert more not in pages[1], (rows, pages[1])  # no title above notes alone
        assert pages[0][-1] != POINTER, (rows, pages[0][-3:])
        first = next(k for k, ln in enumerate(pages[0]) if ln.startswith("Long note 0"))
        assert pages[0][first - 1].startswith("Row "), (rows, pages[0][first - 2 :])
        checked += 1
    assert checked
