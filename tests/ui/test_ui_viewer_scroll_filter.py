"""The data viewer (issue 21 finding 8): the scrollbar spans every row of a large dataset, and a
filter left in the box is applied to the dataset shown next (or cleared when it cannot be)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtWidgets import QTableView
from ui_testdata import fill, unlock

from ui.models.data_table_model import DataTableModel
from ui.pages.datasets_page import DatasetsPage
from workbench.dataset_model import Dataset, Variable


def test_scrollbar_spans_every_row_of_a_large_dataset(qtbot):
    n = 300_000
    frame = pd.DataFrame({"id": np.arange(n, dtype="float64"), "x": np.arange(n) % 7 * 1.5})
    model = DataTableModel()
    model.set_dataset(Dataset("big", frame, {c: Variable(c) for c in frame.columns}))
    assert model.rowCount() == n  # not the first chunk of 50,000
    view = QTableView()
    qtbot.addWidget(view)
    view.verticalHeader().setDefaultSectionSize(20)
    view.setModel(model)
    view.resize(600, 400)
    view.show()
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    last = view.rowAt(view.viewport().height() - 5)
    assert last >= n - 30  # the end of the scrollbar is the end of the data
    assert model.data(model.index(n - 1, 0)) == str(n - 1)


def test_filter_in_the_box_applies_to_the_next_dataset_or_is_cleared(
    window, make_vault, passphrase
):
    unlock(window, make_vault(), passphrase)
    fill(window.service)
    page = window.workspace.show_page(DatasetsPage)
    page.refresh(select="hh")
    all_hh = page.data_model.total_rows()
    page.filter_column.setCurrentText("hh_id")
    page.filter_text.setText("103")
    page.apply_filter()
    filtered_hh = page.data_model.total_rows()
    assert 0 < filtered_hh < all_hh
    page.load_dataset("ind")  # the members have hh_id too: the filter stays and is applied
    assert page.filter_text.text() == "103" and page.filter_column.currentText() == "hh_id"
    model = page.data_model
    col = model.column_index("hh_id")
    shown = {model.data(model.index(r, col)) for r in range(model.rowCount())}
    assert shown == {"103"}
    assert model.total_rows() < len(window.service.load_dataset("ind").frame)
    # a dataset without the filtered column: the box is emptied, never left unapplied
    page.filter_column.setCurrentText("pop_group")
    page.filter_text.setText("1")
    page.apply_filter()
    page._keep_filter("no_such_column", "1")
    assert page.filter_text.text() == ""
