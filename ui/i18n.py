"""Interface language: Qt Linguist catalogs (.ts → .qm) installed with QTranslator.

Sources are ``resources/translations/workbench_<lang>.ts`` (``python -m ui.i18n_build`` runs
``pyside6-lupdate``, fills them from ``<lang>_seed.json`` and runs ``pyside6-lrelease``); the
compiled ``.qm`` files are committed. Arabic switches the application to right-to-left.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from workbench.findings import Finding
from workbench.findings_i18n import localized
from workbench.languages import is_rtl
from workbench.paths import translations_dir

LANGUAGE_NAMES = {"en": "English", "fr": "Français", "es": "Español", "ar": "العربية"}
# Number/date locale of the widgets. Arabic uses Modern Standard Arabic with Western digits
# (ar_001), as the tables and the report do: with plain "ar" (Egypt) spin boxes show and only
# accept Arabic-Indic digits and "٫", so "0.05" typed on an ordinary keyboard would be refused.
NUMBER_LOCALE = {"ar": "ar_001"}

_installed: list[QTranslator] = []
_language = "en"


def current_language() -> str:
    """The interface language last installed (``en`` before any)."""
    return _language


def italics() -> bool:
    """Whether emphasis may use italics: Arabic has none, and the oblique faces Qt falls back
    to often lack Arabic glyphs (boxes instead of letters)."""
    return not is_rtl(_language)


def finding_text(finding: Finding) -> str:
    """A core finding's message in the interface language (workbench/i18n catalogs)."""
    return localized(finding, _language)


def available_languages() -> list[str]:
    """English plus every language with a compiled catalog."""
    langs = ["en"]
    for code in ("fr", "es", "ar"):
        if (translations_dir() / f"workbench_{code}.qm").exists():
            langs.append(code)
    return langs


def install(app: QCoreApplication, language: str) -> bool:
    """Replace the installed translators with ``language``'s; returns True when a catalog loaded."""
    global _language
    _language = language
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    loaded = False
    ours = QTranslator(app)  # English too: it holds the plural forms of "%n row(s)" strings
    if ours.load(f"workbench_{language}", str(translations_dir())):
        app.installTranslator(ours)
        _installed.append(ours)
        loaded = True
    if language != "en":
        qt_tr = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_tr.load(QLocale(language), "qtbase", "_", qt_dir):
            app.installTranslator(qt_tr)
            _installed.append(qt_tr)
    QLocale.setDefault(QLocale(NUMBER_LOCALE.get(language, language)))
    if isinstance(app, QApplication):
        app.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if is_rtl(language) else Qt.LayoutDirection.LeftToRight
        )
    return loaded
