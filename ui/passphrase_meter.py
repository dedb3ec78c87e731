"""The strength meter of a new passphrase (start screen, Change passphrase): a bar and one hint.

The hint keeps the height of its longest wording, so the fields below it never move while the
user types (issue 21, finding 9: a click landed in the wrong field as the hint grew)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from workbench.passphrase import MIN_LENGTH, MIN_SCORE, strength


class PassphraseMeter(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(8)
        self.label = QLabel()
        self.label.setObjectName("strengthLabel")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.meter)
        lay.addWidget(self.label)
        self._longest = " ".join(
            [
                self.tr("Too short: use at least %n characters.", "", MIN_LENGTH),
                self.tr("A vault needs a passphrase rated “Fair” or better."),
                self.tr("The two passphrases differ."),
            ]
        )

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._reserve()

    def _reserve(self) -> None:
        """Reserve the height of the longest hint at the label's width."""
        width = max(self.label.width(), 200)
        rect = self.label.fontMetrics().boundingRect(
            0, 0, width, 10_000, int(Qt.TextFlag.TextWordWrap), self._longest
        )
        self.label.setFixedHeight(rect.height() + 4)

    def update_for(self, passphrase: str, repeated: str) -> bool:
        """Show the score and the hint; True when the passphrase may be used (rated "Fair" or
        better and both fields agree)."""
        level = strength(passphrase)
        self.meter.setValue(level)
        words = [
            self.tr("Too short: use at least %n characters.", "", MIN_LENGTH),
            self.tr("Weak: add more words."),
            self.tr("Fair: a few more words would help."),
            self.tr("Good."),
            self.tr("Strong."),
        ]
        text = words[level] if passphrase else self.tr("Use a passphrase of several words.")
        if passphrase and level < MIN_SCORE:
            text += " " + self.tr("A vault needs a passphrase rated “Fair” or better.")
        if repeated and passphrase != repeated:
            text += " " + self.tr("The two passphrases differ.")
        self.label.setText(text)
        self._reserve()
        return level >= MIN_SCORE and passphrase == repeated
