"""Encrypted backups and verified restores."""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest
from vault_testkit import MARKER, labelled_dataset

from workbench.errors import (
    DamagedVault,
    NotAVault,
    RestoreOtherVault,
    VaultError,
    WrongPassphrase,
)
from workbench.vault import Vault


def test_backup_is_encrypted_and_restores_identically(vault, tmp_path, passphrase):
    ds = labelled_dataset(n=2000)
    vault.save_datasets([ds])
    vault.save_plan("main", "x = 1")
    bak = vault.backup(tmp_path / "vault.bak")
    raw = bak.read_bytes()
    assert raw.startswith(b"DSWBAK01")
    assert MARKER.encode() not in raw and b"SQLite format 3" not in raw
    with pytest.raises(VaultError, match="already exists"):
        vault.backup(bak)
    vault.lock()
    dest = tmp_path / "restored.dsv"
    r = Vault.restore(bak, dest, passphrase)
    pd.testing.assert_frame_equal(r.load_dataset("households").frame, ds.frame, check_exact=True)
    assert r.load_plan("main").toml_text == "x = 1"
    assert [e.action for e in r.audit_log(action="vault")][-2:] == ["vault.unlock", "vault.restore"]
    assert r.check().ok
    r.lock()


def test_restore_wrong_passphrase_and_damaged_backup_replace_nothing(vault, tmp_path, passphrase):
    vault.save_datasets([labelled_dataset(n=3000)])
    bak = vault.backup(tmp_path / "b.bak")
    vault.lock()
    dest = tmp_path / "existing.dsv"
    dest.write_bytes(b"the file that must survive")
    before = hashlib.sha256(dest.read_bytes()).hexdigest()

    with pytest.raises(RestoreOtherVault):  # not a vault of this id: refused before anything
        Vault.restore(bak, dest, passphrase)
    # even when replacing another file is allowed, a failed verification replaces nothing
    with pytest.raises(WrongPassphrase):
        Vault.restore(bak, dest, "wrong", replace_other=True)
    data = bytearray(bak.read_bytes())
    data[-3000] ^= 0xFF
    broken = tmp_path / "broken.bak"
    broken.write_bytes(bytes(data))
    with pytest.raises(DamagedVault) as info:
        Vault.restore(broken, dest, passphrase, replace_other=True)
    assert "nothing was replaced" in str(info.value) or "damaged" in str(info.value)
    with pytest.raises(NotAVault):
        Vault.restore(dest, tmp_path / "other.dsv", passphrase)
    assert hashlib.sha256(dest.read_bytes()).hexdigest() == before
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_restore_replaces_an_existing_vault_after_verification(vault, vault_path, tmp_path,
                                                               passphrase):  # fmt: skip
    vault.save_plan("p", "v = 1")
    bak = vault.backup(tmp_path / "b.bak")
    vault.save_plan("p", "v = 2")
    vault.lock()
    r = Vault.restore(bak, vault_path, passphrase)
    assert [p.version for p in r.plan_versions("p")] == [1]
    r.lock()
