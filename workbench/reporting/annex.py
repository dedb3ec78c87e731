"""The NSO annex files: XLSX (one sheet per table: title row, notes row, header) or CSV files
(one per table), each CSV twice: comma-separated with a decimal point (``annex-<table>.csv``,
RFC 4180) and semicolon-separated with a decimal comma (``annex-<table>.semicolon.csv``) for
spreadsheets set to French, Spanish and other locales that use the comma for decimals, with a
file list and a legend beside them, one table each (``annex-files.csv``: each file's table
title, notes and format; ``annex-legend.csv``: each flag symbol's meaning; both also as
``.semicolon.csv``). The header is always the first row of a plain CSV and the
row above the data in a sheet; HXL's hashtag row (``hxl``) goes in its own files,
``annex-<table>.hxl.csv`` (header, hashtags, data: HXL's convention). Same validation gate as
the PDF."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from workbench.errors import ReportError
from workbench.export_writer import AuditSink, OutFile, Sheet, csv_bytes, export_files, xlsx_bytes
from workbench.languages import is_rtl, join_list
from workbench.reporting.annex_long import COMPARISONS
from workbench.reporting.annex_tables import (
    AnnexTable,
    Bound,
    Cell,
    annex_tables,
    bound_flags,
    bound_header,
    bound_mark,
    flag_legend,
    marks_combine,
    no_interval,
    sheet_name,
)
from workbench.reporting.context import ReportContext, _in_sentence
from workbench.reporting.fmt import (
    CAUTION,
    NO_INTERVAL_MARK,
    NOT_APPLICABLE,
    SECONDARY,
    SUPPRESSED,
)
from workbench.reporting.i18n import Translator
from workbench.reporting.options import ReportOptions
from workbench.reporting.typography import typeset
from workbench.reporting.validation import Validation
from workbench.stats.results import AnalysisResults

#: the file name ending of the semicolon / decimal-comma copy of each CSV table
SEMICOLON_SUFFIX = ".semicolon.csv"
#: the file name ending of the HXL copy of each CSV table (header, hashtag row, data)
HXL_SUFFIX = ".hxl.csv"
#: the legend's name among the tables' ids (``annex-legend.csv``: each symbol's meaning)
LEGEND = "legend"
#: the file list's (``annex-files.csv``: each file's table, notes and format)
FILES = "files"


def _cells(rows: Sequence[Sequence[Cell]]) -> list[list[Any]]:
    """Rows as a file holds them: a bound's mark ("<") in the report's language (its bound is
    a number in its own column)."""
    return [[c.shown if isinstance(c, Bound) else c for c in row] for row in rows]


def pointed_notes(notes: str, ctx: ReportContext, see: str) -> str:
    """A table's notes with the flags' legend (:func:`flag_legend`, some 1,500 characters)
    replaced by ``see``, a one-line pointer to where the legend is — the workbook's legend
    sheet, the CSVs' legend file (issue 20, ar_B 7: the legend filled one cell of every
    sheet's row 2)."""
    tr = Translator(ctx.language)
    for ci_n, gap in ((True, True), (True, False), (False, False)):
        legend = typeset(flag_legend(tr, ctx, ci_n, gap), ctx.language)
        if legend in notes:
            return notes.replace(legend, typeset(see, ctx.language), 1)
    return notes


def legend_sheet_name(ctx: ReportContext) -> str:
    """The workbook's legend sheet, named in the report's language ("Symbols", "Symboles")."""
    return typeset(sheet_name(Translator(ctx.language)("annex_legend_sheet")), ctx.language)


