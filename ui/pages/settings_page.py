"""Settings: language, idle-lock minutes, disclosure preset, significance level, office name."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui import i18n
from ui.pages.base import Page
from workbench.stats.disclosure_presets import DISCLOSURE_PRESETS


class SettingsPage(Page):
    language_changed = Signal(str)
    idle_minutes_changed = Signal(int)

    def title(self) -> str:
        return self.tr("Settings")

    def __init__(self, service, tasks, parent: QWidget | None = None) -> None:
        super().__init__(service, tasks, parent)
        heading = QLabel(f"<h2>{self.tr('Settings')}</h2>")
        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        for code in i18n.available_languages():
            self.language.addItem(i18n.language_name(code), code)
        self.idle = QSpinBox()
        self.idle.setObjectName("idleMinutes")
        self.idle.setRange(1, 240)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setToolTip(self.tr("The vault locks itself after this much time without input."))
        self.preset = QComboBox()
        self.preset.setObjectName("disclosurePreset")
        for code in DISCLOSURE_PRESETS.codes:
            self.preset.addItem(DISCLOSURE_PRESETS.label(code, i18n.current_language()), code)
        self.preset.setToolTip(
            self.tr("Which small-sample estimates are flagged or hidden in results and reports.")
        )
        self.alpha = QDoubleSpinBox()
        self.alpha.setObjectName("alpha")
        self.alpha.setDecimals(3)
        self.alpha.setRange(0.001, 0.2)
        self.alpha.setSingleStep(0.01)
        self.alpha.setToolTip(
            self.tr("Significance level of comparisons; 0.05 gives 95% confidence intervals.")
        )
        self.office = QLineEdit()
        self.office.setObjectName("officeName")
        self.office.setToolTip(self.tr("Printed on the cover of every report."))
        self.save_button = QPushButton(self.tr("Save settings"))
        self.save_button.setObjectName("saveSettings")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        form = QFormLayout()
        form.addRow(self.tr("Interface language:"), self.language)
        form.addRow(self.tr("Lock after idle:"), self.idle)
        form.addRow(self.tr("Disclosure control:"), self.preset)
        form.addRow(self.tr("Significance level:"), self.alpha)
        form.addRow(self.tr("Office name:"), self.office)
        box = QWidget()
        box.setLayout(form)
        box.setMaximumWidth(720)
        lay = QVBoxLayout(self)
        lay.addWidget(heading)
        lay.addWidget(box)
        lay.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.status)
        lay.addStretch(1)
        self.load()

    def load(self) -> None:
        s = self.service.settings
        i = self.language.findData(s.language)
        self.language.setCurrentIndex(max(i, 0))
        self.idle.setValue(int(s.idle_lock_minutes))
        i = self.preset.findData(s.disclosure_preset)
        self.preset.setCurrentIndex(max(i, 0))
        self.alpha.setValue(float(s.alpha))
        self.office.setText(s.office_name)
        self.status.clear()

    def activate(self) -> None:
        self.load()

    def save(self) -> None:
        s = self.service.settings
        old_language = s.language
        s.language = self.language.currentData()
        s.idle_lock_minutes = self.idle.value()
        s.disclosure_preset = self.preset.currentData()
        s.alpha = round(self.alpha.value(), 3)
        s.office_name = self.office.text().strip()
        try:
            s.save()
            self.status.setText(self.tr("Settings saved."))
        except OSError:
            self.status.setText(self.tr("The settings could not be saved to disk."))
        self.idle_minutes_changed.emit(s.idle_lock_minutes)
        if s.language != old_language:
            self.language_changed.emit(s.language)
