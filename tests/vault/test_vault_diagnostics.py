"""Issue 15, findings 7 and 8: a busy vault, a full disk and a key rotated by another process
are never reported as damage; a header asking for absurd KDF costs is refused at once."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from vault_testkit import FAST_KDF, LockHolder, labelled_dataset

from workbench.cli import main
from workbench.errors import DamagedVault, VaultBusy, VaultError
from workbench.vault import Vault
from workbench.vault.header import header_path

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def short_wait(monkeypatch):
    """Wait 0.3 s (not 5 s) for the other process's lock: the diagnosis is the same."""
    import workbench.vault.connection as connection

    monkeypatch.setattr(connection, "BUSY_TIMEOUT_S", 0.3)


@pytest.mark.slow
def test_a_vault_locked_by_another_process_is_busy_not_damaged(
    vault_path, passphrase, capsys, monkeypatch, short_wait
):
    Vault.create(vault_path, passphrase, kdf=FAST_KDF).lock()
    holder = LockHolder(vault_path, passphrase, "EXCLUSIVE")
    try:
        with pytest.raises(VaultBusy) as info:
            Vault.open(vault_path, passphrase)
        assert not isinstance(info.value, DamagedVault)
        assert "in use by another process" in str(info.value) and "Try again" in str(info.value)
        monkeypatch.setenv("WORKBENCH_PASSPHRASE", passphrase)
        assert main(["vault", "info", "--vault", str(vault_path)]) == 1
        err = capsys.readouterr().err
        assert "in use by another process" in err and "damaged" not in err.lower()
        assert "restore" not in err.lower()
    finally:
        holder.finish()
    with Vault.open(vault_path, passphrase) as v:
        assert v.check().ok


@pytest.mark.slow
def test_key_rotation_during_another_process_import_is_busy_and_harmless(
    short_wait, vault, vault_path, passphrase
):
    vault.save_datasets([labelled_dataset(n=200)])
    holder = LockHolder(vault_path, passphrase)
    try:
        with pytest.raises(VaultBusy, match="in use by another process"):
            vault.rotate_key()
        # this process goes on working with the old key (it wrote nothing under the new one)
        assert vault.load_dataset("households").n_rows == 200
    finally:
        holder.finish()
    vault.save_plan("after", "x = 1")  # writes after the other process committed
    vault.lock()
    with Vault.open(vault_path, passphrase) as v:  # the file, the header and the key agree
        assert v.check().ok and v.load_plan("after").toml_text == "x = 1"
        assert v.list_datasets()[0].name == "households"
        v.rotate_key()  # and a rotation works once the other process is done
    with Vault.open(vault_path, passphrase) as v:
        assert v.check().ok


def test_a_key_rotated_by_another_process_is_not_called_damage(vault, vault_path, passphrase):
    vault.save_datasets([labelled_dataset(n=50)])
    other = Vault.open(vault_path, passphrase)  # a second window, its own connection
    other.rotate_key()
    other.lock()
    with pytest.raises(VaultError) as info:
        vault.load_dataset("households")
    assert not isinstance(info.value, DamagedVault)
    assert info.value.code == "vault.key_changed_elsewhere"
    assert not vault.is_open  # locked; unlocking again works
    with Vault.open(vault_path, passphrase) as v:
        assert v.load_dataset("households").n_rows == 50


