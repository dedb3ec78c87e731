"""Start screen (create, unlock, each failure's own message) and locking (idle, Ctrl+L, modals)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit

from ui import clipboard


def _unlock(window, qtbot, path, passphrase):
    s = window.start_screen
    s.open_path.setText(str(path))
    qtbot.keyClicks(s.open_pass, passphrase)
    qtbot.mouseClick(s.unlock_button, Qt.MouseButton.LeftButton)


def test_start_screen_shown_first_and_remember_hidden_without_keyring(window):
    assert window.stack.currentWidget() is window.start_screen
    s = window.start_screen
    assert not window.service.keyring_status()["available"]
    assert s.remember.isHidden() and s.remember_note.isHidden()
    assert s.remembered_button.isHidden()
    assert not window.lock_action.isEnabled()


def test_create_requires_matching_passphrases_and_shows_strength(window, qtbot, tmp_path):
    s = window.start_screen
    s.new_path.setText(str(tmp_path / "new.dsvault"))
    qtbot.keyClicks(s.new_pass, "short")
    assert "short" in s.meter_label.text().lower()
    assert not s.create_button.isEnabled()
    s.new_pass.setText("four random words here")
    s.new_pass2.setText("four random words HERE")
    assert "differ" in s.meter_label.text()
    assert not s.create_button.isEnabled()
    s.new_pass2.setText("four random words here")
    assert s.create_button.isEnabled()
    qtbot.mouseClick(s.create_button, Qt.MouseButton.LeftButton)
    assert window.service.is_unlocked
    assert window.stack.currentWidget() is window.workspace
    assert (tmp_path / "new.dsvault").exists()
    assert s.new_pass.text() == "" and s.new_pass2.text() == ""


def test_wrong_passphrase_not_a_vault_and_damaged_each_have_their_message(
    window, qtbot, make_vault, tmp_path, passphrase
):
    s = window.start_screen
    path = make_vault()
    _unlock(window, qtbot, path, "not the passphrase")
    wrong = s.message.text()
    assert "passphrase is not correct" in wrong
    assert not window.service.is_unlocked
    assert s.open_pass.text() == ""

    junk = tmp_path / "notes.dsvault"
    junk.write_bytes(b"this is just some text file\n" * 100)
    _unlock(window, qtbot, junk, passphrase)
    not_vault = s.message.text()
    assert "not a Workbench vault" in not_vault

    damaged = make_vault("damaged.dsvault")
    raw = bytearray(damaged.read_bytes())
    for i in range(4096, min(len(raw), 20000)):
        raw[i] ^= 0x5A
    damaged.write_bytes(bytes(raw))
    _unlock(window, qtbot, damaged, passphrase)
    dmg = s.message.text()
    assert "damaged" in dmg and "backup" in dmg
    assert len({wrong, not_vault, dmg}) == 3
    assert s.restore_button.isVisible()


def test_damaged_vault_restored_from_backup(window, qtbot, make_vault, tmp_path, passphrase):
    from workbench.vault import Vault

    path = make_vault("field.dsvault")
    v = Vault.open(path, passphrase)
    v.backup(tmp_path / "field.backup")
    v.lock()
    raw = bytearray(path.read_bytes())
    for i in range(4096, min(len(raw), 20000)):
        raw[i] ^= 0x5A
    path.write_bytes(bytes(raw))
    s = window.start_screen
    _unlock(window, qtbot, path, passphrase)
    assert s.restore_button.isVisible()
    s.restore_button.click()
    dlg = s.restore_dialog
    dlg.backup.setText(str(tmp_path / "field.backup"))
    dlg.passphrase.setText("wrong one")
    dlg.restore()
    assert "passphrase is not correct" in dlg.message.text()
    dlg.passphrase.setText(passphrase)
    dlg.restore()
    assert dlg.result() == dlg.DialogCode.Accepted, dlg.message.text()
    assert window.stack.currentWidget() is window.workspace
    assert window.service.is_unlocked
    assert window.stack.currentWidget() is window.workspace


def test_unlock_then_ctrl_l_locks_and_returns_to_start(window, qtbot, make_vault, passphrase):
    path = make_vault()
    _unlock(window, qtbot, path, passphrase)
    assert window.service.is_unlocked
    assert str(path.resolve()) in window.service.settings.recent_vaults
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.service.is_unlocked
    assert window.stack.currentWidget() is window.start_screen
    assert "locked" in window.start_screen.message.text()
    # the recent list shows paths only
    assert window.start_screen.recent.item(0).text() == str(path.resolve())


def test_idle_lock_with_a_modal_dialog_open_closes_it_and_clears_clipboard(
    window, qtbot, make_vault, passphrase
):
    path = make_vault()
    _unlock(window, qtbot, path, passphrase)
    window.idle.set_minutes(0.002)  # 120 ms
    assert window.idle.armed
    clipboard.copy_text("household 17, Amina")
    dialog = QDialog(window)
    dialog.setWindowTitle("modal")
    QLabel("a dialog holding data", dialog)
    dialog.setModal(True)
    dialog.open()
    assert QApplication.activeModalWidget() is dialog
    qtbot.waitUntil(lambda: not window.service.is_unlocked, timeout=3000)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert QApplication.clipboard().text() == ""
    assert window.stack.currentWidget() is window.start_screen


def test_activity_restarts_the_idle_timer(window, qtbot, make_vault, passphrase):
    path = make_vault()
    _unlock(window, qtbot, path, passphrase)
    window.idle.set_minutes(0.02)  # 1.2 s
    for _ in range(10):  # 2 s of typing, a key every 0.2 s
        qtbot.wait(200)
        key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(window.workspace.sidebar, key)
    assert window.service.is_unlocked
    qtbot.waitUntil(lambda: not window.service.is_unlocked, timeout=5000)  # then idle locks


def test_ctrl_l_locks_while_a_modal_dialog_is_open(window, qtbot, make_vault, passphrase):
    """Issue 21 finding 1: Qt blocks the main window's shortcut behind a modal dialog."""
    path = make_vault()
    _unlock(window, qtbot, path, passphrase)
    outer = QDialog(window)
    outer.setModal(True)
    outer.open()
    inner = QDialog(outer)  # nested, as a file picker opened from a wizard
    inner.setModal(True)
    edit = QLineEdit(inner)
    inner.open()
    assert QApplication.activeModalWidget() is inner
    qtbot.keyClick(edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.service.is_unlocked, timeout=3000)
    assert not inner.isVisible() and not outer.isVisible()
    assert window.stack.currentWidget() is window.start_screen
    # a plain "l" typed in a dialog is text, not a lock
    _unlock(window, qtbot, path, passphrase)
    dialog = QDialog(window)
    dialog.setModal(True)
    line = QLineEdit(dialog)
    dialog.open()
    qtbot.keyClick(line, Qt.Key.Key_L)
    qtbot.wait(50)
    assert window.service.is_unlocked and line.text() == "l"
    dialog.reject()


def test_passphrase_form_does_not_move_while_typing(window, qtbot):
    """Issue 21 finding 9: the hint grew from one line to three and pushed the fields down."""
    s = window.start_screen
    s.tabs.setCurrentIndex(1)
    qtbot.wait(10)
    positions = set()
    for typed, repeat in [("", ""), ("ab", ""), ("abc def", "x"), ("correct horse battery", ""),
                          ("correct horse battery staple words", "correct horse")]:  # fmt: skip
        s.new_pass.setText(typed)
        s.new_pass2.setText(repeat)
        QApplication.processEvents()
        positions.add((s.new_pass2.mapTo(s, s.new_pass2.rect().topLeft()).y(),
                       s.create_button.mapTo(s, s.create_button.rect().topLeft()).y()))  # fmt: skip
    assert len(positions) == 1, positions
