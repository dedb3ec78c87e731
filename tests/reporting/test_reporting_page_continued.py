"""Pages read one after the other (issue 20, page flow): no page is left near-empty by a
section's last rows (the demo's English pages 17, 44 and 53, French 48 and 58 held a four-row
table each), a table that goes on at the top of a page says whose it is ("<title> (continued)"
above its repeated header row), and a heading's lead text is never left at the foot of a page
(the demo's "Estimated IDP stock" and its note, their table on the next page). Measured from
real PDFs: the report fixtures, and small documents laid out by the report's own template."""

from __future__ import annotations

import io
import unicodedata

import pdfplumber
import pytest
from docx import Document
from docx.oxml.ns import qn
from reportlab.platypus import KeepTogether, Paragraph, Spacer
from test_reporting_docx_table import _meta as _docx_meta
from test_reporting_layout_fit import _story

from workbench.reporting.docx_render import DocxRenderer
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_doc import ReportDoc
from workbench.reporting.pdf_flow import SECTION_FILL, SectionBreak
from workbench.reporting.pdf_tables import disaggregation_tables, make_table
from workbench.reporting.pdf_text import Heading, make_styles
from workbench.reporting.views import TableData

FOOTER = 60  # points at the foot of the page: the running footer
HEADER = 45  # points at the top: the margin


def _used(page) -> float:
    """The share of the page's body height its text, rules and pictures cover."""
    height = float(page.height)
    bottoms = [c["bottom"] for c in page.chars] + [r["bottom"] for r in page.rects]
    bottoms += [i["bottom"] for i in page.images] + [ln["bottom"] for ln in page.lines]
    tops = [c["top"] for c in page.chars] + [i["top"] for i in page.images]
    body_b = [b for b in bottoms if HEADER < b < height - FOOTER]
    body_t = [t for t in tops if HEADER < t < height - FOOTER]
    if not body_b or not body_t:
        return 0.0
    return (max(body_b) - min(body_t)) / (height - HEADER - FOOTER)


def _lines(page) -> list[str]:
    return [ln.strip() for ln in (page.extract_text() or "").splitlines() if ln.strip()]


def test_no_page_but_the_last_is_near_empty(en_report, fr_report):
    """Every page but a chapter's last uses at least 15% of its height: a section's last rows
    no longer sit alone on a page before the next section's page (the fixture's stock table
    'location_type' did, 10%). An annex (the methodology, the validation) starts a page
    wherever the chapter before it ends, as every other chapter does (issue 20: the English
    methodology began mid-page under the stock's last table): that chapter's last page may be
    short, as in a book."""
    for path, lang in ((en_report, "en"), (fr_report, "fr")):
        tr = Translator(lang)
        annexes = {tr("methodology"), tr("validation")}
        with pdfplumber.open(str(path)) as pdf:
            used = [_used(p) for p in pdf.pages]
            starts = [(_lines(p) or [""])[0] for p in pdf.pages]
        low = [
            (i, round(u, 2))
            for i, u in enumerate(used[:-1], 1)
            if u < 0.15 and starts[i] not in annexes
        ]
        assert not low, (path.name, low)
        # the annexes each start a page
        assert all(any(s == a for s in starts) for a in annexes), (path.name, annexes)


def _doc(flowables: list, lang: str = "en") -> list[list[str]]:
    out = io.BytesIO()
    doc = ReportDoc(out, "A4", lang)
    doc.build(flowables)
    with pdfplumber.open(io.BytesIO(out.getvalue())) as pdf:
        return [_lines(p) for p in pdf.pages]


def _filler(share: float, styles) -> list:
    """A line of text and space filling ``share`` of an A4 page's body."""
    body = ReportDoc(io.BytesIO(), "A4", "en").height
    return [Paragraph("Filler line.", styles.body), Spacer(1, share * body - 20)]


def _rows(n: int, tag: str = "Row") -> list[list[str]]:
    return [[f"{tag} {i}", f"{i}.0%", f"{i + 1}.0%"] for i in range(n)]


