"""The report's sections as lists of flowables."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import FILL_EVEN_ODD
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from workbench.languages import join_list
from workbench.reporting.chart_pool import Job
from workbench.reporting.charts import (
    MAX_CATEGORIES,
    chart_alt,
    chart_figure,
    encode,
    encode_pair,
    panel_count,
)
from workbench.reporting.context import (
    CRITERIA,
    ReportContext,
    _in_sentence,
    after_by,
    labelled,
    with_code,
)
from workbench.reporting.fmt import (
    COMPLEMENTARY,
    EMPTY,
    cell_flag,
    fmt_ci,
    fmt_count,
    fmt_value,
    mark_flag,
    with_flag,
)
from workbench.reporting.fonts import REGULAR
from workbench.reporting.i18n import Translator, count_header
from workbench.reporting.judging import grid_comparator, grid_counts, grid_heading, grid_intro
from workbench.reporting.options import ReportOptions
from workbench.reporting.palette import LIMITED_STYLE, RATING_STYLE, hatched
from workbench.reporting.pdf_contents import balanced_entry, draw_entry_end
from workbench.reporting.pdf_flow import (
    CHART_GAP,
    ChartThenTable,
    ContinuedTable,
    SectionBreak,
    TableBlock,
    lead,
    with_notes,
)
from workbench.reporting.pdf_stock import StockSection
from workbench.reporting.pdf_tables import (
    GAP as CELL_GAP,
)
from workbench.reporting.pdf_tables import (
    WRAPPED_GAP,
    disaggregation_tables,
    fit_widths,
    indicator_table,
    make_table,
)
from workbench.reporting.pdf_text import Heading, RTLParagraph, Styles, para
from workbench.reporting.pdf_xref import page_ref
from workbench.reporting.rtl import is_rtl
from workbench.reporting.solutions_notes import (
    breakdown_empty_notes,
    comparator_note,
    headline_notes,
    host_not_assessed,
    methods_notes,
    uncovered_notes,
)
from workbench.reporting.summary import (
    KEY_GAPS,
    KEY_STRENGTHS,
    Grid,
    below_shown,
    grid_totals,
    idp_stock,
    key_gaps,
    more_gaps_note,
    solutions_headline,
    solutions_withheld,
    stock_source,
    tests_made,
    traffic_light,
)
from workbench.reporting.table_notes import (
    no_interval_note,
    not_compared_notes,
    uncovered_note,
)
from workbench.reporting.views import (
    ASSESSMENT_NOTES,
    CAUTION_DIFFERENCE,
    CHART_DISPLACED_ONLY,
    COMPARATOR_TOTAL_WITHHELD,
    COMPARATOR_WITHHELD,
    COUNTS,
    INCONCLUSIVE_MID,
    MEDIAN_INTERVAL,
    NO_MID_ASSESSMENTS,
    NO_MID_LABEL,
    SMALL_LABEL,
    IndicatorView,
    Withheld,
    n_header,
)
from workbench.stats.results import ALL_DISPLACED, AnalysisResults
from workbench.stats.solutions import UNIT as SOLUTIONS_UNIT

#: a chart's name and alternative text in the Word files (:func:`charts.chart_alt`), or None
Alt = tuple[str, str] | None


def rating_text(tr: Translator, rating: str) -> str:
    """A traffic-light cell: its symbol and word, so it reads without colour (greyscale). The
    engine rates a cell "green" (No gap) only when each indicator was shown not worse, and
    "inconclusive" when none is worse but not all were shown so (stats.summary.rate)."""
    return f"{RATING_STYLE[rating][1]} {tr(f'rating_{rating}')}"


def grid_cell(
    tr: Translator,
    rating: str,
    worse: int,
    assessed: int,
    left: int,
    better: int = 0,
    indicators: int = 0,
    inconclusive: int = 0,
) -> str:
    """A traffic-light cell's text: symbol and word, the indicators worse of those assessed,
    on a line of its own how many were substantively better ("Worse 11/13" hid the one better,
    issue 20), and how many of the criterion's indicators were not compared — counted so in
    every cell (a cell "Limited evidence: 1 of 5" beside cells "2 not compared" counted the
    same thing two ways, rd17 en p.5) —, then, when the engine marked the rating as resting on
    limited evidence (``indicators``: the criterion's indicators compared for the group),
    "Limited evidence" on a line of its own (a cell "Worse 1/1" rested on 1 of its 5
    indicators and looked as firm as "9/9"). Inconclusive indicators (not significant, the
    interval reaching the minimum important difference) are counted after the better ones, the
    same way: "1 inconclusive" (rd17 p.23)."""
    text = rating_text(tr, rating) + (f" {worse}/{assessed}" if assessed else "")
    if better:
        text += "\n" + tr("grid_better", count=better)
    if inconclusive:
        text += "\n" + tr("grid_inconclusive", count=inconclusive)
    if left:
        text += "\n" + tr("grid_not_compared", count=left)
    return text + ("\n" + tr("grid_limited") if indicators else "")


def grid_legend(tr: Translator, grid: Grid) -> str:
    """The traffic light's legend: each rating's symbol and word, and what "k better", "k
    inconclusive", "k not
    compared" and a hatched "Limited evidence" cell mean when a cell shows them."""
    legend = "   ".join(rating_text(tr, r) for r in RATING_STYLE)
    cells = [(c, g) for c in grid.criteria for g in grid.groups]
    notes = [
        tr(key)
        for key, shown in (
            ("grid_better_legend", any(grid.better.get(k, 0) for k in cells)),
            ("grid_inconclusive_legend", any(grid.inconclusive.get(k, 0) for k in cells)),
            ("grid_not_compared_legend", any(grid.not_compared.get(k, 0) for k in cells)),
            ("grid_limited_legend", any(k in grid.limited for k in cells)),
        )
        if shown
    ]
    # a full stop ends the symbols: « ○ Sans données « k non comparés » : … » read as one
    # label (fr_A rd15 2)
    return legend + "".join(".   " + n if i == 0 else "   " + n for i, n in enumerate(notes))


#: a limited-evidence cell's hatching: white stripes this far apart and this wide, over its
#: fill in a frame this wide inside its edges, within the cells' padding — the text inside it
#: on the plain fill (stripes across the words made them hard to read), each line holding as
#: many words as in the cells beside it (« ■ Moins favorable 1/1 » kept its « 1/1 »), the row
#: no taller (the French briefing's overview ran onto a fourth page)
HATCH_STEP, HATCH_WIDTH, HATCH_SIDE, HATCH_BAND = 3.0, 1.2, 2.6, 2.6
#: a limited-evidence cell's text stands this far clear of its hatched frame (points): at the
#: table's padding its first letters started on the frame and its last line sat on the bottom
#: edge (rd17 en/ar p.5)
HATCH_CLEAR = 2.0
#: between the traffic light and its legend (points): the legend's line started right under
#: the last row (rd17 ar p.5)
GRID_LEGEND_GAP = 5.0
#: the most of the width the traffic light's group columns take together (its criteria's
#: names keep the rest)
GRID_MOST = 0.7
#: a table cell's left and right padding (points, :func:`pdf_tables.make_table`)
CELL_PAD = 3.0


def hatch_limited(table: Table, event: str, *args: Any) -> None:
    """A table's render callback: a frame of white diagonal stripes over the fill of each cell
    whose value is a limited-evidence cell (:func:`palette.hatched`: the traffic light's cells
    whose rating rests on fewer than half of the criterion's indicators), drawn before the
    cell's text — the mark reads in greyscale too. The mark is the cell's paragraph style, so
    it holds on each part of a split table and in the copies of its paragraphs a table lays
    out."""
    if event != "startCell":
        return
    _row, _col, value, _style, (x, y), (w, h) = args
    if not hatched(value):
        return
    canv = table.canv
    canv.saveState()
    path = canv.beginPath()
    path.rect(x, y, w, h)
    a, b = HATCH_SIDE, HATCH_BAND
    path.rect(x + a, y + b, w - 2 * a, h - 2 * b)
    canv.clipPath(path, stroke=0, fill=0, fillMode=FILL_EVEN_ODD)  # the band only
    canv.setStrokeColor(colors.white)
    canv.setLineWidth(HATCH_WIDTH)
    k = -h
    while k < w:  # each stripe cut to the cell, so none reaches into the next
        t0, t1 = max(0.0, -k), min(h, w - k)
        if t1 > t0:
            canv.line(x + k + t0, y + t0, x + k + t1, y + t1)
        k += HATCH_STEP
    canv.restoreState()


def headings_kept(entries: list[tuple], first_cells: list[Any]) -> list[tuple]:
    """``NOSPLIT`` commands for a contents table: a heading's row (with the space above it)
    stays on the page of the entry after it — the Arabic contents left "المعيار 3" and
    "الوحدة ب" alone at the foot of a page, their entries on the next. ``first_cells``: each
    row's first cell (a :class:`Spacer` for the space above a heading)."""
    # a laid-out table holds each cell's flowables in a tuple
    first_cells = [c[0] if isinstance(c, tuple | list) and c else c for c in first_cells]
    rows = [r for r, cell in enumerate(first_cells) if not isinstance(cell, Spacer)]
    out = []
    for i, (level, *_rest) in enumerate(entries[:-1]):
        if level == 0 and i + 1 < len(rows) and entries[i + 1][0] > 0:
            start = (
                rows[i] - 1 if rows[i] and isinstance(first_cells[rows[i] - 1], Spacer) else rows[i]
            )
            out.append(("NOSPLIT", (0, start), (-1, rows[i + 1])))
    return out


class KeptTableOfContents(TableOfContents):
    """reportlab's contents, a heading kept with its first entry (:func:`headings_kept`)."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        entries: list[tuple] = list(self._lastEntries)  # type: ignore[has-type]
        # each entry's lines balanced beside its leader (pdf_contents), for this layout only:
        # the entries as notified stay as they are (the multi-pass build compares them)
        self._lastEntries = [
            (level, balanced_entry(text, self.getLevelStyle(level), availWidth), *rest)
            for level, text, *rest in entries
        ]
        try:
            super().wrap(availWidth, availHeight)
        finally:
            self._lastEntries = entries
        # the leader from the end of the entry's text, not from a grid of whole dots
        styles = self.levelStyles

        def end(canvas: Any, _kind: str, label: str) -> None:
            draw_entry_end(canvas, label, styles, availWidth, self.formatter)

        self.canv.setNamedCB("drawTOCEntryEnd", end)
        if entries:
            firsts = [row[0] for row in self._table._cellvalues]
            kept = headings_kept(entries, firsts)
            if kept:
                self._table.setStyle(TableStyle(kept))
                self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height


class RtlTableOfContents(TableOfContents):
    """Contents for a right-to-left report: each entry right-aligned (deeper levels indented
    from the right) and wrapped in logical order, with its page number, linked, in a column on
    the left. reportlab's own contents draw the page number after the end of the entry's text,
    which for a right-aligned entry lies beyond the right margin (an Arabic report had no page
    numbers), and wrap already-reordered text, so a long entry's first words ended up last."""

    NUMBER_WIDTH = 14 * mm

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        entries = self._lastEntries or [(0, "", 0, None)]
        data: list[list[Flowable | str]] = []
        commands = list(self.tableStyle.getCommands()) if self.tableStyle else []
        for level, text, page, key in entries:
            base = self.getLevelStyle(level)
            number_style = ParagraphStyle(
                f"rtl_{base.name}_page", parent=base, alignment=TA_LEFT, leftIndent=0
            )
            number = f'<a href="#{key}">{page}</a>' if key else str(page)
            if base.spaceBefore:
                data.append([Spacer(1, base.spaceBefore), ""])
            row = len(data)
            data.append([Paragraph(number, number_style), RTLParagraph(text, base)])
            commands.append(("RIGHTPADDING", (1, row), (1, row), base.leftIndent))
        commands += headings_kept(entries, [row[0] for row in data])
        widths = (self.NUMBER_WIDTH, availWidth - self.NUMBER_WIDTH)
        self._table = Table(data, colWidths=widths, style=TableStyle(commands))
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height


@dataclass
class Builder(StockSection):
    ctx: ReportContext
    options: ReportOptions
    styles: Styles
    width: float
    results: AnalysisResults  # publishable
    #: pre-rendered chart images by indicator id (see :meth:`chart_job`)
    charts: dict[str, bytes] = field(default_factory=dict)
    #: the same charts at print resolution for the Word files made from this story (PNG, see
    #: ``encode_pair``); None when no Word file is made: charts are then drawn for the PDF only
    print_charts: dict[str, bytes] | None = None

    def chart_job(self, v: IndicatorView) -> Job:
        parts = (
            [(lbl, c) for _d, lbl, _t, c in v.disaggregations]
            if self.options.disaggregation_charts
            else []
        )
        return (v.chart, parts, self.width / 72, self.tr("total"), is_rtl(self.lang), self.lang)

    @property
    def tr(self) -> Translator:
        return Translator(self.ctx.language)

    @property
    def lang(self) -> str:
        return self.ctx.language

    def p(self, text: str, style: str = "body") -> Flowable:
        return para(text, getattr(self.styles, style), self.lang)

    def comparator_line(self, comparator: str) -> list[Flowable]:
        """The traffic light's comparison group, a line under its heading and kept with it."""
        if not comparator:
            return []
        line = self.p(grid_comparator(self.tr, comparator))
        line.keepWithNext = True  # type: ignore[attr-defined]
        return [line]

    def h(self, text: str, level: int, key: str) -> Heading:
        style = self.styles.h1 if level == 0 else self.styles.h2
        return Heading(text, level, key, style, self.lang)

    def image(
        self, png: bytes, width: float, print_png: bytes | None = None, alt: Alt = None
    ) -> Image:
        img = Image(io.BytesIO(png))
        img.alt = alt  # type: ignore[attr-defined]  # (name, description): charts.chart_alt
        ratio = img.imageHeight / img.imageWidth
        img.drawWidth, img.drawHeight = width, width * ratio
        img.hAlign = "RIGHT" if is_rtl(self.lang) else "LEFT"
        img.raw = png  # type: ignore[attr-defined]  # the chart's bytes, for the Word report
        # the same chart at print resolution: what the Word report embeds when there is one
        img.print_raw = print_png  # type: ignore[attr-defined]
        return img

    def figure_image(self, fig: Any, width: float, alt: Alt = None) -> Image:
        """A chart figure drawn for the PDF, and at print resolution as well when the story
        also makes a Word file (:attr:`print_charts`), from one layout."""
        if self.print_charts is None:
            return self.image(encode(fig), width, alt=alt)
        screen, printed = encode_pair(fig)
        return self.image(screen, width, printed, alt)

    # ------------------------------------------------------------------ cover + contents
    def cover(self, when: str) -> list[Flowable]:
        tr, ctx = self.tr, self.ctx
        rows = [
            (tr("cover_area"), ctx.area.shown() or tr("not_recorded")),
            (tr("cover_period"), ctx.reference_period.shown() or tr("not_recorded")),
            (tr("cover_office"), ctx.office.shown() or tr("cover_office_unset")),
            *([(tr("cover_contact"), ctx.contact)] if ctx.contact else []),
            (tr("cover_date"), when),
            (tr("cover_language"), tr("language_name")),
            (tr("cover_plan"), f"{ctx.plan_name} v{ctx.plan_version}"),
        ]
        heading = [self.p(ctx.title, "title")]
        if ctx.subtitle.text:
            heading.append(self.p(ctx.subtitle.shown(), "subtitle"))
        return [
            Spacer(1, 50 * mm),
            *heading,
            Spacer(1, 10 * mm),
            self._cover_rows(rows),
            Spacer(1, 20 * mm),
            self.p(tr("cover_confidential"), "small"),
            PageBreak(),
        ]

    def _cover_rows(self, rows: list[tuple[str, str]]) -> Table:
        cells = [[self.p(a, "cell_bold"), self.p(b, "cell")] for a, b in rows]
        widths = [0.3 * self.width, 0.55 * self.width]
        if is_rtl(self.lang):
            cells, widths = [r[::-1] for r in cells], widths[::-1]
        t = Table(cells, colWidths=widths)
        t.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#b8c4d0")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        return t

    def contents(self) -> list[Flowable]:
        toc = RtlTableOfContents() if is_rtl(self.lang) else KeptTableOfContents()
        toc.levelStyles = [self.styles.toc1, self.styles.toc2]
        toc.dotsMinLevel = 0
        toc.tableStyle = TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), REGULAR), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ])  # fmt: skip
        return [self.p(self.tr("contents"), "h1"), toc, PageBreak()]

    # ------------------------------------------------------------------ executive summary
    def summary(self) -> list[Flowable]:
        tr, ctx = self.tr, self.ctx
        out: list[Flowable] = [self.h(tr("summary"), 0, "summary")]
        comp = ctx.comparator.label.shown() if ctx.comparator else ""
        grid = traffic_light(self.results, ctx)
        if grid.criteria:
            legend = grid_legend(tr, grid)
            out += [
                self.h(grid_heading(tr), 1, "summary-grid"),
                *self.comparator_line(comp),
                self.p(grid_intro(self.results, tr, comp), "small"),
                self._grid(grid),
                self.p(legend, "small"),
            ]
        out.append(Spacer(1, 4 * mm))
        stock, source = idp_stock(self.results, ctx), stock_source(self.results)
        if stock and source is not None:  # its source table with its page, as the contents
            out.append(
                page_ref(
                    stock,
                    lambda page: idp_stock(self.results, ctx, page=page) or stock,
                    f"stock-{source}",
                    self.styles.body,
                    self.lang,
                )
            )
        headline = solutions_headline(self.results, ctx)
        # whole on one page: its last two lines (the largest method's figure) stood alone atop
        # the next, cut from their sentence (rd17 fr p. 6, ar p. 6), as in the briefing
        out += [KeepTogether([self.p(headline)])] if headline else []
        last: list[Flowable] = []
        totals = grid_totals(self.results, ctx)
        for kind, key, count in (
            ("worse", "key_gaps", KEY_GAPS),
            ("better", "key_strengths", KEY_STRENGTHS),
        ):
            lines = key_gaps(self.results, ctx, kind, count)
            # "Key gaps" over five of the 82 read as all there are: both counts, and where the
            # others are; a heading agrees with its count ("Situations plus favorables" over one)
            more = (totals.worse - len(lines)) if kind == "worse" and totals else 0
            counts = {"shown": len(lines), "count": len(lines) + max(more, 0)}
            block = [self.h(tr("key_gaps_of" if more > 0 else key, **counts), 1, f"summary-{kind}")]
            if kind == "worse" and lines:  # their order, and why a gap may differ by 0.1
                block.append(self.p(tr("key_gaps_order"), "small"))
            bullets = [self.p("• " + s) for s in lines] or [self.p(tr("no_gaps"))]
            if more > 0:  # the closing note with the last gap it follows: it stood alone atop
                # the next page, cut from the list it closes (rd17: ar p. 6)
                note = self.p(more_gaps_note(tr, "key_gaps_more", more), "small")
                bullets[-1:] = [KeepTogether([bullets[-1], note])]
            block += bullets
            out, last = out + last, block
        last += [self.p(t, "small") for t in (tests_made(self.results, ctx),) if t]
        # the strengths and the note on the tests made go to the next page together rather than
        # leave their last lines alone on a page before the criteria (the French fixture's
        # summary left its note and two bullets on a page 12% used); the first chapter starts
        # the next page
        return [*out, KeepTogether(last), SectionBreak()]

    def _grid(self, grid: Grid) -> Table:
        tr, ctx = self.tr, self.ctx
        header = [tr("criterion")] + [ctx.group(g).label.shown() for g in grid.groups]
        rows, cmds = [], []
        limited: list[tuple[int, int]] = []  # (row, column) of the table
        counts = grid_counts(self.results)
        for i, c in enumerate(grid.criteria):
            row = [f"{c}. {ctx.criteria[c].shown()}"]
            for j, g in enumerate(grid.groups):
                rating = grid.ratings.get((c, g), "grey")
                worse, assessed = counts.get((c, g), (0, 0))  # worse of those assessed
                left = grid.not_compared.get((c, g), 0)
                better, few = grid.better.get((c, g), 0), grid.limited.get((c, g), 0)
                unsure = grid.inconclusive.get((c, g), 0)
                row.append(grid_cell(tr, rating, worse, assessed, left, better, few, unsure))
                col = j + 1 if not is_rtl(self.lang) else len(grid.groups) - 1 - j
                fill = colors.HexColor(RATING_STYLE[rating][0])
                cmds.append(("BACKGROUND", (col, i + 1), (col, i + 1), fill))
                if few:
                    limited.append((i + 1, col))
            rows.append(row)
        n = max(len(grid.groups), 1)
        rest = max(
            0.6 * self.width / n, self._grid_column(rows, limited, GRID_MOST * self.width / n)
        )
        label_w = self.width - rest * n
        # the widths as measured: refitted by the cells' words, the English group columns gave
        # the criteria's names the room their hatched cells' lines needed ("Limited / evidence")
        widths = [label_w] + [rest] * len(grid.groups)
        t = make_table(header, rows, widths, self.styles, self.lang, fit=False)
        t.setStyle(TableStyle([*cmds, ("GRID", (0, 0), (-1, -1), 0.5, colors.white)]))
        # a rating resting on limited evidence is hatched (the PDF) or patterned (Word): the
        # mark goes on the cell's value, which both renderers read
        pads = []
        for r, col in limited:
            cell = t._cellvalues[r][col]
            cell.style = ParagraphStyle(LIMITED_STYLE, parent=cell.style)
            # the text inside the hatched frame, clear of it
            for side, pad in (("LEFT", HATCH_SIDE), ("RIGHT", HATCH_SIDE), ("TOP", HATCH_BAND),
                              ("BOTTOM", HATCH_BAND)):  # fmt: skip
                pads.append((f"{side}PADDING", (col, r), (col, r), pad + HATCH_CLEAR))
        if pads:
            t.setStyle(TableStyle(pads))
        t._renderCB = hatch_limited
        t.spaceAfter = GRID_LEGEND_GAP
        return t

    def _grid_column(
        self, rows: list[list[str]], limited: list[tuple[int, int]], most: float
    ) -> float:
        """The width a group's column needs for each line of its cells on one line (measured
        with the table's font), a limited-evidence cell's inside its hatched frame: narrower
        by the frame, "■ Moins favorable 1/1" went onto two lines beside cells that held it
        on one. A line that needs more than ``most`` wraps whatever the width: it asks for
        none."""
        style = self.styles.cell
        framed = {(r - 1, c if not is_rtl(self.lang) else len(rows[0]) - 1 - c) for r, c in limited}
        need = 0.0
        for i, row in enumerate(rows):
            for j, text in enumerate(row[1:], start=1):
                # the padding, and the gap a cell's words keep from the next column
                pad = 2 * (HATCH_SIDE + HATCH_CLEAR) if (i, j) in framed else 2 * CELL_PAD
                pad += CELL_GAP
                for line in text.split("\n"):
                    width = stringWidth(line, style.fontName, style.fontSize)
                    if width + pad + 1.0 <= most:
                        need = max(need, width + pad + 1.0)
        return need

    # ------------------------------------------------------------------ indicator sections
    def indicator(self, v: IndicatorView) -> list[Flowable]:
        tr, info = self.tr, v.info
        title = with_code(info.title.shown(), info.code, self.lang)
        out: list[Flowable] = [Heading(title, 1, f"ind-{info.id}", self.styles.h2, self.lang)]
        # the heading's lead notes (definition, adaptation, unit) keep with its chart: laid out
        # piece by piece (the block after a criterion's heading, longer than a page) they never
        # end a page
        if info.definition.text:
            text = labelled(tr, tr("definition"), info.definition.shown())
            out.append(lead(self.p(text, "small")))
        if info.contextualised:
            text = labelled(tr, tr("contextualised"), info.contextualised)
            out.append(lead(self.p(text, "small")))
        # what the estimate counts (a share of household heads counts households)
        unit = (
            tr(f"universe_unit_{info.counted}")
            if info.counted in ("household", "individual")
            else info.counted
        )
        # a total's values count what the "Unit:" says (people): "Unit: individuals. Values in
        # people." said it twice (en_B 19)
        counts_units = info.statistic == "total" and info.counted != info.unit
        if info.value_unit.text and info.shown_as != "money" and not counts_units:
            unit += ". " + tr("values_in", unit=info.value_unit.shown())
        if info.shown_as == "money":
            currency = self.ctx.currency
            unit += ". " + (
                tr("amounts_in", currency=currency) if currency else tr("amounts_in_unknown")
            )
        if n_header(info) == "col_n_household":  # n under "Unit: individuals" (en_B 5)
            unit += (" " if unit.endswith(".") else ". ") + tr("unit_n_households")
        out.append(lead(self.p(unit, "small")))
        png = self.charts.get(info.id)
        panels = [lbl for lbl, d in self.chart_job(v)[1] if len(d.categories) <= MAX_CATEGORIES]
        alt = chart_alt(self.lang, title, panels)
        image = (
            self.image(png, self.width, (self.print_charts or {}).get(info.id), alt)
            if png
            else self.figure_image(chart_figure(*self.chart_job(v)), self.width, alt)
        )
        # the chart under its heading, then the table: a long one goes on at the top of the
        # next page under "<indicator> (continued)", its header repeated
        table = indicator_table(v.table, self.width, self.styles, self.lang, title)
        parts = [(d, lbl, t) for d, lbl, t, _c in v.disaggregations]
        image.spaceAfter = CHART_GAP  # type: ignore[attr-defined]  # its key off the header
        out = [ChartThenTable([*out, image, table], tail=1)]
        if parts and getattr(table, "label_wraps", False):  # its 2nd line off the next header
            out.append(Spacer(1, WRAPPED_GAP))
        for i in range(len(parts) + 1):  # a breakdown with no published cell: one line
            out += [self._withheld_line(w) for w in v.withheld if w.at == i]
            if i < len(parts):
                out += disaggregation_tables([parts[i]], self.width, self.styles, self.lang, title)
        notes = self.flag_notes(v.flags, charts=panel_count(*self.chart_job(v)[:2]))
        for dis, label, t, _c in v.disaggregations:
            clipped = list(t.clipped)  # "15–17" of "5–17": the ages 5–14 left out, said
            if t.dropped:  # levels outside the indicator's population: named, not rows of "–"
                levels = join_list(t.dropped, self.lang, conjunction=True)
                if len(clipped) == 1:  # one note per breakdown, not two "Age group:" (rd17)
                    shown, _level = clipped.pop()
                    key, more = "fn_levels_dropped_clipped", {"row": shown}
                else:
                    key, more = "fn_levels_dropped", {}
                notes.append(tr(key, breakdown=label, levels=levels, **more))
            for shown, level in clipped:
                notes.append(tr("fn_level_clipped", breakdown=label, row=shown, level=level))
            # rows holding fewer cases than the total; why, where the library says (en_B 10)
            uncovered = uncovered_note(tr, label, t, self.ctx.from_ages.get(dis))
            if uncovered:
                notes.append(uncovered)
        if info.title.untranslated or info.definition.untranslated:
            notes.append(tr("fn_untranslated", lang="en"))
        return with_notes(out, [self.p(n, "small") for n in notes], self.notes_ahead)

    def _withheld_line(self, w: Withheld) -> Flowable:
        """ "District: no value published (of its 12 cells, 9 withheld and 3 with no case).
        Withheld: … Disclosure rule: … No case: … No table or chart panel is shown for it." —
        the counts first, each reason a sentence (fr_B 7: the reasons and the rule nested in
        the counts' parentheses ran over four lines)."""
        tr, lang = self.tr, self.lang
        reasons, why = [], []
        if w.suppressed:
            reasons.append(tr("withheld_suppressed", count=fmt_count(w.suppressed, lang)))
            why.append(tr("withheld_suppressed_why", preset=self.ctx.preset_name))
        if w.empty:
            reasons.append(tr("withheld_empty", count=fmt_count(w.empty, lang)))
            why.append(tr("withheld_empty_why"))
        text = tr(
            "breakdown_withheld",
            breakdown=w.label,
            cells=fmt_count(w.cells, lang),
            reasons=join_list(reasons, lang, conjunction=True),
        )
        return self.p(" ".join([text, *why, tr("breakdown_withheld_shown")]), "small")

    def criterion_sections(
        self, views: dict[str, IndicatorView], which: tuple[str, ...]
    ) -> list[Flowable]:
        tr, out = self.tr, []
        for c in which:
            vs = [v for v in views.values() if v.info.criterion == c]
            if not vs:
                continue
            if c in CRITERIA:
                title = tr("criterion_title", number=c, name=self.ctx.criteria[c].shown())
            else:
                # the library's name of the module, as the annex and the contents name it
                default = tr("module_a") if c == "A" else tr("module_b")
                name = self.ctx.criteria[c].shown()
                title = default if name == default else tr(f"module_title_{c.lower()}", name=name)
            out += [self.h(title, 0, f"criterion-{c}"), lead(self.p(self._lead(vs), "small"))]
            for v in vs:
                out += self.indicator(v)
            # the next chapter starts a page (rd17: Criterion 8 and Module B began mid-page)
            out.append(SectionBreak())
        return out

    def _lead(self, views: list[IndicatorView]) -> str:
        """A criterion's or module's first words on its charts and differences (a module's: not
        in the criteria's ratings and gap count, en_A 1); a part whose tables compare nothing
        (Module B) is not told of a hatched comparator bar and of differences in points."""
        comp, tr = self.ctx.comparator, self.tr
        out = [tr("module_outside_criteria")] if views[0].info.criterion in ("A", "B") else []
        if comp is not None and not any(v.table.compared for v in views):
            return " ".join(
                [*out, tr("chart_ci_note_alone", comparator=_in_sentence(comp.label.shown()))]
            )
        return " ".join([*out, tr("chart_ci_note"), tr("fn_points")])

    # ------------------------------------------------------------------ solutions + stock
    def solutions(self) -> list[Flowable]:
        """The headline method in detail, every method side by side, the headline by breakdown."""
        tr, ctx = self.tr, self.ctx
        sol = self.results.solutions
        out: list[Flowable] = [
            self.h(tr("solutions"), 0, "solutions"),
            self.p(tr("solutions_intro")),
        ]
        if not sol.empty:
            methods = list(dict.fromkeys(sol["method"].astype(str)))
            codes = [g.code for g in ctx.displaced] + [ALL_DISPLACED]
            codes += [ctx.comparator.code] if ctx.comparator else []
            codes = [c for c in codes if c in set(sol["group"].astype(str))]
            out += self._solutions_headline_table(sol, methods[0], codes)
            pooled = sol[(sol["method"] == methods[0]) & (sol["group"] == ALL_DISPLACED)]
            pooled = pooled[pooled["disaggregation"] == "total"]
            # a headline of "*": why, and the other methods' figures, as body text (a blank
            # headline left a statistician guessing; a grey note read as a footnote, en_B 4)
            withheld = not pooled.empty and pooled["flag"].iloc[0] == "suppressed"
            if withheld and (why := solutions_withheld(self.results, ctx)):
                out.append(self.p(why))
            if len(methods) > 1:
                out += self._solutions_methods_table(sol, methods, codes)
            for m, reason in (self.results.meta.get("solutions_skipped") or {}).items():
                name = tr(f"method_{m}") if tr.has(f"method_{m}") else m
                out.append(self.p(tr("solutions_skipped", method=name, reason=reason), "small"))
            parts = self._solutions_breakdowns(sol, methods[0], codes)
            # one footnote a line, as under every other table (French p. 65 ran them together);
            # each table's notes under it: these are the breakdowns' (fr_B 3, ar_B 4)
            caution = ctx.caution_note or tr("fn_caution")
            texts = [tr("fn_suppressed", preset=ctx.preset_name), caution]
            shown = sol[sol["group"].astype(str).isin(codes)]
            if self._complements(shown, methods[0]):  # "(*)" printed: its own note (ar_A 3)
                texts.insert(1, tr("fn_complementary"))
            levels = shown[(shown["method"] == methods[0]) & (shown["disaggregation"] != "total")]
            texts += breakdown_empty_notes(tr, ctx, levels)  # what "–" means here (fr_B 5)
            head = shown[shown["method"] == methods[0]]  # "Not stated" in no row (fr_B 7)
            texts += uncovered_notes(tr, ctx, head, {c: self._group_label(c) for c in codes})
            if "share_below" in levels and levels["share_below"].notna().any():
                texts.append(tr("fn_breakdown_bounded"))  # why no level reads "0.0%" (issue 20)
            texts += comparator_note(tr, ctx, codes)  # what its column is (en_B 3)
            if parts:
                out += with_notes(parts, [self.p(t, "small") for t in texts], self.notes_ahead)
        if ctx.solutions_options:  # one block: its title never ends a page with a line or two
            options = [self.p(line, "small") for line in ctx.solutions_option_lines()]
            out.append(KeepTogether([self.p(tr("solutions_options"), "h3"), *options]))
        out.append(SectionBreak())
        stock = self.stock()  # a section of its own, in the contents too (en_B 11)
        return [*out, *stock, SectionBreak()] if stock else out

    def _group_label(self, code: str) -> str:
        if code == ALL_DISPLACED:
            return self.tr("all_displaced")
        return self.ctx.group(code).label.shown()

    def _below(self, rec: pd.Series) -> str | None:
        """A withheld share the engine publishes as a bound: '< 0.5%' ('< 0.5%†': few cases)."""
        return below_shown(rec, self.tr, self.lang)

    @staticmethod
    def _complements(shown: pd.DataFrame, method: str) -> bool:
        """Whether the solutions tables print "(*)": a complement not published as a bound, in
        a total row (every method's table) or the headline method's breakdowns."""
        if "suppression" not in shown:
            return False
        printed = (shown["disaggregation"] == "total") | (shown["method"] == method)
        unbound = shown["share_below"].isna() if "share_below" in shown else True
        return bool(((shown["suppression"] == COMPLEMENTARY) & printed & unbound).any())

    def _share(self, rec: pd.Series) -> str:
        bounded = self._below(rec)
        if bounded is not None:
            return bounded
        flag = cell_flag(rec["flag"], rec.get("suppression"))
        mark = mark_flag(flag, rec.get("suppression"))  # "(*)": a complement
        share = with_flag(fmt_value(rec["share"], "proportion", self.lang), mark)
        if flag in ("suppressed", EMPTY):
            return share
        ci = fmt_ci(rec["ci_low"], rec["ci_high"], "proportion", self.lang)
        return f"{share}\n({ci})" if ci else share

    def _solutions_headline_table(
        self, sol: pd.DataFrame, method: str, codes: list[str]
    ) -> list[Flowable]:
        tr, lang = self.tr, self.lang
        name = self.ctx.solutions_methods.get(method, method)
        total = sol[(sol["method"] == method) & (sol["disaggregation"] == "total")]
        rows = []
        bounded = False
        for code in codes:
            hit = total[total["group"].astype(str) == code]
            if hit.empty:
                continue
            rec = hit.iloc[0]
            flag = cell_flag(rec["flag"], rec.get("suppression"))
            mark = mark_flag(flag, rec.get("suppression"))  # "(*)": a complement
            ci = fmt_ci(rec["ci_low"], rec["ci_high"], "proportion", lang)
            bound = self._below(rec) is not None and flag == "suppressed"
            bounded |= bound
            if bound:  # no interval for a bound: in words ("–" is "nothing estimated", ar_B 3)
                ci = tr("ci_not_published")
            elif flag in ("suppressed", EMPTY):
                ci = ""
            rows.append([
                self._group_label(code),
                self._below(rec) or with_flag(fmt_value(rec["share"], "proportion", lang), mark),
                ci,
                with_flag(fmt_count(rec["number"], lang), mark),  # a bound's: "(*)"
                fmt_count(rec["n_assessable"], lang),
            ])  # fmt: skip
        header = [tr("col_group"), tr("col_share"), tr("col_ci"),
                  count_header(tr, SOLUTIONS_UNIT), tr("col_assessable")]  # fmt: skip
        fr = [0.36, 0.13, 0.19, 0.16, 0.16]
        out = [
            self.h(
                # « Méthode : règle IRIS… » — French and Spanish write no capital after the colon
                # (fr_A rd14 6, rd15: the heading and the contents read « Méthode : Règle »)
                labelled(tr, tr("solutions_method"), name),
                1,
                f"solutions-{method}",
            ),
            make_table(header, rows, [f * self.width for f in fr], self.styles, lang),
        ]
        notes = headline_notes(tr, self.ctx, total, codes, bounded)  # under it (fr_B 3)
        return with_notes(out, [self.p(t, "small") for t in notes], self.notes_ahead)

    def _solutions_methods_table(
        self, sol: pd.DataFrame, methods: list[str], codes: list[str]
    ) -> list[Flowable]:
        tr = self.tr
        total = sol[sol["disaggregation"] == "total"]
        names = self.ctx.solutions_methods
        rows = [(names.get(m, m), total[total["method"] == m]) for m in methods]
        out = [
            self.h(tr("solutions_all_methods"), 1, "solutions-methods"),
            # kept with the table: the Arabic heading and lead ended a page, the table on the next
            lead(self.p(tr("solutions_all_methods_note"), "small")),
            self._by_group_table(tr("solutions_method"), rows, codes, 0.28),
        ]
        # its "–", "<" and marks said under it, not two pages on (fr_B 3, ar_B 4)
        notes = methods_notes(tr, self.ctx, total[total["method"].isin(methods)], codes)
        return with_notes(out, [self.p(t, "small") for t in notes], self.notes_ahead)

    def _by_group_table(
        self,
        head: str,
        rows: list[tuple[str, pd.DataFrame]],
        codes: list[str],
        first: float,
        continued: str = "",
        fitted: list[float] | None = None,
    ) -> Table:
        """One row per (label, cells): the share (and interval) of each group in its column;
        ``fitted``: the column widths of every block of one table (:meth:`_shared_widths`)."""
        header, body = self._by_group_cells(head, rows, codes)
        return make_table(
            header,
            body,
            fitted or self._group_widths(first, codes),
            self.styles,
            self.lang,
            continued=continued,
            at_top=True,
            fit=fitted is None,
        )

    def _group_widths(self, first: float, codes: list[str]) -> list[float]:
        rest = (1 - first) / max(len(codes), 1)
        return [first * self.width] + [rest * self.width] * len(codes)

    def _by_group_cells(
        self, head: str, rows: list[tuple[str, pd.DataFrame]], codes: list[str]
    ) -> tuple[list[str], list[list[str]]]:
        body = []
        for label, cells in rows:
            row = [label]
            for code in codes:
                hit = cells[cells["group"].astype(str) == code]
                r = hit.iloc[0] if not hit.empty else None
                na = r is not None and host_not_assessed(self.ctx, r.to_dict())
                na_word = self.tr("assessment_not_applicable")  # not "–": no case (en_B 4)
                row.append("" if r is None else na_word if na else self._share(r))
            body.append(row)
        return [head] + [self._group_label(c) for c in codes], body

    def _shared_widths(
        self, blocks: list[tuple[str, list[tuple[str, pd.DataFrame]]]], codes: list[str]
    ) -> list[float]:
        """One set of column widths for the blocks of one table, fitted to all their rows: the
        "District of origin" block (a longer first column) had its group columns shifted right
        of those above and below it (en_B 6, fr_B 8)."""
        cells = [self._by_group_cells(head, rows, codes) for head, rows in blocks]
        body = [row for _h, rows in cells for row in rows]
        preferred = self._group_widths(0.22, codes)
        fits = [fit_widths(header, body, list(preferred), self.styles) for header, _r in cells]
        return max(fits, key=lambda w: w[0])

    def _solutions_breakdowns(
        self, sol: pd.DataFrame, method: str, codes: list[str]
    ) -> list[Flowable]:
        tr, ctx = self.tr, self.ctx
        part = sol[(sol["method"] == method) & (sol["disaggregation"] != "total")]
        if part.empty:
            return []
        name = ctx.solutions_methods.get(method, method)
        heading = tr("solutions_by_breakdown", method=name)
        out: list[Flowable] = [self.h(heading, 1, "solutions-breakdowns")]
        blocks = []
        for dis in dict.fromkeys(part["disaggregation"].astype(str)):
            cells = part[part["disaggregation"] == dis]
            label = ctx.breakdown(dis, "household")  # the measure is households'
            values = cells["disaggregation_value"].astype(str)
            rows = [
                (ctx.level(dis, value).shown(), cells[values == value])
                for value in dict.fromkeys(values)
            ]
            blocks.append((label, rows))
        widths = self._shared_widths(blocks, codes)
        for label, rows in blocks:
            # kept whole, or started at a page's foot with 3 rows or more (English p. 58 ended
            # with "Years since displacement", its header and one row)
            table = self._by_group_table(label, rows, codes, 0.22, heading, widths)
            if isinstance(table, ContinuedTable):  # in Word, one title, "By <breakdown>" each
                table.word_line = tr("word_solutions_by", breakdown=after_by(label, tr))
                table.word_first = True
            out += [TableBlock([table]), Spacer(1, 6)]
        return out

    def notes_ahead(self, several: bool = False) -> Flowable:
        """The line under a part of a table whose footnotes are on a later page: under the
        table's last row, or (``several`` tables share them) under the last of its tables."""
        return self.p(self.tr("notes_after_tables" if several else "notes_at_end"), "small")

    def flag_notes(self, flags: set[str], stock_table: str = "", charts: int = 2) -> list[str]:
        """The footnotes of the symbols a table shows (*, †, –, ‡) and of its "no gap" words
        (``stock_table``: the stock table's id, whose annex sheet the ‡ note names; ``charts``:
        how many chart panels stand with the table)."""
        tr, notes = self.tr, []
        # a table of counts: its "*" note says that a count is withheld at the thresholds that
        # mark other estimates † (stats/disclosure.py) — not for a run stored before, whose
        # table still shows a † count
        counts = (bool(stock_table) or COUNTS in flags) and "caution" not in flags
        if "suppressed" in flags:
            count_note = self.ctx.suppressed_count_note if counts else ""
            notes.append(count_note or tr("fn_suppressed", preset=self.ctx.preset_name))
        if COMPLEMENTARY in flags:  # "(*)": withheld to protect another value (ar_A 3)
            notes.append(tr("fn_complementary"))
        if "caution" in flags:
            notes.append(self.ctx.caution_note or tr("fn_caution"))  # the thresholds applied
            if CAUTION_DIFFERENCE in flags:  # "+4.6 pp†": † on a difference, not an estimate
                notes.append(tr("fn_caution_difference"))
        if EMPTY in flags:
            notes.append(tr("fn_empty"))
        if self.ctx.comparator is not None:
            comparator = _in_sentence(self.ctx.comparator.label.shown())
            # withheld "(*)" with enough cases: not compared, and why (en_B 1); else too few
            if "assessment_comparator_withheld" in flags:
                notes.append(tr("fn_assessment_comparator_withheld", comparator=comparator))
            elif COMPARATOR_WITHHELD in flags:
                notes.append(tr("fn_comparator_withheld", comparator=comparator))
            if "assessment_group_withheld" in flags:
                notes.append(tr("fn_assessment_group_withheld", comparator=comparator))
        if CHART_DISPLACED_ONLY in flags and self.ctx.comparator is not None:
            comparator = _in_sentence(self.ctx.comparator.label.shown())
            # not "given in the table" where its total is withheld ("*", a † count: issue 20)
            withheld = COMPARATOR_TOTAL_WITHHELD in flags
            key = "fn_chart_displaced_only_withheld" if withheld else "fn_chart_displaced_only"
            notes.append(tr(key, comparator=comparator, charts=charts))
        notes += not_compared_notes(tr, self.ctx, flags)
        if MEDIAN_INTERVAL in flags:
            notes.append(tr("fn_median_interval"))
        if "no_interval" in flags:  # ‡: a count without an interval, for either reason
            notes.append(no_interval_note(tr, self.ctx, self.results.stock, stock_table))
        # "No gap (equivalent)" beside "No significant difference": what each one says (issue
        # 20: readers took them for the same verdict); "Not applicable" was defined nowhere
        # the "under the threshold" note quotes its cells' words (ar_A 4)
        said = sorted(f.removeprefix(SMALL_LABEL) for f in flags if f.startswith(SMALL_LABEL))
        small = said[0] if len(said) == 1 else tr("assessment_small_difference")
        # the no-minimum note quotes the marks its table shows: Module A's "Significant
        # difference" is never rated (rd17 en p. 9, 14: "any significant gap is rated")
        shown = [a for a in NO_MID_ASSESSMENTS if NO_MID_LABEL + a in flags]
        labels = join_list(
            [tr("quoted", text=tr(f"assessment_{a}")) for a in shown], tr.lang, conjunction=True
        )
        # the minimum an "Inconclusive" cell's interval reaches (one indicator: one minimum)
        reach = sorted(
            f.removeprefix(INCONCLUSIVE_MID) for f in flags if f.startswith(INCONCLUSIVE_MID)
        )
        for key in ASSESSMENT_NOTES:
            if key not in flags:
                continue
            if key == "assessment_inconclusive":
                if reach:
                    notes.append(tr(f"fn_{key}", mid=join_list(reach, self.lang)))
            elif "small" in key:
                notes.append(tr(f"fn_{key}", label=small))
            elif key == "assessment_worse_no_mid":
                notes.append(tr(f"fn_{key}", labels=labels))
            else:
                notes.append(tr(f"fn_{key}"))
        return notes
