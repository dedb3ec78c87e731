"""Cleaning from the app: right-click in the data viewer → change value / set missing / drop
record with a reason; the Cleaning log page lists the entries, undoes one, exports and imports."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from cleaning_testkit import household, members


def _cell(page, record: str, question: str) -> tuple[int, int]:
    m = page.data_model
    col = next(
        c for c in range(m.columnCount()) if m.headerData(c, Qt.Orientation.Horizontal) == question
    )
    row = next(r for r in range(m.rowCount()) if m.record(r) == record)
    return row, col


def _loaded(datasets_page):
    page = datasets_page
    page.service.vault.save_datasets([household(), members()])
    page.refresh(select="hh")
    assert page.current == "hh"
    return page


def test_right_click_edits_go_to_the_log_and_the_viewer_shows_them(datasets_page) -> None:
    page = _loaded(datasets_page)
    row, col = _cell(page, "u01", "age")
    rect = page.data_view.visualRect(page.data_model.index(row, col))
    page._cell_menu(rect.center())
    labels = [a.text() for a in page.cell_menu.actions()]
    assert labels == ["Change value…", "Set missing…", "Drop record…", "", "Copy"]

    page.cell_menu.actions()[0].trigger()  # change value
    dialog = page.cleaning_dialog
    assert dialog.findChild(type(dialog.reason), "cleaningReason") is dialog.reason
    assert dialog.findChild(object, "currentValue").text() == "120"
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.value.setEditText("12")
    assert not ok.isEnabled()  # a reason is required
    dialog.reason.setText("typo: 12, confirmed by phone")
    dialog.check.setText("check.age_range")
    assert ok.isEnabled()
    dialog.accept()
    row, col = _cell(page, "u01", "age")
    assert page.data_model.data(page.data_model.index(row, col)) == "12"
    tip = page.data_model.data(page.data_model.index(row, col), Qt.ItemDataRole.ToolTipRole)
    assert "entry 1: typo: 12, confirmed by phone" in tip and "imported value: 120" in tip
    shade = page.data_model.data(page.data_model.index(row, col), Qt.ItemDataRole.BackgroundRole)
    assert shade is not None
    assert (
        page.data_model.data(page.data_model.index(row, 0), Qt.ItemDataRole.BackgroundRole) is None
    )

    row, col = _cell(page, "u00", "sex")  # a labelled answer: pick a label
    page.edit_cell("change", row, col)
    d = page.cleaning_dialog
    d.value.setCurrentIndex(d.value.findData("2"))
    d.reason.setText("swapped")
    d.accept()
    assert page.data_model.data(page.data_model.index(*_cell(page, "u00", "sex"))) == "Female"

    page.edit_cell("drop", *_cell(page, "u04", "age"))
    page.cleaning_dialog.reason.setText("duplicate interview")
    page.cleaning_dialog.accept()
    records = [page.data_model.record(r) for r in range(page.data_model.rowCount())]
    assert "u04" not in records and len(records) == 11
    assert page.data_model.headerData(4, Qt.Orientation.Vertical) == "6"  # imported row number
    assert "1 dropped" in page.row_count.text()

    log = page.service.cleaning_log("hh")
    assert [(e.kind, e.record, e.question, e.issue) for e in log] == [
        ("change", "u01", "age", "typo: 12, confirmed by phone"),
        ("change", "u00", "sex", "swapped"),
        ("drop", "u04", None, "duplicate interview"),
    ]
    assert log[0].check == "check.age_range"
    # a refused change (value of the wrong type) is an error dialog, nothing stored
    page.edit_cell("change", *_cell(page, "u02", "visit"))
    page.cleaning_dialog.value.setEditText("soon")
    page.cleaning_dialog.reason.setText("x")
    page.cleaning_dialog.accept()
    assert "holds dates" in page.error_box.text() and "soon" in page.error_box.text()
    page.error_box.close()
    assert len(page.service.cleaning_log("hh")) == 3


def test_the_cleaning_page_lists_undoes_exports_and_imports(datasets_page, tmp_path) -> None:
    from ui.pages.cleaning_page import CleaningPage
    from workbench.cleaning_model import NewChange

    page = _loaded(datasets_page)
    service = page.service
    service.clean(
        [
            NewChange("hh", "change", record="u01", question="age", new="12", issue="typo"),
            NewChange("hh", "missing", record="u02", question="age", issue="child head"),
            NewChange("members", "drop", record="3", issue="not a member"),
        ]
    )
    window = page.window()
    log_page = window.workspace.show_page(CleaningPage)
    m = log_page.model
    assert m.rowCount() == 3
    assert [m.data(m.index(r, 2)) for r in range(3)] == [
        "change value", "set missing", "drop record",
    ]  # fmt: skip
    # "1 value changed" once the English catalogue (built from the .ts) words the plural
    assert re.search(r"\b1 value(\(s\))? changed", log_page.summary.text())
    assert not log_page.undo_button.isEnabled()
    log_page.view.selectRow(0)
    assert log_page.undo_button.isEnabled()
    log_page.undo(m.entry(0).id, "confirmed after all")
    assert m.rowCount() == 4 and m.data(m.index(0, 9)) == "undone"
    assert m.data(m.index(3, 2)) == "undo of 1"
    assert "Entry 1 undone" in log_page.status.text()

    log_page.dataset.setCurrentIndex(log_page.dataset.findData("members"))
    assert m.rowCount() == 1

    out = tmp_path / "log.xlsx"
    log_page.dataset.setCurrentIndex(0)
    log_page.export_to(out)
    assert out.is_file() and "2 change(s)" in log_page.status.text()

    # the viewer reads the data through the log once shown again
    from ui.pages.datasets_page import DatasetsPage

    window.workspace.show_page(DatasetsPage)
    row, col = _cell(page, "u01", "age")
    assert page.data_model.data(page.data_model.index(row, col)) == "120"
