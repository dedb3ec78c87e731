"""Notes under the report's indicator tables that say what a table leaves out and why: no
comparison made, breakdown rows that cover fewer cases than the total, rows that print no
figure (left out, :func:`~workbench.reporting.views.prints_nothing`). PDF and Word print the
same notes (the Word report is made from the PDF's story); the stock cells a tabulation has
no row for, which the stock tables' note names; where the annex gives the standard error of a
count published without an interval (‡)."""

from __future__ import annotations

import pandas as pd

from workbench.languages import join_list
from workbench.reporting.annex_tables import INDICATORS, sheet_name, stock_sheets
from workbench.reporting.context import ReportContext, _in_sentence
from workbench.reporting.fmt import COMPLEMENTARY, EMPTY, fmt_count
from workbench.reporting.i18n import Translator
from workbench.reporting.views import (
    CHART_DISPLACED_ONLY,
    NO_CHART,
    NOT_COMPARED,
    NOT_COMPARED_BY_DEFINITION,
    NOT_COMPARED_EMPTY,
    TableData,
)
from workbench.stats.results import STOCK_NOT_STATED, STOCK_TOTAL


def not_compared_notes(tr: Translator, ctx: ReportContext, flags: set[str]) -> list[str]:
    """Why a main table has no difference and p columns, said once: the reason the engine gave
    (a total's reason is the note that says why it has no chart, ``fn_no_chart_total``)."""
    comp = ctx.comparator
    if comp is None or (NOT_COMPARED not in flags and NOT_COMPARED_EMPTY not in flags):
        return []
    name = _in_sentence(comp.label.shown())  # inside a sentence, in brackets
    if NOT_COMPARED_EMPTY in flags:
        return [tr("fn_not_compared_empty", comparator=name)]
    if NOT_COMPARED_BY_DEFINITION in flags:
        return [tr("fn_not_compared_by_definition", comparator=name)]
    if CHART_DISPLACED_ONLY in flags or NO_CHART in flags:  # said by ``fn_no_chart_total``
        return []
    return [tr("fn_not_compared", comparator=name)]


def uncovered_note(
    tr: Translator, breakdown: str, table: TableData, from_age: int | None = None
) -> str | None:
    """A breakdown whose rows hold fewer of the indicator's cases than its total, said under
    the table: which groups, how many of their total's cases are in no row. Issue 20 (en_B 1,
    fr_B 2): "Holds a valid identity document" by disability, With 67.4%, Without 65.1%, total
    62.4% — disability is recorded from age 5, the rows leave the youngest out, nothing said
    so. ``from_age``: the age the breakdown is recorded from, where the run's snapshot has it
    (a disability breakdown, from the library's indicator of disability, en_B 10): the note
    says why the youngest are in no row; else that the breakdown is not recorded for them."""
    if not table.uncovered:
        return None
    lang = tr.lang
    # "(486 of 2,838)" did not say what 486 was: with an age, the children left out
    key, age = (
        ("group_uncovered_age", {"age": from_age})
        if from_age is not None
        else ("group_uncovered", {})
    )
    groups = [
        tr(
            key,
            group=_in_sentence(g),
            missing=fmt_count(m, lang),
            total=fmt_count(t, lang),
            **age,
        )
        for g, m, t in table.uncovered
    ]
    listed = join_list(groups, lang, conjunction=True)
    if from_age is not None:  # a disability breakdown: its questions start at an age
        return tr("fn_rows_uncovered_age", breakdown=breakdown, age=from_age, groups=listed)
    return tr("fn_rows_uncovered", breakdown=breakdown, groups=listed)


def left_out_reasons(tr: Translator, marks: list[str]) -> str:
    """Why rows that print no figure print none, from the marks their cells would show: no
    case ("–"), too few cases or too unreliable ("*"), withheld to protect another value
    ("(*)") — in words, never the marks (a note's "(*)" is counted as a mark's)."""
    said = [
        tr(key)
        for key, mark in (
            ("left_out_no_case", EMPTY),
            ("left_out_few", "suppressed"),
            ("left_out_complement", COMPLEMENTARY),
        )
        if mark in marks
    ]
    return join_list(said, tr.lang, clauses=True)


