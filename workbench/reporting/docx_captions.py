"""The Word report's table captions and notes pointers (mixed into
:class:`~workbench.reporting.docx_render.DocxRenderer`): a breakdown table that follows another
under the same heading gets a caption naming it ("By district — <indicator>"), kept with the
table; a table whose notes come after a later table says where they are."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph as WordParagraph

from workbench.reporting.docx_keeps import _P, _W, LONG_TABLE, _chained, _text
from workbench.reporting.docx_xml import bidi_paragraph, cs_size, hyphens_kept, keep_with_next
from workbench.reporting.typography import NBSP, typeset

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

    from workbench.reporting.docx_render import DocxMeta


class WordCaptions:
    if TYPE_CHECKING:  # what the mixin uses of DocxRenderer
        meta: DocxMeta
        rtl: bool
        doc: WordDocument
        _ids: dict[str, str]
        _followers: list[tuple[Any, Any, Any, str, bool, str]]

        def _runs(self, paragraph: Any, text: str, bold: bool | None = None) -> None: ...
        def paragraph(self, text: str, style: str, container: Any = None) -> Any: ...

    def _pointer(self, gap: Any, tbl: Any, line: str) -> None:
        """The gap after ``tbl`` (after its own notes, if any) says where the notes are ("Notes:
        see the end of the table."), kept with the table's last row: a table showing a mark
        whose notes come after a later table, too far to keep with them
        (:func:`keep_with_notes`) — Word cannot know whether they fall on its page, so it says
        it wherever they are not kept with it."""
        # after the table's own notes, when it has some (the solutions' headline table: "Notes:
        # see the end of the table." stood between its rows and the two notes right under them)
        last = gap
        while (nxt := last.getnext()) is not None and nxt.tag == _P and self._note(nxt):
            last = nxt
        if last is not gap:
            last.get_or_add_pPr().keepNext_val = True  # the line stays on the notes' page
            said = self.paragraph(line, "small")
            last.addnext(said._p)
        else:
            p = WordParagraph(gap, self.doc._body)
            self._runs(p, line)
            if self.rtl:
                bidi_paragraph(p)
        for row in tbl.findall(qn("w:tr"))[-2:]:
            for para in row.iter(_P):
                para.get_or_add_pPr().keepNext_val = True

    def _note(self, p: Any) -> bool:
        """Whether the paragraph ``p`` is a note with text (a table's own note under it)."""
        style = p.find(f"{{{_W}}}pPr/{{{_W}}}pStyle")
        return style is not None and style.get(qn("w:val")) == self._ids["Note"] and bool(_text(p))

    def _captions(self) -> None:
        """A titled table that follows another under the same heading (an indicator's breakdown
        tables after its main table, the solutions' breakdowns) and is not kept on its page
        gets a caption naming it above it ("<indicator>: breakdowns", a solutions breakdown's
        title; :attr:`ContinuedTable.word_line`), kept with the table (its first rows when it is
        longer than a page): the French Word report began pages with a "District" table of an
        indicator named only on the page before (fr_B 5). Not the PDF's "(continued)": Word
        cannot know where its pages break, and 36 of 60 such lines fell mid-page (fr_B 1). A
        table kept with the one before it (:func:`keep_with_notes`) needs none. The line takes
        the place of the empty gap after the table before, when it has one: a line more under 60
        main tables made the English copy 74 → 79 pages in LibreOffice; in the gap, 74."""
        for tbl, before, first, text, always, title in self._followers:
            # a solutions breakdown's "By <breakdown>" names each block, kept with the one
            # before or not (seven tables under one repeated title read as duplicates, en_B 5)
            chained = before is not None and _chained(before, first)
            if chained and not always:
                continue
            p = self.paragraph(text, "cell_bold")
            if not chained and title and title not in text:
                self._caption_title(p, title)
            keep_with_next(p)
            # close to its table, a little apart from the one before (the gap it takes)
            p.paragraph_format.space_before, p.paragraph_format.space_after = Pt(6), Pt(2)
            gap = first.getprevious()
            if gap is not None and gap.tag == _P and not _text(gap) and gap.getprevious() is before:
                # in the gap after the table before: no line more (60 captions in the English
                # report), and that table, kept with its chart, not kept with this one
                for para in before.findall(qn("w:tr"))[-1].iter(_P) if not chained else ():
                    para.get_or_add_pPr().keepNext_val = None
                gap.getparent().remove(gap)
            first.addprevious(p._p)
            # the table whole when it fits a page (a solutions breakdown went on at the top of
            # the next page with two rows under its repeated header), else its first rows
            rows = tbl.findall(qn("w:tr"))
            for row in rows[:-1] if len(rows) <= LONG_TABLE else rows[:2]:
                for para in row.iter(_P):
                    para.get_or_add_pPr().keepNext_val = True

    def _caption_title(self, p: Any, title: str) -> None:
        """After a breakdown's caption ("By district"), the heading it comes under, in the
        notes' smaller, muted type: "By district — Felt discriminated against". Word cannot
        know where its pages break, and 14 pages of the English Word report opened on a table
        captioned only "By district", the indicator named on none of them (rd20 en p. 7, 8,
        9, …); the PDF names it there as "<indicator> (continued)". Only on a table that is
        not kept on the page of the one before it — one kept so shares its page with that
        table's caption or heading — so the title is not repeated under every table (the
        French readers disliked the whole title 3–5 times under its heading, rd19 fr L.67)."""
        from workbench.reporting.docx_render import STYLES  # the renderer's, which mixes this in

        _style, size, _bold, colour = STYLES["small"]
        before = len(p.runs)
        self._runs(p, hyphens_kept(NBSP + "— " + typeset(title, self.meta.language)), bold=False)
        for run in p.runs[before:]:
            run.font.size, run.font.color.rgb = Pt(size), colour
            cs_size(run._r.get_or_add_rPr(), size)
