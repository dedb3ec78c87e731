"""Every column a plan names, and renaming them (re-targeting a plan at other datasets)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from workbench.plan.checks_structure import plan_columns
from workbench.plan.model import Plan

Renames = Mapping[tuple[str, str], str | None]


def column_refs(plan: Plan) -> list[tuple[str, str, str]]:
    """(unit, column, section) for every column the plan reads, in plan order."""
    return plan_columns(plan)


def rename_columns(plan: Plan, renames: Renames) -> Plan:
    """The plan with each (unit, column) renamed; a column renamed to None is dropped: inputs
    become unmapped, design columns unset, disaggregations that lose a column are removed."""

    def r(unit: str, col: str | None) -> str | None:
        return col if col is None else renames.get((unit, col), col)

    links = plan.datasets
    links = dataclasses.replace(
        links,
        household_key=r("household", links.household_key or None) or "",
        individual_key=r("individual", links.individual_key),
        head_column=r("individual", links.head_column),
    )
    d = plan.design
    design = dataclasses.replace(
        d, weight=r("household", d.weight), strata=r("household", d.strata),
        psu=r("household", d.psu), fpc=r("household", d.fpc),
    )  # fmt: skip
    groups = dataclasses.replace(plan.groups, column=r("household", plan.groups.column))
    dis, dropped = [], set()
    for x in plan.disaggregations:
        col = r(x.unit, x.column)
        cols = tuple(c for c in (r(x.unit, c) for c in x.columns) if c)
        if (x.column and col is None) or (x.columns and not cols):
            dropped.add(x.id)
            continue
        dis.append(dataclasses.replace(x, column=col, columns=cols))
    inds = tuple(
        dataclasses.replace(
            u, disaggregations=tuple(i for i in u.disaggregations if i not in dropped)
        )
        for u in plan.indicators
    )
    tables = tuple(t for t in plan.stock_tables if t.rows not in dropped and t.cols not in dropped)
    inputs = tuple(
        dataclasses.replace(
            m,
            column=r(m.unit, m.column),
            columns=tuple(c for c in (r(m.unit, c) for c in m.columns) if c),
        )
        for m in plan.inputs
    )
    return dataclasses.replace(
        plan, datasets=links, design=design, groups=groups, disaggregations=tuple(dis),
        indicators=inds, inputs=inputs, stock_tables=tables,
    )  # fmt: skip
