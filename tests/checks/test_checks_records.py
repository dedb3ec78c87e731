"""Each check on small hand-made datasets: what it finds, where it points, what it leaves."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
from checks_testkit import codes, dataset

from workbench.checks import run_checks
from workbench.checks.duration import SHORT_MIN
from workbench.plan.model import CheckRule, DatasetLinks, Plan

NOW = pd.Timestamp.now().normalize()


def _households(n: int = 6) -> dict:
    return {
        "hh_id": [float(100 + i) for i in range(n)],
        "hh_size": [2.0] * n,
        "income": [100.0] * n,
    }


def test_ages_heads_and_household_size_against_the_roster() -> None:
    hh = dataset("hh", _households(3), key="hh_id")
    ind = dataset(
        "ind",
        {
            "hh_id": [100.0, 100.0, 101.0, 101.0, 102.0, 102.0, 102.0],
            "relation": [1.0, 2.0, 1.0, 3.0, 1.0, 3.0, 3.0],
            "age": [40.0, 111.0, 12.0, 3.0, 98.0, -1.0, 20.0],
        },
        unit="individual",
        parent="hh",
        parent_key="hh_id",
        variables={"age": {"missing_codes": [98.0]}, "relation": {"value_labels": {1.0: "Head"}}},
    )
    found = run_checks({"hh": hh, "ind": ind})
    ages = codes(found, "check.age_out_of_range")
    assert [(f.where["row"], f.params["value"]) for f in ages] == [("1", 111), ("5", -1)]
    # a roster without a key: records are named by their 1-based row, as the cleaning log does
    assert ages[0].where == {"dataset": "ind", "row": "1", "record": "2", "column": "age"}
    heads = codes(found, "check.head_too_young")
    assert [(f.where["row"], f.params["value"]) for f in heads] == [("2", 12)]  # 98 is a code
    sizes = codes(found, "check.household_size_mismatch")
    assert [(f.where["record"], f.params["size"], f.params["members"]) for f in sizes] == [
        ("102", 2, 3)
    ]
    assert "differs from the 3 members listed in ind" in sizes[0].message


def test_dates_after_the_interview_or_in_the_future_and_negative_amounts() -> None:
    cols = _households(3)
    cols["today"] = pd.to_datetime([NOW - pd.Timedelta(days=30)] * 3)
    cols["arrival_date"] = pd.to_datetime(
        [NOW - pd.Timedelta(days=60), NOW - pd.Timedelta(days=10), NOW + pd.Timedelta(days=400)]
    )
    cols["income"] = [100.0, -5.0, np.nan]
    found = run_checks({"hh": dataset("hh", cols, key="hh_id")})
    assert [f.where["row"] for f in codes(found, "check.date_after_interview")] == ["1"]
    assert [f.where["row"] for f in codes(found, "check.date_in_future")] == ["2"]
    neg = codes(found, "check.negative_amount")
    assert [(f.where["column"], f.params["value"]) for f in neg] == [("income", -5)]


def test_outliers_on_the_value_and_on_the_log_per_group() -> None:
    rng = np.random.default_rng(3)
    n = 400
    group = np.repeat([1.0, 2.0], n // 2)
    # group 2 earns ten times more: 900 is ordinary there and far out in group 1
    income = np.exp(rng.normal(np.where(group == 1, 4.6, 6.9), 0.25))
    income[5] = 900.0  # beyond 3 SD in group 1 on both scales
    income[6] = 33.0  # low: only the log scale sees it (the value scale is bounded by 0)
    income[250] = 900.0  # the same value in group 2 is ordinary
    cols = {"hh_id": np.arange(n, dtype=float), "pop_group": group, "income_month": income}
    ds = dataset("hh", cols, key="hh_id", variables={"income_month": {"question_type": "integer"}})
    plan = Plan(name="p", datasets=DatasetLinks(household="hh", household_key="hh_id"))
    plan = dataclasses.replace(plan, groups=dataclasses.replace(plan.groups, column="pop_group"))
    found = run_checks({"hh": ds}, plan)
    assert 5 in {int(f.where["row"]) for f in codes(found, "check.outlier")}
    assert 6 in {int(f.where["row"]) for f in codes(found, "check.outlier_log")}
    assert 250 not in {int(f.where["row"]) for f in found if f.code.startswith("check.outlier")}
    # an undeclared "don't know" 999998 above every value is a code, not an outlier
    ds.frame.loc[7, "income_month"] = 999998.0
    found = run_checks({"hh": ds}, plan)
    assert 7 not in {int(f.where["row"]) for f in codes(found, "check.outlier")}


def test_duplicates_and_soft_duplicates_ignore_metadata() -> None:
    rng = np.random.default_rng(1)
    n, m = 500, 40
    answers = {f"q{j}": rng.integers(0, 5, n).astype(float) for j in range(m)}
    cols = {"_uuid": [f"u{i}" for i in range(n)], "hh_id": np.arange(n, dtype=float), **answers}
    frame = pd.DataFrame(cols)
    frame.loc[300, list(answers)] = frame.loc[10, list(answers)].to_numpy()
    frame.loc[400, list(answers)] = frame.loc[20, list(answers)].to_numpy()
    frame.loc[400, "q3"] = (frame.loc[20, "q3"] + 1) % 5  # 1 of 40 answers differs
    ds = dataset("hh", {c: frame[c].tolist() for c in frame.columns}, key="hh_id")
    found = run_checks({"hh": ds})
    dup = codes(found, "check.duplicate_interview")
    assert [(f.where["record"], f.params["other"]) for f in dup] == [("300", "10")]
    soft = codes(found, "check.soft_duplicate")
    assert [(f.where["record"], f.params["other"], f.params["differ"]) for f in soft] == [
        ("400", "20", 1)
    ]
    assert soft[0].params["compared"] == m


def test_interview_duration_limits_follow_the_median() -> None:
    n = 40
    start = pd.Timestamp("2026-03-02 08:00") + pd.to_timedelta(np.arange(n), unit="h")
    minutes = np.full(n, 45.0)
    minutes[3], minutes[4], minutes[5] = 5.0, 400.0, -10.0
    cols = {
        "hh_id": np.arange(n, dtype=float),
        "start": start,
        "end": start + pd.to_timedelta(minutes, unit="m"),
    }
    found = run_checks({"hh": dataset("hh", cols, key="hh_id")})
    short = codes(found, "check.duration_short")
    assert [(f.where["row"], f.params["minutes"], f.params["limit"]) for f in short] == [
        ("3", 5, SHORT_MIN * 1.5)  # a third of the 45-minute median
    ]
    assert [f.where["row"] for f in codes(found, "check.duration_long")] == ["4"]
    assert [f.where["row"] for f in codes(found, "check.duration_negative")] == ["5"]


def test_other_specify_text_matching_a_choice() -> None:
    cols = {
        "hh_id": [1.0, 2.0, 3.0],
        "need": ["water other", "other", "food"],
        "need_other": ["  Clean WATER. ", "a bridge", None],
    }
    variables = {
        "need": {
            "question_type": "select_multiple",
            "extra": {
                "choices": {
                    "water": {"en": "Clean water", "fr": "Eau potable"},
                    "other": {"en": "Other"},
                }
            },
        },
        "need_other": {
            "question_type": "text",
            "extra": {"relevant": "selected(${need}, 'other')"},
        },
    }
    found = run_checks({"hh": dataset("hh", cols, key="hh_id", variables=variables)})
    other = codes(found, "check.other_matches_choice")
    assert [(f.where["row"], f.params["choice"], f.params["question"]) for f in other] == [
        ("0", "Clean water", "need")
    ]


def test_skip_rules_from_the_form_and_rules_of_the_plan() -> None:
    cols = {
        "hh_id": [1.0, 2.0, 3.0, 4.0],
        "displaced": [1.0, 0.0, 1.0, 0.0],
        "year": [2019.0, 2020.0, np.nan, np.nan],
        "size": [3.0, 25.0, 4.0, 2.0],
    }
    variables = {
        "year": {"question_type": "integer",
                 "extra": {"relevant": "${displaced} = '1'", "required": True}},
        "size": {"extra": {"relevant": "jr:itext('x')"}},
    }  # fmt: skip
    plan = Plan(
        name="p",
        datasets=DatasetLinks(household="hh", household_key="hh_id"),
        checks=(
            CheckRule("big", "size > 20", "Household larger than 20", "error"),
            CheckRule("typo", "sise > 20", "", "warning"),
        ),
    )
    found = run_checks({"hh": dataset("hh", cols, key="hh_id", variables=variables)}, plan)
    assert [f.where["row"] for f in codes(found, "check.skip_answered")] == ["1"]
    assert [f.where["row"] for f in codes(found, "check.skip_missing")] == ["2"]
    assert [f.where["column"] for f in codes(found, "check.skip_not_evaluated")] == ["size"]
    rule = codes(found, "check.rule")
    assert [(f.where["row"], f.severity, f.params["rule"]) for f in rule] == [("1", "error", "big")]
    assert rule[0].message == "Check big: Household larger than 20"
    bad = codes(found, "check.rule_unknown_column")
    assert bad[0].where == {"check": "typo"} and bad[0].params["column"] == "sise"
    assert "Contrôle big" in rule[0].render("fr")


def test_a_systematic_problem_is_listed_up_to_the_limit_then_counted() -> None:
    n = 250
    income = -1.0 - np.arange(n)
    ds = dataset("hh", {"hh_id": np.arange(n, dtype=float), "income": income}, key="hh_id")
    found = run_checks({"hh": ds})
    assert len(codes(found, "check.negative_amount")) == 100
    (more,) = codes(found, "check.more")
    assert more.params == {"check": "check.negative_amount", "count": 150, "total": 250}


def test_a_repeated_household_key_does_not_stop_the_checks() -> None:
    hh = dataset("hh", {"hh_id": [1.0, 1.0, 2.0], "g": [1.0, 2.0, 1.0]}, key="hh_id")
    ind = dataset(
        "ind",
        {"hh_id": [1.0, 2.0, 3.0], "age": [30.0, 200.0, 4.0], "q": [1.0, 1.0, 1.0]},
        unit="individual",
        parent="hh",
        parent_key="hh_id",
        variables={"q": {"extra": {"relevant": "${g} = '1'"}}},
    )
    found = run_checks({"hh": hh, "ind": ind})
    assert [f.where["row"] for f in codes(found, "check.age_out_of_range")] == ["1"]
    # member 3's household is unknown: its household question reads as blank, so not asked
    assert [f.where["row"] for f in codes(found, "check.skip_answered")] == ["2"]
