"""The datasets of the open vault: name, unit, rows, columns, import date."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ui import locale_fmt

NAME, UNIT, ROWS, COLUMNS, IMPORTED = range(5)
Index = QModelIndex | QPersistentModelIndex
#: custom role: the DatasetInfo record of a row
InfoRole = Qt.ItemDataRole.UserRole + 1


class DatasetListModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_datasets(self, infos: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(infos)
        self.endResetModel()

    def info(self, row: int) -> Any:
        return self._rows[row]

    def names(self) -> list[str]:
        return [r.name for r in self._rows]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def unit_name(self, unit: str) -> str:
        return {
            "household": self.tr("Household"),
            "individual": self.tr("Individual"),
            "other": self.tr("Other"),
        }.get(unit, unit)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        info = self._rows[index.row()]
        col = index.column()
        if role == InfoRole:
            return info
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (ROWS, COLUMNS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == NAME:
            src = info.source.get("file", "") if isinstance(info.source, dict) else ""
            return self.tr("Imported from %1").replace("%1", str(src).rsplit("/", 1)[-1])
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == NAME:
            return info.name
        if col == UNIT:
            text = self.unit_name(info.unit)
            if info.parent:
                text += " → " + info.parent
            return text
        if col == ROWS:
            return locale_fmt.integer(info.n_rows)
        if col == COLUMNS:
            return locale_fmt.integer(info.n_cols)
        return str(info.imported_at).replace("T", " ")[:16]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return [
                self.tr("Name"),
                self.tr("Unit"),
                self.tr("Rows"),
                self.tr("Columns"),
                self.tr("Imported"),
            ][section]
        return None
