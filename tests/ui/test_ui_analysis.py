"""Analysis page: run (real engine) → traffic-light overview → criterion → indicator chart and
table → disaggregation selector; solutions table; lock clears it all."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_testdata import fill, unlock

from ui import i18n
from ui.models.results_models import RatingRole, StringTableModel
from ui.pages.analysis_page import AnalysisPage


def test_run_overview_drill_down_and_lock(window, qtbot, make_vault, passphrase, qtmodeltester):
    unlock(window, make_vault(), passphrase)
    fill(window.service, mapped=True)
    page = window.workspace.show_page(AnalysisPage)
    assert page.plan_combo.count() == 1 and page.run_button.isEnabled()
    assert page.summary_model.rowCount() == 0
    page.options.methods["composite_score"].setChecked(True)
    page.run()
    assert "finished" in page.status.text()
    assert page.runs_combo.count() == 1
    sm = page.summary_model
    qtmodeltester.check(sm, force_py=True)
    assert sm.rowCount() == 1  # criterion 1 only
    assert sm.headerData(0, Qt.Orientation.Vertical).startswith("1.")
    groups = [sm.headerData(c, Qt.Orientation.Horizontal) for c in range(sm.columnCount())]
    assert "IDP in camp" in groups
    assert sm.data(sm.index(0, 0), RatingRole) in ("red", "amber", "green", "grey")
    assert sm.data(sm.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None
    # drill into criterion 1
    page._criterion_clicked(sm.index(0, 0))
    assert page.stack.currentIndex() == 1
    assert page.indicators.count() == 1
    assert not page.chart.pixmap().isNull(), page.chart.text()
    tm = page.table_model
    qtmodeltester.check(tm, force_py=True)
    header = [tm.headerData(c, Qt.Orientation.Horizontal) for c in range(tm.columnCount())]
    # the report's own header: "95% CI" is one unit (a no-break space, 6b05e54)
    assert [h.replace("\u00a0", " ") for h in header[:4]] == [
        "Population group", "Estimate", "95% CI", "n"
    ]  # fmt: skip
    assert any(h.startswith("Difference") for h in header) and "Assessment" in header
    rows = [tm.data(tm.index(r, 0)) for r in range(tm.rowCount())]
    assert "Host community (comparator)" in rows
    assert page.disagg.itemText(0) == "Population group"
    # solutions measure: both methods computed
    methods = {
        page.solutions_model.data(page.solutions_model.index(r, 0))
        for r in range(page.solutions_model.rowCount())
    }
    assert {"IRIS layered", "Composite score"} <= methods
    page.back.click()
    assert page.stack.currentIndex() == 0
    # a stored run is shown again after re-activation; lock clears every view
    window.lock()
    assert sm.rowCount() == 0 and tm.rowCount() == 0 and page.solutions_model.rowCount() == 0
    assert page.chart.pixmap().isNull()


def test_string_table_model(qtmodeltester):
    m = StringTableModel()
    m.set_table(["a", "b"], [["x", "1"], ["y", "2"]], bold_row=1)
    qtmodeltester.check(m, force_py=True)
    assert m.data(m.index(1, 1)) == "2"
    assert m.data(m.index(1, 0), Qt.ItemDataRole.FontRole).italic()


def test_overview_names_groups_in_the_interface_language(window, make_vault, passphrase):
    """Issue 21 finding 6: French kept the English group names although the plan has French
    labels (the run's own columns are English; the plan's labels travel in its snapshot)."""
    window.service.settings.language = "fr"
    unlock(window, make_vault(), passphrase)
    fill(window.service, mapped=True)
    page = window.workspace.show_page(AnalysisPage)
    page.run()
    sm = page.summary_model
    groups = [sm.headerData(c, Qt.Orientation.Horizontal) for c in range(sm.columnCount())]
    assert "PDI en camp" in groups and "IDP in camp" not in groups
    assert "IDP outside camp" in groups  # no French label: the plan's English one


def _analysed(window, make_vault, passphrase):
    """A mapped vault, unlocked and analysed: the analysis page and the run loader (the two
    withheld-value tests patch what it loads)."""
    unlock(window, make_vault(), passphrase)
    fill(window.service, mapped=True)
    page = window.workspace.show_page(AnalysisPage)
    page.run()
    return page, window.service.load_results


def test_a_complement_shows_its_mark_and_legend_as_in_the_report(
    window, qtbot, make_vault, passphrase, monkeypatch
):
    """A value the engine withheld as a complement (``suppression = "complementary"``) shows
    "(*)" in the app's indicator table, as in the report, and the legend under it explains
    "(*)" — it explained only "*" ("too few respondents")."""
    page, load = _analysed(window, make_vault, passphrase)

    def with_complement(run_id):
        r = load(run_id)
        est = r.estimates
        est["suppression"] = (
            est["suppression"].astype(object).fillna("") if "suppression" in est else ""
        )
        at = (est["disaggregation"] == "total") & (est["group"].astype(str) == str(
            est.loc[est["disaggregation"] == "total", "group"].iloc[0]
        ))  # fmt: skip
        est.loc[at, ["flag", "suppression"]] = ["suppressed", "complementary"]
        sol = r.solutions  # and the first solutions row
        sol["suppression"] = ""
        sol.loc[sol.index[0], ["flag", "suppression"]] = ["suppressed", "complementary"]
        return r

    monkeypatch.setattr(window.service, "load_results", with_complement)
    page.show_run(page.run_id)
    page._criterion_clicked(page.summary_model.index(0, 0))
    tm = page.table_model
    cells = [tm.data(tm.index(r, 1)) for r in range(tm.rowCount())]
    assert "(*)" in cells, cells
    assert not page.flag_legend.isHidden()
    assert "(*) Not published, though there are enough cases" in page.flag_legend.text()
    sm = page.solutions_model  # its Flag column: a complement is not "Not published" alone
    flags = [sm.data(sm.index(r, sm.columnCount() - 1)) for r in range(sm.rowCount())]
    assert flags.count("(*) Not published: protects another value") == 1, flags
    cells = [sm.data(sm.index(r, c)) for r in range(sm.rowCount()) for c in range(8)]
    assert not [c for c in cells if "nan%" in str(c)], cells  # "nan% – nan%" for no interval


def test_a_breakdown_row_the_report_leaves_out_is_listed_with_its_marks(window, monkeypatch):
    """A breakdown level with no published figure for any group is left out of the report's
    table and named in its note (rd21); the app, where the analyst reads the whole table, lists
    it in its place with each cell's mark, as the annex does — it had silently gone."""
    from types import SimpleNamespace

    from workbench.reporting.views import LeftOut, TableData

    page = window.workspace.show_page(AnalysisPage)
    monkeypatch.setattr(page.tasks, "run", lambda *a, **k: None)  # no chart drawn here
    header = ["District", "IDPs in camps", "Returnees", "Host community"]
    table = TableData(
        header=header,
        rows=[["Alvora", "45.9%", "22.4%", "31.0%"], ["Corvalle", "–", "43.3%", "25.2%"]],
        kind="disagg",
        unpublished=[LeftOut(1, "Bendeki", ["Bendeki", "*", "(*)", "–"], [None, None, None, None])],
    )
    main = TableData(header=["Population group", "Estimate"], rows=[["Returnees", "30.0%"]])
    view = SimpleNamespace(
        table=main, chart=None, disaggregations=[("district", "District", table, None)]
    )
    page.current_view = view
    page.disagg.clear()
    page.disagg.addItem("Population group", None)
    page.disagg.addItem("District", "district")
    page.disagg.setCurrentIndex(1)
    page._show_table()
    tm = page.table_model
    rows = [
        [tm.data(tm.index(r, c)) for c in range(tm.columnCount())] for r in range(tm.rowCount())
    ]
    assert [r[0] for r in rows] == ["Alvora", "Bendeki", "Corvalle"], rows
    assert rows[1][1:] == ["*", "(*)", "–"], rows


