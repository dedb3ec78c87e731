"""The design page: later sampling stages with their FPC, and replicate weights (supplied or
generated), applied as one undoable plan command and shown back from the saved plan."""

from __future__ import annotations

from ui_testdata import fill, unlock

from ui.pages.plan_page import PlanPage
from workbench.plan.model import Replicates, SamplingStage


def _page(window, make_vault, passphrase) -> PlanPage:
    unlock(window, make_vault(), passphrase)
    fill(window.service)
    page = window.workspace.show_page(PlanPage)
    assert page.plan is not None
    return page


def _choose(combo, value) -> None:
    i = combo.findData(value)
    assert i >= 0, value
    combo.setCurrentIndex(i)


def test_stages_and_generated_replicates_apply_show_and_undo(window, qtbot, make_vault, passphrase):
    page = _page(window, make_vault, passphrase)
    ed = page.design
    assert ed.stages.table.rowCount() == 0
    assert ed.variance.method.currentData() == "linearisation"
    assert not ed.variance.rep_type.isEnabled()
    ed.stages.add_row(None)
    unit, fpc, _strata = (ed.stages.table.cellWidget(0, c) for c in range(3))
    _choose(unit, "hh_id")
    _choose(fpc, "weight")
    _choose(ed.variance.method, "generated")
    _choose(ed.variance.rep_type, "bootstrap")
    assert ed.variance.n_rep.isEnabled() and not ed.variance.columns.isEnabled()
    ed.variance.n_rep.setValue(30)
    ed.variance.seed.setValue(7)
    ed.apply_design()
    d = page.plan.design
    assert d.stages == (SamplingStage("hh_id", "weight", None),)
    assert d.replicates == Replicates(type="bootstrap", generate=True, replicates=30, seed=7)
    # the page shows what the plan holds
    assert ed.stages.table.cellWidget(0, 0).currentData() == "hh_id"
    assert ed.variance.method.currentData() == "generated"
    assert ed.variance.n_rep.value() == 30
    page.undo.undo()
    assert page.plan.design.stages == () and page.plan.design.replicates is None
    assert ed.stages.table.rowCount() == 0
    assert ed.variance.method.currentData() == "linearisation"
    page.undo.redo()
    assert page.plan.design.replicates is not None


def test_supplied_replicates_columns_pattern_and_scales(window, qtbot, make_vault, passphrase):
    page = _page(window, make_vault, passphrase)
    ed = page.design
    _choose(ed.variance.method, "supplied")
    _choose(ed.variance.rep_type, "fay")
    assert ed.variance.rho.isEnabled() and ed.variance.columns.isEnabled()
    ed.variance.rho.setValue(0.5)
    ed.variance.columns.setText("rw1, rw2, rw3")
    ed.variance.scale.setText("0.25")
    ed.variance.mse.setChecked(True)
    ed.apply_design()
    rep = page.plan.design.replicates
    assert rep == Replicates(
        type="fay", columns=("rw1", "rw2", "rw3"), scale=0.25, rho=0.5, mse=True
    )
    _choose(ed.variance.rep_type, "jkn")
    ed.variance.columns.setText("^rw[0-9]+$")
    ed.variance.rscales.setText("0.5, 0.5, 0.75")
    ed.variance.scale.setText("")
    ed.apply_design()
    rep = page.plan.design.replicates
    assert rep.pattern == "^rw[0-9]+$" and rep.columns == ()
    assert rep.rscales == (0.5, 0.5, 0.75) and rep.scale is None and rep.rho == 0.0
    # the plan file round trip keeps it
    assert type(page.plan).from_toml(page.plan.to_toml()) == page.plan
    _choose(ed.variance.method, "linearisation")
    ed.apply_design()
    assert page.plan.design.replicates is None
