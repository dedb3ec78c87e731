"""Import entry points: options, preview and reading a file into complete datasets.

``read_datasets`` either returns complete datasets or raises :class:`ImportError_` (or
:class:`Cancelled`); it never returns a partial dataset. Formats: CSV/TSV, XLSX (plain, Kobo
exports with repeat sheets, DART workbooks), SPSS .sav and Stata .dta; an XLSForm can label any
of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from workbench.dataset_model import UNITS, Dataset
from workbench.datasets import distinct
from workbench.datasets.checks import check_dataset, markers_kept_as_text
from workbench.datasets.formats import FORMATS, IMPORT_FORMATS, base_format
from workbench.datasets.identifiers import detect_identifiers
from workbench.datasets.libwarnings import captured, to_findings
from workbench.datasets.markers import import_markers
from workbench.datasets.protect import protect_identifiers
from workbench.datasets.raw import RawRead
from workbench.datasets.readers import read_raw
from workbench.datasets.textfile import file_sha256
from workbench.datasets.xlsform import apply_xlsform, read_xlsform
from workbench.errors import ImportError_, WorkbenchError
from workbench.findings import Finding
from workbench.progress import NULL_PROGRESS, CancelToken, Progress, Scaled, check_cancel

__all__ = ["FORMATS", "ImportOptions", "Preview", "preview", "read_datasets"]


@dataclass
class ImportOptions:
    format: str | None = None
    sheet: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    header_row: int = 0
    name: str | None = None
    unit: str = "other"
    key: str | None = None
    parent: str | None = None
    parent_key: str | None = None
    xlsform: Path | None = None
    identifier_actions: dict[str, str] = field(default_factory=dict)
    default_identifier_action: str = "drop"
    replace: bool = False
    chunk_rows: int = 200_000
    #: decimal separator of CSV numbers: None = "," when the file uses ``;`` and ``12,5`` numbers
    decimal: str | None = None
    #: the XLSForm language whose labels become the main ones (None: the form's default)
    label_language: str | None = None
    #: extra missing-value markers (``--na``), made missing where a column is otherwise numeric
    na_values: tuple[str, ...] = ()
    #: apply the default markers ``NA N/A n/a #N/A NaN . -`` (``--no-default-na`` turns them off)
    default_na: bool = True


@dataclass
class Preview:
    frame: pd.DataFrame
    columns: list[str]
    format: str
    encoding: str | None
    delimiter: str | None
    sheets: list[str]
    identifiers: dict[str, str]
    warnings: list[Finding]
    #: True when read to the end (identifiers and checks are over the whole file), False when
    #: they are over the first rows only
    whole_file: bool = False
    #: every dataset of the file as read (the whole file when ``whole_file``), main one first
    datasets: list[Dataset] = field(default_factory=list)

    @property
    def main(self) -> Dataset:
        return self.datasets[0]


def _validate(path: Path, opts: ImportOptions) -> None:
    if opts.unit not in UNITS:
        raise ImportError_.of("import.unknown_unit", name=path.name, unit=opts.unit)
    if opts.header_row < 0:
        raise ImportError_.of("import.header_row_negative", name=path.name)
    if bool(opts.parent) != bool(opts.parent_key):
        raise ImportError_.of("import.parent_both", name=path.name)
    chosen = (
        IMPORT_FORMATS.get(opts.format) if opts.format and opts.format in IMPORT_FORMATS else None
    )
    if chosen is not None and chosen.needs_xlsform and opts.xlsform is None:
        raise ImportError_.of("import.format_needs_xlsform", name=path.name, format=opts.format)


def _read(
    path: Path,
    opts: ImportOptions,
    n_rows: int | None,
    progress: Progress,
    cancel: CancelToken | None,
) -> RawRead:
    _validate(path, opts)
    container = base_format(path, opts.format)
    try:
        with captured() as caught:
            form = read_xlsform(Path(opts.xlsform)) if opts.xlsform else None
            raw = read_raw(path, container, opts, n_rows, progress, cancel)
        raw.warnings.extend(to_findings(caught))
    except WorkbenchError:
        raise
    except UnicodeDecodeError:
        from workbench.datasets.encoding import not_utf8_error

        raise not_utf8_error(path, opts.encoding or "utf-8") from None
    except Exception as exc:  # the last line of defence: damaged input is a user-facing error
        first = (str(exc).splitlines() or [type(exc).__name__])[0][:200]
        raise ImportError_.of("import.unreadable", name=path.name, first=first) from None
    if form is not None:
        for ds in raw.datasets:
            apply_xlsform(ds, form, opts.label_language)
    _apply_structure(path, raw, opts)
    markers = import_markers(opts)
    for ds in raw.datasets:
        raw.warnings.extend(markers_kept_as_text(ds, markers))
    return raw


def _apply_structure(path: Path, raw: RawRead, opts: ImportOptions) -> None:
    if len(raw.datasets) == 1:
        ds = raw.datasets[0]
        if opts.unit != "other" or ds.unit == "other":
            ds.unit = opts.unit  # type: ignore[assignment]
        ds.key = opts.key or ds.key
        ds.parent = opts.parent or ds.parent
        ds.parent_key = opts.parent_key or ds.parent_key
    else:
        main = raw.datasets[0]
        main.key = opts.key or main.key
        if opts.unit != "other":
            main.unit = opts.unit  # type: ignore[assignment]
    for ds in raw.datasets:
        for what, col in (("key", ds.key), ("parent key", ds.parent_key)):
            if col and col not in ds.frame.columns:
                raise ImportError_.of(
                    "import.key_column_missing", name=path.name, what=what, col=col, ds=ds.name
                )


def preview(
    path: Path,
    options: ImportOptions,
    n_rows: int | None = 50,
    progress: Progress = NULL_PROGRESS,
    cancel: CancelToken | None = None,
) -> Preview:
    """The (main) dataset as it would be imported, before identifier handling, with the
    identifiers that would be flagged and the checks: over the first ``n_rows`` rows, or over the
    whole file (every sheet) when ``n_rows`` is None."""
    path = Path(path)
    with distinct.shared():  # each text column's distinct values are hashed once
        raw = _read(path, options, None if n_rows is None else max(1, n_rows), progress, cancel)
        main = raw.datasets[IMPORT_FORMATS.get(raw.format).main_dataset]  # DART: the Data sheet
        warnings = list(raw.warnings) + check_dataset(main)
    ids = detect_identifiers(main.frame, main.variables)
    for k in (main.key, main.parent_key):
        ids.pop(k or "", None)
    return Preview(
        frame=main.frame if n_rows is None else main.frame.head(n_rows),
        columns=[str(c) for c in main.frame.columns],
        format=raw.format,
        encoding=raw.encoding,
        delimiter=raw.delimiter,
        sheets=raw.sheets,
        identifiers=ids,
        warnings=warnings,
        whole_file=n_rows is None,
        datasets=[main] + [d for d in raw.datasets if d is not main],
    )


def read_datasets(
    path: Path,
    options: ImportOptions,
    progress: Progress = NULL_PROGRESS,
    cancel: CancelToken | None = None,
) -> list[Dataset]:
    """All datasets of a file, complete, with identifiers handled; or ImportError_."""
    with distinct.shared():  # each text column's distinct values are hashed once
        return _read_datasets(Path(path), options, progress, cancel)


def _read_datasets(
    path: Path, options: ImportOptions, progress: Progress, cancel: CancelToken | None
) -> list[Dataset]:
    raw = _read(path, options, None, Scaled(progress, 0, 90, 100), cancel)
    check_cancel(cancel)
    protect_identifiers(
        path, raw.datasets, options.identifier_actions, options.default_identifier_action
    )
    digest = raw.sha256 or file_sha256(path, cancel)
    progress.update(95, 100, "checking")
    for ds in raw.datasets:
        kept = set(map(str, ds.frame.columns))  # without the identifiers dropped
        ds.missing_markers = {c: n for c, n in ds.missing_markers.items() if c in kept}
        source: dict[str, Any] = {
            "file": path.name,
            "format": raw.format,
            "sheet": ds.source.get("sheet"),
            "encoding": raw.encoding,
            "delimiter": raw.delimiter,
            "sha256": digest,
            "size": path.stat().st_size,
            "xlsform": Path(options.xlsform).name if options.xlsform else None,
            "na_values": sorted(import_markers(options)),
        }
        ds.source.update(source)
        findings = [f for f in raw.warnings if f.where.get("dataset") in (None, ds.name)]
        ds.source["warnings"] = [f.to_dict() for f in findings + check_dataset(ds)]
    progress.update(100, 100, "done")
    return raw.datasets
