"""Plan checks of the data-quality parts of a plan: the ``[[checks]]`` rules, the consent column
and the eligibility rule — each problem a finding before any run, and the number of households
the run will leave out stated (info)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from workbench.dataset_model import Dataset
from workbench.errors import LibraryError, PlanError
from workbench.findings import Finding
from workbench.library.expr import parse
from workbench.plan.consent import respondents
from workbench.plan.model import CheckRule, Plan


def rule_problem(rule: CheckRule, columns: pd.Index, dataset: str) -> Finding | None:
    """Why ``rule`` cannot run on a dataset with ``columns`` (None when it can)."""
    where = {"check": rule.id}
    try:
        expr = parse(rule.expression)
    except LibraryError as exc:
        return Finding.of("check.rule_invalid", "error", where=where, detail=exc.message)
    unknown = sorted(set(expr.inputs) - set(columns))
    if unknown:
        return Finding.of(
            "check.rule_unknown_column", "error", where=where, column=unknown[0], dataset=dataset
        )
    return None


def check_quality(plan: Plan, datasets: Mapping[str, Dataset]) -> list[Finding]:
    out: list[Finding] = []
    for rule in plan.checks:
        name = plan.dataset_for(rule.unit)
        ds = datasets.get(name or "")
        if ds is None:
            out.append(
                Finding.of(
                    "check.rule_no_dataset", "error", where={"check": rule.id}, unit=rule.unit
                )
            )
            continue
        problem = rule_problem(rule, ds.frame.columns, ds.name)
        if problem is not None:
            out.append(problem)
    hh = datasets.get(plan.datasets.household)
    if hh is None:
        return out
    ind = datasets.get(plan.datasets.individual or "")
    try:
        kept = respondents(plan, hh, ind)
    except PlanError as exc:
        where = {"section": "consent" if "consent" in (exc.code or "") else "eligibility"}
        out.append(Finding.of(exc.code or "plan.invalid", "error", where=where, **exc.params))
        return out
    if kept.households_excluded:
        out.append(
            Finding.of(
                "plan.respondents_excluded",
                "info",
                where={"section": "consent"},
                no_consent=kept.households_without_consent,
                ineligible=kept.households_ineligible,
                members=kept.individuals_excluded,
            )
        )
    return out
