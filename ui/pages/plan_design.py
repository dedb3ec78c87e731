"""Design (stages, FPCs, variance method), population groups (roles) and disaggregations of a
plan."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.pages.design_stages import StagesEditor, VarianceEditor
from ui.pages.plan_calibration import CalibrationEditor

if TYPE_CHECKING:
    from workbench.plan.model import Role

ROLE_NAMES: tuple[Role, ...] = ("displaced", "comparator", "exclude")


class DesignEditor(QWidget):
    """Emits core commands through ``command``; shows the plan it is given."""

    command = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan: Any = None
        self.design_type = QComboBox()
        self.design_type.setObjectName("designType")
        for code, text in (
            ("complex", self.tr("Complex (weights, strata, clusters)")),
            ("weights_only", self.tr("Weights only")),
            ("unweighted", self.tr("Unweighted")),
        ):
            self.design_type.addItem(text, code)
        self.weight, self.strata, self.psu, self.fpc = (QComboBox() for _ in range(4))
        for combo, name in (
            (self.weight, "designWeight"),
            (self.strata, "designStrata"),
            (self.psu, "designPsu"),
            (self.fpc, "designFpc"),
        ):
            combo.setObjectName(name)
            combo.setMinimumContentsLength(16)
        self.lonely = QComboBox()
        self.lonely.setObjectName("designLonelyPsu")
        for code, text in (
            ("adjust", self.tr("Centre on the whole sample (adjust)")),
            ("average", self.tr("Average variance of the other strata (average)")),
            ("certainty", self.tr("Sampled with certainty: no variance (certainty)")),
            ("remove", self.tr("Leave out of the variance (remove)")),
            ("fail", self.tr("Stop with an error (fail)")),
        ):
            self.lonely.addItem(text, code)
        self.lonely.setToolTip(
            self.tr(
                "What the variance does with a stratum (or a later stage's unit) that has a "
                "single sampled unit, as R's survey.lonely.psu option."
            )
        )
        self.weight.setToolTip(self.tr("Survey weight: how many units each interview represents."))
        self.strata.setToolTip(self.tr("Sampling strata (the areas sampled separately)."))
        self.psu.setToolTip(self.tr("Primary sampling unit (cluster, enumeration area)."))
        self.fpc.setToolTip(
            self.tr("Optional: population size (or sampling fraction) of each stratum.")
        )
        apply = QPushButton(self.tr("Apply design"))
        apply.setObjectName("applyDesign")
        apply.clicked.connect(self.apply_design)
        design_box = QGroupBox(self.tr("Survey design"))
        form = QFormLayout(design_box)
        form.addRow(self.tr("Type:"), self.design_type)
        form.addRow(self.tr("Weight:"), self.weight)
        form.addRow(self.tr("Strata:"), self.strata)
        form.addRow(self.tr("Clusters (PSU):"), self.psu)
        form.addRow(self.tr("Population size (FPC):"), self.fpc)
        form.addRow(self.tr("Stratum with one PSU:"), self.lonely)
        self.stages = StagesEditor()
        form.addRow(QLabel(self.tr("Later stages:")))
        form.addRow(self.stages)
        self.variance = VarianceEditor()
        form.addRow(self.variance)
        form.addRow(apply)

        self.group_column = QLabel()
        self.roles = QTableWidget(0, 3)
        self.roles.setObjectName("groupRoles")
        self.roles.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Label"), self.tr("Role")])
        self.roles.horizontalHeader().setStretchLastSection(True)
        self.roles.verticalHeader().hide()
        self.roles.setMinimumHeight(190)
        groups_box = QGroupBox(self.tr("Population groups"))
        glay = QVBoxLayout(groups_box)
        glay.addWidget(self.group_column)
        glay.addWidget(self.roles)

        self.disaggs = QTableWidget(0, 3)
        self.disaggs.setObjectName("disaggregations")
        self.disaggs.setHorizontalHeaderLabels(
            [self.tr("Disaggregation"), self.tr("Column"), self.tr("Levels")]
        )
        self.disaggs.horizontalHeader().setStretchLastSection(True)
        self.disaggs.verticalHeader().hide()
        self.disaggs.setMinimumHeight(190)
        self.disaggs.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.disaggs.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.disaggs.cellDoubleClicked.connect(lambda row, _c: self.edit_disaggregation(row))
        add = QPushButton(self.tr("Add…"))
        add.setObjectName("addDisaggregation")
        add.clicked.connect(self.add_disaggregation)
        edit = QPushButton(self.tr("Edit…"))
        edit.setObjectName("editDisaggregation")
        edit.clicked.connect(lambda: self.edit_disaggregation(self.disaggs.currentRow()))
        remove = QPushButton(self.tr("Remove"))
        remove.setObjectName("removeDisaggregation")
        remove.setToolTip(self.tr("Remove the selected disaggregation from the plan."))
        remove.clicked.connect(self.remove_disaggregation)
        self.dialog: Any = None
        self.variables: dict[str, dict[str, Any]] = {}
        dis_box = QGroupBox(self.tr("Disaggregations"))
        dlay = QVBoxLayout(dis_box)
        dlay.addWidget(self.disaggs)
        brow = QHBoxLayout()
        for b in (add, edit, remove):
            brow.addWidget(b)
        brow.addStretch(1)
        dlay.addLayout(brow)

        self.calibration = CalibrationEditor()  # [design.calibration]: ui/pages/plan_calibration.py
        self.calibration.command.connect(self.command.emit)

        lay = QVBoxLayout(self)
        lay.addWidget(design_box)
        lay.addWidget(self.calibration)
        lay.addWidget(groups_box, 1)
        lay.addWidget(dis_box, 1)

    def show_plan(
        self,
        plan: Any,
        columns: list[str],
        lang: str,
        variables: dict[str, dict[str, Any]] | None = None,
    ) -> None:
        self.plan = plan
        if variables is not None:
            self.variables = variables
        d = plan.design
        self.design_type.setCurrentIndex(max(self.design_type.findData(d.type), 0))
        self.lonely.setCurrentIndex(max(self.lonely.findData(d.lonely_psu), 0))
        for combo, value in (
            (self.weight, d.weight),
            (self.strata, d.strata),
            (self.psu, d.psu),
            (self.fpc, d.fpc),
        ):
            combo.clear()
            combo.addItem(self.tr("(none)"), None)
            for c in columns:
                combo.addItem(c, c)
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self.calibration.show_plan(plan)
        self.stages.show_stages(d.stages, columns)
        self.variance.show_replicates(d.replicates)
        self.group_column.setText(
            self.tr("Group column: %1").replace("%1", plan.groups.column or self.tr("(none)"))
        )
        role_text = {
            "displaced": self.tr("Displaced"),
            "comparator": self.tr("Comparator (host)"),
            "exclude": self.tr("Exclude"),
        }
        self.roles.setRowCount(0)
        for gv in plan.groups.values:
            r = self.roles.rowCount()
            self.roles.insertRow(r)
            self.roles.setItem(r, 0, QTableWidgetItem(str(gv.code)))
            self.roles.setItem(r, 1, QTableWidgetItem(gv.label(lang)))
            combo = QComboBox()
            for role in ROLE_NAMES:
                combo.addItem(role_text[role], role)
            combo.setCurrentIndex(combo.findData(gv.role))
            combo.currentIndexChanged.connect(
                lambda _i, code=gv.code, c=combo: self._role_changed(code, c.currentData())
            )
            self.roles.setCellWidget(r, 2, combo)
        self.roles.resizeColumnsToContents()
        self.disaggs.setRowCount(0)
        for dis in plan.disaggregations:
            r = self.disaggs.rowCount()
            self.disaggs.insertRow(r)
            self.disaggs.setItem(r, 0, QTableWidgetItem(dis.label(lang)))
            self.disaggs.setItem(r, 1, QTableWidgetItem(dis.column or ", ".join(dis.columns)))
            levels = self._levels_text(dis, lang)
            self.disaggs.setItem(r, 2, QTableWidgetItem(levels))
        self.disaggs.resizeColumnToContents(0)
        self.disaggs.resizeColumnToContents(1)

    def _levels_text(self, dis: Any, lang: str) -> str:
        from ui.dialogs.disagg_parts import code_text
        from workbench.service import Workbench

        if dis.kind == "age_groups":
            return ", ".join(Workbench.age_labels(dis.cut_points))
        if dis.kind == "years_since":
            return ", ".join(Workbench.years_labels(dis.cut_points))
        if dis.kind == "disability":
            codes = ", ".join(code_text(c) for c in dis.codes)
            return self.tr("Codes %1 count as a disability").replace("%1", codes)
        return ", ".join(lv.label(lang) for lv in dis.levels) or self.tr("every answer")

    def _role_changed(self, code: Any, role: Role) -> None:
        from workbench.plan.commands import SetRole

        self.command.emit(SetRole(code, role))

    def apply_design(self) -> None:
        from workbench.plan.commands import SetDesign

        if self.plan is None:
            return
        design = dataclasses.replace(
            self.plan.design,
            type=self.design_type.currentData(),
            weight=self.weight.currentData(),
            strata=self.strata.currentData(),
            psu=self.psu.currentData(),
            fpc=self.fpc.currentData(),
            lonely_psu=self.lonely.currentData(),
            stages=self.stages.stages(),
            replicates=self.variance.replicates(self.plan.design.replicates),
        )
        self.command.emit(SetDesign(design))

    def add_disaggregation(self) -> None:
        self._open_dialog(None)

    def edit_disaggregation(self, row: int) -> None:
        if self.plan is not None and 0 <= row < len(self.plan.disaggregations):
            self._open_dialog(self.plan.disaggregations[row])

    def _open_dialog(self, existing: Any) -> None:
        from ui.dialogs.disaggregation_dialog import DisaggregationDialog

        if self.plan is None:
            return
        self.dialog = DisaggregationDialog(self.plan, self.variables, existing, self)
        self.dialog.command.connect(self.command.emit)
        self.dialog.finished.connect(self.dialog.deleteLater)
        self.dialog.open()

    def remove_disaggregation(self) -> None:
        from workbench.plan.commands import SetDisaggregation

        row = self.disaggs.currentRow()
        if self.plan is None or row < 0:
            return
        dis_id = self.plan.disaggregations[row].id
        self.command.emit(SetDisaggregation(dis_id, None))

    def clear(self) -> None:
        self.plan = None
        self.roles.setRowCount(0)
        self.disaggs.setRowCount(0)
        for combo in (self.weight, self.strata, self.psu, self.fpc):
            combo.clear()
        self.stages.show_stages((), [])
        self.variance.show_replicates(None)
        self.group_column.clear()
        self.calibration.clear()
