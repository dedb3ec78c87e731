"""Suggested columns for one input: the ranked candidates of auto-suggest, one click each.

Each button names the column, its label, the calibrated confidence and the codes that would
count (a column offered on its values alone says so and what its values show, with no
percentage: its confidence is not calibrated); clicking it applies that candidate's ready
mapping (through the plan's undo stack). With no candidates yet (a plan opened from the vault),
a button asks auto-suggest for them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ui.dialogs.disagg_parts import code_text
from ui.i18n import confidence_text, current_language


class CandidatePanel(QWidget):
    chosen = Signal(object)  # the candidate's InputMapping
    suggest_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setObjectName("candidatesHeading")
        self.heading.setWordWrap(True)
        self.ask = QPushButton(self.tr("Suggest columns"))
        self.ask.setObjectName("suggestCandidates")
        self.ask.setToolTip(self.tr("Rank the dataset's columns for this input."))
        self.ask.clicked.connect(self.suggest_requested)
        self.buttons: list[QPushButton] = []
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(0, 0, 0, 0)
        self.lay.addWidget(self.heading)
        self.lay.addWidget(self.ask)

    def show_offers(
        self, offers: tuple[Any, ...] | None, current: str | None, variables: dict[str, Any]
    ) -> None:
        """``offers``: the input's ranked candidates (None: not suggested yet)."""
        for b in self.buttons:
            self.lay.removeWidget(b)
            b.hide()  # until it is deleted it would still be drawn over the new list
            b.deleteLater()
        self.buttons = []
        self.ask.setVisible(offers is None)
        if offers is None:
            self.heading.setText(self.tr("No suggestion for this input yet."))
            return
        if not offers:
            self.heading.setText(self.tr("No column looks like this input."))
            return
        self.heading.setText(self.tr("Suggested columns (best first; click one to use it):"))
        for i, offer in enumerate(offers):
            b = QPushButton(self._text(offer, variables, offer.column == current))
            b.setObjectName(f"candidate{i}")
            b.setToolTip(offer.reason.render(current_language()))
            b.setStyleSheet("text-align: left; padding: 3px 8px;")
            b.setEnabled(offer.mapping is not None and offer.column != current)
            b.clicked.connect(lambda _=False, o=offer: self.chosen.emit(o.mapping))
            self.lay.addWidget(b)
            self.buttons.append(b)

    def _text(self, offer: Any, variables: dict[str, Any], current: bool) -> str:
        var = variables.get(offer.column)
        label = f" — {var.label}" if var is not None and var.label else ""
        mark = "✓ " if current else ""
        if offer.values_only:
            cue = offer.cue.render(current_language())
            conf = self.tr("suggested from its values only: %1 — check").replace("%1", cue)
        else:
            conf = self.tr("confidence %1%").replace("%1", confidence_text(offer.confidence))
        text = f"{mark}{offer.column}{label} ({conf})"
        if offer.held is not None:  # why it is not accepted without the user's word
            text += "\n    " + offer.held.render(current_language())
        codes = offer.mapping.true_codes if offer.mapping is not None else ()
        if codes:
            labels = dict(var.value_labels) if var is not None else {}
            labels = labels or offer.choices
            shown = [
                f"{code_text(c)} = {labels[c]}" if c in labels else code_text(c) for c in codes
            ]
            text += "\n    " + self.tr("counts: %1").replace("%1", "; ".join(shown))
        return text
