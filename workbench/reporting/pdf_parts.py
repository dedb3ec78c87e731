"""The base of the report builder's section mixins (``pdf_summary.SummarySection``,
``pdf_stock.StockSection``): what each uses of ``pdf_sections.Builder``, declared once for the
type checker. It holds no code; the builder provides all of it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from workbench.reporting.context import ReportContext
    from workbench.reporting.i18n import Translator
    from workbench.reporting.pdf_text import Heading, Styles
    from workbench.stats.results import AnalysisResults


class BuilderPart:
    if TYPE_CHECKING:  # what the mixins use of Builder
        ctx: ReportContext
        styles: Styles
        width: float
        results: AnalysisResults

        @property
        def tr(self) -> Translator: ...
        @property
        def lang(self) -> str: ...
        def p(self, text: str, style: str = "body") -> Flowable: ...
        def h(self, text: str, level: int, key: str) -> Heading: ...
