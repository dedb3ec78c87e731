"""Each bundled format reads back through the importer with the generator's values and labels,
and the direct identifiers are flagged."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.datasets.importing import ImportOptions, read_datasets
from workbench.paths import sample_dir
from workbench.sample import codebook, generate
from workbench.sample.generate import FreedoniaSample

HH_IDENTIFIERS = {"resp_name", "resp_phone", "hh_gps_lat", "hh_gps_lon"}
CHECK = ["hh_id", "pop_group", "stratum", "ea_id", "weight", "safe_walk", "income_month",
         "settle_cond_safety", "hlp_docs", "disp_year"]  # fmt: skip
IND_CHECK = ["hh_id", "member_no", "sex", "age", "work_7d", "national_id", "wg_walking"]


@pytest.fixture(scope="module")
def sample() -> FreedoniaSample:
    return generate()


def _keep() -> ImportOptions:
    return ImportOptions(default_identifier_action="keep")


@pytest.mark.slow
@pytest.mark.parametrize("ext", ["csv", "sav", "dta"])
def test_flat_formats_read_back_with_values_and_identifiers(
    ext: str, sample: FreedoniaSample
) -> None:
    (hh,) = read_datasets(sample_dir() / f"freedonia_household.{ext}", _keep())
    (ind,) = read_datasets(sample_dir() / f"freedonia_individual.{ext}", _keep())
    assert list(hh.frame.columns) == codebook.column_names("household")
    assert hh.n_rows == len(sample.household) and ind.n_rows == len(sample.individuals)
    for col in CHECK:
        np.testing.assert_allclose(
            hh.frame[col].to_numpy(dtype=float),
            sample.household[col].to_numpy(),
            equal_nan=True,
            err_msg=col,
        )
    for col in IND_CHECK:
        np.testing.assert_allclose(
            ind.frame[col].to_numpy(dtype=float),
            sample.individuals[col].to_numpy(),
            equal_nan=True,
            err_msg=col,
        )
    flagged = {n for n, v in hh.variables.items() if v.identifier}
    assert flagged >= HH_IDENTIFIERS, HH_IDENTIFIERS - flagged
    assert not flagged & {"hh_size", "fpc_ea", "weight", "safe_walk", "justice_sought"}
    assert {n for n, v in ind.variables.items() if v.identifier} == {"member_name"}
    if ext != "csv":
        v = hh.variables["safe_walk"]
        assert v.label == codebook.column("safe_walk", "household").en
        assert v.value_labels[1.0] == "Very safe" and v.value_labels[98.0] == "Don't know"
        assert hh.variables["pop_group"].value_labels[4.0].startswith("Host community")
    if ext == "sav":
        assert hh.variables["safe_walk"].missing_codes == [98.0, 99.0]


def test_identifiers_are_dropped_by_default() -> None:
    (hh,) = read_datasets(sample_dir() / "freedonia_household.sav", ImportOptions())
    assert not HH_IDENTIFIERS & set(hh.frame.columns)
    assert "safe_walk" in hh.frame.columns


@pytest.mark.slow
def test_kobo_export_with_its_xlsform_gives_linked_labelled_datasets(
    sample: FreedoniaSample,
) -> None:
    opts = ImportOptions(
        default_identifier_action="keep", xlsform=sample_dir() / "freedonia_xlsform.xlsx"
    )
    main, roster = read_datasets(sample_dir() / "freedonia_kobo_export.xlsx", opts)
    assert roster.parent == main.name and main.n_rows == len(sample.household)
    assert roster.n_rows == len(sample.individuals)
    np.testing.assert_allclose(
        main.frame["safe_walk"].to_numpy(dtype=float),
        sample.household["safe_walk"].to_numpy(),
        equal_nan=True,
    )
    np.testing.assert_allclose(
        roster.frame["age"].to_numpy(dtype=float), sample.individuals["age"].to_numpy()
    )
    v = main.variables["safe_walk"]
    assert v.labels["fr"] == codebook.column("safe_walk", "household").fr
    assert v.value_labels_i18n["fr"][1.0] == "Très en sécurité"
    assert main.variables["settle_cond/safety"].parent_question == "settle_cond"
    flagged = {n for n, v in main.variables.items() if v.identifier}
    assert {"resp_name", "resp_phone", "hh_gps", "_submitted_by", "settle_cond_specify"} <= flagged
    assert not flagged & {"hh_size", "fpc_ea", "weight", "justice_sought"}
    assert {n for n, v in roster.variables.items() if v.identifier} == {
        "member_name",  # and the submission's metadata the repeat sheet repeats
        "_submission__id",
        "_submission__uuid",
        "_submission__submitted_by",
        "_submission__submission_time",
    }
