"""NSO annex tables: numbers as numbers with a flag column, labels in the report's language,
CSV with commas and with semicolons + decimal commas, HXL, the same gate as the PDF."""

from __future__ import annotations

import csv
import dataclasses
import re

import openpyxl
import pytest
from reporting_fixture import make_results
from reporting_testkit import sentinel_results, sheets_by_id, with_host_outside_by_definition

from workbench.errors import ReportError
from workbench.export_writer import AuditList, read_csv_text
from workbench.reporting import ReportOptions
from workbench.reporting.annex import export_annex

FLAGS = {"", "*", "†", "–", "‡", "†‡"}  # ‡: a count without an interval, as the report marks it


def _value_flag_pairs(header: tuple | list, rows: list) -> list[tuple[object, object]]:
    """(value, flag) of every value column (a column followed by its ': flag' column)."""
    out = []
    for j, h in enumerate(header[:-1]):
        if str(header[j + 1]).endswith(("flag", "symbole")) and not str(h).endswith("flag"):
            out += [(r[j], r[j + 1]) for r in rows]
    return out


@pytest.mark.slow
def test_xlsx_values_are_numbers_with_a_flag_column(tmp_path):
    path = export_annex(
        sentinel_results(), tmp_path / "annex.xlsx", ReportOptions(), audit=AuditList()
    )[0]
    wb = openpyxl.load_workbook(path)
    sheets = sheets_by_id(wb)
    assert wb.sheetnames[0] == sheets["indicators_by_group"]
    assert {
        "stock_sex_by_age",
        "stock_location_by_origin",
        "stock_cause_by_year",
        "stock_location_type",
        "solutions",
    } <= set(sheets)
    ws = wb[sheets["indicators_by_group"]]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "Indicators by population group"
    assert rows[1][0].startswith("The flags' meanings: see the sheet “Symbols”.")
    legend = {r[0]: r[1] for r in wb[sheets["legend"]].iter_rows(min_row=4, values_only=True)}
    assert legend["*"].startswith("Not published") and "†" in legend
    assert rows[2][5:13] == ("IDPs in camps", "IDPs in camps: flag",
                             "IDPs in camps: standard error", "IDPs in camps: 95% CI low",
                             "IDPs in camps: 95% CI high", "IDPs in camps: n",
                             "IDPs outside camps", "IDPs outside camps: flag")  # fmt: skip
    body = rows[3:]
    assert len(body) == 20
    est = make_results().estimates
    tot = est[(est["disaggregation"] == "total") & (est["group"] == "1")].set_index("indicator_id")
    for r in body:
        e = tot.loc[r[-1]]  # the indicator id, last column
        if e["flag"] in ("", "caution"):
            expected = (
                round(100 * e["estimate"], 1)
                if e["statistic"] == "proportion"
                else round(e["estimate"], 2)
            )
            assert r[5] == expected  # a number, even when flagged for caution
        assert (r[6] or "") == {"": "", "caution": "†", "suppressed": "*"}[e["flag"]]
    for sheet in wb:
        if sheet.title == sheets["legend"]:  # the marks' meanings: no value
            continue
        rows = list(sheet.iter_rows(values_only=True))
        pairs = _value_flag_pairs(rows[2], rows[3:])
        assert pairs, sheet.title
        for v, flag in pairs:
            assert v is None or isinstance(v, int | float), (sheet.title, v)  # never "41.2†"
            assert (flag or "") in FLAGS, (sheet.title, flag)
            if (flag or "") in {"*", "–"}:
                assert v is None  # nothing published behind a * or a –
            if flag == "†":
                assert isinstance(v, int | float)  # a caution value is still a number
    values = [v for ws in wb for row in ws.iter_rows(values_only=True) for v in row]
    assert "*" in values and "†" in values
    assert not any(isinstance(v, float) and v > 7000 for v in values)  # sentinel 7777.8%
    assert not any(isinstance(v, str) and "7777" in v for v in values)


