"""The analysis page's progress view: change since the baseline for a rounds analysis.

A round selector (each round's own results open in the analysis page's other tabs), the counts
of gaps closing / widening per displaced group, the table of changes in the gaps by group
(cells coloured by the engine's assessment: closing green, widening red) and the slope chart
of each criterion — the same words and numbers as the report's "Progress since the baseline"
(``Workbench.rounds_progress``). For a one-round run it says how to get there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.models.results_models import StringTableModel
from ui.widgets import ImageLabel, heading

#: closing green, widening red; a small change or a stable gap a quiet grey-blue
COLOURS = {"closing": "#d7eed9", "widening": "#f6d5d1", "small_change": "#eceff3",
           "stable": "#e3edf7"}  # fmt: skip
Index = QModelIndex | QPersistentModelIndex


class GapTableModel(StringTableModel):
    """Changes in the gaps; each cell's background says the assessment the engine made."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.marks: list[list[str]] = []

    def set_gaps(self, header: list[str], rows: list[list[str]], marks: list[list[str]]) -> None:
        self.marks = marks
        self.set_table(header, rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.BackgroundRole:
            row = self.marks[index.row()] if index.row() < len(self.marks) else []
            mark = row[index.column()] if index.column() < len(row) else ""
            return QColor(COLOURS[mark]) if mark in COLOURS else None
        return super().data(index, role)


def _bounded(label: QLabel, lines: int) -> QScrollArea:
    """A long text in at most ``lines`` lines of height, scrolling beyond: the table of
    changes keeps its rows whatever the language's length."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(label)
    area.setMaximumHeight(label.fontMetrics().lineSpacing() * lines + 6)
    return area


class ProgressView(QWidget):
    def __init__(self, service, tasks, on_round: Callable[[int], None], parent=None) -> None:
        super().__init__(parent)
        self.service, self.tasks, self.on_round = service, tasks, on_round
        self.data: Any = None
        self.rounds_run: int | None = None
        self.current: int | None = None
        self.title = heading(self.tr("Progress since the baseline"))
        self.round_combo = QComboBox()
        self.round_combo.setObjectName("roundCombo")
        self.round_combo.setToolTip(self.tr("Open this round's own results in the other tabs."))
        self.round_combo.activated.connect(self._round_chosen)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(QLabel(self.tr("Round:")))
        top.addWidget(self.round_combo)
        self.intro = QLabel()
        self.intro.setObjectName("progressIntro")
        self.intro.setWordWrap(True)
        self.counts = QLabel()
        self.counts.setObjectName("progressCounts")
        self.counts.setWordWrap(True)
        self.model = GapTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("progressTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.criterion = QComboBox()
        self.criterion.setObjectName("progressCriterion")
        self.criterion.currentIndexChanged.connect(self._show_chart)
        self.chart = ImageLabel()
        self.chart.setObjectName("progressChart")
        chart_box = QWidget()
        clay = QVBoxLayout(chart_box)
        clay.setContentsMargins(0, 0, 0, 0)
        clay.addWidget(self.criterion)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        clay.addWidget(scroll, 1)
        table_box = QWidget()
        tlay = QVBoxLayout(table_box)
        tlay.setContentsMargins(0, 0, 0, 0)
        tlay.addWidget(self.table, 1)
        tlay.addWidget(_bounded(self.note, 4))
        self.views = QTabWidget()
        self.views.setObjectName("progressTabs")
        self.views.addTab(table_box, self.tr("Changes in the gaps"))
        self.views.addTab(chart_box, self.tr("Slope charts"))
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(_bounded(self.intro, 3))
        lay.addWidget(_bounded(self.counts, 4))
        lay.addWidget(self.views, 1)
        self.show_single()

    # ------------------------------------------------------------------ load
    def load(self, run_id: int | None, language: str) -> None:
        """Show the rounds analysis ``run_id`` belongs to (in the background)."""
        if run_id is None:
            self.show_single()
            return
        self.current = run_id
        if self.data is not None and any(rid == run_id for *_x, rid in self.data.rounds):
            self._select_current()  # another round of the analysis shown: nothing to fetch
            return

        def fetch() -> Any:
            last = self.service.rounds_of_run(run_id)
            return None if last is None else (last, self.service.rounds_progress(last, language))

        self.tasks.run(fetch, progress=False, on_done=self._loaded, label="progress")

    def _loaded(self, value: Any) -> None:
        if value is None:
            self.show_single()
            return
        self.rounds_run, self.data = value
        d = self.data
        self.setEnabled(True)
        self.title.setText(d.title)
        self.intro.setText(d.intro)
        self.counts.setText("\n".join(d.counts))
        self.model.set_gaps(d.header, d.rows, d.assessments)
        self.note.setText("\n".join(x for x in (" ".join(d.rule), d.note, d.not_compared) if x))
        self.round_combo.blockSignals(True)
        self.round_combo.clear()
        for label, date, rid in d.rounds:
            self.round_combo.addItem(f"{label} ({date})" if date else label, rid)
        self.round_combo.blockSignals(False)
        self._select_current()
        self.criterion.blockSignals(True)
        self.criterion.clear()
        for title, _png in d.charts:
            self.criterion.addItem(title)
        self.criterion.blockSignals(False)
        self._show_chart(0)

    def _select_current(self) -> None:
        i = self.round_combo.findData(self.current)
        self.round_combo.blockSignals(True)
        self.round_combo.setCurrentIndex(i if i >= 0 else self.round_combo.count() - 1)
        self.round_combo.blockSignals(False)

    def show_single(self) -> None:
        self.data, self.rounds_run = None, None
        self.round_combo.clear()
        self.criterion.clear()
        self.model.set_gaps([], [], [])
        self.chart.clear()
        self.counts.setText("")
        self.note.setText("")
        self.intro.setText(
            self.tr(
                "These results are one survey round. To see progress over time, analyse a plan "
                "with rounds (a baseline and follow-ups, [rounds] in the plan)."
            )
        )

    # --------------------------------------------------------------- actions
    def _round_chosen(self, index: int) -> None:
        rid = self.round_combo.itemData(index)
        if rid is not None:
            self.on_round(int(rid))

    def select_round(self, index: int) -> None:
        """Choose a round as the user would (tests)."""
        self.round_combo.setCurrentIndex(index)
        self._round_chosen(index)

    def _show_chart(self, index: int) -> None:
        if self.data is None or not (0 <= index < len(self.data.charts)):
            self.chart.clear()
            return
        pix = QPixmap()
        if pix.loadFromData(self.data.charts[index][1]):
            self.chart.set_image(pix)