FILL_DISK = textwrap.dedent(
    """
    import os, sys
    sys.path.insert(0, {root!r})
    from pathlib import Path
    from workbench.errors import WorkbenchError
    from workbench.vault import Vault, KdfParams
    d = Path(sys.argv[1])
    vault = d / "v.dsv"
    Vault.create(vault, {passphrase!r}, kdf=KdfParams(1024, 1, 1)).lock()
    fd = os.open(d / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(fd, bytes(4096))
    except OSError:
        pass
    os.close(fd)
    out = {{}}
    for what, call in (("open", lambda: Vault.open(vault, {passphrase!r})),
                       ("create", lambda: Vault.create(d / "w.dsv", {passphrase!r},
                                                       kdf=KdfParams(1024, 1, 1)))):
        try:
            call().lock()
            out[what] = "ok"
        except WorkbenchError as exc:
            out[what] = [type(exc).__name__, exc.code, str(exc)]
    os.unlink(d / "filler")
    v = Vault.open(vault, {passphrase!r})
    out["after"] = v.check().ok
    v.lock()
    print(__import__("json").dumps(out))
    """
)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs unshare for a private tmpfs")
def test_a_full_disk_says_free_space_not_damaged(tmp_path, passphrase):
    """A real full disk: a 2 MiB tmpfs in a private mount namespace (skipped where unprivileged
    namespaces are not allowed)."""
    mnt = tmp_path / "small"
    mnt.mkdir()
    script = tmp_path / "fill.py"
    script.write_text(FILL_DISK.format(root=str(ROOT), passphrase=passphrase))
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("unprivileged mount namespaces are not allowed here")
    run = subprocess.run(
        ["unshare", "-rm", "sh", "-c",
         f'mount -t tmpfs -o size=2m tmpfs "{mnt}" && exec "{sys.executable}" "{script}" "{mnt}"'],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    out = json.loads(run.stdout.splitlines()[-1])
    for what in ("open", "create"):
        kind, code, text = out[what]
        assert kind == "VaultError" and code == "vault.disk_full", out
        assert f"Free space on {mnt}" in text and "damaged" not in text
    assert out["after"] is True  # the vault was fine all along


def tamper(vault_path: Path, **kdf: object) -> None:
    path = header_path(vault_path)
    d = json.loads(path.read_text())
    d["kdf"].update(kdf)
    path.write_text(json.dumps(d))


@pytest.mark.parametrize(
    ("field", "value", "param"),
    [
        ("iterations", 10**9, "iterations"),
        ("memory_kib", 2**40, "memory_kib"),
        ("memory_kib", -1, "memory_kib"),
        ("iterations", -5, "iterations"),
        ("lanes", 0, "lanes"),
        ("lanes", 2**31, "lanes"),
        ("iterations", 64, "work_kib"),  # each alone allowed, together 4 GiB × 64 passes
    ],
)
def test_a_header_with_absurd_kdf_costs_is_refused_at_once(
    vault, vault_path, passphrase, field, value, param, capsys, monkeypatch
):
    vault.lock()
    tamper(vault_path, **{field: value})
    if param == "work_kib":
        tamper(vault_path, memory_kib=4 * 1024 * 1024)
    t0 = time.perf_counter()
    with pytest.raises(DamagedVault) as info:
        Vault.open(vault_path, passphrase)
    assert time.perf_counter() - t0 < 5.0  # milliseconds when idle; generous for a loaded CI
    assert info.value.code == "vault.header_kdf_tampered" and info.value.params["param"] == param
    assert "altered or damaged" in str(info.value)
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", passphrase)
    assert main(["vault", "info", "--vault", str(vault_path), "--lang", "ar"]) == 1
    err = capsys.readouterr().err
    assert "ترويسة الخزنة" in err and "Unexpected" not in err and "Error" not in err


@pytest.mark.parametrize(
    "edit",
    [
        {"kdf": ["argon2id"]},
        {"kdf": {"name": "argon2id", "memory_kib": "lots", "iterations": 1, "lanes": 1}},
        {"wrap": "not a table"},
        {"version": "one"},
        {"remembered": ["x"]},
    ],
)
def test_a_header_field_of_the_wrong_kind_is_one_clear_message(vault, vault_path, passphrase,
                                                               edit):  # fmt: skip
    vault.lock()
    path = header_path(vault_path)
    d = json.loads(path.read_text())
    d.update(edit)
    path.write_text(json.dumps(d))
    with pytest.raises(VaultError) as info:
        Vault.open(vault_path, passphrase)
    assert info.value.code in ("vault.header_malformed", "vault.kdf_unreadable",
                               "vault.header_unknown_kdf")  # fmt: skip


def test_a_tampered_header_is_repaired_by_restoring_the_vaults_own_backup(
    vault, vault_path, tmp_path, passphrase
):
    vault.save_plan("p", "x = 1")
    bak = vault.backup(tmp_path / "own.bak")
    vault.lock()
    tamper(vault_path, iterations=10**9)
    # the header still names its vault: its own backup restores without --replace-other
    with Vault.restore(bak, vault_path, passphrase) as v:
        assert v.load_plan("p").toml_text == "x = 1"
