"""Mapping editor: which column answers an input, which codes count, missing codes, universe;
auto-suggest's ranked candidates above it, one click each (``plan_candidates``)."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.disagg_parts import code_text
from ui.pages.plan_candidates import CandidatePanel
from ui.widgets import checkable_item, checked_items
from workbench.languages import is_rtl

if TYPE_CHECKING:
    from workbench.plan.model import UnitRole


class MappingEditor(QWidget):
    """Edits one InputMapping; emits ``changed(name, mapping_or_None)``."""

    changed = Signal(str, object)
    #: a suggested candidate was accepted (name, mapping)
    candidate_used = Signal(str, object)
    suggest_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name: str | None = None
        self.mapping: Any = None
        self.variables: dict[str, Any] = {}
        #: text columns' answers, from the suggestion (a text column has no value labels)
        self.choices: dict[str, dict[str, str]] = {}
        self.language = "en"
        self.candidates = CandidatePanel()
        self.candidates.setObjectName("mappingCandidates")
        self.candidates.chosen.connect(self._candidate_chosen)
        self.candidates.suggest_requested.connect(self.suggest_requested)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setObjectName("mappingTitle")
        self.suggestion = QLabel()
        self.suggestion.setObjectName("mappingSuggestion")
        self.suggestion.setWordWrap(True)
        self.column = QComboBox()
        self.column.setObjectName("mappingColumn")
        self.column.setMinimumContentsLength(24)
        self.multi = QCheckBox(self.tr("Several columns (e.g. select-multiple options)"))
        self.multi.setObjectName("mappingMulti")
        self.multi.toggled.connect(self._multi_toggled)
        self.columns = QListWidget()
        self.columns.setObjectName("mappingColumns")
        self.columns.setToolTip(self.tr("Tick the columns this input combines."))
        self.columns.setMinimumHeight(140)
        self.columns.itemChanged.connect(lambda _i: self._fill_codes())
        self.combine_note = QLabel()
        self.combine_note.setObjectName("mappingCombine")
        self.combine_note.setWordWrap(True)
        self.codes = QListWidget()
        self.codes.setObjectName("mappingCodes")
        self.codes.setToolTip(self.tr("Tick the answers that count as the condition."))
        self.missing = QListWidget()
        self.missing.setObjectName("mappingMissing")
        self.missing.setToolTip(self.tr("Tick the codes that mean 'no answer'."))
        self.missing.setMaximumHeight(110)
        self.universe = QLabel()
        self.universe.setObjectName("mappingUniverse")
        self.universe.setWordWrap(True)
        self.apply_button = QPushButton(self.tr("Apply mapping"))
        self.apply_button.setObjectName("applyMapping")
        self.apply_button.clicked.connect(self.apply)
        self.unmap_button = QPushButton(self.tr("Remove mapping"))
        self.unmap_button.clicked.connect(lambda: self.changed.emit(self.name, None))
        self.numeric_note = QLabel(
            self.tr("This column has no coded answers: the input uses its values as they are.")
        )
        self.numeric_note.setWordWrap(True)
        form = self.form = QFormLayout()
        form.addRow("", self.multi)
        form.addRow(self.tr("Column:"), self.column)
        form.addRow(self.tr("Columns:"), self.columns)
        form.addRow("", self.combine_note)
        form.addRow("", self.numeric_note)
        form.addRow(self.tr("Codes that count:"), self.codes)
        form.addRow(self.tr("Missing codes:"), self.missing)
        form.addRow(self.tr("Universe:"), self.universe)
        lay = QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addWidget(self.suggestion)
        lay.addWidget(self.candidates)
        lay.addLayout(form)
        lay.addWidget(self.apply_button)
        lay.addWidget(self.unmap_button)
        lay.addStretch(1)
        self.column.currentIndexChanged.connect(self._fill_codes)
        self.setEnabled(False)

    def edit(
        self,
        name: str,
        description: str,
        unit: UnitRole,
        mapping: Any,
        variables: dict[str, Any],
        universe: str,
        suggestion: str = "",
        offers: tuple[Any, ...] | None = None,
        language: str = "en",
    ) -> None:
        """``offers``: auto-suggest's ranked candidates for the input (None: not asked yet)."""
        self.name, self.mapping, self.variables, self.unit = name, mapping, variables, unit
        self.language = language
        self.choices = {o.column: dict(o.choices) for o in offers or () if o.choices}
        current_col = mapping.column if mapping is not None else None
        self.candidates.show_offers(offers, current_col, variables)
        # the input's name is Latin: without a right-to-left mark an Arabic title is laid out
        # left to right (left-aligned, its full stop at the wrong end)
        rtl = "\u200f" if is_rtl(language) else ""
        self.title.setText(f"{rtl}<b>{name}</b> — {description}")
        self.suggestion.setText(suggestion)
        self.suggestion.setVisible(bool(suggestion))
        self.universe.setText(universe or self.tr("everyone in the unit"))
        self.column.blockSignals(True)
        self.column.clear()
        self.column.addItem(self.tr("(not mapped)"), None)
        for vname, var in variables.items():
            label = f"{vname} — {var.label}" if var.label else vname
            self.column.addItem(label, vname)
        current = mapping.column if mapping is not None else None
        self.column.setCurrentIndex(max(self.column.findData(current), 0))
        self.column.blockSignals(False)
        chosen = set(mapping.source_columns) if mapping is not None else set()
        self.columns.blockSignals(True)
        self.columns.clear()
        for vname, var in variables.items():
            text = f"{vname} — {var.label}" if var.label else vname
            self.columns.addItem(checkable_item(text, vname, vname in chosen))
        self.columns.blockSignals(False)
        multi = mapping is not None and bool(mapping.columns)
        self.multi.blockSignals(True)
        self.multi.setChecked(multi)
        self.multi.blockSignals(False)
        self._multi_toggled(multi)
        self.setEnabled(True)

    def _candidate_chosen(self, mapping: Any) -> None:
        if self.name is not None and mapping is not None:
            self.candidate_used.emit(self.name, mapping)

    def _multi_toggled(self, on: bool) -> None:
        self.column.setVisible(not on)
        self.form.labelForField(self.column).setVisible(not on)
        self.columns.setVisible(on)
        self.form.labelForField(self.columns).setVisible(on)
        combine = {
            "any": self.tr("counts when any ticked code appears in any column"),
            "all": self.tr("counts when every column has a ticked code"),
            "count": self.tr("the number of columns with a ticked code"),
            "sum": self.tr("the sum of the columns"),
        }
        how = self.mapping.combine if self.mapping is not None else "any"
        self.combine_note.setText(
            self.tr("Combined: %1.").replace("%1", combine.get(how, how)) if on else ""
        )
        self.combine_note.setVisible(on)
        self._fill_codes()

    def selected_columns(self) -> tuple[str, ...]:
        return tuple(self._checked(self.columns))

    def _current_var(self) -> Any:
        """The chosen column's Variable; for several columns, the first one, with the value
        labels and missing codes of all of them."""
        if not self.multi.isChecked():
            col = self.column.currentData()
            var = self.variables.get(col) if col else None
            if var is not None and not var.value_labels and col in self.choices:
                return dataclasses.replace(var, value_labels=dict(self.choices[col]))
            return var
        chosen = [self.variables[c] for c in self.selected_columns() if c in self.variables]
        if not chosen:
            return None
        labels: dict[Any, Any] = {}
        missing: list[Any] = []
        for v in chosen:
            for k, t in v.value_labels.items():
                labels.setdefault(k, t)
            missing += [c for c in v.missing_codes if c not in missing]
        return dataclasses.replace(chosen[0], value_labels=labels, missing_codes=missing)

    def _fill_codes(self) -> None:
        var = self._current_var()
        chosen = set(self.mapping.true_codes) if self.mapping is not None else set()
        missing = set(self.mapping.missing or ()) if self.mapping is not None else set()
        if var is not None and (self.mapping is None or self.mapping.missing is None):
            missing = set(var.missing_codes)  # None: the column's own missing codes
        self.codes.clear()
        self.missing.clear()
        coded = var is not None and bool(var.value_labels or var.missing_codes)
        for box in (self.codes, self.missing):
            box.setVisible(coded)
            self.form.labelForField(box).setVisible(coded)
        self.numeric_note.setVisible(var is not None and not coded)
        if var is None:
            return
        labels = dict(var.value_labels)
        # the answer labels in the interface language, for the user to confirm what counts
        labels.update(
            {k: v for k, v in var.value_labels_i18n.get(self.language, {}).items() if k in labels}
        )
        for code in [*labels, *[c for c in var.missing_codes if c not in labels]]:
            text = f"{code_text(code)} = {labels[code]}" if code in labels else code_text(code)
            for box, on in ((self.codes, code in chosen), (self.missing, code in missing)):
                box.addItem(checkable_item(text, code, on))

    def _checked(self, box: QListWidget) -> tuple[Any, ...]:
        return tuple(checked_items(box))

    def set_checked(self, box: QListWidget, codes: set[Any]) -> None:
        for i in range(box.count()):
            item = box.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in codes
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def apply(self) -> None:
        from workbench.plan.model import InputMapping

        if self.name is None:
            return
        base = self.mapping or InputMapping(self.name, unit=self.unit)
        if self.multi.isChecked():
            cols = self.selected_columns()
            # a mapping may name one column plus several: keep it where it is when still ticked
            column = base.column if base.column in cols else None
            where = {"column": column, "columns": tuple(c for c in cols if c != column)}
        else:
            where = {"column": self.column.currentData(), "columns": ()}
        if not where["column"] and not where["columns"]:
            self.changed.emit(self.name, None)
            return
        # only what the editor shows is replaced: combine, categories, skip handling,
        # aggregation, labels and the note stay as they were
        mapping = dataclasses.replace(
            base,
            **where,
            true_codes=self._checked(self.codes),
            missing=self._missing(base),
        )
        self.changed.emit(self.name, mapping)

    def _missing(self, base: Any) -> tuple[Any, ...] | None:
        """The ticked missing codes; None (the column's own) while they are just those."""
        ticked = self._checked(self.missing)
        var = self._current_var()
        kept = self.mapping is not None and base.missing is None
        if kept and var is not None and set(ticked) == set(var.missing_codes):
            return None
        return ticked or None

    def clear(self) -> None:
        self.name, self.mapping, self.variables = None, None, {}
        self.column.clear()
        self.columns.clear()
        self.codes.clear()
        self.missing.clear()
        self.title.clear()
        self.universe.clear()
        self.choices = {}
        self.candidates.show_offers(None, None, {})
        self.setEnabled(False)
