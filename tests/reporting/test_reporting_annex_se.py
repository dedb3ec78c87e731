"""Issue 20: the ‡ footnote ("no interval for this count") sent readers to "the results file"
for the count's standard error — the coded workbook, not the publishable annex, which had a
value, its flag, its interval and n but no standard error. The labelled annex now gives each
published value its standard error (a number, formatted as its value; blank where nothing is
published, so a withheld value does not leak through its error), and the footnote names the
annex file and sheet that hold it, in the report's language. What it promises is checked
against the annex itself."""

from __future__ import annotations

import html
import math
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from docx import Document
from reporting_fixture import make_results
from reporting_testkit import sentinel_results, sheets_by_id
from test_reporting_pdf import page_texts

from workbench.export_writer import AuditList, read_csv_text
from workbench.reporting import ReportOptions
from workbench.reporting.annex import export_annex
from workbench.reporting.annex_tables import annex_tables
from workbench.reporting.context import build_context
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_text import make_styles
from workbench.reporting.typography import typeset
from workbench.reporting.views import build_views
from workbench.stats.results import ALL_DISPLACED

LANGS = ["en", "fr", "es", "ar"]
#: the raw standard error given to every suppressed row: found nowhere in the annex
SE_SENTINEL = 0.0777777


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(text).replace("\u00a0", " ")).strip()


def _rounded(se: float, statistic: str) -> float | int:
    if statistic == "proportion":
        return round(100 * se, 1)
    return round(se) if statistic in ("total", "money") else round(se, 2)


def _leaky_results():
    """The sentinel fixture, every suppressed row of estimates, stock and solutions carrying a
    distinctive standard error (7.8 as a share in %)."""
    r = sentinel_results()
    for frame, cols in ((r.estimates, ["se"]), (r.stock, ["se"]), (r.solutions, ["se"])):
        sup = frame["flag"] == "suppressed"
        assert sup.any()
        frame.loc[sup, cols] = SE_SENTINEL
    return r


@pytest.mark.slow
def test_annex_gives_each_published_value_its_standard_error(tmp_path) -> None:
    """Indicators by group: after each group's value and flag its standard error, a number in
    the value's unit and format; blank beside * and –. The stock sheets and the solutions
    measure too; no suppressed value's error anywhere."""
    r = _leaky_results()
    path = tmp_path / "annex.xlsx"
    export_annex(r, path, ReportOptions(), audit=AuditList())
    wb = openpyxl.load_workbook(path)
    ids = sheets_by_id(wb)
    ws = wb[ids["indicators_by_group"]]
    rows = [list(x) for x in ws.iter_rows(values_only=True)]
    header, body = rows[2], rows[3:]
    assert "standard error" in rows[1][0]  # the notes say what the column holds
    pub = r.publishable().estimates
    tot = pub[pub["disaggregation"] == "total"].set_index(["indicator_id", "group"])
    groups = {"IDPs in camps": "1", "IDPs outside camps": "2", "Returnees": "3"}
    groups["Host community"] = "4"
    seen = 0
    for label, code in groups.items():
        col = header.index(f"{label}: standard error")
        assert header[col - 2 : col] == [label, f"{label}: flag"]
        for i, row in enumerate(body):
            flag, se = row[col - 1], row[col]
            if flag in ("*", "–"):
                assert se is None, (label, row[-1])
                continue
            e = tot.loc[(row[-1], code)]
            assert isinstance(se, int | float) and se == _rounded(e["se"], e["statistic"])
            value_format = ws.cell(4 + i, col - 1).number_format
            assert ws.cell(4 + i, col + 1).number_format == value_format
            seen += 1
    assert seen > 40
    # the stock sheets and the solutions measure: a standard error beside each published value
    for key, sheet in ids.items():
        if key == "legend":  # the marks' meanings: no value
            continue
        ws = wb[sheet]
        rows = [list(x) for x in ws.iter_rows(values_only=True)]
        header = [str(h) for h in rows[2]]
        se_cols = [j for j, h in enumerate(header) if h.endswith(": standard error")]
        assert se_cols, key
        for row in rows[3:]:
            for j in se_cols:
                value = header.index(header[j].removesuffix(": standard error"))
                published = row[value] is not None  # (a bound's column may stand between)
                assert (row[j] is not None) == published, (key, row)
                if published:
                    assert isinstance(row[j], int | float) and row[j] > 0
    # a withheld share's error (the breakdowns' ~700 published cells hold 7.8 by chance; their
    # withheld rows are blank, above)
    long = {ids["breakdowns"], ids["comparisons"]}
    values = [v for ws in wb if ws.title not in long for row in ws.iter_rows(values_only=True)
              for v in row]  # fmt: skip
    assert 7.8 not in values
    values = [v for ws in wb for row in ws.iter_rows(values_only=True) for v in row]
    assert not any(isinstance(v, float) and math.isclose(v, SE_SENTINEL) for v in values)


