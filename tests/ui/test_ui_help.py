"""Help (issue 21 finding 3): a Help menu and F1 open the offline guide in the interface language
at the part about the page shown; the guide's "Getting started" names files that exist."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from ui_testdata import unlock

from ui import i18n
from ui.help import GETTING_STARTED, PAGE_ANCHORS, SHORTCUTS, START_ANCHOR, guide_html
from ui.pages.plan_page import PlanPage
from ui.workspace import PAGES
from workbench.languages import with_catalogue
from workbench.paths import help_dir, sample_dir

LANGUAGES = with_catalogue("app")


@pytest.mark.parametrize("language", LANGUAGES)
def test_guide_exists_with_every_part_and_working_links(language):
    assert (help_dir() / f"{language}.html").is_file()
    text = guide_html(language)
    ids = set(re.findall(r'id="([^"]+)"', text))
    needed = {*PAGE_ANCHORS.values(), START_ANCHOR, GETTING_STARTED, SHORTCUTS, "vault", "out"}
    assert needed <= ids
    assert {h for h in re.findall(r'href="#([^"]+)"', text)} <= ids  # no dead link
    assert "{{" not in text and str(sample_dir()) in text
    for name in set(re.findall(r"freedonia[\w.-]+\.(?:sav|toml|csv|xlsx)", text)):
        assert (sample_dir() / name).is_file(), name
    assert {name for _m, name in PAGES} <= set(PAGE_ANCHORS)  # every page has its part
    if language != "en":  # a translation, not a copy
        assert "Getting started" not in text
    if language == "ar":  # no italics in Arabic: oblique faces lack its glyphs (boxes)
        assert "<i>" not in text and "<em>" not in text


def test_f1_opens_the_guide_at_the_page_shown(window, qtbot, make_vault, passphrase):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.help_window.isVisible() and window.help_window.anchor == START_ANCHOR
    unlock(window, make_vault(), passphrase)
    window.workspace.show_page(PlanPage)
    qtbot.keyClick(window.workspace.sidebar, Qt.Key.Key_F1)
    help_window = window.help_window
    assert help_window.anchor == "plan"
    browser = help_window.browser
    assert browser.verticalScrollBar().value() > 0  # scrolled to the Plan part
    help_window.find_box.setText("New from datasets")
    help_window.find_next()
    assert browser.textCursor().selectedText() == "New from datasets"
    help_window.find_box.setText("no such words anywhere")
    help_window.find_next()
    assert help_window.not_found.text()
    texts = [a.text() for a in window.menuBar().actions()]
    assert texts[-1] == "&Help"


def test_f1_in_a_modal_dialog_opens_the_guide_at_that_dialog(window, qtbot, make_vault, passphrase):
    """F1 in the import wizard opens the part about importing, in a window the modal wizard does
    not block (owned by it); a message box over the wizard takes the wizard's part; a plain
    dialog of a page takes the page's part."""
    from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox

    from ui.help import DIALOG_ANCHORS, HelpWindow
    from ui.pages.datasets_page import DatasetsPage

    assert set(DIALOG_ANCHORS.values()) <= set(re.findall(r'id="([^"]+)"', guide_html("en")))
    unlock(window, make_vault(), passphrase)
    page = window.workspace.show_page(DatasetsPage)
    page.open_import()
    wiz = page.wizard
    assert QApplication.activeModalWidget() is wiz
    qtbot.keyClick(wiz.file_page.path, Qt.Key.Key_F1)
    guide = wiz.findChild(HelpWindow)
    assert guide is not None and guide.isVisible() and guide.anchor == "datasets"
    assert guide.browser.verticalScrollBar().value() > 0
    box = QMessageBox(QMessageBox.Icon.Information, "t", "x", parent=wiz)
    box.setModal(True)
    box.open()
    qtbot.keyClick(box, Qt.Key.Key_F1)
    assert box.findChild(HelpWindow).anchor == "datasets"  # the wizard's part
    box.reject()
    wiz.reject()
    window.workspace.show_page(PlanPage)
    dialog = QDialog(window.workspace.stack.currentWidget())
    dialog.setModal(True)
    line = QLineEdit(dialog)
    dialog.open()
    qtbot.keyClick(line, Qt.Key.Key_F1)
    assert dialog.findChild(HelpWindow).anchor == "plan"
    dialog.reject()


def test_guide_in_arabic_is_right_to_left(qapp, window, restore_language):
    i18n.install(qapp, "ar")
    window.show_help(GETTING_STARTED)
    hw = window.help_window
    assert hw.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert "البداية" in hw.browser.toPlainText()


@pytest.fixture
def restore_language(qapp):
    yield
    i18n.install(qapp, "en")
