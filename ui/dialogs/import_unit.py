"""Import wizard page: what one row is, its key, and the household dataset it links to.

Defaults come from the data's structure over the whole file (``Workbench.suggest_structure``);
the key and the link are checked here, as they are chosen (``Workbench.check_key``,
``Workbench.check_import_link``), so a wrong key or a broken link stops the wizard on this page,
not after the import."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWizardPage

from ui.error_dialog import user_message
from ui.i18n import finding_text
from workbench.findings import Finding


class UnitPage(QWizardPage):
    def __init__(self, wizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("What one row is"))
        self.setSubTitle(
            self.tr("Household files hold one row per household; member rosters one per person.")
        )
        self.unit = QComboBox()
        self.unit.setObjectName("unitCombo")
        self.unit.addItem(self.tr("Household"), "household")
        self.unit.addItem(self.tr("Individual (household member)"), "individual")
        self.unit.addItem(self.tr("Other"), "other")
        self.key = QComboBox()
        self.key.setObjectName("keyCombo")
        self.key.setToolTip(self.tr("The column that identifies one row (e.g. household id)."))
        self.parent_ds = QComboBox()
        self.parent_ds.setObjectName("parentCombo")
        self.parent_ds.setToolTip(self.tr("Only household datasets already in the vault."))
        self.parent_key = QComboBox()
        self.parent_key.setObjectName("parentKeyCombo")
        self.parent_key.setToolTip(self.tr("The column holding the household id of each person."))
        self.why = QLabel()
        self.why.setObjectName("structureReason")
        self.why.setWordWrap(True)
        self.also = QLabel()
        self.also.setObjectName("otherDatasets")
        self.also.setWordWrap(True)
        self.check = QLabel()
        self.check.setObjectName("linkCheck")
        self.check.setWordWrap(True)
        self.form = QFormLayout()
        self.form.addRow(self.tr("One row is:"), self.unit)
        self.form.addRow(self.tr("Identifier column:"), self.key)
        self.form.addRow(self.tr("Household dataset:"), self.parent_ds)
        self.form.addRow(self.tr("Link column:"), self.parent_key)
        lay = QVBoxLayout(self)
        lay.addWidget(self.why)
        lay.addLayout(self.form)
        lay.addWidget(self.check)
        lay.addWidget(self.also)
        lay.addStretch(1)
        self._errors: list[Finding | str] = []
        self._checking = False
        self._defaults_for = None
        self.unit.currentIndexChanged.connect(self._unit_changed)
        for combo in (self.key, self.parent_ds, self.parent_key):
            combo.currentIndexChanged.connect(self._recheck)

    # ------------------------------------------------------------ defaults
    def initializePage(self) -> None:
        whole = self.w.whole
        if whole is None or whole is self._defaults_for:
            self._recheck()
            return  # back and forth on the same read: keep the user's choices
        self._defaults_for = whole
        from workbench.service import Workbench

        main = whole.main
        dropped = {c for c, a in self.w.ids_page.identifier_actions().items() if a == "drop"}
        combos = (self.unit, self.key, self.parent_ds, self.parent_key)
        for combo in combos:
            combo.blockSignals(True)
        for combo in (self.key, self.parent_key):
            combo.clear()
            combo.addItem(self.tr("(none)"), None)
            for c in main.frame.columns:
                if c not in dropped:
                    combo.addItem(str(c), str(c))
        self.parent_ds.clear()
        parents = Workbench.household_parents(self.w.infos)
        self.parent_ds.addItem(self.tr("(none)") if parents else self.tr("(none in the vault)"))
        for info in parents:
            self.parent_ds.addItem(info.name, info.name)
        s = Workbench.suggest_structure(main, self.w.infos)
        self.unit.setCurrentIndex(self.unit.findData(s.unit))
        self.key.setCurrentIndex(max(0, self.key.findData(s.key)))
        self.parent_ds.setCurrentIndex(max(0, self.parent_ds.findData(s.parent)))
        self.parent_key.setCurrentIndex(max(0, self.parent_key.findData(s.parent_key)))
        for combo in combos:
            combo.blockSignals(False)
        self.why.setText(self._reason(s))
        self.also.setText(self._others(whole.datasets[1:]))
        self._unit_changed()

    def _reason(self, s) -> str:
        texts = {
            "kobo_main": self.tr(
                "A Kobo export: the main sheet holds one row per submission (household); its "
                "repeat sheets are imported with it, linked by _parent_index."
            ),
            "household_key_unique": self.tr(
                "“%1” holds a different value in every row of the file: one row is a household."
            ).replace("%1", s.key or ""),
            "household_key_repeats": self.tr(
                "The household id “%1” repeats in the file: one row is a person, linked to the "
                "household dataset by “%1”."
            ).replace("%1", s.parent_key or ""),
        }
        return texts.get(s.reason, self.tr("Choose what one row of this file is."))

    def _others(self, others) -> str:
        if not others:
            return ""
        lines = [self.tr("Also imported from this file:")]
        for ds in others:
            lines.append(
                "  "
                + self.tr("“%1”: %2 rows, one per %3, linked to “%4” by %5")
                .replace("%1", ds.name)
                .replace("%2", QLocale().toString(ds.n_rows))
                .replace("%3", self.unit.itemText(max(0, self.unit.findData(ds.unit))).lower())
                .replace("%4", ds.parent or "")
                .replace("%5", ds.parent_key or "")
            )
        return "\n".join(lines)

    # -------------------------------------------------------------- checks
    def _unit_changed(self) -> None:
        individual = self.unit.currentData() == "individual"
        for widget in (self.parent_ds, self.parent_key):
            widget.setEnabled(individual)
            self.form.labelForField(widget).setEnabled(individual)
        self._recheck()

    def _recheck(self) -> None:
        """Check the key over the whole file now, and the link against the household dataset."""
        whole = self.w.whole
        if whole is None:
            return
        from workbench.service import Workbench

        self._errors = list(Workbench.check_key(whole.main, self.key.currentData()))
        self._checking = False
        parent, link = self.parent_ds.currentData(), self.parent_key.currentData()
        if self.unit.currentData() == "individual" and parent and not link:
            self._errors.append(self.tr("Choose the link column that holds the household id."))
        if self._errors or self.unit.currentData() != "individual" or not (parent and link):
            self._show([])
            return
        self._checking = True
        self.check.setText(self.tr("Checking the link with “%1”…").replace("%1", parent))
        self.completeChanged.emit()
        self.w.tasks.run(
            self.w.service.check_import_link,
            parent,
            whole.main,
            link,
            progress=False,
            on_done=self._linked,
            on_error=self._link_failed,
            label="check link",
        )

    def _linked(self, findings) -> None:
        self._checking = False
        self._errors = [f for f in findings if f.severity == "error"]
        self._show([f for f in findings if f.severity != "error"])

    def _link_failed(self, exc: BaseException) -> None:
        self._checking = False
        msg, step = user_message(exc)
        self._errors = [f"{msg} {step}".strip()]
        self._show([])

    def _show(self, notes) -> None:
        lines = ["✗ " + (e if isinstance(e, str) else finding_text(e)) for e in self._errors] + [
            "✓ " + finding_text(f) for f in notes if f.code == "link.ok"
        ]
        lines += ["• " + finding_text(f) for f in notes if f.code != "link.ok"]
        if self.unit.currentData() == "individual" and not self.parent_ds.currentData():
            lines.append(
                "• "
                + self.tr(
                    "Not linked to a household dataset: the persons cannot take their "
                    "household's group, weight and design. Import the household file first "
                    "to link them."
                )
            )
        self.check.setText("\n".join(lines))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.w.whole is not None and not self._checking and not self._errors
