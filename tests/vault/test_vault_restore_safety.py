"""Issue 15, finding 6 and part of 10: a restore never silently replaces a DIFFERENT vault,
restored and temporary files are owner-only from creation, and what a killed backup leaves
beside the vault is removed by the next backup or key rotation."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from vault_testkit import FAST_KDF, labelled_dataset

from workbench.cli import main
from workbench.errors import RestoreOtherVault
from workbench.vault import Vault
from workbench.vault.backup import create_private, remove_leftovers
from workbench.vault.header import header_path, read_header

ROOT = Path(__file__).resolve().parents[2]
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes and signals")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def two_vaults(tmp_path: Path, passphrase: str) -> tuple[Path, Path, Path]:
    """Vault A (with a dataset) and vault C; returns (a, c, backup of c)."""
    a, c = tmp_path / "alpha.dsv", tmp_path / "charlie.dsv"
    va = Vault.create(a, passphrase, kdf=FAST_KDF)
    va.save_datasets([labelled_dataset("alpha_households", n=30)])
    va.lock()
    vc = Vault.create(c, passphrase, kdf=FAST_KDF)
    bak = vc.backup(tmp_path / "charlie.bak")
    vc.lock()
    return a, c, bak


def test_restoring_another_vaults_backup_is_refused_naming_both(tmp_path, passphrase):
    a, c, bak = two_vaults(tmp_path, passphrase)
    a_id, c_id = read_header(a).vault_id, read_header(c).vault_id
    before = a.read_bytes()
    with pytest.raises(RestoreOtherVault) as info:
        Vault.restore(bak, a, passphrase)
    msg = info.value.render("en")
    assert "alpha.dsv" in msg and a_id[:8] in msg and "charlie.bak" in msg and c_id[:8] in msg
    assert "--replace-other" in msg and "Nothing was replaced" in msg
    assert info.value.render("fr").startswith("charlie.bak est une sauvegarde d’un autre coffre")
    assert a.read_bytes() == before and read_header(a).vault_id == a_id
    with Vault.open(a, passphrase) as va:  # A is whole
        assert [d.name for d in va.list_datasets()] == ["alpha_households"]
    assert not [p.name for p in tmp_path.iterdir() if ".restore-" in p.name]

    replaced = Vault.restore(bak, a, passphrase, replace_other=True)
    assert read_header(a).vault_id == c_id and replaced.list_datasets() == []
    last = replaced.audit_log(action="vault.restore")[-1]
    assert last.params["replaced_other_vault"] == a_id
    replaced.lock()


def test_restoring_the_same_vaults_backup_needs_no_flag(tmp_path, passphrase):
    a, _c, _bak = two_vaults(tmp_path, passphrase)
    with Vault.open(a, passphrase) as va:
        own = va.backup(tmp_path / "alpha.bak")
    Vault.restore(own, a, passphrase).lock()


def test_a_vault_with_an_unknown_id_counts_as_another(tmp_path, passphrase):
    a, _c, bak = two_vaults(tmp_path, passphrase)
    header_path(a).unlink()  # header lost: it cannot be proved to be the backup's vault
    with pytest.raises(RestoreOtherVault, match="cannot be identified"):
        Vault.restore(bak, a, passphrase)


def test_cli_restore_refuses_another_vault_unless_replace_other(tmp_path, passphrase, monkeypatch,
                                                                capsys):  # fmt: skip
    a, _c, bak = two_vaults(tmp_path, passphrase)
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", passphrase)
    rc = main(["vault", "restore", "--vault", str(a), "--from", str(bak)])
    err = capsys.readouterr().err
    assert rc == 1 and "backup of another vault" in err and "--replace-other" in err
    assert "Traceback" not in err and "Unexpected" not in err
    rc = main(["vault", "restore", "--vault", str(a), "--from", str(bak), "--replace-other"])
    assert rc == 0 and "restored" in capsys.readouterr().out


@posix_only
def test_restored_backup_and_work_files_are_owner_only_whatever_the_umask(tmp_path, passphrase):
    old = os.umask(0)  # the most permissive umask: modes must not depend on it
    try:
        _a, _c, bak = two_vaults(tmp_path, passphrase)
        assert mode(bak) == 0o600
        dest = tmp_path / "restored.dsv"
        Vault.restore(bak, dest, passphrase).lock()
        assert mode(dest) == 0o600 and mode(header_path(dest)) == 0o600
        fd = create_private(tmp_path / "work")
        os.close(fd)
        assert mode(tmp_path / "work") == 0o600
    finally:
        os.umask(old)


KILLED_BACKUP = textwrap.dedent(
    """
    import os, sys, time
    sys.path.insert(0, {root!r})
    os.umask(0o022)
    import workbench.vault.backup as b
    from workbench.vault import Vault

    def stall(*args, **kwargs):  # the encrypted copy is complete: be killed while streaming it
        print("copying", flush=True)
        time.sleep(120)

    b.shutil.copyfileobj = stall
    v = Vault.open({vault!r}, {passphrase!r})
    v.backup({dest!r})
    """
)


def killed_backup(vault: Path, dest: Path, passphrase: str) -> None:
    code = KILLED_BACKUP.format(root=str(ROOT), vault=str(vault), dest=str(dest),
                                passphrase=passphrase)  # fmt: skip
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "copying"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL


@posix_only
@pytest.mark.slow
def test_leftovers_of_a_killed_backup_are_private_and_removed_next_time(tmp_path, passphrase):
    vault = tmp_path / "v.dsv"
    v = Vault.create(vault, passphrase, kdf=FAST_KDF)
    v.save_datasets([labelled_dataset(n=20_000)])
    v.lock()
    killed_backup(vault, tmp_path / "first.bak", passphrase)
    leftovers = sorted(p for p in tmp_path.iterdir() if p.name.startswith("."))
    copies = [p for p in leftovers if ".backup-" in p.name and p.stat().st_size > 0]
    assert copies and copies[0].stat().st_size >= vault.stat().st_size // 2  # a full-size copy
    assert all(mode(p) == 0o600 for p in leftovers), [(p.name, oct(mode(p))) for p in leftovers]
    assert not (tmp_path / "first.bak").exists()

    with Vault.open(vault, passphrase) as v:
        v.backup(tmp_path / "second.bak")
        entry = v.audit_log(action="vault.leftovers_removed")[-1]
        assert sorted(entry.params["files"]) == sorted(p.name for p in leftovers)
    assert not [p for p in tmp_path.iterdir() if ".backup-" in p.name]
    assert not (tmp_path / ".first.bak.partial").exists()

    killed_backup(vault, tmp_path / "third.bak", passphrase)
    assert [p for p in tmp_path.iterdir() if ".backup-" in p.name]
    with Vault.open(vault, passphrase) as v:
        v.rotate_key()
    assert not [p for p in tmp_path.iterdir() if ".backup-" in p.name]
    # the partial backup files the killed backups left in the backup folder went too
    assert sorted(p.name for p in tmp_path.iterdir()) == ["second.bak", "v.dsv", "v.dsv.header"]


def test_a_live_backups_work_file_is_never_removed(tmp_path):
    vault = tmp_path / "v.dsv"
    mine = vault.with_name(f".{vault.name}.backup-{os.getpid()}-abcdef12")
    mine.write_bytes(b"in progress")
    gone = vault.with_name(f".{vault.name}.backup-999999999-abcdef12")
    gone.write_bytes(b"left by a killed process")
    (gone.with_name(gone.name + "-journal")).write_bytes(b"journal")
    removed = remove_leftovers(vault)
    assert sorted(p.name for p in removed) == sorted([gone.name, gone.name + "-journal"])
    assert mine.exists()
