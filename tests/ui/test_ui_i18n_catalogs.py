"""Spanish and Arabic interface catalogs: complete, placeholders kept, plural forms, RTL, offered.

Reads the ``.ts`` sources and checks the compiled ``.qm`` through ``QTranslator``, the way the app
loads them.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from ui import i18n
from ui.i18n_build import untranslated
from workbench.languages import DEFAULT_LANGUAGE, with_catalogue
from workbench.paths import translations_dir

LANGS = tuple(c for c in with_catalogue("app") if c != DEFAULT_LANGUAGE)  # translated ones
# Qt's numerus forms: Spanish singular/plural; Arabic zero, one, two, few (3–10), many (11–99),
# other (100–102, …). One count per form, in the order the .ts lists them.
NUMERUS_COUNTS = {"fr": (1, 2), "es": (1, 2), "ar": (0, 1, 2, 3, 11, 100)}
PLACEHOLDER = re.compile(r"%(?:\d+|n)|\{[A-Za-z_][A-Za-z0-9_]*\}|</?[A-Za-z][^<>]*>")


def messages(lang: str) -> list[tuple[str, str, bool, list[str], str | None]]:
    """(context, source, numerus, translations, type) of every message of the catalog."""
    tree = ET.parse(translations_dir() / f"workbench_{lang}.ts")
    out = []
    for ctx in tree.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            assert tr is not None
            numerus = msg.get("numerus") == "yes"
            texts = (
                [f.text or "" for f in tr.findall("numerusform")] if numerus else [tr.text or ""]
            )
            out.append((name, msg.findtext("source") or "", numerus, texts, tr.get("type")))
    return out


def accelerators(text: str) -> int:
    return len(re.findall(r"(?<!&)&(?!&)", text))


@pytest.fixture
def restore_language(qapp):
    yield
    i18n.install(qapp, "en")


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated(lang):
    msgs = messages(lang)
    assert len(msgs) > 400
    assert untranslated(lang) == []
    for ctx, src, numerus, texts, kind in msgs:
        assert kind is None, (ctx, src, kind)  # no "unfinished", "vanished" or "obsolete"
        assert all(t.strip() for t in texts), (ctx, src)
        if numerus:
            assert len(texts) == len(NUMERUS_COUNTS[lang]), (ctx, src)


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_and_punctuation_are_kept(lang):
    for ctx, src, _numerus, texts, _kind in messages(lang):
        want = sorted(PLACEHOLDER.findall(src))
        for text in texts:
            where = (lang, ctx, src, text)
            assert sorted(PLACEHOLDER.findall(text)) == want, where
            assert accelerators(text) == accelerators(src), where
            if src.endswith(":"):
                assert text.endswith(":"), where
            if src.endswith("…"):
                assert text.endswith("…"), where
            if src.startswith(" "):
                assert text.startswith(" "), where  # suffixes such as " min"


@pytest.mark.parametrize("lang", LANGS)
def test_compiled_catalog_gives_every_translation(qapp, lang):
    qm = QTranslator()
    assert qm.load(f"workbench_{lang}", str(translations_dir()))
    for ctx, src, numerus, texts, _kind in messages(lang):
        if not numerus:
            assert qm.translate(ctx, src, None, -1) == texts[0], (ctx, src)
            continue
        for n, form in zip(NUMERUS_COUNTS[lang], texts, strict=True):
            # QTranslator returns the raw form; QCoreApplication.translate fills in %n
            assert qm.translate(ctx, src, None, n) == form, (ctx, src, n)


def test_plural_forms_through_the_app(qapp, restore_language):
    tr = QCoreApplication.translate
    assert i18n.install(qapp, "es")
    assert tr("DatasetsPage", "%n row(s)", "", 1) == "1 fila"
    assert tr("DatasetsPage", "%n row(s)", "", 3000) == "3000 filas"
    assert tr("StartScreen", "Unlock") == "Desbloquear"
    assert i18n.install(qapp, "ar")
    assert tr("PlanPage", "%n indicator(s)", "", 2) == "2 مؤشران"
    assert tr("PlanPage", "%n indicator(s)", "", 5) == "5 مؤشرات"
    assert tr("PlanPage", "%n indicator(s)", "", 58) == "58 مؤشراً"
    assert tr("PlanPage", "%n indicator(s)", "", 100) == "100 مؤشر"
    assert tr("StartScreen", "Unlock") == "فتح القفل"


def test_arabic_is_right_to_left_with_western_digits(qapp, restore_language):
    i18n.install(qapp, "ar")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert QLocale().language() == QLocale.Language.Arabic
    # numbers as in the tables and the report; a spin box accepts "0.05" typed on any keyboard
    assert QLocale().toString(0.05, "f", 2) == "0.05"
    assert QLocale().toDouble("0.05") == (0.05, True)
    i18n.install(qapp, "es")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert QLocale().toString(0.05, "f", 2) == "0,05"


def test_settings_offers_the_four_languages_and_switches_to_arabic(
    window, qtbot, make_vault, passphrase, restore_language
):
    from ui_testdata import unlock

    from ui.pages.settings_page import SettingsPage

    assert i18n.available_languages() == list(with_catalogue("app"))
    unlock(window, make_vault(), passphrase)
    page = window.workspace.show_page(SettingsPage)
    codes = [page.language.itemData(i) for i in range(page.language.count())]
    assert codes == list(with_catalogue("app"))
    page.language.setCurrentIndex(page.language.findData("ar"))
    page.save()
    assert window.service.settings.language == "ar"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.isRightToLeft()
    assert window.workspace.sidebar.item(0).text() == "مجموعات البيانات"
    assert window.lock_action.text() == "قفل"
    page = window.workspace.show_page(SettingsPage)
    page.language.setCurrentIndex(page.language.findData("es"))
    page.save()
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.workspace.sidebar.item(0).text() == "Conjuntos de datos"
