"""The bundled Freedonia sample in a real vault, imported as ``workbench demo`` imports it
(shared by the tests that need the whole sample: sharing, the report's plan warnings)."""

from __future__ import annotations

from pathlib import Path


def make_freedonia_vault(path: Path, passphrase: str) -> str:
    """Create a vault at ``path`` (cheap KDF) holding both Freedonia files and the bundled
    plan; return the plan's name. The vault is left locked."""
    from workbench.datasets.importing import ImportOptions
    from workbench.paths import sample_dir
    from workbench.service import Workbench
    from workbench.settings import Settings
    from workbench.vault import KdfParams, Vault

    Vault.create(path, passphrase, kdf=KdfParams(memory_kib=8192, iterations=1, lanes=1)).lock()
    wb = Workbench(Settings())
    wb.open_vault(path, passphrase)
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
    return rec.name