@pytest.mark.slow
def test_french_annex_speaks_french_and_splits_in_a_french_spreadsheet(tmp_path):
    files = export_annex(
        make_results(),
        tmp_path / "csv",
        {"hxl": True, "language": "fr"},
        audit=AuditList(),
    )
    names = {p.name for p in files}
    assert {"annex-indicators_by_group.csv", "annex-stock_location_by_origin.csv",
            "annex-solutions.csv", "annex-solutions.semicolon.csv"} <= names  # fmt: skip
    with (tmp_path / "csv" / "annex-stock_location_by_origin.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == "Groupe de population"
    hxl = read_csv_text((tmp_path / "csv" / "annex-stock_location_by_origin.hxl.csv").read_bytes())
    assert hxl[0] == rows[0] and hxl[2:] == rows[1:]  # the HXL copy: its hashtags under the header
    assert hxl[1][:2] == ["#affected+group", "#adm1+name"]
    assert all(tag.startswith("#") for tag in hxl[1])
    rows = [rows[0], hxl[1], *rows[1:]]  # as the file was: header, hashtags, data
    assert any(c == "*" for r in rows[2:] for c in r)
    # one Total row per group (each origin over every district, then the group's total) and
    # a Total column (each district over every origin): the table's margins, each a number or
    # its flag (French: "Total" too)
    total = [r for r in rows[2:] if r[1] == "Total"]
    assert len(total) == 4 and rows[0][-6] == "Total"  # value, flag, SE, CI low, CI high, n
    for r in rows[2:]:
        values = list(zip(r[2::6], r[3::6], strict=True))
        assert all((v != "") != (f in ("*", "–")) for v, f in values), r
        assert r[-6] != "" and float(r[-6]) > 0  # every row has its margin (or the total)
    assert all(float(v) > 0 for r in total for v in r[2::6])
    # the solutions sheet: labels, not the engine's codes; headers in French
    sol = read_csv_text((tmp_path / "csv" / "annex-solutions.csv").read_bytes())
    cells = {c for r in sol[1:] for c in r[:4]}
    assert not cells & {"all_displaced", "total", "iris_layered", "district", "sex"}
    assert "Ensemble des déplacés" in cells and "Total" in cells
    assert sol[0][2:4] == ["Ventilation", "Catégorie"]
    # the semicolon copy: same table, decimal commas, every row as wide as its header
    semi = read_csv_text(
        (tmp_path / "csv" / "annex-indicators_by_group.semicolon.csv").read_bytes(), ";"
    )
    comma = read_csv_text((tmp_path / "csv" / "annex-indicators_by_group.csv").read_bytes())
    assert len(semi) == len(comma) and all(len(r) == len(semi[0]) for r in semi)
    number = re.compile(r"^-?\d+(,\d+)?$")
    decimals = [c for r in semi[1:] for c in r if number.match(c) and "," in c]
    assert decimals
    for a, b in zip(semi[1:], comma[1:], strict=True):
        assert [x.replace(",", ".") if number.match(x) else x for x in a] == b


@pytest.mark.slow
def test_annex_refuses_when_the_gate_fails(tmp_path):
    r = make_results()
    r.snapshot = dataclasses.replace(r.snapshot, plan_hash="")
    with pytest.raises(ReportError):
        export_annex(r, tmp_path / "a.xlsx", audit=AuditList())
    assert not (tmp_path / "a.xlsx").exists()
    with pytest.raises(ReportError, match="not supported"):
        export_annex(make_results(), tmp_path / "a.ods", audit=AuditList())


def test_annex_total_rows_are_bold(en_report):
    """Read back with openpyxl: every row of a stock or solutions sheet labelled 'Total' is bold
    in its label and its numbers (the PDF prints its totals in bold); other data rows are not."""
    wb = openpyxl.load_workbook(en_report.with_suffix(".xlsx"))
    ids = {sheet: key for key, sheet in sheets_by_id(wb).items()}
    seen = 0
    for ws in wb:
        key = ids[ws.title]
        col = {"solutions": 3}.get(key, 2) if key != "indicators_by_group" else 0
        if not col:
            continue
        first = 4  # title, notes, header (the HXL tags the fixture asks for are CSV files)
        for row in ws.iter_rows(min_row=first):
            label = row[col - 1].value
            is_total = label == "Total"
            seen += is_total
            for cell in row:
                if cell.value is not None:
                    assert bool(cell.font.b) == is_total, (ws.title, cell.coordinate, label)
    assert seen >= 10


def _host_outside_by_definition():
    """The fixture's results with "property restituted" outside the host community's universe
    by definition (the engine's ``not_compared_reason``), the host estimate still a number."""
    r = make_results()
    with_host_outside_by_definition(r)
    est = r.estimates
    host = (est["indicator_id"] == "hlp_restituted") & (est["group"] == "4")
    assert est.loc[host, "estimate"].notna().all() and host.any()
    return r


def test_annex_and_results_leave_a_comparator_outside_the_universe_not_applicable(tmp_path):
    """Issue 20: the annex showed the host community's "0.0" (no flag) on indicators about
    displaced people only, which the report leaves out: it is "Not applicable" (en_B 4: a group
    outside the indicator's population, as the report's rows say; it was "–", "no case in this
    group") in the annex, the CSV, and empty in the publishable results workbook."""
    from workbench.reporting.annex_tables import annex_tables
    from workbench.reporting.context import build_context
    from workbench.stats.export import results_files

    r = _host_outside_by_definition()
    ctx = build_context(r.publishable(), ReportOptions(language="en"))
    table = annex_tables(r, ctx)[0]
    row = next(x for x in table.rows if x[-1] == "hlp_restituted")
    host = table.header.index("Host community")
    assert row[host : host + 2] == [None, "Not applicable"]
    camps = table.header.index("IDPs in camps")
    assert isinstance(row[camps], float) and row[camps + 1] == ""  # the displaced stay
    other = next(x for x in table.rows if x[-1] == "secure_tenure")
    assert isinstance(other[host], float)  # a comparable indicator keeps its host value
    wb_file = results_files(r, tmp_path / "results.xlsx")[0]
    path = tmp_path / "results.xlsx"
    path.write_bytes(wb_file.data)
    rows = list(openpyxl.load_workbook(path)["estimates"].iter_rows(values_only=True))
    col = {h: i for i, h in enumerate(rows[0])}
    hosts = [
        x for x in rows[1:] if x[col["indicator_id"]] == "hlp_restituted" and x[col["group"]] == "4"
    ]
    assert hosts and all(x[col["estimate"]] is None for x in hosts)
    assert all(x[col["suppression"]] == "empty" for x in hosts)
