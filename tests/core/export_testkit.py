"""A real vault holding one analysed run whose labels are spreadsheet formulas (issue 15,
finding 3): group labels and breakdown level labels a hostile questionnaire could carry."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ui"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plan"))
from plan_testdata import households, individuals
from ui_testdata import tiny_plan

from workbench.plan.model import Disaggregation, Groups, GroupValue, Level
from workbench.service import Workbench
from workbench.settings import Settings
from workbench.vault import KdfParams, Vault

FAST_KDF = KdfParams(memory_kib=8192, iterations=1, lanes=1)
#: what a hostile label looks like; each must come out of every export as inert text
HOSTILE = {
    "hyperlink": '=HYPERLINK("http://x","click")',
    "plus": "+1",
    "minus": "-1+2",
    "at": "@SUM(A1)",
    "tab": "\tTab first",
    "cr": "\rCR first",
}


def hostile_plan():
    plan = tiny_plan(mapped=True)
    groups = Groups(
        column="pop_group",
        values=(
            GroupValue(1.0, "displaced", {"en": HOSTILE["hyperlink"]}),
            GroupValue(2.0, "displaced", {"en": HOSTILE["plus"]}),
            GroupValue(3.0, "comparator", {"en": HOSTILE["minus"]}),
            GroupValue(99.0, "exclude", {"en": "Unknown"}),
        ),
    )
    district = Disaggregation(
        "district", column="district", labels={"en": HOSTILE["at"]},
        levels=(Level((1.0,), {"en": HOSTILE["tab"]}), Level((2.0,), {"en": HOSTILE["cr"]})),
    )  # fmt: skip
    uses = tuple(dataclasses.replace(u, disaggregations=("district",)) for u in plan.indicators)
    return dataclasses.replace(plan, groups=groups, disaggregations=(district,), indicators=uses)


def hostile_service(folder: Path, passphrase: str) -> tuple[Workbench, int]:
    """An unlocked Workbench on a new vault in ``folder`` with one run of the hostile plan."""
    path = folder / "hostile.dsvault"
    Vault.create(path, passphrase, kdf=FAST_KDF).lock()
    wb = Workbench(Settings())
    wb.open_vault(path, passphrase)
    wb.vault.save_datasets([households(), individuals()])
    wb.save_plan(hostile_plan(), note="hostile labels")
    run, _results = wb.analyze("tiny")
    return wb, run.id
