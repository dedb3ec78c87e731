"""Notes under the report's indicator tables that say what a table leaves out and why: no
comparison made, breakdown rows that cover fewer cases than the total. PDF and Word print the
same notes (the Word report is made from the PDF's story)."""

from __future__ import annotations

from workbench.reporting.context import ReportContext
from workbench.reporting.i18n import Translator
from workbench.reporting.views import (
    CHART_DISPLACED_ONLY,
    NOT_COMPARED,
    NOT_COMPARED_BY_DEFINITION,
    NOT_COMPARED_EMPTY,
)


def not_compared_notes(tr: Translator, ctx: ReportContext, flags: set[str]) -> list[str]:
    """Why a main table has no difference and p columns, said once: the reason the engine gave
    (a total's reason is the note on its charts, ``fn_chart_displaced_only``)."""
    comp = ctx.comparator
    if comp is None or (NOT_COMPARED not in flags and NOT_COMPARED_EMPTY not in flags):
        return []
    name = comp.label.shown()
    if NOT_COMPARED_EMPTY in flags:
        return [tr("fn_not_compared_empty", comparator=name)]
    if NOT_COMPARED_BY_DEFINITION in flags:
        return [tr("fn_not_compared_by_definition", comparator=name)]
    if CHART_DISPLACED_ONLY in flags:
        return []
    return [tr("fn_not_compared", comparator=name)]
