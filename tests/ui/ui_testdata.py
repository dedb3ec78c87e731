"""A tiny real vault content for page tests: the plan tests' 8-household survey + a plan that
maps one library indicator (not a fake backend: real vault, real library, real engine)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plan"))
from plan_testdata import households, individuals

from workbench.plan.model import (
    DatasetLinks,
    Design,
    Groups,
    GroupValue,
    IndicatorUse,
    InputMapping,
    Plan,
)


def tiny_plan(mapped: bool = False) -> Plan:
    inputs = ()
    if mapped:
        inputs = (
            InputMapping(
                "feels_safe_walking_alone",
                unit="individual",
                column="birth_cert",
                true_codes=(1.0,),
            ),
            InputMapping("age", unit="individual", column="age"),
        )
    return Plan(
        name="tiny",
        datasets=DatasetLinks(
            household="hh", household_key="hh_id", individual="ind", individual_key="hh_id"
        ),
        design=Design(weight="weight", strata="stratum", psu="cluster"),
        groups=Groups(
            column="pop_group",
            values=(
                GroupValue(1.0, "displaced", {"en": "IDP in camp", "fr": "PDI en camp"}),
                GroupValue(2.0, "displaced", {"en": "IDP outside camp"}),
                GroupValue(3.0, "comparator", {"en": "Host community"}),
                GroupValue(99.0, "exclude", {"en": "Unknown"}),
            ),
        ),
        indicators=(IndicatorUse("c1_feels_safe_walking_alone"),),
        inputs=inputs,
    )


def fill(service, mapped: bool = False) -> None:
    service.vault.save_datasets([households(), individuals()])
    plan = tiny_plan(mapped)
    # straight into the vault: unmapped, the plan has errors, which the façade refuses to save
    # (a vault made before that rule, or by an older version, can hold such a plan)
    service.vault.save_plan(plan.name, plan.to_toml(), note="first")


def unlock(window, path, passphrase) -> None:
    s = window.start_screen
    s.open_path.setText(str(path))
    s.open_pass.setText(passphrase)
    s.unlock()
    assert window.service.is_unlocked
