"""Export a run's results: the publishable copy by default, the internal copy only when chosen.

The publishable copy has every suppressed value (primary and complementary) removed and flagged.
The internal copy holds every value; the core names it ``…-INTERNAL-not-for-publication`` and
marks every sheet (``Workbench.export_results(..., internal=True)``), and the audit log records it
as internal. Choosing it shows the name the file will get, and the button says what it does.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from workbench.service import Workbench

FILTER = "Excel workbook (*.xlsx);;CSV files (*.csv)"


class ExportResultsDialog(QDialog):
    def __init__(self, default_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export results"))
        self.path_edit = QLineEdit(str(default_path))
        self.path_edit.setObjectName("resultsPath")
        self.path_edit.textChanged.connect(self._update)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.publishable = QRadioButton(
            self.tr("Publishable copy: suppressed values removed and flagged (recommended)")
        )
        self.publishable.setObjectName("publishableCopy")
        self.internal = QRadioButton(
            self.tr("Internal copy: every value, including suppressed ones — not for publication")
        )
        self.internal.setObjectName("internalCopy")
        self.publishable.setChecked(True)
        choice = QButtonGroup(self)
        choice.addButton(self.publishable)
        choice.addButton(self.internal)
        choice.buttonToggled.connect(lambda *_: self._update())
        self.warning = QLabel()
        self.warning.setObjectName("internalWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        lay = QVBoxLayout(self)
        lay.addWidget(
            QLabel(
                self.tr(
                    "Write the run's estimates, comparisons, solutions measure and stock tables to:"
                )
            )
        )
        lay.addLayout(row)
        lay.addWidget(self.publishable)
        lay.addWidget(self.internal)
        lay.addWidget(self.warning)
        lay.addWidget(self.buttons)
        self._update()

    def path(self) -> Path:
        return Path(self.path_edit.text().strip())

    def is_internal(self) -> bool:
        return self.internal.isChecked()

    def target(self) -> Path:
        """The file the export will write (the internal copy's name is marked)."""
        return Workbench.results_export_path(self.path(), internal=self.is_internal())

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export results"), str(self.path()), FILTER
        )
        if chosen:
            self.path_edit.setText(chosen)

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        valid = self.path().suffix.lower() in (".xlsx", ".csv")
        ok.setEnabled(valid)
        if self.is_internal():
            self.warning.setText(
                self.tr(
                    "Every suppressed value will be written, including values from a handful of "
                    "households. The file will be named %1, every sheet marked INTERNAL, and the "
                    "audit log will record an internal export. Do not publish or share it."
                ).replace("%1", self.target().name if valid else "…")
            )
            ok.setText(self.tr("Export internal copy"))
        else:
            self.warning.setText("" if valid else self.tr("Choose a .xlsx or .csv file."))
            ok.setText(self.tr("Export publishable copy"))