def unpublished_note(tr: Translator, breakdown: str, table: TableData, after: str = "") -> str:
    """The one note naming a breakdown's rows left out for printing no figure ("District of
    origin: left out of the table — Alvora and Another district of Freedonia, with no value
    published for any group (…)", rd21: "Alvora (*) (*) *" said nothing); "" when there is
    none. ``after``: the breakdown's note of levels with no case, which this one follows in
    the same line (``fn_levels_dropped``), or ""."""
    if not table.unpublished:
        return after
    levels = join_list([lo.row[0] for lo in table.unpublished], tr.lang, conjunction=True)
    reasons = left_out_reasons(tr, [m for lo in table.unpublished for m in lo.marks])
    if after:
        return f"{after} {tr('fn_levels_unpublished_more', levels=levels, reasons=reasons)}"
    return tr("fn_levels_unpublished", breakdown=breakdown, levels=levels, reasons=reasons)


def stock_unpublished_note(
    tr: Translator, breakdown: str, cells: list[tuple[str, str, str]], after: str = ""
) -> str:
    """The one note naming a stock table's rows left out for printing no figure, ``cells``
    (row label, column label or "" for a one-way table or a Total, mark) in table order: each
    row level once with its columns, consecutive years as a range ("Conflict and disaster
    (2012–2025 and Not stated), Not stated (2013–2025)", rd21: 27 rows of "*" and "(*)");
    "" when there is none. It replaces the "Wholly withheld" note, which explained those
    rows' marks. ``after``: the table's note of cells with no case, which this one follows in
    the same line (``fn_stock_rows_dropped``), or ""."""
    if not cells:
        return after
    levels = cells_named(tr, [(row, col) for row, col, _mark in cells])
    reasons = left_out_reasons(tr, [mark for _r, _c, mark in cells])
    if after:
        return f"{after} {tr('fn_stock_rows_unpublished_more', levels=levels, reasons=reasons)}"
    return tr("fn_stock_rows_unpublished", breakdown=breakdown, levels=levels, reasons=reasons)


def cells_named(tr: Translator, cells: list[tuple[str, str]]) -> str:
    """Stock table cells (row label, column label or "" for a one-way table or a Total) in
    table order, in words: each row level once with its columns, consecutive years as a range
    — "Conflict and disaster (2012–2025 and Not stated), Not stated (2013–2025)". The cells
    left out for no case and those left out for a withheld count are named alike: the first
    were listed one by one beside the second grouped ("Disaster × 2012, Disaster × 2013, …",
    rd22 en p.79)."""
    by_row: dict[str, list[str]] = {}
    for row, col in cells:
        by_row.setdefault(row, [])
        if col:
            by_row[row].append(col)
    named = [
        tr(
            "stock_row_cells",
            row=row,
            cols=join_list(level_runs(tr, cols), tr.lang, conjunction=True),
        )
        if len(cols) > 1
        # one cell of its row: as the table names it, "Alvora × Alvora" ("Alvora (Alvora)"
        # read as a stutter, rd23 en p.78)
        else f"{row} × {cols[0]}"
        if cols
        else row
        for row, cols in by_row.items()
    ]
    return join_list(named, tr.lang, conjunction=True)


def level_runs(tr: Translator, labels: list[str]) -> list[str]:
    """``labels`` with each run of three or more consecutive years (whole numbers, each one
    more than the last) as one range, "2012–2025"; other labels as they are."""
    out: list[str] = []
    i = 0
    while i < len(labels):
        j = i
        while (
            j + 1 < len(labels)
            and labels[j].isdigit()
            and labels[j + 1].isdigit()
            and int(labels[j + 1]) == int(labels[j]) + 1
        ):
            j += 1
        if j - i >= 2:
            out.append(tr("level_range", first=labels[i], last=labels[j]))
        else:
            out += labels[i : j + 1]
        i = j + 1
    return out


