"""Every design of docs/plans.md can be written in the app's design page: a test per kind sets
the worked example's design with the page's widgets and gets the very plan the example's TOML
gives (two sampling stages with their FPCs; supplied replicate weights with type, pattern,
rscales, scale, rho and mse; generated bootstrap replicates; calibration from a margins file)."""

from __future__ import annotations

import re
from pathlib import Path

from ui_testdata import tiny_plan, unlock

from ui.pages.plan_page import PlanPage
from workbench.plan.calibration import resolve_margins_file
from workbench.plan.model import Plan

DOC = Path(__file__).resolve().parents[2] / "docs" / "plans.md"
HEAD = 'plan_version = 1\nname = "p"\n'
EXTRA = {  # the example's design columns, added to the test survey's household file
    "hh_weight": [10.0, 12, 9, 11, 20, 21, 19, 22],
    "region": [1.0, 1, 1, 1, 2, 2, 2, 2],
    "ea_id": [11.0, 11, 12, 12, 21, 21, 22, 22],
    "eas_in_region": [40.0, 40, 40, 40, 30, 30, 30, 30],
    "hh_listed_in_ea": [80.0, 80, 90, 90, 70, 70, 60, 60],
    "wt": [10.0, 12, 9, 11, 20, 21, 19, 22],
    **{f"repwt{r}": [10.0 + r, 12, 9, 11, 20, 21, 19, 22 - r] for r in range(1, 5)},
}


def _example(heading: str, index: int = 0) -> str:
    """The ``index``-th TOML block after ``heading`` (``, …`` placeholders dropped)."""
    section = DOC.read_text(encoding="utf-8").split(heading, 1)[1]
    return re.findall(r"```toml\n(.*?)```", section, re.S)[index].replace(", …", "")


def _page(window, make_vault, passphrase) -> PlanPage:
    from plan_testdata import households, individuals

    unlock(window, make_vault(), passphrase)
    hh = households()
    for col, values in EXTRA.items():
        hh.frame[col] = values
    window.service.vault.save_datasets([hh, individuals()])  # as ui_testdata.fill does
    plan = tiny_plan()
    window.service.vault.save_plan(plan.name, plan.to_toml(), note="first")
    page = window.workspace.show_page(PlanPage)
    page.tabs.setCurrentIndex(2)  # Design and groups
    assert page.plan is not None
    return page


def _choose(combo, value) -> None:
    i = combo.findData(value)
    assert i >= 0, value
    combo.setCurrentIndex(i)


def _set_first_stage(ed, type_, weight, strata, psu, fpc) -> None:
    for combo, value in ((ed.design_type, type_), (ed.weight, weight), (ed.strata, strata),
                         (ed.psu, psu), (ed.fpc, fpc)):  # fmt: skip
        _choose(combo, value)


def test_two_stage_example_written_in_the_app(window, qtbot, make_vault, passphrase):
    want = Plan.from_toml(HEAD + _example("### Later sampling stages")).design
    page = _page(window, make_vault, passphrase)
    ed = page.design
    _set_first_stage(ed, "complex", "hh_weight", "region", "ea_id", "eas_in_region")
    ed.stages.add_row(None)
    _choose(ed.stages.table.cellWidget(0, 0), "hh_id")
    _choose(ed.stages.table.cellWidget(0, 1), "hh_listed_in_ea")
    ed.apply_design()
    assert page.plan.design == want
    assert want.stages and want.stages[0].fpc == "hh_listed_in_ea"


def test_supplied_replicates_example_written_in_the_app(window, qtbot, make_vault, passphrase):
    want = Plan.from_toml(HEAD + _example("### Replicate weights")).design
    assert want.replicates is not None and want.replicates.pattern
    page = _page(window, make_vault, passphrase)
    ed = page.design
    _set_first_stage(ed, "weights_only", "wt", None, None, None)
    v = ed.variance
    _choose(v.method, "supplied")
    _choose(v.rep_type, "jkn")
    v.columns.setText("^repwt[0-9]+$")
    v.rscales.setText("0.5, 0.5")
    ed.apply_design()
    assert page.plan.design == want
    # the commented keys of the example, set in the app, are the keys of the plan file
    _choose(v.rep_type, "fay")
    v.rho.setValue(0.5)
    v.scale.setText("1.0")
    v.mse.setChecked(True)
    v.combined.setChecked(False)
    ed.apply_design()
    text = _example("### Replicate weights").replace("# scale", "scale").replace("# rho", "rho")
    text = text.replace("# mse", "mse").replace("# combined", "combined")
    text = text.replace('type = "jkn"', 'type = "fay"')
    assert page.plan.design == Plan.from_toml(HEAD + text).design


def test_generated_replicates_example_written_in_the_app(window, qtbot, make_vault, passphrase):
    block = _example("### Replicate weights", 1)
    want = Plan.from_toml(HEAD + '[design]\nweight = "weight"\n' + block).design.replicates
    assert want is not None and want.generate and want.replicates == 200
    page = _page(window, make_vault, passphrase)
    v = page.design.variance
    _choose(v.method, "generated")
    _choose(v.rep_type, "bootstrap")
    v.n_rep.setValue(200)
    v.seed.setValue(20261206)
    page.design.apply_design()
    assert page.plan.design.replicates == want


def test_calibration_example_written_in_the_app(window, qtbot, make_vault, passphrase, tmp_path):
    heading = "## Calibration to population totals"
    csv = re.findall(r"```\n(variable,level,total\n.*?)```", DOC.read_text(encoding="utf-8")
                     .split(heading, 1)[1], re.S)[0]  # fmt: skip
    (tmp_path / "district_households.csv").write_text(csv, encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", DOC.read_text(encoding="utf-8")
                        .split(heading, 1)[1], re.S)  # fmt: skip
    example = next(b for b in blocks if "district_households.csv" in b)
    want = resolve_margins_file(Plan.from_toml(HEAD + example), tmp_path).design.calibration
    assert want is not None and want.margins and want.source == "district_households.csv"
    page = _page(window, make_vault, passphrase)
    cal = page.design.calibration
    assert cal.load_margins(tmp_path / "district_households.csv")
    _choose(cal.method, "calibrate")
    _choose(cal.calfun, "logit")
    cal.bounded.setChecked(True)
    cal.low.setValue(0.5)
    cal.high.setValue(2.5)
    cal.trimmed.setChecked(True)
    cal.trim_low.setValue(1.0)
    cal.trim_high.setValue(900.0)
    cal.apply()
    assert page.plan.design.calibration == want


def test_lonely_psu_rule_written_in_the_app(window, qtbot, make_vault, passphrase):
    """The rule for a stratum with one PSU (R's survey.lonely.psu) is set on the design page,
    reaches the plan, and shows again when the plan is shown."""
    page = _page(window, make_vault, passphrase)
    ed = page.design
    assert ed.lonely.currentData() == page.plan.design.lonely_psu == "adjust"
    for rule in ("certainty", "average", "remove", "fail", "adjust"):
        _choose(ed.lonely, rule)
        ed.apply_design()
        assert page.plan.design.lonely_psu == rule
        ed.show_plan(page.plan, list(EXTRA), "en")
        assert ed.lonely.currentData() == rule
