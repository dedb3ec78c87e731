"""Restore a damaged vault from a backup: choose the backup, type the passphrase, verify, open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ui.error_dialog import user_message


class RestoreDialog(QDialog):
    restored = Signal()

    def __init__(self, service, tasks, vault_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.tasks, self.vault_path = service, tasks, vault_path
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "The backup is checked completely before it replaces the damaged vault. "
                "Work saved after the backup was made is not in it."
            )
        )
        intro.setWordWrap(True)
        self.backup = QLineEdit()
        self.backup.setObjectName("backupPath")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.backup, 1)
        row.addWidget(browse)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("backupPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Restore"))
        self.buttons.accepted.connect(self.restore)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("Vault:"), QLabel(vault_path))
        form.addRow(self.tr("Backup file:"), row)
        form.addRow(self.tr("Passphrase of the backup:"), self.passphrase)
        form.addRow(self.message)
        form.addRow(self.buttons)

    def _browse(self) -> None:
        dlg = QFileDialog(self, self.tr("Choose the backup"), str(Path(self.vault_path).parent))
        dlg.setFileMode(QFileDialog.FileMode.ExistingFile)
        dlg.fileSelected.connect(self.backup.setText)
        dlg.open()

    def restore(self) -> None:
        backup = self.backup.text().strip()
        if not backup or not Path(backup).is_file():
            self.message.setText(self.tr("Choose the backup file first."))
            return
        secret = self.passphrase.text()
        self.passphrase.clear()
        self.setEnabled(False)
        self.message.setText(self.tr("Verifying the backup…"))
        self.tasks.run(
            self.service.restore_vault,
            backup,
            self.vault_path,
            secret,
            progress=False,
            cancellable=False,
            on_done=self._done,
            on_error=self._failed,
            label="restore",
        )

    def _done(self, _vault) -> None:
        self.setEnabled(True)
        self.accept()
        self.restored.emit()

    def _failed(self, exc: BaseException) -> None:
        self.setEnabled(True)
        msg, step = user_message(exc)
        self.message.setText(f"{msg} {step}".strip())
