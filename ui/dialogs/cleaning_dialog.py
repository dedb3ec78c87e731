"""The reason dialog of a cleaning edit: change a value, set it missing, or drop the record.

It shows what is changed (dataset, record, question, the value now), asks for the new value (a
value label may be picked), the reason (required: the cleaning log's ``issue``) and, optionally,
the check the change answers. It returns a ``NewChange``; the façade checks and stores it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from workbench.cleaning_model import ChangeKind, NewChange


class CleaningDialog(QDialog):
    def __init__(
        self,
        kind: ChangeKind,
        dataset: str,
        record: str,
        question: str | None,
        current: str,
        value_labels: dict[Any, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cleaningDialog")
        self.kind, self.dataset, self.record, self.question = kind, dataset, record, question
        titles = {
            "change": self.tr("Change value"),
            "missing": self.tr("Set missing"),
            "drop": self.tr("Drop record"),
        }
        self.setWindowTitle(titles.get(kind, kind))
        form = QFormLayout()
        form.addRow(self.tr("Dataset:"), QLabel(dataset))
        form.addRow(self.tr("Record:"), QLabel(record))
        if question is not None:
            form.addRow(self.tr("Question:"), QLabel(question))
            now = QLabel(current or self.tr("(missing)"))
            now.setObjectName("currentValue")
            form.addRow(self.tr("Value now:"), now)
        self.value: QComboBox | None = None
        if kind == "change":
            self.value = QComboBox()
            self.value.setObjectName("newValue")
            self.value.setEditable(True)
            for code, label in (value_labels or {}).items():
                self.value.addItem(f"{label} ({_code_text(code)})", _code_text(code))
            self.value.setCurrentIndex(-1)
            self.value.setEditText("")
            form.addRow(self.tr("New value:"), self.value)
        self.reason = QLineEdit()
        self.reason.setObjectName("cleaningReason")
        self.reason.setPlaceholderText(self.tr("Why: what the check found, who confirmed it…"))
        form.addRow(self.tr("Reason:"), self.reason)
        self.check = QLineEdit()
        self.check.setObjectName("cleaningCheck")
        self.check.setPlaceholderText(self.tr("optional, e.g. check.age_range"))
        form.addRow(self.tr("Answers the check:"), self.check)
        note = QLabel(
            self.tr(
                "The imported data are not changed: the change is added to the cleaning log, "
                "which every analysis reads through, and can be undone."
            )
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update)
        if self.value is not None:
            self.value.editTextChanged.connect(self._update)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(note)
        lay.addWidget(self.buttons)
        self.resize(480, self.sizeHint().height())
        self._update()

    def new_value(self) -> str:
        if self.value is None:
            return ""
        i = self.value.currentIndex()
        text = self.value.currentText().strip()
        if i >= 0 and text == self.value.itemText(i):
            return str(self.value.itemData(i))
        return text

    def _update(self) -> None:
        ok = bool(self.reason.text().strip()) and (self.value is None or bool(self.new_value()))
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        button.setEnabled(ok)

    def change(self) -> NewChange:
        return NewChange(
            dataset=self.dataset,
            kind=self.kind,
            record=self.record,
            question=self.question if self.kind != "drop" else None,
            new=self.new_value() if self.kind == "change" else None,
            issue=self.reason.text().strip(),
            check=self.check.text().strip() or None,
        )


def _code_text(code: Any) -> str:
    if isinstance(code, float) and code.is_integer():
        return str(int(code))
    return str(code)
