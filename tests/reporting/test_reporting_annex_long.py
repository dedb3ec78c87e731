"""The annex's breakdowns and comparisons (en_B 7): the annex held totals per group only, and an
analyst retyped about 50 breakdown tables from the PDF or found them in the coded results file
(groups "1"–"4", "worse"). Two labelled long tables hold exactly the cells the report prints:
a withheld one is there with its "*" and nothing that would give it away."""

from __future__ import annotations

import pytest
from reporting_fixture import make_results

from workbench.export_writer import AuditList, read_csv_text
from workbench.reporting import ReportOptions
from workbench.reporting.annex import export_annex
from workbench.reporting.context import build_context
from workbench.reporting.fmt import fmt_diff, fmt_value
from workbench.reporting.i18n import Translator
from workbench.reporting.typography import typeset
from workbench.reporting.views import build_views
from workbench.stats.results import GROUP_TOTAL


def _read(folder, name):
    rows = read_csv_text((folder / f"annex-{name}.csv").read_bytes())
    return rows[0], rows[1:]


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_breakdowns_hold_the_reports_cells_and_no_withheld_value(tmp_path, lang):
    r = make_results()
    folder = tmp_path / "csv"
    export_annex(r, folder, {"language": lang}, audit=AuditList())
    tr = Translator(lang)
    ctx = build_context(r, ReportOptions(language=lang))
    views = build_views(r.publishable(), ctx)
    header, rows = _read(folder, "breakdowns")
    assert header[:6] == [tr("criterion"), tr("col_indicator"), tr("col_breakdown"),
                          tr("col_level"), tr("col_group"), tr("col_unit_of_value")]  # fmt: skip
    at = {(x[-1], x[2], x[3], x[4]): x for x in rows}  # indicator, breakdown, level, group
    cells = withheld = 0
    for ind, view in views.items():
        stat = view.info.shown_as
        for _dis, label, table, _chart in view.disaggregations:
            for row in table.rows:
                for group, text in zip(table.header[1:], row[1:], strict=True):
                    if not text:
                        continue
                    key = (ind, *(typeset(x, lang) for x in (label, row[0], group)))
                    annex = at[key]  # the annex in the report's typography ("0–17")
                    value, flag, se, low, high, _n = annex[6:12]
                    cells += 1
                    if text.startswith("*"):  # withheld in the report: absent in the annex
                        withheld += 1
                        assert flag == "*" and value == se == low == high == "", annex
                    elif text.startswith("–"):
                        assert flag == "–" and value == "", annex
                    else:  # the report's number, the same
                        x = float(value) / (100 if stat == "proportion" else 1)
                        number = fmt_value(x, stat, lang, currency=ctx.currency)
                        assert text.rstrip("†\u202f") == number, (text, value)
    assert len(rows) == cells and withheld > 10
    # nothing of a value the engine withheld survives: every suppressed estimate is blank
    est = r.estimates
    hidden = est[(est["disaggregation"] != GROUP_TOTAL) & (est["flag"] == "suppressed")]
    for h in hidden.to_dict("records"):
        level = ctx.level(
            str(h["disaggregation"]), str(h["disaggregation_value"]), h["indicator_id"]
        )
        group = ctx.group(str(h["group"])).label.shown()
        label = ctx.breakdown(str(h["disaggregation"]), ctx.indicators[h["indicator_id"]].unit,
                              ctx.indicators[h["indicator_id"]].counts)  # fmt: skip
        key = (h["indicator_id"], *(typeset(x, lang) for x in (label, level.shown(), group)))
        annex = at.get(key)
        if annex is not None:
            assert annex[6] == annex[8] == annex[9] == annex[10] == annex[11] == "", annex


@pytest.mark.slow
def test_comparisons_hold_the_reports_differences_in_words_and_numbers(tmp_path):
    r = make_results()
    folder = tmp_path / "csv"
    export_annex(r, folder, {"language": "en"}, audit=AuditList())
    tr = Translator("en")
    ctx = build_context(r, ReportOptions(language="en"))
    views = build_views(r.publishable(), ctx)
    header, rows = _read(folder, "comparisons")
    assert "p raw" in header and "p adjusted" in header and "Assessment" in header
    at = {(x[-1], x[2]): x for x in rows}
    assessed = header.index("Assessment")
    compared = withheld = 0
    for ind, view in views.items():
        table = view.table
        if not table.compared:
            assert not any(k[0] == ind for k in at)  # the report compares nothing here
            continue
        d, a = (
            table.header.index(tr("col_difference", comparator=ctx.comparator.label.shown())),
            table.header.index(tr("col_assessment")),
        )
        for row in table.rows:
            annex = at.get((ind, row[0]))
            if row[0].endswith(f"({tr('comparator_tag')})"):
                continue
            compared += 1
            assert annex is not None, (ind, row[0])
            assert annex[assessed] == row[a]  # the assessment in the report's words
            if row[d].startswith("*") or row[d] == tr("diff_not_computed"):
                withheld += 1
                # the difference, its SE, intervals (95% and the 90% one) and p-values: blank
                assert {annex[i] for i in range(5, assessed) if i != 6} == {""}
                assert annex[6] == "*"
            elif annex[5]:
                stat = view.info.shown_as
                x = float(annex[5]) / (100 if stat == "proportion" else 1)
                shown = fmt_diff(x, stat, "en", tr("unit_pp"), currency=ctx.currency)
                assert row[d].rstrip("†\u202f") == shown, (row[d], shown)
    assert len(rows) == compared and compared > 20
    # a p-value below 0.001 ("< 0.001" in the report) is never "0"; no difference is "-0.0"
    assert all(float(x[j]) > 0 for x in rows for j in (10, 11) if x[j])
    assert not any(x[5] in ("-0.0", "-0") for x in rows)
    # a value the engine withheld leaves no trace
    cmp_ = r.comparisons
    for h in cmp_[(cmp_["flag"] == "suppressed") & (cmp_["disaggregation"] == GROUP_TOTAL)].to_dict(
        "records"
    ):
        annex = at.get((h["indicator_id"], ctx.group(str(h["group"])).label.shown()))
        if annex is not None:
            assert annex[5] == annex[7] == annex[8] == annex[9] == annex[10] == ""
            assert annex[6] == "*"
    assert withheld > 0  # the fixture withholds some differences
