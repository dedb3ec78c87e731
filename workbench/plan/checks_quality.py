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
from workbench.plan.codes import canon, canon_series, isin_codes
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
    outside = _no_group(plan, kept.household, kept.individual)
    if outside is not None:
        out.append(outside)
    return out


def _no_group(plan: Plan, hh: Dataset, ind: Dataset | None) -> Finding | None:
    """The analysed households in no reported group (a code the plan excludes, an unlisted
    code or none): counted in the households analysed, in no group's estimates — issue 20, the
    demo's 10 households of "Unknown status" (49 people) the report never accounted for."""
    g = plan.groups
    if not g.column or g.column not in hh.frame.columns:
        return None  # the design checks say so
    codes = canon_series(hh.frame[g.column])
    reported = {canon(v.code) for v in g.values if v.role != "exclude"}
    outside = (codes.isna() | ~codes.isin(reported)).to_numpy(dtype=bool)
    if not outside.any():
        return None
    members = 0
    hh_key, ind_key = plan.datasets.household_key, plan.datasets.individual_key
    if ind is not None and hh_key in hh.frame.columns and ind_key in ind.frame.columns:
        keys = list(hh.frame[hh_key][outside].dropna().unique())
        members = int(isin_codes(ind.frame[ind_key], keys).fillna(False).sum())
    shown = sorted({str(c) for c in codes[outside].dropna()})
    if codes[outside].isna().any():
        shown.append("—")
    return Finding.of(
        "plan.households_no_group",
        "info",
        where={"section": "groups"},
        households=int(outside.sum()),
        members=members,
        codes=", ".join(shown),
        column=g.column,
    )
