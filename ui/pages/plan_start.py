"""How a plan starts: the empty Plan page says what to do first, and "New from datasets" asks
which datasets the plan reads (it used every dataset in the vault without saying so)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from ui.widgets import checkable_item, checked_items

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def by_severity(findings: list[Any]) -> list[Any]:
    """Errors first, then warnings, then notes (stable within each)."""
    return sorted(findings, key=lambda f: SEVERITY_ORDER.get(f.severity, 3))


def empty_hint(has_datasets: bool) -> str:
    if not has_datasets:
        return QCoreApplication.translate(
            "PlanPage",
            "No plan yet, and no data: import your datasets first on the Datasets page (the "
            "bundled sample: freedonia_household and freedonia_individual). Then come back here.",
        )
    return QCoreApplication.translate(
        "PlanPage",
        "No plan yet. Click “New from datasets” to have one suggested from the datasets you "
        "choose, or “Import…” a plan file (the bundled sample has freedonia-plan.toml). "
        "Press F1 for the guide.",
    )


def preselected(infos: list[Any]) -> set[str]:
    """The first household dataset and the datasets linked to it (else every dataset); with a
    single household dataset, member datasets imported without a link too (auto-suggest finds
    the link from the data)."""
    households = [i for i in infos if i.unit == "household"]
    if not households:
        return {i.name for i in infos}
    main = households[0].name
    chosen = {main} | {i.name for i in infos if i.parent == main}
    if len(households) == 1:
        chosen |= {i.name for i in infos if i.unit == "individual" and not i.parent}
    return chosen


class ChooseDatasetsDialog(QDialog):
    def __init__(self, infos: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chooseDatasets")
        self.setWindowTitle(self.tr("New plan from datasets"))
        self.setMinimumWidth(460)
        intro = QLabel(
            self.tr(
                "Which datasets does the plan read? Usually one household dataset and the member "
                "dataset linked to it."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("datasetChoices")
        chosen = preselected(infos)
        units = {"household": self.tr("households"), "individual": self.tr("individuals")}
        for info in infos:
            text = f"{info.name} — {units.get(info.unit, info.unit)}"
            if info.parent:
                text += " " + self.tr("(linked to %1)").replace("%1", info.parent)
            self.list.addItem(checkable_item(text, info.name, info.name in chosen))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Suggest a plan"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemChanged.connect(lambda _i: self.ok.setEnabled(bool(self.names())))
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.buttons)
        self.ok.setEnabled(bool(self.names()))

    def names(self) -> list[str]:
        return [str(n) for n in checked_items(self.list)]


# the plan list's mark on a suggested plan not saved yet
UNSAVED_ROLE = Qt.ItemDataRole.UserRole + 1


def fill_plan_list(combo: QComboBox, plans: list[Any]) -> None:
    """The vault's plans, each with its version (and "draft")."""
    combo.clear()
    for rec in plans:
        label = (
            QCoreApplication.translate("PlanPage", "%1 (version %2, draft)")
            if rec.is_draft
            else QCoreApplication.translate("PlanPage", "%1 (version %2)")
        )
        combo.addItem(label.replace("%1", rec.name).replace("%2", str(rec.version)), rec.name)


def mark_unsaved(combo: QComboBox, name: str) -> None:
    """A suggested plan is not in the vault until saved: the plan list shows it first, marked
    so, and selected — not the plan open before (a French user saw "freedonia (version 1)" above
    the new plan "plan")."""
    label = QCoreApplication.translate("PlanPage", "%1 (new, not saved)").replace("%1", name)
    combo.insertItem(0, label, name)
    combo.setItemData(0, True, UNSAVED_ROLE)
    combo.setCurrentIndex(0)


def drop_unsaved(combo: QComboBox) -> None:
    for i in reversed(range(combo.count())):
        if combo.itemData(i, UNSAVED_ROLE):
            combo.removeItem(i)
