"""Plan page: library tree by criterion / IRIS, definitions, add/remove + undo/redo, mapping,
design roles, checks and saving a version — against a real vault and the real library."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from ui_testdata import fill, unlock

from ui.models.library_tree import IndicatorRole
from ui.pages.plan_page import PlanPage


def _page(window, make_vault, passphrase) -> PlanPage:
    unlock(window, make_vault(), passphrase)
    fill(window.service)
    return window.workspace.show_page(PlanPage)


def test_tree_definitions_add_remove_undo_redo(window, qtbot, make_vault, passphrase):
    page = _page(window, make_vault, passphrase)
    assert page.plan is not None and page.plan.name == "tiny"
    model = page.tree_model
    assert model.rowCount() == 10  # 8 criteria + 2 modules
    assert model.index(0, 0).data().startswith("1.")
    assert page.select_indicator("c1_feels_safe_walking_alone")
    assert "c1_feels_safe_walking_alone" not in page.definition.toPlainText()
    assert page.definition.toPlainText().strip() != ""
    assert page.use_button.text() == "Remove from plan"
    inputs = [
        page.inputs.item(i).data(Qt.ItemDataRole.UserRole) for i in range(page.inputs.count())
    ]
    assert "feels_safe_walking_alone" in inputs
    # remove, undo, redo
    page.use_button.click()
    assert page.plan.indicator("c1_feels_safe_walking_alone") is None
    assert page.use_button.text() == "Add to plan"
    assert "unsaved" in page.plan_label.text()
    page.undo_button.click()
    assert page.plan.indicator("c1_feels_safe_walking_alone") is not None
    page.redo_button.click()
    assert page.plan.indicator("c1_feels_safe_walking_alone") is None
    page.undo.undo()
    # universe editor: override, undo restores the library's
    page.universe.setText("age >= 15")
    page.universe_button.click()
    assert page.plan.indicator("c1_feels_safe_walking_alone").universe == "age >= 15"
    page.undo.undo()
    assert page.plan.indicator("c1_feels_safe_walking_alone").universe is None
    assert page.universe.placeholderText() == "age >= 18"
    # grouping by IRIS sub-criterion
    page.grouping.setCurrentIndex(page.grouping.findData("iris"))
    assert model.index(0, 0).data().startswith("1.1")
    assert page.select_indicator("c1_feels_safe_walking_alone")


def test_french_definitions_and_fallback_mark(window, qtbot, make_vault, passphrase):
    window.service.settings.language = "fr"
    page = _page(window, make_vault, passphrase)
    assert page.select_indicator("c1_feels_safe_walking_alone")
    idx = page.tree.currentIndex()
    assert "sécurité" in idx.data()
    for row in range(page.tree_model.rowCount()):
        head = page.tree_model.index(row, 0)
        for r in range(page.tree_model.rowCount(head)):
            child = page.tree_model.index(r, 0, head)
            if "⁽ᴱᴺ⁾" in child.data():
                assert "English" in child.data(Qt.ItemDataRole.ToolTipRole)
            assert child.data(IndicatorRole)


def test_mapping_roles_checks_and_save(window, qtbot, make_vault, passphrase, monkeypatch):
    page = _page(window, make_vault, passphrase)
    page.select_indicator("c1_feels_safe_walking_alone")
    page.open_mapping("feels_safe_walking_alone")
    ed = page.mapping
    assert ed.isEnabled() and ed.name == "feels_safe_walking_alone"
    assert "age" in ed.universe.text()
    ed.column.setCurrentIndex(ed.column.findData("birth_cert"))
    assert ed.codes.count() == 3  # 1 Yes, 0 No, 98 Don't know
    ed.set_checked(ed.codes, {1.0})
    ed.apply_button.click()
    m = page.plan.input("feels_safe_walking_alone")
    assert m.column == "birth_cert" and m.true_codes == (1.0,)
    assert 98.0 in (m.missing or ())
    page.undo.undo()
    assert (
        page.plan.input("feels_safe_walking_alone") is None
        or not page.plan.input("feels_safe_walking_alone").is_mapped
    )
    page.undo.redo()
    # checks run (debounced) and show their counts
    page.run_checks()
    assert page.checks_label.text().startswith("Checks:")
    assert page.checks.count() == len(page.findings)
    # group roles from the design tab
    combo = page.design.roles.cellWidget(0, 2)
    combo.setCurrentIndex(combo.findData("exclude"))
    assert page.plan.groups.role_of(1.0) == "exclude"
    page.undo.undo()
    assert page.plan.groups.role_of(1.0) == "displaced"
    # save a version with a note
    monkeypatch.setattr(QInputDialog, "open", lambda self: self.textValueSelected.emit("mapped"))
    page.save_version()
    assert "version 2" in page.plan_label.text()
    assert [r.version for r in window.service.plan_versions("tiny")][-1] == 2
    assert page.undo.isClean()


def test_mapping_candidates_one_click(window, qtbot, make_vault, passphrase):
    """A plan opened from the vault has no suggestion yet: "Suggest columns" ranks the columns;
    one click on the best candidate maps it with the codes that count (labels shown to confirm),
    through the undo stack."""
    page = _page(window, make_vault, passphrase)
    assert page.select_indicator("ds_5_1_1_personal_id")
    page.open_mapping("has_birth_certificate")
    ed = page.mapping
    panel = ed.candidates
    assert ed.name == "has_birth_certificate" and not panel.buttons
    assert panel.ask.isVisibleTo(ed)
    panel.ask.click()
    assert page.matches is not None and panel.buttons and not panel.ask.isVisibleTo(ed)
    best = panel.buttons[0]
    assert best.objectName() == "candidate0" and best.text().startswith("birth_cert")
    assert "confidence" in best.text() and "1 = Yes" in best.text()
    best.click()
    m = page.plan.input("has_birth_certificate")
    assert m is not None and m.column == "birth_cert" and m.true_codes == (1,)
    assert ed.codes.count() == 3 and ed._checked(ed.codes) == (1.0,)
    assert panel.buttons[0].text().startswith("✓ birth_cert") and not panel.buttons[0].isEnabled()
    page.undo.undo()
    assert page.plan.input("has_birth_certificate") is None
    # the indicators an accepted column completes are added, in the same undoable step
    assert page.select_indicator("a_dependency_ratio")
    page.open_mapping("age")
    assert page.plan.indicator("a_dependency_ratio") is None
    panel.buttons[0].click()
    assert page.plan.input("age").column == "age"  # type: ignore[union-attr]
    assert page.plan.indicator("a_dependency_ratio") is not None
    page.undo.undo()
    assert page.plan.input("age") is None and page.plan.indicator("a_dependency_ratio") is None


def test_new_from_datasets_lists_candidates(window, qtbot, make_vault, passphrase):
    """ "New from datasets" keeps every input's ranked candidates for the mapping editor."""
    page = _page(window, make_vault, passphrase)
    page.new_plan()
    # issue 21 finding 3: it asks which datasets (the household and its members preselected)
    dlg = page.choose_dialog
    stored = sorted(d.name for d in window.service.datasets())
    assert dlg.isVisible() and sorted(dlg.names()) == stored
    dlg.accept()
    assert page.plan.name == "plan" and page.matches
    # the plan list shows the new plan, not the one open before ("tiny"), and says it is unsaved
    assert page.plan_combo.currentText() == "plan (new, not saved)"
    page.activate()  # the page reloads its plans: the mark stays
    assert page.plan_combo.currentText() == "plan (new, not saved)"
    assert page.select_indicator("ds_2_1_12_primary_net_attendance")
    page.open_mapping("attends_school")
    buttons = page.mapping.candidates.buttons
    assert buttons and "school" in buttons[0].text()


