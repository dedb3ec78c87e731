"""Shared fixtures of the engine's CLI tests."""

from __future__ import annotations

import pytest

PASS = "correct horse battery staple"


@pytest.fixture
def sample_vault(tmp_path, monkeypatch):
    """``make(households, seed)`` → (vault path, household dataset name): a real vault holding a
    generated Freedonia sample and the plan suggested for it ("freedonia"); the passphrase is in
    ``WORKBENCH_PASSPHRASE`` for the CLI. The vault gets a cheap KDF (opening reads the cost from
    its header), so each CLI call does not spend a second deriving the key."""
    from workbench.sample.generate import generate
    from workbench.service import Workbench
    from workbench.vault import KdfParams, Vault

    def make(households: int, seed: int):
        sample = generate(households=households, seed=seed)
        path = tmp_path / "v.wbv"
        Vault.create(path, PASS, kdf=KdfParams(memory_kib=8192, iterations=1, lanes=1)).lock()
        wb = Workbench()
        wb.open_vault(path, PASS)
        datasets = sample.datasets()
        wb.vault.save_datasets(datasets)
        wb.save_plan(wb.suggest_plan([d.name for d in datasets], name="freedonia"))
        wb.lock()
        monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASS)
        return path, datasets[0].name

    return make
