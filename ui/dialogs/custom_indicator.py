"""A custom indicator of the plan, created or edited in a dialog (docs/plans.md, "[[indicators]]"
with ``custom = true``): title, criterion, unit, statistic, direction, the expressions over
inputs (checked with the library's parser as they are typed), breakdowns, and the IRIS
sub-criterion it stands for in the solutions measure, with how that measure counts households
outside its universe (the plan's ``missing_by_design``). The result is an ``IndicatorUse`` the
Plan page applies as one undoable edit; the façade checks it as a plan file's would be."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import current_language
from workbench.languages import LANGUAGES
from workbench.plan.model import IndicatorUse
from workbench.statistics import STATISTICS

_ID = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_MISSING_DEFAULT = "no_vulnerability"  # AnalysisOptions' default (docs/plans.md)


def slug(title: str) -> str:
    """An identifier made from a title: ``Borrowed for basics`` → ``custom_borrowed_for_basics``."""
    ascii_ = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_.lower())
    return ("custom_" + "_".join(words))[:64].rstrip("_") if words else "custom_indicator"


class CustomIndicatorDialog(QDialog):
    def __init__(
        self,
        service: Any,
        library: Any,
        plan: Any,
        use: IndicatorUse | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("customIndicatorDialog")
        self.service, self.library, self.plan, self.original = service, library, plan, use
        self.lang = current_language()
        self.setWindowTitle(
            self.tr("Edit custom indicator") if use else self.tr("New custom indicator")
        )
        self.title = QLineEdit()
        self.title.setObjectName("customTitle")
        # the title by language, as the plan keeps it: the box shows one language at a time
        self.titles: dict[str, str] = {}
        self.title_language = QComboBox()
        self.title_language.setObjectName("customTitleLanguage")
        self.title_language.setToolTip(
            self.tr(
                "The language of the title typed beside it; a report in a language without a "
                "title prints the English one, marked, and its translation check says so."
            )
        )
        for language in LANGUAGES:
            self.title_language.addItem(language.native_name, language.code)
        self._title_shown = "en"
        self.title_language.setCurrentIndex(max(self.title_language.findData("en"), 0))
        self.title_language.currentIndexChanged.connect(self._title_language_changed)
        self.ident = QLineEdit()
        self.ident.setObjectName("customId")
        self.ident.setToolTip(self.tr("Lower-case letters, digits and _; how tables name it."))
        self._id_typed = use is not None
        self.ident.textEdited.connect(self._id_edited)
        self.title.textChanged.connect(self._title_changed)
        self.criterion = QComboBox()
        self.criterion.setObjectName("customCriterion")
        for c in (*library.criteria, *library.modules):
            self.criterion.addItem(f"{c.id}. {c.name(self.lang)}", c.id)
        self.unit = QComboBox()
        self.unit.setObjectName("customUnit")
        self.unit.addItem(self.tr("Household"), "household")
        self.unit.addItem(self.tr("Individual (household member)"), "individual")
        self.statistic = QComboBox()
        self.statistic.setObjectName("customStatistic")
        for code in STATISTICS.codes:
            self.statistic.addItem(STATISTICS.label(code, self.lang), code)
        self.direction = QComboBox()
        self.direction.setObjectName("customDirection")
        self.direction.addItem(self.tr("Higher is worse"), "higher_is_worse")
        self.direction.addItem(self.tr("Higher is better"), "higher_is_better")
        self.direction.addItem(self.tr("Neutral (described, not judged)"), "neutral")
        self.numerator = self._expression("customNumerator")
        self.numerator.setPlaceholderText(self.tr("e.g. loan_for_basic_expenses"))
        self.universe = self._expression("customUniverse")
        self.universe.setPlaceholderText(self.tr("empty: everyone of the unit"))
        self.denominator = self._expression("customDenominator")
        self.reads = QLabel()
        self.reads.setObjectName("customReads")
        self.reads.setWordWrap(True)
        self.breakdowns = QListWidget()
        self.breakdowns.setObjectName("customBreakdowns")
        self.breakdowns.setMaximumHeight(110)
        for d in plan.disaggregations:
            item = QListWidgetItem(d.label(self.lang) if hasattr(d, "label") else d.id)
            item.setData(Qt.ItemDataRole.UserRole, d.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.breakdowns.addItem(item)
        self.iris = QComboBox()
        self.iris.setObjectName("customIris")
        self.iris.addItem(self.tr("(none: not in the solutions measure)"), None)
        for s in library.iris_subcriteria:
            self.iris.addItem(f"{s.id} {s.name(self.lang)}", s.id)
        self.iris_role = QComboBox()
        self.iris_role.setObjectName("customIrisRole")
        self.iris_role.addItem(self.tr("Alternative to the recommended indicator"), "alternative")
        self.iris_role.addItem(self.tr("Recommended indicator"), "recommended")
        self.missing = QComboBox()
        self.missing.setObjectName("customMissingByDesign")
        self.missing.setToolTip(
            self.tr(
                "A household outside an indicator's universe (a question skipped by design): "
                "not vulnerable on it, or unknown. This applies to the whole plan."
            )
        )
        self.missing.addItem(self.tr("count as not vulnerable"), "no_vulnerability")
        self.missing.addItem(self.tr("count as unknown (missing)"), "missing")
        self.note = QLineEdit()
        self.note.setObjectName("customNote")
        self.note.setPlaceholderText(self.tr("What it measures, shown in the report"))
        self.error = QLabel()
        self.error.setObjectName("customError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        for combo in (self.statistic, self.iris):
            combo.currentIndexChanged.connect(self._enable)

        form = QFormLayout()
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.title_language)
        form.addRow(self.tr("Title:"), title_row)
        form.addRow(self.tr("Identifier:"), self.ident)
        form.addRow(self.tr("Criterion:"), self.criterion)
        form.addRow(self.tr("Unit:"), self.unit)
        form.addRow(self.tr("Statistic:"), self.statistic)
        form.addRow(self.tr("Direction:"), self.direction)
        form.addRow(self.tr("Numerator:"), self.numerator)
        form.addRow(self.tr("Universe:"), self.universe)
        form.addRow(self.tr("Denominator:"), self.denominator)
        form.addRow("", self.reads)
        form.addRow(self.tr("Breakdowns:"), self.breakdowns)
        form.addRow(self.tr("IRIS sub-criterion:"), self.iris)
        form.addRow(self.tr("Stands for it as:"), self.iris_role)
        form.addRow(self.tr("Outside its universe, in the solutions measure:"), self.missing)
        form.addRow(self.tr("Definition:"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.use: IndicatorUse | None = None
        self._show(use)
        self._enable()
        self._check_expressions()

    # ------------------------------------------------------------ fields
    def _expression(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.textChanged.connect(self._check_expressions)
        return edit

    def _show(self, use: IndicatorUse | None) -> None:
        mbd = self.plan.analysis.get("missing_by_design", _MISSING_DEFAULT)
        self.missing.setCurrentIndex(max(self.missing.findData(mbd), 0))
        if use is None:
            return
        self.titles = dict(use.title)
        shown = self.lang if use.title.get(self.lang) else "en" if use.title.get("en") else None
        shown = shown or next(iter(use.title), "en")
        self._title_shown = shown
        self.title_language.blockSignals(True)
        self.title_language.setCurrentIndex(max(self.title_language.findData(shown), 0))
        self.title_language.blockSignals(False)
        self.title.setText(use.title.get(shown, ""))
        self.ident.setText(use.id)
        self.ident.setReadOnly(True)  # results and reports name it: not renamed here
        for combo, value in (
            (self.criterion, use.criterion),
            (self.unit, use.unit),
            (self.statistic, use.statistic or "proportion"),
            (self.direction, use.direction or "higher_is_worse"),
            (self.iris, use.iris_subcriterion),
            (self.iris_role, use.iris_role or "alternative"),
        ):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self.numerator.setText(use.numerator or "")
        self.universe.setText(use.universe or "")
        self.denominator.setText(use.denominator or "")
        self.note.setText(use.note_in("en"))
        for i in range(self.breakdowns.count()):
            item = self.breakdowns.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in use.disaggregations
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _id_edited(self, _text: str) -> None:
        self._id_typed = True

    def _title_changed(self, text: str) -> None:
        if not self._id_typed and self._title_shown == "en":
            self.ident.setText(slug(text))

    def _title_language_changed(self, _index: int) -> None:
        """Keep the typed title under its language and show the chosen language's."""
        self.titles = self._typed_titles()
        self._title_shown = self.title_language.currentData()
        self.title.blockSignals(True)
        self.title.setText(self.titles.get(self._title_shown, ""))
        self.title.blockSignals(False)

    def _typed_titles(self) -> dict[str, str]:
        """The titles by language, with the one in the box as typed ("" removes it)."""
        titles = {k: v for k, v in self.titles.items() if k != self._title_shown}
        text = self.title.text().strip()
        return {self._title_shown: text, **titles} if text else titles

    def _enable(self, *_: object) -> None:
        self.denominator.setEnabled(self.statistic.currentData() == "ratio")
        in_measure = self.iris.currentData() is not None
        self.iris_role.setEnabled(in_measure)
        self.missing.setEnabled(in_measure)

    def _check_expressions(self, *_: object) -> bool:
        """Parse each expression as it is typed; list the inputs they read (a new input is
        mapped afterwards on the Plan page, like a library one)."""
        from workbench.errors import WorkbenchError
        from workbench.service import Workbench

        names: set[str] = set()
        for edit in (self.numerator, self.universe, self.denominator):
            text = edit.text().strip()
            if not text or not edit.isEnabled():
                continue
            try:
                names |= set(Workbench.parse_expression(text).inputs)
            except WorkbenchError as exc:
                self.reads.setText("✗ " + exc.render(self.lang))
                return False
        known = set(self.library.inputs)
        shown = [n if n in known else self.tr("%1 (new input: map it next)").replace("%1", n)
                 for n in sorted(names)]  # fmt: skip
        self.reads.setText(self.tr("Reads: %1").replace("%1", ", ".join(shown)) if shown else "")
        return True

    # ------------------------------------------------------------ result
    def indicator_use(self) -> IndicatorUse:
        """The plan entry as the fields describe it (not yet checked)."""
        chosen = tuple(
            self.breakdowns.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.breakdowns.count())
            if self.breakdowns.item(i).checkState() == Qt.CheckState.Checked
        )
        iris = self.iris.currentData()
        keep = self.original
        return IndicatorUse(
            id=self.ident.text().strip(),
            disaggregations=chosen,
            numerator=self.numerator.text().strip() or None,
            universe=self.universe.text().strip() or None,
            denominator=(self.denominator.text().strip() or None)
            if self.denominator.isEnabled()
            else None,
            note=self._note(),
            custom=True,
            title=self._typed_titles(),
            criterion=self.criterion.currentData(),
            unit=self.unit.currentData(),
            statistic=self.statistic.currentData(),
            direction=self.direction.currentData(),
            iris_subcriterion=iris,
            iris_role=self.iris_role.currentData() if iris else None,
            min_important_difference=keep.min_important_difference if keep else None,
            comparable=keep.comparable if keep else None,
        )

    def _note(self) -> dict[str, str]:
        """The typed definition in place of the one shown (its other languages kept)."""
        note = dict(self.original.note) if self.original is not None else {}
        shown = "en" if "en" in note or not note else next(iter(note))
        note.pop(shown, None)
        text = self.note.text().strip()
        return {shown: text, **note} if text else note

    def missing_by_design(self) -> str | None:
        """The plan's choice when this indicator is in the solutions measure (None: not)."""
        return self.missing.currentData() if self.iris.currentData() is not None else None

    def problem(self, use: IndicatorUse) -> str:
        """Why ``use`` cannot be saved ("" when it can): the dialog's own checks, then the
        façade's (the same as a plan file's custom indicator)."""
        from workbench.errors import WorkbenchError

        if not use.title:
            return self.tr("Give the indicator a title.")
        if not _ID.match(use.id):
            return self.tr(
                "The identifier starts with a letter and holds only lower-case letters, digits "
                "and _."
            )
        taken = self.library.has_indicator(use.id) or (
            self.original is None and self.plan.indicator(use.id) is not None
        )
        if taken:
            return self.tr("“%1” is already an indicator: choose another identifier.").replace(
                "%1", use.id
            )
        if not use.numerator:
            return self.tr("Write the numerator: what counts (a yes/no input or a condition).")
        if use.statistic == "ratio" and not use.denominator:
            return self.tr("A ratio needs a denominator.")
        if not self._check_expressions():
            return self.reads.text()
        try:
            self.service.plan_indicator(use, self.plan)
        except WorkbenchError as exc:
            return exc.render(self.lang)
        return ""

    def accept(self) -> None:
        use = self.indicator_use()
        problem = self.problem(use)
        self.error.setText(problem)
        if problem:
            return
        self.use = use
        super().accept()
