"""Notes under the report's indicator tables that say what a table leaves out and why: no
comparison made, breakdown rows that cover fewer cases than the total. PDF and Word print the
same notes (the Word report is made from the PDF's story)."""

from __future__ import annotations

from workbench.languages import join_list
from workbench.reporting.context import ReportContext
from workbench.reporting.fmt import fmt_count
from workbench.reporting.i18n import Translator
from workbench.reporting.views import (
    CHART_DISPLACED_ONLY,
    NOT_COMPARED,
    NOT_COMPARED_BY_DEFINITION,
    NOT_COMPARED_EMPTY,
    TableData,
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


def uncovered_note(tr: Translator, breakdown: str, table: TableData) -> str | None:
    """A breakdown whose rows hold fewer of the indicator's cases than its total, said under
    the table: which groups, how many of their total's cases are in no row. Issue 20 (en_B 1,
    fr_B 2): "Holds a valid identity document" by disability, With 67.4%, Without 65.1%, total
    62.4% — disability is recorded from age 5, the rows leave the youngest out, nothing said
    so. The snapshot does not record a breakdown variable's universe, so the note says the
    breakdown is not recorded for them, not why."""
    if not table.uncovered:
        return None
    lang = tr.lang
    groups = [
        tr("group_uncovered", group=g, missing=fmt_count(m, lang), total=fmt_count(t, lang))
        for g, m, t in table.uncovered
    ]
    return tr(
        "fn_rows_uncovered", breakdown=breakdown, groups=join_list(groups, lang, conjunction=True)
    )
