"""Audit log: every import, export and change, filterable by action and date; the hash chain
checked (Verify) and the whole log written for a reviewer (Export…)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import current_language
from ui.models.audit_model import AuditModel
from ui.pages.base import Page
from ui.widgets import CONTENTS_ROWS, compact
from workbench.messages import render

#: the export formats offered, by file-dialog filter
EXPORT_FILTERS = "CSV (*.csv);;Excel (*.xlsx);;JSON (*.json)"


class AuditPage(Page):
    def title(self) -> str:
        return self.tr("Audit log")

    def __init__(self, service, tasks, parent: QWidget | None = None) -> None:
        super().__init__(service, tasks, parent)
        self.model = AuditModel(self)
        self.action = QComboBox()
        self.action.setObjectName("auditAction")
        self.action.setMinimumContentsLength(18)
        self.use_since = QCheckBox(self.tr("Since:"))
        self.since = QDateEdit(QDate.currentDate().addMonths(-1))
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.since.setEnabled(False)
        self.use_since.toggled.connect(self.since.setEnabled)
        refresh = QPushButton(self.tr("Show"))
        refresh.setObjectName("auditRefresh")
        refresh.clicked.connect(self.load)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Action:")))
        bar.addWidget(self.action)
        bar.addWidget(self.use_since)
        bar.addWidget(self.since)
        bar.addWidget(refresh)
        bar.addStretch(1)
        self.verify_button = QPushButton(self.tr("Verify"))
        self.verify_button.setObjectName("auditVerify")
        self.verify_button.setToolTip(
            self.tr("Recompute every entry's hash and its link to the entry before it.")
        )
        self.verify_button.clicked.connect(self.verify)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("auditExport")
        self.export_button.setToolTip(
            self.tr("Write the whole log with its hash chain (CSV, Excel or JSON) for a reviewer.")
        )
        self.export_button.clicked.connect(self.choose_export)
        bar.addWidget(self.verify_button)
        bar.addWidget(self.export_button)
        self.view = QTableView()
        self.view.setObjectName("auditTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setResizeContentsPrecision(CONTENTS_ROWS)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        compact(self.view)
        self.count = QLabel()
        self.chain = QLabel()
        self.chain.setObjectName("auditChain")
        self.chain.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(f"<h2>{self.tr('Audit log')}</h2>"))
        lay.addWidget(
            QLabel(self.tr("Every import, export, analysis and change made in this vault."))
        )
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.count)
        lay.addWidget(self.chain)
        self._set_actions([])

    def _set_actions(self, actions: list[str]) -> None:
        current = self.action.currentData()
        self.action.blockSignals(True)
        self.action.clear()
        self.action.addItem(self.tr("All actions"), None)
        for a in actions:
            self.action.addItem(a, a)
        i = self.action.findData(current)
        self.action.setCurrentIndex(max(i, 0))
        self.action.blockSignals(False)

    def activate(self) -> None:
        self.load()

    def load(self) -> None:
        action = self.action.currentData()
        since = self.since.date().toString("yyyy-MM-dd") if self.use_since.isChecked() else None
        self.tasks.run(
            self._fetch, action, since, progress=False, on_done=self._loaded, label="audit"
        )

    def _fetch(self, action: str | None, since: str | None):
        entries = self.service.audit_log(action=action, since=since)
        actions = sorted({e.action for e in self.service.audit_log()})
        lang = current_language()
        sentences = [self.service.audit_sentence(e.action, e.object, e.params, lang)
                     for e in entries]  # fmt: skip
        return entries, actions, sentences

    def _loaded(self, value) -> None:
        entries, actions, sentences = value
        self._set_actions(actions)
        self.model.set_entries(entries, sentences)
        self.count.setText(self.tr("%n entries", "", len(entries)))

    # ------------------------------------------------------------- chain
    def verify(self) -> None:
        self.chain.clear()
        self.tasks.run(
            self.service.verify_audit, progress=False, on_done=self._verified, label="verify"
        )

    def _verified(self, report) -> None:
        self._show_chain(report.ok, render(report.code, report.params, current_language()))

    def _show_chain(self, ok: bool, text: str) -> None:
        mark = "✓" if ok else "✗"
        color = "#1b7f3b" if ok else "#b3261e"
        self.chain.setProperty("ok", ok)
        self.chain.setStyleSheet(f"color: {color};")
        self.chain.setText(f"{mark} {text}")

    def choose_export(self) -> None:
        dlg = QFileDialog(self, self.tr("Export the audit log"), "audit-log.csv", EXPORT_FILTERS)
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dlg.fileSelected.connect(self.export_to)
        dlg.open()

    def export_to(self, path: str) -> None:
        self.chain.clear()
        self.tasks.run(
            self.service.export_audit, path, progress=False, label="export audit",
            on_done=lambda report: self._exported(Path(path), report),
            on_error=self._export_failed,
        )  # fmt: skip

    def _exported(self, path: Path, report) -> None:
        lang = current_language()
        text = render("audit.exported", {"path": str(path), "entries": report.entries,
                                          "head": report.head[:16]}, lang)  # fmt: skip
        if not report.ok:
            text += " " + render(report.code, report.params, lang)
        self._show_chain(report.ok, text)
        self.load()  # the export itself is now in the log

    def _export_failed(self, exc: BaseException) -> None:
        from ui.error_dialog import user_message

        msg, step = user_message(exc)
        self._show_chain(False, f"{msg} {step}".strip())

    def clear(self) -> None:
        self.model.set_entries([])
        self._set_actions([])
        self.count.clear()
        self.chain.clear()
