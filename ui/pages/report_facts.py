"""The report page's "Survey facts": area, reference period, currency, producing office and
contact printed on the cover and in the methodology annex.

They come from the run's plan (its ``[report]`` table, frozen with the run); what is typed here
is used for this report, and *Save in the plan* keeps it in a new plan version so the next runs
carry it too (texts in the report's language).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QWidget

#: field → (ReportOptions key, plan [report] key, is a text by language)
FIELDS = {
    "area": ("area", "area", True),
    "period": ("reference_period", "reference_period", True),
    "currency": ("currency", "currency", False),
    "office": ("office", "office", True),
    "contact": ("contact", "contact", False),
}


def shown_text(value: Any, lang: str) -> str:
    """A ``[report]`` value as the report would print it in ``lang`` (texts by language fall
    back to the plan's language)."""
    if isinstance(value, dict):
        return str(value.get(lang) or next(iter(value.values()), "") or "")
    return str(value or "")


class SurveyFactsBox(QGroupBox):
    """Five line edits, filled from a run's report facts; ``options()`` for ReportOptions."""

    saveRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Survey facts (cover and methodology)"), parent)
        self.setObjectName("surveyFacts")
        self.edits: dict[str, QLineEdit] = {}
        labels = {
            "area": self.tr("Area:"),
            "period": self.tr("Reference period:"),
            "currency": self.tr("Currency of amounts:"),
            "office": self.tr("Producing office:"),
            "contact": self.tr("Contact:"),
        }
        form = QFormLayout(self)
        for key, label in labels.items():
            edit = QLineEdit()
            edit.setObjectName(f"fact_{key}")
            self.edits[key] = edit
            form.addRow(label, edit)
        self.edits["currency"].setPlaceholderText(self.tr("e.g. USD"))
        self.save_button = QPushButton(self.tr("Save in the plan"))
        self.save_button.setObjectName("saveFacts")
        self.save_button.setToolTip(
            self.tr("Keeps these facts in a new version of the plan, for the next analyses.")
        )
        self.save_button.clicked.connect(self.saveRequested.emit)
        self.status = QLabel()
        self.status.setObjectName("factsStatus")
        self.status.setWordWrap(True)
        form.addRow(self.save_button, self.status)
        self._loaded: dict[str, str] = {}

    def load(self, info: dict[str, Any], lang: str) -> None:
        """Fill the fields from a run's ``[report]`` facts, in the report's language."""
        self._loaded = {key: shown_text(info.get(plan_key), lang)
                        for key, (_o, plan_key, _t) in FIELDS.items()}  # fmt: skip
        for key, text in self._loaded.items():
            self.edits[key].setText(text)
        self.status.clear()

    def values(self) -> dict[str, str]:
        return {key: edit.text().strip() for key, edit in self.edits.items()}

    def options(self) -> dict[str, str | None]:
        """ReportOptions overrides: what differs from the run's facts (None keeps the run's)."""
        out: dict[str, str | None] = {}
        for key, (opt_key, _p, _t) in FIELDS.items():
            text = self.values()[key]
            out[opt_key] = text if text and text != self._loaded.get(key, "") else None
        return out

    def plan_changes(self) -> tuple[dict[str, str | None], dict[str, str | None]]:
        """(texts by key, plain values by key) for ``with_report_texts``."""
        texts: dict[str, str | None] = {}
        names: dict[str, str | None] = {}
        for key, (_o, plan_key, is_text) in FIELDS.items():
            (texts if is_text else names)[plan_key] = self.values()[key]
        return texts, names
