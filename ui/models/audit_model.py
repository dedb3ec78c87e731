"""Audit entries as a table (time, user, action, object, details)."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from ui.locale_fmt import local_time
from ui.models.headed_table import HeadedTableModel

TIME, USER, ACTION, OBJECT, DETAILS = range(5)
Index = QModelIndex | QPersistentModelIndex


class AuditModel(HeadedTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._sentences: list[str] = []

    def headers(self) -> list[str]:
        return [
            self.tr("Time"),
            self.tr("User"),
            self.tr("Action"),
            self.tr("Object"),
            self.tr("Details"),
        ]

    def set_entries(self, entries: list[Any], sentences: list[str] | None = None) -> None:
        """``sentences``: each entry in plain words (``Workbench.audit_sentence``), made off the
        GUI thread by the page; without them the details are listed as ``key: value``."""
        self.beginResetModel()
        self._rows = list(entries)
        self._sentences = list(sentences) if sentences is not None else []
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
            return local_time(e.time)
        if col == USER:
            return e.user
        if col == ACTION:
            return e.action
        if col == OBJECT:
            return e.object
        if role == Qt.ItemDataRole.ToolTipRole or index.row() >= len(self._sentences):
            return details(e.params)  # the recorded parameters, for a reviewer
        return self._sentences[index.row()]


def details(params: dict[str, Any]) -> str:
    """An entry's parameters one per line (nested values compact), for the tooltip."""
    return "\n".join(
        f"{k}: {v if isinstance(v, str | int | float | bool) else json.dumps(v, default=str)}"
        for k, v in sorted(params.items())
    )
