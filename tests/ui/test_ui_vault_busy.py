"""Issue 15, finding 7 in the app: unlocking a vault another process is writing to says "in use
by another process — try again", never "damaged", and offers no restore."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "vault"))
from vault_testkit import LockHolder


@pytest.mark.slow
def test_unlocking_a_busy_vault_says_try_again_not_damaged(window, make_vault, passphrase,
                                                           monkeypatch):  # fmt: skip
    import workbench.vault.connection as connection

    monkeypatch.setattr(connection, "BUSY_TIMEOUT_S", 0.3)  # the diagnosis, not the wait
    path = make_vault()
    holder = LockHolder(path, passphrase, "EXCLUSIVE")
    try:
        s = window.start_screen
        s.open_path.setText(str(path))
        s.open_pass.setText(passphrase)
        s.unlock()
        text = s.message.text()
        assert "in use by another process" in text and "Try again" in text, text
        assert "damaged" not in text.lower() and not s.restore_button.isVisible()
        assert not window.service.is_unlocked
    finally:
        holder.finish()
    s.open_pass.setText(passphrase)
    s.unlock()
    assert window.service.is_unlocked
