"""The mapping screens read in the user's language (issue 22, session 5): why a column is
suggested (the candidate's tooltip, the editor's "Suggestion:" line), the library input's
description and the indicator titles of the plan tree, in French and Arabic."""

from __future__ import annotations

import numpy as np
import pytest
from ui_testdata import unlock

from tests.plan.test_plan_suggest_held import N, _counts, _household
from ui import i18n
from ui.pages.plan_page import PlanPage

ENGLISH = ("suggested", "confidence", "name '", "label words", "label has", "values:",
           "as confirmed")  # fmt: skip


def _survey() -> list:
    return [_household({
        "cuartos_ch": ("# Habitaciones en el hogar", _counts()),
        "nmiembros_ch": ("# de miembros en el hogar", _counts(1, 9)),
        "village": ("Localité", np.tile(["Ndolo", "Bossangoa", "Kaga"], N // 3)),
    })]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "said", "title"),
    [("fr", "(confiance ", "Vit dans un logement surpeuplé"),
     ("ar", "(الثقة ", "يعيش في مسكن مكتظ")],
)  # fmt: skip
def test_the_mapping_screens_say_why_in_the_users_language(
    lang, said, title, window, make_vault, passphrase, qapp
):
    unlock(window, make_vault(), passphrase)
    window.service.vault.save_datasets(_survey())
    window.service.settings.language = lang
    window.set_language(lang)  # as the settings page does: every screen rebuilt
    try:
        page = window.workspace.show_page(PlanPage)
        page.new_plan()
        page.choose_dialog.accept()
        assert page.select_indicator("c2_overcrowding")
        assert page.tree.currentIndex().data().startswith(title)
        library = window.service.library()
        mapped = 0
        for name in ("household_size", "sleeping_rooms"):
            match = page.matches[name]
            assert match.column in ("nmiembros_ch", "cuartos_ch"), match
            page.open_mapping(name)
            ed = page.mapping
            described = library.inputs[name].description
            assert described(lang) != described("en")
            assert ed.title.text().endswith(described(lang)), ed.title.text()
            tips = [b.toolTip() for b in ed.candidates.buttons]
            assert tips and all(t and not any(w in t for w in ENGLISH) for t in tips), tips
            assert tips[0] == match.reason.render(lang)
            line = ed.suggestion.text()
            if page.plan.input(name) is not None:  # mapped by the suggestion: it says why
                assert said in line and not any(w in line for w in ENGLISH), line
                mapped += 1
        assert mapped
    finally:
        window.service.settings.language = "en"
        i18n.install(qapp, "en")
