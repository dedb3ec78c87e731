"""The design page's calibration editor: import a margins file, apply (undoable), the plan
checks show what the engine would stop on, a bad file is one translated message, and the editor
reads in French and Arabic (screenshots under /tmp when WORKBENCH_SCREENSHOTS is set)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QLocale
from ui_testdata import fill, unlock

from ui.pages.plan_page import PlanPage


def _page(window, make_vault, passphrase) -> PlanPage:
    unlock(window, make_vault(), passphrase)
    fill(window.service)
    page = window.workspace.show_page(PlanPage)
    assert page.plan is not None
    page.tabs.setCurrentIndex(2)  # Design and groups
    return page


def _shot(widget, name: str) -> None:
    folder = os.environ.get("WORKBENCH_SCREENSHOTS")
    if folder:
        widget.grab().save(str(Path(folder) / name))


def test_calibration_import_apply_undo_and_checks(window, qtbot, make_vault, passphrase, tmp_path):
    page = _page(window, make_vault, passphrase)
    ed = page.design.calibration
    assert ed.method.currentData() is None and not ed.unit.isEnabled()
    good = tmp_path / "census.csv"
    good.write_text("variable,level,total\ndistrict,1,500\ndistrict,2,700\n", encoding="utf-8")
    assert ed.load_margins(good)
    assert ed.method.currentData() == "rake" and ed.table.rowCount() == 2
    total = QLocale().toString(1200.0, "f", 0)  # the interface language's separators
    assert "census.csv" in ed.summary.text() and f"district: {total}" in ed.summary.text()
    ed.method.setCurrentIndex(ed.method.findData("calibrate"))
    assert ed.calfun.isEnabled() and ed.bounded.isEnabled() and not ed.low.isEnabled()
    ed.bounded.setChecked(True)
    ed.low.setValue(0.4)
    ed.high.setValue(3.0)
    ed.trimmed.setChecked(True)
    ed.trim_high.setValue(900.0)
    _shot(page.design, "calibration_en.png")
    ed.apply()
    cal = page.plan.design.calibration
    assert cal.method == "calibrate" and cal.bounds == (0.4, 3.0) and cal.trim == (1.0, 900.0)
    assert cal.source == "census.csv" and cal.margins[0].total == 1200.0
    assert page.plan.design.weight == "weight"  # the rest of the design is kept
    page.run_checks()
    assert not [f for f in page.findings if "calibration" in f.code]
    page.undo.undo()
    assert page.plan.design.calibration is None and ed.method.currentData() is None
    page.undo.redo()
    assert ed.method.currentData() == "calibrate" and ed.table.rowCount() == 2
    # totals without one of the data's districts: the checks say so
    partial = tmp_path / "partial.csv"
    partial.write_text("variable,level,total\ndistrict,1,500\n", encoding="utf-8")
    assert ed.load_margins(partial)
    ed.apply()
    page.run_checks()
    fails = [f for f in page.findings if f.code == "plan.calibration_fails"]
    assert fails and any("2" in page.checks.item(i).text() for i in range(page.checks.count()))


def test_calibration_iterations_and_tolerance(window, qtbot, make_vault, passphrase, tmp_path):
    """R's maxit and epsilon are set on the page, checked as typed, saved in the plan and shown
    again; the plan file's TOML carries them; empty tolerance is R's default (None)."""
    from workbench.plan.calibration_toml import calibration_dict

    page = _page(window, make_vault, passphrase)
    ed = page.design.calibration
    good = tmp_path / "census.csv"
    good.write_text("variable,level,total\ndistrict,1,500\ndistrict,2,700\n", encoding="utf-8")
    assert ed.load_margins(good)  # raking
    assert ed.max_iterations.isEnabled() and ed.epsilon.isEnabled()
    assert ed.max_iterations.value() == 50 and ed.epsilon.text() == ""
    ed.max_iterations.setValue(200)
    for bad in ("abc", "0", "-1", "1e400"):
        ed.epsilon.setText(bad)
        assert not ed.apply_button.isEnabled() and ed.problem.isVisibleTo(ed)
        assert "tolerance" in ed.problem.text()
        ed.apply()  # refused: nothing saved
        assert page.plan.design.calibration is None
    ed.epsilon.setText(QLocale().toString(0.5, "f", 1))  # the interface language's notation
    assert ed.apply_button.isEnabled() and not ed.problem.isVisibleTo(ed)
    ed.apply()
    cal = page.plan.design.calibration
    assert (cal.method, cal.max_iterations, cal.epsilon) == ("rake", 200, 0.5)
    assert calibration_dict(cal)["max_iterations"] == 200
    assert calibration_dict(cal)["epsilon"] == 0.5
    # calibration with R's notation for small numbers, then back to R's default
    ed.method.setCurrentIndex(ed.method.findData("calibrate"))
    ed.epsilon.setText("1e-9")
    ed.apply()
    assert page.plan.design.calibration.epsilon == 1e-9
    page.undo.undo()
    assert ed.epsilon.text() == QLocale().toString(0.5, "g", 12)
    assert ed.method.currentData() == "rake"
    page.undo.redo()
    assert ed.tolerance() == 1e-9 and ed.max_iterations.value() == 200
    ed.epsilon.clear()
    ed.apply()
    assert page.plan.design.calibration.epsilon is None
    assert "epsilon" not in calibration_dict(page.plan.design.calibration)
    # post-stratification does not iterate: the fields are off and the plan keeps its values
    ed.method.setCurrentIndex(ed.method.findData("poststratify"))
    assert not ed.max_iterations.isEnabled() and not ed.epsilon.isEnabled()
    ed.apply()
    assert page.plan.design.calibration.max_iterations == 200
    # limits whose lower is not below the upper are refused before the plan checks
    ed.method.setCurrentIndex(ed.method.findData("calibrate"))
    ed.bounded.setChecked(True)
    ed.low.setValue(1.0)
    ed.high.setValue(1.0)
    assert not ed.apply_button.isEnabled() and "bound" in ed.problem.text()
    ed.high.setValue(1.5)
    ed.trimmed.setChecked(True)
    ed.trim_low.setValue(900.0)
    ed.trim_high.setValue(10.0)
    assert not ed.apply_button.isEnabled() and "trimming" in ed.problem.text()
    ed.trim_high.setValue(1000.0)
    assert ed.apply_button.isEnabled()
    _shot(page.design, "calibration_iterations_en.png")


def test_calibration_bad_file_is_one_message(window, qtbot, make_vault, passphrase, tmp_path):
    page = _page(window, make_vault, passphrase)
    ed = page.design.calibration
    bad = tmp_path / "bad.csv"
    bad.write_text("region;total\nN;5\n", encoding="utf-8")
    assert not ed.load_margins(bad)
    assert ed.error_box is not None and "variable,level,total" in ed.error_box.text()
    ed.error_box.close()
    assert ed.table.rowCount() == 0 and page.plan.design.calibration is None


def test_calibration_editor_french_and_arabic(window, qtbot, make_vault, passphrase, tmp_path):
    from PySide6.QtWidgets import QApplication

    from ui.i18n import install

    app = QApplication.instance()

    good = tmp_path / "census.csv"
    good.write_text("variable,level,total\ndistrict,1,500\ndistrict,2,700\n", encoding="utf-8")
    for lang, title in (("fr", "Calage sur des totaux de population"),
                        ("ar", "المعايرة على مجاميع السكان")):  # fmt: skip
        install(app, lang)
        try:
            from ui.pages.plan_calibration import CalibrationEditor

            ed = CalibrationEditor()
            qtbot.addWidget(ed)
            assert ed.title() == title
            assert ed.load_margins(good)
            ed.epsilon.setText("x")  # the problem under the form, translated
            assert ed.problem.text() and "tolerance" not in ed.problem.text()
            ed.resize(620, 560)
            _shot(ed, f"calibration_{lang}.png")
        finally:
            install(app, "en")
