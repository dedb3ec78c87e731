"""The mapping editor on an export whose names say nothing (issue 22): a column offered on its
values alone shows what its values say and "check", never an uncalibrated percentage — in the
candidate list and in the indicator's input list."""

from __future__ import annotations

import re

from ui_testdata import unlock

from tests.plan.test_plan_suggest_cues import _opaque
from ui import i18n
from ui.pages.plan_candidates import CandidatePanel
from ui.pages.plan_page import PlanPage

PERCENT = re.compile(r"\d+ ?%")


def test_value_only_candidate_says_what_it_rests_on(window, make_vault, passphrase, qapp, qtbot):
    unlock(window, make_vault(), passphrase)
    window.service.vault.save_datasets(list(_opaque().values()))
    page = window.workspace.show_page(PlanPage)
    page.new_plan()
    page.choose_dialog.accept()
    assert page.matches and page.matches["age"].values_only
    assert page.select_indicator("a_dependency_ratio")
    listed = [page.inputs.item(i).text() for i in range(page.inputs.count())]
    assert "? age — to review: v7 (from its values only)" in listed
    page.open_mapping("age")
    best = page.mapping.candidates.buttons[0]
    assert best.isVisible() and best.isEnabled()
    assert best.text() == "v7 (suggested from its values only: whole numbers 0–89 (an age) — check)"
    assert not PERCENT.search(best.text())
    # one click still maps it (the user has checked it)
    best.click()
    assert page.plan.input("age").column == "v7"  # type: ignore[union-attr]
    # in French, the whole line (what the values say too) is French
    i18n.install(qapp, "fr")
    try:
        panel = CandidatePanel()
        qtbot.addWidget(panel)
        panel.show_offers(page.matches["age"].candidates, None, {})
        text = panel.buttons[0].text()
    finally:
        i18n.install(qapp, "en")
    assert text == (
        "v7 (suggérée d’après ses seules valeurs : nombres entiers de 0 à 89 (un âge) — à vérifier)"
    )
