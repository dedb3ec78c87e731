"""Page flow of the PDF report: where a section starts a page, and what a page that goes on
with a table says at its top.

Read page by page (issue 20), the demo had criterion pages holding only the last four rows of
the criterion's last table (English pages 17, 44 and 53), and breakdown tables at the top of a
page with no word of the indicator they belong to. :class:`SectionBreak` starts each chapter on
a page of its own (a criterion, a module, the solutions measure, the stock, an annex), and
indicators fill the pages between (:class:`ChartThenTable`); :class:`ContinuedTable` prints
"<title> (continued)" above a table that goes on at the top of a page (its header row repeats as
well).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from itertools import pairwise
from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, Image, KeepTogether, Spacer, Table
from reportlab.platypus.doctemplate import ActionFlowable, FrameBreak, _ktAllow
from reportlab.platypus.flowables import _listWrapOn

#: a heading longer than a page with what follows it starts where it is when at least this
#: share of the page is free (:class:`KeepWithNext`)
LOW_FILL = 0.25
#: the briefing's gaps start below its overview's last lines when they fill less than this
#: share of a page (:class:`OverviewBreak`); every chapter of the report starts a page
SECTION_FILL = 0.4
#: the space above the briefing's gaps below the overview's last lines (points)
SECTION_GAP = 14.0
#: the space above a heading that follows a table (points): the Arabic "Validation annex" sat
#: 4 pt under the versions table, as if it were the table's last row
HEADING_AFTER_TABLE = 14.0
#: a table that starts at a page's foot (:class:`TableBlock`) shows at least this many rows
#: there, and only a table of at least :data:`SPLIT_ROWS` rows starts so (a breakdown's five
#: rows stay whole); a table's notes keep with at least its last :data:`NOTES_ROWS` rows
FOOT_ROWS = 3
SPLIT_ROWS = 8
#: ... when at least this share of the page is free (the French stock table "par district et
#: district d'origine" moved whole from a page 27% blank: 177 pt free, a quarter is 179)
FOOT_FILL = 0.2
NOTES_ROWS = 2
#: a split table's last part of this many rows or fewer stays on the page when the whole table
#: fits there: its notes go on to the next page instead (:class:`TableBlock`)
TAIL_ROWS = 3
#: ... unless its notes do not all fit under it there and its last rows and notes carried to the
#: next page take at most this share of a page (:meth:`TableBlock._carried`)
CARRY_FILL = 0.25
#: a kept block of rows (a district's) longer than this splits across pages when keeping it
#: whole would leave more than this share of the page blank (:class:`ContinuedTable`)
LONG_BLOCK = 10
BLOCK_BLANK = 0.5
#: a table split across pages keeps at least this many body rows on each side of the break
#: (:meth:`ContinuedTable._split_apart`)
LONE_ROWS = 2
#: the space between an indicator's chart and its table (points): the chart's mark key ("* not
#: published … † interpret with caution"), its lowest line, touched the table's header
#: (English pp. 6, 20, 21)
CHART_GAP = 8.0
#: the least share of its size a chart is drawn at so that its indicator's heading, chart and
#: main table fit the rest of a page (:func:`_smaller_chart`)
CHART_SCALE = 0.85
#: the space above a breakdown table's caption (points; :attr:`ContinuedTable.caption`)
CAPTION_GAP = 4.0
#: a flowable this close (points) to the top of its frame is at the top of the page (a 2 or 6 pt
#: spacer before a table moves it off reportlab's own "at top")
TOP_SLACK = 8.0


def _frame(flowable: Flowable) -> Any:
    """The frame laying ``flowable`` out (the one reportlab measures a kept-together block
    with, while it does)."""
    frame = getattr(flowable, "_frame", None)
    if frame is None:
        doc = getattr(getattr(flowable, "canv", None), "_doctemplate", None)
        frame = getattr(doc, "frame", None)
    return frame


def lead(f: Flowable) -> Flowable:
    """``f`` (a heading's lead paragraph) kept on the page of what follows it."""
    f.keepWithNext = True  # type: ignore[attr-defined]
    return f


def at_page_top(flowable: Flowable) -> bool:
    frame = _frame(flowable)
    if frame is None:
        return False
    return bool(frame._atTop) or frame._y2 - frame._topPadding - frame._y <= TOP_SLACK


class SectionBreak(CondPageBreak):
    """A new page for the next chapter (a criterion, a module, the solutions measure, the stock,
    the progress since the baseline): wherever the chapter before ends, nothing at a page's top
    (no blank page). A criterion started below the previous one's last rows when they filled
    less than 40% of the page, so Criterion 8, Module B and the solutions measure began mid-page
    under a table's tail while every other chapter began a page — the chapter break was easy to
    miss (rd17: en p. 65, fr pp. 69 and 74). The Word report starts a page here too
    (``DocxRenderer.add``)."""

    def __init__(self) -> None:
        super().__init__(0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        frame = _frame(self)
        if frame is not None and not frame._atTop:
            frame.add_generated_content(FrameBreak)
        return 0, 0


class ChapterBreak(SectionBreak):
    """A new page for an annex (the methodology, the validation), as for every chapter; the
    Word report starts a page here too (``DocxRenderer.add``)."""


def _long_block(first: int, last: int) -> bool:
    """Rows ``first``–``last`` make a block longer than :data:`LONG_BLOCK`."""
    return last - first + 1 > LONG_BLOCK


class OverviewBreak(SectionBreak):
    """The briefing's break after its overview page: a new page for the gaps — unless the overview
    ran a few lines onto the next page (less than :data:`SECTION_FILL` of it), which the gaps
    then follow after a gap: a page break there left the French briefing's page 2 with one
    line. The Word briefing starts a page here."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        frame = _frame(self)
        if frame is None or frame._atTop:
            return 0, 0
        if availHeight < (1 - SECTION_FILL) * frame._aH:
            frame.add_generated_content(FrameBreak)
            return 0, 0
        return availWidth, min(SECTION_GAP, availHeight)


class ContinuedTable(Table):
    """A table that says whose it is when it goes on at the top of a page: the rest of a table
    split across pages, and (``at_top``) a table of an indicator whose first part is on an
    earlier page, get ``line`` ("<title> (continued)") above their header row."""

    def __init__(
        self,
        *args: Any,
        line: Flowable | None = None,
        at_top: bool = False,
        word_line: str = "",
        **kw: Any,
    ) -> None:
        super().__init__(*args, **kw)
        self.line = line
        #: the Word report's caption above it when it follows another table under the same
        #: heading: Word cannot know where its pages break, so no "(continued)" (en_B 3, fr_B 1)
        self.word_line = word_line
        #: the Word caption above it even right under its heading (a solutions breakdown's
        #: "By sex of household head": every block of the table has its own, en_B 5)
        self.word_first = False
        self.at_top = at_top
        #: the rest of a split table: its line is printed wherever it lands
        self.rest = False
        self._line_h = 0.0
        #: a breakdown table's caption ("By age group of household head") above its header, a
        #: gap above it: stacked straight under the main table with no space or caption, the
        #: breakdown read as more rows of the same table (rd17: en pp. 7, 9, 11–15). On the
        #: table's first part only; the Word report captions it itself (``word_line``)
        self.caption: Flowable | None = None
        self._caption_h = 0.0
        #: under each part but the last of a table split across pages, when its footnotes come
        #: after it ("Notes: see the end of the table."): the Arabic cause × year table showed
        #: "*", "†" and "§" on a page whose notes were only on the next
        self.notes_ahead: Flowable | None = None
        #: the tables whose notes come after the last of them (:func:`with_notes`): a table
        #: showing a mark records the page it is drawn on there, for :class:`NotesPointer`
        self.notes_group: NotesGroup | None = None

    def _shows_line(self) -> bool:
        return self.line is not None and (self.rest or (self.at_top and at_page_top(self)))

    def _measure_line(self, availWidth: float) -> float:
        if not self._shows_line():
            return 0.0
        assert self.line is not None
        _w, h = self.line.wrapOn(getattr(self, "canv", None), availWidth, 1e6)
        return h + 2.0

    def _measure_caption(self, availWidth: float) -> float:
        """The caption's height with the gap above it (smaller under a "(continued)" line)
        and 2 pt below it; 0 on the rest of a split table."""
        if self.caption is None or self.rest:
            return 0.0
        _w, h = self.caption.wrapOn(getattr(self, "canv", None), availWidth, 1e6)
        return h + (2.0 if self._shows_line() else CAPTION_GAP) + 2.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._caption_h = self._measure_caption(availWidth)
        self._line_h = self._measure_line(availWidth) + self._caption_h
        w, h = super().wrap(availWidth, availHeight - self._line_h)
        return w, h + self._line_h

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        line_h = self._measure_line(availWidth) + self._measure_caption(availWidth)
        notes_h = 0.0
        if self.notes_ahead is not None:
            _w, h = self.notes_ahead.wrapOn(getattr(self, "canv", None), availWidth, 1e6)
            notes_h = h + self.notes_ahead.getSpaceBefore()
        parts = self._split_apart(availWidth, availHeight - line_h - notes_h)
        for i, part in enumerate(parts):
            if isinstance(part, ContinuedTable):
                part.line, part.at_top = self.line, self.at_top
                part.rest = self.rest if i == 0 else True
                part.caption = self.caption
                part.notes_ahead, part.notes_group = self.notes_ahead, self.notes_group
        if len(parts) > 1 and self.notes_ahead is not None:
            parts.insert(1, copy.copy(self.notes_ahead))
        return parts

    def _split_apart(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """The table split to fill ``availHeight`` with at least :data:`LONE_ROWS` body rows on
        each side: a last row alone under a repeated header atop the next page is moved on with
        the row before it (the French "Définitions des indicateurs (suite)" held one row, p. 90,
        rd19); a first part of one row does not start here at all ([]: the table moves on)."""
        parts = self._split_blocks(availWidth, availHeight)
        if len(parts) != 2 or not all(isinstance(p, Table) for p in parts):
            return parts
        head = self.repeatRows
        first = len(parts[0]._cellvalues) - head  # type: ignore[attr-defined]
        rest = len(parts[1]._cellvalues) - head  # type: ignore[attr-defined]
        if first < LONE_ROWS:
            return parts if at_page_top(self) else []
        if rest >= LONE_ROWS:
            return parts
        move = LONE_ROWS - rest
        if first - move < LONE_ROWS:
            return parts if at_page_top(self) else []  # too short to split: whole on the next
        heights = self._rowHeights[head + first - move : head + first]  # type: ignore[has-type]
        return self._split_apart(availWidth, availHeight - sum(heights) - 0.5)

    def _split_blocks(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """The table split to fill ``availHeight``, its kept blocks (a district's rows) whole —
        unless keeping a block of more than :data:`LONG_BLOCK` rows whole leaves more than
        :data:`BLOCK_BLANK` of the page blank: then it splits too. The French cause × year
        table put its 14 "Non déclaré" rows alone on p. 67, 60% blank, the "Total × année"
        block (kept with the notes) on the next (fr_B 1)."""
        parts: list[Flowable] = super().split(availWidth, availHeight)
        kept: list[Any] = self._nosplitCmds  # type: ignore[has-type]
        short = [c for c in kept if not _long_block(c[1][1], c[2][1])]
        if len(parts) < 2 or len(short) == len(kept):
            return parts
        frame = _frame(self)
        page = frame._aH if frame is not None else availHeight
        # what is left of the page (a table kept with its notes is asked for less)
        room = max(availHeight, frame._y - frame._y1p) if frame is not None else availHeight
        _w, first = parts[0].wrapOn(getattr(self, "canv", None), availWidth, availHeight)
        if room - first <= BLOCK_BLANK * page:
            return parts
        self._nosplitCmds = short
        try:
            loose: list[Flowable] = super().split(availWidth, availHeight)
        finally:
            self._nosplitCmds = kept
        if len(loose) != 2 or not isinstance(loose[1], Table):
            return loose or parts
        # the long blocks wholly on the rest keep together there (its header row is row 0)
        n = len(loose[0]._cellvalues)  # type: ignore[attr-defined]
        rest = loose[1]
        for op, (sc, sr), (ec, er), *more in kept:
            if sr >= n and _long_block(sr, er):
                rest._nosplitCmds.append((op, (sc, sr - n + 1), (ec, er - n + 1), *more))
        return loose

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        super().drawOn(canvas, x, y, _sW)
        # any table of the group: its notes explain assessment words ("No gap (equivalent)")
        # as well as marks — the Arabic pages 13–16 ended mid-table with such words and no
        # pointer, their key a page on (ar_A 1)
        if self.notes_group is not None:
            self.notes_group.seen(canvas)
        align = getattr(self, "hAlign", "LEFT")
        dx = _sW if align in ("RIGHT", "TA_RIGHT") else _sW / 2 if align == "CENTER" else 0
        if self._caption_h and self.caption is not None:
            self.caption.wrapOn(canvas, self._width, 1e6)
            self.caption.drawOn(canvas, x + dx, y + self._height + 2.0)
        if self._line_h > self._caption_h and self.line is not None:
            self.line.wrapOn(canvas, self._width, 1e6)
            self.line.drawOn(canvas, x + dx, y + self._height + self._caption_h + 2.0)


class ChartThenTable(KeepTogether):
    """An indicator's heading, lead notes and chart, then its main table (and, when it has no
    breakdown, the table's notes): always in that order, the chart under its heading. They
    start on this page when the rest of it holds the heading, notes and chart with the table's
    start — the whole table when it is short (fewer than :data:`SPLIT_ROWS` rows, it never
    splits), else its header and :data:`FOOT_ROWS` rows, the rest going on under "<indicator>
    (continued)" with its header repeated; otherwise all start the next page. Read page by page
    (issue 20), 11 indicators of the demo put the main table first and the chart after the
    tables under a heading "<indicator>: chart", while all others had the chart first: readers
    looked for the chart above the table and did not find it. The Word report keeps the block
    whole (its pages fall elsewhere)."""

    def __init__(self, flowables: list[Flowable], tail: int) -> None:
        super().__init__(flowables)
        #: how many of the last flowables (the table, its notes) may go on to the next page
        self.tail = tail

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        frame = _frame(self)
        head, tail = self._content[: -self.tail], self._content[-self.tail :]
        if frame is None or aH >= self._H or not head or not tail:
            return super().split(aW, aH)
        if _short(tail[0]):
            # all of it on this page when a chart a little smaller makes room for the whole short
            # table: under a criterion's heading and lead note a chart of two rows of tall
            # panels stood alone on its page, its table overleaf (rd18 ar pp. 17, 24, 39, 55)
            canv = getattr(self, "canv", None)
            _w, h = _listWrapOn(head, aW, canv)
            room = aH - h - head[0].getSpaceBefore()
            need = _listWrapOn(tail, aW, canv)[1] + tail[0].getSpaceBefore()
            small = _smaller_chart(head, need - room)
            if small is not None:
                return [*small, TableBlock(tail)]
        if (frame._atTop or frame._aH < self._H) and _short(tail[0]):
            # taller than a page (a chart of two rows of tall panels, under a criterion's
            # heading): the heading and chart start a page, a short table goes on whole on the
            # next under "(continued)" — reportlab split it anywhere, its comparator row alone
            # atop the next page (rd17: en pp. 17–18, 53–54)
            return [*([] if frame._atTop else [FrameBreak()]), *head, TableBlock(tail)]
        canv = getattr(self, "canv", None)
        _w, h = _listWrapOn(head, aW, canv)
        room = aH - h - head[0].getSpaceBefore()
        block = TableBlock(tail)
        if room > 0:
            _w, need = block.wrapOn(canv, aW, room)
            if need <= room:
                return [*head, block]
        need = _listWrapOn(tail, aW, canv)[1] + tail[0].getSpaceBefore()
        small = _smaller_chart(head, need - room)
        if small is not None:  # all of it here, its chart a little smaller
            return [*small, block]
        if room > 0:
            if _short(tail[0]):  # a short main table is never split: a header and one row
                # stood at the foot of a page (rd17: en p. 24)
                return super().split(aW, aH)
            parts = block.splitOn(canv, aW, room)
            if parts and not isinstance(parts[0], ActionFlowable):
                return [*head, *parts]
        # the heading, notes, chart and the table's start do not fit: all on the next page
        return super().split(aW, aH)


def _smaller_chart(head: list[Flowable], short: float) -> list[Flowable] | None:
    """``head`` with its chart drawn ``short`` points less high (and narrower in proportion),
    when it keeps at least :data:`CHART_SCALE` of its size; None otherwise. An indicator whose
    chart has two rows of panels did not fit below the last breakdown tables of the one before
    and started the next page, leaving that page half to three-quarters blank (rd17: en pp. 10,
    18, 20, 22; fr pp. 10, 18, 20, 22, 41, 55; ar pp. 9, 15, 23, 34). The chart is a copy:
    another layout pass draws it at its full size again."""
    charts = [i for i, f in enumerate(head) if isinstance(f, Image)]
    if len(charts) != 1 or short <= 0:
        return None
    chart = head[charts[0]]
    scale = (chart.drawHeight - short - 1.0) / chart.drawHeight
    if scale < CHART_SCALE:
        return None
    small = copy.copy(chart)
    small.drawWidth, small.drawHeight = chart.drawWidth * scale, chart.drawHeight * scale
    return [*head[: charts[0]], small, *head[charts[0] + 1 :]]


def _short(table: Flowable) -> bool:
    """A table of fewer than :data:`SPLIT_ROWS` body rows: it never splits across pages."""
    rows = len(getattr(table, "_cellvalues", ())) - getattr(table, "repeatRows", 0)
    return rows < SPLIT_ROWS


class TableBlock(KeepTogether):
    """A table with its title above and its notes below, kept on one page when it fits one. A
    table of :data:`SPLIT_ROWS` rows or more starts at the foot of a page when a fifth of the
    page is free and its title, header and :data:`FOOT_ROWS` rows fit there, rather than leave
    that part blank (the stock tables moved whole to the next page: English pp. 60–61, French
    pp. 63–64, Arabic pp. 56–57, a third of each blank); the rest goes on under "<title>
    (continued)". However it splits, the notes keep with at least its last :data:`NOTES_ROWS`
    rows (a last part that filled its page left the notes alone at the top of the next) —
    unless that leaves :data:`TAIL_ROWS` rows or fewer overleaf: the table then ends on its
    page, its notes right under it (:meth:`_whole_table`)."""

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        content = list(self._content)
        at = [i for i, f in enumerate(content) if isinstance(f, Table)]
        frame = _frame(self)
        if len(at) != 1 or frame is None or aH >= self._H:
            return super().split(aW, aH)
        pre, table, notes = content[: at[0]], content[at[0]], content[at[0] + 1 :]
        top = bool(frame._atTop)
        body_rows = len(table._cellvalues) - table.repeatRows
        if not top:
            foot = aH >= FOOT_FILL * frame._aH and body_rows >= SPLIT_ROWS
            if not foot and frame._aH >= self._H:
                return super().split(aW, aH)  # whole on the next page
            if not foot:
                return [FrameBreak(), TableBlock(content)]
        parts = self._split_table(aW, aH, pre, table)
        first_rows = len(parts[0]._cellvalues) - table.repeatRows if parts else 0
        if not parts or (not top and first_rows < FOOT_ROWS):
            return [FrameBreak(), TableBlock(content)] if not top else content
        if len(parts[-1]._cellvalues) - table.repeatRows <= TAIL_ROWS:
            whole = self._whole_table(aW, aH, pre, table, notes)
            if whole and not self._carried(aW, aH, pre, table, notes, parts[-1], frame._aH):
                return whole
        return [*pre, *parts[:-1], TableBlock([parts[-1], *notes])]

    def _carried(
        self,
        aW: float,
        aH: float,
        pre: list[Flowable],
        table: Table,
        notes: list[Flowable],
        last: Flowable,
        page: float,
    ) -> bool:
        """Whether the table's last rows go on to the next page with its notes rather than
        the table end here with its notes going on alone: when the notes do not all fit under
        the whole table and the rows and notes carried take at most :data:`CARRY_FILL` of a
        page (this page is then that little blank). A short note alone atop the next page
        ("PDI seules … le Total ci-dessus compte aussi …") read as cut off from its table, the
        "above" it spoke of a page back (rd22 fr p. 82–83); long notes still go on note by
        note (:meth:`_whole_table`: 20 lines of notes carried three rows and left a page 40%
        blank, fr_B 1)."""
        canv = getattr(self, "canv", None)
        kept = [*pre, table, *notes]
        if _listWrapOn(kept, aW, canv)[1] + kept[0].getSpaceBefore() <= aH:
            return False  # all of it fits here
        carried = _listWrapOn([last, *notes], aW, canv)[1]
        return carried <= CARRY_FILL * page

    def _whole_table(
        self, aW: float, aH: float, pre: list[Flowable], table: Table, notes: list[Flowable]
    ) -> list[Flowable]:
        """The table whole on this page and its notes right under it, going on to the next
        page note by note as they must, when the table and the first note fit here: the French
        cause × year table left its last three rows ("Total × Non déclaré", "Total", "PDI
        seules…") alone on p. 68 under a two-line "(suite)" title, p. 67 40% blank (fr_B 1) —
        and kept whole on the next page, its notes started it under "<title> (continued)" with
        no row, the page before ending on "Notes: see the end of the table." a third blank
        (English pp. 64–65). [] when the table does not fit with its first note."""
        if not notes:
            return []
        kept = [*pre, table, notes[0]]
        need = _listWrapOn(kept, aW, getattr(self, "canv", None))[1] + kept[0].getSpaceBefore()
        if need > aH:
            return []
        # each note whole: a note's last line alone atop the next page read as a stray line
        return [
            *pre,
            table,
            *(n if isinstance(n, KeepTogether) else KeepTogether([n]) for n in notes),
        ]

    def _split_table(
        self, aW: float, aH: float, pre: list[Flowable], table: Table
    ) -> list[Flowable]:
        """``table`` split to fill ``aH`` under ``pre``, at least :data:`NOTES_ROWS` rows
        going on with the notes; [] when it cannot split so."""
        canv = getattr(self, "canv", None)
        room = aH
        if pre:
            room -= _listWrapOn(pre, aW, canv)[1] + pre[0].getSpaceBefore()
            room -= table.getSpaceBefore()
        _w, whole = table.wrapOn(canv, aW, 1e6)
        body_rows = len(table._cellvalues) - table.repeatRows
        if body_rows <= NOTES_ROWS or room <= 0:
            return []
        parts = table.splitOn(canv, aW, min(room, whole - sum(table._rowHeights[-NOTES_ROWS:])))
        if len(parts) < 2 or not all(isinstance(p, Table) for p in (parts[0], parts[-1])):
            return []
        return list(parts)


class KeepWithNext(KeepTogether):
    """A heading (or a title, a lead note) and what must follow it, as the document groups them
    (:func:`group_with_next`): on one page when they fit one. When they are longer than a page
    anyway (a heading and a long table) they start where they are if a quarter of the page is
    free and the heading's lead-in fits there with the first of what follows it — the heading with
    the table's first rows — instead of moving to the next page and leaving that quarter empty
    (the demo's "Indicator definitions" left 70% of a page blank); otherwise they move on
    together, so a heading never ends a page ("Estimated IDP stock" stood at the foot of the
    English demo's page 60, its table on the next)."""

    def __init__(self, flowables: list[Flowable], lead: int = 0, table: bool = False) -> None:
        super().__init__(flowables)
        #: how many of the first flowables lead in (their keep-with-next already spent)
        self.lead = lead
        #: what follows the lead-in is a :class:`TableBlock`: it splits as one (the stock's
        #: heading, introduction and first table moved whole to the next page, a third of the
        #: page before them blank: English p. 59, Arabic p. 56)
        self.table = table

    def _lead_in(self) -> tuple[list[Flowable], Flowable | None]:
        """The flowables that must not end a page (the headings and lead notes, spaces) and the
        first one that may."""
        content = self._content
        i = self.lead
        while i < len(content) and (content[i].getKeepWithNext() or isinstance(content[i], Spacer)):
            i += 1
        return content[:i], content[i] if i < len(content) else None

    def _starts_here(self, aW: float, aH: float) -> bool:
        """Whether the lead-in and the first part of what follows it fit in ``aH``."""
        canv = getattr(self, "canv", None)
        lead, first = self._lead_in()
        room = aH
        for f in lead:  # the spaces around each counted in full: never short of room
            _w, h = f.wrapOn(canv, aW, room)
            room -= h + f.getSpaceBefore() + f.getSpaceAfter()
        if first is None or room <= 0:
            return room >= 0
        room -= first.getSpaceBefore()
        _w, h = first.wrapOn(canv, aW, room)
        if h <= room:
            return True
        parts = first.splitOn(canv, aW, room)
        return bool(parts) and not isinstance(parts[0], ActionFlowable)

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        frame = _frame(self)
        if self.table and frame is not None and aH < self._H:
            return TableBlock(list(self._content)).splitOn(getattr(self, "canv", None), aW, aH)
        if frame is None or frame._aH >= self._H:
            return super().split(aW, aH)  # one page holds them: here, or all on the next
        top = bool(frame._atTop)
        if (top or aH >= LOW_FILL * frame._aH) and self._starts_here(aW, aH):
            # laid out one after the other from here: the lead-in is spent, so it does not
            # group again (and move on) with what follows it, which was seen to fit here
            lead, _first = self._lead_in()
            _spend(getattr(getattr(self, "canv", None), "_doctemplate", None), lead)
            return list(self._content)
        if top:
            return list(self._content)
        # the rest of this page cannot hold the lead-in with a start of what follows: on to
        # the next page, where they start at its top
        return [FrameBreak(), KeepWithNext(list(self._content), self.lead)]


def group_with_next(doc: Any, flowables: list[Flowable]) -> None:
    """reportlab's keep-with-next (``BaseDocTemplate.handle_keepWithNext``), which also keeps
    the flowables marked so with a kept-together block after them: reportlab leaves a block out
    of the group (a container), so a criterion's heading and lead note, or the stock's heading
    and introduction, were kept together but not with the indicator or table after them, and
    were left at the foot of a page. The block's content joins the group (a block inside a block
    cannot be measured), and keeps its own keep-with-next marks for when the group, longer than
    a page, is laid out piece by piece."""
    i, n = 0, len(flowables)
    while i < n and flowables[i].getKeepWithNext() and _ktAllow(flowables[i]):
        i += 1
    if not i:
        return
    lead = flowables[:i]
    if i < n and isinstance(flowables[i], ChartThenTable):
        # a criterion's heading and lead note join its first indicator's block: they start
        # where its heading, chart and the table's start fit, never at a page's foot alone
        block = flowables[i]
        _spend(doc, lead)
        flowables[: i + 1] = [ChartThenTable([*lead, *block._content], block.tail)]
        return
    tail: list[Flowable] = []
    table = False
    if (
        i < n
        and isinstance(flowables[i], KeepTogether)
        and not isinstance(flowables[i], KeepWithNext)
    ):
        tail, table = list(flowables[i]._content), isinstance(flowables[i], TableBlock)
        i += 1
    elif i < n and _ktAllow(flowables[i]):
        tail = [flowables[i]]
        i += 1
    spent = lead if tail else lead[:-1]
    _spend(doc, spent)
    flowables[:i] = [KeepWithNext([*lead, *tail], lead=len(spent), table=table)]


def _spend(doc: Any, flowables: list[Flowable]) -> None:
    """Their keep-with-next done for this pass (restored before the next, as reportlab does)."""
    edits = getattr(doc, "_multiBuildEdits", None)
    for f in flowables:
        if f.__dict__.get("keepWithNext", None) == 0:
            continue
        if edits:
            if "keepWithNext" in f.__dict__:
                edits((setattr, f, "keepWithNext", f.keepWithNext))
            else:
                edits((delattr, f, "keepWithNext"))
        f.__dict__["keepWithNext"] = 0


def heading_gaps(flowables: list[Flowable]) -> None:
    """Room above every heading that follows a table (a heading's own space before is set for
    one after a paragraph, whose space after adds to it; a table has none)."""
    before: Flowable | None = None
    for f in _flat(flowables):
        if f.getKeepWithNext() and isinstance(before, Table) and _is_heading(f):
            f.spaceBefore = max(f.getSpaceBefore(), HEADING_AFTER_TABLE)  # type: ignore[attr-defined]
        before = f


def _flat(flowables: list[Flowable]) -> list[Flowable]:
    out: list[Flowable] = []
    for f in flowables:
        content = getattr(f, "_content", None)
        out += _flat(content) if isinstance(content, list) else [f]
    return out


def _is_heading(f: Flowable) -> bool:
    """A section heading or a table's title (not a lead note, whose style keeps it with next
    as well)."""
    return type(f).__name__ == "Heading" or getattr(getattr(f, "style", None), "name", "") == "h3"


#: what a table's footnotes explain: a cell with one of these marks, or "–" alone (no case)
MARKS = frozenset("*†‡§")


def marked(table: Table) -> bool:
    """Whether a table shows a mark its footnotes explain (a flag, "–" for no case)."""
    for row in table._cellvalues[1:]:
        for v in row:
            text = str(getattr(v, "text", v) or "")
            if text.strip() == "–" or MARKS & set(text):
                return True
    return False


class NotesGroup:
    """The tables of one block of the story (an indicator's main and breakdown tables) whose
    footnotes all come after the last of them: the page a table showing a mark was last drawn
    on, in this layout pass (each pass draws on a canvas of its own)."""

    def __init__(self) -> None:
        self._at: tuple[Any, int] = (None, 0)

    def seen(self, canvas: Any) -> None:
        self._at = (canvas, canvas.getPageNumber())

    def on_page(self, canvas: Any) -> bool:
        return self._at[0] is canvas and self._at[1] == canvas.getPageNumber()


class NotesPointer(Flowable):
    """ "Notes: see the end of the table." under the last table a page holds of a group whose
    footnotes follow its last table, when one of them drawn on this page shows a mark and what
    follows (``following``: up to the next table's block) goes to the next page — the English
    demo's pages 6, 20 and 49 showed "36.6%†", "*" and "‡" with the notes only a page on, after
    the indicator's last breakdown table. Nothing (no height) otherwise."""

    def __init__(self, line: Flowable, following: list[Flowable], group: NotesGroup) -> None:
        super().__init__()
        self.line, self.following, self.group = copy.copy(line), following, group
        self._shown, self._below = False, 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._shown = False
        canv = getattr(self, "canv", None)
        if canv is None or not self.group.on_page(canv):
            return availWidth, 0.0
        need = _listWrapOn(_unkept(self.following), availWidth, canv)[1]
        need += self.following[0].getSpaceBefore() if self.following else 0.0
        if need <= availHeight or self._next_starts_here(availWidth, availHeight, canv):
            return availWidth, 0.0  # the next table is on this page too
        _w, h = self.line.wrapOn(canv, availWidth, availHeight)
        h += self.line.getSpaceBefore()
        self._shown = True
        # a table that fills its page keeps its pointer: in the page's foot, below the frame,
        # clear of the running footer (en p.19: seven "†" under "Primary completion rate", the
        # note on p.20, no pointer — it had no room left)
        self._below = max(h - max(availHeight, 0.0), 0.0)
        return availWidth, h - self._below

    def _next_starts_here(self, availWidth: float, availHeight: float, canv: Any) -> bool:
        """Whether the next table's block starts on this page though it ends on the next (a
        long one starts at a page's foot): its own part here then says where the notes are, at
        the page's foot — the solutions breakdowns printed the line mid-page between "Cause" and
        "Year of displacement", the next block right under it, and again at the foot (fr_B 2)."""
        if not self.following:
            return False
        *before, block = self.following
        room = availHeight - _listWrapOn(_unkept(before), availWidth, canv)[1]
        room -= sum(f.getSpaceBefore() for f in before[:1]) + block.getSpaceBefore()
        if room <= 0:
            return False
        block.wrapOn(canv, availWidth, room)
        parts = block.splitOn(canv, availWidth, room)
        return bool(parts) and not isinstance(parts[0], ActionFlowable)

    def draw(self) -> None:
        if self._shown:
            self.line.drawOn(self.canv, 0, -self._below)


def with_notes(
    out: list[Flowable],
    notes: list[Flowable],
    ahead: Flowable | Callable[[bool], Flowable] | None = None,
) -> list[Flowable]:
    """``out`` followed by the footnotes of its symbols, kept on the page of the table they
    explain: they join its last block (a table kept whole), so a page never starts with the
    footnotes of the table at the foot of the page before, alone on a near-empty page. A table
    of ``out`` split across pages says under each part but its last where its notes are
    (``ahead``: "Notes: see the end of the table."), and so does the last block of ``out`` a
    page holds when the notes come on a later page (:class:`NotesPointer`). ``ahead`` may be
    made for the tables of ``out`` (called with whether there are several): "see the end of the
    table" sent readers of an indicator's main table to its own end, the notes being under its
    last breakdown table (issue 20)."""
    if not notes:
        return out
    if callable(ahead):
        ahead = ahead(len(_tables(out)) > 1)
    group = NotesGroup()
    if ahead is not None:
        for table in _tables(out):
            if isinstance(table, ContinuedTable):
                table.notes_ahead, table.notes_group = ahead, group
    body = list(out)
    while body and isinstance(body[-1], Spacer):
        body.pop()  # the gap after the last table: the notes come right under it
    # the lines after the last table (a breakdown with no published cell, said in a line) join
    # its notes: left loose, they ran over the page's foot, the notes after them alone atop
    # the next page (rd17: fr pp. 68–69)
    at = max((i for i, f in enumerate(body) if _tables([f])), default=len(body) - 1)
    if 0 <= at < len(body) - 1 and not any(isinstance(f, Spacer) for f in body[at + 1 :]):
        notes = [*body[at + 1 :], *notes]
        del body[at + 1 :]
    last = body[-1] if body else None
    if isinstance(last, ChartThenTable):  # the notes go on with the table they explain
        body[-1] = ChartThenTable([*last._content, *notes], last.tail + len(notes))
    elif isinstance(last, KeepTogether):
        body[-1] = TableBlock([*last._content, *notes])
    elif isinstance(last, Table):
        body[-1] = TableBlock([last, *notes])
    else:
        body += notes
    return body if ahead is None else _with_pointers(body, ahead, group)


def _unkept(flowables: list[Flowable]) -> list[Flowable]:
    """The contents of kept-together blocks in their place (a block measures as a whole only
    through its contents: its own ``wrap`` asks for a split)."""
    out: list[Flowable] = []
    for f in flowables:
        out += _unkept(list(f._content)) if isinstance(f, KeepTogether) else [f]
    return out


def _with_pointers(out: list[Flowable], ahead: Flowable, group: NotesGroup) -> list[Flowable]:
    """``out`` with a :class:`NotesPointer` after each block holding a table but the last (one
    kept with what follows it aside), measuring what follows up to the next such block."""
    blocks = [
        i for i, f in enumerate(out) if _tables([f]) and not getattr(f, "keepWithNext", False)
    ]
    result = list(out)
    for i, nxt in reversed(list(pairwise(blocks))):
        result.insert(i + 1, NotesPointer(ahead, out[i + 1 : nxt + 1], group))
    return result


def _tables(flowables: list[Flowable]) -> list[Table]:
    """The tables of ``flowables``, those inside kept-together blocks too."""
    out: list[Table] = []
    for f in flowables:
        if isinstance(f, KeepTogether):
            out += _tables(list(f._content))
        elif isinstance(f, Table):
            out.append(f)
    return out
