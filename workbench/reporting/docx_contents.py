"""The Word report's contents (mixed into :class:`~workbench.reporting.docx_render.DocxRenderer`):
a contents field where the story puts it, filled when the document is finished with a linked
entry per heading of levels 1–2 in the report's language, and the line under its heading
telling a Word reader how the entries get their page numbers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docx.oxml.ns import qn

from workbench.reporting.docx_xml import (
    bidi_paragraph,
    field_end,
    field_start,
    hyphens_kept,
    link_runs,
)
from workbench.reporting.i18n import Translator

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.text.paragraph import Paragraph as WordParagraph

    from workbench.reporting.docx_render import DocxMeta

#: the contents field: headings of levels 1–2, entries linked to them, page numbers hidden in
#: web view, the outline levels of the Heading styles
TOC_FIELD = 'TOC \\o "1-2" \\h \\z \\u'


class WordContents:
    if TYPE_CHECKING:  # what the mixin uses of DocxRenderer
        meta: DocxMeta
        rtl: bool
        doc: WordDocument
        _headings: list[tuple[int, str, str]]
        _ids: dict[str, str]
        _toc: WordParagraph

        def _runs(self, paragraph: Any, text: str, bold: bool | None = None) -> None: ...
        def paragraph(self, text: str, style: str, container: Any = None) -> Any: ...

    def _contents(self) -> None:
        """A contents field (:meth:`finish` gives it its entries)."""
        self._toc = self.doc.add_paragraph()

    def _fill_contents(self, first: Any) -> None:
        """The contents field's result as Word would write it: a paragraph per heading of levels
        1–2, in the report's language, each a link to the bookmark on its heading — usable in
        any viewer (LibreOffice showed an empty contents, Word one until it updated the field).
        The page numbers need a layout engine: Word adds them when it updates the field on
        opening (``w:updateFields``)."""
        if not self._headings:
            field_start(first, TOC_FIELD, dirty=True)
            field_end(first)
            return
        at, last = first._p, first
        for i, (level, text, name) in enumerate(self._headings):
            p = first if i == 0 else self.doc.add_paragraph()
            if i:
                at.addnext(p._p)  # after the entry before (add_paragraph appends at the end)
                at = p._p
            p._p.style = self._ids[f"toc {level}"]
            if i == 0:
                field_start(p, TOC_FIELD, dirty=True)
            before = len(p._p.findall(qn("w:r")))  # the field's start, in the first entry
            self._runs(p, hyphens_kept(text))  # no entry's line ends at a hyphen
            link_runs(p, name, p._p.findall(qn("w:r"))[before:])
            if self.rtl:
                bidi_paragraph(p)
            last = p
        field_end(last)

    def _fields_note(self, toc: Any) -> None:
        """A short line under the contents' heading, in the notes' small type, tells a Word
        reader how the contents get their page numbers (updating the fields: Word does it on
        opening, F9; LibreOffice never fills them in by itself) — the file cannot hold them
        (:meth:`_fill_contents`). It stood on the cover, a software instruction on a report's
        title page (issue 20: en, fr and ar readers)."""
        text = Translator(self.meta.language)("word_update_fields")
        toc._p.addprevious(self.paragraph(text, "small")._p)