def absent_stock_cells(part: pd.DataFrame) -> list[tuple[tuple[str, str], ...]]:
    """The (row level, column level) pairs of one group's stock table with no row at all (a
    tabulation leaves zero-case combinations out), in table order, totals excluded — and those
    of "Not stated", which is no category of the plan but the units a value is missing for,
    shown only where there are some: the French note named « Non déclaré × Urbain, Non déclaré
    × Rural et Non déclaré × Total » as absent, a category no reader had been shown (issue 20)."""
    if part.empty or not str(part["col_var"].iloc[0] or ""):
        return []
    row_var, col_var = str(part["row_var"].iloc[0]), str(part["col_var"].iloc[0])

    def levels(key: str) -> list[str]:
        return [v for v in stock_levels(part, key) if v != STOCK_TOTAL]

    have = set(zip(part["row_value"].astype(str), part["col_value"].astype(str), strict=True))
    sides = not_stated_shown(part)
    return [
        ((row_var, r), (col_var, c))
        for r in levels("row_value")
        for c in levels("col_value")
        if (r, c) not in have
        and (r != STOCK_NOT_STATED or "row_value" in sides)
        and (c != STOCK_NOT_STATED or "col_value" in sides)
    ]


def stock_levels(part: pd.DataFrame, key: str) -> list[str]:
    """A stock table's levels on one side (``key``: "row_value" or "col_value"), in the table's
    order (its rank where the results have one)."""
    rank = {"row_value": "row_rank", "col_value": "col_rank"}[key]
    frame = part.sort_values(rank, kind="stable") if rank in part else part
    return list(dict.fromkeys(frame[key].astype(str)))


def in_table_order(
    part: pd.DataFrame, cells: list[tuple[str, str, tuple[str, str]]]
) -> list[tuple[str, str]]:
    """The shown (row, column) names of ``cells`` (row level, column level, names) in the
    table's order: the cells a table leaves out, named in one list, came as "Not stated × Not
    stated, Disaster × 2012 … and Not stated × 2012" (rd17)."""
    rows, cols = (
        {v: i for i, v in enumerate(stock_levels(part, k))} for k in ("row_value", "col_value")
    )
    ends = (len(rows), len(cols))
    ordered = sorted(cells, key=lambda c: (rows.get(c[0], ends[0]), cols.get(c[1], ends[1])))
    return [names for _r, _c, names in ordered]


def not_stated_shown(part: pd.DataFrame) -> set[str]:
    """The sides ("row_value", "col_value") on which a stock table shows "Not stated" — a row
    with a case holds it there. Its cells with no case, or none in the tabulation, are named
    under the table like any other: "Not stated × 2012" was left out of the French cause ×
    year table unsaid, beside the "Not stated × 2013 …" it shows (rd17 fr p. 81); where no row
    shows it, "Not stated" is no category a reader has seen, and nothing is said (issue 20)."""
    if "suppression" in part:
        part = part[part["suppression"].astype(str) != "empty"]
    return {
        side
        for side in ("row_value", "col_value")
        if (part[side].astype(str) == STOCK_NOT_STATED).any()
    }


def no_interval_note(
    tr: Translator, ctx: ReportContext, stock: pd.DataFrame, stock_table: str = ""
) -> str:
    """The ‡ footnote of the indicators' table or of the stock table ``stock_table``: why the
    count has no interval and where its standard error is — the annex written with the
    report, by its file and sheet (the footnote sent readers to the results file, the coded
    workbook that is not published with a report)."""
    if stock_table:
        table = f"stock_{stock_table}"
        sheet = stock_sheets(stock, ctx).get(stock_table, "")
        label = ctx.stock_titles.get(stock_table)
        title = label.shown() if label is not None else stock_table
    else:
        table, sheet, title = INDICATORS, sheet_name(tr("sheet_indicators")), tr("annex_indicators")
    return tr("fn_no_interval", where=annex_place(tr, ctx, table, sheet, title))


def annex_place(tr: Translator, ctx: ReportContext, table: str, sheet: str, title: str) -> str:
    """Where the report's annex holds the table ``table``: the workbook written with it and the
    table's sheet ("freedonia-annex.xlsx, sheet “Indicators by group”"), else its CSV file,
    else (no annex written with the report) the table by its title."""
    paths = ctx.annex_paths
    book = next((p for p in paths if p.suffix.lower() == ".xlsx"), None)
    if book is not None:
        return tr("annex_where_sheet", file=book.name, sheet=sheet)
    for p in paths:
        if p.suffix.lower() == ".csv":  # one CSV per table, named after the path's stem
            return f"{p.stem}-{table}.csv"
        if not p.suffix:  # a folder of annex-<table>.csv
            return f"{p.name}/annex-{table}.csv"
    return tr("annex_where_table", title=title)
