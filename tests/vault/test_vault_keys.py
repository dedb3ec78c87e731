"""Passphrase change, key rotation (and an interrupted one), KDF parameters."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from vault_testkit import FAST_KDF, labelled_dataset

from workbench.errors import VaultError, WrongPassphrase
from workbench.vault import DEFAULT_KDF, KdfParams, Vault
from workbench.vault.connection import raw_key_literal
from workbench.vault.header import Wrap, header_path, read_header, write_header
from workbench.vault.keys import new_data_key, wrap_key


def test_default_kdf_is_at_least_64_mib():
    assert DEFAULT_KDF.memory_kib >= 64 * 1024 and DEFAULT_KDF.iterations >= 2


def test_header_records_kdf_and_holds_no_secret(vault, vault_path, passphrase):
    raw = header_path(vault_path).read_text()
    d = json.loads(raw)
    assert d["kdf"]["name"] == "argon2id" and d["kdf"]["memory_kib"] == FAST_KDF.memory_kib
    assert d["wrap"]["alg"] == "AES-256-GCM"
    assert passphrase not in raw and bytes(vault._key).hex() not in raw
    assert vault.info()["kdf_below_recommended"] is True


def test_change_passphrase_old_fails_new_works_data_identical(vault, vault_path, passphrase):
    ds = labelled_dataset()
    vault.save_datasets([ds])
    with pytest.raises(WrongPassphrase):
        vault.change_passphrase("wrong old", "new one", kdf=FAST_KDF)
    vault.change_passphrase(passphrase, "a brand new passphrase", kdf=KdfParams(2048, 2, 1))
    vault.lock()
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, passphrase)
    v = Vault.open(vault_path, "a brand new passphrase")
    pd.testing.assert_frame_equal(v.load_dataset("households").frame, ds.frame, check_exact=True)
    assert read_header(vault_path).kdf == KdfParams(2048, 2, 1)  # parameters upgradable
    v.lock()


def test_rotate_key_old_key_fails_new_works(vault, vault_path, passphrase):
    import sqlcipher3

    ds = labelled_dataset()
    vault.save_datasets([ds])
    old_key = bytes(vault._key)
    before = vault_path.read_bytes()
    vault.rotate_key()
    new_key = bytes(vault._key)
    assert new_key != old_key
    vault.lock()
    assert vault_path.read_bytes()[:4096] != before[:4096]  # every page re-encrypted
    con = sqlcipher3.connect(str(vault_path))
    con.execute("PRAGMA cipher_log_level = NONE")
    con.execute(f"PRAGMA key = \"x'{old_key.hex()}'\"")
    con.execute("PRAGMA cipher_page_size = 65536")
    with pytest.raises(sqlcipher3.DatabaseError):
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    con.close()
    v = Vault.open(vault_path, passphrase)
    pd.testing.assert_frame_equal(v.load_dataset("households").frame, ds.frame, check_exact=True)
    assert v.check().ok
    v.lock()


def test_rotation_interrupted_after_rekey_recovers_with_new_key(vault, vault_path, passphrase):
    """Crash after SQLCipher re-keyed the file but before the header was updated."""
    vault.save_datasets([labelled_dataset()])
    h = vault._header
    new_key = new_data_key()
    h.pending = Wrap(*wrap_key(vault._kek, new_key, h.aad()))
    write_header(vault_path, h)
    vault._conn.reset_key(raw_key_literal(new_key))
    vault._conn.close()
    vault._conn = None
    v = Vault.open(vault_path, passphrase)
    assert v.list_datasets()[0].name == "households"
    assert bytes(v._key) == bytes(new_key)
    assert read_header(vault_path).pending is None
    v.lock()
    Vault.open(vault_path, passphrase).lock()


def test_rotation_interrupted_before_rekey_keeps_old_key(vault, vault_path, passphrase):
    vault.save_datasets([labelled_dataset()])
    h = vault._header
    h.pending = Wrap(*wrap_key(vault._kek, new_data_key(), h.aad()))
    write_header(vault_path, h)
    old_key = bytes(vault._key)
    vault._close()
    v = Vault.open(vault_path, passphrase)
    assert bytes(v._key) == old_key and read_header(vault_path).pending is None
    v.lock()


def test_rotate_needs_passphrase_unlock(vault):
    vault._kek = None
    with pytest.raises(VaultError, match="passphrase"):
        vault.rotate_key()


def test_tampered_kdf_params_count_as_wrong_passphrase(vault, vault_path, passphrase):
    vault.lock()
    d = json.loads(header_path(vault_path).read_text())
    d["kdf"]["iterations"] = 2
    header_path(vault_path).write_text(json.dumps(d))
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, passphrase)


def test_create_refuses_to_overwrite(vault, vault_path, passphrase):
    with pytest.raises(VaultError, match="never overwritten"):
        Vault.create(vault_path, passphrase, kdf=FAST_KDF)


def test_empty_passphrase_refused(tmp_path):
    with pytest.raises(VaultError, match="empty passphrase"):
        Vault.create(tmp_path / "x.dsv", "", kdf=FAST_KDF)
    assert list(tmp_path.iterdir()) == []
