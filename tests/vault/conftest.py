"""Fixtures for the vault tests: fast-KDF vaults in tmp_path and datasets with every dtype."""

from __future__ import annotations

from pathlib import Path

import pytest
from vault_testkit import FAST_KDF, MARKER, every_dtype_frame, labelled_dataset  # noqa: F401

from workbench.vault import Vault


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "test.dsv"


@pytest.fixture
def vault(vault_path: Path, passphrase: str):
    v = Vault.create(vault_path, passphrase, kdf=FAST_KDF)
    yield v
    v.lock()
