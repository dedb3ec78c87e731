"""The audit log: automatic entries, no values or secrets, append-only."""

from __future__ import annotations

import json

import pytest
import sqlcipher3
from vault_testkit import MARKER, labelled_dataset

from workbench.vault import Vault


def test_actions_are_audited_without_values_or_secrets(vault, vault_path, passphrase, tmp_path):
    ds = labelled_dataset()
    vault.save_datasets([ds])
    vault.save_plan("main", "weight = 'w'")
    vault.delete_dataset("households")
    vault.audit("report.export", "1", {"file": "out.pdf"})
    vault.backup(tmp_path / "b.bak")
    vault.change_passphrase(passphrase, "second passphrase", kdf=vault._header.kdf)
    vault.rotate_key()
    vault.lock()
    v = Vault.open(vault_path, "second passphrase")
    log = v.audit_log()
    actions = [e.action for e in log]
    for expected in ("vault.create", "dataset.import", "plan.save", "dataset.delete",
                     "report.export", "vault.backup", "vault.passphrase", "vault.rotate_key",
                     "vault.lock", "vault.unlock"):  # fmt: skip
        assert expected in actions, expected
    imp = next(e for e in log if e.action == "dataset.import")
    assert imp.object == "households" and imp.params["rows"] == 50
    assert imp.params["identifiers"] == {
        "name_obj": {"reason": "name", "action": "keep"},
        "comment": {"reason": "free_text", "action": "hash"},
    }
    text = json.dumps([e.to_dict() for e in log])
    for secret in (MARKER, passphrase, "second passphrase", "Zoë", "North"):
        assert secret not in text, secret
    assert all(e.user for e in log) and all(e.time.endswith("Z") for e in log)
    assert [e.action for e in v.audit_log(action="plan")] == ["plan.save"]
    assert v.audit_log(since="2999-01-01") == []
    v.lock()


def test_audit_log_is_append_only(vault):
    conn = vault._conn
    with pytest.raises(sqlcipher3.DatabaseError, match="append-only"):
        conn.execute("UPDATE audit SET action = 'x'")
    with pytest.raises(sqlcipher3.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM audit")
    assert vault.audit_log()[0].action == "vault.create"


def test_dropped_identifiers_recorded_by_the_importer_are_audited(vault):
    import pandas as pd

    from workbench.dataset_model import Dataset

    ds = Dataset("s", pd.DataFrame({"region": [1.0, 2.0]}), {},
                 source={"file": "s.csv", "identifiers": [
                     {"column": "phone", "reason": "phone", "action": "drop"}]})  # fmt: skip
    vault.save_datasets([ds])
    entry = vault.audit_log(action="dataset.import")[-1]
    assert entry.params["identifiers"] == {"phone": {"reason": "phone", "action": "drop"}}
