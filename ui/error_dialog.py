"""The one error dialog: a one-line message, the next step, and copyable details (never data)."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.i18n import current_language
from workbench import errors as E

log = logging.getLogger("workbench.ui")


def user_message(exc: BaseException) -> tuple[str, str]:
    """(one-line message, next step) for a user — translated where the error type is known."""
    if isinstance(exc, E.WrongPassphrase):
        return QCoreApplication.translate(
            "ErrorDialog", "The passphrase is not correct."
        ), QCoreApplication.translate(
            "ErrorDialog", "Check the keyboard layout and Caps Lock, then try again."
        )
    if isinstance(exc, E.NotAVault):
        return QCoreApplication.translate(
            "ErrorDialog", "This file is not a Workbench vault."
        ), QCoreApplication.translate(
            "ErrorDialog", "Choose the .dsvault file you created, or create a new vault."
        )
    if isinstance(exc, E.DamagedVault):
        return QCoreApplication.translate(
            "ErrorDialog", "The vault file is damaged and cannot be opened safely."
        ), QCoreApplication.translate(
            "ErrorDialog",
            "Restore the latest backup with “Restore from a backup…” on the start screen "
            "(or run: workbench vault restore).",
        )
    if isinstance(exc, E.VaultLocked):
        return QCoreApplication.translate(
            "ErrorDialog", "The vault is locked."
        ), QCoreApplication.translate("ErrorDialog", "Unlock it again to continue.")
    if isinstance(exc, E.KeyringUnavailable):
        return QCoreApplication.translate(
            "ErrorDialog", "This computer does not remember a key for this vault."
        ), QCoreApplication.translate("ErrorDialog", "Type the passphrase instead.")
    if isinstance(exc, E.Cancelled):
        return QCoreApplication.translate("ErrorDialog", "Cancelled; nothing was changed."), ""
    if isinstance(exc, E.WorkbenchError):
        language = current_language()
        return exc.render(language, with_hint=False), exc.render_hint(language)
    if isinstance(exc, OSError):
        return QCoreApplication.translate(
            "ErrorDialog", "The file could not be read or written."
        ), QCoreApplication.translate(
            "ErrorDialog", "Check that the folder exists and that you may write to it."
        )
    return QCoreApplication.translate(
        "ErrorDialog", "Something unexpected went wrong."
    ), QCoreApplication.translate(
        "ErrorDialog",
        "Nothing was changed. Copy the details and send them to your support contact.",
    )


def details(exc: BaseException) -> str:
    """Technical details safe to copy: error type, code and code locations — no data values."""
    lines = [f"{type(exc).__module__}.{type(exc).__qualname__}"]
    code = getattr(exc, "code", None)
    if isinstance(exc, E.WorkbenchError):
        lines.append(f"code: {code}")
        lines.append(f"message: {exc.message}")
    for frame in traceback.extract_tb(exc.__traceback__):
        lines.append(f"  at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno} in {frame.name}")
    return "\n".join(lines)


def show_error(parent: QWidget | None, exc: BaseException, title: str = "") -> QMessageBox:
    """Show the error (non-blocking, window-modal) and return the box (tests inspect it)."""
    log.info("error shown: %s", type(exc).__name__)
    message, step = user_message(exc)
    box = QMessageBox(parent)
    box.setObjectName("errorDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(
        title or QCoreApplication.translate("ErrorDialog", "Durable Solutions Workbench")
    )
    box.setText(message)
    box.setInformativeText(step)
    box.setDetailedText(details(exc))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setWindowModality(Qt.WindowModality.ApplicationModal)
    box.open()
    return box
