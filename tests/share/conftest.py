"""The bundled Freedonia sample in a real vault, imported as ``workbench demo`` imports it."""

from __future__ import annotations

from pathlib import Path

import pytest
from share_testkit import PASS


@pytest.fixture(scope="module")
def freedonia_vault(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """(vault path, plan name): both Freedonia files and the bundled plan, cheap KDF."""
    from workbench.datasets.importing import ImportOptions
    from workbench.paths import sample_dir
    from workbench.service import Workbench
    from workbench.settings import Settings
    from workbench.vault import KdfParams, Vault

    path = tmp_path_factory.mktemp("freedonia") / "f.wbv"
    Vault.create(path, PASS, kdf=KdfParams(memory_kib=8192, iterations=1, lanes=1)).lock()
    wb = Workbench(Settings())
    wb.open_vault(path, PASS)
    folder = sample_dir()
    form = folder / "freedonia_xlsform.xlsx"
    try:
        wb.import_file(
            folder / "freedonia_household.csv",
            ImportOptions(name="freedonia_household", unit="household", key="hh_id", xlsform=form),
        )
        wb.import_file(folder / "freedonia_individual.csv", ImportOptions(
            name="freedonia_individual", unit="individual", parent="freedonia_household",
            parent_key="hh_id", xlsform=form))  # fmt: skip
        rec, _ = wb.import_plan_file(folder / "freedonia-plan.toml", note="test")
    finally:
        wb.lock()
    return path, rec.name