def test_withheld_solutions_rows_show_the_reports_marks_not_their_values(
    window, qtbot, make_vault, passphrase, monkeypatch
):
    """Issue 20 (app 1): the solutions table showed the share and number of rows the engine
    withheld ("Not published" beside "31.2%"); the report prints "*", "(*)" or the bound
    "< 0.5%". Its legend says what the report's footnotes say (app 2: "too few respondents")."""
    page, load = _analysed(window, make_vault, passphrase)

    def withheld(run_id):
        r = load(run_id)
        sol = r.solutions
        sol["suppression"], sol["share_below"], sol["below_flag"] = "", float("nan"), ""
        sol["share"] = sol["share"].astype(float)
        sol.loc[sol.index[0], ["flag", "suppression"]] = ["suppressed", "complementary"]
        sol.loc[sol.index[1], ["flag", "share", "number"]] = ["suppressed", 0.3123, 4567.0]
        sol.loc[sol.index[2], ["flag", "share_below", "below_flag"]] = ["suppressed", 0.005,
                                                                        "caution"]  # fmt: skip
        sol.loc[sol.index[3], ["flag", "suppression"]] = ["suppressed", "empty"]  # no case
        return r

    monkeypatch.setattr(window.service, "load_results", withheld)
    page.show_run(page.run_id)
    sm = page.solutions_model
    share, ci, number, flag = (
        [sm.data(sm.index(r, c)) for r in range(4)] for c in (3, 4, 5, 7)
    )  # fmt: skip
    assert share == ["(*)", "*", "< 0.5%†", "–"], share
    # a bound's number is "(*)" whatever withheld its share, as the report's note says ("withheld
    # (*) where the share is published only as an upper bound") and the annex prints
    assert number == ["(*)", "*", "(*)", "–"], number
    assert ci == ["", "", "not published", ""], ci  # the report's words for a bound's CI
    assert flag[3] == "Nothing to estimate", flag  # "–" hides nothing: not "Not published"
    n = [sm.data(sm.index(r, 6)) for r in range(3)]  # a bound keeps its n assessable
    assert n[:2] == ["", ""] and n[2] == f"{int(load(page.run_id).solutions['n'].iloc[2]):,}", n
    cells = [str(sm.data(sm.index(r, c))) for r in range(sm.rowCount()) for c in range(8)]
    assert not [c for c in cells[8:16] if "31.2" in c or "4,567" in c], cells[8:16]
    legend = page.solutions_legend.text()  # the report's own footnotes of the marks
    assert not page.solutions_legend.isHidden()
    assert legend.startswith("* Not published: too few cases or too unreliable."), legend
    assert "(*) Not published, though there are enough cases" in legend
    assert "published only as an upper bound" in legend and "– No case in this group" in legend
    assert "too few respondents" not in legend and "too few respondents" not in (
        page.flag_legend.text()
    )


