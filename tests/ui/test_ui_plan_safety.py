"""Issue 15, finding 9 in the app: a plan with errors is saved as a clearly labelled draft, its
errors listed in the checks, and the analysis refuses to run it."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QInputDialog
from ui_testdata import fill, unlock

from ui.pages.analysis_page import AnalysisPage
from ui.pages.plan_page import PlanPage


def test_a_plan_with_errors_is_saved_as_a_draft_the_analysis_refuses(
    window, make_vault, passphrase, monkeypatch
):
    unlock(window, make_vault(), passphrase)
    fill(window.service, mapped=True)
    page = window.workspace.show_page(PlanPage)
    first = page.plan.indicators[0]
    broken = dataclasses.replace(first, universe="no_such_input == 1")
    page.plan = dataclasses.replace(page.plan, indicators=(broken, *page.plan.indicators[1:]))
    monkeypatch.setattr(QInputDialog, "open", lambda self: self.textValueSelected.emit("broken"))
    page.save_version()
    assert page.plan_label.text().startswith("Saved as version 2, a draft: 1 error(s)")
    texts = [page.checks.item(i).text() for i in range(page.checks.count())]
    assert any("no_such_input" in t for t in texts), texts
    versions = window.service.plan_versions("tiny")
    assert [(r.version, r.is_draft) for r in versions] == [(1, False), (2, True)]
    assert page.plan_combo.currentText() == "tiny (version 2, draft)"

    analysis = window.workspace.show_page(AnalysisPage)
    assert analysis.plan_combo.currentText() == "tiny (v2, draft)"
    analysis.run()
    status = analysis.status.text()
    assert "is a draft" in status and "version 1" in status, status
    assert window.service.runs() == []
