"""Custom indicators in the app (issue 21): created and edited in a dialog on the Plan page,
with an IRIS sub-criterion and the solutions measure's handling of skipped questions
(``missing_by_design``), checked as a plan file's would be, undoable, saved through the façade —
against a real vault and the real library."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_testdata import fill, unlock

from ui.models.library_tree import CustomRole, IndicatorRole
from ui.pages.plan_page import PlanPage
from workbench.plan.commands import SetDisaggregation
from workbench.plan.model import Disaggregation, Plan


def _page(window, make_vault, passphrase) -> PlanPage:
    unlock(window, make_vault(), passphrase)
    fill(window.service, mapped=True)
    return window.workspace.show_page(PlanPage)


def _tree_row(page: PlanPage, ind_id: str):
    m = page.tree_model
    hits = m.match(m.index(0, 0), IndicatorRole, ind_id, 1,
                   Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchExactly)  # fmt: skip
    return hits[0] if hits else None


def test_create_edit_undo_and_save_a_custom_indicator(window, qtbot, make_vault, passphrase):
    page = _page(window, make_vault, passphrase)
    assert page.plan is not None and page.custom_button.isEnabled()
    sex = Disaggregation("sex", unit="individual", column="sex", labels={"en": "Sex"})
    page.push(SetDisaggregation("sex", sex))
    page.custom_button.click()
    dlg = page.custom_dialog
    assert dlg.isVisible()
    dlg.title.setText("Feels safe at night (adults)")
    assert dlg.ident.text() == "custom_feels_safe_at_night_adults"  # made from the title
    dlg.criterion.setCurrentIndex(dlg.criterion.findData("1"))
    dlg.unit.setCurrentIndex(dlg.unit.findData("individual"))
    dlg.direction.setCurrentIndex(dlg.direction.findData("higher_is_better"))
    # a malformed expression is refused where it is typed, and OK keeps the dialog open
    dlg.numerator.setText("feels_safe_walking_alone >>> 1")
    assert dlg.reads.text().startswith("✗")
    dlg.ok.click()
    assert dlg.isVisible() and dlg.error.text()
    assert page.plan.indicator("custom_feels_safe_at_night_adults") is None
    dlg.numerator.setText("feels_safe_walking_alone")
    dlg.universe.setText("age >= 18 and new_question")
    assert "new_question (new input: map it next)" in dlg.reads.text()
    dlg.universe.setText("age >= 18")
    assert not dlg.missing.isEnabled()  # only when it is in the solutions measure
    dlg.iris.setCurrentIndex(dlg.iris.findData("1.1"))
    assert dlg.missing.isEnabled() and dlg.iris_role.isEnabled()
    dlg.missing.setCurrentIndex(dlg.missing.findData("missing"))
    assert dlg.breakdowns.item(0).text() == "Sex"
    dlg.breakdowns.item(0).setCheckState(Qt.CheckState.Checked)
    dlg.ok.click()
    assert not dlg.isVisible()

    use = page.plan.indicator("custom_feels_safe_at_night_adults")
    assert use is not None and use.custom
    assert (use.criterion, use.unit, use.statistic, use.direction) == (
        "1", "individual", "proportion", "higher_is_better")  # fmt: skip
    assert (use.numerator, use.universe) == ("feels_safe_walking_alone", "age >= 18")
    assert (use.iris_subcriterion, use.iris_role) == ("1.1", "alternative")
    assert use.disaggregations == ("sex",)
    assert page.plan.analysis["missing_by_design"] == "missing"
    # shown in the tree under its criterion, marked as the plan's, with its inputs and an Edit
    ix = _tree_row(page, use.id)
    assert ix is not None and ix.data(CustomRole) is True and "(custom)" in ix.data()
    assert ix.parent().data().startswith("1.")
    assert page.select_indicator(use.id)
    assert page.edit_custom_button.isVisible() and page.use_button.text() == "Remove from plan"
    inputs = {page.inputs.item(i).data(Qt.ItemDataRole.UserRole)
              for i in range(page.inputs.count())}  # fmt: skip
    assert inputs == {"feels_safe_walking_alone", "age"}
    page.grouping.setCurrentIndex(page.grouping.findData("iris"))
    assert _tree_row(page, use.id).parent().data().startswith("1.1")

    # edit: the identifier stays, the rest changes; one undo step brings the first version back
    page.edit_custom(use.id)
    dlg = page.custom_dialog
    assert dlg.ident.isReadOnly() and dlg.title.text() == "Feels safe at night (adults)"
    assert dlg.iris.currentData() == "1.1" and dlg.missing.currentData() == "missing"
    dlg.title.setText("Feels safe walking at night (adults)")
    # a title per language, as the plan keeps it: the French one typed with French chosen
    dlg.title_language.setCurrentIndex(dlg.title_language.findData("fr"))
    assert dlg.title.text() == "" and dlg.ident.text() == use.id
    dlg.title.setText("Se sent en sécurité la nuit (adultes)")
    dlg.title_language.setCurrentIndex(dlg.title_language.findData("en"))
    assert dlg.title.text() == "Feels safe walking at night (adults)"
    dlg.direction.setCurrentIndex(dlg.direction.findData("neutral"))
    dlg.ok.click()
    edited = page.plan.indicator(use.id)
    assert edited.title == {
        "en": "Feels safe walking at night (adults)",
        "fr": "Se sent en sécurité la nuit (adultes)",
    }
    assert edited.direction == "neutral"
    assert 'fr = "Se sent en sécurité la nuit (adultes)"' in page.plan.to_toml()
    page.undo.undo()
    assert page.plan.indicator(use.id) == use
    page.undo.undo()  # the creation (indicator and missing_by_design) is one step
    assert page.plan.indicator(use.id) is None and "missing_by_design" not in page.plan.analysis
    page.undo.redo()

    # a second indicator may not take an identifier already used
    page.edit_custom(None)
    dlg = page.custom_dialog
    dlg.title.setText("x")
    dlg.ident.setText(use.id)
    dlg.ident.textEdited.emit(use.id)
    dlg.numerator.setText("feels_safe_walking_alone")
    dlg.ok.click()
    assert dlg.isVisible() and use.id in dlg.error.text()
    dlg.ident.setText("c1_feels_safe_walking_alone")  # a library indicator's id
    dlg.ok.click()
    assert dlg.isVisible() and "c1_feels_safe_walking_alone" in dlg.error.text()
    dlg.reject()

    # saved through the façade, as a plan file would hold it
    rec, findings = window.service.save_plan_checked(page.plan, note="custom")
    stored = Plan.from_toml(window.service.load_plan(rec.name, rec.version).to_toml())
    assert stored.indicator(use.id) == use
    assert stored.analysis["missing_by_design"] == "missing"
    assert not [f for f in findings if f.where.get("indicator") == use.id
                and f.severity == "error"]  # fmt: skip
