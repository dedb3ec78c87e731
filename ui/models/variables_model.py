"""The variable dictionary: name, label, type, missing rate, value labels, identifier flag."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from workbench.service import Workbench

NAME, LABEL, KIND, MISSING, VALUE_LABELS, IDENTIFIER = range(6)
Index = QModelIndex | QPersistentModelIndex
VariableRole = Qt.ItemDataRole.UserRole + 1


def _code(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


class VariablesModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vars: list[Any] = []
        self._missing: dict[str, float] = {}
        self.language = "en"

    def set_variables(self, variables: list[Any], missing_rates: dict[str, float] | None = None):
        self.beginResetModel()
        self._vars = list(variables)
        self._missing = dict(missing_rates or {})
        self.endResetModel()

    def clear(self) -> None:
        self.set_variables([], {})

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._vars)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def kind_name(self, kind: str) -> str:
        return {
            "numeric": self.tr("Number"),
            "string": self.tr("Text"),
            "date": self.tr("Date"),
            "datetime": self.tr("Date and time"),
            "boolean": self.tr("Yes/no"),
        }.get(kind, kind)

    def identifier_text(self, var: Any) -> str:
        if not var.identifier:
            return ""
        action = {
            "keep": self.tr("kept"),
            "drop": self.tr("dropped"),
            "hash": self.tr("hashed"),
        }.get(var.identifier_action or "keep", "")
        return f"⚠ {Workbench.identifier_reason(var.identifier, self.language)} ({action})"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        var = self._vars[index.row()]
        col = index.column()
        if role == VariableRole:
            return var
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == VALUE_LABELS and var.value_labels:
                return "\n".join(f"{_code(k)} = {v}" for k, v in var.value_labels.items())
            if col == IDENTIFIER and var.identifier:
                if Workbench.identifier_is_quasi(var.identifier):
                    return self.tr("Flagged as a quasi-identifier at import (kept by default).")
                return self.tr("Flagged as a likely direct identifier at import.")
            if col == LABEL:
                return var.label_in(self.language)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == MISSING:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == NAME:
            return var.name
        if col == LABEL:
            return var.label_in(self.language) if (var.label or var.labels) else ""
        if col == KIND:
            return self.kind_name(var.kind)
        if col == MISSING:
            rate = self._missing.get(var.name)
            return "" if rate is None else f"{rate:.1%}"
        if col == VALUE_LABELS:
            items = list(var.value_labels.items())
            text = "; ".join(f"{_code(k)}={v}" for k, v in items[:4])
            return text + ("; …" if len(items) > 4 else "")
        return self.identifier_text(var)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return [
                self.tr("Name"),
                self.tr("Label"),
                self.tr("Type"),
                self.tr("Missing"),
                self.tr("Value labels"),
                self.tr("Identifier"),
            ][section]
        return None


def missing_rates(dataset: Any) -> dict[str, float]:
    """Share of system- or user-missing values per column (computed off the GUI thread)."""
    n = max(len(dataset.frame), 1)
    return {
        name: float(var.is_missing(dataset.frame[name]).sum()) / n
        for name, var in dataset.variables.items()
    }
