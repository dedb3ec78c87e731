"""The Vault menu's administration (issue 21 finding 5): information, integrity check, backup,
restore, change passphrase, key rotation, close — each through the façade as the CLI does it
(``workbench vault …``), off the GUI thread, with progress and Cancel for the key rotation."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from ui.error_dialog import show_error, user_message
from ui.passphrase_meter import PassphraseMeter
from workbench import errors as E

BACKUP_FILTER = "Workbench backup (*.dsbackup);;All files (*)"


def _isolated(text: str) -> str:
    """A path or name kept in its own direction inside translated (maybe Arabic) text."""
    return f"\u2068{text}\u2069"


class ChangePassphraseDialog(QDialog):
    def __init__(self, service: Any, tasks: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.tasks = service, tasks
        self.setObjectName("changePassphraseDialog")
        self.setWindowTitle(self.tr("Change the passphrase"))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr(
                "The data key is wrapped again under the new passphrase; nothing "
                "is re-encrypted. Backups made before keep the old passphrase."
            )
        )
        intro.setWordWrap(True)
        self.current = QLineEdit()
        self.current.setObjectName("currentPassphrase")
        self.new = QLineEdit()
        self.new.setObjectName("newPassphrase")
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeatPassphrase")
        for field in (self.current, self.new, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = PassphraseMeter()
        self.message = QLabel()
        self.message.setObjectName("changeMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Change passphrase"))
        self.buttons.accepted.connect(self.change)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("Current passphrase:"), self.current)
        form.addRow(self.tr("New passphrase:"), self.new)
        form.addRow("", self.meter)
        form.addRow(self.tr("Repeat passphrase:"), self.repeat)
        form.addRow(self.message)
        form.addRow(self.buttons)
        for field in (self.current, self.new, self.repeat):
            field.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = self.meter.update_for(self.new.text(), self.repeat.text())
        self.ok.setEnabled(ok and bool(self.current.text()))

    def change(self) -> None:
        if not self.ok.isEnabled():
            return
        old, new = self.current.text(), self.new.text()
        for field in (self.current, self.new, self.repeat):
            field.clear()
        self.setEnabled(False)
        self.tasks.run(
            self.service.change_passphrase,
            old,
            new,
            progress=False,
            cancellable=False,
            label="change passphrase",
            on_done=lambda _v: self._done(),
            on_error=self._failed,
        )

    def _done(self) -> None:
        self.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.setEnabled(True)
        text, step = user_message(exc)
        self.message.setText(f"{text} {step}".strip())
        self.current.setFocus()


class VaultMenu(QObject):
    """Builds the Vault menu of ``window`` (a MainWindow) and runs its commands."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.service, self.tasks = window.service, window.tasks
        w = window

        def act(name: str, text: str, slot: Any) -> QAction:
            action = QAction(text, w)
            action.setObjectName(name)
            action.triggered.connect(slot)
            return action

        self.info_action = act("vaultInfo", self.tr("Vault &information"), self.show_info)
        self.check_action = act("vaultCheck", self.tr("Check &integrity"), self.check)
        self.backup_action = act("vaultBackup", self.tr("&Back up…"), self.choose_backup)
        self.restore_action = act(
            "vaultRestore", self.tr("&Restore from a backup…"), self.open_restore
        )
        self.passphrase_action = act(
            "vaultPassphrase", self.tr("Change &passphrase…"), self.open_change_passphrase
        )
        self.rotate_action = act("vaultRotate", self.tr("Rotate the &key…"), self.confirm_rotate)
        self.close_action = act("vaultClose", self.tr("&Close vault"), window.close_vault)
        self.admin = [
            self.info_action,
            self.check_action,
            self.backup_action,
            self.restore_action,
            self.passphrase_action,
            self.rotate_action,
            self.close_action,
        ]
        self.box: QMessageBox | None = None
        self.dialog: QDialog | None = None

    def populate(self, menu: QMenu) -> None:
        for action in self.admin[:2]:
            menu.addAction(action)
        menu.addSeparator()
        for action in self.admin[2:6]:
            menu.addAction(action)
        menu.addSeparator()

    def set_unlocked(self, unlocked: bool) -> None:
        for action in self.admin:
            action.setEnabled(unlocked)

    # ----------------------------------------------------------- helpers
    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 12000)

    def _box(self, icon: QMessageBox.Icon, title: str, text: str, info: str = "") -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("vaultAdminBox")
        box.setInformativeText(info)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.open()
        self.box = box
        return box

    def _vault_name(self) -> str:
        return _isolated(self.service.vault_path().name)

    # ------------------------------------------------------------ commands
    def show_info(self) -> None:
        self.tasks.run(
            self.service.vault_info, progress=False, label="vault info", on_done=self._info_ready
        )

    def _info_ready(self, info: dict[str, Any]) -> None:
        loc = QLocale()
        kdf = info["kdf"]
        rows = [
            (self.tr("Vault file"), _isolated(str(info["path"]))),
            (self.tr("Key header"), _isolated(str(info["header"]))),
            (self.tr("Created"), str(info["created_at"]).replace("T", " ")[:19]),
            (
                self.tr("Size"),
                self.tr("%1 bytes").replace("%1", loc.toString(int(info["file_bytes"]))),
            ),
            (self.tr("Encryption"), f"SQLCipher {info['cipher_version']}, AES-256 + HMAC-SHA512"),
            (
                self.tr("Key protection"),
                self.tr("Argon2id, %1 KiB, %2 passes")
                .replace("%1", loc.toString(int(kdf["memory_kib"])))
                .replace("%2", str(kdf["iterations"])),
            ),
            (
                self.tr("Remembered on this computer"),
                str(info["remembered_in"]) if info["remembered_in"] else self.tr("No"),
            ),
        ]
        counts = ", ".join(f"{k} {loc.toString(int(v))}" for k, v in info["counts"].items())
        rows.append((self.tr("Contents"), counts))
        html = (
            "<table>"
            + "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in rows)
            + "</table>"
        )
        note = ""
        if info.get("kdf_below_recommended"):
            note = self.tr(
                "The key protection is below the recommended cost: change the "
                "passphrase to upgrade it."
            )
        self._box(QMessageBox.Icon.Information, self.tr("Vault information"), html, note)

    def check(self) -> None:
        self._status(self.tr("Checking every page of the vault…"))
        self.tasks.run(
            self.service.check_vault, progress=False, label="check vault", on_done=self._checked
        )

    def _checked(self, report: Any) -> None:
        if report.ok:
            text = self.tr("Every page is authentic and the database structure is sound.")
            self._status(text)
            self._box(QMessageBox.Icon.Information, self.tr("Integrity check"), text)
            return
        text = self.tr(
            "%n problem(s) found. Restore the latest backup (Vault → Restore from a backup…).",
            "",
            len(report.problems),
        )
        self._box(
            QMessageBox.Icon.Warning,
            self.tr("Integrity check"),
            text,
            "\n".join(str(p) for p in report.problems[:20]),
        )

    def choose_backup(self) -> None:
        path = self.service.vault_path()
        default = path.with_name(f"{path.stem}-{date.today().isoformat()}.dsbackup")
        dlg = QFileDialog(self.window, self.tr("Back up the vault"), str(default), BACKUP_FILTER)
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dlg.setDefaultSuffix("dsbackup")
        dlg.fileSelected.connect(self.backup_to)
        dlg.open()
        self.dialog = dlg

    def backup_to(self, path: str) -> None:
        self._status(self.tr("Writing the encrypted backup…"))
        self.tasks.run(
            self.service.backup_vault,
            path,
            progress=False,
            cancellable=False,
            label="backup",
            on_done=self._backed_up,
        )

    def _backed_up(self, out: Path) -> None:
        text = self.tr(
            "Encrypted backup written to %1. It opens with the vault's passphrase of this moment."
        ).replace("%1", _isolated(str(out)))
        self._status(text)
        self._box(QMessageBox.Icon.Information, self.tr("Backup"), text)

    def open_restore(self) -> None:
        from ui.start.restore_dialog import RestoreDialog

        target = str(self.service.vault_path())
        dlg = RestoreDialog(self.service, self.tasks, target, self.window)
        dlg.restored.connect(self.window.reopened)
        dlg.open()
        self.dialog = dlg

    def open_change_passphrase(self) -> None:
        dlg = ChangePassphraseDialog(self.service, self.tasks, self.window)
        dlg.accepted.connect(
            lambda: self._status(
                self.tr("Passphrase changed. The old passphrase no longer opens this vault.")
            )
        )
        dlg.open()
        self.dialog = dlg

    def confirm_rotate(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Rotate the key"),
            self.tr(
                "Encrypt every page of %1 under a new random key? This takes a while for a large "
                "vault and is done in one step: it completes, or the vault stays as it was. "
                "Backups made before keep the old key."
            ).replace("%1", self._vault_name()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setObjectName("rotateConfirm")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        yes = QMessageBox.StandardButton.Yes
        box.buttonClicked.connect(lambda b: self.rotate() if box.standardButton(b) == yes else None)
        box.open()
        self.box = box

    def rotate(self) -> None:
        progress = QProgressDialog(
            self.tr("Re-encrypting every page…"), self.tr("Cancel"), 0, 1000, self.window
        )
        progress.setObjectName("rotateProgress")
        progress.setWindowTitle(self.tr("Rotate the key"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        task = self.tasks.run(
            self.service.rotate_key,
            label="rotate key",
            on_done=lambda _v: self._rotated(progress),
            on_error=lambda exc: self._rotate_failed(progress, exc),
        )
        if not task.done:
            progress.canceled.connect(task.cancel)
            task.progressed.connect(lambda done, total, _m: self._rotating(progress, done, total))
            progress.show()
        self.progress = progress

    def _rotating(self, progress: QProgressDialog, done: float, total: float) -> None:
        if total:
            progress.setValue(int(1000 * done / total))
        if done >= 1 and not progress.wasCanceled():
            # the re-encryption is one transaction: it completes or leaves the vault as it was
            progress.setCancelButton(None)  # type: ignore[arg-type]  # Qt: None removes it
            progress.setLabelText(
                self.tr(
                    "Re-encrypting every page (one step: it completes, or "
                    "the vault stays as it was)…"
                )
            )

    def _rotated(self, progress: QProgressDialog) -> None:
        progress.close()
        text = self.tr("Data key rotated: every page is now encrypted under a new key.")
        self._status(text)
        self._box(QMessageBox.Icon.Information, self.tr("Rotate the key"), text)

    def _rotate_failed(self, progress: QProgressDialog, exc: BaseException) -> None:
        progress.close()
        if isinstance(exc, E.Cancelled):
            self._status(self.tr("Key rotation cancelled; the vault keeps its key."))
            return
        self.box = show_error(self.window, exc, self.tr("Rotate the key"))
