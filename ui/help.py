"""The offline user guide (Help menu, F1): ``resources/help/<lang>.html`` in a window of its own,
opened at the part about the page shown (context help), with a find box. No network: the guide
is a bundled file, and links other than the guide's own anchors are not followed."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import current_language
from workbench.languages import DEFAULT_LANGUAGE, is_rtl
from workbench.paths import help_dir, sample_dir

#: the guide's part about each workspace page (a page may also say ``help_anchor``)
PAGE_ANCHORS = {
    "DatasetsPage": "datasets",
    "ChecksPage": "checks",
    "CleaningPage": "cleaning",
    "PlanPage": "plan",
    "AnalysisPage": "analysis",
    "ReportPage": "report",
    "SharePage": "sharing",
    "AuditPage": "audit",
    "SettingsPage": "settings",
}
#: the guide's part about each dialog; a dialog not named here (a message box, a file picker)
#: takes the part about the page or dialog it was opened from
DIALOG_ANCHORS = {
    "ImportWizard": "datasets",
    "CleaningDialog": "cleaning",
    "DisaggregationDialog": "plan",
    "ChooseDatasetsDialog": "plan",
    "CustomIndicatorDialog": "custom-indicators",
    "ExportResultsDialog": "out",
    "ChangePassphraseDialog": "vault",
    "RestoreDialog": "vault",
}
START_ANCHOR = "start"
GETTING_STARTED = "getting-started"
SHORTCUTS = "shortcuts"


def anchor_for(widget: object) -> str:
    """The guide's anchor for a page or screen ("" for the top of the guide)."""
    own = getattr(widget, "help_anchor", None)
    if isinstance(own, str):
        return own
    name = type(widget).__name__
    if name == "StartScreen":
        return START_ANCHOR
    return PAGE_ANCHORS.get(name) or DIALOG_ANCHORS.get(name, "")


def anchor_within(widget: QWidget | None) -> str:
    """The anchor of ``widget`` or of the nearest widget it was opened from that has one (a
    message box over the import wizard: the part about importing)."""
    while widget is not None:
        anchor = anchor_for(widget)
        if anchor:
            return anchor
        widget = widget.parentWidget()
    return ""


def guide_html(language: str) -> str:
    """The guide in ``language`` (English when it has none), with the sample folder filled in."""
    path = help_dir() / f"{language}.html"
    if not path.is_file():
        path = help_dir() / f"{DEFAULT_LANGUAGE}.html"
    text = path.read_text(encoding="utf-8")
    return text.replace("{{SAMPLE_DIR}}", html.escape(str(sample_dir())))


class HelpWindow(QDialog):
    """A non-modal window (the app stays usable beside it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle(self.tr("User guide"))
        self.setModal(False)
        self.resize(760, 680)
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpBrowser")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        self.find_box = QLineEdit()
        self.find_box.setObjectName("helpFind")
        self.find_box.setPlaceholderText(self.tr("Find in the guide…"))
        self.find_box.setClearButtonEnabled(True)
        self.find_box.returnPressed.connect(self.find_next)
        self.not_found = QLabel()
        contents = QPushButton(self.tr("Contents"))
        contents.clicked.connect(lambda: self.show_anchor(""))
        start = QPushButton(self.tr("Getting started"))
        start.clicked.connect(lambda: self.show_anchor(GETTING_STARTED))
        bar = QHBoxLayout()
        bar.addWidget(contents)
        bar.addWidget(start)
        bar.addStretch(1)
        bar.addWidget(self.not_found)
        bar.addWidget(self.find_box)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.browser, 1)
        QShortcut(QKeySequence.StandardKey.Find, self, self.find_box.setFocus)
        self.language = ""
        self.anchor = ""

    def load(self, language: str) -> None:
        if language != self.language:
            self.language = language
            self.browser.setHtml(guide_html(language))
            rtl = is_rtl(language)
            self.setLayoutDirection(
                Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
            )

    def show_anchor(self, anchor: str) -> None:
        self.anchor = anchor
        if anchor:
            self.browser.scrollToAnchor(anchor)
        else:
            self.browser.verticalScrollBar().setValue(0)

    def _follow(self, url: QUrl) -> None:
        if url.hasFragment() and not url.scheme():
            self.show_anchor(url.fragment())

    def find_next(self) -> None:
        text = self.find_box.text()
        if not text:
            return
        found = self.browser.find(text)
        if not found:  # wrap around once
            self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start)
            found = self.browser.find(text)
        self.not_found.setText("" if found else self.tr("Not found"))


def open_guide(parent: QWidget, anchor: str = "", window: HelpWindow | None = None) -> HelpWindow:
    """Show the guide in the interface language at ``anchor`` (reusing ``window``)."""
    if window is None:
        window = HelpWindow(parent)
    window.load(current_language())
    window.show()
    window.raise_()
    window.show_anchor(anchor)
    return window
