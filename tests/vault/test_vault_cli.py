"""``workbench vault …`` and ``workbench audit`` as a user runs them."""

from __future__ import annotations

import json

import pytest
from vault_testkit import FAST_KDF

from workbench.cli import main
from workbench.vault.header import read_header


@pytest.fixture
def cli(monkeypatch, passphrase, capsys):
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", passphrase)

    def run(*argv: str) -> tuple[int, str, str]:
        rc = main(list(argv))
        out = capsys.readouterr()
        return rc, out.out, out.err

    return run


def test_create_uses_the_full_kdf_and_refuses_overwrite(cli, tmp_path):
    path = tmp_path / "v.dsv"
    rc, out, _ = cli("vault", "create", "--vault", str(path))
    assert rc == 0 and "Created" in out
    assert read_header(path).kdf.memory_kib >= 65536
    rc, _, err = cli("vault", "create", "--vault", str(path))
    assert rc == 1 and "never overwritten" in err and "Traceback" not in err


@pytest.mark.slow
def test_vault_commands_end_to_end(cli, tmp_path, monkeypatch):
    import workbench.vault.vault as vault_mod

    monkeypatch.setattr(vault_mod, "DEFAULT_KDF", FAST_KDF)  # keep the test quick
    path = str(tmp_path / "v.dsv")
    assert cli("vault", "create", "--vault", path)[0] == 0

    rc, out, _ = cli("vault", "info", "--vault", path, "--json")
    info = json.loads(out)
    assert rc == 0 and info["schema_version"] == 7 and info["temp_store"] == 2
    assert info["counts"]["datasets"] == 0 and info["kdf"]["name"] == "argon2id"
    rc, out, _ = cli("vault", "info", "--vault", path)
    assert rc == 0 and "AES-256-GCM" in out

    rc, out, _ = cli("vault", "check", "--vault", path)
    assert rc == 0 and out.startswith("OK")

    monkeypatch.setenv("WORKBENCH_NEW_PASSPHRASE", "the new one")
    assert cli("vault", "passphrase", "--vault", path)[0] == 0
    rc, _, err = cli("vault", "info", "--vault", path)
    assert rc == 1 and err.startswith("workbench: error: Wrong passphrase")
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", "the new one")

    assert cli("vault", "rotate-key", "--vault", path)[0] == 0
    bak = str(tmp_path / "v.bak")
    assert cli("vault", "backup", "--vault", path, "--to", bak)[0] == 0
    restored = str(tmp_path / "r.dsv")
    rc, out, _ = cli("vault", "restore", "--from", bak, "--vault", restored)
    assert rc == 0 and "verified" in out

    rc, out, _ = cli("audit", "--vault", path, "--json")
    actions = [e["action"] for e in json.loads(out)]
    assert {"vault.create", "vault.passphrase", "vault.rotate_key", "vault.backup"} <= set(actions)
    rc, out, _ = cli("audit", "--vault", path, "--action", "vault.backup")
    assert rc == 0 and "vault.backup" in out and "vault.create" not in out
    rc, out, _ = cli("audit", "--vault", path, "--since", "2999-01-01")
    assert rc == 0 and "(none)" in out
    rc, _, err = cli("audit", "--vault", path, "--since", "yesterday-ish")
    assert rc == 2 and "not a date" in err

    rc, out, _ = cli("vault", "keyring", "--json")
    assert rc == 0 and json.loads(out)["available"] is False  # fail backend in the suite
    rc, _, err = cli("vault", "remember", "--vault", path)
    assert rc == 1 and "keyring" in err


def test_damaged_and_missing_vaults_are_one_line(cli, tmp_path):
    rc, _, err = cli("vault", "info", "--vault", str(tmp_path / "none.dsv"))
    assert rc == 1 and "No vault" in err and len(err.strip().splitlines()) == 1
    empty = tmp_path / "empty.dsv"
    empty.write_bytes(b"")
    rc, _, err = cli("vault", "check", "--vault", str(empty))
    assert rc == 1 and "empty" in err
