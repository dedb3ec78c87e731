"""Copy to the clipboard through one helper so that locking can clear what the app put there."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

_ours: list[str] = []


def copy_text(text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    _ours.append(text)


def clear_ours() -> bool:
    """Empty the clipboard if it still holds something the app copied. True when cleared."""
    cb = QGuiApplication.clipboard()
    cleared = False
    if (_ours and cb.text() in _ours) or cb.ownsClipboard():
        cb.clear()
        cleared = True
    _ours.clear()
    return cleared
