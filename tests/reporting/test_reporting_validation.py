"""The validation gate: errors block, warnings are listed (and may be justified)."""

from __future__ import annotations

import dataclasses
import math

import pytest
from reporting_fixture import make_results
from reporting_testkit import FIXED

from workbench.errors import ReportError
from workbench.export_writer import AuditList
from workbench.reporting import ReportOptions, build_report
from workbench.reporting.context import build_context
from workbench.reporting.options import SECTIONS
from workbench.reporting.validation import run_checks, validate_report
from workbench.reporting.views import build_views


def _codes(findings, severity):
    return {f.code for f in findings if f.severity == severity}


@pytest.mark.slow
def test_clean_fixture_has_only_caution_warnings_and_no_errors():
    findings = validate_report(make_results(), ReportOptions())
    assert not _codes(findings, "error")
    assert _codes(findings, "warning") == {"report.caution_estimates"}
    cautions = [f for f in findings if f.code == "report.caution_estimates"]
    indicators = [f for f in cautions if "indicator" in f.where]
    assert {f.where["indicator"] for f in indicators} <= {
        i for i in make_results().estimates["indicator_id"]
    }
    # the solutions and stock tables' † too, each table named by where it is
    tables = [f for f in cautions if "indicator" not in f.where]
    assert {f.where["section"] for f in tables} == {"solutions", "stock"}


def test_missing_provenance_blocks_the_export(tmp_path):
    r = make_results()
    r.snapshot = dataclasses.replace(r.snapshot, plan_hash="")
    with pytest.raises(ReportError, match="plan hash"):
        build_report(r, tmp_path / "x.pdf", ReportOptions(fixed_timestamp=FIXED), audit=AuditList())
    assert not (tmp_path / "x.pdf").exists()


def test_chart_differing_from_table_is_an_error():
    r = make_results()
    opts = ReportOptions()
    ctx = build_context(r, opts)
    views = build_views(r.publishable(), ctx)
    v = views["has_id"]
    v.chart.series[0].values[0] += 0.05  # a chart drawn from other numbers than its table
    findings = run_checks(r, ctx, views, opts).findings
    assert any(
        f.code == "report.chart_equals_table" and f.where["indicator"] == "has_id" for f in findings
    )


def test_suppressed_value_reaching_a_chart_or_cell_is_an_error():
    r = make_results()
    opts = ReportOptions()
    ctx = build_context(r, opts)
    views = build_views(r.publishable(), ctx)
    for ind_id, v in views.items():
        for _d, _l, t, c in v.disaggregations:
            for ri, srcs in enumerate(t.sources):
                for ci, src in enumerate(srcs):
                    if src is not None and src[2] == "suppressed":
                        c.series[ci - 1].values[ri] = 0.5
                        t.rows[ri][ci] = "50.0%"
                        findings = run_checks(r, ctx, views, opts).findings
                        hits = [f for f in findings if f.code == "report.no_suppressed_value"]
                        assert hits and hits[0].where["indicator"] == ind_id
                        return
    pytest.fail("the fixture has no suppressed disaggregation cell")


def test_publishable_views_never_carry_suppressed_numbers():
    r = make_results()
    ctx = build_context(r, ReportOptions())
    for v in build_views(r.publishable(), ctx).values():
        for _d, _l, t, c in v.disaggregations:
            for ri, srcs in enumerate(t.sources):
                for ci, src in enumerate(srcs):
                    if src is not None and src[2] == "suppressed":
                        assert t.rows[ri][ci] == "*" and math.isnan(c.series[ci - 1].values[ri])


def test_catalogs_are_complete():
    from workbench.reporting.i18n import missing_keys

    assert missing_keys("fr") == missing_keys("es") == missing_keys("ar") == []


@pytest.mark.slow
def test_missing_report_string_is_an_error(monkeypatch):
    monkeypatch.setattr(
        "workbench.reporting.validation.missing_keys",
        lambda lang: ["col_estimate"] if lang == "fr" else [],
    )
    findings = validate_report(make_results(), ReportOptions(language="fr"))
    assert any(f.code == "report.labels_translated" and f.severity == "error" for f in findings)


@pytest.mark.slow
def test_untranslated_library_labels_are_info_and_marked():
    findings = validate_report(make_results(), ReportOptions(language="es"))
    infos = [f for f in findings if f.code == "report.labels_translated" and f.severity == "info"]
    assert infos and any("victim_violence" in f.where["label"] for f in infos)
    # and one warning counts every label printed marked [en] (the annex says how many)
    (count,) = [f for f in findings if f.code == "report.labels_translated"
                and f.params.get("wording") == "marked"]  # fmt: skip
    assert count.params["count"] >= len(
        {f.where["label"] for f in infos if "title" in f.where["label"]}
    )


