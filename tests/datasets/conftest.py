"""Fixtures for the datasets tests: real files written in tmp_path by datasets_files."""

from __future__ import annotations

from pathlib import Path

import pytest
from datasets_files import make_dart_xlsx, make_dta, make_kobo_xlsx, make_sav, make_xlsform


@pytest.fixture
def kobo_xlsx(tmp_path: Path) -> Path:
    return make_kobo_xlsx(tmp_path)


@pytest.fixture
def xlsform_path(tmp_path: Path) -> Path:
    return make_xlsform(tmp_path)


@pytest.fixture
def dart_xlsx(tmp_path: Path) -> Path:
    return make_dart_xlsx(tmp_path)


@pytest.fixture
def sav_path(tmp_path: Path) -> Path:
    return make_sav(tmp_path)


@pytest.fixture
def dta_path(tmp_path: Path) -> Path:
    return make_dta(tmp_path)


@pytest.fixture
def vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A real vault (cheap KDF) whose passphrase the CLI reads from the environment."""
    from workbench.vault import KdfParams, Vault

    path = tmp_path / "v.db"
    Vault.create(path, "pw", kdf=KdfParams(memory_kib=8192, iterations=1, lanes=1)).lock()
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", "pw")
    return path
