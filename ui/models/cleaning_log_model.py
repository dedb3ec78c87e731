"""Cleaning-log entries as a table: what changed, where, from what to what, why, who, whether it
still applies."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ui.models.headed_table import HeadedTableModel
from workbench.cleaning_model import CleaningEntry, switched_off

Index = QModelIndex | QPersistentModelIndex
ID, DATASET, KIND, RECORD, QUESTION, OLD, NEW, ISSUE, CHECK, STATUS, USER, TIME = range(12)
UNDONE_BRUSH = QBrush(QColor("#8a8a8a"))


class CleaningLogModel(HeadedTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CleaningEntry] = []
        self._off: set[int] = set()

    def headers(self) -> list[str]:
        return [
            self.tr("Entry"), self.tr("Dataset"), self.tr("Change"), self.tr("Record"),
            self.tr("Question"), self.tr("Old value"), self.tr("New value"), self.tr("Reason"),
            self.tr("Check"), self.tr("Status"), self.tr("User"), self.tr("Time"),
        ]  # fmt: skip

    def kind_text(self, kind: str) -> str:
        return {
            "change": self.tr("change value"),
            "missing": self.tr("set missing"),
            "drop": self.tr("drop record"),
            "recode": self.tr("recode category"),
            "undo": self.tr("undo"),
        }.get(kind, kind)

    def set_entries(self, entries: list[CleaningEntry]) -> None:
        self.beginResetModel()
        self._rows = list(entries)
        self._off = switched_off(entries)
        self.endResetModel()

    def entry(self, row: int) -> CleaningEntry | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def applies(self, e: CleaningEntry) -> bool:
        return e.id not in self._off

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 12

    def _value(self, e: CleaningEntry, value: Any) -> str:
        if e.kind == "drop":
            return ""
        return "" if value is None else str(value)

    def text(self, e: CleaningEntry, col: int) -> str:
        if col == ID:
            return str(e.id)
        if col == DATASET:
            return e.dataset
        if col == KIND:
            if e.kind == "undo":
                return self.tr("undo of %1").replace("%1", str(e.undoes))
            return self.kind_text(e.kind)
        if col == RECORD:
            if e.kind == "recode":
                return self.tr("%n record(s)", "", e.rows)
            return e.record or ""
        if col == QUESTION:
            return e.question or ""
        if col == OLD:
            return self._value(e, e.old)
        if col == NEW:
            if e.kind == "missing" or (e.kind == "recode" and e.new is None):
                return self.tr("(missing)")
            return self._value(e, e.new)
        if col == ISSUE:
            return e.issue
        if col == CHECK:
            return e.check or ""
        if col == STATUS:
            return self.tr("applies") if self.applies(e) else self.tr("undone")
        if col == USER:
            return e.user
        return e.time.replace("T", " ")[:19]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(e, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and not self.applies(e):
            return UNDONE_BRUSH
        if role == Qt.ItemDataRole.FontRole and not self.applies(e) and e.kind != "undo":
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None
