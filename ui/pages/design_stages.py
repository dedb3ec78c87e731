"""The design page's later sampling stages and variance method (replicate weights).

Shows a plan's ``design.stages`` (unit, FPC and strata columns of stage 2, 3, …) and
``design.replicates`` and gives them back as values for the page's "Apply design"; the checks
of an inconsistent design are the plan checks (docs/plans.md), listed on the plan page.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

METHODS = ("linearisation", "supplied", "generated")
REPLICATE_TYPES = ("jkn", "jk1", "brr", "fay", "bootstrap", "sdr", "other")
GENERATED = ("jkn", "jk1", "brr", "fay", "bootstrap")


class StagesEditor(QWidget):
    """Rows of (unit, FPC, strata) column boxes for stages 2, 3, …"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns: list[str] = []
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("designStages")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Units of the stage"), self.tr("FPC"), self.tr("Strata within units")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(120)
        self.table.setToolTip(
            self.tr(
                "Stage 2, 3, …: the units sampled inside the units of the stage above, with "
                "their population size or sampling fraction (FPC). Without the FPC of a stage, "
                "its variance and that of the stages below are not counted."
            )
        )
        self.table.setMinimumHeight(90)
        add = QPushButton(self.tr("Add stage"))
        add.setObjectName("addStage")
        add.clicked.connect(lambda: self.add_row(None))
        remove = QPushButton(self.tr("Remove stage"))
        remove.setObjectName("removeStage")
        remove.clicked.connect(self.remove_row)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        lay.addLayout(row)

    def _combo(self, value: str | None) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("(none)"), None)
        for c in self.columns:
            combo.addItem(c, c)
        combo.setCurrentIndex(max(combo.findData(value), 0))
        return combo

    def add_row(self, stage: Any) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        values = (stage.psu, stage.fpc, stage.strata) if stage is not None else (None,) * 3
        for col, value in enumerate(values):
            self.table.setCellWidget(r, col, self._combo(value))

    def remove_row(self) -> None:
        row = self.table.currentRow()
        self.table.removeRow(row if row >= 0 else self.table.rowCount() - 1)

    def show_stages(self, stages: tuple[Any, ...], columns: list[str]) -> None:
        self.columns = list(columns)
        self.table.setRowCount(0)
        for st in stages:
            self.add_row(st)

    def stages(self) -> tuple[Any, ...]:
        from workbench.plan.model import SamplingStage

        out = []
        for r in range(self.table.rowCount()):
            boxes = [self.table.cellWidget(r, c) for c in range(3)]
            unit, fpc, strata = (b.currentData() if isinstance(b, QComboBox) else None
                                 for b in boxes)  # fmt: skip
            if unit:
                out.append(SamplingStage(unit, fpc, strata))
        return tuple(out)


