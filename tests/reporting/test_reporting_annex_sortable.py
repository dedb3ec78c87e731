"""Annex figures a reader can sort and read (issue 20, rd16 annex lines): the solutions sheet's
bounds in a numeric column of their own, p-values shown as the report prints them, sheet names
a reader can type, the legend on its own sheet, the results file's meta in the user's
language. Each test reads the written files back (openpyxl, the CSV reader)."""

from __future__ import annotations

import openpyxl
import pytest
from reporting_testkit import sheets_by_id
from test_reporting_annex_languages import _bounded

from workbench.export_writer import AuditList, read_csv_text
from workbench.reporting import ReportOptions
from workbench.reporting.annex import export_annex
from workbench.reporting.i18n import Translator
from workbench.stats.export import results_files

pytestmark = pytest.mark.slow
LANGS = ("en", "fr", "ar")


@pytest.fixture(scope="module")
def bounded():
    return _bounded()


def _book(results, tmp_path, lang):
    path = tmp_path / f"annex-{lang}.xlsx"
    export_annex(results, path, ReportOptions(language=lang), audit=AuditList())
    return openpyxl.load_workbook(path)


@pytest.mark.parametrize("lang", LANGS)
def test_solutions_bounds_are_numbers_in_their_own_column(bounded, tmp_path, lang):
    """The share column was empty for every displaced group and the bound "< 0.5" sat as text
    in the "Share (%): flag" column: a reader sorting or filtering the shares lost them. The
    bound is a number in "Share (%): upper bound" (formatted as the shares), the flag column
    holds the mark alone ("<"), and the legend sheet says what it means — in the workbook and
    in both CSVs."""
    tr = Translator(lang)
    mark = tr("value_below", value="").strip()
    wb = _book(bounded, tmp_path, lang)
    ws = wb[sheets_by_id(wb)["solutions"]]
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    header = list(rows[0])
    flag_col = header.index(tr("annex_flag_of", label=tr("col_share") + " (%)").strip())
    bound_col = header.index(
        tr("annex_column_of", label=tr("col_share") + " (%)", column=tr("col_upper_bound"))
    )
    bounded_rows = [r for r in rows[1:] if str(r[flag_col] or "").startswith(mark)]
    assert bounded_rows, rows[:4]
    for r in bounded_rows:
        assert r[flag_col] in (mark, f"{mark}†"), r  # the mark alone, no number
        assert isinstance(r[bound_col], float) and r[bound_col] == 0.5, r
    others = [r for r in rows[1:] if r not in bounded_rows]
    assert all(r[bound_col] is None for r in others)
    cell = next(c for c in ws.iter_rows(min_row=4) if c[flag_col].value == mark)[bound_col]
    assert cell.number_format == "#,##0.0"
    assert not any(tr("value_below", value="0") in str(v) for r in rows for v in r)
    legend = {r[0]: r[1] for r in wb[sheets_by_id(wb)["legend"]].iter_rows(values_only=True)}
    assert header[bound_col] in legend[mark], legend
    # the CSVs: the same column, a number in each flavour
    folder = tmp_path / f"csv-{lang}"
    export_annex(bounded, folder, ReportOptions(language=lang), audit=AuditList())
    for name, sep, shown in (("annex-solutions.csv", ",", "0.5"),
                             ("annex-solutions.semicolon.csv", ";", "0,5")):  # fmt: skip
        table = read_csv_text((folder / name).read_bytes(), sep)
        marked = [r for r in table[1:] if r[flag_col].startswith(mark)]
        assert marked and all(r[bound_col] == shown for r in marked), (name, marked[:2])


@pytest.mark.parametrize("lang", LANGS)
def test_p_values_show_as_the_report_prints_them(bounded, tmp_path, lang):
    """The Comparisons sheet showed "1.2E-15" and "0.8188" where the report prints "< 0.001"
    and "0.819": p-values are numbers rounded to the report's three decimals, and those below
    0.001 carry a conditional format that shows the report's "< 0.001"."""
    from workbench.reporting.fmt import fmt_p

    wb = _book(bounded, tmp_path, lang)
    ws = wb[sheets_by_id(wb)["comparisons"]]
    tr = Translator(lang)
    header = [c.value for c in ws[3]]
    cols = [header.index(tr(k)) for k in ("col_p_unadjusted", "col_p_adjusted")]
    cells = [row[c] for row in ws.iter_rows(min_row=4) for c in cols]
    numbers = [c for c in cells if isinstance(c.value, float)]
    assert numbers
    for c in numbers:
        assert c.number_format == f'[<0.001]"{fmt_p(0.0, lang)}";0.000', c.number_format
        assert c.value < 0.001 or c.value == round(c.value, 3), c.value
    notes = ws["A2"].value
    assert tr("annex_p_values") in notes


