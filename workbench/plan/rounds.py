"""Rounds of one survey in a plan: baseline and follow-ups, each with its datasets and mappings.

A plan with rounds is applied to two or more datasets that are rounds of the same survey. The
plan's own ``[datasets]`` and ``[inputs]`` are the baseline's unless the first round names its
own; each round may re-map inputs (a question renamed, a choice added) in its
``[rounds.round.inputs.<name>]`` tables, which replace the plan's mapping of that input for that
round only. :func:`round_plan` gives the plain one-round plan of a round (what ``evaluate``
reads), and :func:`differing_indicators` the indicators whose mapping differs between rounds:
those are not compared unless the plan lists them in ``confirmed`` (the user says the change of
wording or codes does not change what is measured). TOML::

    [rounds]
    panel = true                     # households re-interviewed, linked by the household key
    confirmed = ["legal_id"]         # compared although their mapping differs

    [[rounds.round]]
    label = "Baseline"
    date = "2024-04-15"

    [[rounds.round]]
    label = "Follow-up"
    date = "2026-04-15"
    household = "freedonia_household_r2"
    individual = "freedonia_individual_r2"
    [rounds.round.inputs.has_national_id]
    column = "nat_id_card"
    true_codes = [1]
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import TYPE_CHECKING

from workbench.findings import Finding
from workbench.plan.model import InputMapping, Plan, Round, Rounds

if TYPE_CHECKING:
    from workbench.dataset_model import Dataset
    from workbench.library.model import Library

__all__ = [
    "Round", "Rounds", "check_rounds", "differing_indicators", "indicator_inputs",
    "not_comparable", "round_plan",
]  # fmt: skip


def round_plan(plan: Plan, index: int) -> Plan:
    """The one-round plan of round ``index``: its datasets and its mappings."""
    rnd = plan.rounds.rounds[index]
    links = plan.datasets
    if rnd.household:
        links = dataclasses.replace(
            links, household=rnd.household, individual=rnd.individual or links.individual
        )
    override = {m.name: m for m in rnd.inputs}
    inputs = tuple(override.pop(m.name, m) for m in plan.inputs) + tuple(override.values())
    return dataclasses.replace(plan, datasets=links, inputs=inputs, rounds=Rounds())


def _mapping_key(m: InputMapping | None) -> object:
    """What a mapping measures (its note aside)."""
    return None if m is None else dataclasses.replace(m, note="")


def differing_indicators(plan: Plan, inputs_of: dict[str, tuple[str, ...]]) -> dict[str, list[str]]:
    """Indicator id → the inputs whose mapping differs in some round from the baseline's.
    ``inputs_of``: the inputs each indicator of the plan reads (from the library)."""
    if not plan.rounds:
        return {}
    plans = [round_plan(plan, i) for i in range(len(plan.rounds.rounds))]
    out: dict[str, list[str]] = {}
    for ind in plan.indicators:
        names = inputs_of.get(ind.id, ())
        diff = [
            n for n in names
            if any(_mapping_key(p.input(n)) != _mapping_key(plans[0].input(n)) for p in plans[1:])
        ]  # fmt: skip
        if diff:
            out[ind.id] = diff
    return out


def not_comparable(plan: Plan, inputs_of: dict[str, tuple[str, ...]]) -> set[str]:
    """Indicators left out of the changes: mapping differs and not confirmed."""
    return set(differing_indicators(plan, inputs_of)) - set(plan.rounds.confirmed)


def indicator_inputs(plan: Plan, library: Library) -> dict[str, tuple[str, ...]]:
    """The inputs each indicator of the plan reads (as contextualised by the plan)."""
    from workbench.plan.checks_inputs import inputs_of

    out: dict[str, tuple[str, ...]] = {}
    for use in plan.indicators:
        texts = [use.numerator, use.universe, use.denominator]
        if not use.custom and library.has_indicator(use.id):
            ind = library.indicator(use.id)
            texts = [
                use.numerator or ind.numerator,
                use.universe or ind.universe,
                use.denominator or ind.denominator,
            ]
        out[use.id] = tuple(sorted(inputs_of(texts)))
    return out


def check_rounds(plan: Plan, library: Library, datasets: Mapping[str, Dataset]) -> list[Finding]:
    """Findings of a plan with rounds: each round's plan checked as a plan (its findings say
    which round), and every indicator whose mapping differs between rounds — a warning when it
    is left out of the changes, a note when the plan confirms it comparable."""
    from workbench.plan.checks import check_plan
    from workbench.plan.checks_structure import finding

    out: list[Finding] = []
    for i, rnd in enumerate(plan.rounds.rounds):
        for f in check_plan(round_plan(plan, i), library, datasets):
            out.append(dataclasses.replace(f, where={**f.where, "round": rnd.label}))
    diff = differing_indicators(plan, indicator_inputs(plan, library))
    confirmed = set(plan.rounds.confirmed)
    for ind_id, names in sorted(diff.items()):
        where = {"section": "rounds", "indicator": ind_id}
        if ind_id in confirmed:
            out.append(finding("round_mapping_confirmed", "info", where, inputs=names))
        else:
            out.append(finding("round_mapping_differs", "warning", where, inputs=names))
    return out
