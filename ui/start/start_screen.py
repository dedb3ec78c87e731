"""The start screen: open a recent vault, unlock it, or create a new one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.error_dialog import user_message
from ui.passphrase_meter import PassphraseMeter
from ui.tasks import TaskManager
from workbench import errors as E
from workbench.paths import default_vault_dir
from workbench.service import Workbench

VAULT_FILTER = "Workbench vault (*.dsvault);;All files (*)"


class StartScreen(QWidget):
    unlocked = Signal()

    def __init__(self, service: Workbench, tasks: TaskManager, parent: QWidget | None = None):
        super().__init__(parent)
        self.service, self.tasks = service, tasks
        self.setObjectName("startScreen")
        title = QLabel(self.tr("Durable Solutions Workbench"))
        title.setObjectName("startTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "Your survey data stays in an encrypted vault on this computer. "
                "Open a vault to continue, or create a new one."
            )
        )
        intro.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._open_tab(), self.tr("Open a vault"))
        self.tabs.addTab(self._create_tab(), self.tr("Create a new vault"))
        self.message = QLabel()
        self.message.setObjectName("startMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.restore_button = QPushButton(self.tr("Restore from a backup…"))
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(self.open_restore)
        self.restore_button.hide()
        column = QVBoxLayout()
        column.addWidget(title)
        column.addWidget(intro)
        column.addSpacing(12)
        column.addWidget(self.tabs)
        column.addWidget(self.message)
        column.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        box = QWidget()
        box.setLayout(column)
        box.setMaximumWidth(720)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 4)
        outer.addStretch(1)
        self.reset()

    # ------------------------------------------------------------ open tab
    def _open_tab(self) -> QWidget:
        w = QWidget()
        self.recent = QListWidget()
        self.recent.setObjectName("recentVaults")
        self.recent.setAccessibleName(self.tr("Recent vaults"))
        self.recent.setMaximumHeight(140)
        self.recent.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # paths, also in Arabic
        self.recent.currentTextChanged.connect(self._recent_chosen)
        self.open_path = QLineEdit()
        self.open_path.setObjectName("openPath")
        self.open_path.setPlaceholderText(self.tr("Path of the vault file"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse_open)
        path_row = QHBoxLayout()
        path_row.addWidget(self.open_path, 1)
        path_row.addWidget(browse)
        self.open_pass = QLineEdit()
        self.open_pass.setObjectName("openPassphrase")
        self.open_pass.setEchoMode(QLineEdit.EchoMode.Password)
        self.open_pass.returnPressed.connect(self.unlock)
        self.recent.itemActivated.connect(lambda _i: self.open_pass.setFocus())
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        self.remembered_button = QPushButton(self.tr("Unlock with the key remembered here"))
        self.remembered_button.setObjectName("unlockRemembered")
        self.remembered_button.clicked.connect(self.unlock_remembered)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.remembered_button)
        buttons.addWidget(self.unlock_button)
        form = QFormLayout(w)
        form.addRow(self.tr("Recent vaults:"), self.recent)
        form.addRow(self.tr("Vault file:"), path_row)
        form.addRow(self.tr("Passphrase:"), self.open_pass)
        form.addRow(buttons)
        return w

    # ---------------------------------------------------------- create tab
    def _create_tab(self) -> QWidget:
        w = QWidget()
        self.new_path = QLineEdit()
        self.new_path.setObjectName("newPath")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse_new)
        row = QHBoxLayout()
        row.addWidget(self.new_path, 1)
        row.addWidget(browse)
        self.new_pass = QLineEdit()
        self.new_pass.setObjectName("newPassphrase")
        self.new_pass.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_pass2 = QLineEdit()
        self.new_pass2.setObjectName("newPassphrase2")
        self.new_pass2.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength = PassphraseMeter()
        self.meter, self.meter_label = self.strength.meter, self.strength.label
        self.remember = QCheckBox(self.tr("Remember on this computer"))
        self.remember.setObjectName("rememberCheck")
        self.remember_note = QLabel(
            self.tr(
                "The vault key is kept in this computer's password store, so this user account "
                "can open the vault without typing the passphrase. Anyone who can log in as you "
                "can then open it. Do not use it on a shared computer."
            )
        )
        self.remember_note.setWordWrap(True)
        self.remember_note.setObjectName("rememberNote")
        self.create_button = QPushButton(self.tr("Create vault"))
        self.create_button.setObjectName("createButton")
        self.create_button.clicked.connect(self.create_vault)
        for field in (self.new_path, self.new_pass, self.new_pass2):
            field.textChanged.connect(self._update_create)
        self.new_pass2.returnPressed.connect(self.create_vault)
        form = QFormLayout(w)
        form.addRow(self.tr("New vault file:"), row)
        form.addRow(self.tr("Passphrase:"), self.new_pass)
        form.addRow("", self.strength)
        form.addRow(self.tr("Repeat passphrase:"), self.new_pass2)
        form.addRow("", self.remember)
        form.addRow("", self.remember_note)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        form.addRow(buttons)
        return w

    # --------------------------------------------------------------- state
    def reset(self, locked: bool = False) -> None:
        """Fresh state: recent vaults listed, passphrases empty, no message."""
        for field in (self.open_pass, self.new_pass, self.new_pass2):
            field.clear()
        self.recent.clear()
        recent = list(self.service.settings.recent_vaults)
        self.recent.addItems(recent)
        if recent:
            self.recent.setCurrentRow(0)
            self.tabs.setCurrentIndex(0)
        else:
            self.tabs.setCurrentIndex(1)
        self.remember.setChecked(False)
        self._keyring(getattr(self, "keyring_ok", False))
        # probing the OS keyring imports the vault stack: off the GUI thread, once the screen
        # is painted (the import would take the GIL from the thread drawing it)
        QTimer.singleShot(150, self._probe_keyring)
        if not self.new_path.text():
            self.new_path.setText(str(default_vault_dir() / "survey.dsvault"))
        self._update_create()
        self._set_busy(False)
        self.restore_button.hide()
        if locked:
            self.show_message(self.tr("The vault was locked. Type the passphrase to continue."))
        else:
            self.message.hide()
        (self.open_pass if recent else self.new_pass).setFocus()

    def _probe_keyring(self) -> None:
        self.tasks.run(
            self.service.keyring_status,
            progress=False,
            cancellable=False,
            label="keyring",
            on_done=lambda st: self._keyring(bool(st.get("available"))),
            on_error=lambda _e: self._keyring(False),
        )

    def _keyring(self, available: bool) -> None:
        """Offer "remember on this computer" only where an OS keyring can hold the key."""
        self.keyring_ok = available
        self.remember.setVisible(available)
        self.remember_note.setVisible(available)
        self.remembered_button.setVisible(available)

    def show_message(self, text: str, step: str = "", error: bool = False) -> None:
        self.message.setText(text + (f"\n{step}" if step else ""))
        self.message.setProperty("error", error)
        self.message.setStyleSheet("color: #b00020;" if error else "")
        self.message.show()

    def _set_busy(self, busy: bool) -> None:
        self.tabs.setEnabled(not busy)
        if busy:
            self.show_message(self.tr("Opening the vault…"))

    def _recent_chosen(self, text: str) -> None:
        if text:
            self.open_path.setText(text)

    def _update_create(self) -> None:
        ok = self.strength.update_for(self.new_pass.text(), self.new_pass2.text())
        self.create_button.setEnabled(bool(self.new_path.text().strip()) and ok)

    # ------------------------------------------------------------- actions
    def _browse_open(self) -> None:
        dlg = QFileDialog(self, self.tr("Open a vault"), str(default_vault_dir()), VAULT_FILTER)
        dlg.setFileMode(QFileDialog.FileMode.ExistingFile)
        dlg.fileSelected.connect(self.open_path.setText)
        dlg.open()

    def _browse_new(self) -> None:
        dlg = QFileDialog(self, self.tr("New vault file"), self.new_path.text(), VAULT_FILTER)
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dlg.setDefaultSuffix("dsvault")
        dlg.fileSelected.connect(self.new_path.setText)
        dlg.open()

    def unlock(self) -> None:
        path = self.open_path.text().strip()
        if not path:
            self.show_message(self.tr("Choose a vault file first."), error=True)
            return
        if not Path(path).exists():
            self.show_message(
                self.tr("There is no file at this place."),
                self.tr("Check the path, or create a new vault."),
                error=True,
            )
            return
        secret = self.open_pass.text()
        self.open_pass.clear()
        self._open_with(self.service.open_vault, path, secret, label="open vault")

    def unlock_remembered(self) -> None:
        path = self.open_path.text().strip()
        if not path:
            self.show_message(self.tr("Choose a vault file first."), error=True)
            return
        self._open_with(self.service.open_remembered, path, label="open vault")

    def create_vault(self) -> None:
        if not self.create_button.isEnabled():
            return
        path = Path(self.new_path.text().strip())
        if path.exists():
            self.show_message(
                self.tr("A file with this name already exists."),
                self.tr("Choose another name; an existing vault is never overwritten."),
                error=True,
            )
            return
        secret = self.new_pass.text()
        remember = self.remember.isChecked() and self.keyring_ok
        self.new_pass.clear()
        self.new_pass2.clear()
        self._open_with(self._create_vault, path, secret, remember, label="create vault")

    def _open_with(self, fn: Callable[..., Any], *args: Any, label: str) -> None:
        """Run ``fn(*args)`` off the GUI thread with the screen busy; it opens the workspace on
        success and shows the error on failure (no progress bar, not cancellable)."""
        self._set_busy(True)
        self.tasks.run(
            fn,
            *args,
            progress=False,
            cancellable=False,
            on_done=self._opened,
            on_error=self._failed,
            label=label,
        )

    def _create_vault(self, path: Path, secret: str, remember: bool) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.service.create_vault(path, secret)
        if remember:
            self.service.remember_key()

    def _opened(self, _value: object) -> None:
        self._set_busy(False)
        self.message.hide()
        self.unlocked.emit()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        text, step = user_message(exc)
        if isinstance(exc, E.WrongPassphrase):
            self.tabs.setCurrentIndex(0)
            self.open_pass.setFocus()
        damaged = isinstance(exc, E.DamagedVault)
        if damaged:
            step = self.tr(
                "Restore the latest backup of this vault with the button below (or ask your "
                "administrator). The damaged file is replaced only after the backup is verified."
            )
        self.show_message(text, step, error=True)
        self.restore_button.setVisible(damaged)

    def open_restore(self) -> None:
        from ui.start.restore_dialog import RestoreDialog

        dlg = RestoreDialog(self.service, self.tasks, self.open_path.text().strip(), self)
        dlg.restored.connect(lambda: self._opened(None))
        dlg.open()
        self.restore_dialog = dlg
