"""The universe of an indicator as an expression, checked with the library's parser as it is
typed: the error shows next to the field, Apply is off while it is invalid, and the inputs the
expression reads are listed (unknown names marked)."""

from __future__ import annotations

from collections.abc import Callable, Collection

from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from ui.i18n import current_language


class UniverseEditor(QWidget):
    def __init__(self, on_apply: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.known: Collection[str] | None = None
        self.edit = QLineEdit()
        self.edit.setObjectName("universeEdit")
        self.edit.setToolTip(
            self.tr(
                "Who the indicator counts, as an expression (e.g. age >= 18). Empty: the library's."
            )
        )
        self.button = QPushButton(self.tr("Apply universe"))
        self.button.setObjectName("applyUniverse")
        self.button.clicked.connect(on_apply)
        self.edit.returnPressed.connect(self.button.click)  # does nothing while it is disabled
        self.status = QLabel()
        self.status.setObjectName("universeStatus")
        self.status.setWordWrap(True)
        self.edit.textChanged.connect(self.validate)
        lay = QGridLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(self.tr("Universe:")), 0, 0)
        lay.addWidget(self.edit, 0, 1)
        lay.addWidget(self.button, 0, 2)
        lay.addWidget(self.status, 1, 1, 1, 2)
        lay.setColumnStretch(1, 1)

    def set_known(self, names: Collection[str] | None) -> None:
        """The library's input names (to mark names it does not know)."""
        self.known = names

    def validate(self, *_: object) -> bool:
        from workbench.errors import WorkbenchError
        from workbench.service import Workbench

        text = self.edit.text().strip()
        if not text:
            self.status.setStyleSheet("")
            self.status.setText(self.tr("Empty: the library's universe."))
            self.button.setEnabled(self.edit.isEnabled())
            return True
        try:
            expr = Workbench.parse_expression(text)
        except WorkbenchError as exc:
            self.status.setStyleSheet("color: #b00020;")
            self.status.setText("✗ " + exc.render(current_language()))
            self.button.setEnabled(False)
            return False
        names = []
        for name in sorted(expr.inputs):
            if self.known is not None and name not in self.known:
                names.append(self.tr("%1 (unknown input)").replace("%1", name))
            else:
                names.append(name)
        self.status.setStyleSheet("")
        self.status.setText(
            self.tr("Reads: %1").replace("%1", ", ".join(names))
            if names
            else self.tr("Reads no input (a constant).")
        )
        self.button.setEnabled(self.edit.isEnabled())
        return True

    def set_active(self, on: bool) -> None:
        self.edit.setEnabled(on)
        self.validate()
        if not on:
            self.button.setEnabled(False)
