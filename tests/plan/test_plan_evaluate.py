"""evaluate(): the analysis frame of a tiny hand-made survey, checked value by value."""

from __future__ import annotations

import dataclasses
import time

import numpy as np
import pandas as pd
import plan_testdata as td
import pytest

from workbench.dataset_model import Dataset
from workbench.errors import PlanError
from workbench.plan.commands import SetIndicator, SetMapping
from workbench.plan.evaluate import evaluate
from workbench.plan.model import DatasetLinks, Design, IndicatorUse

NAN = np.nan


def _col(frame, name):
    return frame.units["household" if name in HH_COLS else "individual"].frame[name]


HH_COLS = {"food_insecurity", "hlp_documentation", "household_cert"}


def _eq(series: pd.Series, expected: list[float]) -> None:
    np.testing.assert_array_equal(series.to_numpy(dtype=float), np.asarray(expected, dtype=float))


def test_plan_evaluate_design_group_and_link() -> None:
    af = evaluate(td.plan(), td.library(), td.datasets())
    hh = af.units["household"].frame
    ind = af.units["individual"].frame
    assert len(hh) == 8 and len(ind) == 19  # the orphan member is left out
    assert list(hh["_group"]) == ["1", "1", "2", "2", "3", "3", "3", "99"]
    assert list(hh["_stratum"]) == ["1"] * 4 + ["2"] * 4
    assert list(hh["_psu"][:3]) == ["11", "11", "12"]
    _eq(hh["_weight"], [1, 2, 1, 2, 1, 1, 3, 1])
    # members inherit design and group of their household
    assert list(ind["_hh"][:5]) == ["101", "101", "101", "102", "102"]
    _eq(ind["_weight"][:5], [1, 1, 1, 2, 2])
    assert list(ind["_group"][-3:]) == ["99"] * 3
    assert (
        af.units["individual"].design.has_psu
        and af.units["household"].design.lonely_psu == "adjust"
    )
    roles = {g.code: g.role for g in af.groups}
    assert roles == {"1": "displaced", "2": "displaced", "3": "comparator", "99": "exclude"}
    assert af.comparator.label == "Host community"  # type: ignore[union-attr]
    assert af.household_aggregation == "any"
    assert af.provenance["individuals_unlinked"] == "1"


def test_plan_evaluate_disaggregations() -> None:
    af = evaluate(td.plan(), td.library(), td.datasets())
    hh = af.units["household"].frame
    ind = af.units["individual"].frame
    specs = {d.id: d for d in af.disaggregations}
    assert specs["sex"].levels == ("Female", "Male")  # the plan's order, not code order
    assert specs["age_group"].levels == ("0–4", "5–17", "18–59", "60+")
    assert specs["district"].levels == ("North", "South")
    assert list(ind["age_group"][:5]) == ["18–59", "18–59", "5–17", "60+", "0–4"]
    assert list(ind["district"][:4]) == ["North"] * 4  # household disaggregation via the link
    # household sex = sex of the head (household 108 lists the spouse first)
    assert list(hh["sex"]) == ["Male", "Female", "Male", "Female", "Male", "Female", "Male", "Male"]
    dis = list(ind["disability"][:9])
    assert dis[1] == dis[3] == "With disability"  # "a lot" seeing; "cannot" walking
    assert pd.isna(dis[7]) and pd.isna(dis[8])  # a domain missing (9) and none at "a lot"
    assert dis[0] == "Without disability"
    assert "age_group" not in hh.columns  # individual disaggregation without head=true


