"""A run reads the data through the cleaning log, its snapshot records each log's length and hash,
and the report's methodology says what was changed, set missing and dropped, by kind.

Real vault, the generated Freedonia sample (its planted ages over 110), the bundled plan."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from workbench import paths
from workbench.cleaning_model import NewChange
from workbench.cli.demo import import_freedonia
from workbench.sample import generate, write_sample
from workbench.service import Workbench
from workbench.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_core_run_snapshot import _report

pytestmark = pytest.mark.slow
IND, HH = "freedonia_individual", "freedonia_household"


def test_runs_and_reports_record_the_cleaning_log(tmp_path, passphrase) -> None:
    files = write_sample(generate(300), tmp_path / "sample", ("csv",))
    wb = Workbench(Settings())
    wb.create_vault(tmp_path / "v.wbvault", passphrase)
    try:
        import_freedonia(
            wb,
            next(p for p in files if p.name.endswith("household.csv")),
            next(p for p in files if p.name.endswith("individual.csv")),
        )
        plan, _ = wb.import_plan_file(paths.sample_dir() / "freedonia-plan.toml")
        fingerprints = {d.name: d.fingerprint for d in wb.datasets()}
        run1, res1 = wb.analyze(plan.name, plan.version)
        assert res1.snapshot is not None
        assert {k: v["entries"] for k, v in res1.snapshot.cleaning_logs.items()} == {IND: 0, HH: 0}

        members = wb.view_dataset(IND)
        ages = members.dataset.frame["age"]
        old = [r for r, age in zip(members.records, ages, strict=True) if age > 110]
        assert old, "the sample plants members aged over 110"
        households = wb.view_dataset(HH)
        wb.clean(
            [NewChange(IND, "missing", record=r, question="age", issue="age over 110",
                       check="check.age_range") for r in old]
            + [NewChange(HH, "drop", record=households.records[0], issue="duplicate interview",
                         check="check.duplicate")]
        )  # fmt: skip
        assert len(wb.load_dataset(HH).frame) == len(households.dataset.frame) - 1
        run2, res2 = wb.analyze(plan.name, plan.version)
        snap = res2.snapshot
        assert snap is not None
        for name in (IND, HH):
            summary = wb.cleaning_summary(name)
            assert snap.cleaning_logs[name]["entries"] == summary.entries
            assert snap.cleaning_logs[name]["sha256"] == summary.sha256
        assert snap.cleaning_logs[IND]["set_missing"] == len(old)
        assert snap.cleaning_logs[HH]["dropped"] == 1
        assert snap.dataset_fingerprints == fingerprints  # the imported data never changed
        stored = wb.load_results(run2.id).snapshot
        assert stored is not None and stored.cleaning_logs == snap.cleaning_logs

        hh_rows = res1.estimates[res1.estimates["disaggregation"] == "total"]
        n1 = hh_rows.groupby("indicator_id")["n"].sum().max()
        hh_rows2 = res2.estimates[res2.estimates["disaggregation"] == "total"]
        assert hh_rows2.groupby("indicator_id")["n"].sum().max() < n1  # the record is left out

        pages, _cells = _report(
            wb, run2.id, tmp_path / "r2", sections=("methodology", "validation")
        )
        text = " ".join(" ".join(pages).split())  # table cells wrap
        assert "Data cleaning" in text and "Records dropped" in text
        assert f"check.age_range ({len(old)})" in text and "check.duplicate (1)" in text
        assert snap.cleaning_logs[HH]["sha256"] in text.replace(" ", "")
        pages, _cells = _report(wb, run1.id, tmp_path / "r1", sections=("methodology",))
        assert "the cleaning log is empty" in " ".join(pages)  # run 1 says what run 1 read
    finally:
        wb.lock()
