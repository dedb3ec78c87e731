"""Every audit entry the app and the CLI make reads as a sentence in every language (issue 21
finding 7), from a real vault's log after the operations a user performs."""

from __future__ import annotations

import pytest

from workbench.datasets.importing import ImportOptions
from workbench.messages import CATALOG_LANGUAGES
from workbench.paths import sample_dir
from workbench.service import Workbench
from workbench.service.audit_text import describe
from workbench.settings import Settings
from workbench.vault import KdfParams, Vault

pytestmark = pytest.mark.slow  # imports the sample and runs the analysis (~5 s)


def test_every_entry_of_a_working_session_has_its_sentence(tmp_path, passphrase):
    path = tmp_path / "v.dsvault"
    Vault.create(path, passphrase, kdf=KdfParams(8192, 1, 1)).lock()
    wb = Workbench(Settings())
    for _ in range(2):
        with pytest.raises(Exception):  # noqa: B017 - a wrong passphrase, counted
            wb.open_vault(path, "wrong passphrase words")
    wb.open_vault(path, passphrase)
    s = sample_dir()
    wb.import_file(s / "freedonia_household.csv", ImportOptions(unit="household", key="hh_id"))
    wb.import_file(s / "freedonia_individual.csv", ImportOptions(
        unit="individual", parent="freedonia_household", parent_key="hh_id"))  # fmt: skip
    rec, _ = wb.import_plan_file(s / "freedonia-plan.toml")
    wb.export_plan_file(rec.name, tmp_path / "plan.toml")
    wb.copy_table([["a"], ["1"]], kind="indicatorTable", audience="publishable")
    wb.check_vault()
    wb.backup_vault(tmp_path / "b.dsbackup")
    wb.delete_dataset("freedonia_individual")
    entries = wb.audit_log()
    wb.lock()
    seen = set()
    for e in entries:
        seen.add(e.action)
        for lang in CATALOG_LANGUAGES:
            text = describe(e.action, e.object, e.params, lang)
            assert not text.startswith(e.action), (e.action, lang, text)  # not the fallback
            assert "{" not in text and "}" not in text
    assert {
        "vault.unlock",
        "dataset.import",
        "plan.save",
        "plan.import",
        "export.completed",
        "export.clipboard",
        "vault.check",
        "vault.backup",
        "dataset.delete",
    } <= seen
    unlock = next(e for e in entries if e.action == "vault.unlock")
    assert "after 2 wrong passphrase" in describe("vault.unlock", unlock.object, unlock.params)
    plan_export = next(e for e in entries if e.action == "export.completed")
    assert describe("export.completed", plan_export.object, plan_export.params, "fr") == (
        "Exporté : le plan vers plan.toml (interne : contient des valeurs non autorisées à la "
        "publication)."
    )


def test_an_unknown_action_is_plain_words_not_json():
    text = describe("share.extract", "partner", {"rows": 12, "files": [{"path": "/x/a.csv"}]})
    assert text == "share.extract — partner rows: 12"
