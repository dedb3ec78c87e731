"""QUndoCommand over the core's pure plan commands (Orange's command-tuple idea)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand


class PlanEdit(QUndoCommand):
    """Holds a core command; redo applies it, undo applies the inverse it returned."""

    def __init__(self, cmd: Any, get: Callable[[], Any], put: Callable[[Any], None]) -> None:
        super().__init__(cmd.label)
        self.cmd, self.get, self.put = cmd, get, put
        self.inverse: Any = None

    def redo(self) -> None:
        plan, self.inverse = self.cmd.apply(self.get())
        self.put(plan)

    def undo(self) -> None:
        plan, self.cmd = self.inverse.apply(self.get())
        self.put(plan)
