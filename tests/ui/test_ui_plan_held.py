"""The mapping editor on a column a rule holds for review (issue 22 session 5): every room for
the rooms used for sleeping is offered first (one click maps it) with why it is not accepted,
in the user's language — in the indicator's input list and on the candidate button."""

from __future__ import annotations

import numpy as np
from ui_testdata import unlock

from tests.plan.test_plan_suggest_held import N, _counts, _household
from ui import i18n
from ui.pages.plan_candidates import CandidatePanel
from ui.pages.plan_page import PlanPage


def _rooms() -> list:
    ds = _household({
        "cuartos_ch": ("# Habitaciones en el hogar", _counts()),
        "nmiembros_ch": ("# de miembros en el hogar", _counts(1, 9)),
        "village": ("Localité", np.tile(["Ndolo", "Bossangoa", "Kaga"], N // 3)),
    })  # fmt: skip
    return [ds]


def test_a_held_candidate_says_why_and_one_click_maps_it(
    window, make_vault, passphrase, qapp, qtbot
):
    unlock(window, make_vault(), passphrase)
    window.service.vault.save_datasets(_rooms())
    page = window.workspace.show_page(PlanPage)
    page.new_plan()
    page.choose_dialog.accept()
    match = page.matches["sleeping_rooms"]
    assert match.column == "cuartos_ch" and match.status == "review" and match.held is not None
    assert page.select_indicator("c2_overcrowding")
    listed = [page.inputs.item(i).text() for i in range(page.inputs.count())]
    why = "'cuartos_ch' counts rooms without saying they are used for sleeping — check"
    assert any(t.startswith("? sleeping_rooms — to review: cuartos_ch (") and why in t
               for t in listed), listed  # fmt: skip
    page.open_mapping("sleeping_rooms")
    best = page.mapping.candidates.buttons[0]
    assert best.isVisible() and best.isEnabled()
    assert best.text().startswith("cuartos_ch — # Habitaciones en el hogar (confidence ")
    assert best.text().endswith("\n    " + why)
    best.click()  # the user has read why and maps it
    assert page.plan.input("sleeping_rooms").column == "cuartos_ch"  # type: ignore[union-attr]
    texts = {}
    for lang in ("fr", "ar"):
        i18n.install(qapp, lang)
        try:
            panel = CandidatePanel()
            qtbot.addWidget(panel)
            panel.show_offers(match.candidates, None, {})
            texts[lang] = panel.buttons[0].text()
        finally:
            i18n.install(qapp, "en")
    assert texts["fr"].endswith(
        "\n    « cuartos_ch » compte des pièces sans dire qu’elles servent à dormir — à vérifier"
    )
    # the column name, Latin in an Arabic sentence, is isolated (U+2066 … U+2069)
    assert texts["ar"].endswith(
        "\n    «\u2066cuartos_ch\u2069» يعدّ الغرف دون أن يذكر أنها تُستخدم للنوم — يُرجى التحقق"
    )
