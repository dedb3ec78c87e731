"""Interface language: French catalog, English plurals, right-to-left for Arabic, live switch.

Spanish and Arabic catalogs in detail: test_ui_i18n_catalogs.py.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from ui import i18n
from ui.i18n_build import untranslated
from workbench.languages import DEFAULT_LANGUAGE, with_catalogue


@pytest.fixture
def restore_language(qapp):
    yield
    i18n.install(qapp, "en")


def test_catalogs_are_complete_and_compiled():
    for lang in with_catalogue("app"):
        if lang != DEFAULT_LANGUAGE:  # the source language holds only plural forms
            assert untranslated(lang) == []
    assert i18n.available_languages() == list(with_catalogue("app"))


def test_french_and_english_plurals(qapp, restore_language):
    assert i18n.install(qapp, "fr")
    tr = QCoreApplication.translate
    assert tr("StartScreen", "Unlock") == "Déverrouiller"
    assert tr("DatasetsPage", "%n row(s)", "", 2) == "2 lignes"
    assert i18n.install(qapp, "en")
    assert tr("DatasetsPage", "%n row(s)", "", 1) == "1 row"
    assert tr("DatasetsPage", "%n row(s)", "", 1200) == "1200 rows"


def test_arabic_is_right_to_left(qapp, restore_language):
    i18n.install(qapp, "ar")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    i18n.install(qapp, "en")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_switching_language_rebuilds_the_window(
    window, qtbot, make_vault, passphrase, restore_language
):
    from ui_testdata import unlock

    from ui.pages.settings_page import SettingsPage

    unlock(window, make_vault(), passphrase)
    page = window.workspace.show_page(SettingsPage)
    page.language.setCurrentIndex(page.language.findData("fr"))
    page.save()
    assert window.service.settings.language == "fr"
    assert window.workspace.sidebar.item(0).text() == "Jeux de données"
    assert window.lock_action.text() == "Verrouiller"
    assert window.service.is_unlocked  # the vault stays open across the switch
    # issue 21 finding 6: saving the language stays on the Settings page
    assert window.workspace.stack.currentWidget() is window.workspace.page(SettingsPage)
    assert window.workspace.sidebar.currentRow() == window.workspace._index_of(SettingsPage)


def test_idle_time_saved_is_said_and_applied_at_once(window, make_vault, passphrase):
    """Issue 21 finding 7: the status bar kept "locks after 1 minute" after 10 was saved."""
    from ui_testdata import unlock

    from ui.pages.settings_page import SettingsPage

    window.service.settings.idle_lock_minutes = 1
    unlock(window, make_vault(), passphrase)
    assert "1 minute" in window.statusBar().currentMessage()
    page = window.workspace.show_page(SettingsPage)
    page.idle.setValue(10)
    page.save()
    assert window.idle.interval_ms() == 600_000
    message = window.statusBar().currentMessage()
    assert "10 minutes" in message and "1 minute " not in message
