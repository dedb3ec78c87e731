"""Every validation rule, each on a mini-library broken in one way."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from library_testkit import add_indicator, good_indicator

from workbench.library import load_library, validate_library
from workbench.library.model import Library


def codes(lib: Library, severity: str = "error") -> set[str]:
    return {f.code for f in validate_library(lib) if f.severity == severity}


def findings_for(lib: Library, code: str) -> list:
    return [f for f in validate_library(lib) if f.code == code]


def with_indicator(root: Path, text: str) -> Library:
    add_indicator(root, text)
    return load_library(root)


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_library_validate_copy_is_clean(lib_copy: Path) -> None:
    assert codes(with_indicator(lib_copy, good_indicator())) == set()


def test_library_validate_duplicate_id(lib_copy: Path) -> None:
    lib = with_indicator(lib_copy, good_indicator(id="c1_victim_of_violence"))
    (f,) = findings_for(lib, "library.duplicate_id")
    assert "criterion_1.toml" in f.message and "zz_test.toml" in f.message


def test_library_validate_bad_id(lib_copy: Path) -> None:
    lib = with_indicator(lib_copy, good_indicator(id="Bad-Id"))
    assert "library.bad_id" in codes(lib)


@pytest.mark.parametrize(
    "old, new, field",
    [
        ('unit = "individual"', 'unit = "person"', "unit"),
        ('statistic = "proportion"', 'statistic = "share"', "statistic"),
        ('direction = "higher_is_worse"', 'direction = "up"', "direction"),
        ('source = "workbench"', 'source = "internet"', "source"),
    ],
)
def test_library_validate_enums(lib_copy: Path, old: str, new: str, field: str) -> None:
    lib = with_indicator(lib_copy, good_indicator().replace(old, new))
    (f,) = findings_for(lib, "library.bad_enum")
    assert f.where["field"] == field and f.where["indicator"] == "zz_test"


def test_library_validate_bad_expression(lib_copy: Path) -> None:
    lib = with_indicator(lib_copy, good_indicator(numerator="age ** 2 > 3"))
    (f,) = findings_for(lib, "library.bad_expression")
    assert "zz_test" in f.message and "'**'" in f.message


def test_library_validate_unknown_input(lib_copy: Path) -> None:
    lib = with_indicator(lib_copy, good_indicator(numerator="feels_great and age > 3"))
    (f,) = findings_for(lib, "library.unknown_input")
    assert f.where["input"] == "feels_great"


def test_library_validate_expression_types(lib_copy: Path) -> None:
    lib = with_indicator(lib_copy, good_indicator(numerator="age + 1"))
    assert "library.expression_type" in codes(lib)
    mean = good_indicator(id="zz_mean", numerator="'text'").replace('"proportion"', '"mean"')
    add_indicator(lib_copy, mean, name="zz_mean.toml")
    assert any(
        f.where["indicator"] == "zz_mean"
        for f in findings_for(load_library(lib_copy), "library.expression_type")
    )


def test_library_validate_ratio_denominator(lib_copy: Path) -> None:
    ratio = good_indicator(numerator="age").replace('"proportion"', '"ratio"')
    assert "library.ratio_denominator" in codes(with_indicator(lib_copy, ratio))
    extra = good_indicator(id="zz_den").replace(
        'source = "workbench"', 'source = "workbench"\ndenominator = "age"'
    )
    add_indicator(lib_copy, extra, name="zz_test.toml")
    assert "library.ratio_denominator" in codes(load_library(lib_copy))


@pytest.mark.parametrize(
    "addition, field",
    [
        ('sub_theme = "9.9"', "sub_theme"),
        ('reference_period = "forever"', "reference_period"),
        ('iris = "9.1"\niris_role = "alternative"', "iris"),
    ],
)
def test_library_validate_unknown_references(lib_copy: Path, addition: str, field: str) -> None:
    text = good_indicator().replace('source = "workbench"', f'source = "workbench"\n{addition}')
    fs = findings_for(with_indicator(lib_copy, text), "library.unknown_reference")
    assert [f.where["field"] for f in fs] == [field]


def test_library_validate_unknown_criterion(lib_copy: Path) -> None:
    fs = findings_for(
        with_indicator(lib_copy, good_indicator(criterion="9")), "library.unknown_reference"
    )
    assert fs and fs[0].where["field"] == "criterion"


def test_library_validate_disaggregation_must_be_core(lib_copy: Path) -> None:
    text = good_indicator().replace('["sex"]', '["sex", "experienced_violence"]')
    (f,) = findings_for(with_indicator(lib_copy, text), "library.unknown_reference")
    assert "experienced_violence" in f.message


def test_library_validate_iris_link_needs_role(lib_copy: Path) -> None:
    text = good_indicator().replace('source = "workbench"', 'source = "workbench"\niris = "1.1"')
    assert "library.iris_role" in codes(with_indicator(lib_copy, text))
    text = good_indicator().replace(
        'source = "workbench"', 'source = "workbench"\niris_role = "alternative"'
    )
    add_indicator(lib_copy, text)
    assert "library.iris_role" in codes(load_library(lib_copy))


def test_library_validate_bad_code(lib_copy: Path) -> None:
    text = good_indicator().replace('source = "workbench"', 'source = "workbench"\ncode = "DS-1.1"')
    assert "library.bad_code" in codes(with_indicator(lib_copy, text))


def test_library_validate_stray_language(lib_copy: Path) -> None:
    text = good_indicator().replace(
        'ar = "مؤشر اختبار"', 'ar = "مؤشر اختبار", de = "Testindikator"'
    )
    (f,) = findings_for(with_indicator(lib_copy, text), "library.stray_language")
    assert "'de'" in f.message and f.where["field"] == "title"


def test_library_validate_stray_language_in_criteria_and_keywords(lib_copy: Path) -> None:
    edit(
        lib_copy / "criteria.toml",
        'name.ar = "السلامة والأمن على المدى الطويل وحرية التنقل"',
        'name.ar = "السلامة والأمن على المدى الطويل وحرية التنقل"\nname.pt = "Segurança"',
    )
    edit(
        lib_copy / "inputs.toml",
        'ar = ["الجنس", "النوع", "ذكر", "أنثى"]',
        'ar = ["الجنس"], it = ["sesso"]',
    )
    fs = findings_for(load_library(lib_copy), "library.stray_language")
    assert {f.where.get("criterion") or f.where.get("input") for f in fs} == {"1", "sex"}


def test_library_validate_stray_fields(lib_copy: Path) -> None:
    text = good_indicator().replace('source = "workbench"', 'source = "workbench"\ntitel = "typo"')
    (f,) = findings_for(with_indicator(lib_copy, text), "library.stray_field")
    assert "titel" in f.message
    edit(lib_copy / "inputs.toml", 'role = "weight"', 'role = "weight"\nweigth = 1')
    edit(lib_copy / "criteria.toml", 'version = "', 'colour = "red"\nversion = "')
    where = [
        f.where.get("field") for f in findings_for(load_library(lib_copy), "library.stray_field")
    ]
    assert sorted(where) == ["colour", "titel", "weigth"]


def test_library_validate_optional_input_must_be_read(lib_copy: Path) -> None:
    text = good_indicator().replace(
        'source = "workbench"', 'source = "workbench"\noptional = { age = 0 }'
    )
    assert "library.stray_field" in codes(with_indicator(lib_copy, text))


def test_library_validate_missing_translations_by_language(lib_copy: Path) -> None:
    text = re.sub(r"title = \{[^}]*\}", 'title = { es = "Solo español" }', good_indicator())
    lib = with_indicator(lib_copy, text)
    fs = [
        f
        for f in findings_for(lib, "library.missing_translation")
        if f.where.get("indicator") == "zz_test"
    ]
    by_lang = {f.where["lang"]: f.severity for f in fs}
    assert by_lang == {"en": "error", "fr": "warning", "ar": "info"}


def test_library_validate_iris_coverage(lib_copy: Path) -> None:
    edit(
        lib_copy / "indicators" / "criterion_5.toml",
        'iris_role = "recommended"',
        'iris_role = "alternative"',
    )
    lib = load_library(lib_copy)
    (f,) = findings_for(lib, "library.iris_uncovered")
    assert f.where == {"iris": "5.1"} and f.severity == "error"
    edit(
        lib_copy / "indicators" / "criterion_1.toml",
        'iris = "1.2"\niris_role = "alternative"',
        'iris = "1.2"\niris_role = "recommended"',
    )
    (w,) = findings_for(load_library(lib_copy), "library.iris_no_alternative")
    assert w.where == {"iris": "1.2"} and w.severity == "warning"


def test_library_validate_too_few_indicators(lib_copy: Path) -> None:
    (lib_copy / "indicators" / "criterion_8.toml").unlink()
    (f,) = findings_for(load_library(lib_copy), "library.too_few_indicators")
    assert f.where == {"criterion": "8"}


def test_library_validate_duplicate_criterion_and_bad_applies(lib_copy: Path) -> None:
    lib = load_library(lib_copy)
    c1 = dataclasses.replace(lib.criteria[0], applies="sometimes")
    broken = dataclasses.replace(lib, criteria=(c1, *lib.criteria))
    got = codes(broken)
    assert {"library.duplicate_id", "library.bad_enum"} <= got


def test_library_validate_input_kind_and_unit(lib_copy: Path) -> None:
    edit(
        lib_copy / "inputs.toml",
        '[inputs.experienced_violence]\nkind = "condition"\nunit = "individual"',
        '[inputs.experienced_violence]\nkind = "yesno"\nunit = "person"',
    )
    fs = findings_for(load_library(lib_copy), "library.bad_enum")
    assert {f.where["field"] for f in fs} == {"kind", "unit"}
