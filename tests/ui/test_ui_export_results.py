"""Results export from the analysis page (issue 15, item 3): the publishable copy by default, the
internal copy only as an explicit choice — named, marked and audited as internal."""

from __future__ import annotations

import pandas as pd
from PySide6.QtWidgets import QDialogButtonBox
from ui_testdata import fill, unlock

from ui.dialogs.export_results import ExportResultsDialog
from ui.pages.analysis_page import AnalysisPage
from workbench.stats.export import CLASSIFICATION, INTERNAL_MARK


def test_export_results_publishable_by_default_internal_by_choice(
    window, qtbot, make_vault, passphrase, tmp_path
):
    unlock(window, make_vault(), passphrase)
    fill(window.service, mapped=True)
    page = window.workspace.show_page(AnalysisPage)
    assert not page.export_button.isEnabled()
    page.run()
    assert page.export_button.isEnabled()
    dialog = ExportResultsDialog(tmp_path / "results.xlsx", page)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.publishable.isChecked() and not dialog.is_internal()
    assert ok.text() == "Export publishable copy" and dialog.warning.text() == ""
    page.export_results(dialog=dialog)
    assert "Publishable copy written" in page.status.text()
    est = pd.read_excel(tmp_path / "results.xlsx", sheet_name="estimates", engine="openpyxl")
    sup = est["flag"] == "suppressed"
    assert sup.any() and est.loc[sup, ["estimate", "n_weighted"]].isna().all().all()
    assert CLASSIFICATION not in est
    # the internal copy: chosen explicitly, its name shown before writing
    dialog.internal.setChecked(True)
    marked = f"results-{INTERNAL_MARK}.xlsx"
    assert marked in dialog.warning.text() and ok.text() == "Export internal copy"
    page.export_results(dialog=dialog)
    assert "INTERNAL copy" in page.status.text() and marked in page.status.text()
    full = pd.read_excel(tmp_path / marked, sheet_name=None, engine="openpyxl")
    assert all(t.columns[0] == CLASSIFICATION for t in full.values())
    fest = full["estimates"]
    assert fest.loc[fest["flag"] == "suppressed", "estimate"].notna().any()
    done = window.service.audit_log("export.completed")
    copies = [e.params["copy"] for e in done if e.params["kind"] == "results"]
    assert copies == ["publishable", "internal"]
    # a file type the export cannot write is refused before anything happens
    dialog.path_edit.setText(str(tmp_path / "results.pdf"))
    assert not ok.isEnabled()
    window.lock()
    assert not page.export_button.isEnabled()
