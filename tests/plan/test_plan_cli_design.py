"""``workbench plan design``: stages and replicate weights set from the command line, saved as
new plan versions, with the plan checks' findings for an inconsistent design."""

from __future__ import annotations

import json
from pathlib import Path

import plan_testdata as td
from plan_testdata import run

from workbench.plan.model import Plan, Replicates, SamplingStage


def _import(vault: str, capsys, tmp_path: Path) -> None:
    plan_file = tmp_path / "tiny.toml"
    plan_file.write_text(td.PLAN_TOML, encoding="utf-8")
    assert run(capsys, "plan", "import", "--vault", vault, "--file", str(plan_file))[0] == 0


def _show(vault: str, capsys) -> Plan:
    rc, out, _ = run(capsys, "plan", "show", "--vault", vault, "--plan", "tiny")
    assert rc == 0
    return Plan.from_toml(out)


def test_plan_design_stages_and_their_findings(vault: str, capsys, tmp_path: Path) -> None:
    _import(vault, capsys, tmp_path)
    # an FPC that differs between the households of one cluster: an error, saved as a draft
    rc, out, _ = run(capsys, "plan", "design", "--vault", vault, "tiny", "--stage",
                     "hh_id:weight", "--json")  # fmt: skip
    got = json.loads(out)
    assert rc == 1 and got["draft_errors"] >= 1
    assert any(f["code"] == "plan.fpc_varies" for f in got["findings"])
    assert got["design"]["stages"] == [{"psu": "hh_id", "fpc": "weight"}]
    # a first-stage FPC without the second stage's: the standard errors would be too small
    rc, out, _ = run(capsys, "plan", "design", "--vault", vault, "tiny", "--fpc", "stratum",
                     "--stage", "hh_id", "--json")  # fmt: skip
    codes = {f["code"]: f for f in json.loads(out)["findings"]}
    assert (
        "plan.stage_fpc_missing" in codes
        and codes["plan.stage_fpc_missing"]["params"]["stage"] == 2
    )
    assert _show(vault, capsys).design.stages == (SamplingStage("hh_id"),)
    rc, out, err = run(capsys, "plan", "design", "--vault", vault, "tiny", "--stage", "a:b:c:d")
    assert rc == 1 and "--stage takes UNIT[:FPC[:STRATA]]" in err and "Traceback" not in err
    rc, out, _ = run(capsys, "plan", "design", "--vault", vault, "tiny", "--no-stages",
                     "--fpc", "")  # fmt: skip
    d = _show(vault, capsys).design
    assert d.stages == () and d.fpc is None


def test_plan_design_replicates_supplied_and_generated(vault: str, capsys, tmp_path: Path) -> None:
    _import(vault, capsys, tmp_path)
    rc, out, err = run(capsys, "plan", "design", "--vault", vault, "tiny", "--replicates", "jkn",
                       "--generate")  # fmt: skip
    assert rc == 0, out + err
    assert _show(vault, capsys).design.replicates == Replicates(type="jkn", generate=True)
    rc, out, _ = run(capsys, "plan", "design", "--vault", vault, "tiny", "--replicates", "jk1",
                     "--json")  # fmt: skip
    assert rc == 1
    assert "plan.replicates_jk1_stratified" in {f["code"] for f in json.loads(out)["findings"]}
    # supplied columns: Fay without rho, rscales of the wrong length, a missing column
    argv = ["--replicates", "fay", "--columns", "weight,left_land,nope", "--rscales", "1,1,1"]
    rc, out, _ = run(capsys, "plan", "design", "--vault", vault, "tiny", *argv, "--json")
    codes = {f["code"] for f in json.loads(out)["findings"]}
    assert rc == 1
    assert {"plan.replicates_fay_rho", "plan.replicates_rscales_length",
            "plan.column_unknown"} <= codes  # fmt: skip
    rc, out, err = run(capsys, "plan", "design", "--vault", vault, "tiny", "--rho", "0.5",
                       "--columns", "weight,left_land", "--rscales", "", "--mse")  # fmt: skip
    assert rc == 0, out + err
    rep = _show(vault, capsys).design.replicates
    assert rep == Replicates(type="fay", columns=("weight", "left_land"), rho=0.5, mse=True)
    rc, out, err = run(capsys, "plan", "design", "--vault", vault, "tiny", "--rscales", "x,1")
    assert rc == 1 and "--rscales takes numbers" in err
    assert run(capsys, "plan", "design", "--vault", vault, "tiny", "--no-replicates")[0] == 0
    assert _show(vault, capsys).design.replicates is None
