"""Report page: validation gate (errors block, warnings need justification), export PDF + annex."""

from __future__ import annotations

import pytest
from docx import Document
from pypdf import PdfReader
from ui_testdata import fill, unlock

from ui.pages.analysis_page import AnalysisPage
from ui.pages.report_page import ReportPage


@pytest.mark.slow
def test_validate_justify_export(window, qtbot, make_vault, passphrase, tmp_path, monkeypatch):
    unlock(window, make_vault(), passphrase)
    fill(window.service, mapped=True)
    window.workspace.show_page(AnalysisPage).run()
    page = window.workspace.show_page(ReportPage)
    assert page.run_combo.count() == 1
    assert page.summary.text()
    page.out_path.setText(str(tmp_path / "out" / "tiny-report.pdf"))
    page.pdfa.setChecked(False)
    page.sections["methodology"].setChecked(False)
    page.word.setChecked(True)  # the editable Word report and the briefing, parsed back below
    page.briefing.setChecked(True)
    page.validate()
    errors = [f for f in page.findings if f.severity == "error"]
    warns = [f for f in page.findings if f.severity == "warning"]
    assert page.table.rowCount() == len(page.findings)
    assert not errors, [f.text() for f in errors]
    if warns:
        assert not page.export_button.isEnabled()  # each warning needs a justification
        for r, _f in enumerate(page.findings):
            page.set_justification(r, "Tiny test survey; accepted for the test.")
    assert page.export_button.isEnabled()
    opened = []
    monkeypatch.setattr("ui.pages.report_page.QDesktopServices.openUrl", opened.append)
    page.export()
    assert "Report saved" in page.result.text()
    pdf = tmp_path / "out" / "tiny-report.pdf"
    assert pdf.exists() and (tmp_path / "out" / "tiny-report-annex.xlsx").exists()
    text = "".join(p.extract_text() or "" for p in PdfReader(pdf).pages)
    assert "Host community" in text
    out = tmp_path / "out"
    word = Document(str(out / "tiny-report.docx"))
    assert "Host community" in [c.text for t in word.tables for r in t.rows for c in r.cells]
    assert "Executive summary" in [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    brief = "".join(
        p.extract_text() or "" for p in PdfReader(out / "tiny-report-briefing.pdf").pages
    )
    assert "Briefing for decision-makers" in brief and "Method in brief" in brief
    brief_docx = Document(str(out / "tiny-report-briefing.docx"))
    assert brief_docx.paragraphs[0].text == "Briefing for decision-makers"
    page.open_button.click()
    assert opened and opened[0].toLocalFile() == str(pdf.parent)
    (done,) = window.service.audit_log(action="export.completed")
    assert done.params["kind"] == "report" and done.params["audience"] == "publishable"
    paths = [f["path"] for f in done.params["files"]]
    names = ["tiny-report.pdf", "tiny-report.docx", "tiny-report-briefing.pdf",
             "tiny-report-briefing.docx", "tiny-report-annex.xlsx"]  # fmt: skip
    assert paths == [str(tmp_path / "out" / n) for n in names]


def test_errors_block_and_warnings_need_a_justification(window, make_vault, passphrase):
    from workbench.findings import Finding

    unlock(window, make_vault(), passphrase)
    page = window.workspace.show_page(ReportPage)
    page.run_combo.addItem("run 1", 1)
    err = Finding("report.numbers", "error", "Table and chart differ.", where={"indicator": "x"})
    warn = Finding("report.caution_estimates", "warning", "2 estimates flagged.", where={"i": "y"})
    page._validated([err, warn])
    assert not page.export_button.isEnabled()
    assert page.table.item(0, 2).text() == "Fix this before exporting."
    assert "1 error(s)" in page.summary.text()
    page._validated([warn])
    assert not page.export_button.isEnabled()
    assert "1 warning(s) need" in page.summary.text()
    page.set_justification(0, "Small domain; flagged in the text.")
    assert page.export_button.isEnabled()
    # issue 21 finding 7: the summary stops counting a warning once it is justified
    assert page.summary.text() == "Every warning is justified (1): the report can be exported."
    assert page.options().justifications == {
        "report.caution_estimates@y": "Small domain; flagged in the text."
    }


@pytest.mark.slow
def test_survey_facts_reach_the_cover_and_the_plan(window, make_vault, passphrase, tmp_path):
    """Area, reference period, currency, office and contact: typed on the report page, printed
    on the cover and in the methodology, and kept in a new plan version on request."""
    unlock(window, make_vault(), passphrase)
    fill(window.service, mapped=True)
    window.workspace.show_page(AnalysisPage).run()
    page = window.workspace.show_page(ReportPage)
    facts = page.facts
    assert facts.edits["area"].text() == ""  # the tiny plan has no [report] table
    facts.edits["area"].setText("Northern districts")
    facts.edits["period"].setText("May 2026")
    facts.edits["currency"].setText("FRD")
    facts.edits["office"].setText("Tiny Statistics Office")
    facts.edits["contact"].setText("stats@tiny.example")
    opts = page.options()
    assert (opts.area, opts.reference_period, opts.currency, opts.office, opts.contact) == (
        "Northern districts", "May 2026", "FRD", "Tiny Statistics Office", "stats@tiny.example"
    )  # fmt: skip
    run = next(iter(page.runs.values()))
    before = len(window.service.plan_versions(run.plan_name))
    facts.save_button.click()
    assert "Saved in plan" in facts.status.text()
    versions = window.service.plan_versions(run.plan_name)
    assert len(versions) == before + 1
    plan = window.service.load_plan(run.plan_name)
    assert plan.report.area == {"en": "Northern districts"} and plan.report.currency == "FRD"
    page.out_path.setText(str(tmp_path / "facts.pdf"))
    page.pdfa.setChecked(False)
    page.annex.setChecked(False)
    page.validate()
    for r, f in enumerate(page.findings):
        if f.severity == "warning":
            page.set_justification(r, "Tiny test survey.")
    page.export()
    text = "".join(p.extract_text() or "" for p in PdfReader(tmp_path / "facts.pdf").pages)
    assert "Northern districts" in text and "stats@tiny.example" in text
    assert "Tiny Statistics Office" in text and "May 2026" in text
