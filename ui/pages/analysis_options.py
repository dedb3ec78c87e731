"""Solutions-measure options of a run (methods, benchmark, skipped answers) — alpha and the
preset come from Settings, the rest of a run's defaults from the plan's ``[analysis]`` table."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QWidget,
)

from ui import i18n
from workbench.stats.options import AnalysisOptions
from workbench.stats.solutions_methods import HEADLINE_METHOD, SOLUTIONS_METHODS

#: the engine's defaults: what a box shows before the user changes it
_DEFAULTS = AnalysisOptions()


class SolutionsOptions(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Solutions measure"))
        lang = i18n.current_language()
        self.methods: dict[str, QCheckBox] = {}
        row = QHBoxLayout()
        for m in SOLUTIONS_METHODS:
            name = SOLUTIONS_METHODS.label(m.code, lang)
            box = QCheckBox(name + self.tr(" (headline)") if m.headline else name)
            box.setObjectName(f"method_{m.code}")
            box.setToolTip(SOLUTIONS_METHODS.help(m.code, lang))
            box.setChecked(m.code in _DEFAULTS.solutions_methods)
            self.methods[m.code] = box
            row.addWidget(box)
        row.addStretch(1)
        self.benchmark = QComboBox()
        self.benchmark.setObjectName("benchmark")
        self.benchmark.addItem(self.tr("Host community (comparator) estimate"), "comparator")
        self.benchmark.addItem(self.tr("National values (set in the plan)"), "national")
        self.benchmark.addItem(self.tr("A fixed value"), "fixed")
        default_benchmark = self.benchmark.findData(_DEFAULTS.solutions_benchmark)
        self.benchmark.setCurrentIndex(max(default_benchmark, 0))
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
        self.ci_bound.setChecked(_DEFAULTS.use_ci_bound)
        self.missing = QComboBox()
        self.missing.setObjectName("missingByDesign")
        self.missing.addItem(self.tr("counts as no vulnerability"), "no_vulnerability")
        self.missing.addItem(self.tr("counts as missing"), "missing")
        self.missing.setToolTip(
            self.tr("A household outside an indicator's universe (a question skipped by design).")
        )
        self.missing.setCurrentIndex(max(self.missing.findData(_DEFAULTS.missing_by_design), 0))
        form = QFormLayout(self)
        form.addRow(self.tr("Methods:"), row)
        bench = QHBoxLayout()
        bench.addWidget(self.benchmark)
        bench.addWidget(self.fixed)
        bench.addWidget(self.ci_bound)
        bench.addStretch(1)
        form.addRow(self.tr("Benchmark:"), bench)
        form.addRow(self.tr("Skipped by design:"), self.missing)

    def show_options(self, opts: AnalysisOptions) -> None:
        """Set the boxes from ``opts`` (the run's defaults: settings + the plan's table)."""
        for m, box in self.methods.items():
            box.setChecked(m in opts.solutions_methods)
        self.benchmark.setCurrentIndex(max(self.benchmark.findData(opts.solutions_benchmark), 0))
        self.fixed.setValue(opts.benchmark_fixed or 0.0)
        self.ci_bound.setChecked(opts.use_ci_bound)
        self.missing.setCurrentIndex(max(self.missing.findData(opts.missing_by_design), 0))

    def method_name(self, method: str) -> str:
        return SOLUTIONS_METHODS.label(method, i18n.current_language())

    def options(self, base: AnalysisOptions) -> AnalysisOptions:
        """``base`` (the service's defaults: the engine's with the user's settings) with what
        this box sets. Unticking every method computes the headline one."""
        methods = tuple(m for m, box in self.methods.items() if box.isChecked())
        bench = self.benchmark.currentData()
        return dataclasses.replace(
            base,
            solutions_methods=methods or (HEADLINE_METHOD,),
            solutions_benchmark=bench,
            benchmark_fixed=self.fixed.value() if bench == "fixed" else None,
            use_ci_bound=self.ci_bound.isChecked(),
            missing_by_design=self.missing.currentData(),
        )
