"""The validation annex's "Suppressed values" table: primary, complementary and, of those, the
values the engine's linear-programming audit withheld — in every report language, from the
counts a real run of the engine recorded."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from reporting_fixture import make_results
from reporting_testkit import FIXED

from workbench.export_writer import AuditList
from workbench.reporting import ReportOptions, build_report
from workbench.reporting.context import build_context
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_annexes import suppression_counts
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_tables import para
from workbench.reporting.pdf_text import make_styles
from workbench.stats import analyze
from workbench.stats.options import AnalysisOptions

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stats"))
from suppression_synth import small_cells_frame


@pytest.fixture(scope="module")
def counted():
    """The report fixture's results carrying the counts of a run in which the LP audit added
    complements (a generated small-cell survey, DHS preset)."""
    run = analyze(small_cells_frame(1), AnalysisOptions(disclosure_preset="dhs"))
    sup = run.meta["suppression"]
    assert sup["complementary_lp"] > 0 and sup["exposed"] == 0
    r = make_results()
    r.snapshot = dataclasses.replace(r.snapshot, suppression=sup)
    return r, sup


def _table_rows(results, lang):
    opts = ReportOptions(language=lang)
    ctx = build_context(results, opts)
    styles = make_styles(lang)
    b = Builder(ctx, opts, styles, 480.0, results.publishable())
    table = suppression_counts(b)[-1]._content[-1]  # the heading and table kept together
    rows = [[getattr(c, "text", c) for c in row] for row in table._cellvalues[1:]]
    return rows, styles


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_reporting_counts_show_the_lp_audit(counted, lang) -> None:
    results, sup = counted
    rows, styles = _table_rows(results, lang)
    tr = Translator(lang)
    label = para(tr("suppression_complementary_lp"), styles.cell, lang).text
    cells = [c for row in rows for c in row]
    assert label in cells
    row = next(r for r in rows if label in r)
    assert str(sup["complementary_lp"]) in row
    assert tr("suppression_complementary_lp") != Translator("en")(
        "suppression_complementary_lp"
    ) or (lang == "en")  # a real translation
    # the order: primary, complementary, of which LP, empty, exposed
    assert len(rows) == 5 and label in rows[2]


def test_reporting_counts_of_a_run_before_the_lp_audit(counted) -> None:
    results, sup = counted
    old = {k: v for k, v in sup.items() if k != "complementary_lp"}
    results = dataclasses.replace(results)
    results.snapshot = dataclasses.replace(results.snapshot, suppression=old)
    rows, _ = _table_rows(results, "en")
    assert len(rows) == 4  # no line for a count the run did not record


@pytest.mark.slow
def test_reporting_pdf_prints_the_lp_count(counted, tmp_path) -> None:
    """The English PDF parsed back (the other languages' tables are checked above)."""
    results, sup = counted
    out = tmp_path / "report-en.pdf"
    build_report(results, out, ReportOptions(fixed_timestamp=FIXED), audit=AuditList())
    text = "\n".join(p.extract_text() or "" for p in PdfReader(str(out)).pages)
    lines = [ln.strip() for ln in text.splitlines()]
    at = lines.index("Of these, withheld after the linear-programming audit")
    assert lines[at + 1] == str(sup["complementary_lp"])  # one extracted line per table cell
    assert lines[at - 1] == str(sup["complementary"])