def test_annex_csv_gives_the_standard_error_as_a_number(tmp_path) -> None:
    files = export_annex(make_results(), tmp_path / "csv", {"language": "fr"}, audit=AuditList())
    path = next(p for p in files if p.name == "annex-indicators_by_group.csv")
    rows = read_csv_text(path.read_bytes())
    header = rows[0]
    col = header.index("PDI dans les camps\u00a0: erreur type")
    values = [row[col] for row in rows[1:] if row[col]]
    assert values and all(float(v) > 0 for v in values)
    assert all(row[col] == "" for row in rows[1:] if row[col - 1] in ("*", "–"))
    semi = next(p for p in files if p.name == "annex-indicators_by_group.semicolon.csv")
    rows = read_csv_text(semi.read_bytes(), delimiter=";")
    assert any("," in row[col] for row in rows[1:])  # a decimal comma


def _with_total_without_interval(r):
    """``r`` with the IDPs in camps' share of female-headed households published without an
    interval, as the engine publishes a count it flags (``no_interval``, ‡)."""
    est = r.estimates
    est["no_interval"] = ""
    hit = (
        (est["indicator_id"] == "female_head")
        & (est["group"] == "1")
        & (est["disaggregation"] == "total")
    )
    est.loc[hit, ["ci_low", "ci_high"]] = float("nan")
    est.loc[hit, ["flag", "no_interval"]] = ["caution", "unreliable"]
    return r


def _story_text(r, opts: ReportOptions, ind_id: str) -> str:
    ctx = build_context(r, opts)
    pub = r.publishable()
    b = Builder(ctx, opts, make_styles(opts.language), 480.0, pub)
    view = build_views(pub, ctx)[ind_id]
    from test_reporting_tables_act import texts

    return _flat(" ".join(texts(b.indicator(view))))


@pytest.mark.parametrize("lang", LANGS)
def test_the_footnote_names_the_annex_sheet_that_holds_the_standard_error(lang, tmp_path) -> None:
    """An indicator's ‡ count: its footnote names the annex workbook and the sheet, in the
    report's language; that sheet's row of the indicator has the count's standard error (and
    no interval). A CSV annex is named by its file; no annex, by the table's title."""
    r = _with_total_without_interval(make_results())
    tr = Translator(lang)
    book = tmp_path / "freedonia-annex.xlsx"
    opts = ReportOptions(language=lang, annex_paths=(book, tmp_path / "csv"))
    text = _story_text(r, opts, "female_head")
    sheet = tr("sheet_indicators")
    where = _flat(tr("annex_where_sheet", file=book.name, sheet=sheet))
    assert _flat(tr("fn_no_interval", where=where)) in text
    assert "results file" not in text
    export_annex(r, book, opts, audit=AuditList())
    wb = openpyxl.load_workbook(book)
    assert sheet in wb.sheetnames
    rows = [list(x) for x in wb[sheet].iter_rows(values_only=True)]
    header = rows[2]
    camps = build_context(r, opts).displaced[0].label.shown()
    col = header.index(tr("annex_column_of", label=camps, column=tr("col_se")))
    row = next(x for x in rows[3:] if x[-1] == "female_head")
    e = r.estimates
    e = e[(e["indicator_id"] == "female_head") & (e["group"] == "1")]
    e = e[e["disaggregation"] == "total"].iloc[0]
    assert row[col] == round(100 * e["se"], 1) and row[col] > 0  # the promised error
    assert row[col + 1] is None and row[col + 2] is None  # and no interval, as the report
    csv_only = ReportOptions(language=lang, annex_paths=(tmp_path / "tables",))
    assert "tables/annex-indicators_by_group.csv" in _story_text(r, csv_only, "female_head")
    none = _story_text(r, ReportOptions(language=lang), "female_head")
    assert _flat(tr("annex_where_table", title=tr("annex_indicators"))) in none


