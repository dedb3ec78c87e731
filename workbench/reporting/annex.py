"""The NSO annex files: XLSX (one sheet per table: title row, notes row, header) or CSV files
(one per table, optional HXL hashtag row under the header), each CSV twice: comma-separated with
a decimal point (``annex-<table>.csv``, RFC 4180) and semicolon-separated with a decimal comma
(``annex-<table>.semicolon.csv``) for spreadsheets set to French, Spanish and other locales that
use the comma for decimals. Same validation gate as the PDF."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from workbench.errors import ReportError
from workbench.export_writer import AuditSink, OutFile, Sheet, csv_bytes, export_files, xlsx_bytes
from workbench.languages import is_rtl
from workbench.reporting.annex_tables import AnnexTable, Bound, Cell, annex_tables
from workbench.reporting.context import ReportContext
from workbench.reporting.options import ReportOptions
from workbench.reporting.validation import Validation
from workbench.stats.results import AnalysisResults

#: the file name ending of the semicolon / decimal-comma copy of each CSV table
SEMICOLON_SUFFIX = ".semicolon.csv"


def _cells(rows: Sequence[Sequence[Cell]], how: str = "shown") -> list[list[Any]]:
    """Rows as a file holds them: a bound ("< 0.5") in the report's language (``shown``), with
    a decimal point (``point``) or a decimal comma (``comma``)."""
    return [[getattr(c, how) if isinstance(c, Bound) else c for c in row] for row in rows]


def xlsx_file(
    tables: list[AnnexTable], path: Path, hxl: bool = False, rtl: bool = False
) -> OutFile:
    """One workbook, a sheet per table, named in the report's language (``rtl``: sheets right
    to left), its id a defined name over header and rows: title (bigger), notes, header (bold),
    [HXL], rows (the Total rows in bold, as the PDF prints them)."""
    sheets = []
    for t in tables:
        rows: list[Sequence[Any]] = [[t.title], [t.notes], t.header]
        if hxl:
            rows.append(t.hxl)
        first = len(rows)  # the first data row's index
        rows += _cells(t.rows)
        bold = (2, *(first + i for i in t.total_rows))
        widths = {i: (14.0 if i > 3 else 28.0) for i in range(1, len(t.header) + 1)}
        freeze = "A5" if hxl else "A4"  # title, notes, header (and HXL) stay in view
        sheets.append(
            Sheet(
                t.sheet or t.id, rows, bold_rows=bold, title_row=True, widths=widths,
                freeze=freeze, right_to_left=rtl, key=t.id, key_row=2,
            )
        )  # fmt: skip
    return OutFile(path, xlsx_bytes(sheets))


def csv_files(
    tables: list[AnnexTable], folder: Path, stem: str = "annex", hxl: bool = False
) -> list[OutFile]:
    """One CSV per table (UTF-8 with a byte-order mark, so spreadsheets read it as UTF-8), named
    by the table's stable id in every language (scripts rely on it)."""
    out = []
    for t in tables:
        head: list[Sequence[Any]] = [t.header, *([t.hxl] if hxl else [])]
        rows = head + _cells(t.rows, "point")
        out.append(OutFile(folder / f"{stem}-{t.id}.csv", csv_bytes(rows, bom=True)))
        semi = head + _cells(t.rows, "comma")
        semicolon = csv_bytes(semi, bom=True, delimiter=";", decimal_comma=True)
        out.append(OutFile(folder / f"{stem}-{t.id}{SEMICOLON_SUFFIX}", semicolon))
    return out


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
    tables = annex_tables(results, ctx)
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        return [xlsx_file(tables, path, hxl, is_rtl(ctx.language))]
    if path.suffix.lower() == ".csv":
        return csv_files(tables, path.parent, path.stem, hxl)
    if path.suffix:
        raise ReportError.of("report.annex_format", name=path.name)
    return csv_files(tables, path, "annex", hxl)


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
