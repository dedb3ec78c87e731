"""en_B 4, fr_B 6: Module B's returnees (asked none of its questions) read "–" in the annex —
whose legend says "no case in this group" — while the report's row reads "Not applicable"
with blank cells. The annex flags such a group's cells "Not applicable" as the report does,
and its legend (annex-legend.csv, the sheets' notes) says what that means."""

from __future__ import annotations

import pytest
from test_reporting_not_applicable_groups import GROUP, IND, _not_asked

from workbench.reporting import ReportOptions
from workbench.reporting.annex import legend_rows
from workbench.reporting.annex_tables import annex_tables
from workbench.reporting.context import build_context
from workbench.reporting.i18n import Translator


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_a_group_outside_the_population_is_flagged_not_applicable(lang) -> None:
    tr = Translator(lang)
    r = _not_asked()
    ctx = build_context(r, ReportOptions(language=lang))
    tables = annex_tables(r.publishable(), ctx)
    sheet = next(t for t in tables if t.id == "indicators_by_group")
    at = sheet.header.index(tr("annex_flag_of", label=ctx.group(GROUP).label.shown()))
    row = next(row for row in sheet.rows if row[-1] == IND)
    na = tr("assessment_not_applicable")
    assert row[at] == na and row[at - 1] is None, row
    others = [row[at] for row in sheet.rows if row[-1] != IND]
    assert na not in others  # the other indicators keep their own flags
    assert tr("fn_assessment_not_applicable") in sheet.notes
    legend = {str(row[0]): str(row[1]) for row in legend_rows(tables, ctx)}
    assert na in legend and "–" in legend, legend
    assert not legend[na].startswith(na) and len(legend[na]) > 40, legend[na]  # the meaning alone
