"""Quasi-identifiers a user is likely to need, suggested from the plan and the variables.

A quasi-identifier is a variable an intruder can know from elsewhere (a register, a neighbour):
where someone lives, sex, age, household size, population group, year of displacement… The
suggestion takes the plan's group and breakdown columns first, then variables whose name or
label says one of those things; the user edits the list. Direct identifiers are never offered
(they are always removed)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from workbench.dataset_model import Dataset
from workbench.plan.model import Plan

#: words in a variable's name or label that make it a likely quasi-identifier: what a
#: neighbour or a register knows (where, who, how many)
WORDS = (
    "sex", "gender", "sexe", "age", "district", "region", "province", "governorate", "admin",
    "location", "camp", "village", "settlement", "urban", "rural", "hh_size", "size",
    "pop_group", "disp_year", "nationality", "ethnic", "religion", "marital", "clan", "tribe",
    "commune", "municipality",
)  # fmt: skip
#: at most this many suggestions: each key multiplies the combinations, and so the suppressions
MAX_KEYS = 6
_SPLIT = re.compile(r"[^a-z0-9]+")


def _words(text: str) -> set[str]:
    low = text.lower()
    parts = set(_SPLIT.split(low))
    return parts | {p for p in WORDS if "_" in p and p in low}


def suggest_keys(data: Dataset, parent: Dataset | None, plans: Iterable[Plan]) -> list[str]:
    """Suggested quasi-identifiers among the variables of ``data`` and its parent, in order:
    the plan's group and breakdown columns, then by name or label."""
    sets = [data] + ([parent] if parent is not None else [])
    usable = {n: v for d in sets for n, v in d.variables.items() if not v.identifier}
    links = {x for d in sets for x in (d.key, d.parent_key) if x}
    out: list[str] = []
    breakdowns: list[str] = []
    for plan in plans:
        if plan.groups is not None and plan.groups.column:
            out.append(plan.groups.column)
        breakdowns += [str(d.column) for d in plan.disaggregations if getattr(d, "column", None)]
    named = [n for n, v in usable.items()
             if _words(n) & set(WORDS) or _words(v.label) & {"sex", "age", "gender"}]  # fmt: skip
    # the plan's breakdowns that are also where/who variables first, then the other names
    out += [n for n in breakdowns if n in named] + named
    found = [n for n in dict.fromkeys(out) if n in usable and n not in links]
    return found[:MAX_KEYS]
