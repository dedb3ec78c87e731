"""Cleaning log: every change made to the data (with its reason), undo, and the XLSX exchange."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.models.cleaning_log_model import CleaningLogModel
from ui.pages.base import Page
from ui.widgets import CONTENTS_ROWS, compact, heading


class CleaningPage(Page):
    def title(self) -> str:
        return self.tr("Cleaning log")

    def __init__(self, service, tasks, parent: QWidget | None = None) -> None:
        super().__init__(service, tasks, parent)
        self.model = CleaningLogModel(self)
        self.dataset = QComboBox()
        self.dataset.setObjectName("cleaningDataset")
        self.dataset.setMinimumContentsLength(18)
        self.dataset.currentIndexChanged.connect(lambda _i: self.load())
        self.undo_button = QPushButton(self.tr("Undo…"))
        self.undo_button.setObjectName("cleaningUndo")
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.ask_undo)
        self.export_button = QPushButton(self.tr("Export XLSX…"))
        self.export_button.setObjectName("cleaningExport")
        self.export_button.clicked.connect(self.ask_export)
        self.import_button = QPushButton(self.tr("Import a log…"))
        self.import_button.setObjectName("cleaningImport")
        self.import_button.clicked.connect(self.ask_import)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Dataset:")))
        bar.addWidget(self.dataset)
        bar.addStretch(1)
        bar.addWidget(self.undo_button)
        bar.addWidget(self.import_button)
        bar.addWidget(self.export_button)
        self.view = QTableView()
        self.view.setObjectName("cleaningTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setResizeContentsPrecision(CONTENTS_ROWS)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        compact(self.view)
        self.summary = QLabel()
        self.summary.setObjectName("cleaningSummary")
        self.summary.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("cleaningStatus")
        intro = QLabel(
            self.tr(
                "Changes to the data, each with its reason. The imported data are never "
                "changed: analyses, checks and the data viewer read them through this log. "
                "Right-click a cell in the Datasets page to change a value, set it missing or "
                "drop a record; select an entry here to undo it."
            )
        )
        intro.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Cleaning log")))
        lay.addWidget(intro)
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.summary)
        lay.addWidget(self.status)

    # ------------------------------------------------------------------ load
    def activate(self) -> None:
        self.tasks.run(
            self.service.datasets, progress=False, on_done=self._datasets, label="datasets"
        )

    def _datasets(self, infos) -> None:
        current = self.dataset.currentData()
        self.dataset.blockSignals(True)
        self.dataset.clear()
        self.dataset.addItem(self.tr("All datasets"), None)
        for info in infos:
            self.dataset.addItem(info.name, info.name)
        self.dataset.setCurrentIndex(max(self.dataset.findData(current), 0))
        self.dataset.blockSignals(False)
        self.load()

    def load(self) -> None:
        name = self.dataset.currentData()
        self.tasks.run(self._fetch, name, progress=False, on_done=self._loaded, label="cleaning")

    def _fetch(self, name: str | None):
        names = [name] if name else [d.name for d in self.service.datasets()]
        return self.service.cleaning_log(name), [self.service.cleaning_summary(n) for n in names]

    def _loaded(self, value) -> None:
        entries, summaries = value
        self.model.set_entries(entries)
        self.summary.setText("\n".join(self._summary_line(s) for s in summaries if s.entries))
        if not entries:
            self.summary.setText(self.tr("No changes yet."))

    def _summary_line(self, s) -> str:
        parts = [
            self.tr("%n entries", "", s.entries),
            self.tr("%n value(s) changed", "", s.changed),
            self.tr("%n set missing", "", s.set_missing),
            self.tr("%n record(s) dropped", "", s.dropped),
            self.tr("%n category recode(s)", "", s.recodes),
            self.tr("%n undone", "", s.undone),
        ]
        return f"{s.dataset}: " + " · ".join(parts) + f" · SHA-256 {s.sha256[:12]}…"

    def _update_buttons(self) -> None:
        e = self.model.entry(self.view.currentIndex().row())
        self.undo_button.setEnabled(e is not None and self.model.applies(e))

    # ------------------------------------------------------------------ undo
    def ask_undo(self) -> None:
        e = self.model.entry(self.view.currentIndex().row())
        if e is None:
            return
        dialog = QInputDialog(self)
        dialog.setObjectName("undoDialog")
        dialog.setWindowTitle(self.tr("Undo entry %1").replace("%1", str(e.id)))
        dialog.setLabelText(self.tr("Why is this change undone?"))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.textValueSelected.connect(lambda text: self.undo(e.id, text))
        dialog.open()
        self.undo_dialog = dialog

    def undo(self, entry_id: int, reason: str) -> None:
        self.tasks.run(
            self.service.undo_cleaning,
            entry_id,
            reason,
            progress=False,
            on_done=lambda e: self._changed(
                self.tr("Entry %1 undone.").replace("%1", str(e.undoes))
            ),
            label="undo",
        )

    def _changed(self, message: str) -> None:
        self.status.setText(message)
        self.load()

    # -------------------------------------------------------- export/import
    def ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the cleaning log"), "cleaning_log.xlsx", "XLSX (*.xlsx)"
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        name = self.dataset.currentData()
        self.tasks.run(
            self.service.export_cleaning_log,
            path,
            name,
            progress=False,
            on_done=lambda n: self.status.setText(
                self.tr("Wrote %1 (%2 change(s)).").replace("%1", str(path)).replace("%2", str(n))
            ),
            label="export cleaning log",
        )

    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a cleaning log"), "", "XLSX, CSV (*.xlsx *.xlsm *.csv)"
        )
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> None:
        name = self.dataset.currentData()
        self.tasks.run(
            self.service.import_cleaning_log,
            path,
            name,
            progress=False,
            on_done=lambda res: self._changed(
                self.tr("Imported %1 change(s) from %2.")
                .replace("%1", str(len(res[0])))
                .replace("%2", path.name)
            ),
            label="import cleaning log",
        )

    def clear(self) -> None:
        self.model.set_entries([])
        self.dataset.clear()
        self.summary.clear()
        self.status.clear()
