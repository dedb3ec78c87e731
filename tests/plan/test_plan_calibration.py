"""``[design.calibration]``: the plan file (inline totals and a margins file), the plan checks,
``workbench plan calibration`` through a real vault, and the calibrated run (its weights meet
the totals, the run snapshot records them)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import plan_testdata as td
import pytest
from plan_testdata import run

from workbench.errors import PlanError
from workbench.plan.calibration import read_margins_csv, with_calibration
from workbench.plan.checks import check_plan
from workbench.plan.evaluate import evaluate
from workbench.plan.model import Plan
from workbench.service import Workbench
from workbench.stats import analyze
from workbench.stats.calibration_spec import CalibrationSpec, Margin

CALIBRATION_TOML = """
[design.calibration]
unit = "individual"
method = "calibrate"
calfun = "raking"
bounds = [0.2, 5.0]
trim = [0.5, 40.0]

[[design.calibration.margin]]
variables = ["sex"]
totals = { "1" = 60, "2" = 50 }

[[design.calibration.margin]]
variables = ["district", "sex"]
totals = { "1:1" = 25, "1:2" = 20, "2:1" = 35, "2:2" = 30 }
"""
MARGINS = "variable,level,total\ndistrict,1,500\ndistrict,2,700.5\n"


def _with_design_extra(extra: str) -> str:
    return td.PLAN_TOML.replace("\n[groups]", extra + "\n[groups]", 1)


def test_plan_calibration_toml_round_trip() -> None:
    plan = Plan.from_toml(_with_design_extra(CALIBRATION_TOML))
    cal = plan.design.calibration
    assert cal is not None and cal.unit == "individual" and cal.calfun == "raking"
    assert cal.bounds == (0.2, 5.0) and cal.trim == (0.5, 40.0)
    assert cal.margins[1].variables == ("district", "sex")
    assert cal.margins[1].cells[0] == (("1", "1"), 25.0)
    assert Plan.from_toml(plan.to_toml()) == plan


def test_plan_calibration_toml_errors_name_the_key() -> None:
    bad = CALIBRATION_TOML.replace('"1:1" = 25', '"1" = 25')
    with pytest.raises(PlanError, match="one code per variable"):
        Plan.from_toml(_with_design_extra(bad))
    with pytest.raises(PlanError, match="method"):
        Plan.from_toml(_with_design_extra(CALIBRATION_TOML.replace("calibrate", "ipf", 1)))
    with pytest.raises(PlanError, match="bounds"):
        Plan.from_toml(_with_design_extra(CALIBRATION_TOML.replace("[0.2, 5.0]", "[5, 1]")))


def test_plan_margins_file_is_read_and_its_errors_name_the_line(tmp_path: Path) -> None:
    margins, numeric = read_margins_csv(MARGINS + "hh_size,,812\n", "m.csv")
    assert margins == (Margin(("district",), ((("1",), 500.0), (("2",), 700.5))),)
    assert numeric == (("hh_size", 812.0),)
    with pytest.raises(PlanError, match="header"):
        read_margins_csv("var,lev,tot\n", "m.csv")
    with pytest.raises(PlanError, match="line 3"):
        read_margins_csv("variable,level,total\ndistrict,1,5\ndistrict,2,many\n", "m.csv")
    # a plan file naming a margins file beside it: the totals are inlined when it is read
    (tmp_path / "census.csv").write_text(MARGINS, encoding="utf-8")
    extra = '\n[design.calibration]\nmethod = "poststratify"\nmargins = "census.csv"\n'
    (tmp_path / "p.toml").write_text(_with_design_extra(extra), encoding="utf-8")
    plan = Workbench.read_plan_file(tmp_path / "p.toml")
    cal = plan.design.calibration
    assert cal is not None and cal.source == "census.csv" and cal.margins == margins
    assert "census.csv" in plan.to_toml() and "700.5" in plan.to_toml()


def _calibrated(spec: CalibrationSpec) -> Plan:
    return with_calibration(td.plan(), spec)


def test_plan_calibration_checks_report_what_the_engine_would_stop_on() -> None:
    lib, data = td.library(), td.datasets()
    district = Margin(("district",), ((("1",), 500.0), (("2",), 700.0)))
    post = CalibrationSpec(method="poststratify", margins=(district,))
    ok = check_plan(_calibrated(post), lib, data)
    assert not [f for f in ok if "calibration" in f.code]
    missing = Margin(("district",), ((("1",), 500.0),))
    found = check_plan(_calibrated(CalibrationSpec(margins=(missing,))), lib, data)
    fail = [f for f in found if f.code == "plan.calibration_fails"]
    assert fail and fail[0].severity == "error"
    assert "without a population total: 2" in fail[0].message
    other = Margin(("stratum",), ((("1",), 600.0), (("2",), 601.0)))
    found = check_plan(_calibrated(CalibrationSpec(margins=(district, other))), lib, data)
    differ = [f for f in found if f.code == "plan.calibration_totals_differ"]
    assert differ and differ[0].severity == "warning" and "1201" in differ[0].message
    # French wording of the same finding
    assert "ne totalisent pas" in differ[0].render("fr")


def test_plan_calibrated_run_meets_the_totals_and_records_them() -> None:
    district = Margin(("district",), ((("1",), 500.0), (("2",), 700.0)))
    sex = Margin(("sex",), ((("1",), 61.0), (("2",), 49.0)))
    spec = CalibrationSpec(method="rake", margins=(district,))
    frame = evaluate(_calibrated(spec), td.library(), td.datasets())
    res = analyze(frame)
    cal = res.meta["designs"]["household"]["calibration"]
    assert cal["method"] == "rake" and cal["weight_total"] == pytest.approx(1200.0)
    unit = next(d for d in res.snapshot.designs if d.unit == "household")
    assert unit.calibration["margins"][0]["total"] == 1200.0
    base = analyze(evaluate(td.plan(), td.library(), td.datasets())).estimates
    assert not np.allclose(res.estimates["se"].to_numpy(float), base["se"].to_numpy(float),
                           equal_nan=True)  # fmt: skip
    # individuals calibrated on sex (their column) and district (the household's, via the link)
    people = Margin(("district",), ((("1",), 60.0), (("2",), 50.0)))
    ind = CalibrationSpec(unit="individual", method="rake", margins=(people, sex))
    frame = evaluate(_calibrated(ind), td.library(), td.datasets())
    uf = frame.units["individual"]
    assert uf.design.calibration is ind and {"_cal_sex", "_cal_district"} <= set(uf.frame)
    assert frame.units["household"].design.calibration is None
    res = analyze(frame)
    assert res.meta["designs"]["individual"]["calibration"]["weight_total"] == pytest.approx(110)


def test_plan_calibration_cli(vault: str, capsys, tmp_path: Path) -> None:
    plan_file = tmp_path / "tiny.toml"
    plan_file.write_text(td.PLAN_TOML, encoding="utf-8")
    assert run(capsys, "plan", "import", "--vault", vault, "--file", str(plan_file))[0] == 0
    margins = tmp_path / "census.csv"
    margins.write_text(MARGINS, encoding="utf-8")
    rc, out, err = run(capsys, "plan", "calibration", "set", "--vault", vault, "--plan", "tiny",
                       "--margins", str(margins), "--method", "poststratify")  # fmt: skip
    assert rc == 0, err
    assert "Saved plan 'tiny' version 2: ready." in out
    rc, out, _ = run(capsys, "plan", "calibration", "show", "--vault", vault, "--plan", "tiny",
                     "--json")  # fmt: skip
    shown = json.loads(out)
    assert shown["method"] == "poststratify" and shown["source"] == "census.csv"
    assert shown["margins"] == [{"variables": ["district"], "cells": 2, "total": 1200.5}]
    # a margin without one of the data's levels: saved as a draft, the reason printed
    margins.write_text("variable,level,total\ndistrict,1,500\n", encoding="utf-8")
    rc, out, _ = run(capsys, "plan", "calibration", "set", "--vault", vault, "--plan", "tiny",
                     "--margins", str(margins), "--lang", "fr")  # fmt: skip
    assert rc == 1 and "sans total de population : 2" in out and "a draft" in out
    rc, out, _ = run(capsys, "plan", "calibration", "clear", "--vault", vault, "--plan", "tiny")
    assert rc == 0 and "version 4 without calibration" in out
    rc, out, _ = run(capsys, "plan", "calibration", "show", "--vault", vault, "--plan", "tiny")
    assert "not calibrated" in out


def test_plan_calibration_show_prints_every_setting(vault: str, capsys, tmp_path: Path) -> None:
    """``show`` prints the iteration limit, tolerance, distance, bounds and trimming the plan
    holds, naming R's default where the plan leaves one unset (text and JSON)."""
    plan_file = tmp_path / "tiny.toml"
    plan_file.write_text(td.PLAN_TOML, encoding="utf-8")
    assert run(capsys, "plan", "import", "--vault", vault, "--file", str(plan_file))[0] == 0
    margins = tmp_path / "census.csv"
    margins.write_text(MARGINS, encoding="utf-8")
    show = ("plan", "calibration", "show", "--vault", vault, "--plan", "tiny")

    def set_and_show(*options: str) -> str:
        rc, _, err = run(capsys, "plan", "calibration", "set", "--vault", vault, "--plan",
                         "tiny", *options)  # fmt: skip
        assert rc == 0, err
        return str(run(capsys, *show)[1])

    out = set_and_show(
        "--margins", str(margins), "--method", "poststratify", "--max-iterations", "20"
    )
    assert "iterations at most 20, tolerance unset (not used by poststratify)" in out
    out = set_and_show("--method", "rake", "--max-iterations", "50")
    assert "iterations at most (maxit): 50 (R's rake default: 10)" in out
    assert "convergence tolerance (epsilon): R's default, 1\n" in out
    assert "trimming (trimWeights): none" in out and "calfun" not in out
    # calibrate with the plan leaving everything to R: open bounds, R's maxit and epsilon
    out = set_and_show("--method", "calibrate")
    assert "distance function (calfun): linear" in out
    assert "bounds on calibrated / design weight: none (R's default: -Inf to Inf)" in out
    assert "iterations at most (maxit): 50 (R's default)" in out
    assert "convergence tolerance (epsilon): R's default, 1e-07" in out
    assert json.loads(run(capsys, *show, "--json")[1])["bounds"] is None
    opts = "--calfun logit --bounds 2.5 0.5 --max-iterations 80 --epsilon 1e-9 --trim 1 900"
    out = set_and_show(*opts.split(), "--trim-strict")
    assert "distance function (calfun): logit" in out
    assert "bounds on calibrated / design weight: 0.5 to 2.5" in out
    assert "iterations at most (maxit): 80 (R's calibrate default: 50)" in out
    assert "convergence tolerance (epsilon): 1e-09 (R's default: 1e-07)" in out
    assert "trimming (trimWeights): 1 to 900, strict (until none is outside)" in out
    shown = json.loads(run(capsys, *show, "--json")[1])
    assert shown["max_iterations"] == 80 and shown["epsilon"] == shown["epsilon_used"] == 1e-9
    assert shown["bounds"] == [0.5, 2.5] and shown["trim"] == [1, 900] and shown["trim_strict"]
    assert shown["r_default"] == {"max_iterations": 50, "epsilon": 1e-7}
    # and back: bounds removed, the tolerance left to R again, trimming removed
    out = set_and_show("--calfun", "linear", "--no-bounds", "--default-epsilon", "--no-trim")
    assert "bounds on calibrated / design weight: none (R's default: -Inf to Inf)" in out
    assert "convergence tolerance (epsilon): R's default, 1e-07" in out
    assert "trimming (trimWeights): none" in out
    assert "iterations at most (maxit): 80" in out  # what was not named is kept
    # logit calibration needs finite bounds (R's calibrate refuses it without): said in one line,
    # and the plan saved as a draft that cannot be analysed
    rc, out, err = run(capsys, "plan", "calibration", "set", "--vault", vault, "--plan", "tiny",
                       "--calfun", "logit")  # fmt: skip
    assert rc == 1 and "Traceback" not in out + err
    assert "needs finite bounds" in out + err and "a draft (errors above)" in out + err