def test_engine_findings_are_taken_into_account():
    r = make_results()
    r.meta["findings"] = [
        {"code": "stats.lonely_psu", "severity": "warning", "message": "1 stratum has one PSU"}
    ]
    findings = validate_report(r, ReportOptions())
    assert any(f.code == "stats.lonely_psu" for f in findings)


def test_options_validate_and_serialise():
    with pytest.raises(ReportError):
        ReportOptions(language="de")
    with pytest.raises(ReportError):
        ReportOptions(page_size="A3")
    with pytest.raises(ReportError):
        ReportOptions(sections=("nope",))
    o = ReportOptions(justifications={"report.caution_estimates@has_id": "few cases, kept"})
    assert (
        o.justification_for("report.caution_estimates", {"indicator": "has_id"})
        == "few cases, kept"
    )
    assert o.justification_for("report.caution_estimates", {"indicator": "voted"}) is None
    d = o.to_dict()
    assert d["sections"] == list(SECTIONS) and d["justifications"]


def test_caution_counts_are_the_daggers_the_tables_show(en_report):
    """Issue 20: the warnings annex said how many of an indicator's estimates the engine
    flagged for caution, shown or not, and left its differences out (the demo: 10 for an
    indicator whose tables showed 8 †, 5 for one that showed 7). Counted in the PDF: every †
    beside a figure in the indicator sections (from the first module to the solutions measure)
    is in the annex's counts, one for one, and each indicator's count is its tables' † marks.
    The solutions and stock tables' † are listed too, and the annex's total is every † beside
    a figure from the first module to the methodology (the annex named the indicators' only).
    A † on a difference ("−9.2 pp†") is one of the report's "values marked †", as its estimates'
    are: the reader counts it in the table, and so does the annex. The indicators end where the
    "Solutions measure" heading stands, not at its page: the last indicator's breakdown table
    can share that page (it did: 5 of "Intend to return"'s 9 † went uncounted)."""
    import re

    from pypdf import PdfReader
    from reporting_testkit import sentinel_results

    from workbench.reporting.build import gate

    pages = [p.extract_text() or "" for p in PdfReader(str(en_report)).pages]
    is_toc = [". . ." in p or "Contents" in p for p in pages]
    start = next(i for i, p in enumerate(pages) if "Module A" in p and not is_toc[i])
    end = next(i for i, p in enumerate(pages) if i > start and "Solutions measure" in p)
    stop = next(i for i, p in enumerate(pages) if i > end and "Methodology annex" in p)
    body = "\n".join(pages[start:stop])
    indicators, heading, _rest = body.partition("\nSolutions measure\n")
    assert heading, "no 'Solutions measure' heading line"
    # a unit word's † after a narrow no-break space ("+4.6 pp †", rd19 ar p.61) — not a note's
    # words about the mark ("would be marked † (few cases)")
    mark = re.compile(r"(?:\S|(?:pp|FRD)[\u202f ])†")
    shown = len(mark.findall(indicators))
    assert re.search(r"pp[\u202f ]?†", indicators)  # differences marked † are counted
    everywhere = len(mark.findall(body))
    _ctx, _views, validation = gate(sentinel_results(), ReportOptions(language="en"))
    cautions = [f for f in validation.warnings if f.code == "report.caution_estimates"]
    by_indicator = sum(f.params["count"] for f in cautions if "indicator" in f.where)
    assert shown > 0 and by_indicator == shown
    text = " ".join(" ".join(pages[stop:]).split())
    (total,) = re.findall(r"(\d+) values? of this report (?:is|are) marked †", text)
    assert everywhere > shown
    assert int(total) == everywhere == sum(f.params["count"] for f in cautions)
    for f in cautions:  # each indicator and table in the list, with its count
        name = f.params.get("indicator") or f.params["table"]
        assert f"{name} {f.params['count']}" in text


def test_caution_count_leaves_out_a_difference_that_is_not_shown():
    """The demo's "Satisfied with the outcome of the remedy": a comparison flagged caution but
    not computed ("Not compared") shows no figure and no †, and was counted (2 for 1 †)."""
    from workbench.reporting.build import gate

    r = make_results()
    c = r.comparisons
    row = c.index[(c["disaggregation"] == "total") & (c["flag"] == "caution")][0]
    ind = c.at[row, "indicator_id"]
    c.loc[row, ["difference", "ci_low", "ci_high", "p_value"]] = math.nan
    c.loc[row, "assessment"] = "not_compared"
    _ctx, views, validation = gate(r, ReportOptions(language="en", fixed_timestamp=FIXED))
    v = views[ind]
    tables = [v.table, *(t for _d, _l, t, _c in v.disaggregations)]
    marks = sum(cell.count("†") for t in tables for row_ in t.rows for cell in row_)
    title = v.info.title.shown()
    (count,) = [
        f.params["count"]
        for f in validation.findings
        if f.code == "report.caution_estimates" and f.params.get("indicator") == title
    ]
    assert count == marks > 0