def test_a_split_table_says_whose_it_is_on_the_next_page():
    styles = make_styles("en")
    more = Translator("en")("continued", title="IDP stock by cause and year")
    assert more == "IDP stock by cause and year (continued)"
    table = make_table(["All displaced", "Number", "n"], _rows(90), [200, 100, 80], styles, "en",
                       continued="IDP stock by cause and year")  # fmt: skip
    pages = _doc([Paragraph("IDP stock by cause and year", styles.h3), table])
    assert len(pages) >= 2
    assert not any("(continued)" in ln for ln in pages[0])
    for page in pages[1:]:  # the line, then the repeated header row, then more rows
        assert page[0] == more, page[:2]
        assert page[1].startswith("All displaced Number"), page[:2]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_breakdown_table_starting_a_page_names_its_indicator(lang):
    """Two breakdown tables after a nearly full page: the one that still fits has no line, the
    one pushed to the next page starts it with "<indicator> (continued)", then its caption
    ("By district"), then its header row."""
    styles = make_styles(lang)
    tr = Translator(lang)
    more = tr("continued", title="Victims of violence")
    parts = [
        (d, d, TableData([d, "A", "B"], _rows(4, d))) for d in ("Sex", "District")
    ]  # fmt: skip
    tables = disaggregation_tables(parts, 480, styles, lang, "Victims of violence")
    pages = _doc([*_filler(0.83, styles), *tables], lang)
    assert len(pages) == 2
    flat_first = " ".join(pages[0])
    assert "Sex" in flat_first and "(" not in flat_first
    if lang == "en":
        assert pages[1][0] == more and pages[1][1] == "By district", pages[1][:3]
        assert pages[1][2].startswith("District A B"), pages[1][:3]
    else:  # shaped glyphs (presentation forms) in visual order, the title as written
        line = unicodedata.normalize("NFKC", pages[1][0])
        assert "تابع"[::-1] in line and "Victims of violence" in line, pages[1][:2]
        caption = unicodedata.normalize("NFKC", pages[1][1])
        assert "حسب"[::-1] in caption and "district" in caption, pages[1][:3]
        assert pages[1][2].endswith("District"), pages[1][:3]


def test_a_table_that_fits_its_page_gets_no_line():
    styles = make_styles("en")
    table = make_table(["Sex", "A", "B"], _rows(5), [200, 100, 80], styles, "en",
                       continued="X", at_top=True)  # fmt: skip
    pages = _doc([Paragraph("Before.", styles.body), KeepTogether([table])])
    assert pages == [["Before.", "Sex A B", *[f"Row {i} {i}.0% {i + 1}.0%" for i in range(5)]]]


@pytest.mark.parametrize("fill", [0.05, SECTION_FILL / 2, 0.33, SECTION_FILL * 1.5])
def test_a_chapter_starts_a_new_page_however_little_the_one_before_holds(fill):
    """Criterion 8, Module B and the solutions measure began mid-page under the last rows of the
    chapter before when these filled less than 40% of the page, while every other chapter began
    a page (rd17: en p. 65, fr pp. 69 and 74): each starts a page now, nothing at a page's top
    (no blank page)."""
    styles = make_styles("en")
    heading = Heading("Criterion 8", 0, "c8", styles.h1, "en")
    pages = _doc([*_filler(fill, styles), SectionBreak(), heading, Spacer(1, 1)])
    assert len(pages) == 2 and pages[1][0] == "Criterion 8", (fill, pages)
    assert "Criterion 8" not in pages[0], pages[0]
    pages = _doc([SectionBreak(), heading, Spacer(1, 1)])
    assert pages == [["Criterion 8"]], pages


@pytest.mark.slow
def test_the_first_chapter_starts_a_page_after_the_summary():
    """The summary ends with a chapter break: Module A starts the next page."""
    story = _story("en")
    at = next(i for i, f in enumerate(story) if getattr(f, "key", "") == "criterion-A")
    assert isinstance(story[at - 1], SectionBreak), type(story[at - 1]).__name__


