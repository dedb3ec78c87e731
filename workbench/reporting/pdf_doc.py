"""The document template: page frame, running footer "page X of Y", TOC entries and outline."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from workbench.reporting.fonts import REGULAR
from workbench.reporting.pdf_flow import KeepWithNext, group_with_next, heading_gaps
from workbench.reporting.pdf_text import MUTED, Heading
from workbench.reporting.rtl import actual_text, is_rtl, visual

#: binary streams: no ASCII85 (reportlab's pure-Python encoder is slow when rl_accel is absent)
rl_config.useA85 = 0

PAGE_SIZES = {"A4": A4, "Letter": letter}
MARGIN = 18 * mm


def numbered_canvas(footer: Callable[[int, int], str], left_note: str, rtl: bool) -> type[Canvas]:
    """A canvas class that defers footers until the page count is known (two-pass numbering)."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            width, _h = self._pagesize
            self.saveState()
            self.setFont(REGULAR, 7.5)
            self.setFillColor(MUTED)
            text = footer(self._pageNumber, total)
            note = left_note
            if rtl:  # shaped glyphs, with the logical text for search and screen readers
                self._code.append(f"/Span <</ActualText {actual_text(text)}>> BDC")
                self.drawString(MARGIN, 10 * mm, visual(text))
                self._code.append("EMC")
                self.drawRightString(width - MARGIN, 10 * mm, visual(note))
            else:
                self.drawRightString(width - MARGIN, 10 * mm, text)
                self.drawString(MARGIN, 10 * mm, note)
            self.restoreState()

    return NumberedCanvas


class ReportDoc(BaseDocTemplate):
    def __init__(self, out: BinaryIO, page_size: str, lang: str, **kw: Any) -> None:
        """A document written to ``out`` (in memory: the export writer puts it on disk)."""
        size = PAGE_SIZES[page_size]
        super().__init__(
            out, pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
            bottomMargin=MARGIN + 4 * mm, invariant=1, initialFontName=REGULAR,
            keepTogetherClass=KeepWithNext, **kw,
        )  # fmt: skip
        self.lang = lang
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self._seen_keys: set[str] = set()

    def build(self, flowables: list[Any], *args: Any, **kw: Any) -> Any:
        heading_gaps(flowables)  # each pass (multiBuild builds a copy of the story)
        return super().build(flowables, *args, **kw)

    def handle_keepWithNext(self, flowables: list[Any]) -> None:
        group_with_next(self, flowables)

    def seed_contents(self, story: list[Any]) -> None:
        """Give the contents their entries before the first pass (page numbers unknown), so
        that pass lays out contents of their final length: two passes instead of three (the
        contents of the first pass were empty, which moved every later page). A guess that
        turns out wrong only costs the pass it would have saved."""
        entries = [
            (h.level, h.text if is_rtl(self.lang) else escape(h.text), 0, h.key)
            for h in _headings(story)
        ]
        for flowable in story:
            if flowable.isIndexing() and hasattr(flowable, "_entries"):
                flowable._entries = list(entries)

    def afterFlowable(self, flowable: Any) -> None:
        if not isinstance(flowable, Heading):
            return
        text = flowable.text
        # right-to-left contents wrap and shape the logical text themselves (RtlTableOfContents)
        shown = text if is_rtl(self.lang) else escape(text)
        self.notify("TOCEntry", (flowable.level, shown, self.page, flowable.key))
        self.canv.bookmarkPage(flowable.key)
        self.canv.addOutlineEntry(
            text, flowable.key, level=flowable.level, closed=flowable.level > 0
        )


def _headings(flowables: list[Any]) -> list[Heading]:
    """The headings of a story in reading order (inside kept-together groups too)."""
    out: list[Heading] = []
    for f in flowables:
        if isinstance(f, Heading):
            out.append(f)
        elif isinstance(getattr(f, "_content", None), list):
            out += _headings(f._content)
    return out
