"""Plan TOML: round trips and validation errors that name the file and section."""

from __future__ import annotations

import dataclasses
import tomllib

import plan_testdata as td
import pytest

from workbench.errors import PlanError
from workbench.plan.model import (
    DatasetLinks,
    Design,
    Disaggregation,
    IndicatorUse,
    InputMapping,
    Level,
    Plan,
    StockTable,
)


def test_plan_round_trip_object_and_text() -> None:
    plan = td.plan()
    text = plan.to_toml()
    again = Plan.from_toml(text)
    assert again == plan
    assert again.to_toml() == text
    assert plan.dataset_names() == ["hh", "ind"]


def test_plan_round_trip_keeps_every_field() -> None:
    plan = Plan(
        name="full",
        description='Quotes " and \\ backslashes\nand lines',
        language="fr",
        datasets=DatasetLinks("h", "id", "i", "hid", "head", "rel", (1, "x")),
        design=Design("complex", "w", "s", "p", "f", "certainty"),
        disaggregations=(
            Disaggregation(
                "sex",
                "category",
                "individual",
                "sex",
                labels={"fr": "Sexe"},
                head=True,
                head_labels={"fr": "Sexe du chef de ménage"},  # its name over households
                levels=(Level((2,), {"en": "Female"}), Level((1, 9), {"en": "Male"})),
            ),
            Disaggregation("age", "age_groups", "individual", "age", cut_points=(0.0, 2.5, 18.0)),
            Disaggregation("dis", "disability", "individual", columns=("a", "b"), codes=(3, 4)),
        ),
        indicators=(
            IndicatorUse("lib", ("sex",), universe="age >= 15", note={"en": "Working age from 15"}),
            IndicatorUse(
                "mine",
                (),
                numerator="x == 1",
                custom=True,
                title="Mine",
                criterion="2",
                unit="household",
                statistic="mean",
                direction="neutral",
                iris_subcriterion="2.1",
            ),
        ),
        inputs=(
            InputMapping(
                "x",
                "household",
                columns=("q_a", "q_b"),
                combine="count",
                missing=(),
                skip="no",
                aggregate="max",
                note="n",
            ),
            InputMapping("y", "individual", "col", true_labels=("Yes", "Oui"), missing=(98, 99.5)),
            InputMapping("z", categories={"camp": (1, 2), "other": ("x",)}),
        ),
        stock_tables=(StockTable("t", "T", "individual", "sex", "age"),),
    )
    text = plan.to_toml()
    tomllib.loads(text)
    assert Plan.from_toml(text) == plan


def test_plan_codes_are_normalised_so_round_trip_is_exact() -> None:
    text = td.PLAN_TOML.replace(
        "true_codes = [1]\n\n[inputs.attends_school]",
        "true_codes = [1.0]\n\n[inputs.attends_school]",
    )
    plan = Plan.from_toml(text)
    assert plan.input("has_birth_cert").true_codes == (1,)  # type: ignore[union-attr]
    assert Plan.from_toml(plan.to_toml()) == plan


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            lambda t: t.replace("plan_version = 1", "plan_version = 2"),
            "plan_version 2 is not supported",
        ),
        (lambda t: t.replace("plan_version = 1\n", ""), "'plan_version' is missing"),
        (
            lambda t: t.replace('lonely_psu = "adjust"', 'lonely_psu = "skip"'),
            "[design] lonely_psu 'skip'",
        ),
        (
            lambda t: t.replace('role = "comparator"', 'role = "host"'),
            "[groups.values #3] role 'host'",
        ),
        (
            lambda t: t.replace("cut_points = [0, 5, 18, 60]", "cut_points = [0, 18, 5]"),
            "must be increasing",
        ),
        (
            lambda t: t.replace('disaggregations = ["sex"]', 'disaggregations = ["region"]'),
            "disaggregation 'region' is not declared",
        ),
        (lambda t: t.replace('weight = "weight"', "weight = 3"), "[design] 'weight' must be text"),
        (
            lambda t: t.replace(
                '[inputs.age]\nunit = "individual"', '[inputs.age]\nunit = "person"'
            ),
            "[inputs.age] unit 'person'",
        ),
        (
            lambda t: t.replace("[inputs.age]\n", "[inputs.age]\ncolumnn = 'x'\n"),
            "unknown key 'columnn'",
        ),
        (
            lambda t: t.replace('cols = "age_group"', 'cols = "region"'),
            "'region' is not a declared",
        ),
        (lambda t: t + '\n[[indicators]]\nid = "school_attendance"\n', "appears more than once"),
        (
            lambda t: t + '\n[[indicators]]\nid = "c"\ncustom = true\n',
            "a custom indicator needs 'title'",
        ),
        (lambda t: t.replace('name = "tiny"', 'name = ""'), "'name' must not be empty"),
        (lambda t: t + "\nthis is not toml", "not valid TOML"),
    ],
)
def test_plan_validation_errors_name_the_place(edit, expected: str) -> None:
    with pytest.raises(PlanError) as info:
        Plan.from_toml(edit(td.PLAN_TOML), source="my-plan.toml")
    assert expected in info.value.message
    assert info.value.message.startswith("my-plan.toml:")
    assert "\n" not in info.value.message


def test_plan_lookups() -> None:
    plan = td.plan()
    assert plan.input("age").column == "age"  # type: ignore[union-attr]
    assert plan.input("nope") is None
    assert plan.indicator("food_insecurity").disaggregations == ("district", "sex")  # type: ignore[union-attr]
    assert plan.groups.role_of(3.0) == "comparator"
    assert plan.groups.role_of("99") == "exclude"
    assert plan.disaggregation("sex").head  # type: ignore[union-attr]
    bare = dataclasses.replace(plan, datasets=DatasetLinks(household="only"))
    assert bare.dataset_names() == ["only"]


def test_plan_documented_example_parses() -> None:
    """The file format shown in workbench.plan's docstring is a valid plan."""
    import workbench.plan

    block = (workbench.plan.__doc__ or "").split("::")[1]
    text = "\n".join(line[4:] for line in block.splitlines())
    plan = Plan.from_toml(text)
    assert plan.name == "freedonia" and len(plan.indicators) == 3
    assert plan.indicator("my_indicator").custom  # type: ignore[union-attr]
    assert plan.input("has_birth_certificate").true_codes == (1, 2)  # type: ignore[union-attr]


def test_plan_marks_a_displaced_group_as_returnees() -> None:
    """The stock gives the IDPs alone when the plan says which displaced group is returnees."""
    from workbench.plan.model import Groups, GroupValue

    groups = Groups(
        "pop", (GroupValue(1, "displaced"), GroupValue(3, "displaced", {"en": "R"}, True))
    )
    plan = Plan(name="r", groups=groups)
    text = plan.to_toml()
    assert "returnees = true" in text and text.count("returnees") == 1
    assert Plan.from_toml(text) == plan