def xlsx_file(tables: list[AnnexTable], ctx: ReportContext, path: Path) -> OutFile:
    """One workbook, a sheet per table, named in the report's language (Arabic: sheets right
    to left), its id a defined name over header and rows: title (bigger), notes — the sheet's
    own, and one line sending to the legend sheet —, header (bold), rows (numbers formatted as
    the report prints them; the Total rows in bold, as the PDF prints them); last, the legend
    sheet ("Symbols", defined name ``legend``): title, a note (marks combine in one cell),
    header, then one row per mark with its meaning, as ``annex-legend.csv`` beside the CSVs.
    No HXL row: the header sits right above the data, so filters and imports that take the row
    above the data as the header work."""
    rtl = is_rtl(ctx.language)
    tr = Translator(ctx.language)
    legend = legend_sheet_name(ctx)
    see = tr("annex_see_legend_sheet", sheet=legend)
    sheets = []
    for t in tables:
        notes = pointed_notes(t.notes, ctx, see)
        rows: list[Sequence[Any]] = [[t.title], [notes], t.header]
        first = len(rows)  # the first data row's index
        rows += _cells(t.rows)
        bold = (2, *(first + i for i in t.total_rows))
        widths = {i: (14.0 if i > 4 else 28.0) for i in range(1, len(t.header) + 1)}
        formats = {(first + r, c): f for (r, c), f in t.formats.items()}
        sheets.append(
            Sheet(
                t.sheet or t.id, rows, bold_rows=bold, title_row=True, widths=widths,
                freeze="A4", right_to_left=rtl, key=t.id, key_row=2, formats=formats,
            )
        )  # fmt: skip
    # laid out as every sheet: title, notes (marks combine in a cell: the sentence the sheets'
    # legend ended with), header, rows
    title = typeset(tr("annex_legend_title"), ctx.language)
    gap = any(no_interval(t.rows) for t in tables)  # "†‡" where a cell has it (rd18 en)
    combine = typeset(marks_combine(tr, gap), ctx.language)
    marks = [[typeset(str(c), ctx.language) for c in row] for row in legend_rows(tables, ctx)]
    sheets.append(
        Sheet(
            legend, [[title], [combine], *marks], bold_rows=(2,), title_row=True,
            widths={1: 14.0, 2: 110.0}, freeze="A4", right_to_left=rtl, key=LEGEND, key_row=2,
        )
    )  # fmt: skip
    return OutFile(path, xlsx_bytes(sheets))


def _meaning(text: str, symbol: str) -> str:
    """A footnote without its leading symbol ("* Not published: …" → "Not published: …")."""
    text = text.strip()
    if text.startswith(symbol):
        text = text[len(symbol) :].lstrip(" :\u00a0\u202f")
    return text[:1].upper() + text[1:]  # a meaning starts as a sentence


#: the engine's assessments the comparisons sheet's verdict column can show, in the legend's
#: order ("Not applicable" has its own row above)
VERDICTS = (
    "worse", "better", "different", "small_difference", "equivalent", "inconclusive",
    "no_significant_difference", "not_compared", "not_compared_total", "insufficient_data",
    "comparator_withheld", "group_withheld",
)  # fmt: skip


def verdict_rows(tables: list[AnnexTable], ctx: ReportContext) -> list[list[Any]]:
    """Each verdict the comparisons sheet shows, with what it means (rd18: "Inconclusive" and
    "Significant, < 5.0 pp min." were defined nowhere in the workbook's comparisons or legend);
    the "below the minimum" words, which carry each indicator's minimum, by their common start."""
    tr = Translator(ctx.language)
    words: list[str] = []
    for t in tables:
        if t.id != COMPARISONS or tr("col_assessment") not in t.header:
            continue
        at = t.header.index(tr("col_assessment"))
        words += [str(row[at]) for row in t.rows if row[at]]
    small = tr("assessment_small_difference_mid", mid="\x00").split("\x00")[0]
    level = 2 * ctx.confidence_level - 100
    alpha = 100 - ctx.confidence_level
    out = []
    for code in VERDICTS:
        said = [w for w in dict.fromkeys(words) if w == tr(f"assessment_{code}")]
        if code == "small_difference":
            said += [w for w in dict.fromkeys(words) if small and w.startswith(small)]
        for word in said:
            out.append([word, _meaning(tr(f"verdict_{code}", level=level, alpha=alpha), word)])
    return out


