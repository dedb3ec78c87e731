"""The bundled files equal what the generator makes, and each format carries the codebook."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pyreadstat
import pytest
from python_calamine import CalamineWorkbook

from workbench.cli import main
from workbench.paths import sample_dir
from workbench.sample import FORMATS, bundle_files, generate, write_bundle
from workbench.sample.generate import FreedoniaSample

pytestmark = pytest.mark.slow  # the module fixture regenerates the whole bundled sample


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("freedonia")
    write_bundle(out)
    return out


@pytest.fixture(scope="module")
def sample() -> FreedoniaSample:
    return generate()


def test_bundled_files_are_byte_for_byte_what_the_generator_writes(regenerated: Path) -> None:
    names = bundle_files(FORMATS)
    assert sorted(p.name for p in regenerated.iterdir()) == sorted(names)
    for name in names:
        bundled = (sample_dir() / name).read_bytes()
        assert bundled == (regenerated / name).read_bytes(), (
            f"{name} differs: run `workbench sample --out resources/sample --bundle`"
        )
    total = sum((sample_dir() / n).stat().st_size for n in names)
    assert total < 8e6, total  # issue 19: resources/sample ≤ 8 MB with the follow-up round


def test_csv_reads_back_to_the_frames(sample: FreedoniaSample) -> None:
    hh = pd.read_csv(
        sample_dir() / "freedonia_household.csv",
        parse_dates=["interview_start", "interview_end", "submission_time"],
    )
    assert list(hh.columns) == list(sample.household.columns)
    for col in sample.household.columns:
        a, b = sample.household[col], hh[col]
        if a.dtype.kind == "f":
            np.testing.assert_allclose(
                b.to_numpy(dtype=float), a.to_numpy(), equal_nan=True, err_msg=col
            )
        elif a.dtype.kind == "M":
            assert (a.to_numpy() == b.to_numpy().astype(a.dtype)).all(), col
        else:
            assert a.fillna("").tolist() == b.fillna("").astype(str).tolist(), col
    ind = pd.read_csv(sample_dir() / "freedonia_individual.csv")
    assert ind.shape == sample.individuals.shape


def test_sav_has_labels_value_labels_and_user_missing(sample: FreedoniaSample) -> None:
    df, meta = pyreadstat.read_sav(str(sample_dir() / "freedonia_household.sav"), user_missing=True)
    assert df.shape == sample.household.shape
    assert meta.column_names_to_labels["safe_walk"].startswith("How safe")
    assert meta.variable_value_labels["pop_group"][1.0] == "IDPs in camps"
    assert {m["lo"] for m in meta.missing_ranges["safe_walk"]} == {98.0, 99.0}
    assert {m["lo"] for m in meta.missing_ranges["income_month"]} == {999998.0, 999999.0}
    np.testing.assert_allclose(
        df["safe_walk"].to_numpy(dtype=float),
        sample.household["safe_walk"].to_numpy(),
        equal_nan=True,
    )
    masked, _ = pyreadstat.read_sav(str(sample_dir() / "freedonia_individual.sav"))
    assert not masked["national_id"].isin([98, 99]).any()
    assert masked["national_id"].isna().sum() > sample.individuals["national_id"].isna().sum()


def test_dta_has_labels_and_labelled_missing_codes(sample: FreedoniaSample) -> None:
    df, meta = pyreadstat.read_dta(str(sample_dir() / "freedonia_individual.dta"))
    assert df.shape == sample.individuals.shape
    assert meta.variable_value_labels["national_id"][98] == "Don't know"
    assert meta.column_names_to_labels["sex"] == "Sex"
    np.testing.assert_allclose(
        df["age"].to_numpy(dtype=float), sample.individuals["age"].to_numpy()
    )
    hh, _ = pyreadstat.read_dta(str(sample_dir() / "freedonia_household.dta"))
    assert list(hh.columns) == list(sample.household.columns)


def test_kobo_export_has_group_headers_repeat_sheet_and_metadata(sample: FreedoniaSample) -> None:
    wb = CalamineWorkbook.from_path(str(sample_dir() / "freedonia_kobo_export.xlsx"))
    main_name, roster_name = wb.sheet_names
    rows = wb.get_sheet_by_name(main_name).to_python()
    header = rows[0]
    expected = ["start", "end", "hh_info/district", "future/settle_cond", "intro/hh_gps",
                "future/settle_cond/safety", "_id", "_uuid", "_submission_time", "_submitted_by",
                "_geolocation", "_index"]  # fmt: skip
    for h in expected:
        assert h in header, h
    assert len(rows) == len(sample.household) + 1
    roster = wb.get_sheet_by_name(roster_name).to_python()
    rh = roster[0]
    assert roster_name == "roster" and "roster/age" in rh
    assert len(roster) == len(sample.individuals) + 1
    pi, pt, idx = rh.index("_parent_index"), rh.index("_parent_table_name"), header.index("_index")
    hh_col, r_hh = header.index("hh_info/hh_id"), rh.index("roster/hh_id")
    by_index = {r[idx]: r[hh_col] for r in rows[1:]}
    assert all(by_index[r[pi]] == r[r_hh] for r in roster[1:])
    assert {r[pt] for r in roster[1:]} == {main_name}


def test_xlsform_has_bilingual_survey_choices_and_settings() -> None:
    wb = CalamineWorkbook.from_path(str(sample_dir() / "freedonia_xlsform.xlsx"))
    assert wb.sheet_names == ["survey", "choices", "settings"]
    survey = wb.get_sheet_by_name("survey").to_python()
    assert survey[0][:4] == ["type", "name", "label::English (en)", "label::Français (fr)"]
    types = [r[0] for r in survey[1:]]
    assert "begin_repeat" in types and "select_multiple settle_cond" in types
    names = [r[1] for r in survey[1:] if r[0] not in ("end_group", "end_repeat")]
    dupes = {n for n in names if names.count(n) > 1}
    assert dupes == {"hh_id"}, dupes  # the roster copy is computed by XPath, not ${hh_id}
    choices = wb.get_sheet_by_name("choices").to_python()
    assert ["pop_group", 1.0, "IDPs in camps", "PDI dans des camps"] in choices


def test_readme_documents_every_variable_and_the_synthetic_nature(sample: FreedoniaSample) -> None:
    text = (sample_dir() / "README.md").read_text(encoding="utf-8")
    assert "All data in this folder is synthetic" in text and "coincidental" in text
    for col in [*sample.household.columns, *sample.individuals.columns]:
        assert f"`{col}`" in text, col


def test_cli_writes_csv_only_without_bundle(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sample", "--out", str(tmp_path), "--households", "400", "--seed", "3"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "freedonia_household.csv",
        "freedonia_individual.csv",
    ]
    assert "400 households" in capsys.readouterr().out
    assert len(pd.read_csv(tmp_path / "freedonia_household.csv")) == 400


def test_cli_rejects_a_bad_size(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sample", "--out", str(tmp_path), "--households", "5"]) == 1
    assert "at least" in capsys.readouterr().err


def test_truth_json_is_valid_json_with_sample_metadata() -> None:
    truth = json.loads((sample_dir() / "truth.json").read_text(encoding="utf-8"))
    assert truth["sample"]["households"] == 3000 and truth["sample"]["seed"] == 20261122
    assert "Superpopulation" in truth["definition"]
