"""Pages filled to their foot (issue 20, page flow, read page by page in the demo of round 12):
an indicator whose chart has two rows of panels (half a page) moved whole to the next page with
its heading, leaving the page before 30–45% blank (English p. 24, French pp. 9 and 16, Arabic
pp. 19, 28 and 33); a stock table moved whole to the next page likewise (English pp. 60–61,
Arabic p. 56); and a long table whose last part filled its page left its notes alone at the
top of the next. Measured in small documents laid out by the report's own template."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from reportlab.graphics.shapes import Drawing, Rect
from reportlab.platypus import KeepTogether, Paragraph, Spacer
from test_reporting_page_continued import _rows

from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_doc import ReportDoc
from workbench.reporting.pdf_flow import ChartThenTable, lead, with_notes
from workbench.reporting.pdf_tables import disaggregation_tables, indicator_table, make_table
from workbench.reporting.pdf_text import Heading, make_styles
from workbench.reporting.views import TableData

TITLE = "Felt discriminated against"


def _body() -> float:
    return ReportDoc(io.BytesIO(), "A4", "en").height


def _pages(flowables: list, lang: str = "en") -> list:
    """Each page's text lines and the share of its body left blank below its lowest mark."""
    out = io.BytesIO()
    doc = ReportDoc(out, "A4", lang)
    doc.build(flowables)
    top, bottom = doc.topMargin, doc.bottomMargin
    pages = []
    with pdfplumber.open(io.BytesIO(out.getvalue())) as pdf:
        for p in pdf.pages:
            height = float(p.height)
            marks = [c["bottom"] for c in p.chars] + [r["bottom"] for r in p.rects]
            body = [b for b in marks if b < height - bottom + 1]
            blank = (height - bottom - max(body, default=top)) / (height - top - bottom)
            lines = [ln.strip() for ln in (p.extract_text() or "").splitlines() if ln.strip()]
            pages.append((lines, blank))
    return pages


def _filler(share: float, styles) -> list:
    return [Paragraph("Filler line.", styles.body), Spacer(1, share * _body() - 20)]


def _chart(share: float) -> Drawing:
    """A chart of two rows of panels: ``share`` of a page's body high."""
    d = Drawing(480, share * _body())
    d.add(Rect(0, 0, 480, share * _body(), fillColor=None, strokeWidth=1))
    return d


def _indicator(styles, lang: str, chart: float = 0.45) -> list:
    """An indicator as ``Builder.indicator`` lays it out: heading, definition, chart, main table,
    two breakdown tables and the notes."""
    head = Heading(TITLE, 0, "ind-x", styles.h2, lang)
    definition = lead(Paragraph("Definition: share of the target population.", styles.small))
    main = TableData(["Population group", "Estimate", "n"], _rows(4, "Group"))
    table = indicator_table(main, 480, styles, lang, TITLE)
    out = [ChartThenTable([head, definition, _chart(chart), table], tail=1)]
    parts = [(d, d, TableData([d, "A", "B"], _rows(4, d))) for d in ("Sex", "District")]
    out += disaggregation_tables(parts, 480, styles, lang, TITLE)
    ahead = Paragraph("Notes: see the end of the table.", styles.small)
    return with_notes(out, [Paragraph("* Not published.", styles.small)], ahead)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_tall_chart_starts_the_next_page_under_its_heading(lang):
    """38% of the page free: the chart (45%) does not fit. The heading, definition, chart and
    table start the next page together, in that order — the main table no longer goes first
    with the chart after the tables under "<indicator>: chart" (11 indicators of the demo,
    en/fr/ar: readers looked above the table for the chart and did not find it)."""
    styles = make_styles(lang)
    pages = _pages([*_filler(0.6, styles), *_indicator(styles, lang)], lang)
    (first, _blank), (second, _b) = pages[0], pages[1]
    assert not any(TITLE in ln or "Group" in ln for ln in first), first
    assert TITLE in second[0], second[:2]
    assert any("Group 3" in ln for ln in second), second
    assert not any(Translator(lang)("continued", title=TITLE) in ln for ln in second)


