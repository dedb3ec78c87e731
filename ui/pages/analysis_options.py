"""Solutions-measure options of a run (methods, benchmark) — the rest comes from Settings."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QWidget,
)

from workbench.stats.options import SOLUTIONS_METHODS


class SolutionsOptions(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Solutions measure"))
        names = {
            "iris_layered": self.tr("IRIS layered (headline)"),
            "composite_score": self.tr("Composite score"),
            "composite_per_criterion": self.tr("Composite per criterion"),
            "homogeneous_cells": self.tr("Homogeneous cells"),
            "dominance": self.tr("Dominance"),
        }
        tips = {
            "iris_layered": self.tr(
                "Share of displaced households meeting every IRIS sub-criterion."
            ),
            "composite_score": self.tr(
                "Households with no more vulnerabilities than the benchmark."
            ),
            "composite_per_criterion": self.tr("Criterion by criterion, then combined."),
            "homogeneous_cells": self.tr("Compared within location × origin × arrival year."),
            "dominance": self.tr("Vulnerability score at most the comparator's median."),
        }
        self.names = names
        self.methods: dict[str, QCheckBox] = {}
        row = QHBoxLayout()
        from workbench.stats.options import AnalysisOptions

        defaults = set(AnalysisOptions().solutions_methods)  # the engine's default, all methods
        for m in SOLUTIONS_METHODS:
            box = QCheckBox(names.get(m, m))
            box.setObjectName(f"method_{m}")
            box.setToolTip(tips.get(m, ""))
            box.setChecked(m in defaults)
            self.methods[m] = box
            row.addWidget(box)
        row.addStretch(1)
        self.benchmark = QComboBox()
        self.benchmark.setObjectName("benchmark")
        self.benchmark.addItem(self.tr("Host community (comparator) estimate"), "comparator")
        self.benchmark.addItem(self.tr("A fixed value"), "fixed")
        self.fixed = QDoubleSpinBox()
        self.fixed.setRange(0.0, 1.0)
        self.fixed.setDecimals(3)
        self.fixed.setSingleStep(0.05)
        self.fixed.setEnabled(False)
        self.benchmark.currentIndexChanged.connect(
            lambda _i: self.fixed.setEnabled(self.benchmark.currentData() == "fixed")
        )
        self.ci_bound = QCheckBox(self.tr("Compare with the benchmark's confidence bound"))
        self.ci_bound.setToolTip(
            self.tr("More lenient: a household passes unless clearly worse than the benchmark.")
        )
        form = QFormLayout(self)
        form.addRow(self.tr("Methods:"), row)
        bench = QHBoxLayout()
        bench.addWidget(self.benchmark)
        bench.addWidget(self.fixed)
        bench.addWidget(self.ci_bound)
        bench.addStretch(1)
        form.addRow(self.tr("Benchmark:"), bench)

    def method_name(self, method: str) -> str:
        return self.names.get(method, method).replace(self.tr(" (headline)"), "")

    def options(self, alpha: float, preset: str):
        from workbench.stats.options import AnalysisOptions

        methods = tuple(m for m, box in self.methods.items() if box.isChecked()) or (
            "iris_layered",
        )
        bench = self.benchmark.currentData()
        return AnalysisOptions(
            alpha=alpha,
            disclosure_preset=preset,
            solutions_methods=methods,
            solutions_benchmark=bench,
            benchmark_fixed=self.fixed.value() if bench == "fixed" else None,
            use_ci_bound=self.ci_bound.isChecked(),
        )
