"""The Vault menu administers the vault as the CLI does (issue 21 finding 5): information,
integrity check, backup, restore, change passphrase, key rotation (progress, Cancel), close."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from ui_testdata import fill, unlock

from ui.pages.datasets_page import DatasetsPage
from workbench.errors import WrongPassphrase
from workbench.service import Workbench
from workbench.settings import Settings

NEW = "a different passphrase for the vault"


def _menu_texts(window):
    menu = window.menuBar().actions()[0].menu()
    return [a.objectName() for a in menu.actions() if a.objectName()]


def test_menu_lists_every_command_enabled_only_when_unlocked(window, make_vault, passphrase):
    names = _menu_texts(window)
    for name in ("vaultInfo", "vaultCheck", "vaultBackup", "vaultRestore", "vaultPassphrase",
                 "vaultRotate", "vaultClose"):  # fmt: skip
        assert name in names
    assert not window.vault_admin.backup_action.isEnabled()
    unlock(window, make_vault(), passphrase)
    assert all(a.isEnabled() for a in window.vault_admin.admin)
    window.lock()
    assert not any(a.isEnabled() for a in window.vault_admin.admin)


def test_info_and_integrity_check(window, make_vault, passphrase):
    unlock(window, make_vault(), passphrase)
    admin = window.vault_admin
    admin.info_action.trigger()
    assert "SQLCipher" in admin.box.text() and "Argon2id" in admin.box.text()
    admin.box.close()
    admin.check_action.trigger()
    assert admin.box.icon() == QMessageBox.Icon.Information
    assert "authentic" in admin.box.text()
    admin.box.close()


def test_backup_then_restore_brings_the_backup_back(window, make_vault, passphrase, tmp_path):
    path = make_vault()
    unlock(window, path, passphrase)
    admin = window.vault_admin
    backup = tmp_path / "copy.dsbackup"
    admin.backup_to(str(backup))
    assert backup.is_file() and str(backup) in admin.box.text()
    assert window.service.audit_log(action="vault.backup")
    admin.box.close()
    fill(window.service)  # work after the backup
    page = window.workspace.show_page(DatasetsPage)
    assert page.list_model.rowCount() == 2
    admin.restore_action.trigger()
    dlg = admin.dialog
    dlg.backup.setText(str(backup))
    dlg.passphrase.setText(passphrase)
    dlg.restore()
    assert window.service.is_unlocked
    assert window.workspace.show_page(DatasetsPage).list_model.rowCount() == 0


def test_change_passphrase_refuses_the_wrong_current_one(window, make_vault, passphrase):
    path = make_vault()
    unlock(window, path, passphrase)
    window.vault_admin.passphrase_action.trigger()
    dlg = window.vault_admin.dialog
    dlg.current.setText("not the current passphrase")
    dlg.new.setText("short")
    dlg.repeat.setText("short")
    assert not dlg.ok.isEnabled()  # too weak
    dlg.new.setText(NEW)
    dlg.repeat.setText(NEW)
    assert dlg.ok.isEnabled()
    dlg.change()
    assert dlg.isVisible() and dlg.message.text()
    assert dlg.current.text() == ""  # secrets never kept in the fields
    dlg.current.setText(passphrase)
    dlg.new.setText(NEW)
    dlg.repeat.setText(NEW)
    dlg.change()
    assert not dlg.isVisible()
    assert "Passphrase changed" in window.statusBar().currentMessage()
    window.lock()
    other = Workbench(Settings())
    try:
        other.open_vault(path, passphrase)
        raise AssertionError("the old passphrase still opens the vault")
    except WrongPassphrase:
        pass
    other.open_vault(path, NEW)
    other.lock()


def test_rotate_key_asks_first_then_reencrypts(window, make_vault, passphrase):
    path = make_vault()
    unlock(window, path, passphrase)
    fill(window.service)
    admin = window.vault_admin
    admin.rotate_action.trigger()
    box = admin.box
    assert box.objectName() == "rotateConfirm" and path.name in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert not window.service.audit_log(action="vault.rotate_key")
    admin.rotate()
    assert window.service.audit_log(action="vault.rotate_key")
    assert "rotated" in admin.box.text()
    assert not admin.progress.isVisible()
    window.lock()
    unlock(window, path, passphrase)
    assert len(window.service.datasets()) == 2


def test_close_vault_leaves_the_start_screen_empty(window, make_vault, passphrase):
    unlock(window, make_vault(), passphrase)
    window.vault_admin.close_action.trigger()
    assert not window.service.is_unlocked
    assert window.stack.currentWidget() is window.start_screen
    assert window.start_screen.open_path.text() == ""