def legend_rows(tables: list[AnnexTable], ctx: ReportContext) -> list[list[Any]]:
    """The legend in the report's language, one table (``annex-legend.csv``, the workbook's
    legend sheet): each flag symbol the files use with its meaning — "<", a share published
    as an upper bound, says which column holds the bound and which bounds there may be."""
    tr = Translator(ctx.language)
    rows: list[list[Any]] = [[tr("col_symbol"), tr("col_meaning")]]
    rows += [
        # with the thresholds at which a count is withheld, when the run has them (the files
        # hold stock tables and counts)
        [
            SUPPRESSED,
            _meaning(
                ctx.suppressed_count_note or tr("fn_suppressed", preset=ctx.preset_name), SUPPRESSED
            ),
        ],
        # a complement (ar_A 3); a count's keeps no n (en_B 2, ar_B 1)
        [SECONDARY, _meaning(f"{tr('fn_complementary')} {tr('fn_stock_n_withheld')}", SECONDARY)],
        [CAUTION, _meaning(ctx.caution_note or tr("fn_caution"), CAUTION)],  # the rule applied
        [NOT_APPLICABLE, _meaning(tr("fn_empty"), NOT_APPLICABLE)],
        # a group outside the indicator's population, as the report's row says (en_B 4)
        [na := tr("assessment_not_applicable"), _meaning(tr("fn_assessment_not_applicable"), na)],
    ]
    # a difference never computed (its comparator withheld): the report's word in the flag
    # column, not a blank (ar_B 2, en_B 3)
    if ctx.comparator is not None and any(
        t.id == COMPARISONS and tr("diff_not_computed") in row for t in tables for row in t.rows
    ):
        word = tr("diff_not_computed")
        comparator = _in_sentence(ctx.comparator.label.shown())
        rows.append([word, _meaning(tr("fn_comparator_withheld", comparator=comparator), word)])
    rows += verdict_rows(tables, ctx)
    # "‡" only where a cell has it: since a count marked † is withheld, no value of the demo
    # carried it, yet the legend explained it (rd17, en/fr/ar)
    if any(
        NO_INTERVAL_MARK in c for t in tables for row in t.rows for c in row if isinstance(c, str)
    ):
        rows.insert(4, [NO_INTERVAL_MARK, _meaning(tr("annex_no_interval"), NO_INTERVAL_MARK)])
    # where the files hold a bound: its mark, the column of the bound and every bound the
    # engine may publish, as the report's note lists them (en_B 8: "< 10.0" was missing)
    cells = [c for t in tables for row in t.rows for c in row]
    mark = bound_mark(tr)
    if any(isinstance(c, Bound) for c in cells):
        bounds = join_list(bound_flags(tr, ctx.language), ctx.language, conjunction=True)
        below = tr("annex_below", mark=mark, column=bound_header(tr), bounds=bounds)
        rows.append([mark, _meaning(below, mark)])
    # marks combined in one cell (fr_B 4: 54 "< 0,5†" and a "†‡" that the legend listed only
    # apart)
    if any(isinstance(c, Bound) and c.shown.endswith(CAUTION) for c in cells):
        rows.append([f"{mark}{CAUTION}", _meaning(tr("annex_bound_caution", bound=mark), "")])
    if (both := f"{CAUTION}{NO_INTERVAL_MARK}") in cells:
        rows.append([both, _meaning(tr("annex_caution_no_interval"), "")])
    return rows


def files_rows(
    tables: list[AnnexTable], ctx: ReportContext, stem: str, hxl: bool
) -> list[list[Any]]:
    """The CSVs' list in the report's language, one table: each file with its table's title
    and notes (as the workbook's rows 1–2 give them) and its format — which files are comma
    and decimal point, which semicolon and decimal comma, and for whom."""
    tr = Translator(ctx.language)
    rows: list[list[Any]] = [
        [tr("col_file"), tr("col_table"), tr("col_notes"), tr("col_csv_format")]
    ]
    flavours = [(".csv", "annex_csv_comma"), (SEMICOLON_SUFFIX, "annex_csv_semicolon")]
    flavours += [(HXL_SUFFIX, "annex_csv_hxl")] if hxl else []
    # each file's own note, the flags' legend by its file's name (ar_B 7: ~900 characters of
    # legend repeated in every row)
    see = tr("annex_see_legend", file=f"{stem}-{LEGEND}.csv")
    for t in tables:
        notes = pointed_notes(t.notes, ctx, see)
        rows += [[f"{stem}-{t.id}{end}", t.title, notes, tr(key)] for end, key in flavours]
    for name, title in ((LEGEND, "annex_legend_title"), (FILES, "annex_files_title")):
        rows += [
            [f"{stem}-{name}{end}", tr(title), "", tr(key)] for end, key in flavours[:2]
        ]  # fmt: skip
    return rows


def csv_files(
    tables: list[AnnexTable],
    folder: Path,
    ctx: ReportContext,
    stem: str = "annex",
    hxl: bool = False,
) -> list[OutFile]:
    """One CSV per table (UTF-8 with a byte-order mark, so spreadsheets read it as UTF-8), named
    by the table's stable id in every language (scripts rely on it), the header its first row;
    beside them the list of the files and the legend of the symbols, each one table (a file
    of two stacked tables broke pandas and spreadsheet imports); with ``hxl`` an HXL copy of
    each table."""
    out = []
    for t in tables:
        rows = [t.header, *_cells(t.rows)]
        out.append(OutFile(folder / f"{stem}-{t.id}.csv", csv_bytes(rows, bom=True)))
        semi = [t.header, *_cells(t.rows)]
        semicolon = csv_bytes(semi, bom=True, delimiter=";", decimal_comma=True)
        out.append(OutFile(folder / f"{stem}-{t.id}{SEMICOLON_SUFFIX}", semicolon))
    listed = files_rows(tables, ctx, stem, hxl)
    for name, point, comma in (
        (LEGEND, legend_rows(tables, ctx), legend_rows(tables, ctx)),
        (FILES, listed, listed),
    ):
        out.append(OutFile(folder / f"{stem}-{name}.csv", csv_bytes(point, bom=True)))
        data = csv_bytes(comma, bom=True, delimiter=";", decimal_comma=True)
        out.append(OutFile(folder / f"{stem}-{name}{SEMICOLON_SUFFIX}", data))
    return out + (hxl_files(tables, folder, stem) if hxl else [])


