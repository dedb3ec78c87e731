"""Tiny hand-made survey (8 households, 19 members + 1 orphan) and a tiny library for plan tests."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from workbench.dataset_model import Dataset, Variable
from workbench.library.model import Indicator, InputDef, Library, Text
from workbench.plan.model import Plan

NAN = np.nan
YES_NO = {1.0: "Yes", 0.0: "No", 98.0: "Don't know"}
YES_NO_FR = {1.0: "Oui", 0.0: "Non", 98.0: "Ne sait pas"}


def households(name: str = "hh") -> Dataset:
    frame = pd.DataFrame(
        {
            "hh_id": [101.0, 102, 103, 104, 105, 106, 107, 108],
            "stratum": [1.0, 1, 1, 1, 2, 2, 2, 2],
            "cluster": [11.0, 11, 12, 12, 21, 21, 22, 22],
            "weight": [1.0, 2, 1, 2, 1, 1, 3, 1],
            "pop_group": [1.0, 1, 2, 2, 3, 3, 3, 99],
            "district": [1.0, 1, 2, 2, 1, 2, 2, 1],
            "food_worry": [1.0, 0, 1, 98, 0, 0, 1, NAN],
            "left_land": [1.0, 1, 0, 1, 0, 1, 0, 0],
            "hlp_doc": [1.0, 99, NAN, 0, NAN, 1, NAN, NAN],
        }
    )
    variables = {
        "hh_id": Variable("hh_id", labels={"en": "Household ID"}),
        "stratum": Variable("stratum", labels={"en": "Stratum"}),
        "cluster": Variable("cluster", labels={"en": "Cluster (PSU)"}),
        "weight": Variable("weight", labels={"en": "Sampling weight"}),
        "pop_group": Variable(
            "pop_group",
            labels={"en": "Population group", "fr": "Groupe de population"},
            value_labels={
                1.0: "IDP in camp",
                2.0: "IDP outside camp",
                3.0: "Host community",
                99.0: "Unknown",
            },
        ),
        "district": Variable(
            "district", labels={"en": "District"}, value_labels={1.0: "North", 2.0: "South"}
        ),
        "food_worry": Variable(
            "food_worry",
            labels={
                "en": "Worried about not having enough food",
                "fr": "Inquiet de manquer de nourriture",
            },
            value_labels=YES_NO,
            value_labels_i18n={"fr": YES_NO_FR},
            missing_codes=[98.0],
        ),
        "left_land": Variable(
            "left_land", labels={"en": "Left land or property behind"}, value_labels=YES_NO
        ),
        "hlp_doc": Variable(
            "hlp_doc",
            labels={"en": "Has documents for the land or property"},
            value_labels={**YES_NO, 99.0: "Refused"},
            missing_codes=[98.0, 99.0],
        ),
    }
    return Dataset(name, frame, variables, unit="household", key="hh_id")


#           hh   rel sex age  cert school see walk
MEMBERS = [
    (101, 1, 1, 40, 1, NAN, 1, 1),
    (101, 2, 2, 35, 1, NAN, 3, 1),
    (101, 3, 1, 10, 0, 1, 1, 1),
    (102, 1, 2, 70, 1, NAN, 2, 4),
    (102, 3, 2, 4, 98, NAN, 1, 1),
    (103, 1, 1, 30, 0, NAN, 1, 1),
    (103, 3, 1, 12, 1, 0, 1, 2),
    (103, 3, 2, 8, 1, 1, 9, 1),
    (104, 1, 2, 55, 1, NAN, 1, 9),
    (104, 3, 1, 17, 0, 98, 1, 1),
    (105, 1, 1, 25, 1, NAN, 1, 1),
    (106, 1, 2, 60, 0, NAN, 2, 2),
    (106, 2, 1, 62, 0, NAN, 1, 1),
    (107, 1, 1, 45, 1, NAN, 1, 1),
    (107, 3, 2, 15, 1, 1, 1, 1),
    (107, 3, 1, 6, 1, 1, 1, 1),
    (108, 2, 2, 33, 1, NAN, 1, 1),
    (108, 1, 1, 38, 98, NAN, 1, 1),
    (108, 3, 1, 2, 0, NAN, 1, 1),
    (999, 1, 1, 50, 1, NAN, 1, 1),  # orphan: no such household
]


def individuals(name: str = "ind") -> Dataset:
    cols = ["hh_id", "relation", "sex", "age", "birth_cert", "school", "wg_see", "wg_walk"]
    frame = pd.DataFrame(MEMBERS, columns=cols).astype("float64")
    wg = {
        1.0: "No difficulty",
        2.0: "Some difficulty",
        3.0: "A lot of difficulty",
        4.0: "Cannot do at all",
    }
    variables = {
        "hh_id": Variable("hh_id", labels={"en": "Household ID"}),
        "relation": Variable(
            "relation",
            labels={"en": "Relationship to head"},
            value_labels={1.0: "Head", 2.0: "Spouse", 3.0: "Child"},
        ),
        "sex": Variable(
            "sex", labels={"en": "Sex", "fr": "Sexe"}, value_labels={1.0: "Male", 2.0: "Female"}
        ),
        "age": Variable("age", labels={"en": "Age in years", "fr": "Âge"}),
        "birth_cert": Variable(
            "birth_cert",
            labels={"en": "Has a birth certificate", "fr": "A un acte de naissance"},
            value_labels=YES_NO,
            value_labels_i18n={"fr": YES_NO_FR},
            missing_codes=[98.0],
        ),
        "school": Variable(
            "school",
            labels={"en": "Currently attends school"},
            value_labels=YES_NO,
            missing_codes=[98.0],
        ),
        "wg_see": Variable(
            "wg_see", labels={"en": "Difficulty seeing"}, value_labels=wg, missing_codes=[9.0]
        ),
        "wg_walk": Variable(
            "wg_walk", labels={"en": "Difficulty walking"}, value_labels=wg, missing_codes=[9.0]
        ),
    }
    return Dataset(name, frame, variables, unit="individual", parent="hh", parent_key="hh_id")


def _input(
    name: str, kind: str, unit: str, words: tuple[str, ...], fr: tuple[str, ...] = ()
) -> InputDef:
    kw = {"en": words, **({"fr": fr} if fr else {})}
    return InputDef(name=name, kind=kind, unit=unit, description=Text({"en": name}), keywords=kw)


def _indicator(
    iid: str, unit: str, numerator: str, universe: str | None = None, **kw: object
) -> Indicator:
    return Indicator(
        id=iid,
        criterion=str(kw.pop("criterion", "2")),
        title=Text({"en": iid.replace("_", " ").title()}),
        definition=Text({"en": iid}),
        unit=unit,
        statistic=str(kw.pop("statistic", "proportion")),
        numerator=numerator,
        universe=universe,
        **kw,  # type: ignore[arg-type]
    )


def library() -> Library:
    inputs = [
        _input(
            "food_worry",
            "condition",
            "household",
            ("worried", "food", "enough food"),
            ("inquiet", "manquer de nourriture"),
        ),
        _input("left_land", "condition", "household", ("left land", "property behind")),
        _input("hlp_documents", "condition", "household", ("documents", "land", "property")),
        _input("age", "number", "individual", ("age", "years"), ("âge",)),
        _input(
            "has_birth_cert",
            "condition",
            "individual",
            ("birth certificate",),
            ("acte de naissance",),
        ),
        _input("attends_school", "condition", "individual", ("attends school", "school")),
    ]
    indicators = [
        _indicator("food_insecurity", "household", "food_worry", iris="2.1", code="DS 2.1.2"),
        _indicator("hlp_documentation", "household", "hlp_documents", "left_land", criterion="4"),
        _indicator(
            "birth_cert_children", "individual", "has_birth_cert", "age < 18", criterion="5"
        ),
        _indicator(
            "school_attendance",
            "individual",
            "attends_school",
            "6 <= age <= 17",
            direction="higher_is_better",
        ),
        _indicator("household_cert", "household", "has_birth_cert", criterion="5"),
    ]
    return Library(
        version="test",
        criteria=(),
        modules=(),
        iris_subcriteria=(),
        reference_periods=(),
        inputs={i.name: i for i in inputs},
        indicators=tuple(indicators),
    )


PLAN_TOML = """\
plan_version = 1
name = "tiny"
description = "A tiny hand-made plan"

