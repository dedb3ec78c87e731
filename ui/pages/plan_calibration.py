"""Calibration to population totals on the plan's design page (``[design.calibration]``).

The method (none, post-stratification, raking, calibration with its distance and bounds), whose
weights, the iterations' limit and convergence tolerance (R's ``maxit`` and ``epsilon``; empty:
R's default), optional trimming, and the totals: imported from a margins file (``variable,level,
total``) and listed cell by cell. A tolerance that is not a positive number, or limits whose
lower is not below the upper, are said under the form and "Apply" is off until they are mended.
"Apply calibration" emits a ``SetDesign`` command, so it is undoable and saved with the plan;
the plan checks (levels without totals, empty cells, non-convergence, margins that do not add
up) then appear in the page's findings.
"""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.errors import WorkbenchError
from workbench.stats.calibration_spec import CalibrationSpec

MAX_ITERATIONS = 10_000  # the editor's upper limit (the plan file takes any positive count)


def _spin(value: float, top: float = 1e9, decimals: int = 3) -> QDoubleSpinBox:
    s = QDoubleSpinBox()
    s.setDecimals(decimals)
    s.setRange(0.0, top)
    s.setValue(value)
    return s


class CalibrationEditor(QGroupBox):
    """Emits ``SetDesign`` commands through ``command``; shows the plan's calibration."""

    command = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Calibration to population totals"), parent)
        self.setObjectName("calibrationEditor")
        self.plan: Any = None
        self.margins: tuple[Any, ...] = ()
        self.numeric: tuple[tuple[str, float], ...] = ()
        self.source = "plan"
        self.error_box: Any = None
        self.method = QComboBox()
        self.method.setObjectName("calibrationMethod")
        for code, text in (
            (None, self.tr("No calibration (design weights)")),
            ("poststratify", self.tr("Post-stratification (one margin)")),
            ("rake", self.tr("Raking (iterative proportional fitting)")),
            ("calibrate", self.tr("Calibration (GREG or bounded)")),
        ):
            self.method.addItem(text, code)
        self.unit = QComboBox()
        self.unit.setObjectName("calibrationUnit")
        self.unit.addItem(self.tr("Households"), "household")
        self.unit.addItem(self.tr("Individuals"), "individual")
        self.calfun = QComboBox()
        self.calfun.setObjectName("calibrationDistance")
        for code, text in (
            ("linear", self.tr("Linear (GREG)")),
            ("raking", self.tr("Raking (exponential)")),
            ("logit", self.tr("Logit (needs bounds)")),
        ):
            self.calfun.addItem(text, code)
        self.bounded = QCheckBox(self.tr("Bound the weight ratios"))
        self.bounded.setObjectName("calibrationBounded")
        self.bounded.setToolTip(
            self.tr("Keep every calibrated weight between these multiples of its design weight.")
        )
        self.low, self.high = _spin(0.5, 1.0), _spin(2.0, 1e6)
        self.trimmed = QCheckBox(self.tr("Trim the calibrated weights"))
        self.trimmed.setObjectName("calibrationTrimmed")
        self.trim_low, self.trim_high = _spin(1.0, decimals=2), _spin(1000.0, decimals=2)
        self.strict = QCheckBox(self.tr("Repeat until no weight is outside"))
        self.max_iterations = QSpinBox()
        self.max_iterations.setObjectName("calibrationMaxIterations")
        self.max_iterations.setRange(1, MAX_ITERATIONS)
        self.max_iterations.setValue(CalibrationSpec().max_iterations)
        self.max_iterations.setToolTip(
            self.tr("Raking and calibration stop after this many iterations (R's maxit).")
        )
        self.epsilon = QLineEdit()
        self.epsilon.setObjectName("calibrationEpsilon")
        self.epsilon.setPlaceholderText(self.tr("R's default"))
        self.epsilon.setToolTip(
            self.tr(
                "When the iterations have converged (R's epsilon). Raking: the largest change "
                "of a weighted count (below 1: a share of the weight total; R's default 1). "
                "Calibration: the largest relative misfit of a total (R's default 1e-7). "
                "Empty: R's default."
            )
        )
        self.problem = QLabel()
        self.problem.setObjectName("calibrationProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("calibrationTotals")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Margin"), self.tr("Level"), self.tr("Population total")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setMinimumHeight(150)
        self.summary = QLabel()
        self.summary.setObjectName("calibrationSummary")
        self.summary.setWordWrap(True)
        load = QPushButton(self.tr("Import totals…"))
        load.setObjectName("importMargins")
        load.setToolTip(self.tr("A CSV file with the columns variable, level, total."))
        load.clicked.connect(self.ask_margins)
        apply = QPushButton(self.tr("Apply calibration"))
        apply.setObjectName("applyCalibration")
        apply.clicked.connect(self.apply)
        self.apply_button = apply

        form = QFormLayout()
        form.addRow(self.tr("Method:"), self.method)
        form.addRow(self.tr("Weights of:"), self.unit)
        form.addRow(self.tr("Distance:"), self.calfun)
        form.addRow(self.bounded, _pair(self.low, self.high))
        form.addRow(self.tr("Iterations at most:"), self.max_iterations)
        form.addRow(self.tr("Convergence tolerance:"), self.epsilon)
        form.addRow(self.trimmed, _pair(self.trim_low, self.trim_high))
        form.addRow("", self.strict)
        buttons = QHBoxLayout()
        buttons.addWidget(load)
        buttons.addStretch(1)
        buttons.addWidget(apply)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.problem)
        lay.addWidget(self.summary)
        lay.addWidget(self.table)
        lay.addLayout(buttons)
        for w in (self.method, self.bounded, self.trimmed):
            signal = w.currentIndexChanged if isinstance(w, QComboBox) else w.toggled
            signal.connect(self._enable)
        for spin in (self.low, self.high, self.trim_low, self.trim_high):
            spin.valueChanged.connect(self._check)
        self.epsilon.textChanged.connect(self._check)
        self._enable()

    # ------------------------------------------------------------------ showing
    def show_plan(self, plan: Any) -> None:
        self.plan = plan
        spec: CalibrationSpec | None = plan.design.calibration
        self.method.setCurrentIndex(max(self.method.findData(spec.method if spec else None), 0))
        if spec is not None:
            self.unit.setCurrentIndex(max(self.unit.findData(spec.unit), 0))
            self.calfun.setCurrentIndex(max(self.calfun.findData(spec.calfun), 0))
            finite = math.isfinite(spec.bounds[0]) and math.isfinite(spec.bounds[1])
            self.bounded.setChecked(finite)
            if finite:
                self.low.setValue(spec.bounds[0])
                self.high.setValue(spec.bounds[1])
            self.trimmed.setChecked(spec.trim is not None)
            if spec.trim is not None:
                self.trim_low.setValue(spec.trim[0])
                self.trim_high.setValue(spec.trim[1])
            self.strict.setChecked(spec.trim_strict)
            self.max_iterations.setValue(min(spec.max_iterations, MAX_ITERATIONS))
            self.epsilon.setText(
                "" if spec.epsilon is None else QLocale().toString(spec.epsilon, "g", 12)
            )
        else:
            self.max_iterations.setValue(CalibrationSpec().max_iterations)
            self.epsilon.clear()
        self.margins = spec.margins if spec else ()
        self.numeric = spec.numeric if spec else ()
        self.source = spec.source if spec else "plan"
        self._show_totals()
        self._enable()

    def _show_totals(self) -> None:
        self.table.setRowCount(0)
        for m in self.margins:
            for cell, total in m.cells:
                self._row(" × ".join(m.variables), " × ".join(cell), total)
        for var, total in self.numeric:
            self._row(var, self.tr("(numeric total)"), total)
        self.table.resizeColumnsToContents()
        if not self.margins:
            self.summary.setText(self.tr("No population totals yet: import a margins file."))
            return
        parts = [f"{' × '.join(m.variables)}: {_number(m.total)}" for m in self.margins]
        source = self.tr("the plan") if self.source == "plan" else self.source
        self.summary.setText(
            self.tr("Totals from %1 — %2").replace("%1", source).replace("%2", "; ".join(parts))
        )

    def _row(self, margin: str, level: str, total: float) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        for c, text in enumerate((margin, level, _number(total))):
            item = QTableWidgetItem(text)
            if c == 2:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(r, c, item)

    def _enable(self, *_: Any) -> None:
        method = self.method.currentData()
        on = method is not None
        cal = method == "calibrate"
        iterative = method in ("rake", "calibrate")
        states: list[tuple[QWidget, bool]] = [
            (self.unit, on),
            (self.max_iterations, iterative),
            (self.epsilon, iterative),
            (self.trimmed, on),
            (self.table, on),
            (self.calfun, cal),
            (self.bounded, cal),
            (self.low, cal and self.bounded.isChecked()),
            (self.high, cal and self.bounded.isChecked()),
            (self.trim_low, on and self.trimmed.isChecked()),
            (self.trim_high, on and self.trimmed.isChecked()),
            (self.strict, on and self.trimmed.isChecked()),
        ]
        for widget, enabled in states:
            widget.setEnabled(enabled)
        self._check()

    def tolerance(self) -> float | None:
        """The typed tolerance (None: empty, R's default); raises ValueError when it is not a
        positive number (in the interface language's notation or with a point)."""
        text = self.epsilon.text().strip()
        if not text:
            return None
        for locale in (QLocale(), QLocale.c()):
            value, ok = locale.toDouble(text)
            if ok:
                if math.isfinite(value) and value > 0:
                    return float(value)
                break
        raise ValueError(text)

    def problems(self) -> list[str]:
        """What keeps the settings from being applied (empty: nothing)."""
        out = []
        if self.epsilon.isEnabled():
            try:
                self.tolerance()
            except ValueError:
                out.append(
                    self.tr("The convergence tolerance must be a positive number, e.g. 1 or 1e-7.")
                )
        if self.low.isEnabled() and not self.low.value() < self.high.value():
            out.append(self.tr("The lower bound of the weight ratios must be below the upper."))
        if self.trim_low.isEnabled() and not self.trim_low.value() < self.trim_high.value():
            out.append(self.tr("The lower trimming limit must be below the upper."))
        return out

    def _check(self, *_: Any) -> None:
        found = self.problems()
        self.problem.setText("\n".join(found))
        self.problem.setVisible(bool(found))
        self.apply_button.setEnabled(not found)

    # ------------------------------------------------------------------ editing
    def ask_margins(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import population totals"), "", self.tr("CSV files (*.csv)")
        )
        if path:
            self.load_margins(Path(path))

    def load_margins(self, path: Path) -> bool:
        """Read a margins file into the editor (applied with the rest by "Apply")."""
        from ui.error_dialog import show_error
        from workbench.service import Workbench

        try:
            self.margins, self.numeric = Workbench.read_margins_file(path)
        except WorkbenchError as exc:
            self.error_box = show_error(self, exc)
            return False
        self.source = path.name
        if self.method.currentData() is None:
            self.method.setCurrentIndex(self.method.findData("rake"))
        self._show_totals()
        return True

    def spec(self) -> CalibrationSpec | None:
        method = self.method.currentData()
        if method is None:
            return None
        base: CalibrationSpec = (
            self.plan.design.calibration if self.plan is not None else None
        ) or CalibrationSpec()
        inf = float("inf")
        bounded = method == "calibrate" and self.bounded.isChecked()
        iterative = method in ("rake", "calibrate")
        return dataclasses.replace(
            base,
            unit=self.unit.currentData(),
            max_iterations=self.max_iterations.value() if iterative else base.max_iterations,
            epsilon=self.tolerance() if iterative else base.epsilon,
            method=method,
            calfun=self.calfun.currentData(),
            bounds=(self.low.value(), self.high.value()) if bounded else (-inf, inf),
            trim=(self.trim_low.value(), self.trim_high.value())
            if self.trimmed.isChecked()
            else None,
            trim_strict=self.trimmed.isChecked() and self.strict.isChecked(),
            margins=self.margins,
            numeric=self.numeric,
            source=self.source,
        )

    def apply(self) -> None:
        from workbench.plan.commands import SetDesign

        if self.plan is None or self.problems():
            return
        design = dataclasses.replace(self.plan.design, calibration=self.spec())
        self.command.emit(SetDesign(design))

    def clear(self) -> None:
        self.plan = None
        self.margins, self.numeric, self.source = (), (), "plan"
        self.table.setRowCount(0)
        self.summary.clear()
        self.epsilon.clear()


def _pair(a: QWidget, b: QWidget) -> QWidget:
    w = QWidget()
    lay = QHBoxLayout(w)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addWidget(a)
    lay.addWidget(QLabel("–"))
    lay.addWidget(b)
    return w


def _number(x: float) -> str:
    """A total in the interface language's digits and separators (ar_001: Western digits)."""
    return QLocale().toString(float(x), "f", 0 if float(x).is_integer() else 3)
