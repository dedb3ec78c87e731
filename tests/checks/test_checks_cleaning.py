"""Find, fix, check again: a finding's "where" is what the cleaning log needs to answer it."""

from __future__ import annotations

from pathlib import Path

from workbench.cleaning_model import NewChange
from workbench.cli.demo import import_freedonia
from workbench.sample import generate, write_sample
from workbench.service import Workbench


def test_findings_are_answered_by_cleaning_log_entries(tmp_path: Path, passphrase: str) -> None:
    files = write_sample(generate(400, seed=16), tmp_path / "files", ("csv",))
    hh = next(p for p in files if p.name.endswith("household.csv"))
    ind = next(p for p in files if p.name.endswith("individual.csv"))
    wb = Workbench()
    wb.create_vault(tmp_path / "v.wbvault", passphrase)
    try:
        import_freedonia(wb, hh, ind)
        found = wb.run_checks()
        age = next(f for f in found if f.code == "check.age_out_of_range")
        dup = next(f for f in found if f.code == "check.duplicate_interview")
        assert age.where["dataset"] == "freedonia_individual"  # no key: records by row number
        wb.clean(
            [
                NewChange(
                    dataset=age.where["dataset"], kind="change", record=age.where["record"],
                    question=age.where["column"], new=45, issue="age typed twice",
                    check=age.code,
                ),
                NewChange(
                    dataset=dup.where["dataset"], kind="drop", record=dup.where["record"],
                    issue="submitted twice", check=dup.code,
                ),
            ]
        )  # fmt: skip
        again = wb.run_checks()
        places = {(f.code, f.where.get("record")) for f in again}
        assert (age.code, age.where["record"]) not in places
        assert (dup.code, dup.where["record"]) not in places
        left = [f for f in again if f.code == "check.age_out_of_range"]
        assert len(left) == len([f for f in found if f.code == "check.age_out_of_range"]) - 1
        log = wb.cleaning_log()
        assert {e.check for e in log} == {age.code, dup.code}
    finally:
        wb.lock()