def _pooled_without_interval() -> pd.DataFrame:
    st = make_results().stock
    return st[(st["group"] == ALL_DISPLACED) & (st["no_interval"] != "")]


@pytest.mark.slow
def test_stock_footnotes_send_readers_to_a_sheet_that_has_the_standard_error(en_report) -> None:
    """The session's English report, written with its annex (en.xlsx): each stock table that
    shows ‡ says, under it, which sheet of en.xlsx gives the standard errors — and on that
    sheet each ‡ count's row (All displaced, its level) has its standard error, a number, and
    no interval. The Word report says the same."""
    book = Path(en_report).with_name("en.xlsx")
    wb = openpyxl.load_workbook(book)
    ids = sheets_by_id(wb)
    text = _flat(" ".join(page_texts(en_report)))
    word = _flat(" ".join(p.text for p in Document(str(en_report.with_suffix(".docx"))).paragraphs))
    ctx = build_context(make_results(), ReportOptions(language="en"))
    tr = Translator("en")
    pooled = _pooled_without_interval()
    assert len(pooled) >= 1  # one since c47188a: a count marked † is withheld, most ‡ with it
    for tid, cells in pooled.groupby("table"):
        sheet = ids[f"stock_{tid}"]
        note = _flat(tr("annex_where_sheet", file="en.xlsx", sheet=sheet))
        assert f"its standard error is in the annex tables: {note}." in text, sheet
        assert f"its standard error is in the annex tables: {note}." in word, sheet
        rows = [list(x) for x in wb[sheet].iter_rows(values_only=True)]
        header = [str(h) for h in rows[2]]
        for c in cells.itertuples(index=False):
            # the annex prints its labels in the report's typography ("0-17" as "0–17")
            row_label = typeset(ctx.level(str(c.row_var), str(c.row_value)).shown(), "en")
            row = next(x for x in rows[3:] if x[:2] == [tr("all_displaced"), row_label])
            col_label = ctx.level(str(c.col_var), str(c.col_value)).shown() if c.col_var else ""
            head = typeset(f"{col_label or header[2]}: standard error", "en")
            # a column of origin says so ("origin: Origin A: standard error")
            col = next(j for j, h in enumerate(header) if h == head or h.endswith(f": {head}"))
            assert row[col] == round(c.se) and row[col] > 0, (sheet, row_label, col_label)
            assert str(row[col - 1]).endswith("‡")  # its flag says ‡, as the report
            assert row[col + 1] is None and row[col + 2] is None  # no interval, as the report
    assert "results file" not in text and "results file" not in word


@pytest.mark.slow
def test_a_report_without_an_annex_names_the_table(fr_report) -> None:
    """The French session report is written without an annex: its ‡ footnote names the annex
    table by its title, in French."""
    text = _flat(" ".join(page_texts(fr_report)))
    assert "son erreur type figure dans les tableaux annexes : le tableau «" in text
    assert "fichier des résultats" not in text


def test_the_idps_alone_count_without_an_interval_has_its_standard_error_in_the_annex() -> None:
    """The stock table's "IDPs alone" row is in the annex sheet's notes: when the engine gives it
    no interval (‡, whose footnote sends readers to that sheet), the note gives its standard
    error instead; with an interval, the note is as before."""
    from test_reporting_stock_idps import _results

    r, alone = _results()
    alone["sex_by_age"].update(ci_low=None, ci_high=None, no_interval="unreliable")
    alone["sex_by_age"]["se"] = 12_345.4
    r.meta = {**r.meta, "stock_idps": alone}
    for lang, words in (("en", "standard error 12,345"), ("fr", "erreur type 12 345")):
        ctx = build_context(r, ReportOptions(language=lang))
        tables = {t.id: t for t in annex_tables(r, ctx)}
        assert words in _flat(tables["stock_sex_by_age"].notes), lang
        other = _flat(tables["stock_location_by_origin"].notes)
        assert "12 345" not in other and "12,345" not in other