def hxl_files(tables: list[AnnexTable], folder: Path, stem: str = "annex") -> list[OutFile]:
    """Each table as HXL reads it (``annex-<table>.hxl.csv``): header, hashtag row, data
    (comma, decimal point)."""
    return [
        OutFile(
            folder / f"{stem}-{t.id}{HXL_SUFFIX}",
            csv_bytes([t.header, t.hxl, *_cells(t.rows)], bom=True),
        )
        for t in tables
    ]


def hxl_here(path: Path, paths: Sequence[Path]) -> bool:
    """Whether the HXL copies go beside the annex ``path`` among ``paths``: beside the CSVs
    when any are written, else beside the (first) workbook — once (the demo wrote each HXL
    file twice, byte-identical, beside the workbook and in the CSV folder)."""
    csv = [p for p in map(Path, paths) if p.suffix.lower() != ".xlsx"]
    return Path(path) == (csv[0] if csv else Path(paths[0]))


def annex_outputs(
    results: AnalysisResults,
    ctx: ReportContext,
    paths: Sequence[Path],
    *,
    hxl: bool = False,
    validation: Validation | None = None,
) -> list[OutFile]:
    """The annex at each of ``paths`` (:func:`annex_files`), the HXL copies once
    (:func:`hxl_here`)."""
    return [
        f
        for path in paths
        for f in annex_files(
            results, ctx, path, hxl=hxl and hxl_here(path, paths), validation=validation
        )
    ]


def annex_files(
    results: AnalysisResults,
    ctx: ReportContext,
    path: Path,
    *,
    hxl: bool = False,
    validation: Validation | None = None,
) -> list[OutFile]:
    """``.xlsx`` → one workbook; ``.csv`` → one CSV per table named after the path's stem;
    a folder → CSVs inside it. ``validation`` must be a passed gate (no errors)."""
    if validation is not None and validation.errors:
        raise ReportError.of("report.annex_gate_failed")
    return table_files(annex_tables(results, ctx), ctx, Path(path), hxl)


def _typeset(t: AnnexTable, lang: str) -> AnnexTable:
    """A table's texts — sheet name, title, notes, header, labels — in ``lang``'s typography,
    as the report prints them (French readers filtering "Communauté d'accueil" in the annex
    missed the report's "Communauté d’accueil"); numbers, flags and HXL tags as they are."""

    def text(c: Cell) -> Cell:
        return typeset(c, lang) if isinstance(c, str) else c

    return dataclasses.replace(
        t, sheet=typeset(t.sheet, lang), title=typeset(t.title, lang),
        notes=typeset(t.notes, lang), header=[typeset(h, lang) for h in t.header],
        rows=[[text(c) for c in row] for row in t.rows],
    )  # fmt: skip


def table_files(
    tables: list[AnnexTable], ctx: ReportContext, path: Path, hxl: bool = False
) -> list[OutFile]:
    """Annex tables as files: ``.xlsx`` → one workbook (with ``hxl``, HXL CSVs beside it);
    ``.csv`` → one CSV per table named after the path's stem (comma and semicolon copies, a
    legend); a folder → ``annex-<table>.csv`` inside it. Every text in the language's
    typography, as the report prints it (:func:`_typeset`)."""
    tables = [_typeset(t, ctx.language) for t in tables]
    if path.suffix.lower() == ".xlsx":  # HXL beside the workbook, never inside it
        hxl_csv = hxl_files(tables, path.parent, path.stem) if hxl else []
        return [xlsx_file(tables, ctx, path), *hxl_csv]
    if path.suffix.lower() == ".csv":
        return csv_files(tables, path.parent, ctx, path.stem, hxl)
    if path.suffix:
        raise ReportError.of("report.annex_format", name=path.name)
    return csv_files(tables, path, ctx, "annex", hxl)


def export_annex(
    results: AnalysisResults,
    path: Path,
    options: Any = None,
    settings: Any = None,
    *,
    audit: AuditSink,
    obj: str = "",
) -> list[Path]:
    """Validate (the same gate as the PDF), then write the annex tables only (audited)."""
    from workbench.reporting.build import gate

    opts = ReportOptions.coerce(options, settings)
    ctx, _views, validation = gate(results, opts, settings)
    files = annex_files(results, ctx, path, hxl=opts.hxl, validation=validation)
    return export_files(files, kind="annex", obj=obj, audit=audit, audience="publishable")
