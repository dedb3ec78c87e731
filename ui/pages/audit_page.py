"""Audit log: every import, export and change, filterable by action and date."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.models.audit_model import AuditModel
from ui.pages.base import Page
from ui.widgets import compact


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
        self.view = QTableView()
        self.view.setObjectName("auditTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        compact(self.view)
        self.count = QLabel()
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(f"<h2>{self.tr('Audit log')}</h2>"))
        lay.addWidget(
            QLabel(self.tr("Every import, export, analysis and change made in this vault."))
        )
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.count)
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
        return entries, actions

    def _loaded(self, value) -> None:
        entries, actions = value
        self._set_actions(actions)
        self.model.set_entries(entries)
        self.count.setText(self.tr("%n entries", "", len(entries)))

    def clear(self) -> None:
        self.model.set_entries([])
        self._set_actions([])
        self.count.clear()
