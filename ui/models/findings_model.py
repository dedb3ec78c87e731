"""Findings of the data checks as a table (severity, check, message, dataset, record, column),
filtered by severity, check code and dataset; messages in the interface language."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ui.models.headed_table import HeadedTableModel
from workbench.findings import Finding
from workbench.messages import is_registered, render

SEVERITY, CHECK, MESSAGE, DATASET, RECORD, COLUMN = range(6)
Index = QModelIndex | QPersistentModelIndex
_COLOURS = {"error": "#b3261e", "warning": "#8a5a00", "info": "#35506b"}


class FindingsModel(HeadedTableModel):
    def __init__(self, parent: QObject | None = None, language: str = "en") -> None:
        super().__init__(parent)
        self.language = language
        self._all: list[Finding] = []
        self._rows: list[Finding] = []
        self._texts: dict[int, str] = {}
        self._filter: tuple[str | None, str | None, str | None] = (None, None, None)

    def headers(self) -> list[str]:
        return [
            self.tr("Severity"),
            self.tr("Check"),
            self.tr("Finding"),
            self.tr("Dataset"),
            self.tr("Record"),
            self.tr("Column"),
        ]

    def severity_name(self, severity: str) -> str:
        return {
            "error": self.tr("Error"),
            "warning": self.tr("Warning"),
            "info": self.tr("Note"),
        }.get(severity, severity)

    # --------------------------------------------------------------- data in
    def set_findings(self, findings: list[Finding]) -> None:
        """Errors first, then warnings, then notes; each in the order the checks found them."""
        rank = {"error": 0, "warning": 1, "info": 2}
        self._all = sorted(findings, key=lambda f: rank.get(f.severity, 3))
        self._texts = {}
        self._apply()

    def set_filter(
        self, severity: str | None = None, code: str | None = None, dataset: str | None = None
    ) -> None:
        self._filter = (severity, code, dataset)
        self._apply()

    def _apply(self) -> None:
        severity, code, dataset = self._filter
        self.beginResetModel()
        self._rows = [
            f
            for f in self._all
            if (severity is None or f.severity == severity)
            and (code is None or f.code == code)
            and (dataset is None or f.where.get("dataset") == dataset)
        ]
        self.endResetModel()

    def codes(self) -> list[str]:
        return sorted({f.code for f in self._all})

    def check_name(self, code: str) -> str:
        """A check as the user reads it (``checkname.<check>`` in the message catalogues); the
        code itself for a check without a name."""
        key = "checkname." + code.removeprefix("check.")
        return render(key, {}, self.language) if is_registered(key) else code

    def datasets(self) -> list[str]:
        return sorted({f.where["dataset"] for f in self._all if f.where.get("dataset")})

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self._rows:
            out[f.severity] = out.get(f.severity, 0) + 1
        return out

    def finding(self, row: int) -> Finding:
        return self._rows[row]

    def total(self) -> int:
        return len(self._all)

    # ----------------------------------------------------------------- Qt API
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def _message(self, f: Finding) -> str:
        key = id(f)
        if key not in self._texts:
            self._texts[key] = f.render(self.language)
        return self._texts[key]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        f = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.ForegroundRole and col == SEVERITY:
            return QBrush(QColor(_COLOURS.get(f.severity, "#000000")))
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if col == SEVERITY:
            return self.severity_name(f.severity)
        if col == CHECK:
            return self.check_name(f.code) if role == Qt.ItemDataRole.DisplayRole else f.code
        if col == MESSAGE:
            return self._message(f)
        key = {DATASET: "dataset", RECORD: "record", COLUMN: "column"}[col]
        if col == RECORD and "record" not in f.where and "row" in f.where:
            return self.tr("row %1").replace("%1", str(int(f.where["row"]) + 1))
        return f.where.get(key, "")
