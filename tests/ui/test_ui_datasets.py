"""Datasets page: the import wizard end to end, the list, viewer, dictionary and delete."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWizard


def _csv(tmp_path):
    path = tmp_path / "households.csv"
    lines = ["hhid;head_name;phone;district;size"]
    for i in range(1, 121):
        lines.append(f"{i};Person {i};+2507{i:08d};{'North' if i % 2 else 'South'};{i % 7 + 1}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_import_wizard_flags_identifiers_and_stores_the_dataset(datasets_page, tmp_path):
    page = datasets_page
    assert page.empty_hint.isVisible()
    page.open_import()
    wiz = page.wizard
    wiz.file_page.path.setText(str(_csv(tmp_path)))
    assert wiz.file_page.name.text() == "households"
    wiz.next()
    opts = wiz.options_page
    assert "5 column" in opts.status.text()
    assert opts.model.rowCount() > 0 and opts.model.columnCount() == 5
    opts.header.setValue(0)
    wiz.next()
    assert wiz.labels_page.form_path() is None  # no XLSForm beside this file
    wiz.next()
    ids = wiz.ids_page.identifier_actions()
    assert "head_name" in ids and "phone" in ids
    assert set(ids.values()) == {"drop"}
    wiz.ids_page.set_action("phone", "hash")
    wiz.next()
    unit = wiz.unit_page
    unit.unit.setCurrentIndex(unit.unit.findData("household"))
    unit.key.setCurrentIndex(unit.key.findData("hhid"))
    assert unit.key.findData("head_name") == -1  # a dropped column cannot be the key
    assert not unit.parent_ds.isEnabled()
    wiz.next()
    assert "120 rows" in wiz.run_page.result.text()
    assert wiz.button(QWizard.WizardButton.FinishButton).isEnabled()
    wiz.accept()

    assert page.list_model.names() == ["households"]
    assert page.current == "households"
    cols = [
        page.data_model.headerData(i, Qt.Orientation.Horizontal)
        for i in range(page.data_model.columnCount())
    ]
    assert "head_name" not in cols and "phone" in cols
    assert page.data_model.data(page.data_model.index(0, 0)) == "1"
    assert "120 row" in page.row_count.text()
    # dictionary: the hashed identifier is marked
    vm = page.vars_model
    phone = next(
        vm.data(vm.index(r, 5)) for r in range(vm.rowCount()) if vm.data(vm.index(r, 0)) == "phone"
    )
    assert "hashed" in phone
    # filter through the page
    page.filter_column.setCurrentText("district")
    page.filter_text.setText("south")
    page.apply_filter()
    assert page.data_model.total_rows() == 60
    assert "60 row" in page.row_count.text()


def test_delete_asks_then_removes(window, datasets_page, tmp_path):
    page = datasets_page
    window.service.import_file(_csv(tmp_path))
    page.refresh(select="households")
    assert page.current == "households"
    page.confirm_delete()
    box = next(w for w in page.findChildren(QMessageBox) if w.isVisible())
    box.button(QMessageBox.StandardButton.Yes).click()
    assert page.list_model.names() == []
    assert page.data_model.rowCount() == 0


def test_lock_clears_every_dataset_view(window, datasets_page, tmp_path):
    page = datasets_page
    window.service.import_file(_csv(tmp_path))
    page.refresh(select="households")
    page.open_import()
    assert page.wizard.isVisible()
    assert page.data_model.rowCount() > 0
    window.lock()
    assert not page.wizard.isVisible()
    assert page.data_model.rowCount() == 0 and page.data_model.columnCount() == 0
    assert page.vars_model.rowCount() == 0 and page.list_model.rowCount() == 0


def test_encoding_and_delimiter_only_for_text_files(datasets_page, tmp_path):
    """Issue 21 finding 9: Encoding and Delimiter were shown for XLSX files."""
    from workbench.paths import sample_dir

    page = datasets_page
    cases = [("freedonia_kobo_export.xlsx", False, False), ("freedonia_household.sav", True, False),
             ("freedonia_household.csv", True, True)]  # fmt: skip
    for name, encoding, delimiter in cases:
        page.open_import()
        wiz = page.wizard
        wiz.file_page.path.setText(str(sample_dir() / name))
        wiz.next()
        opts = wiz.options_page
        assert opts.model.rowCount() > 0, opts.status.text()
        assert opts.encoding.isVisible() is encoding, name
        assert opts.delimiter.isVisible() is delimiter, name
        assert opts.form.labelForField(opts.delimiter).isVisible() is delimiter
        wiz.reject()
