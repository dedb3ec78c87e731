"""The readers of the file formats (text, SPSS/Stata, spreadsheet), each giving typed, described
datasets before identifier handling; ``read_raw`` picks one through the import-format registry
(``workbench/datasets/formats.py``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from workbench.dataset_model import Dataset
from workbench.datasets.csv_reader import read_csv
from workbench.datasets.excel import open_workbook, read_sheet
from workbench.datasets.formats import IMPORT_FORMATS, workbook_formats
from workbench.datasets.markers import Counts, import_markers
from workbench.datasets.raw import RawRead, Workbook, plain_variables, safe_name
from workbench.datasets.readstat import read_readstat
from workbench.errors import ImportError_
from workbench.progress import CancelToken, Progress

if TYPE_CHECKING:
    from workbench.datasets.importing import ImportOptions


def read_raw(
    path: Path,
    container: str,
    opts: ImportOptions,
    n_rows: int | None,
    progress: Progress,
    cancel: CancelToken | None,
) -> RawRead:
    """Read ``path`` with the reader of the file format ``container`` (see ``base_format``)."""
    read = IMPORT_FORMATS.get(container).reader()
    result: RawRead = read(path, container, opts, opts.name or path.stem, n_rows, progress, cancel)
    return result


def read_text(
    path: Path,
    fmt: str,
    opts: ImportOptions,
    base: str,
    n_rows: int | None,
    progress: Progress,
    cancel: CancelToken | None,
) -> RawRead:
    res = read_csv(
        path, fmt=fmt, encoding=opts.encoding, delimiter=opts.delimiter,
        decimal=opts.decimal, header_row=opts.header_row, chunk_rows=opts.chunk_rows,
        n_rows=n_rows, progress=progress, cancel=cancel, markers=import_markers(opts),
    )  # fmt: skip
    ds = Dataset(base, res.frame, plain_variables(res.frame))
    ds.missing_markers = res.info.get("missing_markers", {})
    return RawRead([ds], fmt, res.encoding, res.delimiter, sha256=res.info.get("sha256"))


def read_spss_stata(
    path: Path,
    fmt: str,
    opts: ImportOptions,
    base: str,
    n_rows: int | None,
    progress: Progress,
    cancel: CancelToken | None,
) -> RawRead:
    counts: Counts = {}
    frame, variables, enc = read_readstat(path, fmt, n_rows, import_markers(opts), counts)
    progress.update(1, 1, f"read {path.name}")
    return RawRead([Dataset(base, frame, variables, missing_markers=counts)], fmt, enc or None)


def read_workbook(
    path: Path,
    fmt: str,
    opts: ImportOptions,
    base: str,
    n_rows: int | None,
    progress: Progress,
    cancel: CancelToken | None,
) -> RawRead:
    """A spreadsheet: as the workbook format the user chose or the first one recognised
    (Kobo, DART …), else its sheet as one plain dataset."""
    book = open_workbook(path, cancel)
    wb = Workbook(book, path, list(book.sheet_names))
    if not wb.sheets:
        raise ImportError_.of("import.workbook_no_sheets", name=path.name)
    for kind in workbook_formats():
        if opts.format == kind.code or (opts.format is None and kind.detector()(wb, opts)):
            result: RawRead = kind.reader()(wb, opts, base, n_rows, progress, cancel)
            return result
    main_sheet = opts.sheet or wb.sheets[0]
    counts: Counts = {}
    markers = import_markers(opts)
    frame = read_sheet(book, path, main_sheet, opts.header_row, n_rows, cancel, markers, counts)
    name = opts.name or (
        path.stem if main_sheet == wb.sheets[0] else f"{path.stem}_{safe_name(main_sheet)}"
    )
    ds = Dataset(name, frame, plain_variables(frame), missing_markers=counts)
    ds.source["sheet"] = main_sheet
    return RawRead([ds], "xlsx", sheets=wb.sheets)
