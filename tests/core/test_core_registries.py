"""The vocabulary registries: each entry has its texts in every catalogue, the typed literals
match the registries, every catalogue a language names exists (and no other), and the section
and format registries really drive the report and the importer."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest

from workbench.datasets.formats import IMPORT_FORMATS, base_format, sniff_bytes
from workbench.languages import CATALOGUES, LANGUAGES, is_rtl, with_catalogue
from workbench.messages import CATALOG_LANGUAGES, catalog
from workbench.registry import Registry
from workbench.reporting.sections import REPORT_SECTIONS
from workbench.statistics import STATISTICS, StatisticCode
from workbench.stats.ci_methods import (
    PROPORTION_CI_METHODS,
    TOTAL_CI_METHODS,
    ProportionCI,
    TotalCI,
)
from workbench.stats.disclosure_presets import DISCLOSURE_PRESETS
from workbench.stats.multiplicity import P_ADJUST_METHODS, PAdjustMethod
from workbench.stats.options import AnalysisOptions
from workbench.stats.rating_rules import RATING_RULES, RatingRule
from workbench.stats.solutions_methods import SOLUTIONS_METHODS, SolutionsMethodCode

ROOT = Path(__file__).resolve().parents[2]
REGISTRIES: list[Registry] = [  # type: ignore[type-arg]
    LANGUAGES, SOLUTIONS_METHODS, DISCLOSURE_PRESETS, PROPORTION_CI_METHODS, STATISTICS,
    REPORT_SECTIONS, IMPORT_FORMATS, TOTAL_CI_METHODS, P_ADJUST_METHODS, RATING_RULES,
]  # fmt: skip


@pytest.mark.parametrize(
    "registry", [r for r in REGISTRIES if r is not LANGUAGES], ids=lambda r: r.name
)
@pytest.mark.parametrize("language", CATALOG_LANGUAGES)
def test_every_entry_is_named_in_every_language(registry, language) -> None:
    missing = [c for c in registry.message_codes() if c not in catalog(language)]
    assert not missing, f"{language}: add {missing} to workbench/i18n/messages_{language}.json"
    for code in registry.codes:
        assert registry.label(code, language).strip()


def test_no_vocabulary_text_is_left_without_its_entry() -> None:
    known = {c for r in REGISTRIES for c in r.message_codes()}
    stale = [c for c in catalog("en") if c.startswith("vocab.") and c not in known]
    assert not stale


@pytest.mark.parametrize(
    ("literal", "registry"),
    [
        pytest.param(StatisticCode, STATISTICS, id="statistic"),
        pytest.param(SolutionsMethodCode, SOLUTIONS_METHODS, id="solutions"),
        pytest.param(ProportionCI, PROPORTION_CI_METHODS, id="ci"),
        pytest.param(TotalCI, TOTAL_CI_METHODS, id="total_ci"),
        pytest.param(PAdjustMethod, P_ADJUST_METHODS, id="p_adjust"),
        pytest.param(RatingRule, RATING_RULES, id="rating_rule"),
    ],
)
def test_the_typed_literals_are_the_registries(literal, registry) -> None:
    assert typing.get_args(literal) == registry.codes


def test_one_headline_method_and_the_engine_defaults_are_registry_entries() -> None:
    assert [m.code for m in SOLUTIONS_METHODS if m.headline] == ["iris_layered"]
    defaults = AnalysisOptions()
    assert defaults.disclosure_preset in DISCLOSURE_PRESETS
    assert defaults.proportion_ci in PROPORTION_CI_METHODS
    assert defaults.total_ci in TOTAL_CI_METHODS
    assert defaults.p_adjust in P_ADJUST_METHODS
    assert defaults.rating_rule in RATING_RULES
    with pytest.raises(ValueError, match="twice"):
        Registry("x", [SOLUTIONS_METHODS.get("dominance")] * 2)


def _catalogue_file(catalogue: str, code: str) -> Path:
    return {
        "app": ROOT / "resources" / "translations" / f"workbench_{code}.ts",
        "messages": ROOT / "workbench" / "i18n" / f"messages_{code}.json",
        "report": ROOT / "workbench" / "reporting" / "i18n" / f"{code}.json",
    }[catalogue]


@pytest.mark.parametrize("catalogue", [c for c in CATALOGUES if c != "library"])
def test_each_language_has_exactly_the_catalogues_it_names(catalogue) -> None:
    for lang in LANGUAGES:
        exists = _catalogue_file(catalogue, lang.code).is_file()
        assert exists == (catalogue in lang.catalogues), (lang.code, catalogue)
    pattern = _catalogue_file(catalogue, "*")
    on_disk = {p.name for p in pattern.parent.glob(pattern.name) if not p.stem.endswith("_seed")}
    named = {_catalogue_file(catalogue, c).name for c in with_catalogue(catalogue)}
    assert on_disk == named, "a catalogue exists for a language missing from workbench/languages.py"


def test_the_library_speaks_the_registered_languages() -> None:
    from workbench.library import load_library

    assert tuple(load_library().languages) == with_catalogue("library")
    assert is_rtl("ar") and not is_rtl("fr") and not is_rtl("xx")


def test_the_report_lays_out_the_registered_sections_in_order() -> None:
    from workbench.reporting import story

    for section in REPORT_SECTIONS:
        func = section.builder()
        assert callable(func) and func.__module__ == story.__name__


def test_import_formats_pick_their_reader_by_extension_and_first_bytes(tmp_path) -> None:
    for fmt in IMPORT_FORMATS:
        if fmt.read:
            assert callable(fmt.reader())
        if fmt.detect:
            assert fmt.container == "xlsx" and callable(fmt.detector())
        for ext in fmt.extensions:
            f = tmp_path / f"x{ext}"
            f.write_bytes(b"")
            assert base_format(f, None) == fmt.code
        for magic in fmt.magic:
            assert sniff_bytes(magic + b"rest") == fmt.code
    unnamed = tmp_path / "export"
    unnamed.write_bytes(b"<stata_dta><header>")
    assert base_format(unnamed, None) == "dta"
    assert base_format(tmp_path / "x.csv", "kobo") == "xlsx"
    assert base_format(tmp_path / "x.csv", "xlsform-labelled") == "csv"
