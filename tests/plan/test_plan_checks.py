"""check_plan(): one test per finding, each on a small edit of the tiny survey or plan."""

from __future__ import annotations

import dataclasses

import numpy as np
import plan_testdata as td
import pytest

from workbench.findings import errors
from workbench.plan.checks import check_plan
from workbench.plan.commands import (
    AddIndicator,
    SetDesign,
    SetGroups,
    SetLinks,
    SetMapping,
    SetRole,
)
from workbench.plan.model import Design, Groups, IndicatorUse, InputMapping, Plan


def _codes(plan: Plan, datasets=None, **kw) -> dict[str, list]:
    out: dict[str, list] = {}
    for f in check_plan(plan, td.library(), datasets or td.datasets(), **kw):
        out.setdefault(f.code.removeprefix("plan."), []).append(f)
    return out


def _edit(cmd) -> Plan:
    return cmd.apply(td.plan())[0]


def test_plan_checks_tiny_plan_has_no_errors() -> None:
    found = check_plan(td.plan(), td.library(), td.datasets())
    assert errors(found) == []
    assert {f.code for f in found} >= {"plan.link_orphans", "plan.missing_rate_high"}


def test_plan_check_unknown_dataset_and_column() -> None:
    found = _codes(td.plan(), {"hh": td.households()})
    assert found["dataset_unknown"][0].where["dataset"] == "ind"
    plan = _edit(SetMapping("age", InputMapping("age", "individual", "age_years")))
    f = _codes(plan)["column_unknown"][0]
    assert f.severity == "error" and f.where == {
        "section": "inputs.age",
        "dataset": "ind",
        "column": "age_years",
    }


def test_plan_check_input_wrong_type() -> None:
    ind = td.individuals()
    ind.frame["age"] = ind.frame["age"].astype(str).where(ind.frame.index != 3, "old")
    found = _codes(td.plan(), {"hh": td.households(), "ind": ind})
    assert found["input_wrong_type"][0].params["count"] == 1
    ind = td.individuals()
    ind.variables["birth_cert"].kind = "datetime"
    assert "input_wrong_type" in _codes(td.plan(), {"hh": td.households(), "ind": ind})


def test_plan_check_values_outside_declared_codes() -> None:
    hh = td.households()
    hh.frame.loc[0, "food_worry"] = 7.0
    f = _codes(td.plan(), {"hh": hh, "ind": td.individuals()})["input_values_undeclared"][0]
    assert f.params["values"] == ["7"] and f.where["column"] == "food_worry"


def test_plan_check_condition_codes() -> None:
    plan = _edit(SetMapping("left_land", InputMapping("left_land", "household", "left_land")))
    assert _codes(plan)["input_no_true_codes"][0].severity == "error"
    plan = _edit(
        SetMapping(
            "left_land", InputMapping("left_land", "household", "left_land", true_labels=("Ja",))
        )
    )
    assert _codes(plan)["input_label_unknown"][0].params["label"] == "Ja"
    plan = _edit(
        SetMapping(
            "left_land", InputMapping("left_land", "household", "left_land", true_codes=(5,))
        )
    )
    assert _codes(plan)["input_code_absent"][0].params["codes"] == [5]
    french = _edit(
        SetMapping(
            "food_worry",
            InputMapping("food_worry", "household", "food_worry", true_labels=("Oui",)),
        )
    )
    assert "input_label_unknown" not in _codes(french)


def test_plan_check_weights() -> None:
    hh = td.households()
    hh.frame["weight"] = [1.0, np.nan, 0.0, -2.0, 1.0, 1.0, 1.0, 1.0]
    found = _codes(td.plan(), {"hh": hh, "ind": td.individuals()})
    assert found["weight_missing"][0].severity == "error"
    assert found["weight_negative"][0].params["count"] == 1
    assert found["weight_zero"][0].severity == "warning"
    plan = _edit(SetDesign(Design("complex", None, "stratum", "cluster")))
    assert "weight_not_set" in _codes(plan)


@pytest.mark.parametrize(("setting", "severity"), [("adjust", "warning"), ("fail", "error")])
def test_plan_check_single_psu_stratum(setting: str, severity: str) -> None:
    hh = td.households()
    hh.frame["cluster"] = [11.0, 11, 11, 11, 21, 21, 22, 22]
    plan = _edit(SetDesign(Design("complex", "weight", "stratum", "cluster", lonely_psu=setting)))  # type: ignore[arg-type]
    f = _codes(plan, {"hh": hh, "ind": td.individuals()})["lonely_psu"]
    assert len(f) == 1 and f[0].severity == severity
    assert f[0].where["stratum"] == "1" and setting in f[0].message


