"""Issue 15, finding 10 (passphrases): a minimum strength for new passphrases in the CLI and the
app (one estimator), an override for tests only, no passphrase in a child process's environment,
and no byte of a passphrase in any message."""

from __future__ import annotations

import subprocess
import sys

import pytest

from workbench.cli import main
from workbench.errors import VaultError
from workbench.passphrase import ALLOW_WEAK_ENV, MIN_LENGTH, MIN_SCORE, strength
from workbench.service import Workbench
from workbench.vault import KdfParams, Vault
from workbench.vault.header import header_path

FAST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)  # tests only
STRONG = "correct horse battery staple"
WEAK = ["a", " ", "1234", "password123", "Password2024!", "aaaaaaaaaaaaaaaa", "qwertyuiop12",
        "1234567890123", "passwordpassword", "abcdefghij"]  # fmt: skip


@pytest.fixture
def fast_cli(monkeypatch, capsys):
    import workbench.vault.vault as vault_mod

    monkeypatch.setattr(vault_mod, "DEFAULT_KDF", FAST_KDF)  # keep the test quick
    monkeypatch.delenv(ALLOW_WEAK_ENV, raising=False)

    def run(*argv: str, passphrase: str, new: str | None = None) -> tuple[int, str, str]:
        monkeypatch.setenv("WORKBENCH_PASSPHRASE", passphrase)
        if new is not None:
            monkeypatch.setenv("WORKBENCH_NEW_PASSPHRASE", new)
        rc = main(list(argv))
        out = capsys.readouterr()
        return rc, out.out, out.err

    return run


def test_the_estimator_refuses_the_weak_and_keeps_real_passphrases():
    assert all(strength(p) < MIN_SCORE for p in WEAK), [(p, strength(p)) for p in WEAK]
    for good in (STRONG, "four random words here", "the new one", "Zoë est là 2024",
                 "عبارة مرور طويلة", "Tr0ub4dor&3"):  # fmt: skip
        assert strength(good) >= MIN_SCORE, good
    assert MIN_LENGTH == 10 and MIN_SCORE == 2  # the documented rule (docs/vault.md)


@pytest.mark.parametrize("weak", ["a", " ", "1234", "password123"])
def test_cli_vault_create_refuses_a_weak_passphrase(fast_cli, tmp_path, weak):
    path = tmp_path / "v.dsv"
    rc, _, err = fast_cli("vault", "create", "--vault", str(path), passphrase=weak)
    assert rc == 1 and "too weak" in err and "at least 10 characters" in err
    assert len(weak) < 4 or weak not in err  # the passphrase itself is never echoed
    assert not path.exists() and not header_path(path).exists()


def test_cli_create_and_change_passphrase_need_fair_or_better(fast_cli, tmp_path):
    path = str(tmp_path / "v.dsv")
    assert fast_cli("vault", "create", "--vault", path, passphrase=STRONG)[0] == 0
    rc, _, err = fast_cli("vault", "passphrase", "--vault", path, passphrase=STRONG, new="1234")
    assert rc == 1 and "too weak" in err
    assert fast_cli("vault", "info", "--vault", path, passphrase=STRONG)[0] == 0  # unchanged
    rc, _, err = fast_cli("vault", "passphrase", "--vault", path, passphrase=STRONG,
                          new="a new and longer one")  # fmt: skip
    assert rc == 0, err
    rc, _, err = fast_cli("vault", "info", "--vault", path, passphrase=STRONG, new="")
    assert rc == 1 and "Wrong passphrase" in err


def test_the_message_is_translated_with_its_level(tmp_path, monkeypatch):
    monkeypatch.delenv(ALLOW_WEAK_ENV, raising=False)
    with pytest.raises(VaultError) as info:
        Workbench().create_vault(tmp_path / "v.dsv", "password123")
    assert info.value.code == "vault.passphrase_too_weak"
    assert "(weak)" in info.value.render("en") and "(faible)" in info.value.render("fr")
    assert "(ضعيفة)" in info.value.render("ar")


def test_the_override_is_for_tests_only_and_named_so(tmp_path, monkeypatch):
    monkeypatch.setenv(ALLOW_WEAK_ENV, "1")
    wb = Workbench()
    import workbench.vault.vault as vault_mod

    monkeypatch.setattr(vault_mod, "DEFAULT_KDF", FAST_KDF)
    wb.create_vault(tmp_path / "weak.dsv", "pw")
    wb.lock()
    assert ALLOW_WEAK_ENV == "WORKBENCH_TEST_ALLOW_WEAK_PASSPHRASE"


def test_a_non_utf8_passphrase_error_shows_no_byte_of_it(fast_cli, tmp_path):
    path = tmp_path / "v.dsv"
    Vault.create(path, STRONG, kdf=FAST_KDF).lock()
    secret = "caf\udce9-xyzzy-passphrase"  # the byte 0xE9 from a Latin-1 terminal
    for argv in (("vault", "info", "--vault", str(path)),
                 ("vault", "create", "--vault", str(tmp_path / "new.dsv"))):  # fmt: skip
        rc, out, err = fast_cli(*argv, passphrase=secret)
        assert rc == 1 and "not valid UTF-8" in err, err
        for piece in ("\udce9", "é", "\\xe9", "xe9", "caf", "xyzzy", "Unexpected"):
            assert piece not in err + out


CHILD = "import os; print(os.environ.get('WORKBENCH_PASSPHRASE'), os.environ.get('WORKBENCH_NEW_PASSPHRASE'))"  # noqa: E501


def test_child_processes_started_by_a_command_get_no_passphrase(fast_cli, tmp_path, monkeypatch):
    """A real child process started while a command runs (as the SAV/DTA helper or a chart
    worker would be) finds no passphrase in its environment; the command itself still has it."""
    import workbench.cli.vault as cli_vault

    seen: list[str] = []
    original = cli_vault.cmd_info

    def info_then_spawn(args):  # type: ignore[no-untyped-def]
        rc = original(args)  # unlocks with WORKBENCH_PASSPHRASE
        seen.append(subprocess.run([sys.executable, "-c", CHILD], capture_output=True,
                                   text=True, check=True).stdout.strip())  # fmt: skip
        return rc

    monkeypatch.setattr(cli_vault, "cmd_info", info_then_spawn)
    path = tmp_path / "v.dsv"
    Vault.create(path, STRONG, kdf=FAST_KDF).lock()
    rc, _, err = fast_cli("vault", "info", "--vault", str(path), passphrase=STRONG, new="x y z")
    assert rc == 0, err
    assert seen == ["None None"]
    import os

    assert os.environ["WORKBENCH_PASSPHRASE"] == STRONG  # given back to the caller afterwards
