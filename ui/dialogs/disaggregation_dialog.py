"""Add or edit one disaggregation: a category column (optionally pooling codes into levels),
age groups from cut points, or Washington Group disability."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.disagg_parts import (
    IDENT,
    code_text,
    cuts_text,
    parse_codes,
    parse_cuts,
    suggest_id,
)
from ui.widgets import checkable_item, checked_items

KINDS = ("category", "age_groups", "disability")
#: Washington Group answers: 3 "a lot of difficulty", 4 "cannot do at all"
WG_CODES = (3, 4)


def _var_text(name: str, var: Any) -> str:
    return f"{name} — {var.label}" if getattr(var, "label", "") else name


class DisaggregationDialog(QDialog):
    """Emits ``command`` with a SetDisaggregation (or SetCutPoints when only the age cut points
    of an existing grouping changed) when accepted."""

    command = Signal(object)

    def __init__(
        self,
        plan: Any,
        variables: dict[str, dict[str, Any]],
        existing: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan, self.variables, self.existing = plan, variables, existing
        self.setObjectName("disaggregationDialog")
        self.setWindowTitle(
            self.tr("Edit disaggregation") if existing else self.tr("Add disaggregation")
        )
        self.taken = {d.id for d in plan.disaggregations} - ({existing.id} if existing else set())

        self.id_edit = QLineEdit()
        self.id_edit.setObjectName("disId")
        self.id_edit.setToolTip(self.tr("A short name used in the plan file (letters, digits, _)."))
        self.kind = QComboBox()
        self.kind.setObjectName("disKind")
        for code, text in (
            ("category", self.tr("Category (a column's answers)")),
            ("age_groups", self.tr("Age groups")),
            ("disability", self.tr("Disability (Washington Group)")),
        ):
            self.kind.addItem(text, code)
        self.unit = QComboBox()
        self.unit.setObjectName("disUnit")
        for code, text in (
            ("household", self.tr("Household dataset")),
            ("individual", self.tr("Individual dataset")),
        ):
            if code in variables or (existing is not None and existing.unit == code):
                self.unit.addItem(text, code)  # an existing one keeps its unit
        self.label_en = QLineEdit()
        self.label_en.setObjectName("disLabelEn")
        self.label_fr = QLineEdit()
        self.label_fr.setObjectName("disLabelFr")
        self.head = QCheckBox(self.tr("Households take the head of household's value"))
        self.head.setObjectName("disHead")

        # category
        self.cat_column = QComboBox()
        self.cat_column.setObjectName("disCategoryColumn")
        self.cat_column.setMinimumContentsLength(24)
        self.levels = QTableWidget(0, 3)
        self.levels.setObjectName("disLevels")
        self.levels.setHorizontalHeaderLabels(
            [self.tr("Codes"), self.tr("Label (EN)"), self.tr("Label (FR)")]
        )
        self.levels.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.levels.verticalHeader().hide()
        self.levels.setToolTip(
            self.tr("Optional: pool codes (e.g. '1, 2') under one label. Empty: every answer.")
        )
        self.levels.itemChanged.connect(self.validate)
        add_level = QPushButton(self.tr("Add level"))
        add_level.setObjectName("disAddLevel")
        add_level.clicked.connect(lambda: self.add_level((), "", ""))
        remove_level = QPushButton(self.tr("Remove level"))
        remove_level.clicked.connect(self._remove_level)
        from_labels = QPushButton(self.tr("One level per answer"))
        from_labels.setObjectName("disLevelsFromLabels")
        from_labels.clicked.connect(self.levels_from_labels)
        lbuttons = QHBoxLayout()
        for b in (add_level, remove_level, from_labels):
            lbuttons.addWidget(b)
        lbuttons.addStretch(1)
        cat = QWidget()
        cform = QFormLayout(cat)
        cform.setContentsMargins(0, 0, 0, 0)
        cform.addRow(self.tr("Column:"), self.cat_column)
        cform.addRow(self.tr("Levels:"), self.levels)
        cform.addRow("", lbuttons)

        # age groups
        self.age_column = QComboBox()
        self.age_column.setObjectName("disAgeColumn")
        self.age_column.setMinimumContentsLength(24)
        self.cuts = QLineEdit()
        self.cuts.setObjectName("disCuts")
        self.cuts.setPlaceholderText("0, 5, 18, 60")
        self.cuts.setToolTip(self.tr("The lowest age of each group, in increasing order."))
        self.cuts.textChanged.connect(self.validate)
        self.groups_preview = QLabel()
        self.groups_preview.setObjectName("disGroupsPreview")
        self.groups_preview.setWordWrap(True)
        age = QWidget()
        aform = QFormLayout(age)
        aform.setContentsMargins(0, 0, 0, 0)
        aform.addRow(self.tr("Age column:"), self.age_column)
        aform.addRow(self.tr("Cut points:"), self.cuts)
        aform.addRow(self.tr("Groups:"), self.groups_preview)

        # disability
        self.domains = QListWidget()
        self.domains.setObjectName("disDomains")
        self.domains.setToolTip(self.tr("Tick the Washington Group domain questions."))
        self.domains.itemChanged.connect(self._domains_changed)
        self.wg_codes = QListWidget()
        self.wg_codes.setObjectName("disCodes")
        self.wg_codes.setMaximumHeight(120)
        self.wg_codes.itemChanged.connect(self.validate)
        dis = QWidget()
        dform = QFormLayout(dis)
        dform.setContentsMargins(0, 0, 0, 0)
        dform.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        dform.addRow(self.tr("Domain questions:"), self.domains)
        dform.addRow(self.tr("'A lot of difficulty' or worse:"), self.wg_codes)

        self.pages = QStackedWidget()
        for w in (cat, age, dis):
            self.pages.addWidget(w)
        self.error = QLabel()
        self.error.setObjectName("disError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("disOk")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.id_edit)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Dataset:"), self.unit)
        form.addRow(self.tr("Label (EN):"), self.label_en)
        form.addRow(self.tr("Label (FR):"), self.label_fr)
        form.addRow("", self.head)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.pages, 1)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.resize(620, 520)

        self._load(existing)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.unit.currentIndexChanged.connect(self._unit_changed)
        for w in (self.id_edit, self.label_en):
            w.textChanged.connect(self.validate)
        self.cat_column.currentIndexChanged.connect(self.validate)
        self.age_column.currentIndexChanged.connect(self.validate)
        self._kind_changed()

    # ---------------------------------------------------------------- load
    def _load(self, d: Any) -> None:
        if d is None:
            self.id_edit.setText(suggest_id("breakdown", self.taken))
            return
        self.id_edit.setText(d.id)
        self.id_edit.setReadOnly(True)  # indicators and tables refer to it
        self.kind.setCurrentIndex(max(self.kind.findData(d.kind), 0))
        self.kind.setEnabled(False)
        self.unit.setCurrentIndex(max(self.unit.findData(d.unit), 0))
        self.label_en.setText(d.labels.get("en", ""))
        self.label_fr.setText(d.labels.get("fr", ""))
        self.head.setChecked(d.head)
        self._fill_columns()
        combo = self.age_column if d.kind == "age_groups" else self.cat_column
        combo.setCurrentIndex(max(combo.findData(d.column), 0))
        for lv in d.levels:
            self.add_level(lv.codes, lv.labels.get("en", ""), lv.labels.get("fr", ""))
        self.cuts.setText(cuts_text(d.cut_points))
        self._fill_domains(set(d.columns), set(d.codes))

    def _vars(self) -> dict[str, Any]:
        return self.variables.get(self.unit.currentData() or "household", {})

    def _fill_columns(self) -> None:
        for combo in (self.cat_column, self.age_column):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(choose a column)"), None)
            for name, var in self._vars().items():
                combo.addItem(_var_text(name, var), name)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def _fill_domains(self, chosen: set[str], codes: set[Any]) -> None:
        self.domains.blockSignals(True)
        self.domains.clear()
        for name, var in self._vars().items():
            self.domains.addItem(checkable_item(_var_text(name, var), name, name in chosen))
        self.domains.blockSignals(False)
        self._fill_codes(codes)

    def _fill_codes(self, codes: set[Any]) -> None:
        labels: dict[Any, str] = {}
        for name in self.checked(self.domains):
            var = self._vars().get(name)
            for code, text in (var.value_labels if var is not None else {}).items():
                labels.setdefault(code, str(text))
        self.wg_codes.blockSignals(True)
        self.wg_codes.clear()
        for code in sorted(labels, key=lambda c: (isinstance(c, str), str(c).zfill(12))):
            text = f"{code_text(code)} = {labels[code]}"
            self.wg_codes.addItem(checkable_item(text, code, code in codes))
        self.wg_codes.blockSignals(False)
        self.validate()

    def _domains_changed(self, _item: Any = None) -> None:
        codes = set(self.checked(self.wg_codes))
        if not codes and self.existing is None:
            codes = set(WG_CODES)
        self._fill_codes(codes)

    def _kind_changed(self, *_: object) -> None:
        self.pages.setCurrentIndex(KINDS.index(self.kind.currentData()))
        if self.existing is None and self.id_edit.text() in {
            suggest_id(k, self.taken) for k in ("breakdown", *KINDS)
        }:
            self.id_edit.setText(suggest_id(self.kind.currentData(), self.taken))
        if self.existing is None and self.kind.currentData() != "category":
            # ages and Washington Group questions are asked of each member
            self.unit.setCurrentIndex(max(self.unit.findData("individual"), 0))
        self._unit_changed()
        if self.existing is None and self.age_column.currentData() is None:
            self.age_column.setCurrentIndex(max(self.age_column.findData("age"), 0))

    def _unit_changed(self, *_: object) -> None:
        self.head.setEnabled(self.unit.currentData() == "individual")
        self._fill_columns()
        self._fill_domains(set(self.checked(self.domains)), set(self.checked(self.wg_codes)))

    # -------------------------------------------------------------- levels
    def add_level(self, codes: tuple[Any, ...], en: str, fr: str) -> None:
        self.levels.blockSignals(True)
        r = self.levels.rowCount()
        self.levels.insertRow(r)
        for c, text in enumerate((", ".join(code_text(x) for x in codes), en, fr)):
            self.levels.setItem(r, c, QTableWidgetItem(text))
        self.levels.blockSignals(False)
        self.validate()

    def _remove_level(self) -> None:
        row = self.levels.currentRow()
        if row >= 0:
            self.levels.removeRow(row)
            self.validate()

    def levels_from_labels(self) -> None:
        var = self._vars().get(self.cat_column.currentData() or "")
        if var is None:
            return
        self.levels.setRowCount(0)
        missing = set(var.missing_codes)
        for code, text in var.value_labels.items():
            if code not in missing:
                self.add_level((code,), str(text), "")

    def level_rows(self) -> list[tuple[tuple[Any, ...], str, str]]:
        out = []
        for r in range(self.levels.rowCount()):
            cells = [self.levels.item(r, c) for c in range(3)]
            codes, en, fr = ((it.text() if it is not None else "").strip() for it in cells)
            if codes or en or fr:
                out.append((parse_codes(codes), en, fr))
        return out

    # ------------------------------------------------------------ validate
    checked = staticmethod(checked_items)

    def _cut_problem(self) -> tuple[tuple[float, ...], str | None]:
        from workbench.service import Workbench

        cuts, problem = parse_cuts(self.cuts.text())
        if problem is None:
            self.groups_preview.setText(", ".join(Workbench.age_labels(cuts)))
            return cuts, None
        self.groups_preview.setText("—")
        if problem == "empty":
            return cuts, self.tr("Type the cut points, e.g. 0, 5, 18, 60.")
        if problem.startswith("number:"):
            return cuts, self.tr("'%1' is not a number.").replace("%1", problem[7:])
        if problem == "negative":
            return cuts, self.tr("Ages cannot be negative.")
        return cuts, self.tr("Each cut point must be larger than the one before.")

    def problem(self) -> str | None:
        """What stops the dialog from being accepted (None: ready)."""
        kind = self.kind.currentData()
        ident = self.id_edit.text().strip()
        if not IDENT.match(ident):
            return self.tr("The name must start with a letter and use only letters, digits, _.")
        if ident in self.taken:
            return self.tr("Another disaggregation already has this name.")
        if kind == "age_groups":
            cuts_problem = self._cut_problem()[1]
            if cuts_problem is None and self.age_column.currentData() is None:
                return self.tr("Choose the age column.")
            return cuts_problem
        if kind == "category":
            if self.cat_column.currentData() is None:
                return self.tr("Choose a column.")
            for codes, en, _fr in self.level_rows():
                if not codes:
                    return self.tr("Level '%1' has no codes.").replace("%1", en)
                if not en:
                    return self.tr("Every level needs an English label.")
            return None
        if not self.checked(self.domains):
            return self.tr("Tick at least one domain question.")
        if not self.checked(self.wg_codes):
            return self.tr("Tick the codes that count as 'a lot of difficulty' or worse.")
        return None

    def validate(self, *_: object) -> bool:
        problem = self.problem()
        self.error.setText(problem or "")
        self.ok_button.setEnabled(problem is None)
        return problem is None

    # --------------------------------------------------------------- result
    def result_disaggregation(self) -> Any:
        from workbench.plan.model import Disaggregation, Level

        kind = self.kind.currentData()
        labels = {k: w.text().strip() for k, w in (("en", self.label_en), ("fr", self.label_fr))}
        base = self.existing or Disaggregation(self.id_edit.text().strip())
        old_labels = {k: v for k, v in base.labels.items() if k not in ("en", "fr")}
        common = {
            "id": self.id_edit.text().strip(),
            "kind": kind,
            "unit": self.unit.currentData(),
            "labels": {**old_labels, **{k: v for k, v in labels.items() if v}},
            "head": self.head.isChecked() and self.unit.currentData() == "individual",
        }
        if kind == "age_groups":
            return dataclasses.replace(
                base,
                **common,
                column=self.age_column.currentData(),
                cut_points=self._cut_problem()[0],
            )
        if kind == "category":
            levels = tuple(
                Level(codes, {k: v for k, v in (("en", en), ("fr", fr)) if v})
                for codes, en, fr in self.level_rows()
            )
            return dataclasses.replace(
                base, **common, column=self.cat_column.currentData(), levels=levels
            )
        return dataclasses.replace(
            base,
            **common,
            columns=tuple(self.checked(self.domains)),
            codes=tuple(self.checked(self.wg_codes)),
        )

    def accept(self) -> None:
        from workbench.plan.commands import SetCutPoints, SetDisaggregation

        if not self.validate():
            return
        new = self.result_disaggregation()
        old = self.existing
        if old is not None and new == old:
            super().accept()
            return
        if (
            old is not None
            and old.kind == "age_groups"
            and dataclasses.replace(new, cut_points=old.cut_points) == old
        ):
            self.command.emit(SetCutPoints(new.id, new.cut_points))
        else:
            self.command.emit(SetDisaggregation(new.id, new))
        super().accept()
