"""Checks written by the user in the plan (``[[checks]] id, expression, message, severity,
unit``): the expression (:mod:`workbench.library.expr`, over the columns of the unit's dataset)
is true where a record has the problem. A rule that cannot be evaluated is one error finding
naming the rule, never a crash; the plan check reports the same before any run."""

from __future__ import annotations

from workbench.checks.collect import Collector
from workbench.errors import LibraryError
from workbench.findings import Finding
from workbench.library.expr import parse
from workbench.plan.checks_quality import rule_problem
from workbench.plan.model import Plan


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
