"""Plan edit commands: every command's inverse restores the plan; undo/redo walk the history."""

from __future__ import annotations

import plan_testdata as td
import pytest

from workbench.errors import PlanError
from workbench.plan.commands import (
    AddIndicator,
    RemoveIndicator,
    SetCutPoints,
    SetDesign,
    SetDisaggregation,
    SetGroupColumn,
    SetIndicator,
    SetInfo,
    SetLinks,
    SetMapping,
    SetRole,
    SetStockTables,
)
from workbench.plan.model import DatasetLinks, Design, Disaggregation, IndicatorUse, InputMapping
from workbench.plan.undo import UndoStack

COMMANDS = [
    SetMapping("age", InputMapping("age", "individual", "age_years")),  # replace
    SetMapping("new_input", InputMapping("x", "household", "col", true_codes=(1,))),  # add
    SetMapping("food_worry", None),  # remove (first position)
    SetMapping("absent", None),  # no-op
    SetRole(3, "displaced"),
    SetRole(99, None),
    SetRole("4", "comparator", {"en": "National"}),
    SetRole(1.0, "exclude", {"en": "Camp"}),
    SetGroupColumn("other_group"),
    AddIndicator("new_indicator"),
    AddIndicator(IndicatorUse("at_front", ("sex",)), index=0),
    RemoveIndicator("hlp_documentation"),
    SetIndicator(
        IndicatorUse(
            "school_attendance", ("district",), universe="6 <= age <= 14", note={"en": "Primary"}
        )
    ),
    SetDesign(Design("weights_only", "weight", lonely_psu="remove")),
    SetLinks(DatasetLinks("h2", "k", None)),
    SetDisaggregation("district", Disaggregation("district", column="region")),
    SetDisaggregation("new", Disaggregation("new", column="camp")),
    SetDisaggregation("sex", None),  # removal also drops it from indicators and stock tables
    SetCutPoints("age_group", (0, 15, 65)),
    SetStockTables(()),
    SetInfo("renamed", "desc", "fr"),
]


@pytest.mark.parametrize("cmd", COMMANDS, ids=lambda c: type(c).__name__ + ":" + c.label)
def test_plan_command_inverse_restores(cmd) -> None:
    plan = td.plan()
    new, inverse = cmd.apply(plan)
    assert td.plan() == plan  # the argument is never changed
    back, redo = inverse.apply(new)
    assert back == plan
    assert redo.apply(back)[0] == new


def test_plan_commands_do_what_they_say() -> None:
    plan = td.plan()
    new, _ = SetRole(3, "displaced").apply(plan)
    assert new.groups.role_of(3) == "displaced"
    new, _ = SetDisaggregation("sex", None).apply(plan)
    assert all("sex" not in u.disaggregations for u in new.indicators)
    assert new.stock_tables == ()
    new, _ = SetCutPoints("age_group", (0, 15, 65)).apply(plan)
    assert new.disaggregation("age_group").cut_points == (0.0, 15.0, 65.0)  # type: ignore[union-attr]
    new, _ = AddIndicator(IndicatorUse("at_front"), index=0).apply(plan)
    assert new.indicators[0].id == "at_front"


@pytest.mark.parametrize(
    "cmd",
    [
        AddIndicator("food_insecurity"),
        AddIndicator(IndicatorUse("x", ("region",))),
        RemoveIndicator("nope"),
        SetIndicator(IndicatorUse("nope")),
        SetCutPoints("district", (0, 5)),
        SetCutPoints("age_group", (5, 0)),
        SetRole(1, "host"),  # type: ignore[arg-type]
        SetInfo(" "),
    ],
)
def test_plan_invalid_commands_raise(cmd) -> None:
    with pytest.raises(PlanError):
        cmd.apply(td.plan())


def test_plan_undo_stack_walks_history_and_tracks_dirty() -> None:
    start = td.plan()
    stack = UndoStack(start)
    assert not stack.can_undo and not stack.dirty
    states = [start]
    for cmd in COMMANDS[:6]:
        states.append(stack.do(cmd))
    assert stack.dirty and stack.undo_text == COMMANDS[5].label
    stack.mark_clean()
    for expected in reversed(states[:-1]):
        assert stack.undo() == expected
    assert stack.plan == start and not stack.can_undo and stack.dirty
    assert stack.undo() == start  # nothing left: no change
    for expected in states[1:]:
        assert stack.redo() == expected
    assert not stack.dirty and not stack.can_redo
    stack.undo()
    stack.do(SetInfo("branch"))  # a new edit drops the redo branch, including the clean state
    assert not stack.can_redo and stack.dirty
    stack.undo()
    assert stack.dirty  # the saved state is gone for good


def test_plan_undo_stack_limit() -> None:
    stack = UndoStack(td.plan(), limit=3)
    for i in range(5):
        stack.do(SetInfo(f"n{i}"))
    for _ in range(5):
        stack.undo()
    assert stack.plan.name == "n1"


def test_setting_a_group_s_role_or_labels_keeps_its_returnees_mark() -> None:
    """The app's group editor rebuilt the value from code, role and labels: a plan's
    ``returnees = true`` (the stock's IDPs-alone total rests on it) was dropped."""
    import dataclasses

    from workbench.plan.commands import SetRole
    from workbench.plan.model import Groups, GroupValue, Plan

    plan = Plan(name="r", groups=Groups("pop", (GroupValue(3, "displaced", {}, True),)))
    relabelled, undo = SetRole(3, "displaced", {"en": "Returnees"}).apply(plan)
    assert relabelled.groups.values[0].returnees
    assert relabelled.groups.values[0].labels == {"en": "Returnees"}
    back, _redo = undo.apply(relabelled)
    assert back == plan
    assert dataclasses.replace(plan.groups.values[0], returnees=False) != back.groups.values[0]