def test_empty_plan_page_says_what_to_do_first(window, make_vault, passphrase):
    """Issue 21 finding 3: the empty Plan page gave no hint; New from datasets used every dataset
    without asking."""
    unlock(window, make_vault(), passphrase)
    page = window.workspace.show_page(PlanPage)
    assert page.empty_hint.isVisible() and "Datasets page" in page.empty_hint.text()
    page.new_plan()  # no datasets: no dialog, the hint says to import first
    assert getattr(page, "choose_dialog", None) is None
    fill(window.service)
    page.activate()
    assert "New from datasets" in page.empty_hint.text()
    page.new_plan()
    dlg = page.choose_dialog
    dlg.list.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert len(dlg.names()) == 1
    for i in range(dlg.list.count()):
        dlg.list.item(i).setCheckState(Qt.CheckState.Unchecked)
    assert not dlg.ok.isEnabled()
    dlg.reject()
    assert page.plan.name == "tiny"  # cancelled: nothing suggested


def test_plan_checks_list_errors_first(window, make_vault, passphrase):
    """Issue 21 finding 2: the one error was listed last, below the warnings."""
    page = _page(window, make_vault, passphrase)
    page.run_checks()
    marks = [page.checks.item(i).text()[:1] for i in range(page.checks.count())]
    order = {"✗": 0, "⚠": 1, "ℹ": 2}
    ranks = [order[m] for m in marks if m in order]
    assert ranks == sorted(ranks) and ranks


def test_candidate_list_replaced_without_leftovers(qtbot):
    """Opening another input's mapping replaces the buttons at once: the old ones, waiting to
    be deleted, are hidden so they are never drawn over the new list."""
    from ui.pages.plan_candidates import CandidatePanel
    from workbench.plan.model import InputMapping
    from workbench.plan.suggest import Offer
    from workbench.plan.suggest_why import part, reason

    panel = CandidatePanel()
    qtbot.addWidget(panel)
    panel.show()

    def offers(*cols: str) -> tuple[Offer, ...]:
        why = reason(part("plan.why_weak"))
        return tuple(Offer(c, "household", 0.5, why, InputMapping("x", "household", c))
                     for c in cols)  # fmt: skip

    panel.show_offers(offers("a", "b", "c"), None, {})
    old = list(panel.buttons)
    qtbot.waitUntil(lambda: all(b.isVisible() for b in old))
    panel.show_offers(offers("d"), None, {})
    assert not any(b.isVisible() for b in old)
    assert [b.text() for b in panel.buttons] == ["d (confidence 50%)"]
