"""One reader per container (text, spreadsheet, SPSS/Stata), each giving typed, described datasets
before identifier handling."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.datasets.csv_reader import read_csv
from workbench.datasets.dart import is_dart, read_dart
from workbench.datasets.excel import header_cells, open_workbook, read_sheet
from workbench.datasets.kobo import is_kobo_header, is_repeat_header, kobo_columns
from workbench.datasets.model import Dataset, Variable, infer_kind
from workbench.datasets.readstat import read_readstat
from workbench.errors import ImportError_
from workbench.findings import Finding
from workbench.progress import CancelToken, Progress, check_cancel

if TYPE_CHECKING:
    from workbench.datasets.importing import ImportOptions


@dataclass
class RawRead:
    datasets: list[Dataset]
    format: str
    encoding: str | None = None
    delimiter: str | None = None
    sheets: list[str] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    #: the file's SHA-256 when the reader computed it on the way
    sha256: str | None = None


def _plain_variables(frame) -> dict[str, Variable]:  # type: ignore[no-untyped-def]
    return {str(c): Variable(name=str(c), kind=infer_kind(frame[c])) for c in frame.columns}


def _safe(text: str) -> str:
    return re.sub(r"\s+", "_", text.strip()) or "sheet"


def read_raw(
    path: Path,
    container: str,
    opts: ImportOptions,
    n_rows: int | None,
    progress: Progress,
    cancel: CancelToken | None,
) -> RawRead:
    base = opts.name or path.stem
    if container in ("csv", "tsv"):
        res = read_csv(
            path, fmt=container, encoding=opts.encoding, delimiter=opts.delimiter,
            decimal=opts.decimal, header_row=opts.header_row, chunk_rows=opts.chunk_rows,
            n_rows=n_rows, progress=progress, cancel=cancel,
        )  # fmt: skip
        ds = Dataset(base, res.frame, _plain_variables(res.frame))
        return RawRead([ds], container, res.encoding, res.delimiter, sha256=res.info.get("sha256"))
    if container in ("sav", "dta"):
        frame, variables, enc = read_readstat(path, container, n_rows)
        progress.update(1, 1, f"read {path.name}")
        return RawRead([Dataset(base, frame, variables)], container, enc or None)
    return _read_workbook(path, opts, base, n_rows, progress, cancel)


def _read_workbook(
    path: Path,
    opts: ImportOptions,
    base: str,
    n_rows: int | None,
    progress: Progress,
    cancel: CancelToken | None,
) -> RawRead:
    wb = open_workbook(path)
    sheets = list(wb.sheet_names)
    if not sheets:
        raise ImportError_(f"{path.name}: the workbook has no sheets.")
    if opts.format == "dart" or (opts.format is None and is_dart(wb, path)):
        if not is_dart(wb, path):
            raise ImportError_(
                f"{path.name}: a DART workbook needs sheets Data and Metadata (Name, HouseInd)."
            )
        datasets, findings = read_dart(wb, path, base, opts.key, n_rows, cancel)
        for ds in datasets:
            ds.source["sheet"] = "Data"
        return RawRead(datasets, "dart", sheets=sheets, warnings=findings)
    main_sheet = opts.sheet or sheets[0]
    header = header_cells(wb, path, main_sheet, opts.header_row) if main_sheet in sheets else []
    kobo = opts.format == "kobo" or (opts.format is None and is_kobo_header(header))
    frame = read_sheet(wb, path, main_sheet, opts.header_row, n_rows, cancel)
    if not kobo:
        name = opts.name or (
            path.stem if main_sheet == sheets[0] else f"{path.stem}_{_safe(main_sheet)}"
        )
        ds = Dataset(name, frame, _plain_variables(frame))
        ds.source["sheet"] = main_sheet
        return RawRead([ds], "xlsx", sheets=sheets)
    frame, variables = kobo_columns(frame)
    main = Dataset(
        base,
        frame,
        variables,
        unit="household",
        key="_index" if "_index" in frame.columns else None,
    )
    main.source["sheet"] = main_sheet
    datasets = [main]
    repeats = [s for s in sheets if s != main_sheet] if n_rows is None else []
    for i, sheet in enumerate(repeats):
        check_cancel(cancel)
        progress.update(i + 1, len(repeats) + 1, f"reading sheet {sheet}")
        if not is_repeat_header(header_cells(wb, path, sheet)):
            continue
        rframe, rvars = kobo_columns(read_sheet(wb, path, sheet, 0, None, cancel))
        rep = Dataset(
            f"{base}_{_safe(sheet)}", rframe, rvars, unit="individual",
            key="_index" if "_index" in rframe.columns else None,
            parent=base, parent_key="_parent_index",
        )  # fmt: skip
        rep.source["sheet"] = sheet
        datasets.append(rep)
    by_sheet = {d.source["sheet"]: d.name for d in datasets}
    for rep in datasets[1:]:
        if "_parent_table_name" in rep.frame.columns:  # nested repeats name their parent sheet
            parents = rep.frame["_parent_table_name"].dropna().unique()
            if len(parents) == 1 and str(parents[0]) in by_sheet:
                rep.parent = by_sheet[str(parents[0])]
    return RawRead(datasets, "kobo", sheets=sheets)
