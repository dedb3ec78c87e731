"""Design columns recognised by their values, not only their names.

A sampling weight is a positive number, most often with decimals; a stratum has a few distinct
values; a PSU (cluster, enumeration area) has more, each shared by several households; a
household id is unique on household rows and repeats on the roster. A name that says "weight"
on a column of 0/1 answers, or "hh" on a household number that repeats, is not the design
column. ``design_fit`` returns a factor in [0, 1] that multiplies the name/label evidence.
"""

from __future__ import annotations

from workbench.plan.suggest_values import ValueProfile


def design_fit(role: str, v: ValueProfile) -> float:
    if v.n == 0:
        return 0.1
    if role == "weight":
        if not v.numeric or v.low <= 0 or v.distinct < 2 or v.binary:
            return 0.05
        return 1.0 if not v.integer else 0.5
    if role == "stratum":
        if v.distinct == 1:
            return 0.3
        return 1.0 if 2 <= v.distinct <= max(60, v.n // 20) and v.distinct <= v.n / 3 else 0.15
    if role == "psu":
        if v.distinct < 2 or v.unique:
            return 0.1
        return 1.0 if v.distinct <= v.n / 2 else 0.3
    if role == "fpc":
        return 1.0 if v.numeric and v.low > 0 and v.distinct <= max(60, v.n // 20) else 0.2
    if role == "household_key":
        if not v.unique:
            return 0.05
        if v.numeric and not v.integer:
            return 0.2
        return 1.0
    return 1.0
