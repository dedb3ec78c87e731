"""What every workspace page shares: the façade, the task runner, activate/clear."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.tasks import TaskManager
from workbench.service import Workbench


class Page(QWidget):
    """A workspace page. ``activate`` loads what it shows (off the GUI thread); ``clear`` drops
    every value it holds (called on lock)."""

    def __init__(self, service: Workbench, tasks: TaskManager, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.tasks = tasks

    def title(self) -> str:
        raise NotImplementedError

    def activate(self) -> None:
        """Called when the page becomes visible."""

    def clear(self) -> None:
        """Drop every data value this page holds (models reset)."""
