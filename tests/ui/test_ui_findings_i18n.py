"""Core findings shown in the interface language: the import preview warns in French."""

from __future__ import annotations

import pytest

from ui import i18n
from ui.pages.datasets_page import DatasetsPage


@pytest.fixture
def french(qapp):
    i18n.install(qapp, "fr")
    yield
    i18n.install(qapp, "en")


def _csv(tmp_path):
    path = tmp_path / "menages.csv"
    lines = ["hhid;consent;notes;size"]
    lines += [f"{i};yes;;{i % 5 + 1}" for i in range(1, 31)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_import_preview_shows_findings_in_french(
    french, window, qtbot, make_vault, passphrase, tmp_path
):
    assert i18n.current_language() == "fr"
    s = window.start_screen
    s.open_path.setText(str(make_vault()))
    s.open_pass.setText(passphrase)
    s.unlock()
    page = window.workspace.show_page(DatasetsPage)
    page.open_import()
    wiz = page.wizard
    wiz.file_page.path.setText(str(_csv(tmp_path)))
    wiz.next()
    text = wiz.options_page.status.text()
    assert "La colonne consent a la même valeur (yes) sur toutes les lignes." in text
    assert "La colonne notes est vide." in text
    assert "same value in every row" not in text
    wiz.reject()