def test_a_chart_that_fits_stays_above_its_table():
    """With room for the chart, the order is the usual one: heading, chart, then the table
    (here, or on the next page under "(continued)")."""
    styles = make_styles("en")
    pages = _pages([*_filler(0.3, styles), *_indicator(styles, "en")])
    first = pages[0][0]
    assert TITLE in first and not any("(continued)" in ln for ln in first[:3])


def _stock(styles, rows: int) -> list:
    title = Paragraph("IDP stock by district and district of origin", styles.h3)
    table = make_table(["District", "Number", "n"], _rows(rows), [200, 100, 80], styles, "en",
                       continued="IDP stock by district")  # fmt: skip
    notes = [Paragraph(f"Note {i}: rounded figures.", styles.small) for i in range(2)]
    ahead = Paragraph("Notes: see the end of the table.", styles.small)
    return with_notes([KeepTogether([title, table])], notes, ahead)


def test_a_long_table_starts_at_the_foot_of_a_page_with_its_title():
    """A third of the page free and a 24-row stock table that fits a page: it starts there
    with its title and first rows, the rest goes on under "(continued)"."""
    styles = make_styles("en")
    pages = _pages([*_filler(0.64, styles), *_stock(styles, 24)])
    (first, blank), (second, _b) = pages[0], pages[1]
    assert blank < 0.30, (round(blank, 2), first[-3:])
    assert "IDP stock by district and district of origin" in first
    assert "Row 2 2.0% 3.0%" in first, first[-4:]  # at least three rows under the header
    assert second[0] == "IDP stock by district (continued)", second[:2]
    assert second[-1] == "Note 1: rounded figures.", second[-2:]


def test_a_short_table_still_moves_whole():
    """A breakdown's five rows are not split across pages: the table moves on whole."""
    styles = make_styles("en")
    pages = _pages([*_filler(0.86, styles), *_stock(styles, 5)])
    assert "IDP stock by district and district of origin" not in pages[0][0]
    assert pages[1][0][:4] == ["IDP stock by district and district of origin", "District Number n",
                               "Row 0 0.0% 1.0%", "Row 1 1.0% 2.0%"]  # fmt: skip


@pytest.mark.parametrize("rows", range(40, 56))
def test_a_tables_notes_keep_with_its_last_rows(rows):
    """Whatever the length of a table, its notes never start a page alone: they share it with
    at least the table's last two rows (a last part that filled its page left them alone)."""
    styles = make_styles("en")
    pages = _pages(_stock(styles, rows))
    for lines, _blank in pages:
        if "Note 0: rounded figures." in lines:
            at = lines.index("Note 0: rounded figures.")
            assert at >= 2 and lines[at - 2].startswith("Row "), (rows, lines[:4])


def test_a_criterion_whose_first_chart_does_not_fit_starts_the_next_page():
    """A section's last lines fill a third of the page and the next criterion's first chart
    (two rows of panels) does not fit below them with its headings: the criterion's heading,
    lead note, indicator heading, chart and table start the next page together (the chart is
    never moved after the tables to fill the page)."""
    from workbench.reporting.pdf_flow import SectionBreak

    styles = make_styles("en")
    criterion = Heading("Criterion 3: Employment", 0, "criterion-3", styles.h1, "en")
    note = lead(Paragraph("Bars: estimates; whiskers: 95% confidence intervals.", styles.small))
    tall = _indicator(styles, "en", chart=0.58)  # does not fit below with the headings
    story = [*_filler(0.34, styles), SectionBreak(), criterion, note, *tall]
    pages = _pages(story)
    first, second = pages[0][0], pages[1][0]
    assert "Criterion 3: Employment" not in first and TITLE not in first, first
    assert second[0] == "Criterion 3: Employment", second[:3]
    assert TITLE in second and "Group 3 3.0% 4.0%" in second, second


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_heading_and_chart_never_end_a_page_with_the_numbers_overleaf(lang):
    """en pp. 22→23, 27→28, 28→29: the heading, definition and chart fitted at a page's foot,
    the main table did not and went overleaf under "(continued)" — the reader turned the page
    for the first number. The heading, chart and table's first rows are on one page."""
    styles = make_styles(lang)
    pages = _pages([*_filler(0.55, styles), *_indicator(styles, lang, chart=0.3)], lang)
    at = next(i for i, (lines, _b) in enumerate(pages) if any(TITLE in ln for ln in lines))
    here = pages[at][0]
    assert any("Estimate" in ln for ln in here), here
    assert any("Group 3" in ln for ln in here), here[-4:]


