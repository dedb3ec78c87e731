"""Checks page: findings of the real checks on a real vault, filters, the jump to the record in
the data viewer, and cancel off the GUI thread."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from workbench.cli.demo import import_freedonia
from workbench.sample import generate, write_sample


@pytest.fixture
def checked_window(window, datasets_page, tmp_path):
    """The window unlocked on a vault holding a small Freedonia sample (with its planted
    problems), showing the Checks page after its first run."""
    from ui.pages.checks_page import ChecksPage

    sample = generate(400, seed=16)
    files = write_sample(sample, tmp_path / "files", ("csv", "xlsform"))
    hh = next(p for p in files if p.name.endswith("household.csv"))
    ind = next(p for p in files if p.name.endswith("individual.csv"))
    form = next(p for p in files if p.name.endswith("xlsform.xlsx"))
    import_freedonia(window.service, hh, ind, form)  # the form gives the skip rules
    page = window.workspace.show_page(ChecksPage)
    return window, page, sample


def test_checks_page_lists_filters_and_opens_the_record(checked_window) -> None:
    from ui.pages.datasets_page import DatasetsPage

    window, page, _sample = checked_window
    codes = {page.model.finding(r).code for r in range(page.model.rowCount())}
    assert {"check.age_out_of_range", "check.head_too_young", "check.duplicate_interview",
            "check.skip_answered", "check.no_consent"} <= codes  # fmt: skip
    assert "finding" in page.count.text()
    # filters: severity, check, dataset
    page.severity.setCurrentIndex(page.severity.findData("error"))
    assert {page.model.finding(r).severity for r in range(page.model.rowCount())} == {"error"}
    page.code.setCurrentIndex(page.code.findData("check.age_out_of_range"))
    page.dataset.setCurrentIndex(page.dataset.findData("freedonia_individual"))
    rows = [page.model.finding(r) for r in range(page.model.rowCount())]
    assert rows and all(f.code == "check.age_out_of_range" for f in rows)
    assert "outside 0–110" in page.model.data(page.model.index(0, 2))
    page.dataset.setCurrentIndex(page.dataset.findData("freedonia_household"))
    assert page.model.rowCount() == 0
    page.dataset.setCurrentIndex(page.dataset.findData("freedonia_individual"))
    # double-click: the data viewer opens on that member's row, age column
    target = rows[0]
    index = page.model.index(0, 0)
    page.view.doubleClicked.emit(index)
    data_page = window.workspace.show_page(DatasetsPage)
    assert window.workspace.stack.currentWidget() is data_page
    assert data_page.current == "freedonia_individual"
    current = data_page.data_view.currentIndex()
    model = data_page.data_model
    assert current.row() == int(target.where["row"])
    assert model.headerData(current.column(), Qt.Orientation.Horizontal) == "age"
    assert float(model.value(current.row(), current.column())) > 110


def test_the_checks_run_again_when_the_data_change_and_follow_the_language(
    checked_window, tmp_path
) -> None:
    window, page, _sample = checked_window
    before = page.model.total()
    page.activate()  # nothing changed: the same findings, no second run
    assert page.model.total() == before
    window.service.delete_dataset("freedonia_individual")
    page.activate()
    assert page.model.total() < before
    assert "freedonia_individual" not in page.model.datasets()
    page.model.language = "fr"
    page.model.set_findings([page.model.finding(r) for r in range(page.model.rowCount())])
    texts = [page.model.data(page.model.index(r, 2)) for r in range(page.model.rowCount())]
    assert any("ménage" in t for t in texts)


@pytest.mark.slow
def test_cancel_stops_the_checks_off_the_gui_thread(qtbot, service, window, datasets_page,
                                                    tmp_path) -> None:  # fmt: skip
    from ui.pages.checks_page import ChecksPage
    from ui.tasks import TaskManager

    sample = generate(3000, seed=16)
    files = write_sample(sample, tmp_path / "files", ("csv",))
    hh = next(p for p in files if p.name.endswith("household.csv"))
    ind = next(p for p in files if p.name.endswith("individual.csv"))
    import_freedonia(window.service, hh, ind)
    tasks = TaskManager()  # a real worker thread
    try:
        page = ChecksPage(window.service, tasks)
        qtbot.addWidget(page)
        page.run_checks()
        assert not page.run_button.isEnabled()
        page.progress.cancel()
        qtbot.waitUntil(lambda: page.task.done, timeout=30_000)
        assert "cancelled" in page.count.text()
        assert page.model.total() == 0 and page.run_button.isEnabled()
        page.run_checks()  # and it runs to the end when left alone
        qtbot.waitUntil(lambda: page.task.done, timeout=60_000)
        assert page.model.total() > 0
    finally:
        tasks.shutdown()
