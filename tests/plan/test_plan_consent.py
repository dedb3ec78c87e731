"""Consent and eligibility: households without consent, or outside the plan's eligibility rule,
and their members are left out of the analysis frame, and counted."""

from __future__ import annotations

import dataclasses

import numpy as np
import plan_testdata as td
import pytest

from workbench.dataset_model import Variable
from workbench.errors import PlanError
from workbench.plan.consent import consent_rule
from workbench.plan.evaluate import evaluate
from workbench.plan.model import Consent, Plan


def _with_consent(values: list[float], labels: dict | None = None) -> dict:
    data = td.datasets()
    hh = data["hh"]
    hh.frame["consent"] = values
    hh.variables["consent"] = Variable(
        "consent", question_type="select_one", value_labels=labels or {1.0: "Yes", 2.0: "No"}
    )
    return data


def test_households_without_consent_and_their_members_are_left_out() -> None:
    data = _with_consent([1.0, 2.0, 1.0, 1.0, np.nan, 1.0, 1.0, 1.0])
    af = evaluate(td.plan(), td.library(), data)
    hh = af.units["household"].frame
    ind = af.units["individual"].frame
    assert len(hh) == 6  # 102 refused, 105 left it blank: neither is consent
    ex = af.provenance["exclusions"]
    members = data["ind"].frame
    assert ex == {
        "households_without_consent": 2,
        "households_ineligible": 0,
        "individuals_excluded": int(members["hh_id"].isin([102.0, 105.0]).sum()),
        "consent_column": "consent",
        "consent_labels": {},
        "eligibility": "",
    }
    kept = members[~members["hh_id"].isin([102.0, 105.0])]
    assert len(ind) == len(kept[kept["hh_id"].isin(data["hh"].frame["hh_id"])])
    assert "102" not in set(hh["_hh"].astype(str)) and "105" not in set(hh["_hh"].astype(str))


def test_the_run_records_the_consent_question_s_words_for_the_report() -> None:
    """The methodology names the question ("Does the respondent agree to be interviewed?"),
    not only its column (issue 20: readers met "(column consent)")."""
    data = _with_consent([1.0, 2.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0])
    words = {"en": "Does the respondent agree to be interviewed?", "fr": "Accepte-t-il ?"}
    data["hh"].variables["consent"].labels = dict(words)
    af = evaluate(td.plan(), td.library(), data)
    assert af.provenance["exclusions"]["consent_labels"] == words
    data["hh"].variables["consent"] = Variable("consent", label="Agrees")  # one language
    af = evaluate(td.plan(), td.library(), data)
    assert af.provenance["exclusions"]["consent_labels"] == {"en": "Agrees"}


def test_the_agreeing_code_is_the_one_labelled_yes_or_the_plans() -> None:
    data = _with_consent([2.0] * 7 + [1.0], labels={1.0: "Non", 2.0: "Oui"})
    assert consent_rule(None, data["hh"]).codes == (2,)  # type: ignore[union-attr]
    af = evaluate(td.plan(), td.library(), data)
    assert af.provenance["exclusions"]["households_without_consent"] == 1
    plan = dataclasses.replace(td.plan(), consent=Consent("consent", (1,)))
    af = evaluate(plan, td.library(), data)
    assert af.provenance["exclusions"]["households_without_consent"] == 7
    assert len(af.units["household"].frame) == 1


def test_eligibility_rule_over_household_columns() -> None:
    plan = dataclasses.replace(td.plan(), eligibility="district == 1")
    af = evaluate(plan, td.library(), td.datasets())
    ex = af.provenance["exclusions"]
    assert ex["households_ineligible"] == 4 and ex["households_without_consent"] == 0
    assert ex["consent_column"] == ""  # the tiny survey has no consent column
    assert len(af.units["household"].frame) == 4


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"consent": Consent("agreed")}, "plan.consent_column_missing"),
        ({"eligibility": "nowhere == 1"}, "plan.eligibility_unknown_column"),
        ({"eligibility": "district ==="}, "plan.eligibility_invalid"),
    ],
)
def test_a_wrong_consent_or_eligibility_rule_is_a_clear_error(change: dict, code: str) -> None:
    plan: Plan = dataclasses.replace(td.plan(), **change)
    with pytest.raises(PlanError) as err:
        evaluate(plan, td.library(), td.datasets())
    assert err.value.code == code


def test_plan_check_reports_rules_consent_and_exclusions_before_a_run() -> None:
    from workbench.plan.checks import check_plan
    from workbench.plan.model import CheckRule

    data = _with_consent([1.0, 2.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0])
    plan = dataclasses.replace(
        td.plan(),
        eligibility="district == 1",
        checks=(
            CheckRule("ok", "left_land == 1 and food_worry == 0"),
            CheckRule("typo", "left_lnd == 1"),
            CheckRule("syntax", "left_land ==", unit="individual"),
        ),
    )
    found = {f.code: f for f in check_plan(plan, td.library(), data)}
    assert found["check.rule_unknown_column"].where == {"check": "typo"}
    assert found["check.rule_invalid"].where == {"check": "syntax"}
    excluded = found["plan.respondents_excluded"]
    assert (excluded.params["no_consent"], excluded.params["ineligible"]) == (1, 4)
    wrong = dataclasses.replace(plan, consent=Consent("agreed"))
    codes = {f.code for f in check_plan(wrong, td.library(), data)}
    assert "plan.consent_column_missing" in codes


def test_households_in_no_group_are_said_at_the_plan_check_and_recorded_by_the_engine() -> None:
    """Issue 20: the demo's report said 2,999 households analysed while its groups' numbers of
    cases add up to 2,989 — 10 households of "Unknown status" (code 99, role exclude) were in
    no group and nothing said so. The plan check says it (households, members, codes), and the
    engine records them in the run's exclusions for the methodology."""
    from workbench.plan.checks import check_plan
    from workbench.stats.engine import no_group

    data = td.datasets()
    hh, ind = data["hh"].frame, data["ind"].frame
    hh.loc[hh["hh_id"] == 107.0, "pop_group"] = np.nan  # and 108 has code 99 (excluded)
    outside = hh["hh_id"].isin([107.0, 108.0])
    found = {f.code: f for f in check_plan(td.plan(), td.library(), data)}
    f = found["plan.households_no_group"]
    members = int(ind["hh_id"].isin(hh.loc[outside, "hh_id"]).sum())
    assert (f.params["households"], f.params["members"]) == (int(outside.sum()), members)
    assert f.params["codes"] == "99, —" and f.severity == "info"
    ex = no_group(evaluate(td.plan(), td.library(), data))
    assert ex["households_no_group"] == int(outside.sum())
    assert ex["individuals_no_group"] == members and ex["no_group_codes"] == ["99"]
    assert ex["households_no_group_code"] == 1
    clean = td.datasets()
    clean["hh"].frame["pop_group"] = clean["hh"].frame["pop_group"].replace(99.0, 1.0)
    assert "plan.households_no_group" not in {
        f.code for f in check_plan(td.plan(), td.library(), clean)
    }
