"""The annex's criteria table: the executive summary's traffic light as numbers — for each
criterion and displaced group the engine's rating, the indicators worse, better, inconclusive
and assessed, those not compared, the criterion's indicators compared for the group, and
whether the rating rests on limited evidence (stats/summary.py decides all of it; this only
lays it out)."""

from __future__ import annotations

from workbench.reporting.annex_tables import (
    COUNT_FORMAT,
    AnnexTable,
    Cell,
    _criterion,
    sheet_name,
)
from workbench.reporting.context import ReportContext
from workbench.reporting.i18n import Translator
from workbench.reporting.judging import grid_counts
from workbench.reporting.palette import RATING_STYLE
from workbench.reporting.summary import traffic_light
from workbench.stats.results import AnalysisResults

#: the table's id: its CSV file ``annex-criteria.csv`` and the workbook's defined name
CRITERIA_TABLE = "criteria"


def criteria_table(results: AnalysisResults, ctx: ReportContext) -> AnnexTable | None:
    """One row per criterion and displaced group, in the summary grid's order; None when the
    run rated no criterion (or was stored without the counts)."""
    grid = traffic_light(results, ctx)
    counts = grid_counts(results)
    if not grid.criteria or not counts:
        return None
    tr = Translator(ctx.language)
    header = [
        tr("criterion"),
        tr("col_group"),
        tr("annex_criteria_rating"),
        tr("annex_criteria_worse"),
        tr("annex_criteria_better"),
        tr("annex_criteria_inconclusive"),
        tr("annex_criteria_assessed"),
        tr("annex_criteria_not_compared"),
        tr("annex_criteria_indicators"),
        tr("annex_criteria_limited"),
    ]
    hxl = ["#indicator+criterion", "#affected+group", "#status+rating", "#indicator+num+worse",
           "#indicator+num+better", "#indicator+num+inconclusive", "#indicator+num+assessed",
           "#indicator+num+not_compared",
           "#indicator+num+total", "#status+limited_evidence"]  # fmt: skip
    rows: list[list[Cell]] = []
    for c in grid.criteria:
        for g in grid.groups:
            if (c, g) not in grid.ratings:
                continue
            rating = grid.ratings[(c, g)]
            worse, assessed = counts.get((c, g), (0, 0))
            left = grid.not_compared.get((c, g), 0)
            rows.append(
                [
                    _criterion(tr, ctx, c),
                    ctx.group(g).label.shown(),
                    f"{RATING_STYLE[rating][1]} {tr(f'rating_{rating}')}",
                    worse,
                    grid.better.get((c, g), 0),
                    grid.inconclusive.get((c, g), 0),
                    assessed,
                    left,
                    assessed + left,
                    tr("yes") if (c, g) in grid.limited else tr("no"),
                ]
            )
    formats = {(i, col): COUNT_FORMAT for i in range(len(rows)) for col in range(3, 9)}
    return AnnexTable(
        CRITERIA_TABLE,
        tr("annex_criteria"),
        tr("annex_criteria_notes", level=2 * ctx.confidence_level - 100),
        header,
        hxl,
        rows,
        sheet=sheet_name(tr("sheet_criteria")),
        formats=formats,
    )
