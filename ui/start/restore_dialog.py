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
    QMessageBox,
    QPushButton,
    QWidget,
)

from ui.error_dialog import user_message
from ui.i18n import current_language
from workbench import errors as E


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
        self._run(backup, secret, replace_other=False)

    def _run(self, backup: str, secret: str, replace_other: bool) -> None:
        self.setEnabled(False)
        self.message.setText(self.tr("Verifying the backup…"))
        self.tasks.run(
            self.service.restore_vault,
            backup,
            self.vault_path,
            secret,
            replace_other,
            progress=False,
            cancellable=False,
            on_done=self._done,
            on_error=lambda exc: self._failed(exc, backup, secret),
            label="restore",
        )

    def _done(self, _vault) -> None:
        self.setEnabled(True)
        self.accept()
        self.restored.emit()

    def _failed(self, exc: BaseException, backup: str, secret: str) -> None:
        self.setEnabled(True)
        if isinstance(exc, E.RestoreOtherVault):
            self._ask_replace_other(exc, backup, secret)
            return
        msg, step = user_message(exc)
        self.message.setText(f"{msg} {step}".strip())

    def _ask_replace_other(self, exc: E.RestoreOtherVault, backup: str, secret: str) -> None:
        """The backup is of another vault (or the vault here has no id): say which is which and
        replace only if the user confirms, naming the vault that will be erased."""
        text = exc.render(current_language(), with_hint=False)
        self.message.setText(text)
        box = QMessageBox(self)
        box.setObjectName("replaceOtherVault")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Replace another vault?"))
        box.setText(text)
        vault = f"\u2068{Path(self.vault_path).name}\u2069"  # isolated: a path in RTL text
        box.setInformativeText(
            self.tr(
                "Replace %1 with this backup? Everything in %1 that is not in a backup of its "
                "own is lost."
            ).replace("%1", vault)
        )
        replace = box.addButton(
            self.tr("Replace %1").replace("%1", vault), QMessageBox.ButtonRole.DestructiveRole
        )
        replace.setObjectName("replaceButton")
        keep = box.addButton(self.tr("Keep %1").replace("%1", vault),
                             QMessageBox.ButtonRole.RejectRole)  # fmt: skip
        keep.setObjectName("keepButton")
        box.setDefaultButton(keep)

        def answered() -> None:
            if box.clickedButton() is replace:
                self._run(backup, secret, replace_other=True)
            else:
                self.message.setText(self.tr("Nothing was replaced."))

        box.finished.connect(answered)
        box.open()
        self.replace_box = box
