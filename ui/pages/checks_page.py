"""Data checks: every finding of the checks over the stored datasets, filtered by severity,
check and dataset; a double-click opens the record in the data viewer. The checks run off the
GUI thread with progress and cancel, when the page is first shown, when the datasets changed,
and on demand."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.models.findings_model import MESSAGE, FindingsModel
from ui.pages.base import Page
from ui.tasks import Task
from ui.widgets import ProgressPanel, compact, heading


class ChecksPage(Page):
    #: dataset, row (0-based, as stored), column ("" when the finding names none)
    open_record = Signal(str, int, str)

    def title(self) -> str:
        return self.tr("Data checks")

    def __init__(self, service, tasks, parent: QWidget | None = None) -> None:
        super().__init__(service, tasks, parent)
        self.model = FindingsModel(self, language=service.settings.language)
        self._stamp: tuple | None = None  # the datasets (name, fingerprint) last checked
        self.task: Task[Any] | None = None
        self.run_button = QPushButton(self.tr("Run the checks"))
        self.run_button.setObjectName("runChecks")
        self.run_button.clicked.connect(self.run_checks)
        self.dataset = self._combo("checksDataset")
        self.severity = self._combo("checksSeverity")
        for text, value in (
            (self.tr("All severities"), None),
            (self.tr("Errors"), "error"),
            (self.tr("Warnings"), "warning"),
            (self.tr("Notes"), "info"),
        ):
            self.severity.addItem(text, value)
        self.code = self._combo("checksCode")
        self._fill_filters()
        for box in (self.dataset, self.severity, self.code):
            box.currentIndexChanged.connect(self._filter)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Dataset:")))
        bar.addWidget(self.dataset)
        bar.addWidget(QLabel(self.tr("Severity:")))
        bar.addWidget(self.severity)
        bar.addWidget(QLabel(self.tr("Check:")))
        bar.addWidget(self.code)
        bar.addStretch(1)
        bar.addWidget(self.run_button)
        self.view = QTableView()
        self.view.setObjectName("checksTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        # columns fitted to the findings when they change (not measured again on every show)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.model.modelReset.connect(self._fit_columns)
        self.view.verticalHeader().hide()
        compact(self.view)
        self.view.doubleClicked.connect(self._open)
        self.count = QLabel()
        self.count.setObjectName("checksCount")
        self.progress = ProgressPanel()
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Data checks")))
        intro = QLabel(
            self.tr(
                "Implausible values, outliers, skip-pattern violations, “other, specify” texts "
                "that match a choice, duplicate interviews, durations, consent and the plan’s own "
                "rules, over every record. Double-click a finding to open the record in the data "
                "viewer."
            )
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.count)
        lay.addWidget(self.progress)

    def _combo(self, name: str) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.setMinimumContentsLength(14)
        return box

    def _fill_filters(self) -> None:
        for box, first, values in (
            (self.dataset, self.tr("All datasets"), self.model.datasets()),
            (self.code, self.tr("All checks"), self.model.codes()),
        ):
            keep = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(first, None)
            for v in values:
                box.addItem(self.model.check_name(v) if box is self.code else v, v)
            box.setCurrentIndex(max(box.findData(keep), 0))
            box.blockSignals(False)

    # ------------------------------------------------------------------- run
    def activate(self) -> None:
        self.tasks.run(
            self.service.datasets, progress=False, label="datasets", on_done=self._maybe_run
        )

    def _maybe_run(self, infos) -> None:
        stamp = tuple(sorted((i.name, i.fingerprint) for i in infos))
        if stamp != self._stamp and infos:
            self.run_checks()
        elif not infos:
            self.model.set_findings([])
            self._stamp = stamp
            self._fill_filters()
            self.count.setText(self.tr("No datasets to check yet."))

    def run_checks(self) -> None:
        if self.task is not None and not self.task.done:
            return
        self.run_button.setEnabled(False)

        def work(progress, cancel):
            stamp = tuple(sorted((i.name, i.fingerprint) for i in self.service.datasets()))
            return stamp, self.service.run_checks(progress=progress, cancel=cancel)

        task = self.tasks.run(work, on_done=self._done, on_error=self._failed, label="data checks")
        self.task = task
        self.progress.track(task, self.tr("Running the data checks…"))

    def _fit_columns(self) -> None:
        for col in range(self.model.columnCount()):
            if col != MESSAGE:
                self.view.resizeColumnToContents(col)

    def _done(self, value) -> None:
        self._stamp, findings = value
        self.run_button.setEnabled(True)
        self.model.set_findings(findings)
        self._fill_filters()
        self._filter()

    def _failed(self, exc: BaseException) -> None:
        from ui.error_dialog import show_error
        from workbench.errors import Cancelled

        self.run_button.setEnabled(True)
        if isinstance(exc, Cancelled):
            self.count.setText(self.tr("The checks were cancelled; no finding is shown."))
            self.model.set_findings([])
            self._stamp = None
            return
        show_error(self, exc)

    # ---------------------------------------------------------------- filters
    def _filter(self, *_args) -> None:
        self.model.set_filter(
            self.severity.currentData(), self.code.currentData(), self.dataset.currentData()
        )
        c = self.model.counts()
        shown = self.model.rowCount()
        self.count.setText(
            self.tr("%n finding(s) shown", "", shown)
            + " — "
            + self.tr("errors: %1, warnings: %2, notes: %3")
            .replace("%1", str(c["error"]))
            .replace("%2", str(c["warning"]))
            .replace("%3", str(c["info"]))
        )

    def _open(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        f = self.model.finding(index.row())
        if "dataset" in f.where and "row" in f.where:
            self.open_record.emit(
                f.where["dataset"], int(f.where["row"]), f.where.get("column", "")
            )

    def clear(self) -> None:
        self.model.set_findings([])
        self._stamp = None
        self._fill_filters()
        self.count.clear()