def test_plan_check_groups() -> None:
    plan = _edit(SetRole(3, None))
    found = _codes(plan)
    assert found["group_role_missing"][0].params["role"] == "comparator"
    assert found["group_code_unassigned"][0].params["code"] == "3"
    plan = _edit(SetRole(7, "displaced"))
    assert _codes(plan)["group_code_absent"][0].params["code"] == 7
    hh = td.households()
    hh.frame["pop_group"] = [3.0] * 8  # no displaced household at all
    assert "group_role_missing" in _codes(td.plan(), {"hh": hh, "ind": td.individuals()})
    assert "group_not_set" in _codes(_edit(SetGroups(Groups())))


def test_plan_check_indicator_partly_mapped_and_unknown() -> None:
    plan = td.plan()
    plan = dataclasses.replace(plan, inputs=tuple(m for m in plan.inputs if m.name != "left_land"))
    f = _codes(plan)["indicator_inputs_partial"][0]
    assert f.where["indicator"] == "hlp_documentation" and f.params["unmapped"] == ["left_land"]
    plan = dataclasses.replace(plan, inputs=tuple(m for m in plan.inputs if m.name != "food_worry"))
    assert _codes(plan)["indicator_inputs_unmapped"][0].where["indicator"] == "food_insecurity"
    assert "indicator_unknown" in _codes(_edit(AddIndicator("not_in_library")))
    use = IndicatorUse("school2", custom=True, title="x", criterion="2", unit="individual",
                       numerator="age >>> 3")  # fmt: skip
    bad = _edit(AddIndicator(use))
    assert "indicator_invalid" in _codes(bad)


def test_plan_check_universe_empty_for_a_group() -> None:
    ind = td.individuals()
    ind.frame.loc[ind.frame["hh_id"].isin([103, 104]), "age"] = (
        30.0  # no child among IDPs outside camps
    )
    found = _codes(td.plan(), {"hh": td.households(), "ind": ind})
    empty = [f for f in found["universe_empty"] if f.where["indicator"] == "school_attendance"]
    assert [f.params["group"] for f in empty] == [2]
    assert [f.severity for f in empty] == ["info"]  # that group has no estimate: a fact
    assert "IDPs outside camps" in empty[0].message  # the group's label and the title, not ids
    use = IndicatorUse("school_attendance", universe="age > 200")
    from workbench.plan.commands import SetIndicator

    assert "universe_empty_all" in _codes(_edit(SetIndicator(use)))


def test_plan_check_empty_universe_of_the_comparator_is_a_warning_unless_not_comparable() -> None:
    """A displaced group outside an indicator's universe is a fact (info: no estimate for it);
    the comparator outside it is a warning the user acts on — unless the plan or the library
    says the indicator is never compared (the questions asked of displaced households only)."""
    from workbench.plan.commands import SetIndicator

    ind = td.individuals()
    ind.frame.loc[ind.frame["hh_id"].isin([105, 106, 107]), "age"] = 30.0  # no host child
    data = {"hh": td.households(), "ind": ind}
    found = check_plan(td.plan(), td.library(), data)
    mine = [f for f in found if f.where.get("indicator") == "school_attendance"]
    assert [(f.code, f.severity) for f in mine if "universe" in f.code] == [
        ("plan.universe_empty_comparator", "warning")
    ]
    warn = next(f for f in mine if f.code == "plan.universe_empty_comparator")
    assert "Host community" in warn.message and "school_attendance" not in warn.message
    assert "Communauté hôte" in warn.render("fr")  # the plan's label, in the sentence's language
    plan = SetIndicator(IndicatorUse("school_attendance", ("sex",), comparable=False)).apply(
        td.plan()
    )[0]
    found = check_plan(plan, td.library(), data)
    assert not [f for f in found if f.where.get("indicator") == "school_attendance"
                and "universe" in f.code]  # fmt: skip


def test_plan_check_missing_rate_threshold() -> None:
    found = _codes(td.plan(), missing_threshold=0.4)
    rates = {(f.where["indicator"], f.params["group"]) for f in found["missing_rate_high"]}
    assert rates == {("food_insecurity", 2), ("hlp_documentation", 1), ("birth_cert_children", 1)}
    assert "missing_rate_high" not in _codes(td.plan(), missing_threshold=0.6)


def test_plan_check_link_problems() -> None:
    hh = td.households()
    hh.frame.loc[1, "hh_id"] = 101.0
    f = _codes(td.plan(), {"hh": hh, "ind": td.individuals()})["link_key_not_unique"][0]
    assert f.params == {"missing": 0, "duplicated": 2}
    plan = _edit(SetLinks(dataclasses.replace(td.plan().datasets, individual_key=None)))
    assert "link_key_missing" in _codes(plan)
    plan = _edit(
        SetLinks(dataclasses.replace(td.plan().datasets, aggregation="head", head_codes=(2,)))
    )
    heads = _codes(plan)["link_heads"][0]
    assert heads.params == {"none": 5, "several": 0}
    assert _codes(td.plan())["link_orphans"][0].params["count"] == 1


