"""A table model whose horizontal headers are its ``headers()`` list (translated when asked),
shared by the audit, findings and cleaning-log tables."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, Qt


class HeadedTableModel(QAbstractTableModel):
    def headers(self) -> list[str]:
        raise NotImplementedError

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None
