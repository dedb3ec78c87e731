"""NSO annex tables: XLSX layout, CSV + HXL, suppression symbol, same gate as the PDF."""

from __future__ import annotations

import csv
import dataclasses

import openpyxl
import pytest
from reporting_fixture import make_results
from reporting_testkit import sentinel_results

from workbench.errors import ReportError
from workbench.export_writer import AuditList
from workbench.reporting import ReportOptions
from workbench.reporting.annex import export_annex


@pytest.mark.slow
def test_xlsx_has_title_notes_header_and_symbols(tmp_path):
    path = export_annex(
        sentinel_results(), tmp_path / "annex.xlsx", ReportOptions(), audit=AuditList()
    )[0]
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "indicators_by_group"
    assert {
        "stock_sex_by_age",
        "stock_location_by_origin",
        "stock_cause_by_year",
        "stock_location_type",
        "solutions",
    } <= set(wb.sheetnames)
    ws = wb["indicators_by_group"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "Indicators by population group"
    assert rows[1][0].startswith("* Not published")
    assert rows[2][3:] == ("IDPs in camps", "IDPs outside camps", "Returnees", "Host community")
    body = rows[3:]
    assert len(body) == 20
    est = make_results().estimates
    tot = est[(est["disaggregation"] == "total") & (est["group"] == "1")].set_index("indicator_id")
    for r in body:
        e = tot.loc[r[1]]
        if e["flag"] == "":
            expected = (
                round(100 * e["estimate"], 1)
                if e["statistic"] == "proportion"
                else round(e["estimate"], 2)
            )
            assert r[3] == expected
    values = [v for ws in wb for row in ws.iter_rows(values_only=True) for v in row]
    assert "*" in values
    assert not any(isinstance(v, float) and v > 7000 for v in values)  # sentinel 7777.8%
    assert not any(isinstance(v, str) and "7777" in v for v in values)


@pytest.mark.slow
def test_csv_files_with_hxl_row(tmp_path):
    files = export_annex(
        make_results(),
        tmp_path / "csv",
        {"hxl": True, "language": "fr"},
        audit=AuditList(),
    )
    names = {p.name for p in files}
    assert (
        "annex-indicators_by_group.csv" in names and "annex-stock_location_by_origin.csv" in names
    )
    with (tmp_path / "csv" / "annex-stock_location_by_origin.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == "Groupe de population"
    assert rows[1][:2] == ["#affected+idps+group", "#adm1+name"]
    assert all(tag.startswith("#") for tag in rows[1])
    assert any(c == "*" for r in rows[2:] for c in r)


@pytest.mark.slow
def test_annex_refuses_when_the_gate_fails(tmp_path):
    r = make_results()
    r.snapshot = dataclasses.replace(r.snapshot, plan_hash="")
    with pytest.raises(ReportError):
        export_annex(r, tmp_path / "a.xlsx", audit=AuditList())
    assert not (tmp_path / "a.xlsx").exists()
    with pytest.raises(ReportError, match="not supported"):
        export_annex(make_results(), tmp_path / "a.ods", audit=AuditList())
