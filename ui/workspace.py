"""The unlocked workspace: a sidebar of pages (Datasets, Plan, Analysis, Report, Audit, Settings)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QStackedWidget, QWidget

from ui.pages.base import Page
from ui.tasks import TaskManager
from workbench.service import Workbench


def page_factories() -> list[Callable[[Workbench, TaskManager], Page]]:
    from ui.pages.analysis_page import AnalysisPage
    from ui.pages.audit_page import AuditPage
    from ui.pages.datasets_page import DatasetsPage
    from ui.pages.plan_page import PlanPage
    from ui.pages.report_page import ReportPage
    from ui.pages.settings_page import SettingsPage

    return [DatasetsPage, PlanPage, AnalysisPage, ReportPage, AuditPage, SettingsPage]


class Workspace(QWidget):
    language_changed = Signal(str)
    idle_minutes_changed = Signal(int)

    def __init__(self, service: Workbench, tasks: TaskManager, parent: QWidget | None = None):
        super().__init__(parent)
        self.service, self.tasks = service, tasks
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(170)
        self.sidebar.setAccessibleName(self.tr("Sections"))
        self.stack = QStackedWidget()
        self.pages: list[Page] = []
        for factory in page_factories():
            page = factory(service, tasks)
            self.pages.append(page)
            self.stack.addWidget(page)
            item = QListWidgetItem(page.title())
            self.sidebar.addItem(item)
            for name in ("language_changed", "idle_minutes_changed"):
                sig = getattr(page, name, None)
                if sig is not None:
                    sig.connect(getattr(self, name))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.sidebar)
        lay.addWidget(self.stack, 1)
        self.sidebar.currentRowChanged.connect(self._show)
        self.sidebar.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def page(self, cls: type) -> Page:
        return next(p for p in self.pages if isinstance(p, cls))

    def show_page(self, cls: type) -> Page:
        page = self.page(cls)
        self.sidebar.setCurrentRow(self.pages.index(page))
        return page

    def activate(self) -> None:
        if self.sidebar.currentRow() < 0:
            self.sidebar.setCurrentRow(0)
        else:
            self._show(self.sidebar.currentRow())

    def clear(self) -> None:
        for page in self.pages:
            page.clear()

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.stack.setCurrentIndex(row)
            self.pages[row].activate()
