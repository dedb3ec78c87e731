"""The Kobo export format (a workbook format of ``workbench/datasets/formats.py``): the main
sheet is the household dataset, each repeat sheet an individual dataset linked to its parent
through ``_parent_index`` (column handling in ``workbench/datasets/kobo.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from workbench.dataset_model import Dataset, Variable
from workbench.datasets.excel import header_cells, read_sheet
from workbench.datasets.kobo import is_kobo_header, is_repeat_header, kobo_columns
from workbench.datasets.markers import Counts, import_markers
from workbench.datasets.raw import RawRead, Workbook, safe_name
from workbench.progress import CancelToken, Progress, check_cancel

if TYPE_CHECKING:
    from workbench.datasets.importing import ImportOptions


def _main_sheet(wb: Workbook, opts: ImportOptions) -> str:
    return opts.sheet or wb.sheets[0]


def detect(wb: Workbook, opts: ImportOptions) -> bool:
    main = _main_sheet(wb, opts)
    if main not in wb.sheets:
        return False
    return is_kobo_header(header_cells(wb.book, wb.path, main, opts.header_row))


def _sheet(
    wb: Workbook,
    sheet: str,
    opts: ImportOptions,
    header_row: int,
    n_rows: int | None,
    cancel: CancelToken | None,
) -> tuple[pd.DataFrame, dict[str, Variable], Counts]:
    """One sheet with Kobo's column names, and its missing-value marker counts under them
    (Kobo renames one for one, in order)."""
    counts: Counts = {}
    markers = import_markers(opts)
    raw = read_sheet(wb.book, wb.path, sheet, header_row, n_rows, cancel, markers, counts)
    frame, variables = kobo_columns(raw)
    names = dict(zip(map(str, raw.columns), map(str, frame.columns), strict=True))
    return frame, variables, {names[c]: n for c, n in counts.items() if c in names}


def read(
    wb: Workbook,
    opts: ImportOptions,
    base: str,
    n_rows: int | None,
    progress: Progress,
    cancel: CancelToken | None,
) -> RawRead:
    main_sheet = _main_sheet(wb, opts)
    frame, variables, counts = _sheet(wb, main_sheet, opts, opts.header_row, n_rows, cancel)
    main = Dataset(
        base, frame, variables, unit="household",
        key="_index" if "_index" in frame.columns else None, missing_markers=counts,
    )  # fmt: skip
    main.source["sheet"] = main_sheet
    datasets = [main]
    repeats = [s for s in wb.sheets if s != main_sheet] if n_rows is None else []
    for i, sheet in enumerate(repeats):
        check_cancel(cancel)
        progress.update(i + 1, len(repeats) + 1, f"reading sheet {sheet}")
        if not is_repeat_header(header_cells(wb.book, wb.path, sheet)):
            continue
        rframe, rvars, rcounts = _sheet(wb, sheet, opts, 0, None, cancel)
        rep = Dataset(
            f"{base}_{safe_name(sheet)}", rframe, rvars, unit="individual",
            key="_index" if "_index" in rframe.columns else None,
            parent=base, parent_key="_parent_index", missing_markers=rcounts,
        )  # fmt: skip
        rep.source["sheet"] = sheet
        datasets.append(rep)
    by_sheet = {d.source["sheet"]: d.name for d in datasets}
    for rep in datasets[1:]:
        if "_parent_table_name" in rep.frame.columns:  # nested repeats name their parent sheet
            parents = rep.frame["_parent_table_name"].dropna().unique()
            if len(parents) == 1 and str(parents[0]) in by_sheet:
                rep.parent = by_sheet[str(parents[0])]
    return RawRead(datasets, "kobo", sheets=wb.sheets)