@pytest.fixture
def french(qapp):
    i18n.install(qapp, "fr")
    yield
    i18n.install(qapp, "en")


def test_the_legend_uses_the_reports_catalogue_in_each_language(
    window, make_vault, passphrase, monkeypatch, french
):
    """The app's legend notes are the report catalogue's fn_suppressed / fn_complementary /
    fn_caution in the interface language (en/fr/es/ar), not a wording of the app's own; in
    French the app shows the French report's note, and its breakdowns "Sexe : Féminin" (the
    app wrote "Sexe: Féminin")."""
    from workbench.reporting.i18n import Translator

    window.service.settings.language = "fr"
    unlock(window, make_vault(), passphrase)
    fill(window.service, mapped=True)
    page = window.workspace.show_page(AnalysisPage)
    page.run()
    results = window.service.load_results(page.run_id)
    for lang in ("en", "fr", "es", "ar"):
        tr, notes = Translator(lang), window.service.flag_notes(results, lang)
        assert notes["(*)"] == tr("fn_complementary"), lang
        head = tr("fn_suppressed", preset="\0").split("\0")[0]
        assert notes["*"].startswith(head) and "{" not in notes["*"], (lang, notes["*"])
        assert notes["†"].startswith("†") and "{" not in notes["†"], (lang, notes["†"])
        assert notes["‡"].startswith(tr("fn_no_interval", where="\0").split("\0")[0]), lang
        assert "{" not in notes["‡"] and notes["–"] == tr("fn_empty"), lang
    load = window.service.load_results

    def with_complement(run_id):
        r = load(run_id)
        r.solutions["suppression"] = ""
        r.solutions.loc[r.solutions.index[0], ["flag", "suppression"]] = [
            "suppressed",
            "complementary",
        ]
        return r

    monkeypatch.setattr(window.service, "load_results", with_complement)
    page.show_run(page.run_id)
    legend = page.solutions_legend.text()
    assert Translator("fr")("fn_complementary") in legend and "trop peu de cas" in legend
    page.breakdowns = {("sex", ""): "Sexe", ("sex", "f"): "Féminin"}  # a breakdown's row
    row = {"disaggregation": "sex", "disaggregation_value": "f"}
    assert page._breakdown(row) == "Sexe\u00a0: Féminin"


def _cells_run(window, make_vault, passphrase, monkeypatch):
    """A mapped vault broken down and analysed with homogeneous cells by district, beside the
    other methods: the host community is that method's benchmark, never assessed."""
    import dataclasses

    from ui_testdata import tiny_plan

    from workbench.plan.model import Disaggregation

    unlock(window, make_vault(), passphrase)
    fill(window.service, mapped=True)
    plan = tiny_plan(mapped=True)  # broken down by district: its column in the household frame
    plan = dataclasses.replace(
        plan, disaggregations=(Disaggregation("district", column="district"),)
    )
    window.service.vault.save_plan(plan.name, plan.to_toml(), note="by district")
    page = window.workspace.show_page(AnalysisPage)
    chosen = page.options.options

    def with_cells(base):
        opts = chosen(base)
        methods = tuple(dict.fromkeys((*opts.solutions_methods, "homogeneous_cells")))
        return dataclasses.replace(opts, solutions_methods=methods, homogeneous_cells=("district",))

    monkeypatch.setattr(page.options, "options", with_cells)
    page.run()
    assert page.run_id is not None, page.status.text()
    return page