@pytest.mark.parametrize("filler", [0.36 + 0.01 * i for i in range(12)])
def test_a_short_main_table_is_never_split_from_its_comparator_row(filler):
    """Wherever the page ends under the chart, the main table's four rows stay on one page: the
    comparator's row stood alone atop the next page, away from the differences it anchors, and
    a header with one row was left at a page's foot (rd17: en pp. 17–18, 24–25, 53–54)."""
    styles = make_styles("en")
    pages = _pages([*_filler(filler, styles), *_indicator(styles, "en")])
    where = {
        row: [i for i, (lines, _b) in enumerate(pages) if any(ln.startswith(row) for ln in lines)]
        for row in ("Group 0", "Group 3")
    }
    assert where["Group 0"] == where["Group 3"] and len(where["Group 0"]) == 1, (filler, where)


@pytest.mark.parametrize("before", [0.0, 0.05, 0.3])
def test_a_block_taller_than_a_page_keeps_its_short_table_whole(before):
    """A chart of two rows of tall panels makes the heading, chart and table taller than a page:
    the table went on split, its comparator row alone atop the next page (rd17: en pp. 17–18).
    The heading and chart take the page, the four rows go on whole."""
    styles = make_styles("en")
    lead_in = _filler(before, styles) if before else []  # a page's top, or below a section
    pages = _pages([*lead_in, *_indicator(styles, "en", chart=0.93)])
    where = [i for i, (lines, _b) in enumerate(pages) for ln in lines if ln.startswith("Group ")]
    assert len(where) == 4 and len(set(where)) == 1, (before, where)
    heading = next(i for i, (lines, _b) in enumerate(pages) if any(TITLE in ln for ln in lines))
    assert TITLE in pages[heading][0][0] and where[0] == heading + 1, (before, heading, where)


def _no_breakdown(styles, lines: int) -> list:
    """An indicator with no breakdown table: heading, chart, main table, a line saying its
    breakdown has no published cell (``lines`` lines long), then the table's notes."""
    head = Heading(TITLE, 0, "ind-x", styles.h2, "en")
    main = TableData(["Population group", "Estimate", "n"], _rows(4, "Group"))
    table = indicator_table(main, 480, styles, "en", TITLE)
    out = [ChartThenTable([head, _chart(0.2), table], tail=1)]
    out.append(Paragraph("District: no value published. " * (6 * lines), styles.small))
    notes = [Paragraph(f"Note {i}: what a mark means. " * 6, styles.small) for i in range(4)]
    return with_notes(out, notes)


@pytest.mark.parametrize("before", [0.3 + 0.05 * i for i in range(7)])
def test_a_short_notes_block_is_never_split_from_its_table(before):
    """rd17 fr pp. 68–69: the line saying a breakdown has no published cell ran over the page's
    foot and the table's notes went on alone atop the next page, away from their table (four
    note lines there, then the next chapter). The line joins the notes, kept with the short
    table they follow."""
    styles = make_styles("en")
    pages = _pages([*_filler(before, styles), *_no_breakdown(styles, 3)])
    at = {
        key: [i for i, (lines, _b) in enumerate(pages) if any(key in ln for ln in lines)]
        for key in ("Group 3", "District: no value", "Note 0", "Note 3")
    }
    assert all(len(v) == 1 for v in at.values()), (before, at)
    assert len({v[0] for v in at.values()}) == 1, (before, at)


def _png_chart(share: float):
    """A chart picture ``share`` of a page's body high, drawn full width as the report does."""
    from PIL import Image as Picture
    from reportlab.platypus import Image

    data = io.BytesIO()
    Picture.new("RGB", (480, int(share * 480 * 2)), "white").save(data, "PNG")
    img = Image(io.BytesIO(data.getvalue()))
    img.drawWidth, img.drawHeight = 480, share * _body()
    return img