class VarianceEditor(QWidget):
    """Linearisation, or replicate weights supplied (columns) or generated from the design."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.method = QComboBox()
        self.method.setObjectName("varianceMethod")
        for code, text in zip(
            METHODS,
            (
                self.tr("Linearisation (Taylor series)"),
                self.tr("Replicate weights in the data"),
                self.tr("Replicate weights made from the design"),
            ),
            strict=True,
        ):
            self.method.addItem(text, code)
        self.rep_type = QComboBox()
        self.rep_type.setObjectName("replicateType")
        names = {
            "jkn": self.tr("JKn (stratified jackknife)"),
            "jk1": self.tr("JK1 (jackknife)"),
            "brr": self.tr("BRR (balanced repeated replication)"),
            "fay": self.tr("Fay's BRR"),
            "bootstrap": self.tr("Bootstrap"),
            "sdr": self.tr("Successive difference"),
            "other": self.tr("Other (give scale and rscales)"),
        }
        for code in REPLICATE_TYPES:
            self.rep_type.addItem(names[code], code)
        self.columns = QLineEdit()
        self.columns.setObjectName("replicateColumns")
        self.columns.setPlaceholderText(self.tr("repwt1, repwt2, … or a pattern: ^repwt[0-9]+$"))
        self.columns.setToolTip(
            self.tr(
                "The replicate-weight columns of the household dataset: a comma-separated list, "
                "or a regular expression matching their names."
            )
        )
        self.scale = QLineEdit()
        self.scale.setObjectName("replicateScale")
        self.scale.setPlaceholderText(self.tr("type default"))
        self.rscales = QLineEdit()
        self.rscales.setObjectName("replicateRscales")
        self.rscales.setPlaceholderText(self.tr("one per replicate, comma-separated (JKn)"))
        self.rho = QDoubleSpinBox()
        self.rho.setObjectName("replicateRho")
        self.rho.setRange(0.0, 0.99)
        self.rho.setSingleStep(0.05)
        self.mse = QCheckBox(self.tr("Centre on the full-sample estimate (mse)"))
        self.mse.setObjectName("replicateMse")
        self.combined = QCheckBox(self.tr("Columns are weights (not multipliers)"))
        self.combined.setObjectName("replicateCombined")
        self.combined.setChecked(True)
        self.n_rep = QSpinBox()
        self.n_rep.setObjectName("bootstrapReplicates")
        self.n_rep.setRange(2, 10000)
        self.n_rep.setValue(50)
        self.seed = QSpinBox()
        self.seed.setObjectName("bootstrapSeed")
        self.seed.setRange(0, 2_000_000_000)
        self.seed.setValue(1)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Variance:"), self.method)
        form.addRow(self.tr("Replicate type:"), self.rep_type)
        form.addRow(self.tr("Replicate columns:"), self.columns)
        form.addRow(self.tr("Scale:"), self.scale)
        form.addRow(self.tr("Replicate scales:"), self.rscales)
        form.addRow(self.tr("Fay's rho:"), self.rho)
        form.addRow(self.tr("Bootstrap replicates:"), self.n_rep)
        form.addRow(self.tr("Random seed:"), self.seed)
        form.addRow(self.mse)
        form.addRow(self.combined)
        self.form = form
        self.method.currentIndexChanged.connect(self._enable)
        self.rep_type.currentIndexChanged.connect(self._enable)
        self._enable()

    def _enable(self) -> None:
        method, rtype = self.method.currentData(), self.rep_type.currentData()
        rep, supplied = method != "linearisation", method == "supplied"
        for w in (self.rep_type, self.scale, self.mse):
            w.setEnabled(rep)
        for w in (self.columns, self.rscales, self.combined):
            w.setEnabled(supplied)
        self.rho.setEnabled(rep and rtype == "fay")
        self.n_rep.setEnabled(method == "generated" and rtype == "bootstrap")
        self.seed.setEnabled(method == "generated" and rtype == "bootstrap")

    def show_replicates(self, rep: Any) -> None:
        method = "linearisation" if rep is None else ("generated" if rep.generate else "supplied")
        self.method.setCurrentIndex(METHODS.index(method))
        if rep is not None:
            self.rep_type.setCurrentIndex(max(self.rep_type.findData(rep.type), 0))
            self.columns.setText(rep.pattern or ", ".join(rep.columns))
            self.scale.setText("" if rep.scale is None else f"{rep.scale:g}")
            self.rscales.setText(", ".join(f"{x:.10g}" for x in rep.rscales))
            self.rho.setValue(rep.rho)
            self.mse.setChecked(rep.mse)
            self.combined.setChecked(rep.combined)
            self.n_rep.setValue(rep.replicates)
            self.seed.setValue(rep.seed)
        self._enable()

    def replicates(self, old: Any) -> Any:
        """The ``Replicates`` the form describes (None: linearisation); a number box that does
        not hold numbers keeps the plan's value (the plan checks say what is missing)."""
        from workbench.plan.model import Replicates

        method = self.method.currentData()
        if method == "linearisation":
            return None
        text = self.columns.text().strip()
        is_list = "," in text or (text.replace("_", "").isalnum() and method == "supplied")
        columns = tuple(c.strip() for c in text.split(",") if c.strip()) if is_list else ()
        base = old if old is not None else Replicates()
        return dataclasses.replace(
            base,
            type=self.rep_type.currentData(),
            generate=method == "generated",
            columns=columns if method == "supplied" else (),
            pattern=(text or None) if method == "supplied" and not is_list else None,
            scale=_number(self.scale.text(), base.scale),
            rscales=_numbers(self.rscales.text(), base.rscales) if method == "supplied" else (),
            rho=self.rho.value() if self.rep_type.currentData() == "fay" else 0.0,
            mse=self.mse.isChecked(),
            combined=self.combined.isChecked() or method == "generated",
            replicates=self.n_rep.value(),
            seed=self.seed.value(),
        )


def _number(text: str, old: float | None) -> float | None:
    if not text.strip():
        return None
    try:
        return float(text)
    except ValueError:
        return old


def _numbers(text: str, old: tuple[float, ...]) -> tuple[float, ...]:
    try:
        return tuple(float(x) for x in text.split(",") if x.strip())
    except ValueError:
        return old
