"""Audit entries as a table (time, user, action, object, details)."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from ui.models.headed_table import HeadedTableModel

TIME, USER, ACTION, OBJECT, DETAILS = range(5)
Index = QModelIndex | QPersistentModelIndex


class AuditModel(HeadedTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def headers(self) -> list[str]:
        return [
            self.tr("Time"),
            self.tr("User"),
            self.tr("Action"),
            self.tr("Object"),
            self.tr("Details"),
        ]

    def set_entries(self, entries: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(entries)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        e = self._rows[index.row()]
        col = index.column()
        if col == TIME:
            return e.time.replace("T", " ")[:19]
        if col == USER:
            return e.user
        if col == ACTION:
            return e.action
        if col == OBJECT:
            return e.object
        return json.dumps(e.params, ensure_ascii=False, sort_keys=True, default=str)