@pytest.mark.parametrize("lang", LANGS)
def test_the_legend_has_its_own_sheet(bounded, tmp_path, lang):
    """Row 2 of every sheet held the whole legend (~1,500 characters) in one cell: the legend
    is the sheet "Symbols" (one mark a row: mark, meaning; defined name ``legend``) and each
    sheet's row 2 sends to it in one line beside its own notes."""
    tr = Translator(lang)
    wb = _book(bounded, tmp_path, lang)
    ids = sheets_by_id(wb)
    assert wb.sheetnames[-1] == ids["legend"] == tr("annex_legend_sheet")
    legend = list(wb[ids["legend"]].iter_rows(values_only=True))
    assert legend[2] == (tr("col_symbol"), tr("col_meaning"))  # row 3, as every sheet's header
    marks = [r[0] for r in legend[3:]]
    assert {"*", "(*)", "†", "‡", "–"} <= set(marks) and len(marks) == len(set(marks))
    see = tr("annex_see_legend_sheet", sheet=ids["legend"])
    for key, name in ids.items():
        if key == "legend":
            continue
        notes = str(wb[name]["A2"].value)
        assert see.replace("\u202f", "\u00a0") in notes.replace("\u202f", "\u00a0"), key
        assert tr("fn_empty") not in notes and len(notes) < 900, (key, len(notes))


@pytest.mark.parametrize("lang", LANGS)
def test_stock_sheet_names_can_be_typed(bounded, tmp_path, lang):
    """The sheet "Stock 5–Location × Urban∕rural": its division slash (U+2215) could not be
    typed to find the sheet. A "/" of the report's words is a hyphen, and the report's notes
    name the sheet as the workbook does."""
    from workbench.reporting.annex_tables import _stock_sheet

    dims = {"en": ["Location type", "Urban / rural"], "fr": ["Type de lieu", "Urbain / rural"],
            "ar": ["نوع المكان", "حضري / ريفي"]}[lang]  # fmt: skip
    tr = Translator(lang)
    name = _stock_sheet(tr, 5, dims)
    area = tr("phrase:Urban / rural").split(" (")[0]  # the report's noun: "area (urban / rural)"
    assert "\u2215" not in name and "/" not in name, name
    assert name.endswith(" × " + area[:1].upper() + area[1:]), name
    wb = _book(bounded, tmp_path, lang)
    assert not [n for n in wb.sheetnames if "\u2215" in n], wb.sheetnames


@pytest.mark.parametrize("lang", LANGS)
def test_results_meta_copy_is_in_the_users_language(bounded, tmp_path, lang):
    """results.xlsx's meta "copy" read "publishable: suppressed values removed (flag =
    suppressed)" in the French and Arabic files: its identifier stays ("publishable", what
    scripts test), what it means is in the user's language."""
    from workbench.messages import render

    files = results_files(bounded.publishable(), tmp_path / "r.xlsx", language=lang)
    path = tmp_path / "r.xlsx"
    path.write_bytes(files[0].data)
    meta = {r[0]: r[1] for r in openpyxl.load_workbook(path)["meta"].iter_rows(values_only=True)}
    assert meta["copy"].startswith("publishable: ")
    assert meta["copy"].endswith(render("stats.results_copy_publishable", {}, lang))
    if lang != "en":
        assert "suppressed values removed" not in meta["copy"]
        # rd18 fr L.103: "(flag = suppressed)" read as English in the sentence; the column and
        # its value are named as quoted identifiers, the rest in the user's language
        import re

        said = meta["copy"].removeprefix("publishable: ")
        unquoted = re.sub(r"[«“]\s*[^»”]*[»”]", "", said)
        assert "flag" not in unquoted and "suppressed" not in unquoted, meta["copy"]
