"""The plan CLI tests' vault: a real fast-KDF vault holding the test households (``hh``) and
individuals (``ind``), with the test library in place of the bundled one."""

from __future__ import annotations

from pathlib import Path

import plan_testdata as td
import pytest

from workbench.vault import KdfParams, Vault

FAST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)  # tests only


@pytest.fixture
def vault(tmp_path: Path, passphrase: str, monkeypatch: pytest.MonkeyPatch) -> str:
    path = tmp_path / "plans.vault"
    v = Vault.create(path, passphrase, kdf=FAST_KDF)
    v.save_datasets([td.households(), td.individuals()])
    v.lock()
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", passphrase)
    monkeypatch.setattr("workbench.service.Workbench.library", lambda self: td.library())
    return str(path)