@pytest.mark.slow
def test_a_headings_lead_text_keeps_with_the_block_after_it():
    """The note under a criterion's heading and the stock's introduction travel with the
    first table or chart after them ("Estimated IDP stock" and its note stood at the foot of
    page 61, the table on page 62)."""
    flat = _story("en")
    checked = 0
    for i, f in enumerate(flat[:-2]):
        if not isinstance(f, Heading):
            continue
        nxt, after = flat[i + 1], flat[i + 2]
        small = getattr(getattr(nxt, "style", None), "name", "") == "small"
        if small and isinstance(after, KeepTogether):
            assert nxt.getKeepWithNext(), f.text
            checked += 1
    assert checked >= 10  # every criterion and module, and the stock


# ---------------------------------------------------------------------------------- Word


def _keep(p) -> bool:
    ppr = p.find(qn("w:pPr"))
    return ppr is not None and ppr.find(qn("w:keepNext")) is not None


def test_word_rows_never_split_and_a_long_tables_title_keeps_with_its_first_rows():
    """Every Word row is "can't split" (a row's lines fell on two pages); a kept-together
    block with a table longer than a page chains "keep with next" through its title, its first
    rows and its last rows only — chained through every row, LibreOffice left the stock title
    "IDP stock by cause and year of displacement" alone on a page, its table on the next."""
    styles = make_styles("en")
    title = Paragraph("IDP stock by cause and year", styles.h3)
    long = make_table(["All displaced", "Number", "n"], _rows(70), [200, 100, 80], styles, "en")
    short = make_table(["Sex", "Number", "n"], _rows(5), [200, 100, 80], styles, "en")
    note = Paragraph("* Not published.", styles.small)
    r = DocxRenderer(_docx_meta("en"))
    r.add([KeepTogether([title, long, note]), KeepTogether([short, note])])
    body = r.doc.element.body
    tables = body.findall(qn("w:tbl"))
    for tbl in tables:
        for tr in tbl.findall(qn("w:tr")):
            assert tr.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None
    first = body.find(qn("w:p"))
    assert "".join(t.text for t in first.iter(qn("w:t"))) == "IDP stock by cause and year"
    assert _keep(first)
    rows = tables[0].findall(qn("w:tr"))
    kept = [all(_keep(p) for p in row.iter(qn("w:p"))) for row in rows]
    assert kept[:3] == [True] * 3 and kept[-2:] == [True] * 2 and not any(kept[3:-2])
    # a short table is kept whole, with its note
    assert all(_keep(p) for tr in tables[1].findall(qn("w:tr")) for p in tr.iter(qn("w:p")))


def test_word_fingerprints_heading_and_hashes_are_one_block(en_report):
    doc = Document(str(en_report.with_suffix(".docx")))
    body = list(doc.element.body)
    texts = ["".join(t.text or "" for t in el.iter(qn("w:t"))) for el in body]
    at = len(texts) - 1 - texts[::-1].index("Fingerprints")  # the heading, not its contents entry
    assert _keep(body[at])
    tbl = body[at + 1]
    assert tbl.tag == qn("w:tbl")
    for tr in tbl.findall(qn("w:tr")):
        assert tr.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None
        assert all(_keep(p) for p in tr.iter(qn("w:p")))


def test_a_heading_and_a_table_longer_than_a_page_start_where_they_are():
    """A heading with a table longer than a page starts on the half-empty page it reaches, the
    heading with the table's first rows, not on the next (the demo's "Indicator definitions"
    left most of a page blank); a heading and a table that fit on one page still move whole."""
    styles = make_styles("en")

    def block(n: int) -> list:
        head = Heading("Indicator definitions", 0, "defs", styles.h2, "en")
        table = make_table(["Indicator", "Definition"], _rows(n)[:n], [200, 180], styles, "en",
                           continued="Indicator definitions")  # fmt: skip
        return [head, table]

    pages = _doc([*_filler(0.5, styles), *block(90)])
    assert "Indicator definitions" in pages[0] and "Row 0 0.0%" in pages[0], pages[0][-3:]
    assert pages[1][0] == "Indicator definitions (continued)"
    pages = _doc([*_filler(0.5, styles), *block(40)])  # fits a page, not what is left of this
    assert "Indicator definitions" not in pages[0] and pages[1][0] == "Indicator definitions"


# ------------------------------------------------------------------- headings at a page's foot


