"""The Freedonia sample's planted problems are each found; a clean sample raises no alarm."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench import paths
from workbench.checks import run_checks
from workbench.cli import main
from workbench.plan.model import Plan
from workbench.sample import generate

PLAN = paths.sample_dir() / "freedonia-plan.toml"
#: every check but the outlier screens, which flag the tails of any real distribution
ALARMS = {
    "check.age_out_of_range", "check.head_too_young", "check.household_size_mismatch",
    "check.date_in_future", "check.date_after_interview", "check.negative_amount",
    "check.skip_answered", "check.skip_missing", "check.skip_not_evaluated",
    "check.other_matches_choice", "check.duplicate_interview", "check.soft_duplicate",
    "check.duration_negative", "check.duration_short", "check.duration_long", "check.no_consent",
    "check.step_failed", "check.rule_invalid",
}  # fmt: skip


@pytest.fixture(scope="module")
def plan() -> Plan:
    return Plan.from_toml(PLAN.read_text(encoding="utf-8"))


def _hh_ids(findings: list, code: str, datasets: dict, column: str = "hh_id") -> set[int]:
    out = set()
    for f in findings:
        if f.code == code:
            frame = datasets[f.where["dataset"]].frame
            out.add(int(frame[column].iloc[int(f.where["row"])]))
    return out


def test_every_planted_problem_is_found(plan: Plan) -> None:
    sample = generate(1500, seed=16)
    planted = sample.meta["planted"]
    datasets = {d.name: d for d in sample.datasets()}
    found = run_checks(datasets, plan)
    dup, first = planted["duplicate_interview"]
    assert _hh_ids(found, "check.duplicate_interview", datasets) == {dup}
    soft, _ = planted["soft_duplicate"]
    assert _hh_ids(found, "check.soft_duplicate", datasets) == {soft}
    assert _hh_ids(found, "check.skip_answered", datasets) == set(planted["skip_answered"])
    assert _hh_ids(found, "check.skip_missing", datasets) == set(planted["skip_missing"])
    assert _hh_ids(found, "check.no_consent", datasets) == set(planted["no_consent"])
    ind = datasets["freedonia_individual"].frame
    old = set(ind.loc[ind["age"] > 110, "hh_id"].astype(int))
    young_heads = set(ind.loc[(ind["relation"] == 1) & (ind["age"] < 15), "hh_id"].astype(int))
    assert len(old) == 1 and len(young_heads) == 1  # 1500 households: one of each
    assert _hh_ids(found, "check.age_out_of_range", datasets) == old
    assert _hh_ids(found, "check.head_too_young", datasets) == young_heads
    dup_finding = next(f for f in found if f.code == "check.duplicate_interview")
    assert dup_finding.params["other"] == str(first)  # named by the key, as the cleaning log does


def test_a_clean_sample_raises_no_alarm(plan: Plan) -> None:
    sample = generate(1500, seed=16, plant=False)
    assert sample.meta["planted"] == {}
    found = run_checks({d.name: d for d in sample.datasets()}, plan)
    assert [f.text() for f in found if f.code in ALARMS] == []


@pytest.mark.slow
def test_cli_finds_the_planted_problems_in_the_bundled_files(
    tmp_path: Path, passphrase: str, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """As a user: import the bundled CSV files with their XLSForm, then `checks run`."""
    from workbench.cli.demo import import_freedonia
    from workbench.service import Workbench

    folder = paths.sample_dir()
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    planted = truth["sample"]["planted"]
    vault = tmp_path / "v.wbvault"
    wb = Workbench()
    wb.create_vault(vault, passphrase)
    import_freedonia(
        wb,
        folder / "freedonia_household.csv",
        folder / "freedonia_individual.csv",
        folder / "freedonia_xlsform.xlsx",
    )
    wb.import_plan_file(PLAN)
    wb.lock()
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", passphrase)
    assert main(["checks", "run", "--vault", str(vault), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    by_code: dict[str, set[str]] = {}
    for r in rows:
        by_code.setdefault(r["code"], set()).add(r["where"].get("record", ""))
    assert by_code["check.duplicate_interview"] == {str(planted["duplicate_interview"][0])}
    assert by_code["check.soft_duplicate"] == {str(planted["soft_duplicate"][0])}
    assert by_code["check.skip_answered"] == {str(i) for i in planted["skip_answered"]}
    assert by_code["check.skip_missing"] == {str(i) for i in planted["skip_missing"]}
    assert by_code["check.no_consent"] == {str(i) for i in planted["no_consent"]}
    assert len(by_code["check.age_out_of_range"]) == 2
    assert len(by_code["check.head_too_young"]) == 2
    assert not {c for c in by_code if c in ALARMS} - {
        "check.duplicate_interview", "check.soft_duplicate", "check.skip_answered",
        "check.skip_missing", "check.no_consent", "check.age_out_of_range",
        "check.head_too_young",
    }  # fmt: skip
    # one line per finding, its code first, in the language asked for
    assert main(["--lang", "fr", "checks", "run", "--vault", str(vault), "--dataset",
                 "freedonia_individual", "--severity", "error"]) == 0  # fmt: skip
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(line.split()[0] in ("check.age_out_of_range", "check.head_too_young")
                         for line in lines)  # fmt: skip
    assert "Le chef de ménage a 9 ans" in "\n".join(lines)