def test_plan_evaluate_indicators_universe_missing_and_skips() -> None:
    af = evaluate(td.plan(), td.library(), td.datasets())
    hh = af.units["household"].frame
    ind = af.units["individual"].frame
    # 98 = don't know -> missing; system-missing (not asked) -> outside
    _eq(hh["food_insecurity"], [1, 0, 1, NAN, 0, 0, 1, NAN])
    # universe: left land; 99 refused -> missing
    _eq(hh["hlp_documentation"], [1, NAN, NAN, 0, NAN, 1, NAN, NAN])
    # universe: age < 18
    _eq(ind["birth_cert_children"][:5], [NAN, NAN, 0, NAN, NAN])
    _eq(ind["birth_cert_children"][-1:], [0])
    # universe 6..17; 98 -> missing
    _eq(ind["school_attendance"][:10], [NAN, NAN, 1, NAN, NAN, NAN, 0, 1, NAN, NAN])
    spec = af.indicator("food_insecurity")
    assert (spec.criterion, spec.unit, spec.iris_subcriterion, spec.code) == (
        "2",
        "household",
        "2.1",
        "DS 2.1.2",
    )
    assert spec.disaggregations == ("district", "sex")
    assert af.indicator("school_attendance").direction == "higher_is_better"
    assert [t.id for t in af.stock_tables] == ["sex_by_age"]


@pytest.mark.parametrize(
    ("aggregation", "expected"),
    [
        ("any", [1, 1, 1, 1, 1, 0, 1, 1]),  # 102: yes + don't know -> yes
        ("all", [0, NAN, 0, 0, 1, 0, 1, 0]),  # 102: yes + don't know -> unknown
        ("head", [1, 1, 0, 1, 1, 0, 1, NAN]),  # 108: the head answered "don't know"
    ],
)
def test_plan_evaluate_household_aggregation(aggregation: str, expected: list[float]) -> None:
    plan = td.plan()
    plan = dataclasses.replace(
        plan, datasets=dataclasses.replace(plan.datasets, aggregation=aggregation)
    )
    af = evaluate(plan, td.library(), td.datasets())
    _eq(af.units["household"].frame["household_cert"], expected)
    assert af.household_aggregation == aggregation


def test_plan_evaluate_skip_as_no_and_contextualisation() -> None:
    plan = td.plan()
    food = plan.input("food_worry")
    plan, _ = SetMapping("food_worry", dataclasses.replace(food, skip="no")).apply(plan)  # type: ignore[arg-type]
    use = IndicatorUse(
        "school_attendance", ("sex",), universe="6 <= age <= 11", note={"en": "Primary school age"}
    )
    plan, _ = SetIndicator(use).apply(plan)
    af = evaluate(plan, td.library(), td.datasets())
    _eq(af.units["household"].frame["food_insecurity"], [1, 0, 1, NAN, 0, 0, 1, 0])
    _eq(af.units["individual"].frame["school_attendance"][:8], [NAN, NAN, 1, NAN, NAN, NAN, NAN, 1])
    note = af.indicator("school_attendance").contextualised or ""
    assert "universe changed" in note and "Primary school age" in note


def test_plan_evaluate_custom_indicator_and_select_multiple() -> None:
    plan = td.plan()
    custom = IndicatorUse("old_or_young", custom=True, title="Dependants", criterion="A",
                          unit="individual", numerator="age < 15 or age >= 65")  # fmt: skip
    plan = dataclasses.replace(plan, indicators=(*plan.indicators, custom))
    from workbench.plan.model import InputMapping

    both = InputMapping("both_docs", "individual", columns=("birth_cert", "school"),
                        combine="count", true_codes=(1,))  # fmt: skip
    count = IndicatorUse("docs", custom=True, title="Docs", criterion="5", unit="individual",
                         statistic="mean", numerator="both_docs")  # fmt: skip
    plan = dataclasses.replace(
        plan, inputs=(*plan.inputs, both), indicators=(*plan.indicators, count)
    )
    af = evaluate(plan, td.library(), td.datasets())
    ind = af.units["individual"].frame
    _eq(ind["old_or_young"][:5], [0, 0, 1, 1, 1])
    _eq(ind["docs"][:3], [NAN, NAN, 1])  # school not asked of adults: outside
    assert af.indicator("docs").custom and af.indicator("docs").statistic == "mean"


