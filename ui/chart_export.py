"""Save the analysis page's chart as PNG or SVG (right-click on the chart, or its button): the
chart is drawn again in the chosen format by the report's own chart builder, off the GUI
thread, and written through the façade's export writer (audited, atomic)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QWidget

FILTERS = {"png": "PNG (*.png)", "svg": "SVG (*.svg)"}


class ChartExporter(QObject):
    """``page`` is the analysis page: ``current_view``, ``disagg``, ``chart``, ``tasks``,
    ``service``, ``status``, ``chart_request()`` (the builder's arguments for what is shown)."""

    def __init__(self, page: Any) -> None:
        super().__init__(page)
        self.page = page
        self.actions: dict[str, QAction] = {}
        for fmt, text in (
            ("png", self.tr("Save chart as PNG…")),
            ("svg", self.tr("Save chart as SVG…")),
        ):
            action = QAction(text, page.chart)
            action.triggered.connect(lambda _c=False, f=fmt: self.choose(f))
            page.chart.addAction(action)
            self.actions[fmt] = action
        page.chart.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.saved: Path | None = None

    def _name(self) -> str:
        view = getattr(self.page, "current_view", None)
        return str(getattr(getattr(view, "info", None), "id", "") or "chart")

    def choose(self, fmt: str) -> None:
        parent: QWidget = self.page
        dlg = QFileDialog(parent, self.tr("Save the chart"), f"{self._name()}.{fmt}", FILTERS[fmt])
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dlg.setDefaultSuffix(fmt)
        dlg.fileSelected.connect(lambda path: self.export_to(path, fmt))
        dlg.open()
        self.dialog = dlg

    def export_to(self, path: str, fmt: str | None = None) -> None:
        """Draw the chart shown as ``fmt`` (the file's suffix by default) and write it."""
        from workbench.reporting.charts import indicator_chart

        request: tuple[Any, ...] | None = self.page.chart_request()
        if request is None:
            return
        main, parts, width, title, rtl = request
        fmt = fmt or Path(path).suffix.lower().lstrip(".")
        obj = self._name()

        def draw_and_save() -> Path:
            data = indicator_chart(main, parts, width, title, rtl, fmt=fmt, lang=self.page.lang)
            return self.page.service.save_chart(path, data, obj=obj)

        self.page.tasks.run(draw_and_save, progress=False, label="save chart", on_done=self._saved)

    def _saved(self, path: Path) -> None:
        self.saved = path
        self.page.status.setText(self.tr("Chart saved to %1.").replace("%1", f"\u2068{path}\u2069"))
