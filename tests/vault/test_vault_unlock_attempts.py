"""Failed unlocks are counted without the key (a plain counter beside the vault) and read into
the audit log at the next unlock (issue 21, finding 7)."""

from __future__ import annotations

import json
import stat

import pytest
from vault_testkit import FAST_KDF

from workbench.errors import WrongPassphrase
from workbench.vault import Vault
from workbench.vault.unlock_attempts import attempts_path


def test_wrong_passphrases_are_counted_and_reported_at_the_next_unlock(tmp_path, passphrase):
    path = tmp_path / "v.dsvault"
    Vault.create(path, passphrase, kdf=FAST_KDF).lock()
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            Vault.open(path, "not the passphrase at all")
    counter = attempts_path(path)
    data = json.loads(counter.read_text())
    assert data["failed"] == 3 and data["first"] <= data["last"]
    assert "not the passphrase" not in counter.read_text()  # nothing of what was typed
    assert stat.S_IMODE(counter.stat().st_mode) == 0o600
    v = Vault.open(path, passphrase)
    try:
        assert v.failed_unlocks["failed"] == 3
        assert not counter.exists()
        unlock = v.audit_log(action="vault.unlock")[-1]
        assert unlock.params["failed_attempts"] == 3
        assert unlock.params["last_failed"] == data["last"]
        assert v.verify_audit().ok
    finally:
        v.lock()
    v = Vault.open(path, passphrase)  # the count starts again
    try:
        assert v.failed_unlocks == {"failed": 0}
        assert "failed_attempts" not in v.audit_log(action="vault.unlock")[-1].params
    finally:
        v.lock()


def test_a_damaged_counter_is_no_count(tmp_path, passphrase):
    path = tmp_path / "v.dsvault"
    Vault.create(path, passphrase, kdf=FAST_KDF).lock()
    attempts_path(path).write_text("{not json")
    v = Vault.open(path, passphrase)
    assert v.failed_unlocks == {"failed": 0}
    v.lock()
