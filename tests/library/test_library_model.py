"""The model: look-ups, translations with fall-back, engine specs, contextualisation, custom
indicators and evaluation into analysis-frame columns."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from workbench.errors import LibraryError
from workbench.library import custom_indicator, load_library
from workbench.library.model import Text
from workbench.plan.indicators import indicator_spec
from workbench.stats.frame import IndicatorSpec


@pytest.fixture(scope="module")
def lib():
    return load_library()


def test_library_model_lookup_suggests_close_ids(lib) -> None:
    assert lib.indicator("ds_5_1_1_personal_id").code == "DS 5.1.1"
    with pytest.raises(LibraryError, match="Did you mean: ds_5_1_1_personal_id"):
        lib.indicator("ds_5_1_1_personal")
    with pytest.raises(LibraryError, match="Unknown indicator 'zzz'"):
        lib.indicator("zzz")
    with pytest.raises(LibraryError, match="Did you mean: feels_safe_walking_alone"):
        lib.input("feels_safe_walking")


def test_library_model_groupings(lib) -> None:
    assert {i.criterion for i in lib.by_criterion(6)} == {"6"}
    assert {i.criterion for i in lib.by_criterion("a")} == {"A"}
    assert [i.iris_role for i in lib.by_iris("5.1", role="recommended")] == ["recommended"]
    assert lib.by_iris("5.1.")  # trailing dot as written in IRIS tables
    with pytest.raises(LibraryError):
        lib.by_criterion(9)
    with pytest.raises(LibraryError):
        lib.by_iris("6.1")
    assert lib.criterion(4).applies == "always" and lib.criterion(7).applies == "in_many_contexts"
    assert [s.id for s in lib.iris_subcriteria] == [
        "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "4.1", "5.1",
    ]  # fmt: skip


def test_library_model_text_fallback(lib) -> None:
    ind = lib.indicator("ds_2_1_2_food_insecurity_fies")
    assert lib.text(ind, "title", "fr") == ("Insécurité alimentaire modérée ou grave (FIES)", False)
    text, fell_back = lib.text(ind, "notes", "ar")
    assert not fell_back and "راش" in text
    assert lib.text(ind, "notes", "de") == (ind.notes("en"), True)
    assert lib.text("c1_victim_of_violence", "notes", "fr") == ("", True)  # no notes at all
    assert lib.text("criterion:6", "short", "es") == ("Reunificación familiar", False)
    assert lib.text("iris:4.1", "note", "en")[0].startswith("Proposed reframing")
    assert lib.text("period:past_30_days", "label", "ar") == ("الثلاثون يومًا الماضية", False)
    assert lib.text("sex", "description", "xx") == ("Sex of the person.", True)
    assert lib.text("ds_5_1_1_personal_id", "title", "en")[1] is False
    with pytest.raises(LibraryError):
        lib.text("nothing_here", "title", "en")
    with pytest.raises(LibraryError):
        lib.text(ind, "numerator", "en")
    with pytest.raises(LibraryError):
        lib.text("colour:red", "title", "en")


def test_library_model_text_helper() -> None:
    t = Text({"en": "Hello", "fr": "", "ar": "مرحبا"})
    assert t.get("fr") == ("Hello", True)  # empty counts as missing
    assert t.get("ar") == ("مرحبا", False)
    assert t("en") == "Hello" and t.languages == ("en", "ar")
    with pytest.raises(LibraryError):
        Text.of(3, "here")


def test_library_model_to_spec(lib) -> None:
    spec = indicator_spec(lib.indicator("ds_1_4_1_movement_restricted"), "fr")
    assert isinstance(spec, IndicatorSpec)
    assert spec.title == "Fait face à des restrictions de la liberté de circulation"
    assert (spec.criterion, spec.unit, spec.statistic) == ("1", "individual", "proportion")
    assert (spec.direction, spec.iris_subcriterion, spec.code) == (
        "higher_is_worse",
        "1.2",
        "DS 1.4.1",
    )
    assert spec.disaggregations == ("sex", "age", "location", "disability")
    assert spec.custom is False and spec.contextualised is None
    assert indicator_spec(
        lib.indicator("c2_overcrowding"), disaggregations=["location"]
    ).disaggregations == ("location",)


def test_library_model_contextualise_records_changes(lib) -> None:
    base = lib.indicator("c1_feels_safe_walking_alone")
    ctx = base.contextualise(universe="age >= 15", reference_period="past_12_months")
    assert ctx.universe == "age >= 15" and base.universe == "age >= 18"
    assert "universe changed from 'age >= 18' to 'age >= 15'" in ctx.changes
    assert "reference period changed from 'current' to 'past_12_months'" in ctx.changes
    assert indicator_spec(ctx).contextualised == "; ".join(ctx.changes)
    again = ctx.contextualise(universe=None)
    assert again.changes[-1] == "universe changed from 'age >= 15' to 'everyone'"
    assert base.contextualise(universe="age >= 18") is base  # nothing changed
    t = base.contextualise(title={"fr": "Sécurité"})
    assert t.title("fr") == "Sécurité" and t.title("en") == base.title("en")
    assert t.changes == ("title changed",)
    u = base.contextualise(unit="household", disaggregations=["location"])
    assert u.unit == "household" and u.disaggregations == ("location",)


def test_library_model_contextualise_rejects(lib) -> None:
    base = lib.indicator("c1_feels_safe_walking_alone")
    with pytest.raises(LibraryError, match=r"c1_feels_safe_walking_alone.*cannot contextualise id"):
        base.contextualise(id="other")
    with pytest.raises(LibraryError, match="c1_feels_safe_walking_alone"):
        base.contextualise(universe="age >>= 3")


def test_library_model_custom_indicator(lib) -> None:
    ind = custom_indicator(
        {
            "id": "my_adult_safety",
            "title": "Adults feeling safe",
            "criterion": "1",
            "unit": "individual",
            "numerator": "feels_safe_walking_alone",
            "universe": "age >= 25",
            "direction": "higher_is_better",
            "disaggregations": ["sex"],
        },
        lib,
    )
    assert ind.custom and ind.source == "custom" and ind.statistic == "proportion"
    assert ind.definition("en") == "Adults feeling safe"
    spec = indicator_spec(ind, "fr")
    assert spec.custom and spec.title == "Adults feeling safe"


@pytest.mark.parametrize(
    "change, message",
    [
        ({"numerator": "mood > 3"}, "input 'mood'"),
        ({"numerator": "age ** 2"}, "'**'"),
        ({"unit": "village"}, "unit 'village'"),
        ({"criterion": "12"}, "criterion '12'"),
        ({"id": "ds_5_1_1_personal_id"}, "already used"),
        ({"source": "library"}, "source must be 'custom'"),
        ({"disaggregations": ["mood"]}, "Disaggregation 'mood'"),
    ],
)
def test_library_model_custom_indicator_errors(lib, change: dict, message: str) -> None:
    d = {
        "id": "my_one",
        "title": "T",
        "criterion": "1",
        "unit": "individual",
        "numerator": "age > 3",
    }
    with pytest.raises(LibraryError) as err:
        custom_indicator({**d, **change}, lib)
    assert message in str(err.value)
    assert "custom indicator" in str(err.value)


def test_library_model_custom_without_library_skips_references() -> None:
    ind = custom_indicator(
        {"id": "x_y", "title": "T", "criterion": "1", "unit": "individual", "numerator": "mood"}
    )
    assert ind.inputs == frozenset({"mood"})
    with pytest.raises(LibraryError):
        custom_indicator(["not", "a", "table"])  # type: ignore[arg-type]


def test_library_model_evaluate_proportion_with_universe(lib) -> None:
    ind = lib.indicator("c3_unemployment_rate")
    idx = pd.Index([11, 12, 13, 14, 15, 16])
    env = {
        "age": pd.Series([30, 30, 30, 10, 30, 30], index=idx, dtype=float),
        "worked_past_7_days": pd.Series([1, 0, 0, 0, 0, None], index=idx, dtype=float),
        "temporarily_absent_from_job": pd.Series([None, 0, 0, 0, 1, None], index=idx, dtype=float),
        "looked_for_work": pd.Series([None, 1, 0, 1, None, 1], index=idx, dtype=float),
        "available_for_work": pd.Series([None, 1, None, 1, None, 1], index=idx, dtype=float),
    }
    out = ind.evaluate(env)[ind.id]
    # employed (skips resolve), unemployed, out of labour force, child, employed (absent), unknown
    assert list(out.index) == list(idx)
    np.testing.assert_array_equal(out.to_numpy(), [0.0, 1.0, np.nan, np.nan, 0.0, np.nan])


def test_library_model_evaluate_ratio_and_mean(lib) -> None:
    dep = lib.indicator("a_dependency_ratio")
    cols = dep.evaluate({"age": pd.Series([5.0, 30.0, 70.0, None])})
    np.testing.assert_array_equal(cols["a_dependency_ratio"].to_numpy(), [1.0, 0.0, 1.0, np.nan])
    np.testing.assert_array_equal(
        cols["a_dependency_ratio__den"].to_numpy(), [0.0, 1.0, 0.0, np.nan]
    )
    pov = lib.indicator("c3_below_poverty_line")
    env = {
        "household_income": pd.Series([1000.0, 9000.0]),
        "household_size": pd.Series([4.0, 3.0]),
        "poverty_line": 1250.0,
    }
    np.testing.assert_array_equal(pov.evaluate(env)[pov.id].to_numpy(), [1.0, 0.0])


def test_library_model_optional_inputs_default(lib) -> None:
    ind = lib.indicator("ds_5_1_1_personal_id").contextualise(
        numerator="any_of(has_birth_certificate, has_national_id, has_other_personal_id)"
    )
    import dataclasses

    ind = dataclasses.replace(ind, optional={"has_other_personal_id": False})
    assert ind.required_inputs == frozenset({"has_birth_certificate", "has_national_id"})
    env = {
        "has_birth_certificate": pd.Series([1.0, 0.0, 0.0]),
        "has_national_id": pd.Series([0.0, 0.0, 1.0]),
    }
    np.testing.assert_array_equal(ind.evaluate(env)[ind.id].to_numpy(), [1.0, 0.0, 1.0])


def test_library_model_universe_from_numeric_condition(lib) -> None:
    ind = lib.indicator("ds_2_1_8_health_care_access")
    env = {
        "needed_health_care": pd.Series([1.0, 0.0, np.nan, 1.0]),
        "accessed_health_care": pd.Series([1.0, np.nan, 1.0, 0.0]),
    }
    np.testing.assert_array_equal(ind.evaluate(env)[ind.id].to_numpy(), [1.0, np.nan, np.nan, 0.0])


def test_library_model_objects_are_hashable(lib) -> None:
    ind = lib.indicator("c1_feels_safe_walking_alone")
    ctx = ind.contextualise(universe="age >= 15")
    assert len({ind, ctx, lib.indicator("c1_feels_safe_walking_alone")}) == 2
    assert hash(lib.inputs["sex"]) == hash(lib.inputs["sex"])
    assert {lib.criterion(1), lib.iris("2.1")} and hash(lib)
    assert Text({"en": "a", "fr": "b"}) == Text({"fr": "b", "en": "a"})
    assert hash(Text({"en": "a", "fr": "b"})) == hash(Text({"fr": "b", "en": "a"}))
