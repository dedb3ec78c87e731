"""The plan's and the library's words for a run (:class:`~workbench.stats.snapshot.RunTexts`).

:func:`workbench.plan.evaluate.evaluate` puts them into the analysis frame, the engine freezes
them into the run snapshot, and every output reads them from there — never from the current
plan or library. A run stored before snapshots existed gets the same texts from its stored plan
version (:func:`run_texts`), marked as reconstructed by the caller.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from workbench.plan.codes import canon
from workbench.plan.disagg import DISABILITY_LABELS
from workbench.plan.indicators import resolve_indicator
from workbench.plan.model import Disaggregation, Plan
from workbench.stats.snapshot import (
    CriterionText,
    DesignVariables,
    DisaggregationText,
    GroupText,
    IndicatorText,
    LevelText,
    RunTexts,
    StockTableText,
)

if TYPE_CHECKING:
    from workbench.datasets.model import Variable
    from workbench.library.model import Library


def _levels(d: Disaggregation, lang: str) -> tuple[LevelText, ...]:
    """Each level as the results write it (its label in the plan's language) and its labels."""
    if d.kind == "disability" and not (d.levels and len(d.levels) == 2):
        plan_pair = DISABILITY_LABELS.get(lang, DISABILITY_LABELS["en"])
        return tuple(
            LevelText(value, {code: pair[i] for code, pair in DISABILITY_LABELS.items()})
            for i, value in enumerate(plan_pair)
        )
    return tuple(LevelText(lv.label(lang), dict(lv.labels)) for lv in d.levels)


def _indicators(plan: Plan, library: Library) -> tuple[IndicatorText, ...]:
    out = []
    for use in plan.indicators:
        ind = resolve_indicator(use, library, plan)
        # the note a reader sees: the plan's own note, else the library's (not the expression
        # diff the engine records in its specs)
        listed = library.indicator(use.id) if library.has_indicator(use.id) else None
        note = use.note or (listed.contextualised if listed is not None else None)
        out.append(
            IndicatorText(
                id=use.id,
                criterion=str(ind.criterion),
                unit=str(ind.unit),
                statistic=str(ind.statistic),
                direction=str(ind.direction),
                title=dict(ind.title.values),
                definition=dict(ind.definition.values),
                code=ind.code,
                contextualised=note or None,
                custom=use.custom,
            )
        )
    return tuple(out)


def _criteria(library: Library) -> tuple[CriterionText, ...]:
    out = [CriterionText(c.id, dict(c.name.values), dict(c.short.values)) for c in library.criteria]
    out += [CriterionText(m.id, dict(m.name.values), dict(m.short.values)) for m in library.modules]
    return tuple(out)


def _design(plan: Plan, variables: Mapping[str, Variable]) -> DesignVariables:
    d = plan.design
    labels: dict[str, dict[str, str]] = {}
    for name in (d.weight, d.strata, d.psu, d.fpc):
        var = variables.get(name) if name else None
        if var is not None:
            texts = dict(var.labels) or ({"en": var.label} if var.label else {})
            labels[str(name)] = {k: v for k, v in texts.items() if v}
    return DesignVariables(d.weight, d.strata, d.psu, d.fpc, d.lonely_psu, labels)


def run_texts(
    plan: Plan, library: Library, household_variables: Mapping[str, Variable] | None = None
) -> RunTexts:
    """Every text an output of a run of ``plan`` needs, in every language the sources have.
    ``household_variables`` (the household dataset's dictionary) gives the design variables'
    labels."""
    from workbench.library.fingerprint import library_hash

    lang = plan.language
    return RunTexts(
        languages=tuple(library.languages),
        indicators=_indicators(plan, library),
        criteria=_criteria(library),
        groups=tuple(
            GroupText(canon(v.code) or "", v.role, dict(v.labels)) for v in plan.groups.values
        ),
        disaggregations=tuple(
            DisaggregationText(d.id, dict(d.labels), _levels(d, lang)) for d in plan.disaggregations
        ),
        stock_tables=tuple(
            StockTableText(t.id, {lang: t.title or t.id}, t.unit, t.rows, t.cols)
            for t in plan.stock_tables
        ),
        design=_design(plan, household_variables or {}),
        plan_description=plan.description,
        library_version=library.version,
        library_hash=library_hash(library),
    )