def test_plan_check_individual_breakdown_of_household_indicator() -> None:
    use = IndicatorUse("food_insecurity", ("district", "age_group"))
    from workbench.plan.commands import SetIndicator

    f = _codes(_edit(SetIndicator(use)))["indicator_disaggregation_unit"][0]
    assert f.where["disaggregation"] == "age_group" and f.severity == "error"
    assert "indicator_disaggregation_unit" not in _codes(td.plan())  # sex has head = true


def _left_land(values: list) -> dict:
    hh = td.households()
    hh.frame["left_land"] = values
    return {"hh": hh, "ind": td.individuals()}


def test_plan_check_numeric_codes_on_a_text_column_with_markers() -> None:
    # R's write.csv: "NA" kept the 0/1 column text; true_codes = [1] would count NA as "no"
    text = ["1", "1", "NA", "1", "NA", "NA", "0", "0"]
    f = _codes(td.plan(), _left_land(text))["input_text_numeric_codes"][0]
    assert f.severity == "error" and f.where["column"] == "left_land"
    assert f.params["markers"] == ["NA"] and f.params["count"] == 3
    assert "left_land is a text column" in f.message and "--na" in f.message
    assert "input_missing_share" not in _codes(td.plan(), _left_land(text))  # said once
    plan = _edit(
        SetMapping(
            "left_land",
            InputMapping("left_land", "household", "left_land", true_codes=(1,), missing=("NA",)),
        )
    )
    assert "input_text_numeric_codes" not in _codes(plan, _left_land(text))  # declared missing
    numbers = [1.0, 1, np.nan, 1, np.nan, np.nan, 0, 0]
    assert "input_text_numeric_codes" not in _codes(td.plan(), _left_land(numbers))


def test_plan_check_missing_share_against_markers_and_labels() -> None:
    plan = _edit(
        SetMapping(
            "left_land", InputMapping("left_land", "household", "left_land", true_codes=("yes",))
        )
    )
    data = _left_land(["yes", "no", "NA", "yes", "N/A", "NA", "no", "no"])
    data["hh"].variables["left_land"].value_labels = {}
    f = _codes(plan, data)["input_missing_share"][0]
    assert f.severity == "warning" and f.params["markers"] == ["N/A", "NA"]
    assert f.params["share"] == 3 / 8 and f.params["missing"] == 0.0
    assert "is 0% missing for the plan, but 38% of its values" in f.message
    # a code whose value label says "NA", not declared missing
    data = _left_land([1.0, 9, 9, 1, 0, 9, 0, 0])
    data["hh"].variables["left_land"].value_labels = {1.0: "Yes", 0.0: "No", 9.0: "N/A"}
    assert _codes(td.plan(), data)["input_missing_share"][0].params["markers"] == ["9"]
    declared = _edit(
        SetMapping(
            "left_land",
            InputMapping("left_land", "household", "left_land", true_codes=(1,), missing=(9,)),
        )
    )
    assert "input_missing_share" not in _codes(declared, data)
    assert "input_missing_share" not in _codes(td.plan())


def test_plan_marker_findings_are_translated() -> None:
    from workbench.findings_i18n import LANGUAGES, localized

    text = ["1", "1", "NA", "1", "NA", "NA", "0", "0"]
    f = _codes(td.plan(), _left_land(text))["input_text_numeric_codes"][0]
    plan = _edit(
        SetMapping(
            "left_land", InputMapping("left_land", "household", "left_land", true_codes=("yes",))
        )
    )
    data = _left_land(["yes", "no", "NA", "yes", "NA", "NA", "no", "no"])
    data["hh"].variables["left_land"].value_labels = {}
    w = _codes(plan, data)["input_missing_share"][0]
    for lang in LANGUAGES:
        assert "NA" in localized(f, lang) and localized(f, lang) != f.message
        assert "38" in localized(w, lang) and localized(w, lang) != w.message


def test_plan_finding_with_titles_travels_as_json_and_renders_in_any_language() -> None:
    """A run stores the plan's warnings in its snapshot (JSON): a title or group label given in
    several languages is kept as such and worded in the reader's language."""
    import json

    from workbench.findings import Finding
    from workbench.findings_i18n import localized

    ind = td.individuals()
    ind.frame.loc[ind.frame["hh_id"].isin([105, 106, 107]), "age"] = 30.0  # no host child
    found = check_plan(td.plan(), td.library(), {"hh": td.households(), "ind": ind})
    warn = next(f for f in found if f.code == "plan.universe_empty_comparator")
    stored = json.loads(json.dumps(warn.to_dict()))
    back = Finding(**stored)
    assert localized(back, "fr") == warn.render("fr") and "Communauté hôte" in warn.render("fr")
    assert back.params["group_name"]["en"] == "Host community"
