"""Rounds in a plan: TOML round trip, per-round plans, mappings that differ between rounds."""

from __future__ import annotations

import pytest

from workbench.errors import PlanError
from workbench.library import load_library
from workbench.paths import sample_dir
from workbench.plan.model import Plan
from workbench.plan.rounds import differing_indicators, indicator_inputs, not_comparable


@pytest.fixture(scope="module")
def plan() -> Plan:
    return Plan.from_toml((sample_dir() / "freedonia-rounds-plan.toml").read_text("utf-8"))


def test_round_trip_and_sections(plan: Plan) -> None:
    text = plan.to_toml()
    assert Plan.from_toml(text) == plan
    assert "[[rounds.round]]" in text and "[rounds.round.inputs.has_national_id]" in text
    assert plan.rounds.panel and plan.rounds.labels() == ["Baseline 2024", "Follow-up 2026"]
    assert plan.dataset_names()[-2:] == ["freedonia_household_r2", "freedonia_individual_r2"]


def test_round_plans_take_the_rounds_datasets_and_mappings(plan: Plan) -> None:
    base, follow = plan.round_plans()
    assert base.datasets.household == "freedonia_household"
    assert follow.datasets.household == "freedonia_household_r2"
    assert base.input("has_national_id").column == "national_id"
    assert follow.input("has_national_id").column == "national_id_card"
    assert follow.input("improved_drinking_water").true_codes[-1] == 10
    assert not follow.rounds and follow.input("safe_walk") == base.input("safe_walk")


def test_differing_mappings_are_flagged_unless_confirmed(plan: Plan) -> None:
    lib = load_library()
    diff = differing_indicators(plan, indicator_inputs(plan, lib))
    assert diff["ds_5_1_1_personal_id"] == ["has_national_id"]
    assert diff["c2_basic_drinking_water"] == ["improved_drinking_water"]
    left_out = not_comparable(plan, indicator_inputs(plan, lib))
    assert "c2_basic_drinking_water" in left_out and "ds_5_1_1_personal_id" not in left_out


def test_one_round_or_twice_the_same_label_is_refused(plan: Plan) -> None:
    text = plan.to_toml()
    twice = text.replace('label = "Follow-up 2026"', 'label = "Baseline 2024"')
    with pytest.raises(PlanError, match="rounds"):
        Plan.from_toml(twice)
