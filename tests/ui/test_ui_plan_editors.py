"""Plan editors: disaggregations (add/edit the three kinds, undo/redo), the mapping editor on
multi-column inputs (keeps what it does not show) and the universe expression check."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from ui_testdata import fill, tiny_plan, unlock

from ui.pages.plan_page import PlanPage
from workbench.plan.model import Disaggregation, InputMapping


def _page(window, make_vault, passphrase, plan=None) -> PlanPage:
    unlock(window, make_vault(), passphrase)
    fill(window.service)
    if plan is not None:
        window.service.save_plan(plan, note="editors")
    page = window.workspace.show_page(PlanPage)
    assert page.plan is not None
    return page


def _tick(box, names) -> None:
    for i in range(box.count()):
        item = box.item(i)
        on = item.data(Qt.ItemDataRole.UserRole) in names
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def test_category_disaggregation_add_edit_undo(window, qtbot, make_vault, passphrase):
    page = _page(window, make_vault, passphrase)
    page.design.add_disaggregation()
    dlg = page.design.dialog
    assert dlg.isVisible() and dlg.kind.currentData() == "category"
    assert not dlg.ok_button.isEnabled()  # no column yet
    dlg.unit.setCurrentIndex(dlg.unit.findData("household"))
    dlg.cat_column.setCurrentIndex(dlg.cat_column.findData("district"))
    dlg.id_edit.setText("district")
    dlg.label_en.setText("District")
    dlg.label_fr.setText("District (FR)")
    dlg.levels_from_labels()
    assert dlg.levels.rowCount() == 2 and dlg.ok_button.isEnabled()
    dlg.levels.item(0, 1).setText("")  # a level without its English label blocks OK
    assert not dlg.ok_button.isEnabled() and "English" in dlg.error.text()
    dlg.levels.item(0, 0).setText("1, 2")
    dlg.levels.item(0, 1).setText("Everywhere")
    dlg.levels.removeRow(1)
    dlg.validate()
    dlg.ok_button.click()
    dis = page.plan.disaggregation("district")
    assert dis.column == "district" and dis.labels == {"en": "District", "fr": "District (FR)"}
    assert [(lv.codes, lv.label()) for lv in dis.levels] == [((1, 2), "Everywhere")]
    assert page.design.disaggs.rowCount() == 1
    page.undo.undo()
    assert page.plan.disaggregation("district") is None
    page.undo.redo()
    # edit: the name is fixed, the same name is not "taken" by itself
    page.design.edit_disaggregation(0)
    dlg = page.design.dialog
    assert dlg.id_edit.isReadOnly() and not dlg.kind.isEnabled()
    assert dlg.cat_column.currentData() == "district" and dlg.levels.rowCount() == 1
    dlg.label_en.setText("Area")
    dlg.ok_button.click()
    assert page.plan.disaggregation("district").label() == "Area"
    assert page.plan.disaggregation("district").levels == dis.levels
    page.undo.undo()
    assert page.plan.disaggregation("district").label() == "District"
    # a second one cannot take the same name
    page.design.add_disaggregation()
    dlg = page.design.dialog
    dlg.cat_column.setCurrentIndex(dlg.cat_column.findData("district"))
    dlg.id_edit.setText("district")
    assert not dlg.ok_button.isEnabled() and "already" in dlg.error.text()
    dlg.reject()


def test_age_groups_cut_points_live_labels_and_undo(window, qtbot, make_vault, passphrase):
    page = _page(window, make_vault, passphrase)
    page.design.add_disaggregation()
    dlg = page.design.dialog
    dlg.kind.setCurrentIndex(dlg.kind.findData("age_groups"))
    assert dlg.id_edit.text() == "age_groups"
    dlg.unit.setCurrentIndex(dlg.unit.findData("individual"))
    dlg.age_column.setCurrentIndex(dlg.age_column.findData("age"))
    for bad, words in (("", "e.g."), ("0, 5, x", "'x'"), ("-1, 5", "negative"), ("5, 5", "larger")):
        dlg.cuts.setText(bad)
        assert not dlg.ok_button.isEnabled() and words in dlg.error.text(), bad
    dlg.cuts.setText("0, 5, 18, 60")
    assert dlg.groups_preview.text() == "0–4, 5–17, 18–59, 60+"
    assert dlg.ok_button.isEnabled() and dlg.error.text() == ""
    dlg.ok_button.click()
    dis = page.plan.disaggregation("age_groups")
    assert dis.kind == "age_groups" and dis.unit == "individual" and dis.column == "age"
    assert dis.cut_points == (0, 5, 18, 60)
    # changing only the cut points goes through SetCutPoints
    row = [d.id for d in page.plan.disaggregations].index("age_groups")
    assert page.design.disaggs.item(row, 2).text() == "0–4, 5–17, 18–59, 60+"
    page.design.edit_disaggregation(row)
    dlg = page.design.dialog
    assert dlg.cuts.text() == "0, 5, 18, 60"
    dlg.cuts.setText("0 18 65.5")
    assert dlg.groups_preview.text() == "0–17, 18–<65.5, 65.5+"
    dlg.ok_button.click()
    assert page.plan.disaggregation("age_groups").cut_points == (0, 18, 65.5)
    assert page.undo.undoText() == "Set age groups of age_groups"
    page.undo_button.click()
    assert page.plan.disaggregation("age_groups").cut_points == (0, 5, 18, 60)


def test_disability_domains_and_codes(window, qtbot, make_vault, passphrase):
    page = _page(window, make_vault, passphrase)
    page.design.add_disaggregation()
    dlg = page.design.dialog
    dlg.kind.setCurrentIndex(dlg.kind.findData("disability"))
    dlg.unit.setCurrentIndex(dlg.unit.findData("individual"))
    assert not dlg.ok_button.isEnabled()
    _tick(dlg.domains, {"wg_see", "wg_walk"})
    assert dlg.wg_codes.count() >= 4
    assert set(dlg.checked(dlg.wg_codes)) == {3, 4}  # the Washington Group cut-off by default
    dlg.head.setChecked(True)
    dlg.ok_button.click()
    dis = page.plan.disaggregation("disability")
    assert dis.columns == ("wg_see", "wg_walk") and set(dis.codes) == {3, 4} and dis.head
    page.run_checks()
    assert page.checks_label.text().startswith("Checks:")
    page.undo.undo()
    assert page.plan.disaggregation("disability") is None


def test_multi_column_mapping_keeps_what_the_editor_does_not_show(
    window, qtbot, make_vault, passphrase
):
    multi = InputMapping(
        "feels_safe_walking_alone",
        unit="individual",
        columns=("wg_see", "wg_walk"),
        combine="all",
        true_codes=(3, 4),
        categories={"hard": (3, 4)},
        skip="no",
        aggregate="max",
        note="from the WG items",
    )
    plan = dataclasses.replace(
        tiny_plan(),
        inputs=(multi,),
        disaggregations=(Disaggregation("sex", unit="individual", column="sex"),),
    )
    page = _page(window, make_vault, passphrase, plan)
    page.select_indicator("c1_feels_safe_walking_alone")
    page.open_mapping("feels_safe_walking_alone")
    ed = page.mapping
    assert ed.multi.isChecked() and ed.columns.isVisibleTo(ed) and not ed.column.isVisibleTo(ed)
    assert ed.selected_columns() == ("wg_see", "wg_walk")
    assert set(ed._checked(ed.codes)) == {3, 4}
    ed.apply_button.click()  # saving unchanged keeps the mapping as it was
    assert page.plan.input("feels_safe_walking_alone") == multi
    _tick(ed.columns, {"wg_see", "school"})
    ed.set_checked(ed.codes, {1.0})
    ed.apply_button.click()
    m = page.plan.input("feels_safe_walking_alone")
    assert m.columns == ("school", "wg_see") or m.columns == ("wg_see", "school")
    assert set(m.columns) == {"wg_see", "school"} and m.column is None
    assert m.true_codes == (1.0,)
    assert (m.combine, m.categories, m.skip, m.aggregate, m.note) == (
        "all",
        {"hard": (3, 4)},
        "no",
        "max",
        "from the WG items",
    )
    page.undo.undo()
    assert page.plan.input("feels_safe_walking_alone") == multi
    # back to one column: the list gives way to the combo, other fields still kept
    page.open_mapping("feels_safe_walking_alone")
    ed.multi.setChecked(False)
    ed.column.setCurrentIndex(ed.column.findData("birth_cert"))
    ed.apply_button.click()
    m = page.plan.input("feels_safe_walking_alone")
    assert m.column == "birth_cert" and m.columns == () and m.aggregate == "max"


def test_universe_checked_as_typed(window, qtbot, make_vault, passphrase):
    page = _page(window, make_vault, passphrase)
    page.select_indicator("c1_feels_safe_walking_alone")
    status = page.universe_editor.status
    page.universe.setText("age >= ")
    assert not page.universe_button.isEnabled() and "Syntax error" in status.text()
    page.universe.setText("age >= 15 and not nonsense_input")
    assert page.universe_button.isEnabled()
    assert "age" in status.text() and "nonsense_input (unknown input)" in status.text()
    page.universe.setText("age >= 15 and sex == 2")
    assert status.text() == "Reads: age, sex"
    page.universe_button.click()
    assert page.plan.indicator("c1_feels_safe_walking_alone").universe == "age >= 15 and sex == 2"
    page.universe.setText("")
    assert page.universe_button.isEnabled() and "library" in status.text()


def test_indicator_margin_and_comparison_set_and_undone(window, qtbot, make_vault, passphrase):
    page = _page(window, make_vault, passphrase)
    page.select_indicator("c1_feels_safe_walking_alone")
    ed = page.judging
    assert ed.library_margin.text() == "Library: 5 points, compared"
    assert not ed.own.isChecked() and not ed.margin.isEnabled()
    assert ed.margin.value() == 5.0 and ed.margin.suffix() == " points"
    ed.own.setChecked(True)
    ed.margin.setValue(10.0)
    ed.compare.setCurrentIndex(ed.compare.findData(False))
    ed.button.click()
    use = page.plan.indicator("c1_feels_safe_walking_alone")
    assert (use.min_important_difference, use.comparable) == (0.1, False)
    assert "min_important_difference = 0.1" in page.plan.to_toml()
    page.undo.undo()
    use = page.plan.indicator("c1_feels_safe_walking_alone")
    assert (use.min_important_difference, use.comparable) == (None, None)
    assert not ed.own.isChecked()  # the editor shows the plan again
