"""The Word renderer: the report's story (the flowables its sections laid out from the view
models, exactly as the PDF gets them) written as an editable ``.docx``.

One story, two renderers: a section is written once (``workbench/reporting/story.py`` and the
modules it calls) and this module translates each element — headings (Word's Heading styles, so
the navigation pane and the contents field work), paragraphs, tables (real Word tables: the
same header, cells, flags, shading and merged section rows; header rows repeat on each page),
charts (PNG at print resolution, drawn under :func:`~workbench.reporting.charts.print_raster`),
page breaks and the contents (a ``TOC`` field Word fills in). A right-to-left report gets
``w:bidi`` paragraphs, ``w:rtl`` runs (Latin runs such as "[en]" left to right), ``w:bidiVisual``
tables in logical column order and the Arabic-capable font in ``w:cs``. The footer carries the
PDF's fingerprint note and "page X of Y". What keeps together on a page is read from the XML
by :mod:`~workbench.reporting.docx_keeps`; the flowables' text and a reportlab table's cells,
spans and fills by :mod:`~workbench.reporting.docx_cells`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Image, KeepTogether, PageBreak, Paragraph, Spacer, Table
from reportlab.platypus.tableofcontents import TableOfContents

from workbench.errors import ReportError
from workbench.reporting.docx_captions import WordCaptions
from workbench.reporting.docx_cells import (
    _backgrounds,
    _column_chars,
    _header_lines,
    _nosplit_rows,
    _row_lines,
    _spans,
    _style_name,
    plain_text,
)
from workbench.reporting.docx_contents import WordContents
from workbench.reporting.docx_keeps import (
    _P,
    _SECT,
    _TBL,
    _WP,
    SHORT_TABLE,
    WORD_CHART_SCALE,
    WORD_PAGE_FILL,
    _height,
    _kept_rows,
    _text,
    keep_with_notes,
)
from workbench.reporting.docx_table import WordTable, append_table
from workbench.reporting.docx_xml import (
    bidi_paragraph,
    bidi_section,
    bookmark,
    cs_size,
    document_language,
    field,
    hyphens_kept,
    joined_letters,
    keep_with_next,
    rtl_run,
    set_fonts,
    update_fields_on_open,
    word_hyphens,
    word_lang,
)
from workbench.reporting.fonts import BOLD, register_fonts
from workbench.reporting.i18n import Translator
from workbench.reporting.palette import hatched
from workbench.reporting.pdf_flow import (
    ChartThenTable,
    ContinuedTable,
    NotesPointer,
    SectionBreak,
    marked,
)
from workbench.reporting.pdf_text import (
    BalancedLine,
    Heading,
    RTLParagraph,
    balanced_lines,
    dash_with_next,
)
from workbench.reporting.rtl import has_letters, is_rtl, rtl_piece, visual, word_runs
from workbench.reporting.typography import NBSP, typeset

PAGE_MM = {"A4": (210, 297), "Letter": (215.9, 279.4)}
MARGIN_MM = 18
#: the footer's distance from the page's bottom edge: its line ends well above the margin
FOOTER_MM = 8
INK = RGBColor(0x1D, 0x27, 0x33)
MUTED = RGBColor(0x5A, 0x65, 0x70)
BLUE = RGBColor(0x1F, 0x4E, 0x79)
#: report style → (Word style, size in pt, bold, colour)
STYLES: dict[str, tuple[str, float, bool, RGBColor]] = {
    "body": ("Normal", 9.5, False, INK),
    "small": ("Note", 7.5, False, MUTED),
    "cell": ("Normal", 8, False, INK),
    "cell_bold": ("Normal", 8, True, INK),
    # a paragraph in a heading's look that is no section ("Contents"): not in the outline
    "h1": ("TOC Heading", 16, True, BLUE),
    "heading1": ("Heading 1", 16, True, BLUE),
    "heading2": ("Heading 2", 11.5, True, BLUE),
    "h3": ("Heading 3", 9.5, True, INK),
    "title": ("Title", 24, True, BLUE),
    "subtitle": ("Subtitle", 12, False, MUTED),
    "hash": ("Note", 6.4, False, INK),
    # the contents' entries (Word's built-in "toc 1" and "toc 2", LibreOffice's "Contents 1/2")
    "toc1": ("toc 1", 10, True, INK),
    "toc2": ("toc 2", 8.5, False, INK),
}
#: (Word style, points before or None for the template's, points after)
SPACING = (("Note", None, 4), ("Heading 1", 12, 4), ("Title", None, 8))
#: the space after a contents entry (points)
TOC_AFTER_PT = 1
#: the headings (keys) that start a page wherever they come, as in the PDF: the solutions
#: measure began at the foot of a page after the last preference indicator, its table's notes
#: on the next (the Arabic Word report's pp. 57–58), and the IDP stock
PAGE_HEADINGS = frozenset({"solutions", "stock"})
#: the headings (keys) whose notes are set as tightly as the PDF's (2 pt after, single lines):
#: the briefing's method box — at Word's 10 pt after and 1.15 lines its last line, "Full
#: report: 58 indicators…", went alone onto a 4th page of the French Word briefing
COMPACT_HEADINGS = frozenset({"brief-method"})


#: the most of a page's height a list kept whole under its heading takes (:meth:`_bullet`)
LIST_KEPT = 0.4
#: a list's bullet starts so
BULLET = "• "


#: the story's flowables Word writes as a paragraph of text (a :class:`Heading` is written as a
#: heading first)
_TEXT = (RTLParagraph, Paragraph, BalancedLine)


def _is_bullet(f: Any) -> bool:
    """Whether the story's ``f`` is a list's bullet ("• …")."""
    return isinstance(f, RTLParagraph | Paragraph) and plain_text(f).lstrip().startswith(BULLET)


#: the report's styles set as headings: their lines are balanced (:meth:`DocxRenderer._balanced`)
BALANCED = frozenset({"heading1", "heading2", "h3"})
#: the report's styles whose hyphens inside a word never end a line (:func:`hyphens_kept`): the
#: headings, the title, a breakdown's caption and the contents' entries (a table's cells too)
KEPT_HYPHENS = BALANCED | {"h1", "title", "subtitle", "cell_bold", "toc1", "toc2"}
#: a right-to-left heading's lines end in a line break only when each fills at most this much of
#: the line: the viewer's font may be a little wider than the one measured
RTL_BREAK_FILL = 0.9


@dataclass
class DocxMeta:
    """What the file says about itself (core properties) and its page furniture."""

    language: str
    page_size: str
    title: str
    author: str
    subject: str
    keywords: str
    when: datetime
    #: left of the footer: plan, version and the start of the results' fingerprint
    footer_note: str
    #: "page X of Y" with ``{page}`` and ``{pages}`` where the fields go
    page_template: str


class DocxRenderer(WordContents, WordCaptions):
    def __init__(self, meta: DocxMeta) -> None:
        self.meta = meta
        self.rtl = is_rtl(meta.language)
        self.doc = Document()
        #: (level, text, bookmark) of each heading, for the contents
        self._headings: list[tuple[int, str, str]] = []
        #: each notes group's tables (``w:tbl``, rows) in order: the group's notes follow its last
        self._groups: dict[int, list[tuple[Any, int]]] = {}
        #: the tables written since the last heading or notes pointer, in no group yet (a main
        #: table without a title is no ContinuedTable: its group is the pointer's after it)
        self._recent: list[tuple[Any, int]] = []
        #: the tables written since the last heading or notes pointer; those showing a mark
        self._block: list[Any] = []
        self._marked: set[Any] = set()
        #: (the gap after a block, its tables, "Notes: see the end of the table.") per pointer
        self._pointers: list[tuple[Any, list[Any], str, Any]] = []
        #: the tables written since the last heading (a breakdown table's predecessor)
        self._since_heading: list[Any] = []
        #: (table, the table before it, the table's first element, "<title>: breakdowns") of
        #: each titled table that follows another under the same heading (:meth:`_captions`)
        self._followers: list[tuple[Any, Any, Any, str, bool, str]] = []
        #: the last of the notes kept with the table before them (:meth:`_keep_notes`)
        self._note_tail: Any = None
        self._level = 0  # the level of the last section heading (Word's Heading 1, 2)
        self._compact = False  # under a COMPACT_HEADINGS heading: its notes set tightly
        self._break = False  # a page break waits for the next element
        #: the PDF's height (points) of the headings and lead notes just written, kept with
        #: what follows them (a criterion's heading and lead above its first indicator)
        self._chain = 0.0
        self._after_heading = False  # the last element written was a heading
        #: the paragraph last written keeps with the next (a heading's intro, a lead note)
        self._led = False
        #: the last bullet of a list kept with the heading and intro above it, and the list's
        #: height so far (points; :meth:`_bullet`)
        self._list: tuple[Any, float] | None = None
        self._setup()
        #: style name → id, looked up once (python-docx searches the styles part on every set)
        self._ids = {s.name: s.style_id for s in self.doc.styles if s.type == 1}
        self._table_style = self.doc.styles["Table Grid"].style_id
        self._block_width = int(self.doc._block_width)
        self._width = self._block_width / 12700  # EMU → points
        #: the page's height within its margins (points)
        self._page_height = Mm(PAGE_MM[meta.page_size][1] - 2 * MARGIN_MM).pt
        #: the share of its size the next chart is drawn at (:meth:`_chart_then_table`)
        self._chart_scale = 1.0
        #: the last indicator's heading (what its breakdowns' captions name, :meth:`_captions`)
        self._title = ""

    # ------------------------------------------------------------------ document setup
    def _setup(self) -> None:
        m, doc = self.meta, self.doc
        section = doc.sections[0]
        w, h = PAGE_MM[m.page_size]
        section.page_width, section.page_height = Mm(w), Mm(h)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(MARGIN_MM))
        if self.rtl:
            bidi_section(section)
        styles = doc.styles
        if "Note" not in [s.name for s in styles]:
            styles.add_style("Note", 1).base_style = styles["Normal"]  # 1: paragraph style
        for level in (1, 2):  # Word's built-in contents styles, by their names and ids
            toc = styles.add_style(f"toc {level}", 1)
            toc.style_id, toc.base_style = f"TOC{level}", styles["Normal"]
            toc.paragraph_format.left_indent = Pt(14 * (level - 1))
            toc.paragraph_format.space_before = Pt(3 if level == 1 else 0)
            # an entry a line: at the template's 10 pt after each and 1.15 lines, the French
            # contents ran over four pages, the last holding its two last entries alone
            toc.paragraph_format.space_after = Pt(TOC_AFTER_PT)
            toc.paragraph_format.line_spacing = 1.0
        for name, size, bold, colour in {
            (s, z, b, c) for s, z, b, c in STYLES.values() if s not in ("Normal", "Note")
        } | {("Normal", 9.5, False, INK), ("Note", 7.5, False, MUTED)}:
            st = styles[name]
            st.font.size, st.font.bold, st.font.color.rgb = Pt(size), bold, colour
            st.font.italic = False
            set_fonts(st.element.get_or_add_rPr(), size)
            if bold:  # and the complex-script bold: Arabic headings were drawn regular
                st.element.get_or_add_rPr().get_or_add_bCs()
            if self.rtl:
                joined_letters(st)
        # a note (a table's footnotes, the solutions' note) is never cut by a page: the English
        # Word report's solutions note began at the foot of page 56 and ended on page 57
        styles["Note"].paragraph_format.keep_together = True
        # the spacing nearer the PDF's (its notes 2 pt after, its headings 4–10 pt before): at
        # the template's 10 pt after every note, 24 pt before a Heading 1 and 15 pt under the
        # title, the French Word briefing's overview ran two lines onto a second page, which
        # held nothing else (the gaps start a page), and the briefing took four pages
        for name, before, after in SPACING:
            fmt = styles[name].paragraph_format
            if before is not None:
                fmt.space_before = Pt(before)
            fmt.space_after = Pt(after)
        props = doc.core_properties
        props.title, props.subject = typeset(m.title, m.language), typeset(m.subject, m.language)
        props.author = typeset(m.author, m.language)
        # the text's language, for the spell-checker too (the French file was tagged "en-US")
        props.keywords, props.language = m.keywords, word_lang(m.language)
        document_language(doc, m.language)
        props.created = props.modified = m.when.replace(tzinfo=None)
        props.last_modified_by, props.revision = m.author, 1
        self._footer(section)
        update_fields_on_open(doc)

    def _footer(self, section: Any) -> None:
        # the footer (one 7.5 pt line, no space after it) sits FOOTER_MM above the page's edge,
        # within the bottom margin: at the template's 12.7 mm, with 10 pt of space after it, it
        # was taller than the margin and the body ran down to its first line — a full page's
        # last table row touched the page number (LibreOffice, the French report's p. 67)
        section.footer_distance = Mm(FOOTER_MM)
        p = section.footer.paragraphs[0]
        p.style = self.doc.styles["Note"]
        p.paragraph_format.space_after = Pt(0)
        # the note at the start of the line, "page X of Y" at its end, as the PDF's footer: an
        # end-aligned tab stop at the text's far edge (a right-to-left paragraph measures it from
        # the right margin: the page number goes to the left); the Word briefing ran the two
        # together at the left: "freedonia v1 · 7377ebea00e4  Page 1 sur 3"
        width = section.page_width - section.left_margin - section.right_margin
        p.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
        self._runs(p, self.meta.footer_note)
        p.add_run().add_tab()
        before, _sep, rest = self.meta.page_template.partition("{page}")
        middle, _sep, after = rest.partition("{pages}")
        self._runs(p, before)
        field(p, "PAGE", "1")
        self._runs(p, middle)
        field(p, "NUMPAGES", "1")
        self._runs(p, after)
        if self.rtl:
            bidi_paragraph(p)

    # ------------------------------------------------------------------ text
    def _runs(self, paragraph: Any, text: str, bold: bool | None = None) -> None:
        """``text`` as runs, in the language's typography (a plan's text as the catalogue's):
        right-to-left pieces and symbols marked ``w:rtl``, Latin words and numbers left to
        right (:func:`~workbench.reporting.rtl.rtl_piece`)."""
        text = typeset(text, self.meta.language)
        pieces = word_runs(text) if self.rtl else [(text, True)]
        for piece, latin in pieces:
            lines = piece.split("\n")
            for i, line in enumerate(lines):
                run = paragraph.add_run(line)
                word_hyphens(run._r)  # a hyphen kept (hyphens_kept): Word's own element
                if bold is not None:
                    run.bold = bold
                if self.rtl and rtl_piece(piece, latin):
                    rtl_run(run, lang=has_letters(line))
                    if bold:  # Arabic letters are drawn in the complex-script bold
                        run._r.get_or_add_rPr().get_or_add_bCs()
                if i < len(lines) - 1:
                    run.add_break()

    def _balanced(self, text: str, size: float, label: str = "") -> str:
        """A heading's ``text`` laid out as the PDF lays out its headings (``balanced_lines``,
        measured in the PDF's bold font at the Word heading's ``size`` over the text's width):
        on two lines, the words of the second joined by no-break spaces, so Word breaks the
        line there, or nowhere when its font fits it on one — "… sur les indicateurs des /
        critères" left one word alone on the French Word report's heading (rd17). A
        right-to-left heading takes a line break there instead: LibreOffice breaks between an
        Arabic word and a number even at a no-break space. A chapter's heading (``label``: its
        "Criterion N:" / "Module A:") too long for one line breaks right after the label, its
        name balanced below, as the PDF's :class:`Heading` does — the French Word report's
        chapter headings broke three ways ("Critère 3 :" alone, "Critère 1 : Sûreté,",
        mid-name; rd20 fr pp. 15, 22, 36, 51)."""
        register_fonts()
        full = self._block_width / 12700  # EMU → points
        width = full - 1  # the lines balanced a point short of it

        def measure(line: str) -> float:
            return stringWidth(visual(line, True) if self.rtl else line, BOLD, size)

        # on one line (or broken already): as written — the Arabic briefing's third gap
        # heading measured 492.9 of 493.2 pt and fits its line in LibreOffice
        if "\n" in text or measure(typeset(text, self.meta.language)) <= full:
            return text
        label = typeset(label, self.meta.language).rstrip() if label else ""
        text = dash_with_next(typeset(text, self.meta.language))
        rest = text[len(label) :].strip() if label and text.startswith(label) else ""
        if rest:
            return label + "\n" + self._balanced(rest, size)
        lines = balanced_lines(text, width, measure).split("\n")
        if len(lines) < 2:
            return text
        if self.rtl:
            fits = max(measure(line) for line in lines) <= RTL_BREAK_FILL * width
            return "\n".join(lines) if fits else text
        return " ".join([*lines[:-1], lines[-1].replace(" ", NBSP)])

    def paragraph(self, text: str, style: str, container: Any = None, label: str = "") -> Any:
        word_style, size, bold, _c = STYLES.get(style, STYLES["body"])
        if style in BALANCED:
            text = self._balanced(text, size, label)
        if style in KEPT_HYPHENS:
            text = hyphens_kept(text)
        if style == "h3":  # one level under the section's heading: the briefing's gap titles
            word_style = f"Heading {min(self._level + 1, 3)}"  # were Heading 3 under Heading 1
        target = container if container is not None else self.doc
        p = target.add_paragraph()
        if word_style != "Normal":
            p._p.style = self._ids[word_style]
        self._runs(p, text, bold if word_style == "Normal" and bold else None)
        if style == "h3" and word_style != "Heading 3":  # a level up, in its own look still
            _h3, size, _b, colour = STYLES["h3"]  # (at Heading 2's size the French briefing's
            for run in p.runs:  # gap titles wrapped and left one line alone on a 4th page)
                run.font.size, run.font.color.rgb = Pt(size), colour
                cs_size(run._r.get_or_add_rPr(), size)
        if self.rtl:
            bidi_paragraph(p)
        if style in ("title", "subtitle"):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if style == "small" and self._compact:
            p.paragraph_format.space_after, p.paragraph_format.line_spacing = Pt(2), 1.0
        return p

    def _title_size(self, p: Any, size: float) -> None:
        """The title at the size the story fitted it to one line (``title_para``: down to 3/4
        of the title style's): Word set it at the style's 24 pt, and the French Word briefing's
        title wrapped onto two lines and pushed its overview onto a second page."""
        if size >= STYLES["title"][1]:
            return
        for run in p.runs:
            run.font.size = Pt(size)
            cs_size(run._r.get_or_add_rPr(), size)

    def heading(self, flowable: Heading) -> None:
        level = min(flowable.level + 1, 2)
        self._level = level
        p = self.paragraph(flowable.text, f"heading{level}", label=flowable.label)
        keep_with_next(p)
        # the contents link to it (Word names its own contents' bookmarks "_Toc…", hidden)
        number = len(self._headings) + 1
        name = f"_Toc{number:08d}"
        bookmark(p, name, number)
        self._headings.append((level, flowable.text, name))
        self._title = flowable.text if flowable.key.startswith("ind") else ""  # an indicator's
        self._recent, self._block, self._since_heading = [], [], []

    # ------------------------------------------------------------------ tables
    def table(self, t: Table) -> None:
        values: list[list[Any]] = [list(r) for r in t._cellvalues]
        widths = list(t._colWidths)
        nrows, ncols = len(values), len(widths)
        if nrows == 0 or ncols == 0:
            return
        if self.rtl:  # the PDF mirrored the columns; Word mirrors a bidiVisual table itself
            values = [r[::-1] for r in values]
            widths = widths[::-1]

        def col(c: int) -> int:
            return ncols - 1 - c if self.rtl else c

        spans = {r0 for _cmd, (c0, r0), (c1, r1) in _spans(t) if r0 == r1}
        # a table of results has its column names in a first row repeated on each page; the
        # cover's facts have none: its first row in bold read as a header (rd17 fr)
        header = bool(getattr(t, "repeatRows", 0))
        cells = [
            [
                (
                    hyphens_kept(typeset(plain_text(v), self.meta.language)),
                    (r == 0 and header) or _style_name(v) == "cell_bold",
                )
                for v in row
            ]
            for r, row in enumerate(values)
        ]
        if header:  # no number alone on an Arabic header's second line ("فترة ثقة / 95%")
            cells[0] = [
                (_header_lines(text, self.rtl, _column_chars(w)), bold)
                for (text, bold), w in zip(cells[0], widths, strict=False)
            ]
        fills = [
            ((col(c0), r0), (col(c1), r1), colour) if not self.rtl else
            ((col(c1), r0), (col(c0), r1), colour)
            for (c0, r0), (c1, r1), colour in _backgrounds(t, nrows, ncols)
        ]  # fmt: skip
        # a table longer than a page says nothing before it about its notes: its column names
        # repeat on each page and its notes follow its last row, kept with it — a "Notes: see
        # the end of the table." between its title and its column names, before any row, read
        # as a stray line (under its rows it sat right above the notes it pointed to, c8f711e)
        repeat = header
        hashes = frozenset(
            c for c in range(ncols) if any(_style_name(row[c]) == "hash" for row in values[1:])
        )  # a fingerprint's column: the PDF's small hash style
        # the PDF's hatched cells (a rating on limited evidence), in Word's columns
        striped = frozenset(
            (c, r) for r, row in enumerate(values) for c, v in enumerate(row) if hatched(v)
        )
        table = WordTable(
            cells, widths, spans, fills, repeat, self.rtl, hashes, _nosplit_rows(t), striped,
            ruled=not header,
        )  # fmt: skip
        tbl = append_table(self.doc.element.body, table, self._table_style, self._block_width)
        line = t.word_line if isinstance(t, ContinuedTable) else ""
        first = isinstance(t, ContinuedTable) and t.word_first
        if line and (self._since_heading or first):  # a breakdown table after another
            text = typeset(line, self.meta.language)
            before = self._since_heading[-1] if self._since_heading else None
            self._followers.append((tbl, before, tbl, text, first, self._title))
        self._since_heading.append(tbl)
        # its height in lines: a solutions breakdown's rows hold a share over its interval and
        # its headers wrap ("IDPs outside / camps"), and a group of "40 rows" filled more than a
        # page (keep_with_notes broke off in LibreOffice, the Arabic copy's pp. 62–63)
        lines = sum(_row_lines(row, widths) for row in cells)
        group = getattr(t, "notes_group", None)
        if group is not None:
            self._group(group, [(tbl, lines)])
        else:
            self._recent.append((tbl, lines))
        self._block.append(tbl)
        if marked(t):
            self._marked.add(tbl)
        self.doc.add_paragraph()._p.style = self._ids["Note"]  # Word joins adjacent tables

    def _group(self, group: Any, tables: list[tuple[Any, int]]) -> None:
        """``tables`` join the notes group ``group`` (:func:`keep_with_notes`)."""
        self._groups.setdefault(id(group), []).extend(tables)
        self._recent = []

    # ------------------------------------------------------------------ the story
    def add(self, flowables: list[Any]) -> None:
        for f in flowables:
            if isinstance(f, SectionBreak | PageBreak):
                # the next element starts a page (none: no blank last page). Every chapter (a
                # criterion, a module, the solutions, the stock, an annex: a SectionBreak before
                # it) starts one, as in the PDF — Criterion 8 and Module B began mid-page under
                # the notes of the indicator before while the other chapters opened a page, the
                # chapter break easy to miss (rd18: en p. 64, fr pp. 63, 65); the briefing's gaps
                # too (OverviewBreak)
                self._break = True
                continue
            body = self.doc.element.body
            start = len(body) - (1 if len(body) and body[-1].tag == _SECT else 0)
            self._one(f)
            if not _is_bullet(f):
                self._list = None
            if not isinstance(f, _TEXT) or isinstance(f, Heading):
                self._led = isinstance(f, Heading)  # a heading keeps with what follows it
            # what keeps with the next counts in the chain's height in every language: an
            # Arabic lead is an RTLParagraph, and uncounted it left the Arabic Criterion 2's
            # chart full size and its main table split 2 + 2 (rd21 ar pp. 23–24); a balanced
            # line (a briefing gap's title) too
            kept = isinstance(f, Heading) or (isinstance(f, _TEXT) and f.getKeepWithNext())
            self._after_heading = isinstance(f, Heading)
            self._chain = self._chain + _height([f], self._width) if kept else 0.0
            if self._break and len(body) > start + (body[-1].tag == _SECT):
                self._starts_page(body[start])

    def _starts_page(self, first: Any) -> None:
        """``first`` (the first element after a page break) starts a new page: "page break
        before" on its paragraph, not a paragraph holding a break — after a full page that
        paragraph began a page of its own and left it blank (the Arabic Word report's page 5)."""
        self._break = False
        if first.tag != _P:  # a table: an empty paragraph before it carries the break
            para = OxmlElement("w:p")
            first.addprevious(para)
            first = para
        first.get_or_add_pPr().pageBreakBefore_val = True

    def _one(self, f: Flowable) -> None:
        if isinstance(f, Heading):
            if f.key in PAGE_HEADINGS:
                self._break = True
            self._compact = f.key in COMPACT_HEADINGS
            self.heading(f)
        elif isinstance(f, _TEXT):  # a balanced line (a briefing gap's title) too: Word
            # balances its lines itself (:meth:`_balanced`), from its unbroken text
            style = getattr(f.style, "name", "body")
            p = self.paragraph(plain_text(f), style)
            if style == "title":
                self._title_size(p, f.style.fontSize)
            # a heading's lead note, a table's title (its style's mark): on its block's page;
            # and a heading's intro, kept with what it introduces — the "Key gaps" heading and
            # its two-line intro stood at the foot of the summary's page, its bullets on the next
            # (rd18 en p. 4–5)
            led = self._led
            self._led = bool(
                f.getKeepWithNext() or (self._after_heading and style not in ("title", "subtitle"))
            )
            if self._led:
                keep_with_next(p)
            if _is_bullet(f):
                self._bullet(p, f, led)
            if style == "small":
                self._keep_notes(p._p)
        elif isinstance(f, TableOfContents):
            self._contents()
        elif isinstance(f, Table):
            self.table(f)
        elif isinstance(f, Image):
            self.image(f)
        elif isinstance(f, ChartThenTable):
            self._chart_then_table(f)
        elif isinstance(f, KeepTogether):
            self._kept_together(list(f._content))
        elif isinstance(f, PageBreak):
            self._break = True
        elif isinstance(f, Spacer):
            if f.height >= 24:  # the cover's space above the title; small gaps are spacing
                p = self.doc.add_paragraph()
                p.paragraph_format.space_before = Pt(f.height)
        elif isinstance(f, NotesPointer):
            # the PDF's line where its pages fall; Word lays out pages of its own, and keeps
            # the tables before it with the notes where they fit (:func:`keep_with_notes`)
            self._group(f.group, self._recent)
            gap = self.doc.element.body[-1]
            gap = gap.getprevious() if gap.tag == _SECT else gap
            if gap.tag == _P and self._block:
                # the notes come after later tables: "see the end of the table" under Criterion
                # 6's headline table sent readers to a separately titled one (fr_B 3)
                # the PDF's words for notes after later tables, one catalogue string for both
                words = Translator(self.meta.language)("notes_after_tables")
                line = typeset(words, self.meta.language)
                self._pointers.append((gap, self._block, line, f.group))
            self._block = []
        else:
            raise ReportError.of("report.docx_element", element=type(f).__name__)

    def _bullet(self, p: Any, f: Flowable, led: bool) -> None:
        """A list's bullet (``p``, the story's ``f``): a short list that starts under a heading
        and its intro (``led``: the paragraph before keeps with it) is kept whole with them, up
        to :data:`LIST_KEPT` of a page — the Arabic Word report's "Key gaps" heading, its intro
        and first gap stood at the foot of p. 4, the four other gaps on p. 5 (rd19 ar L.71)."""
        h = _height([f], self._width)
        if self._list is None:
            self._list = (p, h) if led else None
            return
        last, height = self._list
        if height + h > LIST_KEPT * self._page_height:
            self._list = None
            return
        keep_with_next(last)
        self._list = (p, height + h)

    def _keep_notes(self, note: Any) -> None:
        """A note right after a table (in the gap after it, or after such a note) keeps with
        its last row: the Arabic solutions' headline table stood at a page's foot, the notes
        on what its "*", "–" and "<" mean on the next page."""
        before = note.getprevious()
        if before is None:
            return
        if before is not self._note_tail:
            tbl = before.getprevious()
            if before.tag != _P or _text(before) or tbl is None or tbl.tag != _TBL:
                return
            for para in tbl.findall(qn("w:tr"))[-1].iter(_P):
                para.get_or_add_pPr().keepNext_val = True
        before.get_or_add_pPr().keepNext_val = True
        self._note_tail = note

    def _kept_together(self, flowables: list[Any]) -> None:
        """What the PDF keeps on one page, kept so in Word: every paragraph of the block (those
        of its tables' cells too) but the last is "keep with next", so a table's footnotes never
        start a page of their own. A table longer than a page (:data:`LONG_TABLE` rows) keeps
        only its first and last rows so: its title stays with its first rows and its notes
        with its last, and the rows between flow (all of them kept with the next, LibreOffice
        left the title alone on a page and began the table on the next)."""
        body = self.doc.element.body
        start = len(body) - (1 if len(body) and body[-1].tag == _SECT else 0)  # before sectPr
        self.add(flowables)
        added = [el for el in list(body)[start:] if el.tag in (_P, _TBL)]
        paragraphs = [p for el in added for p in ([el] if el.tag == _P else _kept_rows(el))]
        for p in paragraphs[:-1]:
            p.get_or_add_pPr().keepNext_val = True

    def _chart_then_table(self, block: ChartThenTable) -> None:
        """An indicator's heading, lead notes and chart, then its main table, kept together —
        unless with the heading and lead kept above them (a criterion's) they are taller than a
        page (:data:`WORD_PAGE_FILL` of it, measured as the PDF sets them): then the chart ends
        the chain and the table, its rows kept together, goes on whole on the next page, as the
        PDF's :class:`ChartThenTable` does. Word and LibreOffice break a chain taller than a page
        at the page's foot: the French Word report's main tables split before their last row,
        the host-community comparison row alone atop the next page (rd18 fr pp. 15→16, 22→23,
        36→37, 51→52)."""
        content = list(block._content)
        head = content[: -block.tail]
        over = self._chain + _height(content, self._width) - WORD_PAGE_FILL * self._page_height
        tall = over > 0
        charts = [f for f in head if isinstance(f, Image)]
        if tall and len(charts) == 1 and charts[0].drawHeight > 0:
            # all of it on the page, its chart a little smaller, when that is enough: at the
            # starts of Critère 1, 2, 3 and 5 the chapter's heading and lead, the indicator's
            # heading and its chart of two rows of panels filled the page and the main table
            # opened the next one (rd20 fr pp. 15–16, 22–23, 36–37, 51–52; en pp. 22–23, 51–52)
            scale = 1 - over / charts[0].drawHeight
            if scale >= WORD_CHART_SCALE:
                self._chart_scale, tall = scale, False
        body = self.doc.element.body
        start = len(body) - (1 if len(body) and body[-1].tag == _SECT else 0)
        self._kept_together(content)
        self._chart_scale = 1.0
        if not tall or not head:
            return
        added = [el for el in list(body)[start:] if el.tag in (_P, _TBL)]
        tables = [el for el in added if el.tag == _TBL]
        if not tables:
            return
        before = tables[0].getprevious()  # the chart's paragraph (or the gap before the table)
        while before is not None and before.tag == _P and before in added:
            before.get_or_add_pPr().keepNext_val = None
            if before.find(f".//{{{_WP}}}extent") is not None or _text(before):
                break
            before = before.getprevious()

    def image(self, img: Image) -> None:
        # set by Builder.image: the chart at print resolution, else as the PDF shows it
        raw = getattr(img, "print_raw", None) or getattr(img, "raw", None)
        if raw is None:
            raise ReportError.of("report.docx_element", element="Image")
        p = self.doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT if self.rtl else WD_ALIGN_PARAGRAPH.LEFT
        width = img.drawWidth * self._chart_scale
        shape = p.add_run().add_picture(io.BytesIO(raw), width=Emu(int(width * 12700)))
        alt = getattr(img, "alt", None)
        if alt:  # a screen reader's words for the chart: "Picture 1" with no description before
            name, descr = (typeset(t, self.meta.language) for t in alt)
            shape._inline.docPr.set("name", name)
            shape._inline.docPr.set("descr", descr)
        if self.rtl:
            bidi_paragraph(p)

    def finish(self) -> bytes:
        toc = getattr(self, "_toc", None)
        if toc is not None:
            self._fill_contents(toc)
            self._fields_note(toc)
        kept: set[Any] = set()
        for tables in self._groups.values():
            kept |= keep_with_notes(tables)
        # once a group, right under its first block (an indicator's main table), as the PDF
        # says it: the solutions breakdowns said it under four blocks of one page (en_B 1,
        # fr_B 2), and under the first marked block it stood between an indicator's
        # second-to-last and last breakdown tables (issue 20, fr 44 times)
        groups: dict[int, list[tuple[Any, list[Any], str]]] = {}
        for gap, tables, line, group in self._pointers:
            groups.setdefault(id(group), []).append((gap, tables, line))
        for pointers in groups.values():
            shown = [t for _gap, tables, _line in pointers for t in tables]
            if any(t in self._marked and t not in kept for t in shown):
                gap, tables, line = pointers[0]
                self._pointer(gap, tables[-1], line)
        self._captions()
        for tbl in self.doc.element.body.iter(_TBL):  # a short table is never split
            rows = tbl.findall(qn("w:tr"))
            if len(rows) <= SHORT_TABLE:
                for para in (p for row in rows[:-1] for p in row.iter(_P)):
                    para.get_or_add_pPr().keepNext_val = True
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


#: an 8 pt cell character's width, about (points; bold Latin is wider than most)


def render_docx(flowables: list[Any], meta: DocxMeta) -> bytes:
    """The story as a Word document (bytes; the export writer puts it on disk)."""
    renderer = DocxRenderer(meta)
    renderer.add(flowables)
    return renderer.finish()
