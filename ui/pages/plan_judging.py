"""How the selected indicator's gaps are judged in this plan: its minimum important difference
(the library's, or the plan's own) and whether it is compared with the comparator at all. Apply
pushes one undoable ``SetIndicator``; the engine decides with these (docs/plans.md)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QWidget,
)


class JudgingEditor(QWidget):
    def __init__(self, on_apply: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.share = True  # proportions are edited in percentage points
        self.own = QCheckBox(self.tr("Own minimum important difference:"))
        self.own.setObjectName("ownMargin")
        self.margin = QDoubleSpinBox()
        self.margin.setObjectName("marginSpin")
        self.margin.setRange(0.0, 1e9)
        self.margin.setDecimals(2)
        self.margin.setToolTip(
            self.tr(
                "Worse or better only when the gap is significant and at least this large; "
                "0: any significant gap counts."
            )
        )
        self.own.toggled.connect(self.margin.setEnabled)
        self.library_margin = QLabel()
        self.library_margin.setObjectName("libraryMargin")
        self.compare = QComboBox()
        self.compare.setObjectName("compareChoice")
        self.compare.addItem(self.tr("As the library says"), None)
        self.compare.addItem(self.tr("Compare with the comparator"), True)
        self.compare.addItem(self.tr("Describe only (not compared)"), False)
        self.button = QPushButton(self.tr("Apply judging"))
        self.button.setObjectName("applyJudging")
        self.button.clicked.connect(on_apply)
        lay = QGridLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.own, 0, 0)
        lay.addWidget(self.margin, 0, 1)
        lay.addWidget(self.library_margin, 0, 2)
        lay.addWidget(QLabel(self.tr("Comparison:")), 1, 0)
        lay.addWidget(self.compare, 1, 1, 1, 2)
        lay.addWidget(self.button, 1, 3)
        lay.setColumnStretch(2, 1)
        self.show_for(None, None, True, "proportion")

    def _shown(self, value: float) -> float:
        return 100.0 * value if self.share else value

    def show_for(
        self,
        use: object | None,
        library_margin: float | None,
        library_comparable: bool,
        statistic: str,
    ) -> None:
        """The plan entry ``use`` (None: not in the plan) and what the library says."""
        self.share = statistic == "proportion"
        unit = " " + self.tr("points") if self.share else ""
        self.margin.setSuffix(unit)
        if library_margin:
            lib = f"{self._shown(library_margin):g}{unit}"
        else:
            lib = self.tr("none")
        compared = self.tr("compared") if library_comparable else self.tr("not compared")
        self.library_margin.setText(
            self.tr("Library: %1, %2").replace("%1", lib).replace("%2", compared)
        )
        own = getattr(use, "min_important_difference", None)
        self.own.setChecked(own is not None)
        self.margin.setValue(self._shown(own if own is not None else (library_margin or 0.0)))
        self.margin.setEnabled(own is not None)
        comparable = getattr(use, "comparable", None)
        self.compare.setCurrentIndex(max(self.compare.findData(comparable), 0))
        for w in (self.own, self.compare, self.button):
            w.setEnabled(use is not None)

    def choice(self) -> tuple[float | None, bool | None]:
        """(the plan's margin or None for the library's, comparable or None for the library's)"""
        margin = None
        if self.own.isChecked():
            value = self.margin.value()
            margin = round(value / 100.0, 6) if self.share else value
        return margin, self.compare.currentData()
