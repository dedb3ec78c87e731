"""Results out by hand (issue 21 finding 4): Ctrl+C / right-click copy of a table as TSV with
headers (audited), a chart saved as PNG and SVG (through the export writer), data files dropped
on the Datasets page open the import wizard."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication
from ui_testdata import fill, unlock

from ui.pages.analysis_page import AnalysisPage
from ui.pages.audit_page import AuditPage
from ui.pages.datasets_page import DatasetsPage
from workbench.paths import sample_dir


def test_ctrl_c_copies_the_selection_with_headers_and_audits_it(
    window, qtbot, make_vault, passphrase
):
    unlock(window, make_vault(), passphrase)
    page = window.workspace.show_page(AuditPage)
    view = page.view
    assert page.model.rowCount() >= 2
    view.setFocus()
    sel = view.selectionModel()
    for row in (0, 1):
        sel.select(page.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                   | QItemSelectionModel.SelectionFlag.Rows)  # fmt: skip
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    text = QApplication.clipboard().text()
    lines = text.splitlines()
    header = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert lines[0].split("\t") == header
    assert len(lines) == 3
    assert lines[1].split("\t")[2] == page.model.data(page.model.index(0, 2))
    entry = window.service.audit_log(action="export.clipboard")[-1]
    assert entry.params["rows"] == 2 and entry.params["kind"] == "auditTable"
    assert entry.params["audience"] == "internal"
    # the right-click menu offers the copy and the whole table
    texts = [a.text() for a in view.actions()]
    assert "Copy" in texts and "Copy the whole table" in texts
    view.copier.copy(whole=True)
    assert len(QApplication.clipboard().text().splitlines()) == page.model.rowCount() + 1
    # locking clears what the app copied
    window.lock()
    assert QApplication.clipboard().text() == ""


def _drop(widget, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    widget.dropEvent(event)
    return event.isAccepted()  # (the event does not own mime: read it while both live)


def test_dropping_data_files_opens_the_import_wizard_for_each(
    window, qtbot, make_vault, passphrase, tmp_path
):
    unlock(window, make_vault(), passphrase)
    page = window.workspace.show_page(DatasetsPage)
    note = tmp_path / "notes.pdf"
    note.write_text("not data")
    assert not _drop(page, [note])
    assert getattr(page, "wizard", None) is None
    csv = sample_dir() / "freedonia_individual.csv"
    sav = sample_dir() / "freedonia_household.sav"
    assert _drop(page, [csv, note, sav])
    assert page.wizard.isVisible()
    assert page.wizard.file_page.path.text() == str(csv)
    first = page.wizard
    first.reject()
    assert page.wizard is not first and page.wizard.file_page.path.text() == str(sav)
    page.wizard.reject()


def test_chart_saved_as_png_and_svg_and_result_tables_copy_as_publishable(
    window, qtbot, make_vault, passphrase, tmp_path
):
    unlock(window, make_vault(), passphrase)
    fill(window.service, mapped=True)
    page = window.workspace.show_page(AnalysisPage)
    page.run()
    page._criterion_clicked(page.summary_model.index(0, 0))
    assert not page.chart.pixmap().isNull()
    menu = [a.text() for a in page.chart.actions()]
    assert menu == ["Save chart as PNG…", "Save chart as SVG…"]
    page.chart_export.export_to(str(tmp_path / "chart.png"))
    page.chart_export.export_to(str(tmp_path / "chart.svg"))
    png, svg = (tmp_path / "chart.png").read_bytes(), (tmp_path / "chart.svg").read_text()
    assert png.startswith(b"\x89PNG")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "chart.svg" in page.status.text()
    done = [e for e in window.service.audit_log(action="export.completed")
            if e.params.get("kind") == "chart"]  # fmt: skip
    assert len(done) == 2 and {e.params["audience"] for e in done} == {"publishable"}
    # issue 21 finding 9: the assessment column wraps instead of scrolling sideways
    window.resize(1100, 750)
    QApplication.processEvents()
    tv = page.table_view
    last = tv.model().columnCount() - 1
    right = tv.columnViewportPosition(last) + tv.columnWidth(last)
    assert right <= tv.viewport().width() + 1  # every column in view
    model = tv.model()
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(last + 1)]
    col = heads.index("Assessment")
    judged = [r for r in range(model.rowCount()) if model.data(model.index(r, col))]
    assert judged  # the comparator's own row has no assessment; the groups' rows do
    assert tv.rowHeight(judged[0]) >= tv.fontMetrics().height()
    page.table_view.copier.copy(whole=True)
    lines = QApplication.clipboard().text().splitlines()
    assert lines[0].split("\t")[:2] == ["Population group", "Estimate"]
    entry = window.service.audit_log(action="export.clipboard")[-1]
    assert entry.params["audience"] == "publishable"


#: the report's footnotes as the façade's flag_notes gives them (English, DHS)
NOTES = {
    "*": "* Not published: too few cases or too unreliable. Disclosure rule: DHS.",
    "(*)": "(*) Not published, though there are enough cases: withheld so that another "
    "withheld value cannot be worked out from totals published elsewhere.",
    "†": "† Interpret with caution: fewer than 50 cases.",
    "‡": "‡ No interval for this count: it rests on too few cases or clusters.",
}


def test_flag_legend_says_what_the_symbols_mean(qtbot):
    """Issue 21 finding 9: "*" cells had no legend."""
    from PySide6.QtWidgets import QTableView

    from ui.models.results_models import StringTableModel
    from ui.table_fit import FlagLegend

    model = StringTableModel()
    view = QTableView()
    view.setModel(model)
    legend = FlagLegend(view)
    legend.set_notes(NOTES)
    qtbot.addWidget(view)
    model.set_table(["Group", "Estimate"], [["IDPs", "31.2%"]])
    assert legend.isHidden()
    model.set_table(["Group", "Estimate"], [["IDPs", "*"], ["Returnees", "12.5%†"]])
    assert not legend.isHidden()
    assert legend.text().startswith("* Not published") and "† Interpret with" in legend.text()
    model.set_table(["Group", "Estimate", "95% CI"], [["Host", "34,863†", "‡"]])
    assert legend.text().endswith(NOTES["‡"])  # a count without an interval: the report's ‡


def test_flag_legend_explains_a_complement(qtbot):
    """A "(*)" cell (a complementary suppression, as the report's tables show it) had no legend
    line: the legend explained only "*", "too few respondents", which a complement is not."""
    from PySide6.QtWidgets import QTableView

    from ui.models.results_models import StringTableModel
    from ui.table_fit import FlagLegend

    model = StringTableModel()
    view = QTableView()
    view.setModel(model)
    legend = FlagLegend(view)
    legend.set_notes(NOTES)
    qtbot.addWidget(view)
    model.set_table(["Group", "Estimate"], [["IDPs", "(*)"], ["Returnees", "12.5%"]])
    assert not legend.isHidden()
    assert legend.text().startswith("(*) Not published, though there are enough cases")
    assert "too few cases" not in legend.text()  # no "*" cell: no "*" line
    align = Qt.ItemDataRole.TextAlignmentRole  # "(*)" in the values' column, as "*" is
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.data(model.index(0, 1), align) == right
    model.set_table(["Group", "Estimate"], [["IDPs", "(*)"], ["Returnees", "*"]])
    assert legend.text().startswith("* Not published") and "(*) Not published" in legend.text()