[datasets]
household = "hh"
household_key = "hh_id"
individual = "ind"
individual_key = "hh_id"
aggregation = "any"
head_column = "relation"
head_codes = [1]

[design]
type = "complex"
weight = "weight"
strata = "stratum"
psu = "cluster"
lonely_psu = "adjust"

[groups]
column = "pop_group"
values = [
    { code = 1, role = "displaced", label = { en = "IDPs in camps", fr = "PDI dans les camps" } },
    { code = 2, role = "displaced", label = { en = "IDPs outside camps", fr = "PDI hors camps" } },
    { code = 3, role = "comparator", label = { en = "Host community", fr = "Communauté hôte" } },
    { code = 99, role = "exclude", label = { en = "Unknown" } },
]

[[disaggregations]]
id = "district"
kind = "category"
unit = "household"
column = "district"
label = { en = "District", fr = "District" }

[[disaggregations]]
id = "sex"
kind = "category"
unit = "individual"
column = "sex"
label = { en = "Sex", fr = "Sexe" }
head = true
levels = [
    { codes = [2], label = { en = "Female", fr = "Femme" } },
    { codes = [1], label = { en = "Male", fr = "Homme" } },
]

[[disaggregations]]
id = "age_group"
kind = "age_groups"
unit = "individual"
column = "age"
label = { en = "Age group" }
cut_points = [0, 5, 18, 60]

[[disaggregations]]
id = "disability"
kind = "disability"
unit = "individual"
columns = ["wg_see", "wg_walk"]
codes = [3, 4]

[[indicators]]
id = "food_insecurity"
disaggregations = ["district", "sex"]

[[indicators]]
id = "hlp_documentation"

[[indicators]]
id = "birth_cert_children"
disaggregations = ["district", "sex", "age_group"]

[[indicators]]
id = "school_attendance"
disaggregations = ["sex"]

[[indicators]]
id = "household_cert"

[inputs.food_worry]
unit = "household"
column = "food_worry"
true_labels = ["Yes"]

[inputs.left_land]
unit = "household"
column = "left_land"
true_codes = [1]

[inputs.hlp_documents]
unit = "household"
column = "hlp_doc"
true_codes = [1]

[inputs.age]
unit = "individual"
column = "age"

[inputs.has_birth_cert]
unit = "individual"
column = "birth_cert"
true_codes = [1]

[inputs.attends_school]
unit = "individual"
column = "school"
true_codes = [1]

[[stock_tables]]
id = "sex_by_age"
title = "IDP stock by sex and age group"
unit = "individual"
rows = "sex"
cols = "age_group"
"""


def plan() -> Plan:
    return Plan.from_toml(PLAN_TOML)


def datasets() -> dict[str, Dataset]:
    return {"hh": households(), "ind": individuals()}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``workbench <argv>`` in-process: (exit code, stdout, stderr)."""
    from workbench.cli import main

    rc = main(list(argv))
    out = capsys.readouterr()
    return rc, out.out, out.err
