"""The audit log is a hash chain: verify names the first tampered entry; a restore carries the
entries written after the backup (issue 15, finding 5 and item 5)."""

from __future__ import annotations

import itertools
import json

import pytest
from vault_testkit import FAST_KDF, raw_connection

from workbench.cli import main
from workbench.vault import Vault
from workbench.vault.audit_log import GENESIS, entry_hash


def _fill(vault: Vault) -> None:
    vault.save_plan("main", "weight = 'w'")
    vault.audit("dataset.note", "households", {"why": "test"})
    vault.save_plan("main", "weight = 'w2'")


def _tamper(path, passphrase, *sql: str) -> None:
    """What someone holding the key could do with the SQLite shell: lift the append-only
    triggers and rewrite the log."""
    con = raw_connection(path, passphrase)
    con.execute("DROP TRIGGER audit_no_update")
    con.execute("DROP TRIGGER audit_no_delete")
    for statement in sql:
        con.execute(statement)
    con.close()


def test_every_entry_carries_the_hash_of_the_one_before(vault):
    _fill(vault)
    log = vault.audit_log()
    assert log[0].prev_hash == GENESIS
    for before, entry in itertools.pairwise(log):
        assert entry.prev_hash == before.hash and entry.id == before.id + 1
        params = json.dumps(entry.params, sort_keys=True)
        assert entry.hash == entry_hash(entry.id, entry.time, entry.user, entry.action,
                                        entry.object, params, entry.prev_hash)  # fmt: skip
    report = vault.verify_audit()
    assert report.ok and report.entries == len(log) and report.head == log[-1].hash


def _verify(path, passphrase):
    v = Vault.open(path, passphrase)
    try:
        return v.verify_audit()
    finally:
        v.lock()


def test_a_changed_entry_is_named(vault, vault_path, passphrase):
    _fill(vault)
    vault.lock()
    _tamper(vault_path, passphrase, 'UPDATE audit SET params_json = \'{"why": "x"}\' WHERE id = 3')
    report = _verify(vault_path, passphrase)
    assert not report.ok and report.code == "audit.chain_changed" and report.params["id"] == 3
    assert report.params["action"] == "dataset.note"


def test_a_changed_entry_with_a_recomputed_hash_breaks_the_next_link(vault, vault_path, passphrase):
    _fill(vault)
    e = vault.audit_log()[2]
    vault.lock()
    forged = entry_hash(e.id, e.time, e.user, e.action, e.object, '{"why": "x"}', e.prev_hash)
    _tamper(
        vault_path,
        passphrase,
        f"UPDATE audit SET params_json = '{{\"why\": \"x\"}}', hash = '{forged}' WHERE id = 3",
    )
    report = _verify(vault_path, passphrase)
    assert report.code == "audit.chain_link" and report.params["id"] == 4  # fmt: skip
    assert report.params["before"] == 3


def test_a_removed_or_foreign_entry_is_named(vault, vault_path, passphrase):
    _fill(vault)
    vault.lock()
    _tamper(vault_path, passphrase, "DELETE FROM audit WHERE id = 2")
    report = _verify(vault_path, passphrase)
    assert report.code == "audit.chain_gap" and report.params["first"] == 2
    assert report.params["last"] == 2 and report.params["id"] == 3


def test_an_entry_written_outside_the_workbench_is_named(vault, vault_path, passphrase):
    vault.lock()
    _tamper(vault_path, passphrase, "INSERT INTO audit (time, user, action, object, params_json) "
            "VALUES ('2026-01-01T00:00:00Z', 'x', 'export.completed', 'r', '{}')")  # fmt: skip
    report = _verify(vault_path, passphrase)
    assert report.code == "audit.chain_unhashed" and report.params["action"] == "export.completed"


def test_cli_verify_reports_ok_or_the_break(vault, vault_path, passphrase, monkeypatch, capsys):
    vault.lock()
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", passphrase)
    assert main(["audit", "verify", "--vault", str(vault_path)]) == 0
    assert "Audit log intact" in capsys.readouterr().out
    _tamper(vault_path, passphrase, "UPDATE audit SET user = 'someone else' WHERE id = 1")
    assert main(["audit", "verify", "--vault", str(vault_path), "--lang", "fr"]) == 1
    err = capsys.readouterr().err
    assert "entrée 1 (vault.create" in err and "Traceback" not in err


def test_restore_keeps_the_entries_written_after_the_backup(
    vault, vault_path, tmp_path, passphrase
):
    """Finding 5: back up, export, restore → the export was gone from the log."""
    vault.backup(tmp_path / "b.bak")
    vault.export_audit(tmp_path / "log.json")
    vault.save_plan("after", "weight = 'w'")
    later = [e for e in vault.audit_log() if e.id > vault.audit_log(action="vault.backup")[-1].id]
    vault.lock()
    restored = Vault.restore(tmp_path / "b.bak", vault_path, passphrase)
    try:
        log = restored.audit_log()
        actions = [e.action for e in log]
        for e in later:  # every later entry, with its own time, user and details
            assert any(
                (c.time, c.action, c.object, c.params) == (e.time, e.action, e.object, e.params)
                for c in log
            ), e.action
        assert "export.completed" in actions
        (carried,) = restored.audit_log(action="audit.carried")
        assert carried.params["count"] == len(later) + 1  # + the lock entry
        assert actions[-1] == "vault.restore" and restored.verify_audit().ok
        assert restored.list_plans() == []  # the data is the backup's; only the log carries
    finally:
        restored.lock()


def test_restore_over_an_unreadable_vault_says_why_nothing_was_carried(
    vault, vault_path, tmp_path, passphrase
):
    vault.backup(tmp_path / "b.bak")
    vault.lock()
    raw = bytearray(vault_path.read_bytes())
    raw[100:4000] = b"\x00" * 3900  # the first page's authentication code fails
    vault_path.write_bytes(bytes(raw))
    restored = Vault.restore(tmp_path / "b.bak", vault_path, passphrase)
    try:
        (entry,) = restored.audit_log(action="audit.not_carried")
        assert entry.params["reason"].startswith("vault.damaged")
        assert restored.verify_audit().ok
    finally:
        restored.lock()


@pytest.mark.parametrize("case", ["other_passphrase", "other_vault"])
def test_restore_records_why_entries_were_not_carried(
    case, vault, vault_path, tmp_path, passphrase
):
    if case == "other_vault":
        other = Vault.create(tmp_path / "other.dsv", passphrase, kdf=FAST_KDF)
        other.backup(tmp_path / "b.bak")
        other.lock()
    else:
        vault.backup(tmp_path / "b.bak")
        vault.change_passphrase(passphrase, "a newer passphrase", kdf=FAST_KDF)
    vault.lock()
    # another vault's backup replaces this one only when asked explicitly (--replace-other)
    restored = Vault.restore(tmp_path / "b.bak", vault_path, passphrase, replace_other=True)
    try:
        (entry,) = restored.audit_log(action="audit.not_carried")
        want = "other_passphrase" if case == "other_passphrase" else "backup_point_not_found"
        assert entry.params["reason"] == want
    finally:
        restored.lock()