def _text_lines(page) -> list[tuple[float, bool, str, float]]:
    """The page's body lines, top to bottom: (largest font size, any bold, text, bottom)."""
    rows: dict[int, list] = {}
    for c in page.chars:
        if c["top"] > HEADER and c["bottom"] < float(page.height) - FOOTER:
            rows.setdefault(round(c["top"] / 2), []).append(c)
    return [
        (
            max(c["size"] for c in cs),
            any("Bold" in c["fontname"] for c in cs),
            "".join(c["text"] for c in sorted(cs, key=lambda c: c["x0"])),
            max(c["bottom"] for c in cs),
        )
        for _k, cs in sorted(rows.items())
    ]


def _ends_with_heading(page) -> str:
    """The heading or table title (bold, 9.5 pt and larger) a page ends with, or the section
    or indicator heading (11.5 pt and larger) with under it only its small lead notes (7.5 pt:
    "Weighted counts of displaced units …", an indicator's definition) — "" when something of
    its own follows it on the page (a table title's content is a table, or small lines; an
    indicator's heading and notes, its chart below them)."""
    lines = _text_lines(page)
    pictures = [i["bottom"] for i in page.images if i["bottom"] < float(page.height) - FOOTER]
    if pictures and lines and max(pictures) > lines[-1][3]:
        return ""  # a chart under its heading and lead notes ends the page
    if lines and lines[-1][1] and lines[-1][0] >= 9.4:
        return lines[-1][2]
    while lines and lines[-1][0] < 7.6 and not lines[-1][1]:
        lines.pop()
    if lines and lines[-1][1] and lines[-1][0] >= 11:
        return lines[-1][2]
    return ""


def test_no_page_ends_with_a_heading(en_report, fr_report):
    """No page ends with a heading, a table title or a heading and its lead note, their content
    on the next page: the French report's "Effectif estimé de personnes déplacées" and its
    introduction stood at the foot of a page, the stock table on the next (the English demo's
    page 60 too)."""
    for path in (en_report, fr_report):
        with pdfplumber.open(str(path)) as pdf:
            stranded = [(i, t) for i, p in enumerate(pdf.pages, 1) if (t := _ends_with_heading(p))]
        assert not stranded, (path.name, stranded)


def _stock_block(styles, rows: int) -> list:
    """A heading, its lead note and a titled table kept together, as the stock section has."""
    head = Heading("Estimated IDP stock", 0, "stock", styles.h2, "en")
    note = Paragraph("Weighted counts of displaced units.", styles.small)
    note.keepWithNext = True  # type: ignore[attr-defined]  # as pdf_sections.lead sets it
    title = Paragraph("IDP stock by sex", styles.h3)
    table = make_table(["Sex", "Number", "n"], _rows(rows), [200, 100, 80], styles, "en",
                       continued="IDP stock by sex")  # fmt: skip
    return [head, note, KeepTogether([title, table])]


def test_a_heading_and_lead_note_move_with_the_kept_block_after_them():
    """reportlab keeps a heading with the next flowable unless that one is a kept-together
    block: the heading and its note stayed at the foot of the page, the block on the next. Now
    they move with it; and with a block longer than a page they start where they are, with the
    block's first rows, when those fit (else all move on)."""
    styles = make_styles("en")
    pages = _doc([*_filler(0.6, styles), *_stock_block(styles, 20)])
    assert len(pages) == 2 and "Estimated IDP stock" not in pages[0], pages[0][-3:]
    assert pages[1][:3] == ["Estimated IDP stock", "Weighted counts of displaced units.",
                            "IDP stock by sex"]  # fmt: skip
    pages = _doc([*_filler(0.9, styles), *_stock_block(styles, 90)])  # a tenth left: on
    assert "Estimated IDP stock" not in pages[0] and pages[1][0] == "Estimated IDP stock"
    pages = _doc([*_filler(0.72, styles), *_stock_block(styles, 90)])
    assert "Estimated IDP stock" in pages[0] and "Row 0 0.0% 1.0%" in pages[0], pages[0][-5:]
    assert pages[1][0] == "IDP stock by sex (continued)"
    for page in pages:
        assert page[-1] not in ("Estimated IDP stock", "Weighted counts of displaced units.",
                                "IDP stock by sex"), page[-3:]  # fmt: skip
