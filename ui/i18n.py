"""Interface language: Qt Linguist catalogs (.ts → .qm) installed with QTranslator.

Sources are ``resources/translations/workbench_<lang>.ts`` (``python -m ui.i18n_build`` runs
``pyside6-lupdate``, fills them from ``<lang>_seed.json`` and runs ``pyside6-lrelease``); the
compiled ``.qm`` files are committed. Arabic switches the application to right-to-left.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from workbench import messages
from workbench.findings import Finding
from workbench.findings_i18n import localized
from workbench.languages import DEFAULT_LANGUAGE, LANGUAGES, is_rtl, with_catalogue
from workbench.paths import translations_dir

_installed: list[QTranslator] = []
_language = DEFAULT_LANGUAGE


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


def confidence_text(confidence: float) -> str:
    """A calibrated confidence as the messages say it in the interface language ("< 1" for
    one rounding to 0, "> 99" for one rounding to 100; Arabic in words: workbench.messages)."""
    return messages.confidence_text(confidence, _language)


def language_name(code: str) -> str:
    """A language as the menus show it: its name in itself (workbench/languages.py)."""
    return LANGUAGES.get(code).native_name if code in LANGUAGES else code


def available_languages() -> list[str]:
    """The source language plus every language with a compiled interface catalog."""
    return [
        code
        for code in with_catalogue("app")
        if code == DEFAULT_LANGUAGE or (translations_dir() / f"workbench_{code}.qm").exists()
    ]


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
    if language != DEFAULT_LANGUAGE:
        qt_tr = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_tr.load(QLocale(language), "qtbase", "_", qt_dir):
            app.installTranslator(qt_tr)
            _installed.append(qt_tr)
    number_locale = LANGUAGES.get(language).number_locale if language in LANGUAGES else language
    QLocale.setDefault(QLocale(number_locale))
    if isinstance(app, QApplication):
        app.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if is_rtl(language) else Qt.LayoutDirection.LeftToRight
        )
    return loaded
