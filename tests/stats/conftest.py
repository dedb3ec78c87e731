"""Shared fixtures of the engine's CLI tests."""

from __future__ import annotations

import pytest

PASS = "correct horse battery staple"


@pytest.fixture
def sample_vault(tmp_path, monkeypatch):
    """``make(households, seed)`` → (vault path, household dataset name): a real vault holding a
    generated Freedonia sample and the plan suggested for it ("freedonia"); the passphrase is in
    ``WORKBENCH_PASSPHRASE`` for the CLI."""
    from workbench.sample.generate import generate
    from workbench.service import Workbench

    def make(households: int, seed: int):
        sample = generate(households=households, seed=seed)
        wb = Workbench()
        path = tmp_path / "v.wbv"
        wb.create_vault(path, PASS)
        datasets = sample.datasets()
        wb.vault.save_datasets(datasets)
        wb.save_plan(wb.suggest_plan([d.name for d in datasets], name="freedonia"))
        wb.lock()
        monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASS)
        return path, datasets[0].name

    return make
