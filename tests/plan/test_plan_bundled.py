"""The bundled Freedonia plan: valid, no check errors against the sample, and its indicator
columns agree with the generator's known population values."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.dataset_model import Dataset
from workbench.findings import errors
from workbench.library import load_library
from workbench.paths import sample_dir
from workbench.plan.checks import check_plan
from workbench.plan.evaluate import evaluate
from workbench.plan.model import Plan
from workbench.sample.generate import generate

#: plan indicator → the sample's truth key (same numerator and universe)
TRUTH = {
    "ds_2_1_2_food_insecurity_fies": "food_insecure",
    "c2_overcrowding": "crowded",
    "c2_durable_housing": "durable_housing",
    "c3_below_poverty_line": "below_poverty_line",
    "c5_birth_registration_under5": "birth_registered_u5",
    "c2_primary_completion_rate": "primary_completion",
}


@pytest.fixture(scope="module")
def sample() -> tuple[dict[str, Dataset], dict]:
    s = generate(households=3000, seed=20261122)
    return {d.name: d for d in s.datasets()}, s.truth


def bundled() -> Plan:
    return Plan.from_toml((sample_dir() / "freedonia-plan.toml").read_text(encoding="utf-8"))


def test_plan_bundled_is_valid_and_round_trips() -> None:
    plan = bundled()
    assert plan.dataset_names() == ["freedonia_household", "freedonia_individual"]
    assert Plan.from_toml(plan.to_toml()) == plan
    assert len(plan.indicators) >= 50 and len(plan.stock_tables) == 5


def test_plan_bundled_has_no_check_errors(sample) -> None:
    datasets, _ = sample
    library = load_library()
    found = check_plan(bundled(), library, datasets)
    assert errors(found) == []
    # only warnings a user can act on: none on the sample it was made for (the questions asked
    # of displaced households only are marked not comparable; the respondent's answers read for
    # each member say so in their notes)
    assert [f.message for f in found if f.severity == "warning"] == []
    # every library indicator whose inputs the plan maps is in the plan
    mapped = {m.name for m in bundled().inputs}
    covered = {i.id for i in library.indicators if i.inputs <= mapped}
    missing = covered - {u.id for u in bundled().indicators}
    assert not missing, f"add {sorted(missing)} to resources/sample/freedonia-plan.toml"


def test_plan_bundled_matches_the_sample_truth(sample) -> None:
    datasets, truth = sample
    af = evaluate(bundled(), load_library(), datasets)
    for ind, key in TRUTH.items():
        frame = af.units[af.indicator(ind).unit].frame
        ok = frame[ind].notna()
        w = frame["_weight"][ok]
        est = (frame[ind][ok] * w).groupby(frame["_group"][ok]).sum() / w.groupby(
            frame["_group"][ok]
        ).sum()
        for group, value in truth["indicators"][key]["value"].items():
            assert abs(est[group] - value) < 0.07, (ind, group, est[group], value)
    assert {t.id for t in af.stock_tables} == {
        "sex_by_age",
        "location_by_origin",
        "cause_by_year",
        "duration_by_sex",
        "location_type",
    }
    ind = af.units["individual"].frame
    assert set(ind["location_type"].dropna()) == {"Camp", "Non-camp"}
    assert np.isfinite(af.units["household"].frame["_fpc"]).all()
    # the plan's "not stated" codes are unknown, never a level: no 9998 printed as a year, no
    # "Don't know" district of origin or cause (issue 20, finding 4)
    years = set(ind["displacement_year"].dropna())
    assert years and not years & {"9998", "9999"}
    assert all(1990 <= int(y) <= 2026 for y in years)
    assert not set(ind["origin_location"].dropna()) & {"Don't know", "Refused to answer"}
    # duration of displacement (issue 20 finding 4): years since the year of displacement, to
    # the survey's 2026, in bands; unknown wherever the year is (host community, 9998)
    bands = {"<1": (0, 0), "1–2": (1, 2), "3–4": (3, 4), "5–9": (5, 9), "10+": (10, 99)}
    known = ind["displacement_duration"].notna()
    assert set(ind["displacement_duration"][known]) <= set(bands) and known.any()
    assert (known == ind["displacement_year"].notna()).all()
    for band, year in zip(ind["displacement_duration"][known], ind["displacement_year"][known],
                          strict=True):  # fmt: skip
        lo, hi = bands[band]
        assert lo <= 2026 - int(year) <= hi
    assert set(ind["displacement_cause"].dropna()) <= {
        "Conflict or violence",
        "Disaster",
        "Conflict and disaster",
    }
    texts = af.texts
    levels = {d.id: d for d in texts.disaggregations}["area_type"].levels
    assert {lv.value: lv.labels.get("fr") for lv in levels}["Urban"] == "Urbain"  # from the form


def test_plan_bundled_template_imports_into_the_sample(sample) -> None:
    from workbench.paths import resource
    from workbench.plan.templates import import_template

    datasets, _ = sample
    text = resource("plan_templates", "durable-solutions-profiling.toml").read_text(
        encoding="utf-8"
    )
    plan, findings = import_template(text, load_library(), datasets)
    assert [f for f in findings if f.severity != "info"] == []
    assert plan.inputs == bundled().inputs and plan.indicators == bundled().indicators
    assert plan.dataset_names() == bundled().dataset_names()


def test_the_cause_of_displacement_names_both_causes():
    """ "Both" / « Les deux » read as ambiguous out of context in the stock tables (fr 11): the
    sample plans name the level "Conflict and disaster" in every language; its code stays 3."""
    from workbench.paths import sample_dir
    from workbench.plan.model import Plan

    names = {
        "en": "Conflict and disaster", "fr": "Conflit et catastrophe",
        "es": "Conflicto y desastre", "ar": "نزاع وكارثة",
    }  # fmt: skip
    for plan in ("freedonia-plan.toml", "freedonia-rounds-plan.toml"):
        raw = (sample_dir() / plan).read_text(encoding="utf-8")
        cause = {d.id: d for d in Plan.from_toml(raw).disaggregations}["displacement_cause"]
        level = next(lv for lv in cause.levels if lv.codes == (3,))
        assert level.labels == names, plan
