"""The report's executive summary (mixed into ``pdf_sections.Builder``): the criteria grid
(traffic light) with its comparison group, introduction and legend, the IDP stock with the
page of its source table, the solutions headline, the key gaps and strengths, and the note on
the tests made; the grid's table (its cells' fills, widths measured from their lines, the
hatched limited-evidence cells), which the briefing shows too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getDescent, stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from workbench.reporting.judging import grid_counts, grid_heading, grid_intro
from workbench.reporting.palette import LIMITED_STYLE, RATING_STYLE
from workbench.reporting.pdf_flow import SectionBreak, lead
from workbench.reporting.pdf_grid import (
    CELL_PAD,
    GRID_LEGEND_GAP,
    GRID_MOST,
    HATCH_BAND,
    HATCH_CLEAR,
    HATCH_SIDE,
    grid_cell,
    grid_legend,
    hatch_limited,
)
from workbench.reporting.pdf_parts import BuilderPart
from workbench.reporting.pdf_tables import GAP as CELL_GAP
from workbench.reporting.pdf_tables import make_table
from workbench.reporting.pdf_xref import page_ref
from workbench.reporting.rtl import is_rtl
from workbench.reporting.summary import (
    KEY_GAPS,
    KEY_STRENGTHS,
    Grid,
    grid_totals,
    key_gaps,
    more_gaps_note,
    named_gaps,
    other_methods_lines,
    solutions_headline,
    tests_made,
    traffic_light,
)
from workbench.reporting.summary_stock import idp_stock, stock_source


class SummarySection(BuilderPart):
    if TYPE_CHECKING:  # what the mixin uses of Builder besides BuilderPart's

        def comparator_line(self, comparator: str) -> list[Flowable]: ...

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
                *([self.p(legend, "small")] if legend else []),
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
        # the briefing's: one sentence, then the other methods a line each
        headline = solutions_headline(self.results, ctx, short=True)
        out += self.solutions_block(headline, other_methods_lines(self.results, ctx))
        last: list[Flowable] = []
        totals = grid_totals(self.results, ctx)
        for kind, key, count in (
            ("worse", "key_gaps", KEY_GAPS),
            ("better", "key_strengths", KEY_STRENGTHS),
        ):
            lines = key_gaps(self.results, ctx, kind, count)
            # "Key gaps" over five of the 82 read as all there are: both counts, and where the
            # others are; a heading agrees with its count ("Situations plus favorables" over one)
            unshown = (totals.worse - len(lines)) if kind == "worse" and totals else 0
            counts = {"shown": len(lines), "count": len(lines) + max(unshown, 0)}
            of = "key_gaps_of" if unshown > 0 else key
            block = [self.h(tr(of, **counts), 1, f"summary-{kind}")]
            # the gaps left to the criterion sections: neither listed nor named beside a listed
            # one ("Also worse there: …")
            more = named = 0
            if unshown > 0 and totals:
                named = named_gaps(self.results, ctx, kind, count)
                more = totals.worse - named
            if kind == "worse" and lines:  # their order, and why a gap may differ by 0.1
                block.append(lead(self.p(tr("key_gaps_order"), "small")))
            bullets = [self.p("• " + s) for s in lines] or [self.p(tr("no_gaps"))]
            if more > 0:  # the closing note with the last gap it follows: it stood alone atop
                # the next page, cut from the list it closes (rd17: ar p. 6)
                beside = max(named - len(lines), 0)  # "Also worse there: …"
                said = more_gaps_note(tr, "key_gaps_more", more, len(lines), beside)
                note = self.p(said, "small")
                bullets[-1:] = [KeepTogether([bullets[-1], note])]
            block += bullets
            out, last = out + last, block
        last += [self.p(t, "small") for t in (tests_made(self.results, ctx),) if t]
        # the strengths and the note on the tests made go to the next page together rather than
        # leave their last lines alone on a page before the criteria (the French fixture's
        # summary left its note and two bullets on a page 12% used); the first chapter starts
        # the next page
        return [*out, KeepTogether(last), SectionBreak()]

    def solutions_block(self, headline: str | None, lines: list[str]) -> list[Flowable]:
        """The solutions headline (``summary.solutions_headline(short=True)``: one sentence with
        the comparison group's share under the same method) and under it the other methods, a
        line each (``summary.other_methods_lines``), in the report's summary and the briefing:
        the summary's paragraph ran four other methods into one 9-line run, the briefing's
        12–13 lines before that (rd21 ar p. 5; rd17 en, fr). Whole on one page: its last two
        lines stood alone atop the next, cut from their sentence (rd17 fr p. 6, ar p. 6); the
        list is one paragraph, its lines broken (the French briefing's overview fits its
        page)."""
        if not headline:
            return []
        others = [self.p("\n".join(lines))] if lines else []
        return [KeepTogether([self.p(headline), *others])]

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
            # the text inside the hatched frame, clear of it — below, clear of its last line's
            # descenders, which hang under the paragraph's box: at the band plus the clearance
            # alone, "Limited evidence" sat on the bottom hatch (rd19 en p.5, 4-line cell)
            hang = -getDescent(cell.style.fontName, cell.style.fontSize)
            for side, pad in (("LEFT", HATCH_SIDE), ("RIGHT", HATCH_SIDE), ("TOP", HATCH_BAND),
                              ("BOTTOM", HATCH_BAND + hang)):  # fmt: skip
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
