"""The app's side of issue 15 (findings 6, 7, 10): restoring another vault's backup asks first,
naming both vaults; a busy vault is not called damaged; the create page enforces the same
minimum passphrase strength as the CLI."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from workbench.passphrase import MIN_SCORE, strength
from workbench.vault import KdfParams, Vault
from workbench.vault.header import read_header

FAST_KDF = KdfParams(memory_kib=8192, iterations=1, lanes=1)


def _restore_dialog(window, vault_path):
    s = window.start_screen
    s.open_path.setText(str(vault_path))
    s.open_restore()
    return s.restore_dialog


def test_restoring_another_vaults_backup_asks_naming_both(window, qtbot, make_vault, tmp_path,
                                                          passphrase):  # fmt: skip
    alpha = make_vault("alpha.dsvault")
    other = tmp_path / "charlie.dsvault"
    v = Vault.create(other, passphrase, kdf=FAST_KDF)
    bak = v.backup(tmp_path / "charlie.backup")
    v.lock()
    alpha_id, charlie_id = read_header(alpha).vault_id, read_header(other).vault_id
    before = alpha.read_bytes()

    dlg = _restore_dialog(window, alpha)
    dlg.backup.setText(str(bak))
    dlg.passphrase.setText(passphrase)
    dlg.restore()
    box = dlg.replace_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    text = box.text() + " " + box.informativeText()
    for name in ("alpha.dsvault", alpha_id[:8], "charlie.backup", charlie_id[:8]):
        assert name in text, text
    keep = box.findChild(object, "keepButton")
    assert box.defaultButton() is keep  # the safe answer is the default
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    assert "Nothing was replaced" in dlg.message.text()
    assert alpha.read_bytes() == before and not window.service.is_unlocked

    dlg.passphrase.setText(passphrase)
    dlg.restore()
    qtbot.mouseClick(dlg.replace_box.findChild(object, "replaceButton"), Qt.MouseButton.LeftButton)
    assert dlg.result() == dlg.DialogCode.Accepted, dlg.message.text()
    assert window.service.is_unlocked and read_header(alpha).vault_id == charlie_id
    assert window.stack.currentWidget() is window.workspace


def test_create_page_needs_the_same_minimum_as_the_cli(window, tmp_path):
    s = window.start_screen
    s.new_path.setText(str(tmp_path / "new.dsvault"))
    for weak in ("1234", "password123", "aaaaaaaaaaaaaaaa"):
        s.new_pass.setText(weak)
        s.new_pass2.setText(weak)
        assert s.meter.value() == strength(weak) < MIN_SCORE
        assert not s.create_button.isEnabled()
        assert "“Fair” or better" in s.meter_label.text()
    s.new_pass.setText("the new one")
    s.new_pass2.setText("the new one")
    assert s.meter.value() == strength("the new one") >= MIN_SCORE
    assert s.create_button.isEnabled()