def _column(model, c: int) -> list[str]:
    return [str(model.data(model.index(r, c))) for r in range(model.rowCount())]


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_the_host_under_homogeneous_cells_reads_not_applicable_as_in_the_report(
    window, qapp, make_vault, passphrase, monkeypatch, lang
):
    """Issue 20 (app): the report prints "Not applicable" (« Sans objet », "No aplica",
    "لا ينطبق") for the host community under homogeneous cells, with its reason in a note; the
    app's table showed "–" ("nothing to estimate: no case") and "Nothing to estimate". Its
    share, number and flag now say the report's word in the interface language, and the
    legend and the cells' tooltip give the report's note."""
    from workbench.reporting.context import build_context
    from workbench.reporting.i18n import Translator
    from workbench.reporting.options import ReportOptions
    from workbench.reporting.solutions_notes import methods_notes

    i18n.install(qapp, lang)
    window.service.settings.language = lang
    try:
        page = _cells_run(window, make_vault, passphrase, monkeypatch)
    finally:
        i18n.install(qapp, "en")
    tr = Translator(lang)
    word = tr("assessment_not_applicable")
    sm = page.solutions_model
    groups, breakdowns = _column(sm, 1), _column(sm, 2)
    share, number, flag = _column(sm, 3), _column(sm, 5), _column(sm, 7)
    results = window.service.load_results(page.run_id)
    sol = results.publishable().solutions  # the table's rows, in order
    cells = list(sol["method"] == "homogeneous_cells")
    at = [
        i for i, c in enumerate(cells) if c and groups[i] == "Host community" and not breakdowns[i]
    ]
    assert len(at) == 1, (groups, breakdowns)
    i = at[0]
    assert (share[i], number[i], flag[i]) == (word, word, word), (share[i], number[i], flag[i])
    assert "–" not in (share[i], number[i]) and "Nothing to estimate" not in flag[i]
    # its reason, the report's note: in the legend and at the cell
    notes = window.service.flag_notes(results, lang, solutions=True)
    note = notes[word]
    assert note.startswith(word) and "{" not in note, note
    ctx = build_context(results, ReportOptions(language=lang))  # the note the report prints
    total = sol[sol["disaggregation"] == "total"]
    assert note in methods_notes(tr, ctx, total, list(dict.fromkeys(total["group"].astype(str))))
    assert note in page.solutions_legend.text() and not page.solutions_legend.isHidden()
    tip = sm.data(sm.index(i, 3), Qt.ItemDataRole.ToolTipRole)
    assert tip == note and sm.data(sm.index(i, 7), Qt.ItemDataRole.ToolTipRole) == note
    # no other group's row says it: the displaced groups' rows under that method are assessed;
    # the host's breakdown rows under it say it too (the method assesses none of its
    # households at any level, rd20 ar annex)
    said = [j for j in range(sm.rowCount()) if share[j] == word]
    assert i in said and all(cells[j] and groups[j] == "Host community" for j in said), said


def test_solutions_columns_fit_their_widest_cell_below_the_first_rows(window):
    """The app's solutions table is ~900 rows on the demo; its columns were sized on the first
    100 rows only, so the host's "Not applicable" at row 558 read "Not a…" and "Homogeneous
    cells" read "Homogen…", and the last column, stretched, was cut at the pane's edge ("(*) Not
    published: protects another valu"). Each column now fits every row."""
    page = window.workspace.show_page(AnalysisPage)
    header = ["Method", "Group", "Breakdown", "Share", "95% CI", "Number", "n", "Flag"]
    rows = [["IRIS layered", "Host", "", "0.6%", "0.2 – 1.7", "3,530", "833", ""]] * 150
    flag = "(*) Not published: protects another value " * 3  # wider than the pane's room
    na = "Not applicable"
    rows += [["Homogeneous cells", "Host community", "", na, "", na, "", na]]
    rows += [["IRIS layered", "Host", "", "", "", "", "", flag]]
    view, fm = page.solutions_view, page.solutions_view.fontMetrics()
    view.resize(1160, 600)  # the pane of a 1400-pixel window, where "(*) Not published…" was cut
    QApplication.processEvents()
    page.solutions_model.set_table(header, rows)
    for c in range(len(header) - 1):
        widest = max(fm.horizontalAdvance(r[c]) for r in rows)
        assert view.columnWidth(c) > widest, (header[c], view.columnWidth(c), widest)
    # the last column ends at the pane's edge, its long cell wrapped onto the lines it needs
    right = sum(view.columnWidth(c) for c in range(len(header)))
    assert right <= view.viewport().width() and view.wordWrap(), (right, view.viewport().width())
    room = view.columnWidth(len(header) - 1) - 16
    lines = fm.boundingRect(0, 0, room, 10_000, Qt.TextFlag.TextWordWrap, flag).height()
    assert lines > fm.height() and view.rowHeight(len(rows) - 1) >= lines, lines
    assert view.rowHeight(0) < view.rowHeight(len(rows) - 1)  # the others keep one line
