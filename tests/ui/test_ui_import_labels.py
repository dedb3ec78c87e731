"""The import wizard against the bundled sample: the Kobo export + XLSForm imported through the
wizard equals the CLI's ``--xlsform`` import; unit/link defaults from the data; the key, the link
and the parent checked on the page where they are chosen."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtWidgets import QWizard

from tests.ui.conftest import FAST_KDF
from workbench.cli import main as cli_main
from workbench.datasets.importing import ImportOptions
from workbench.paths import sample_dir
from workbench.service import Workbench
from workbench.settings import Settings
from workbench.vault import Vault

SAMPLE = sample_dir()
KOBO = SAMPLE / "freedonia_kobo_export.xlsx"
FORM = SAMPLE / "freedonia_xlsform.xlsx"


def _to_unit_page(page, path: Path):
    page.open_import()
    wiz = page.wizard
    wiz.file_page.path.setText(str(path))
    wiz.next()  # reading options
    assert wiz.options_page.isComplete()
    wiz.next()  # XLSForm
    wiz.next()  # identifiers: the whole file is read here
    assert wiz.ids_page.isComplete()
    wiz.next()  # unit and link
    assert wiz.currentPage() is wiz.unit_page
    return wiz


def _cli_import(tmp_path, monkeypatch, passphrase, *argv: str) -> Path:
    vault = tmp_path / "cli.dsvault"
    Vault.create(vault, passphrase, kdf=FAST_KDF).lock()
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", passphrase)
    assert cli_main(["import", "--vault", str(vault), *argv]) == 0
    return vault


def _described(ds) -> dict:
    return {
        name: (
            v.kind,
            v.label,
            v.labels,
            v.value_labels,
            v.value_labels_i18n,
            v.question_type,
            v.parent_question,
            v.measure,
            v.identifier,
            v.identifier_action,
        )
        for name, v in ds.variables.items()
    }


def test_kobo_export_with_xlsform_through_the_wizard_equals_the_cli(
    window, datasets_page, passphrase, tmp_path, monkeypatch
):
    page = datasets_page
    page.open_import()
    wiz = page.wizard
    wiz.file_page.path.setText(str(KOBO))
    wiz.next()
    wiz.next()
    labels = wiz.labels_page
    assert labels.form_path() == FORM  # found beside the export, chosen by default
    assert labels.language() == "en"
    assert [labels.lang.itemData(i) for i in range(labels.lang.count())] == ["en", "fr"]
    assert "82 of the file's 82 columns" in labels.status.text()
    wiz.next()
    assert re.search(r"whole file: 3\D?000 row", wiz.ids_page.checks.text())
    wiz.next()
    unit = wiz.unit_page
    assert (unit.unit.currentData(), unit.key.currentData()) == ("household", "_index")
    assert "freedonia_kobo_export_roster" in unit.also.text()
    assert unit.isComplete()
    wiz.next()
    assert "Labelled from freedonia_xlsform.xlsx" in wiz.run_page.result.text()
    assert wiz.button(QWizard.WizardButton.FinishButton).isEnabled()
    wiz.accept()

    cli_vault = _cli_import(tmp_path, monkeypatch, passphrase, str(KOBO), "--xlsform", str(FORM))
    cli = Workbench(Settings())
    cli.open_vault(cli_vault, passphrase)
    try:
        app_infos = {i.name: i for i in window.service.datasets()}
        cli_infos = {i.name: i for i in cli.datasets()}
        assert (
            sorted(app_infos)
            == sorted(cli_infos)
            == [
                "freedonia_kobo_export",
                "freedonia_kobo_export_roster",
            ]
        )
        for name, info in cli_infos.items():
            got = app_infos[name]
            assert (got.unit, got.key, got.parent, got.parent_key) == (
                info.unit,
                info.key,
                info.parent,
                info.parent_key,
            )
            a, b = window.service.load_dataset(name), cli.load_dataset(name)
            pd.testing.assert_frame_equal(a.frame, b.frame)
            assert _described(a) == _described(b)
            assert a.languages == b.languages == ["en", "fr"]
        main = window.service.load_dataset("freedonia_kobo_export")
        assert main.variables["district"].value_labels[1.0] == "Alvora"
        option = main.variables["settle_cond/safety"]
        assert option.label.endswith(": Safety and security")
        assert option.labels["fr"].endswith(": Sûreté et sécurité")
    finally:
        cli.lock()


def test_label_language_chosen_in_the_wizard(window, datasets_page, passphrase):
    page = datasets_page
    page.open_import()
    wiz = page.wizard
    wiz.file_page.path.setText(str(SAMPLE / "freedonia_household.csv"))
    wiz.next()
    wiz.next()
    labels = wiz.labels_page
    assert labels.form_path() == FORM  # flat CSV: matched by its columns, q_option included
    labels.lang.setCurrentIndex(labels.lang.findData("fr"))
    assert wiz.options().label_language == "fr"
    labels.form.setCurrentIndex(0)  # "no XLSForm"
    assert wiz.options().xlsform is None and wiz.options().label_language is None


def test_unit_and_link_defaults_from_the_data_and_early_checks(window, datasets_page, passphrase):
    page = datasets_page
    wiz = _to_unit_page(page, SAMPLE / "freedonia_household.csv")
    unit = wiz.unit_page
    assert (unit.unit.currentData(), unit.key.currentData()) == ("household", "hh_id")
    assert not unit.parent_ds.isEnabled() and unit.isComplete()
    wiz.next()
    assert re.search(r"3\D?000 rows", wiz.run_page.result.text())
    wiz.accept()

    wiz = _to_unit_page(page, SAMPLE / "freedonia_individual.csv")
    unit = wiz.unit_page
    # hh_id repeats in the roster and is the household dataset's key: the link, pre-filled
    assert unit.unit.currentData() == "individual"
    assert unit.parent_ds.currentData() == "freedonia_household"
    assert unit.parent_key.currentData() == "hh_id"
    assert "✓" in unit.check.text() and unit.isComplete()
    # a wrong link is reported here, not after the import
    unit.parent_key.setCurrentIndex(unit.parent_key.findData("age"))
    assert not unit.isComplete() and "✗" in unit.check.text()
    unit.parent_key.setCurrentIndex(unit.parent_key.findData("hh_id"))
    assert unit.isComplete()
    # a key that repeats cannot identify a row
    unit.key.setCurrentIndex(unit.key.findData("member_no"))
    assert not unit.isComplete() and "member_no" in unit.check.text()
    unit.key.setCurrentIndex(0)
    assert unit.isComplete()
    wiz.next()
    assert re.search(r"14\D?542 rows", wiz.run_page.result.text())
    wiz.accept()
    info = {i.name: i for i in window.service.datasets()}["freedonia_individual"]
    link = (info.unit, info.parent, info.parent_key)
    assert link == ("individual", "freedonia_household", "hh_id")

    # the roster now in the vault is not offered as a household dataset
    wiz = _to_unit_page(page, SAMPLE / "freedonia_individual.csv")
    offered = [wiz.unit_page.parent_ds.itemData(i) for i in range(wiz.unit_page.parent_ds.count())]
    assert offered == [None, "freedonia_household"]
    wiz.reject()


def test_an_individual_file_without_a_household_dataset(window, datasets_page, passphrase):
    page = datasets_page
    wiz = _to_unit_page(page, SAMPLE / "freedonia_individual.csv")
    unit = wiz.unit_page
    assert unit.unit.currentData() == "individual"
    assert unit.parent_key.currentData() == "hh_id"
    assert unit.parent_ds.count() == 1 and unit.isComplete()
    assert "Not linked to a household dataset" in unit.check.text()
    wiz.reject()


@pytest.mark.parametrize("markers", [("-99",), ()])
def test_missing_marker_controls_reach_the_import_options(
    window, datasets_page, passphrase, markers, tmp_path
):
    page = datasets_page
    data = tmp_path / "d.csv"
    data.write_text("hh_id,x\n1,NA\n2,3\n", encoding="utf-8")
    page.open_import()
    wiz = page.wizard
    wiz.file_page.path.setText(str(data))
    wiz.next()
    wiz.options_page.na_extra.setText(", ".join(markers))
    wiz.options_page.default_na.setChecked(False)
    opts = wiz.options()
    assert isinstance(opts, ImportOptions)
    assert (opts.na_values, opts.default_na) == (markers, False)
    wiz.reject()