@pytest.mark.parametrize(("short", "here"), [(0.1, True), (0.3, False)])
def test_a_chart_a_little_too_tall_for_the_rest_of_a_page_is_drawn_smaller(short, here):
    """rd17 (en pp. 10, 18, 20, 22; fr 10, 18, 20, 22, 41, 55; ar 9, 15, 23, 34): an indicator
    whose chart has two rows of panels did not fit below the last breakdown tables of the one
    before and started the next page, leaving that page half to three-quarters blank. When its
    chart drawn a little smaller (at least 85% of its size) lets the heading, chart and main
    table fit, they stay on this page; a chart much too tall still starts the next page."""
    from reportlab.platypus.flowables import _listWrapOn

    styles = make_styles("en")
    chart = _png_chart(0.5)
    head = Heading(TITLE, 0, "ind-x", styles.h2, "en")
    main = TableData(["Population group", "Estimate", "n"], _rows(4, "Group"))
    block = [head, chart, indicator_table(main, 480, styles, "en", TITLE)]
    need = _listWrapOn(block, 480, None)[1] + head.getSpaceBefore()
    filler = Paragraph("Filler line.", styles.body)
    used = _listWrapOn([filler], 480, None)[1] + filler.getSpaceAfter()
    free = _body() - 12 - used  # the frame's padding
    gap = free - need + short * chart.drawHeight  # what the rest of the page lacks
    pages = _pages([filler, Spacer(1, gap), ChartThenTable(block, tail=1)])
    on = [i for i, (lines, _b) in enumerate(pages) if any(TITLE in ln for ln in lines)]
    rows = [i for i, (lines, _b) in enumerate(pages) if any("Group 3" in ln for ln in lines)]
    assert on == rows == ([0] if here else [1]), (short, on, rows, len(pages))


@pytest.mark.parametrize(("short", "together"), [(0.1, True), (0.3, False)])
def test_a_block_taller_than_a_page_keeps_its_short_table_with_a_chart_a_little_smaller(
    short, together
):
    """rd18 ar pp. 17, 24, 39, 55: under a criterion's heading and lead note, an indicator's
    chart of two rows of tall panels stood alone on its page, about a quarter of it blank, and
    its short main table went on overleaf. When the chart drawn a little smaller (at least 85%
    of its size) lets the table fit under it, both stay on the page; a chart much too tall still
    sends the whole table on, never split."""
    from reportlab.platypus.flowables import _listWrapOn

    styles = make_styles("en")
    head = Heading(TITLE, 0, "ind-x", styles.h2, "en")
    main = TableData(["Population group", "Estimate", "n"], _rows(4, "Group"))
    table = indicator_table(main, 480, styles, "en", TITLE)
    lead = Paragraph("Criterion heading and its lead note.", styles.body)
    note = Spacer(1, 0.3 * _body())  # the criterion's lead note, kept with the indicator
    chart = _png_chart(0.4)
    block = [lead, note, head, chart, table]
    # a chart that lets the block fit a page only drawn `short` of its height smaller: the
    # block is taller than a page
    lack = _body() - 12 - _listWrapOn(block, 480, None)[1]
    target = (chart.drawHeight + lack) / (1 - short)
    chart.drawWidth, chart.drawHeight = 480 * target / chart.drawHeight, target
    pages = _pages([ChartThenTable(block, tail=1)])
    on = [i for i, (lines, _b) in enumerate(pages) if any(TITLE in ln for ln in lines)]
    rows = [i for i, (lines, _b) in enumerate(pages) if any("Group 0" in ln for ln in lines)]
    last = [i for i, (lines, _b) in enumerate(pages) if any("Group 3" in ln for ln in lines)]
    assert rows == last, (on, rows, last)  # never split
    if together:
        assert on == rows == [0], (short, on, rows)
    else:  # the chart is not squeezed below 85% of its size to hold the table
        assert rows != [0], (short, on, rows)
