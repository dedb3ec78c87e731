"""Write the NSO annex: XLSX (one sheet per table: title row, notes row, header) or CSV files
(one per table, optional HXL hashtag row under the header). Same validation gate as the PDF."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from workbench.errors import ReportError
from workbench.reporting.annex_tables import AnnexTable, annex_tables
from workbench.reporting.context import ReportContext
from workbench.reporting.options import ReportOptions
from workbench.reporting.validation import Validation
from workbench.stats.results import AnalysisResults


def _sheet_name(table_id: str, used: set[str]) -> str:
    name = table_id[:31]
    i = 2
    while name in used:
        name = f"{table_id[:28]}_{i}"
        i += 1
    used.add(name)
    return name


def write_xlsx(tables: list[AnnexTable], path: Path, hxl: bool = False) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    for t in tables:
        ws = wb.create_sheet(_sheet_name(t.id, used))
        ws.append([t.title])
        ws["A1"].font = Font(bold=True, size=12)
        ws.append([t.notes])
        ws.append(t.header)
        for c in ws[3]:
            c.font = Font(bold=True)
        if hxl:
            ws.append(t.hxl)
        for row in t.rows:
            ws.append(row)
        for i, _ in enumerate(t.header, start=1):
            ws.column_dimensions[ws.cell(3, i).column_letter].width = 14 if i > 3 else 28
    wb.properties.creator = "Durable Solutions Workbench"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def write_csvs(
    tables: list[AnnexTable], folder: Path, stem: str = "annex", hxl: bool = False
) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for t in tables:
        p = folder / f"{stem}-{t.id}.csv"
        with p.open("w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(t.header)
            if hxl:
                w.writerow(t.hxl)
            for row in t.rows:
                w.writerow(["" if v is None else v for v in row])
        out.append(p)
    return out


def write_annex(
    results: AnalysisResults,
    ctx: ReportContext,
    path: Path,
    *,
    hxl: bool = False,
    validation: Validation | None = None,
) -> list[Path]:
    """``.xlsx`` → one workbook; ``.csv`` → one CSV per table named after the path's stem;
    a folder → CSVs inside it. ``validation`` must be a passed gate (no errors)."""
    if validation is not None and validation.errors:
        raise ReportError.of("report.annex_gate_failed")
    tables = annex_tables(results, ctx)
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        return [write_xlsx(tables, path, hxl)]
    if path.suffix.lower() == ".csv":
        return write_csvs(tables, path.parent, path.stem, hxl)
    if path.suffix:
        raise ReportError.of("report.annex_format", name=path.name)
    return write_csvs(tables, path, "annex", hxl)


def export_annex(
    results: AnalysisResults,
    path: Path,
    options: Any = None,
    settings: Any = None,
) -> list[Path]:
    """Validate (the same gate as the PDF), then write the annex tables only."""
    from workbench.reporting.build import gate

    opts = ReportOptions.coerce(options, settings)
    ctx, _views, validation = gate(results, opts, settings)
    return write_annex(results, ctx, path, hxl=opts.hxl, validation=validation)
