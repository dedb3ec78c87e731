"""``check_plan``: every problem with a plan against its datasets, as findings.

Errors block the analysis; warnings may be accepted with a justification; info is informative.
Structural checks (datasets, columns, link, design, groups) run first; the indicator checks
evaluate universes and missing rates per group on the data.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from workbench.dataset_model import Dataset
from workbench.errors import PlanError
from workbench.findings import Finding, errors
from workbench.plan.calibration import check_calibration
from workbench.plan.checks_design import check_stages_and_replicates
from workbench.plan.checks_indicators import check_indicators
from workbench.plan.checks_inputs import check_inputs
from workbench.plan.checks_quality import check_quality
from workbench.plan.checks_structure import (
    check_columns,
    check_datasets,
    check_design,
    check_groups,
    check_link,
    finding,
)
from workbench.plan.link import Link, build_link
from workbench.plan.model import Plan

if TYPE_CHECKING:
    from workbench.library.model import Library

#: share of the universe with a missing answer above which a group gets a warning
MISSING_RATE_THRESHOLD = 0.2


def check_plan(
    plan: Plan,
    library: Library,
    datasets: Mapping[str, Dataset],
    missing_threshold: float = MISSING_RATE_THRESHOLD,
) -> list[Finding]:
    if plan.rounds:
        from workbench.plan.rounds import check_rounds

        return check_rounds(plan, library, datasets)
    out = check_datasets(plan, datasets)
    if errors(out):
        return out
    hh = datasets[plan.datasets.household]
    ind = datasets[plan.datasets.individual] if plan.datasets.individual else None
    out += check_columns(plan, datasets)
    out += check_link(plan, hh, ind)
    out += check_design(plan, hh)
    out += check_stages_and_replicates(plan, hh)
    out += check_groups(plan, hh)
    out += _check_disaggregations(plan)
    out += check_inputs(plan, library, datasets)
    out += check_quality(plan, datasets)
    link: Link | None = None
    blocking = {"plan.link_key_not_unique", "plan.link_key_missing", "plan.column_unknown"}
    if not any(f.code in blocking for f in out):
        try:
            link = build_link(plan, hh, ind)
        except PlanError as exc:
            out.append(
                finding("link_failed", "error", {"section": "datasets"}, message=exc.message)
            )
    out += check_indicators(plan, library, hh, ind, link, missing_threshold)
    if link is not None:
        out += check_calibration(plan, datasets)
    if not plan.indicators:
        out.append(
            finding(
                "no_indicators",
                "warning",
                {"section": "indicators"},
            )
        )
    return out


def _check_disaggregations(plan: Plan) -> list[Finding]:
    out = []
    for t in plan.stock_tables:
        for dis_id in (t.rows, t.cols):
            d = plan.disaggregation(dis_id) if dis_id else None
            if d is not None and t.unit == "household" and d.unit == "individual" and not d.head:
                where = {"section": "stock_tables", "table": t.id}
                out.append(finding("stock_table_unit", "error", where))
    for d in plan.disaggregations:
        if d.unit == "individual" and not plan.datasets.individual:
            out.append(finding("dataset_not_set", "error", {"section": f"disaggregations.{d.id}"}))
    return out
