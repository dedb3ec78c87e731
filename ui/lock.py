"""Auto-lock after idle time, and the steps of locking (close dialogs, clear clipboard)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from ui import clipboard

#: user input that counts as activity
_ACTIVITY = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.Shortcut,
}


def _is_lock_key(event: QEvent) -> bool:
    return (
        isinstance(event, QKeyEvent)
        and event.key() == Qt.Key.Key_L
        and event.modifiers() == Qt.KeyboardModifier.ControlModifier
    )


def _is_help_key(event: QEvent) -> bool:
    return isinstance(event, QKeyEvent) and event.matches(QKeySequence.StandardKey.HelpContents)


class IdleLock(QObject):
    """App-wide event filter: any user input restarts the timer; on timeout emits ``idle``.

    It also emits ``lock_key`` for Ctrl+L and ``help_key`` (with the dialog) for F1 pressed
    while a modal dialog is open: Qt does not deliver a main-window shortcut to a window a modal
    dialog blocks (issue 21, finding 1; F1 in dialogs: issue 21's help)."""

    idle = Signal()
    lock_key = Signal()
    help_key = Signal(QWidget)

    def __init__(self, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: float) -> None:
        self._timer.setInterval(max(1, int(minutes * 60_000)))
        if self._timer.isActive():
            self._timer.start()

    def interval_ms(self) -> int:
        return self._timer.interval()

    def arm(self) -> None:
        self._timer.start()

    def disarm(self) -> None:
        self._timer.stop()

    @property
    def armed(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _ACTIVITY and self._timer.isActive():
            self._timer.start()
        if (
            kind == QEvent.Type.KeyPress
            and _is_lock_key(event)
            and QApplication.activeModalWidget() is not None
        ):
            self.lock_key.emit()
            return True
        if kind == QEvent.Type.KeyPress and _is_help_key(event):
            modal = QApplication.activeModalWidget()
            if modal is not None:
                self.help_key.emit(modal)
                return True
        return False


def close_dialogs() -> int:
    """Reject every open modal or top-level dialog (file pickers, wizards, message boxes)."""
    app = QApplication.instance()
    closed = 0
    if app is None:
        return 0
    for _ in range(20):  # nested modals: close from the innermost out
        modal = QApplication.activeModalWidget()
        if modal is None:
            break
        _close(modal)
        closed += 1
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QDialog) and w.isVisible():
            _close(w)
            closed += 1
    return closed


def _close(w: QWidget) -> None:
    if isinstance(w, QDialog):
        w.reject()
    w.close()


def clear_clipboard() -> bool:
    return clipboard.clear_ours()
