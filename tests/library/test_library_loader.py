"""Loading the library: structure errors raise LibraryError naming the file and the entry."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from library_testkit import add_indicator, good_indicator

from workbench.errors import LibraryError
from workbench.languages import with_catalogue
from workbench.library import load_library
from workbench.library.loader import indicator_from_dict


def test_library_loader_default_path_and_speed() -> None:
    start = time.perf_counter()
    lib = load_library()
    elapsed = time.perf_counter() - start
    assert lib.version and lib.path is not None and lib.path.name == "indicator_library"
    assert elapsed < 1.0
    ids = [i.id for i in lib.indicators]
    assert ids[0].startswith("c1_") or ids[0].startswith("ds_1")  # files load in name order
    assert lib.languages == with_catalogue("library")


def test_library_loader_reads_a_copy(lib_copy: Path) -> None:
    add_indicator(lib_copy, good_indicator())
    lib = load_library(lib_copy)
    ind = lib.indicator("zz_test")
    assert ind.file == "indicators/zz_test.toml"
    assert ind.title("fr") == "Indicateur de test"


def test_library_loader_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="not found"):
        load_library(tmp_path / "nowhere")


def test_library_loader_missing_criteria_file(lib_copy: Path) -> None:
    (lib_copy / "criteria.toml").unlink()
    with pytest.raises(LibraryError, match=r"criteria.toml"):
        load_library(lib_copy)


def test_library_loader_missing_indicators_folder(lib_copy: Path) -> None:
    import shutil

    shutil.rmtree(lib_copy / "indicators")
    with pytest.raises(LibraryError, match="indicators"):
        load_library(lib_copy)


def test_library_loader_bad_toml_names_file(lib_copy: Path) -> None:
    add_indicator(lib_copy, "[[indicator]\nid = ", name="broken.toml")
    with pytest.raises(LibraryError, match=r"broken.toml: not valid TOML"):
        load_library(lib_copy)


def test_library_loader_missing_version(lib_copy: Path) -> None:
    path = lib_copy / "criteria.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('version = "', 'old = "', 1), encoding="utf-8"
    )
    with pytest.raises(LibraryError, match="version"):
        load_library(lib_copy)


def test_library_loader_missing_required_field_names_indicator(lib_copy: Path) -> None:
    text = good_indicator(id="zz_nonum").replace('numerator = "experienced_violence"\n', "")
    add_indicator(lib_copy, text)
    with pytest.raises(LibraryError) as err:
        load_library(lib_copy)
    msg = str(err.value)
    assert "indicators/zz_test.toml" in msg and "zz_nonum" in msg and "'numerator'" in msg


def test_library_loader_wrong_type_names_indicator(lib_copy: Path) -> None:
    text = good_indicator(id="zz_type").replace(
        'disaggregations = ["sex"]', 'disaggregations = "sex"'
    )
    add_indicator(lib_copy, text)
    with pytest.raises(LibraryError, match=r"zz_type.*disaggregations.*list of strings"):
        load_library(lib_copy)


def test_library_loader_text_must_be_string_or_table(lib_copy: Path) -> None:
    text = good_indicator(id="zz_text").replace("title = {", "title = 3\nxtitle = {")
    add_indicator(lib_copy, text)
    with pytest.raises(LibraryError, match=r"zz_text.*'title'"):
        load_library(lib_copy)


def test_library_loader_rejects_stray_top_level_key(lib_copy: Path) -> None:
    add_indicator(lib_copy, 'version = "x"\n' + good_indicator())
    with pytest.raises(LibraryError, match="top-level"):
        load_library(lib_copy)


def test_library_loader_input_declared_twice(lib_copy: Path) -> None:
    path = lib_copy / "inputs.toml"
    text = path.read_text(encoding="utf-8")
    text += '\n[core.experienced_violence]\nkind = "condition"\nunit = "individual"\n'
    text += 'description = "x"\n'
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LibraryError, match=r"experienced_violence.*twice"):
        load_library(lib_copy)


def test_library_loader_keeps_unknown_fields_for_validation(lib_copy: Path) -> None:
    add_indicator(
        lib_copy,
        good_indicator().replace('source = "workbench"', 'source = "workbench"\ncolour = "red"'),
    )
    ind = load_library(lib_copy).indicator("zz_test")
    assert ind.extra == {"colour": "red"}


def test_library_loader_indicator_from_dict_normalises() -> None:
    ind = indicator_from_dict(
        {
            "id": "x_one",
            "criterion": "a",
            "title": "T",
            "definition": "D",
            "unit": "household",
            "statistic": "mean",
            "numerator": "  household_size\n  * 2 ",
            "universe": "   ",
            "direction": "neutral",
            "source": "workbench",
        },
        "test",
    )
    assert ind.criterion == "A"
    assert ind.numerator == "household_size * 2"
    assert ind.universe is None
    assert ind.title.get("ar") == ("T", True)
