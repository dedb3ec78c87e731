"""A real vault holding both Freedonia rounds and the bundled rounds plan (service, CLI, app)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from workbench.paths import sample_dir
from workbench.sample.round2 import generate_rounds
from workbench.service import Workbench
from workbench.vault import KdfParams, Vault

PASS = "correct horse battery staple"
PLAN_FILE = "freedonia-rounds-plan.toml"


def make_rounds_vault(path: Path, households: int = 600, seed: int = 11) -> Path:
    base, follow = generate_rounds(households, seed)
    Vault.create(path, PASS, kdf=KdfParams(memory_kib=8192, iterations=1, lanes=1)).lock()
    wb = Workbench()
    wb.open_vault(path, PASS)
    hh2, ind2 = follow.datasets()
    hh2 = dataclasses.replace(hh2, name="freedonia_household_r2")
    ind2 = dataclasses.replace(ind2, name="freedonia_individual_r2", parent=hh2.name)
    wb.vault.save_datasets([*base.datasets(), hh2, ind2])
    _rec, findings = wb.import_plan_file(sample_dir() / PLAN_FILE, note="test")
    errors = [f.text() for f in findings if f.severity == "error"]
    assert not errors, errors
    wb.lock()
    return path
