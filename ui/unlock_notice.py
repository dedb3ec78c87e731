"""After unlocking: how many wrong passphrases were typed for this vault since the unlock before
(counted beside the vault without its key, workbench/vault/unlock_attempts.py), shown in a bar
above the workspace until dismissed, with the way to the audit log."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ui.locale_fmt import local_time


class UnlockNotice(QFrame):
    show_audit = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlockNotice")
        self.setStyleSheet(
            "QFrame#unlockNotice { background: #fff4e5; border-bottom: 1px solid #e0a040; }"
        )
        self.text = QLabel()
        self.text.setObjectName("unlockNoticeText")
        self.text.setWordWrap(True)
        audit = QPushButton(self.tr("Show the audit log"))
        audit.clicked.connect(self.show_audit)
        close = QPushButton(self.tr("Dismiss"))
        close.setObjectName("dismissNotice")
        close.clicked.connect(self.hide)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 6, 12, 6)
        lay.addWidget(self.text, 1)
        lay.addWidget(audit)
        lay.addWidget(close)
        self.hide()

    def show_attempts(self, attempts: dict[str, Any]) -> None:
        failed = int(attempts.get("failed", 0))
        if failed <= 0:
            self.hide()
            return
        text = self.tr(
            "A wrong passphrase was typed %n time(s) for this vault since it was last unlocked.",
            "",
            failed,
        )
        last = str(attempts.get("last", ""))
        if last:
            text += " " + self.tr("The last at %1.").replace("%1", local_time(last))
        text += " " + self.tr("If it was not you, change the passphrase (Vault menu).")
        self.text.setText("⚠ " + text)
        self.show()
