"""Reading spreadsheet sheets (XLSX, XLSM, XLS) with python-calamine into typed frames."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pandas as pd
import python_calamine as pc

from workbench.datasets.columns import column_from_cells
from workbench.datasets.markers import Counts, add_counts
from workbench.datasets.zipguard import check_workbook
from workbench.errors import ImportError_
from workbench.progress import CancelToken, check_cancel


def open_workbook(path: Path, cancel: CancelToken | None = None) -> pc.CalamineWorkbook:
    """The workbook, once :func:`~workbench.datasets.zipguard.check_workbook` found it within
    the limits of :mod:`workbench.datasets.limits` (before calamine allocates anything)."""
    check_workbook(path, cancel)
    try:
        return pc.CalamineWorkbook.from_path(str(path))
    except pc.PasswordError:
        raise ImportError_.of("import.workbook_protected", name=path.name) from None
    except Exception as exc:
        raise ImportError_.of("import.corrupt", name=path.name, detail=_short(exc)) from None


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:160]


def sheet_rows(
    wb: pc.CalamineWorkbook, path: Path, sheet: str, n_rows: int | None = None
) -> list[list[Any]]:
    if sheet not in wb.sheet_names:
        names = ", ".join(wb.sheet_names)
        raise ImportError_.of("import.no_such_sheet", name=path.name, sheet=sheet, names=names)
    try:
        return wb.get_sheet_by_name(sheet).to_python(skip_empty_area=False, nrows=n_rows)
    except Exception as exc:
        raise ImportError_.of(
            "import.corrupt_sheet", name=path.name, sheet=sheet, detail=_short(exc)
        ) from None


def _header(path: Path, sheet: str, cells: list[Any], data: list[list[Any]]) -> list[str | None]:
    names: list[str | None] = []
    for i, cell in enumerate(cells):
        text = "" if cell is None else str(cell).strip()
        if isinstance(cell, float) and cell.is_integer():
            text = str(int(cell))
        if not text:
            has_data = any(i < len(r) and r[i] not in ("", None) for r in data)
            names.append(f"column_{i + 1}" if has_data else None)
        else:
            names.append(text)
    dups = [n for n, k in Counter(n for n in names if n).items() if k > 1]
    if dups:
        raise ImportError_.of("import.duplicate_column", name=path.name, sheet=sheet, dups=dups[0])
    return names


def read_sheet(
    wb: pc.CalamineWorkbook,
    path: Path,
    sheet: str,
    header_row: int = 0,
    n_rows: int | None = None,
    cancel: CancelToken | None = None,
    markers: frozenset[str] = frozenset(),
    counts: Counts | None = None,
) -> pd.DataFrame:
    """One sheet as a typed frame; the header is row ``header_row`` (0-based). Missing-value
    ``markers`` in an otherwise numeric column become NaN, counted into ``counts``."""
    rows = sheet_rows(wb, path, sheet, None if n_rows is None else header_row + 1 + n_rows)
    while rows and all(v in ("", None) for v in rows[-1]):
        rows.pop()
    if len(rows) <= header_row:
        raise ImportError_.of("import.sheet_no_header", name=path.name, sheet=sheet)
    data = rows[header_row + 1 :]
    names = _header(path, sheet, rows[header_row], data)
    cols: dict[str, pd.Series] = {}
    for i, name in enumerate(names):
        if name is None:
            continue
        if i % 50 == 0:
            check_cancel(cancel)
        cells = [r[i] if i < len(r) else "" for r in data]
        cols[name], found = column_from_cells(cells, name, markers)
        if counts is not None:
            add_counts(counts, name, found)
    return pd.DataFrame(cols, index=pd.RangeIndex(len(data)))


def header_cells(wb: pc.CalamineWorkbook, path: Path, sheet: str, header_row: int = 0) -> list[str]:
    rows = sheet_rows(wb, path, sheet, header_row + 1)
    if len(rows) <= header_row:
        return []
    return [str(c).strip() for c in rows[header_row] if c not in ("", None)]
