"""Learning from confirmations: the mappings of a confirmed plan (a template, or a plan saved in
the vault) are matched first when a new round or a partner's dataset arrives — by the same
column name (when its labels and codes agree), else by the question's label in any language;
codes that count are re-found by their labels."""

from __future__ import annotations

from pathlib import Path

import plan_testdata as td
import pytest
import suggest_survey as survey

from workbench.dataset_model import Dataset
from workbench.library import load_library
from workbench.plan.suggest import suggest
from workbench.plan.templates import export_template


def _rename(ds: Dataset, old: str, new: str) -> None:
    ds.frame = ds.frame.rename(columns={old: new})
    ds.variables = {(new if k == old else k): v for k, v in ds.variables.items()}
    ds.variables[new].name = new


def test_plan_suggest_templates_partner_dataset_by_label() -> None:
    """The template's food_worry is q7 in the partner's file (same label, codes 1/2 instead of
    1/0): found by its label, the code for "Yes" re-found; without the template it is weaker."""
    lib = td.library()
    hh, ind = td.households(), td.individuals()
    plan = suggest(lib, {"hh": hh, "ind": ind}, "round1").plan
    text = export_template(plan, {"hh": hh, "ind": ind})
    hh2, ind2 = td.households("partner_hh"), td.individuals("partner_ind")
    _rename(hh2, "food_worry", "q7")
    hh2.frame["q7"] = hh2.frame["q7"].replace({0.0: 2.0})
    hh2.variables["q7"].value_labels = {1.0: "Yes", 2.0: "No", 98.0: "Don't know"}
    new = {"partner_hh": hh2, "partner_ind": ind2}
    sug = suggest(lib, new, "partner", templates=[("round1", text)])
    m = sug.match("food_worry")
    assert m is not None and (m.column, m.status) == ("q7", "accepted")
    assert "round1" in str(m.reason) and m.confidence >= 0.9
    mapped = sug.plan.input("food_worry")
    assert mapped is not None and mapped.column == "q7"
    assert mapped.true_labels == ("Yes",) or mapped.true_codes == (1,)


def test_plan_suggest_templates_ignore_same_name_other_question() -> None:
    """A column of the same name whose label says another question is not taken."""
    lib = td.library()
    hh, ind = td.households(), td.individuals()
    text = export_template(suggest(lib, {"hh": hh, "ind": ind}, "r1").plan, {"hh": hh, "ind": ind})
    hh2 = td.households("h2")
    hh2.variables["food_worry"].labels = {"en": "Number of rooms used for sleeping"}
    hh2.variables["food_worry"].label = "Number of rooms used for sleeping"
    sug = suggest(lib, {"h2": hh2, "i2": td.individuals("i2")}, "r2", templates=[("r1", text)])
    m = sug.match("food_worry")
    assert m is None or "r1" not in str(m.reason)


@pytest.mark.slow
def test_plan_suggest_templates_next_round(tmp_path: Path) -> None:
    """Round 1 of the descriptive survey: the team accepts the columns auto-suggest left for
    review and saves the plan; round 2 (new values, same questionnaire) gets them first, ok."""
    lib = load_library()
    r1 = survey.datasets(tmp_path)
    first = suggest(lib, r1, "round1")
    # the team accepts the right columns that auto-suggest left for review
    choices = {m.input: m.column for m in first.matches
               if m.status == "review" and m.column == survey.TRUTH.get(m.input)}  # fmt: skip
    assert len(choices) >= 2
    confirmed = suggest(lib, r1, "round1", accept=choices)
    text = export_template(confirmed.plan, r1)
    (tmp_path / "r2").mkdir()
    r2 = survey.datasets(tmp_path / "r2", households=180, seed=9)
    sug = suggest(lib, r2, "round2", templates=[("round1", text)])
    for name, column in choices.items():
        m = sug.match(name)
        assert m is not None and (m.column, m.status) == (column, "accepted"), m
        assert "round1" in str(m.reason)
    assert sug.plan.design.psu == "ea" and sug.plan.datasets.household_key == "hhid"
    ok_before = sum(m.status == "accepted" for m in first.matches)
    assert sum(m.status == "accepted" for m in sug.matches) > ok_before