def test_a_question_not_asked_leaves_a_row_out_only_when_its_answer_decides() -> None:
    """ "left_land and hlp_documents": the documents question is asked only of households that
    left land; a household that did not is "false", whatever it would have answered (Kleene), not
    outside the indicator — the engine dropped every row with any input not asked, so a library
    indicator "applied and resolved" silently became a share of the claimants."""
    plan = td.plan()
    both = IndicatorUse("left_with_docs", custom=True, title="Left land, has documents",
                        criterion="4", unit="household",
                        numerator="left_land and hlp_documents")  # fmt: skip
    plan = dataclasses.replace(plan, indicators=(*plan.indicators, both))
    af = evaluate(plan, td.library(), td.datasets())
    # left_land 1 1 0 1 0 1 0 0; hlp_doc 1 99 . 0 . 1 . . (asked when land was left)
    _eq(af.units["household"].frame["left_with_docs"], [1, NAN, 0, 0, 0, 1, 0, 0])
    # its universe (left land) still leaves out the households that did not
    _eq(af.units["household"].frame["hlp_documentation"], [1, NAN, NAN, 0, NAN, 1, NAN, NAN])


def test_plan_evaluate_unweighted_and_missing_pieces() -> None:
    plan = td.plan()
    flat = dataclasses.replace(plan, design=Design("unweighted"))
    af = evaluate(flat, td.library(), td.datasets())
    assert (af.units["household"].frame["_weight"] == 1.0).all()
    assert not af.units["household"].design.weighted
    with pytest.raises(PlanError, match="individual dataset 'ind' is not available"):
        evaluate(plan, td.library(), {"hh": td.households()})
    unmapped = dataclasses.replace(plan, inputs=plan.inputs[1:])
    with pytest.raises(PlanError, match="needs input 'food_worry', which is not mapped"):
        evaluate(unmapped, td.library(), td.datasets())
    nolink = dataclasses.replace(plan, datasets=DatasetLinks("hh", "hh_id", "ind", None))
    with pytest.raises(PlanError, match="individual_key"):
        evaluate(nolink, td.library(), td.datasets())
    wrong, _ = SetIndicator(IndicatorUse("food_insecurity", ("age_group",))).apply(plan)
    with pytest.raises(PlanError, match="only with head = true"):
        evaluate(wrong, td.library(), td.datasets())
    hh = td.households()
    hh.frame.loc[2, "weight"] = -1.0
    with pytest.raises(PlanError, match="missing or negative in 1 household"):
        evaluate(plan, td.library(), {"hh": hh, "ind": td.individuals()})


@pytest.mark.slow
def test_plan_evaluate_is_vectorised_on_a_large_survey() -> None:
    """200,000 households x 5 members in a few seconds (no Python loops over rows)."""
    n = 200_000
    small_h, small_i = td.households(), td.individuals()
    rng = np.random.default_rng(1)
    h = small_h.frame.iloc[rng.integers(0, 8, n)].reset_index(drop=True)
    h["hh_id"] = np.arange(n, dtype=float)
    h["cluster"] = (np.arange(n) // 20).astype(float)
    h["stratum"] = (np.arange(n) // 20_000).astype(float)
    i = small_i.frame.iloc[rng.integers(0, 19, 5 * n)].reset_index(drop=True)
    i["hh_id"] = np.repeat(np.arange(n, dtype=float), 5)
    hh = Dataset("hh", h, dict(small_h.variables), unit="household")
    ind = Dataset("ind", i, dict(small_i.variables), unit="individual")
    start = time.perf_counter()
    af = evaluate(td.plan(), td.library(), {"hh": hh, "ind": ind})
    elapsed = time.perf_counter() - start
    assert len(af.units["individual"].frame) == 5 * n
    assert af.units["household"].frame["household_cert"].notna().mean() > 0.9
    assert elapsed < 20, elapsed
