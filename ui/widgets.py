"""Small reusable widgets: a progress panel bound to a task, a heading label, checkable lists."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QWidget,
)

from ui.tasks import Task

#: rows a column sized to its contents looks at (Qt's default, 1000, made a page with a few
#: hundred findings take 0.3 s to show again: every row's every cell was measured each time)
CONTENTS_ROWS = 100


def compact(view) -> None:
    """One line per row: no word wrap, rows as high as the text (faster with many rows too);
    columns sized to their contents measure the first rows only."""
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setResizeContentsPrecision(CONTENTS_ROWS)


def checkable_item(text: str, data: Any, on: bool) -> QListWidgetItem:
    """A list item with a check box, carrying ``data`` (read back by :func:`checked_items`)."""
    item = QListWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, data)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
    return item


def checked_items(box: QListWidget) -> list[Any]:
    """The data of the checked items of a list, in list order."""
    return [
        box.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(box.count())
        if box.item(i).checkState() == Qt.CheckState.Checked
    ]


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.35)
    font.setBold(True)
    label.setFont(font)
    return label


class ProgressPanel(QWidget):
    """Message + progress bar + Cancel for one running task; hidden when idle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMinimumWidth(200)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelTask")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.bar)
        lay.addWidget(self.cancel_button)
        self._task: Task | None = None
        self.cancel_button.clicked.connect(self.cancel)
        self.hide()

    def track(self, task: Task, text: str) -> None:
        self._task = task
        self.label.setText(text)
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(task.cancellable)
        task.progressed.connect(self._progress)
        task.finished.connect(self._finished)
        if not task.done:
            self.show()

    def cancel(self) -> None:
        if self._task is not None and not self._task.done:
            self._task.cancel()
            self.label.setText(self.tr("Cancelling…"))
            self.cancel_button.setEnabled(False)

    def _progress(self, done: float, total: float, message: str) -> None:
        if total > 0:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(1000 * min(done / total, 1.0)))
        if message:
            self.label.setText(message)

    def _finished(self) -> None:
        self._task = None
        self.hide()


class ImageLabel(QLabel):
    """Shows an image scaled down to the label's width (never up, never cropped)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QSizePolicy

        self._pixmap = None
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(40)

    def set_image(self, pixmap) -> None:
        self._pixmap = pixmap
        self._fit()

    def clear(self) -> None:
        self._pixmap = None
        super().clear()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self._pixmap is None or self._pixmap.isNull():
            return
        from PySide6.QtCore import Qt

        width = max(50, min(self._pixmap.width(), self.width()))
        scaled = self._pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        self.setPixmap(scaled)
        self.setFixedHeight(scaled.height())
