"""After unlocking, the wrong passphrases typed since the last unlock are shown (issue 21)."""

from __future__ import annotations

from ui_testdata import unlock

from ui import i18n
from ui.pages.audit_page import AuditPage


def test_failed_unlocks_are_shown_after_unlocking(qapp, window, make_vault, passphrase):
    i18n.install(qapp, "en")  # the English catalogue holds the plural forms
    path = make_vault()
    s = window.start_screen
    for _ in range(2):
        s.open_path.setText(str(path))
        s.open_pass.setText("a wrong passphrase here")
        s.unlock()
        assert not window.service.is_unlocked
    assert not window.notice.isVisible()
    unlock(window, path, passphrase)
    assert window.notice.isVisible()
    text = window.notice.text.text()
    assert "typed 2 times" in text and "The last at" in text
    window.notice.show_audit.emit()
    assert not window.notice.isVisible()
    assert window.workspace.stack.currentWidget() is window.workspace.page(AuditPage)
    # the next unlock has nothing to report
    window.lock()
    unlock(window, path, passphrase)
    assert not window.notice.isVisible()
