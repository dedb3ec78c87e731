"""Analysis page with survey rounds: running a plan with [rounds] analyses every round, the
progress view shows the changes in the gaps (coloured by assessment) and the slope charts, and
the round selector opens each round's own results."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_testdata import unlock

from tests.stats.rounds_vault import PASS, make_rounds_vault
from ui.pages.analysis_page import AnalysisPage
from ui.pages.progress_view import COLOURS


@pytest.mark.slow
def test_rounds_progress_view_and_round_selector(window, qtbot, tmp_path, qtmodeltester):
    path = make_rounds_vault(tmp_path / "rounds.wbv", households=500, seed=11)
    unlock(window, path, PASS)
    page = window.workspace.show_page(AnalysisPage)
    page.plan_combo.setCurrentIndex(page.plan_combo.findData("freedonia_rounds"))
    page.run()
    assert "finished" in page.status.text(), page.status.text()
    assert page.runs_combo.count() == 2  # one stored run per round
    view = page.progress_view
    m = view.model
    qtmodeltester.check(m, force_py=True)
    header = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    assert header[0] == "Indicator" and header[-1] == "All displaced"
    rows = {m.data(m.index(r, 0)): r for r in range(m.rowCount())}
    doc = rows["Holds a valid personal identity document"]
    cell = m.data(m.index(doc, m.columnCount() - 1))
    assert "CLOSING" in cell and "pp" in cell
    assert (
        m.data(m.index(doc, m.columnCount() - 1), Qt.ItemDataRole.BackgroundRole).name()
        == (COLOURS["closing"])
    )
    water = rows["Access to an improved drinking water source"]
    assert m.data(m.index(water, 1)) == "not comparable"
    assert "All displaced" in view.counts.text() and "closing" in view.counts.text()
    assert view.criterion.count() >= 3 and not view.chart.pixmap().isNull()
    # the round selector: the baseline's own results in the other tabs
    assert view.round_combo.count() == 2
    assert view.round_combo.currentText().startswith("Follow-up 2026")
    last = page.run_id
    view.select_round(0)
    assert page.run_id != last and page.runs_combo.currentData() == page.run_id
    assert page.summary_model.rowCount() > 0
    assert view.round_combo.currentText().startswith("Baseline 2024")
    assert view.model.rowCount() == len(rows)  # same analysis: nothing refetched or lost
    window.lock()
    assert view.model.rowCount() == 0 and view.round_combo.count() == 0


def test_progress_view_widget_in_french(qtbot):
    """The view on a real rounds analysis of the golden panel data, in French: colours from
    the engine's assessments, the round selector calls back with each round's run."""
    from tests.stats.rounds_synth import round_frames
    from ui.pages.progress_view import ProgressView
    from workbench.reporting.context import build_context
    from workbench.reporting.options import ReportOptions
    from workbench.reporting.progress_data import progress_data
    from workbench.stats.rounds import RoundInfo, analyze_rounds

    rounds = [RoundInfo("Base 2024", "2024-03-01"), RoundInfo("Suivi 2026", "2026-03-01")]
    rr = analyze_rounds(round_frames("panel"), rounds, panel=True)
    ctx = build_context(rr.results[-1], ReportOptions(language="fr"))
    data = progress_data(ctx, rr.publishable(), [7, 8], width_in=5.0)
    chosen: list[int] = []
    view = ProgressView(None, None, chosen.append)
    qtbot.addWidget(view)
    view._loaded((8, data))
    m = view.model
    assert m.headerData(0, Qt.Orientation.Horizontal) == "Indicateur"
    assert "Suivi 2026" in view.intro.text() and "panel" in view.intro.text()
    marks = {mk for row in data.assessments for mk in row}
    for r in range(m.rowCount()):
        for c in range(1, m.columnCount()):
            colour = m.data(m.index(r, c), Qt.ItemDataRole.BackgroundRole)
            mark = data.assessments[r][c]
            assert (colour is not None) == (mark in COLOURS)
    assert marks <= {"", "closing", "widening", "no_significant_change", "insufficient_data"}
    assert [view.round_combo.itemData(i) for i in range(2)] == [7, 8]
    view.select_round(0)
    assert chosen == [7]
    view.show_single()
    assert m.rowCount() == 0 and "rounds" in view.intro.text()
