"""A new vault file is readable by its owner only, like its header."""

from __future__ import annotations

import stat
import sys

import pytest

from workbench.vault import Vault
from workbench.vault.keys import KdfParams


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_vault_file_and_header_are_owner_only(tmp_path) -> None:
    path = tmp_path / "v.wbvault"
    v = Vault.create(path, "pw-for-mode-test", kdf=KdfParams(8192, 1, 1))
    v.lock()
    for p in (path, path.with_name(path.name + ".header")):
        assert stat.S_IMODE(p.stat().st_mode) == 0o600, p


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_vault_backup_is_owner_only(tmp_path) -> None:
    v = Vault.create(tmp_path / "v.wbvault", "pw-for-mode-test", kdf=KdfParams(8192, 1, 1))
    dest = v.backup(tmp_path / "v.bak")
    v.lock()
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
