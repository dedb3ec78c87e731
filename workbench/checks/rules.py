"""Checks written by the user in the plan (``[[checks]] id, expression, message, severity,
unit``): the expression (:mod:`workbench.library.expr`, over the columns of the unit's dataset)
is true where a record has the problem. A rule that cannot be evaluated is one error finding
naming the rule, never a crash; the plan check reports the same before any run."""

from __future__ import annotations

import pandas as pd

from workbench.checks.collect import Collector
from workbench.errors import LibraryError
from workbench.findings import Finding
from workbench.library.expr import parse
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


def check_rules(c: Collector, plan: Plan | None) -> None:
    if plan is None:
        return
    ds = c.ds
    for rule in plan.checks:
        if plan.dataset_for(rule.unit) != ds.name:
            continue
        problem = rule_problem(rule, ds.frame.columns, ds.name)
        if problem is not None:
            c.findings.append(problem)
            continue
        expr = parse(rule.expression)
        try:
            hit = expr.evaluate_bool({n: ds.frame[n] for n in expr.inputs}, ds.frame.index)
        except LibraryError as exc:
            c.findings.append(
                Finding.of(
                    "check.rule_invalid", "error", where={"check": rule.id}, detail=exc.message
                )
            )
            continue
        c.add(
            "check.rule",
            rule.severity,
            hit.fillna(False).to_numpy(dtype=bool),
            None,
            rule=rule.id,
            text=rule.message or rule.expression,
        )
