"""The plan's [analysis] table and ``workbench analyze``'s flags end to end: a real vault, the
bundled Freedonia plan with a custom indicator in the solutions measure; the flags override the
plan for one run."""

from __future__ import annotations

import dataclasses
import re

import pytest

from tests.stats.conftest import PASS
from workbench import paths
from workbench.cli import main
from workbench.plan.model import Plan
from workbench.service import Workbench

DOC = paths.sample_dir().parents[1] / "docs" / "plans.md"


def _custom_use():  # the documented custom indicator (docs/plans.md, worked examples)
    block = re.findall(r"```toml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)[0]
    return Plan.from_toml('plan_version = 1\nname = "x"\n' + block).indicators[0]


@pytest.mark.slow
def test_stats_cli_plan_analysis_table_then_flags(sample_vault, tmp_path, capsys) -> None:
    vault, _ = sample_vault(400, 3)
    plan = Plan.from_toml((paths.sample_dir() / "freedonia-plan.toml").read_text("utf-8"))
    plan = dataclasses.replace(
        plan,
        indicators=(*plan.indicators, _custom_use()),
        analysis={
            "rating_rule": "any_worse",
            "missing_by_design": "missing",
            "p_adjust": "holm",
            "total_ci": "log",
        },
    )
    wb = Workbench()
    wb.open_vault(vault, PASS)
    rec = wb.save_plan(plan)
    assert not rec.draft_errors
    wb.lock()
    out = tmp_path / "r.csv"
    args = ["analyze", "--vault", str(vault), "--plan", "freedonia", "--out", str(out)]
    assert main([*args, "--preset", "minimal"]) == 0, capsys.readouterr().err
    assert "ANY_WORSE" not in capsys.readouterr().out  # the grid shows ratings, not the rule
    flags = ["--rating-rule", "share_worse", "--p-adjust", "BH", "--no-equivalence"]
    assert main([*args, *flags]) == 0
    wb.open_vault(vault, PASS)
    first, second = (wb.load_results(r.id) for r in wb.runs()[-2:])
    wb.lock()
    o1, o2 = first.meta["options"], second.meta["options"]
    assert (o1["rating_rule"], o1["p_adjust"], o1["missing_by_design"]) == (
        "any_worse", "holm", "missing",
    )  # fmt: skip
    assert o1["total_ci"] == "log" and o1["disclosure_preset"] == "minimal"
    # the flags win for their run; what they do not name still comes from the plan
    assert (o2["rating_rule"], o2["p_adjust"], o2["equivalence"]) == ("share_worse", "BH", False)
    assert o2["missing_by_design"] == "missing" and o2["total_ci"] == "log"
    assert set(first.criteria_summary["rule"]) == {"any_worse"}
    assert set(second.criteria_summary["rule"]) == {"share_worse"}
    # the custom indicator is estimated, compared and part of the solutions measure
    assert "3.2" in first.meta["solutions_subcriteria"]
    cmp_ = first.comparisons
    mine = cmp_[cmp_["indicator_id"] == "hh_borrowed_for_basics"]
    assert len(mine) > 0 and (mine["min_important_difference"] == 0.10).all()
    assert mine["p_adjusted"].notna().any()
    lost = cmp_[cmp_["indicator_id"] == "c5_lost_documents"]
    assert len(lost) > 0 and (lost["assessment"] == "not_compared").all()
    stock = first.stock
    assert (stock["ci_low"].dropna() >= 0).all()  # log-scale intervals of counts
