"""Copy any table of the app as tab-separated text with its headers (pastes as a table into
Excel, LibreOffice and Word): Ctrl+C and the right-click menu. Each copy is an audited export
of the open vault (``Workbench.copy_table``): a locked vault copies nothing.

``install(page, service, tasks)`` equips every table and tree view of a page when the workspace
builds it; a view with its own right-click menu (the data viewer) adds ``copier.actions()``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QTableView, QTreeView, QWidget

from ui import clipboard

#: views whose rows are publishable results (the analysis page shows disclosure-controlled
#: values); every other table is audited as internal
PUBLISHABLE = {"criteriaOverview", "indicatorTable", "solutionsTable"}
#: more cells than this in a copy of the whole table is refused (a 1M-row viewer is exported)
MAX_CELLS = 2_000_000


def _text(model: Any, row: int, col: int, parent: QModelIndex) -> str:
    value = model.data(model.index(row, col, parent), Qt.ItemDataRole.DisplayRole)
    return "" if value is None else str(value)


class TableCopier(QObject):
    def __init__(self, view: QAbstractItemView, service: Any, tasks: Any, kind: str) -> None:
        super().__init__(view)
        self.view, self.service, self.tasks, self.kind = view, service, tasks, kind
        self.copy_action = QAction(self.tr("Copy"), view)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.triggered.connect(lambda: self.copy(whole=False))
        self.all_action = QAction(self.tr("Copy the whole table"), view)
        self.all_action.triggered.connect(lambda: self.copy(whole=True))
        view.addAction(self.copy_action)
        if view.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu:
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            view.addAction(self.all_action)
        self.last_text = ""

    def actions(self) -> list[QAction]:
        return [self.copy_action, self.all_action]

    def rows(self, whole: bool) -> list[list[str]]:
        """Header row, then the selected cells' rows (all rows when ``whole`` or nothing is
        selected), in the order the view shows them; hidden columns are left out."""
        model = self.view.model()
        if model is None:
            return []
        root = self.view.rootIndex()
        hidden = getattr(self.view, "isColumnHidden", lambda _c: False)
        columns = [c for c in range(model.columnCount(root)) if not hidden(c)]
        selected = [] if whole else self.view.selectionModel().selectedIndexes()
        if selected:
            rows = sorted({i.row() for i in selected if i.parent() == root})
            wanted = {i.column() for i in selected}
            columns = [c for c in columns if c in wanted]
        else:
            rows = list(range(model.rowCount(root)))
        header = model.headerData
        out = [[str(header(c, Qt.Orientation.Horizontal) or "") for c in columns]]
        out += [[_text(model, r, c, root) for c in columns] for r in rows]
        return out

    def copy(self, whole: bool = False) -> None:
        rows = self.rows(whole)
        if len(rows) < 2 or (len(rows) - 1) * len(rows[0]) > MAX_CELLS:
            return
        audience = "publishable" if self.view.objectName() in PUBLISHABLE else "internal"
        self.tasks.run(
            self.service.copy_table,
            rows,
            kind=self.kind,
            obj=self.kind,
            audience=audience,
            progress=False,
            label="copy",
            on_done=self._copied,
        )

    def _copied(self, text: str) -> None:
        self.last_text = text
        clipboard.copy_text(text)


def install(page: QWidget, service: Any, tasks: Any) -> list[TableCopier]:
    """A copier on every table and tree view of ``page`` (kind: the view's object name)."""
    copiers = []
    for view in page.findChildren(QAbstractItemView):
        if isinstance(view, QTableView | QTreeView) and view.property("copier") is None:
            copier = TableCopier(view, service, tasks, view.objectName() or type(page).__name__)
            view.setProperty("copier", True)
            setattr(view, "copier", copier)  # noqa: B010 - read by the view's own menu
            copiers.append(copier)
    return copiers
