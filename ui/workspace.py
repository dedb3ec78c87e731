"""The unlocked workspace: a sidebar of pages, each built the first time it is shown (so the app
starts without importing pandas, matplotlib or reportlab) — or, once unlocked, in idle moments one
after the other, so that even the first visit of a page is only a switch (issue 21, speed)."""

from __future__ import annotations

import importlib

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QStackedWidget, QWidget

from ui import table_copy
from ui.pages.base import Page
from ui.tasks import TaskManager
from workbench.service import Workbench

#: milliseconds between building two pages in idle time after unlocking
PREBUILD_MS = 120
#: (module, class) of each page, in sidebar order
PAGES = (
    ("ui.pages.datasets_page", "DatasetsPage"),
    ("ui.pages.checks_page", "ChecksPage"),
    ("ui.pages.cleaning_page", "CleaningPage"),
    ("ui.pages.plan_page", "PlanPage"),
    ("ui.pages.analysis_page", "AnalysisPage"),
    ("ui.pages.report_page", "ReportPage"),
    ("ui.pages.share_page", "SharePage"),
    ("ui.pages.audit_page", "AuditPage"),
    ("ui.pages.settings_page", "SettingsPage"),
)


class Workspace(QWidget):
    language_changed = Signal(str)
    idle_minutes_changed = Signal(int)

    def __init__(self, service: Workbench, tasks: TaskManager, parent: QWidget | None = None):
        super().__init__(parent)
        self.service, self.tasks = service, tasks
        titles = {
            "DatasetsPage": self.tr("Datasets"),
            "ChecksPage": self.tr("Data checks"),
            "CleaningPage": self.tr("Cleaning log"),
            "PlanPage": self.tr("Plan"),
            "AnalysisPage": self.tr("Analysis"),
            "ReportPage": self.tr("Report"),
            "SharePage": self.tr("Data sharing"),
            "AuditPage": self.tr("Audit log"),
            "SettingsPage": self.tr("Settings"),
        }
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(180)
        self.sidebar.setAccessibleName(self.tr("Sections"))
        self.sidebar.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.sidebar.setStyleSheet("QListWidget#sidebar::item { padding: 9px 10px; }")
        self.stack = QStackedWidget()
        self._built: dict[int, Page] = {}
        for _module, name in PAGES:
            self.sidebar.addItem(titles[name])
            self.stack.addWidget(QWidget())  # placeholder until first shown
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.sidebar)
        lay.addWidget(self.stack, 1)
        self.sidebar.currentRowChanged.connect(self._show)
        self._prebuild = QTimer(self)
        self._prebuild.setSingleShot(True)
        self._prebuild.setInterval(PREBUILD_MS)
        self._prebuild.timeout.connect(self._build_next)

    @property
    def pages(self) -> list[Page]:
        """The pages built so far (the others hold nothing)."""
        return [self._built[i] for i in sorted(self._built)]

    def _index_of(self, cls: type) -> int:
        return next(i for i, (_m, name) in enumerate(PAGES) if name == cls.__name__)

    def _page_at(self, row: int) -> Page:
        page = self._built.get(row)
        if page is None:
            module, name = PAGES[row]
            factory = getattr(importlib.import_module(module), name)
            page = factory(self.service, self.tasks)
            for sig in ("language_changed", "idle_minutes_changed"):
                signal = getattr(page, sig, None)
                if signal is not None:
                    signal.connect(getattr(self, sig))
            opener = getattr(page, "open_record", None)
            if opener is not None:
                opener.connect(self.open_record)
            old = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
            self._built[row] = page
            table_copy.install(page, self.service, self.tasks)  # Ctrl+C / right-click copy
        return page

    def page(self, cls: type) -> Page:
        return self._page_at(self._index_of(cls))

    def show_page(self, cls: type) -> Page:
        row = self._index_of(cls)
        if self.sidebar.currentRow() == row:
            self._show(row)
        else:
            self.sidebar.setCurrentRow(row)
        return self._built[row]

    def open_record(self, dataset: str, row: int, column: str) -> None:
        """Show a record of a dataset in the data viewer (a finding's "where")."""
        index = next(i for i, (_m, name) in enumerate(PAGES) if name == "DatasetsPage")
        self.sidebar.setCurrentRow(index)
        page = self._page_at(index)
        page.show_record(dataset, row, column)  # type: ignore[attr-defined]

    def activate(self) -> None:
        if self.sidebar.currentRow() < 0:
            self.sidebar.setCurrentRow(0)
        else:
            self._show(self.sidebar.currentRow())
        self._prebuild.start()

    def _build_next(self) -> None:
        """Build one page not built yet, then wait for the next idle moment (a page takes a few
        tens of milliseconds: input between two builds is never held up longer)."""
        if not self.isVisible():
            return  # locked: the next unlock starts again
        row = next((r for r in range(len(PAGES)) if r not in self._built), None)
        if row is None:
            return
        self.prebuild(row)
        self._prebuild.start()

    def prebuild(self, row: int) -> Page:
        """Build the page of ``row`` without showing it, polished and laid out (what its first
        paint would otherwise do)."""
        page = self._page_at(row)
        page.resize(self.stack.size())
        page.ensurePolished()
        layout = page.layout()
        if layout is not None:
            layout.activate()
        return page

    def clear(self) -> None:
        self._prebuild.stop()
        for page in self.pages:
            page.clear()

    def _show(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            page = self._page_at(row)
            self.stack.setCurrentIndex(row)
            page.activate()
