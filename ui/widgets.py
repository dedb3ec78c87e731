"""Small reusable widgets: a progress panel bound to a task, a heading label, checkable lists."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
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


class RefitOnResize(QObject):
    """Calls :meth:`fit` each time ``view``'s pane is resized (a subclass says how it fits;
    ``ui.table_fit`` and :func:`fit_every_row` connect it to model resets as well)."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        raise NotImplementedError


class _EveryRowFitter(RefitOnResize):
    """Refits :func:`fit_every_row`'s view after each reset of its model and resize of its
    pane."""

    def fit(self) -> None:
        view, model = self.view, self.view.model()
        if model is None or model.columnCount() == 0:
            return
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        cells, heads = view.fontMetrics(), header.fontMetrics()
        # the cell's and the header's margins (and the header's sort arrow room)
        pad = 2 * view.style().pixelMetric(view.style().PixelMetric.PM_FocusFrameHMargin) + 12
        last, rows = model.columnCount() - 1, model.rowCount()
        used = 0
        for c in range(last + 1):
            texts = {str(model.data(model.index(r, c)) or "") for r in range(rows)}
            head = str(model.headerData(c, Qt.Orientation.Horizontal) or "")
            width = pad + max(
                [cells.horizontalAdvance(t) for t in texts] + [heads.horizontalAdvance(head)]
            )
            if c == last:  # the room left: wider when it has more, its cells wrap when less
                width = max(view.viewport().width() - used, min(width, MIN_LAST))
            header.setSectionResizeMode(c, header.ResizeMode.Interactive)
            view.setColumnWidth(c, width)
            used += width
        # a last cell wider than its column wraps onto the lines it needs, its row as high
        room = view.columnWidth(last) - pad
        line = view.verticalHeader().defaultSectionSize()
        heights: dict[str, int] = {}
        for r in range(rows):
            text = str(model.data(model.index(r, last)) or "")
            if text not in heights:
                box = cells.boundingRect(0, 0, room, 10_000, Qt.TextFlag.TextWordWrap, text)
                heights[text] = max(line, box.height() + line - cells.height())
            if view.rowHeight(r) != heights[text]:
                view.setRowHeight(r, heights[text])


#: the narrowest the last column of :func:`fit_every_row` gets before its cells wrap (pixels)
MIN_LAST = 160


def fit_every_row(view) -> None:
    """Size ``view``'s columns to the widest cell of every row after each reset of its model
    and resize of its pane; the last column takes the room left, and when that is less than
    its widest cell its long cells wrap: :func:`compact` measures the first rows only, so a
    longer cell further down was cut ("Not applicable" → "Not a…" at row 558 of the solutions
    table, "Homogeneous cells" → "Homogen…"), and a last column that stretched was cut at the
    pane's edge. Text widths are measured once per distinct text, not through each cell's
    size hint, so a thousand rows stay quick."""
    view.setWordWrap(True)  # only the last column's cells can be wider than their column
    fitter = _EveryRowFitter(view)
    model = view.model()
    if model is not None:
        model.modelReset.connect(fitter.fit)
    fitter.fit()


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
