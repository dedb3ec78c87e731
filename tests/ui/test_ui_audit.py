"""Audit page: Verify checks the hash chain (and names a tampered entry), Export… writes the log
for a reviewer and the export shows in the log (issue 15, item 5)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import openpyxl
import pytest
from ui_testdata import unlock

from ui import i18n
from ui.pages.audit_page import AuditPage

SHOTS = os.environ.get("WORKBENCH_SHOTS")  # a folder: save screenshots there to look at


def _shot(page, name: str) -> None:
    if SHOTS:
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        page.window().grab().save(str(Path(SHOTS) / f"audit-{name}.png"))


@pytest.fixture
def audit_page(window, make_vault, passphrase, qapp):
    unlock(window, make_vault(), passphrase)
    yield window.workspace.show_page(AuditPage)
    i18n.install(qapp, "en")


def test_verify_and_export_buttons(audit_page, tmp_path, passphrase):
    page = audit_page
    assert page.verify_button.isEnabled() and page.export_button.isEnabled()
    page.verify_button.click()
    assert page.chain.text().startswith("✓ Audit log intact")
    assert page.chain.property("ok") is True
    _shot(page, "verified-en")
    out = tmp_path / "log.xlsx"
    page.export_to(str(out))
    assert out.exists() and page.chain.text().startswith("✓ Audit log written to")
    ws = openpyxl.load_workbook(out)["audit"]
    assert [c.value for c in ws[1]][:4] == ["id", "time", "user", "action"]
    actions = [page.model.index(r, 2).data() for r in range(page.model.rowCount())]
    assert "export.completed" in actions  # the export is in the log the page shows
    _shot(page, "exported-en")


def test_verify_names_a_tampered_entry_in_the_interface_language(window, audit_page, passphrase):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "vault"))
    from vault_testkit import raw_connection

    path = window.service.vault.path
    con = raw_connection(path, passphrase)
    con.execute("DROP TRIGGER audit_no_update")
    con.execute("UPDATE audit SET action = 'vault.nothing' WHERE id = 1")
    con.close()
    for lang, words in (("fr", "Journal d’audit rompu à l’entrée 1"),
                        ("ar", "سجل التدقيق مكسور عند القيد")):  # fmt: skip
        window.set_language(lang)  # as Settings does: the pages are built again
        page = window.workspace.show_page(AuditPage)
        assert page.verify_button.text() == {"fr": "Vérifier", "ar": "تحقّق"}[lang]
        page.verify_button.click()
        assert page.chain.property("ok") is False
        assert words in page.chain.text() and page.chain.text().startswith("✗")
        _shot(page, f"broken-{lang}")


def test_entries_in_plain_words_filtered_by_action_and_date(window, audit_page, qapp, tmp_path):
    """Issue 21 finding 7: the Details column showed raw JSON."""
    page = audit_page
    window.vault_admin.backup_to(str(tmp_path / "b.dsbackup"))
    page.load()
    details = [page.model.data(page.model.index(r, 4)) for r in range(page.model.rowCount())]
    assert "Vault unlocked (with the passphrase)." in details
    assert any(d.startswith("Encrypted backup written (b.dsbackup)") for d in details)
    assert not any(d.lstrip().startswith("{") for d in details)
    page.action.setCurrentIndex(page.action.findData("vault.backup"))
    page.load()
    assert page.model.rowCount() == 1
    page.use_since.setChecked(True)
    page.since.setDate(page.since.date().addYears(5))  # nothing after a future date
    page.load()
    assert page.model.rowCount() == 0
    i18n.install(qapp, "fr")
    page.use_since.setChecked(False)
    page.load()
    assert page.model.data(page.model.index(0, 4)).startswith("Sauvegarde chiffrée écrite")
