"""Opening: wrong passphrase, damaged, not a vault, schema versions — each its own message,
and the file's bytes untouched."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from vault_testkit import FAST_KDF, labelled_dataset, raw_connection

from workbench.errors import DamagedVault, NotAVault, VaultError, WrongPassphrase
from workbench.vault import Vault
from workbench.vault.schema import SCHEMA_VERSION


def _digest(*paths: Path) -> list[str]:
    return [hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else "-" for p in paths]


@pytest.fixture
def filled(vault, vault_path):
    vault.save_datasets([labelled_dataset(n=3000)])
    vault.lock()
    return vault_path


def _open_error(path: Path, passphrase: str) -> Exception:
    header = path.with_name(path.name + ".header")
    before = _digest(path, header)
    with pytest.raises(VaultError) as info:
        Vault.open(path, passphrase)
    assert _digest(path, header) == before, "a failed open changed the file"
    return info.value


def test_wrong_passphrase(filled):
    err = _open_error(filled, "not the passphrase")
    assert isinstance(err, WrongPassphrase)
    assert "Wrong passphrase" in str(err)


def test_truncated_vault_is_damaged(filled, passphrase):
    data = filled.read_bytes()
    filled.write_bytes(data[: len(data) // 2])
    err = _open_error(filled, passphrase)
    assert isinstance(err, DamagedVault)
    assert "damaged" in str(err) and err.hint and "backup" in err.hint


def test_flipped_byte_is_damaged_with_report(filled, passphrase):
    data = bytearray(filled.read_bytes())
    data[len(data) - 5000] ^= 0x01
    filled.write_bytes(bytes(data))
    err = _open_error(filled, passphrase)
    assert isinstance(err, DamagedVault)
    assert "integrity check" in str(err)
    assert err.report and any("HMAC" in line or "page" in line for line in err.report)


def test_flipped_byte_on_first_page(filled, passphrase):
    data = bytearray(filled.read_bytes())
    data[100] ^= 0x01
    filled.write_bytes(bytes(data))
    err = _open_error(filled, passphrase)
    assert isinstance(err, DamagedVault) and "first page" in str(err)


def test_random_file_and_empty_file_and_plain_sqlite(tmp_path, passphrase):
    rnd = tmp_path / "random.dsv"
    rnd.write_bytes(os.urandom(8192))
    e_random = _open_error(rnd, passphrase)
    assert isinstance(e_random, NotAVault) and "header" in str(e_random)

    empty = tmp_path / "empty.dsv"
    empty.write_bytes(b"")
    e_empty = _open_error(empty, passphrase)
    assert isinstance(e_empty, NotAVault) and "empty" in str(e_empty)

    plain = tmp_path / "plain.db"
    con = sqlite3.connect(plain)
    con.execute("create table t(x)")
    con.commit()
    con.close()
    e_plain = _open_error(plain, passphrase)
    assert isinstance(e_plain, NotAVault) and "unencrypted SQLite" in str(e_plain)

    missing = _open_error(tmp_path / "nothing.dsv", passphrase)
    assert isinstance(missing, NotAVault) and "No vault" in str(missing)
    messages = {str(e_random), str(e_empty), str(e_plain), str(missing)}
    assert len(messages) == 4


def test_random_file_with_a_valid_header_is_damaged_not_wrong_passphrase(filled, passphrase):
    filled.write_bytes(os.urandom(filled.stat().st_size))
    err = _open_error(filled, passphrase)
    assert isinstance(err, DamagedVault)


def test_garbled_header_is_not_a_vault(filled, passphrase):
    header = filled.with_name(filled.name + ".header")
    header.write_text("{not json")
    assert isinstance(_open_error(filled, passphrase), NotAVault)
    header.write_text('{"format": "something-else"}')
    assert isinstance(_open_error(filled, passphrase), NotAVault)


def test_newer_schema_is_refused_untouched(filled, passphrase):
    con = raw_connection(filled, passphrase)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    err = _open_error(filled, passphrase)
    assert "newer than this Workbench" in str(err) and "not changed" in str(err)


def test_older_schema_is_migrated(tmp_path, passphrase, monkeypatch):
    import workbench.vault.vault as vault_mod
    from workbench.vault import schema

    path = tmp_path / "old.dsv"
    real = schema.migrate
    monkeypatch.setattr(vault_mod, "migrate", lambda conn, name: real(conn, name, target=1))
    v = Vault.create(path, passphrase, kdf=FAST_KDF)
    v.lock()
    monkeypatch.undo()
    con = raw_connection(path, passphrase)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM sqlite_master WHERE name='reports'").fetchone()[0] == 0
    con.close()
    v = Vault.open(path, passphrase)
    assert v.info()["schema_version"] == SCHEMA_VERSION == 7
    assert v.list_reports() == []
    # schema 4 chained the entries written before it (issue 15): the chain holds
    assert v.verify_audit().ok and [e.id for e in v.audit_log()] == [1, 2, 3]
    v.lock()
