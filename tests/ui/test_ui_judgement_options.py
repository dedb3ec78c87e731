"""Judging gaps in the app: the options box defaults as the engine, shows a plan's [analysis]
table when the plan is chosen, its choices reach the run, and the overview shows indicators worse
of those assessed and names the rating rule."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from ui_testdata import fill, tiny_plan, unlock

from ui.models.results_models import RatingRole
from ui.pages.analysis_page import AnalysisPage
from ui.pages.judgement_options import JudgementOptions
from workbench.stats.ci_methods import PROPORTION_CI_METHODS
from workbench.stats.multiplicity import P_ADJUST_METHODS
from workbench.stats.options import AnalysisOptions


def test_judgement_box_defaults_shows_and_sets_options(qtbot) -> None:
    box = JudgementOptions()
    qtbot.addWidget(box)
    assert box.options(AnalysisOptions()) == AnalysisOptions()
    codes = [box.p_adjust.itemData(i) for i in range(box.p_adjust.count())]
    assert tuple(codes) == P_ADJUST_METHODS.codes
    assert box.p_adjust.itemData(0, Qt.ItemDataRole.ToolTipRole)  # the registry's help
    assert box.proportion_ci.count() == len(PROPORTION_CI_METHODS)
    plan = AnalysisOptions(
        p_adjust="holm", p_adjust_scope="plan", use_adjusted_p=True, substantive=False,
        equivalence=False, rating_rule="any_worse", red_share=0.3, proportion_ci="beta",
        total_ci="log",
    )  # fmt: skip
    box.show_options(plan)
    assert not box.red_share.isEnabled()  # only the share rule has a share
    assert box.options(AnalysisOptions()) == plan
    box.rule.setCurrentIndex(box.rule.findData("share_worse"))
    assert box.red_share.isEnabled()
    box.red_share.setValue(0.25)
    opts = box.options(AnalysisOptions(dominance_quantile=0.4))
    assert (opts.rating_rule, opts.red_share, opts.dominance_quantile) == ("share_worse", 0.25, 0.4)


def test_plan_table_reaches_the_boxes_and_the_run(window, qtbot, make_vault, passphrase) -> None:
    unlock(window, make_vault(), passphrase)
    fill(window.service, mapped=True)
    plan = dataclasses.replace(
        tiny_plan(True),
        analysis={"p_adjust": "bonferroni", "rating_rule": "any_worse", "total_ci": "log",
                  "missing_by_design": "missing", "dominance_quantile": 0.4},
    )  # fmt: skip
    window.service.vault.save_plan(plan.name, plan.to_toml(), note="judging")
    page = window.workspace.show_page(AnalysisPage)
    qtbot.waitUntil(lambda: page.judgement.p_adjust.currentData() == "bonferroni")
    assert page.judgement.rule.currentData() == "any_worse"
    assert page.judgement.total_ci.currentData() == "log"
    assert page.options.missing.currentData() == "missing"
    page.judgement.use_adjusted.setChecked(True)  # the user's choice for this run
    page.run()
    assert "finished" in page.status.text()
    opts = page.results.meta["options"]
    assert (opts["p_adjust"], opts["use_adjusted_p"], opts["rating_rule"]) == (
        "bonferroni", True, "any_worse",
    )  # fmt: skip
    assert opts["dominance_quantile"] == 0.4 and opts["missing_by_design"] == "missing"
    sm = page.summary_model
    cell = sm.index(0, 0)
    assert sm.data(cell, RatingRole) in ("red", "amber", "green", "grey")
    cs = page.results.criteria_summary.iloc[0]
    text = sm.data(cell)
    if cs["assessed"]:
        assert f"({cs['worse']}/{cs['assessed']})" in text, text
    assert "equivalent" in sm.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert page.rule_label.text() == "Rating rule: Any indicator worse"
