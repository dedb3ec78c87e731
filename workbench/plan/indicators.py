"""The indicator a plan entry stands for: a library indicator, contextualised, or custom."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from workbench.errors import LibraryError, PlanError
from workbench.library.entities import FALLBACK_LANGUAGE
from workbench.plan.model import IndicatorUse, Plan
from workbench.stats.frame import IndicatorSpec

if TYPE_CHECKING:
    from workbench.library.model import Indicator, Library


def custom_definition(use: IndicatorUse) -> dict[str, Any]:
    d: dict[str, Any] = {
        "id": use.id,
        "title": dict(use.title),
        "criterion": use.criterion,
        "unit": use.unit,
        "numerator": use.numerator,
        "statistic": use.statistic or "proportion",
        "direction": use.direction or "higher_is_worse",
        "disaggregations": list(use.disaggregations),
    }
    for key in ("universe", "denominator", "iris_subcriterion"):
        value = getattr(use, key)
        if value:
            d["iris" if key == "iris_subcriterion" else key] = value
    if use.iris_subcriterion:
        # a custom indicator standing for an IRIS sub-criterion takes part in the solutions
        # measure; it is an alternative to the library's recommended one unless the plan says
        d["iris_role"] = use.iris_role or "alternative"
    if use.note:
        d["definition"] = dict(use.note)
    return d


def resolve_indicator(use: IndicatorUse, library: Library, plan: Plan) -> Indicator:
    """The :class:`~workbench.library.model.Indicator` to evaluate (PlanError naming it)."""
    where = f"plan {plan.name}: [indicators {use.id}]"
    try:
        if use.custom:
            from workbench.library.custom import custom_indicator

            return custom_indicator(custom_definition(use))
        if not library.has_indicator(use.id):
            raise PlanError.of("plan.indicator_not_in_library", where=where)
        ind = library.indicator(use.id)
        changes = {
            key: getattr(use, key)
            for key in ("numerator", "universe", "denominator")
            if getattr(use, key) is not None
        }
        return ind.contextualise(**changes) if changes else ind
    except LibraryError as exc:
        raise PlanError.of("plan.custom_invalid", where=where, message=exc.message) from None


def indicator_spec(
    indicator: Indicator,
    lang: str = FALLBACK_LANGUAGE,
    disaggregations: Iterable[str] | None = None,
) -> IndicatorSpec:
    """The engine's view of a library indicator (:class:`workbench.stats.frame.IndicatorSpec`):
    its title in ``lang`` and its own disaggregations unless ``disaggregations`` are given."""
    return IndicatorSpec(
        id=indicator.id,
        title=indicator.title(lang),
        criterion=indicator.criterion,
        unit=indicator.unit,  # type: ignore[arg-type]  # the library schema checks the unit
        statistic=indicator.statistic,  # type: ignore[arg-type]  # … the statistic
        direction=indicator.direction,  # type: ignore[arg-type]  # … and the direction
        iris_subcriterion=indicator.iris,
        code=indicator.code,
        sdg=indicator.sdg,
        disaggregations=tuple(
            indicator.disaggregations if disaggregations is None else disaggregations
        ),
        custom=indicator.custom,
        contextualised=indicator.contextualised,
    )


def judging(
    indicator: Indicator, use: IndicatorUse, library: Library | None
) -> tuple[float | None, bool]:
    """(minimum important difference, comparable) of a plan entry: the plan's value, else the
    indicator's, else the library default for its statistic (docs/plans.md)."""
    if use.min_important_difference is not None:
        mid: float | None = use.min_important_difference
    elif library is not None:
        mid = library.min_important_difference(indicator)
    else:
        mid = indicator.min_important_difference
    comparable = indicator.comparable if use.comparable is None else use.comparable
    return (mid if mid else None), comparable


def spec_for(
    indicator: Indicator, use: IndicatorUse, lang: str, library: Library | None = None
) -> IndicatorSpec:
    spec = indicator_spec(indicator, lang, disaggregations=use.disaggregations)
    notes = [n for n in (spec.contextualised, use.note_in(lang) if not use.custom else None) if n]
    mid, comparable = judging(indicator, use, library)
    return dataclasses.replace(
        spec,
        custom=use.custom,
        contextualised="; ".join(notes) if notes and not use.custom else None,
        min_important_difference=mid,
        comparable=comparable,
    )
