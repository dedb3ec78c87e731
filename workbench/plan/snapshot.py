"""The plan's and the library's words for a run (:class:`~workbench.stats.snapshot.RunTexts`).

:func:`workbench.plan.evaluate.evaluate` puts them into the analysis frame, the engine freezes
them into the run snapshot, and every output reads them from there — never from the current
plan or library. A run stored before snapshots existed gets the same texts from its stored plan
version (:func:`run_texts`), marked as reconstructed by the caller.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

from workbench.library.expr import Expr
from workbench.library.expr_bounds import Bounds, bounds
from workbench.plan.codes import canon
from workbench.plan.disagg import DISABILITY_LABELS, clipped_age_labels
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


def _levels(
    d: Disaggregation, lang: str, variables: Mapping[str, Variable]
) -> tuple[LevelText, ...]:
    """Each level as the results write it (its label in the plan's language) and its labels:
    the plan's levels, else the dataset's value labels in every language its dictionary has."""
    if d.kind == "disability" and not (d.levels and len(d.levels) == 2):
        plan_pair = DISABILITY_LABELS.get(lang, DISABILITY_LABELS["en"])
        return tuple(
            LevelText(value, {code: pair[i] for code, pair in DISABILITY_LABELS.items()})
            for i, value in enumerate(plan_pair)
        )
    if d.levels or d.kind != "category" or not d.column or d.column not in variables:
        return tuple(LevelText(lv.label(lang), dict(lv.labels)) for lv in d.levels)
    var = variables[d.column]
    shown = var.value_labels_i18n.get(lang) or var.value_labels
    out = []
    for code, value in shown.items():
        texts = {k: str(v[code]) for k, v in var.value_labels_i18n.items() if v.get(code)}
        out.append(LevelText(str(value), texts or {lang: str(value)}))
    return tuple(out)


def _whole_years(b: Bounds) -> tuple[float, float]:
    """A universe's bounds on an age as whole years, inclusive (``age > 14`` → from 15)."""
    low = (
        b.low if math.isinf(b.low) else math.floor(b.low) + 1 if b.low_strict else math.ceil(b.low)
    )
    high = (
        b.high
        if math.isinf(b.high)
        else math.ceil(b.high) - 1
        if b.high_strict
        else math.floor(b.high)
    )
    return float(low), float(high)


def _age_labels(plan: Plan, universe: Expr | None) -> dict[str, dict[str, str]]:
    """Each age breakdown's groups named by the ages the indicator's universe holds: the inputs
    reading the breakdown's column, bounded by the universe ("5–17" → "15–17" for ``age >=
    15``); only the groups whose name changes."""
    out: dict[str, dict[str, str]] = {}
    if universe is None:
        return out
    for d in plan.disaggregations:
        if d.kind != "age_groups" or not d.column:
            continue
        names = {m.name for m in plan.inputs if m.source_columns == (d.column,)}
        b = bounds(universe, names) if names else None
        if b is None or not b.bounded:
            continue
        clipped = clipped_age_labels(d.cut_points, *_whole_years(b))
        if clipped:
            out[d.id] = clipped
    return out


def _recorded_from_age(plan: Plan, library: Library, d: Disaggregation) -> int | None:
    """The age a disability breakdown is recorded from: where the library's indicator of the
    same measure (its numerator the ``disability`` input) is about people from an age on
    ("age >= 5": the Washington Group questions are not asked of younger children). en_B 10:
    the note under the disability breakdowns said the youngest are in no row, not why."""
    if d.kind != "disability":
        return None
    ages = {"age"}  # the library's name, and the plan's inputs of an age breakdown's column
    for m in plan.inputs:
        for a in plan.disaggregations:
            if a.kind == "age_groups" and a.column and m.source_columns == (a.column,):
                ages.add(m.name)
    for ind in library.indicators:
        if ind.numerator.strip() != "disability" or ind.universe_expr is None:
            continue
        b = bounds(ind.universe_expr, ages)
        low, _high = _whole_years(b)
        if b.bounded and not math.isinf(low) and low > 0:
            return int(low)
    return None


def _indicators(plan: Plan, library: Library) -> tuple[IndicatorText, ...]:
    out = []
    for use in plan.indicators:
        ind = resolve_indicator(use, library, plan)
        # the note a reader sees: the plan's own note, else the library's (not the expression
        # diff the engine records in its specs)
        listed = library.indicator(use.id) if library.has_indicator(use.id) else None
        note = use.note_in(plan.language) or (listed.contextualised if listed else None)
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
                note=dict(use.note),
                custom=use.custom,
                measure=ind.measure,
                counts=ind.counts,
                value_unit=dict(ind.value_unit.values),
                level_labels=_age_labels(plan, ind.universe_expr),
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
    plan: Plan,
    library: Library,
    household_variables: Mapping[str, Variable] | None = None,
    individual_variables: Mapping[str, Variable] | None = None,
) -> RunTexts:
    """Every text an output of a run of ``plan`` needs, in every language the sources have.
    ``household_variables`` (the household dataset's dictionary) gives the design variables'
    labels; both dictionaries give the value labels of breakdowns without plan levels."""
    from workbench.library.fingerprint import library_hash

    lang = plan.language
    by_unit = {"household": household_variables or {}, "individual": individual_variables or {}}
    return RunTexts(
        languages=tuple(library.languages),
        indicators=_indicators(plan, library),
        criteria=_criteria(library),
        groups=tuple(
            GroupText(canon(v.code) or "", v.role, dict(v.labels)) for v in plan.groups.values
        ),
        disaggregations=tuple(
            DisaggregationText(
                d.id,
                dict(d.labels),
                _levels(d, lang, by_unit[d.unit]),
                head=d.head and d.unit == "individual",
                head_labels=dict(d.head_labels),
                unit=d.unit,
                from_age=_recorded_from_age(plan, library, d),
                column=d.column or "",
            )
            for d in plan.disaggregations
        ),
        stock_tables=tuple(
            StockTableText(t.id, {lang: t.title or t.id}, t.unit, t.rows, t.cols)
            for t in plan.stock_tables
        ),
        design=_design(plan, household_variables or {}),
        plan_description=plan.description,
        report_info=plan.report.to_dict() | {"language": plan.language},
        library_version=library.version,
        library_hash=library_hash(library),
    )
