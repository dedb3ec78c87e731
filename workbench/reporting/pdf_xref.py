"""A paragraph that cites the page of a heading, known only after layout.

The summary's stock sentence sent readers to its source table "in the solutions section" with no
page (en_A 8), while the contents give every heading's page. The paragraph listens to the
contents' entries (``TOCEntry``, :meth:`pdf_doc.ReportDoc.afterFlowable`) like an index: each pass
of ``multiBuild`` prints the page the previous pass found, and the build goes on until the page
printed is the page found (the contents need a second pass anyway). The Word report, written
from the story before the PDF's layout, prints the sentence without the page (``plain``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from workbench.reporting.pdf_text import RTLParagraph
from workbench.reporting.rtl import is_rtl
from workbench.reporting.typography import typeset

#: printed on the first pass, before any page is known: two digits, as wide as most pages
GUESS = -99


class _PageRef:
    """What both kinds of paragraph share: listen for ``key``'s page, say when it is settled.
    A heading the PDF does not hold (its section left out) leaves the sentence without a page."""

    _ref_key: str
    _ref_text: Callable[[int | None], str]
    _ref_seen: int | None
    _ref_printed: int | None
    _ref_passes: int

    def _ref_setup(self, key: str, text: Callable[[int | None], str]) -> None:
        self._ref_key, self._ref_text = key, text
        self._ref_seen, self._ref_printed = None, GUESS  # the first pass's guess
        self._ref_passes = 0

    def isIndexing(self) -> int:
        return 1

    def notify(self, kind: str, stuff: Any) -> None:
        if kind == "TOCEntry" and len(stuff) > 3 and stuff[3] == self._ref_key:
            self._ref_seen = int(stuff[2])

    def beforeBuild(self) -> None:
        if self._ref_passes:  # the page the last pass found (None: not in this PDF)
            self._ref_printed = self._ref_seen
        self._ref_passes += 1
        self._ref_seen = None

    def afterBuild(self) -> None:
        pass

    def isSatisfied(self) -> bool:
        return self._ref_seen == self._ref_printed

    def _ref_now(self) -> str:
        return self._ref_text(self._ref_printed)


class PageRefParagraph(_PageRef, Paragraph):
    """A left-to-right paragraph citing a page (its parts after a split are plain ones)."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        text = self._ref_now()
        if text != getattr(self, "_ref_laid", None):
            word = self.plain  # type: ignore[has-type]
            Paragraph.__init__(self, escape(text).replace("\n", "<br/>"), self.style)
            self.plain, self._ref_laid = word, text
        return super().wrap(availWidth, availHeight)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts = super().split(availWidth, availHeight)
        for part in parts:  # a part is drawn as split, never set up again
            part.__class__ = Paragraph
        return parts


class PageRefRTL(_PageRef, RTLParagraph):
    """A right-to-left paragraph citing a page; ``text`` stays the Word report's."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        word, self.text = self.text, self._ref_now()
        try:
            return super().wrap(availWidth, availHeight)
        finally:
            self.text = word


def page_ref(
    word: str, pdf: Callable[[int], str], key: str, style: ParagraphStyle, lang: str
) -> Flowable:
    """A paragraph printing ``pdf(page)``, the page of the heading ``key`` in the PDF (``word``
    where the PDF has no such heading), and ``word`` in the Word report; both in the language's
    typography, as :func:`pdf_text.para`."""

    def shown(page: int | None) -> str:
        if page is None:
            return typeset(word, lang)
        return typeset(pdf(abs(page)), lang)  # the guess (-99) prints as 99

    if is_rtl(lang):
        rtl = PageRefRTL(typeset(word, lang), style)
        rtl._ref_setup(key, shown)
        return rtl
    plain = typeset(word, lang)
    p = PageRefParagraph(escape(plain).replace("\n", "<br/>"), style)
    p.plain = plain
    p._ref_setup(key, shown)
    return p
