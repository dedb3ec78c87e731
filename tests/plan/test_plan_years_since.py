"""A breakdown by years since a year (duration of displacement, issue 20 finding 4): read and
written in the plan file, refused without its reference year, banded from the data."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from plan_testdata import PLAN_TOML

from workbench.dataset_model import Dataset, Variable
from workbench.errors import PlanError
from workbench.plan.disagg import disagg_column, years_labels
from workbench.plan.model import Plan

DURATION = """
[[disaggregations]]
id = "duration"
kind = "years_since"
unit = "household"
column = "disp_year"
label = { en = "Years since displacement", fr = "Années depuis le déplacement" }
reference_year = 2026
cut_points = [0, 1, 3, 5, 10]
missing = [9998]
"""


def _plan(extra: str) -> Plan:
    head, sep, tail = PLAN_TOML.partition("[[disaggregations]]")
    return Plan.from_toml(head + extra.strip() + "\n\n" + sep + tail)


def test_years_since_round_trips_and_needs_its_reference_year():
    plan = _plan(DURATION)
    d = next(x for x in plan.disaggregations if x.id == "duration")
    assert (d.kind, d.reference_year, d.cut_points) == ("years_since", 2026, (0, 1, 3, 5, 10))
    assert Plan.from_toml(plan.to_toml()) == plan
    with pytest.raises(PlanError) as err:
        _plan(DURATION.replace("reference_year = 2026\n", ""))
    assert "reference_year" in err.value.render("en")
    with pytest.raises(PlanError) as err:
        _plan(DURATION.replace("2026", '"2026"'))
    assert "whole number" in err.value.render("en")


def test_years_since_bands_the_years_and_leaves_unknown_what_is():
    assert years_labels((0, 1, 3, 5, 10)) == ["<1", "1–2", "3–4", "5–9", "10+"]
    d = next(x for x in _plan(DURATION).disaggregations if x.id == "duration")
    years = [2026, 2025, 2024, 2023, 2022, 2017, 2016, 1990, 9998, np.nan, 2027]
    ds = Dataset("hh", pd.DataFrame({"disp_year": years}),
                 {"disp_year": Variable("disp_year", missing_codes=[9999.0])})  # fmt: skip
    col, levels = disagg_column(d, ds, None, "en")
    assert levels == ("<1", "1–2", "3–4", "5–9", "10+")
    shown = [None if pd.isna(v) else v for v in col]
    assert shown == ["<1", "1–2", "1–2", "3–4", "3–4", "5–9", "10+", "10+", None, None, None]
