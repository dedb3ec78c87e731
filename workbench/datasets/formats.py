"""Registry of the import formats, and which one a file needs: by the user's choice, the
extension, then the first bytes.

``workbench datasets import --format`` (choices and help), the app's import dialog (its file
filter) and the importer (``read_raw``) are built from ``IMPORT_FORMATS``. A format is either a
*file* format with its own reader (CSV, SPSS …), or a *workbook* format recognised inside a
spreadsheet (Kobo, DART), tried in registry order before the spreadsheet is read as a plain sheet.

To add a format:

1. write its reader in its own module under ``workbench/datasets/``: for a file format
   ``read(path, code, options, name, n_rows, progress, cancel) -> RawRead``; for a workbook format
   ``detect(workbook, options) -> bool`` and ``read(workbook, options, name, n_rows, progress,
   cancel) -> RawRead`` (signatures in ``workbench/datasets/raw.py``);
2. add an ``ImportFormat`` entry below naming them (``"module:function"``: imported on first use,
   so the CLI starts fast), with its extensions and first bytes;
3. name it in ``workbench/i18n/messages_<lang>.json`` (``vocab.import_format.<code>``).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.errors import ImportError_
from workbench.registry import Registry

#: ``container`` of a format read by whatever reader the file's extension names
BY_EXTENSION = "*"


@dataclass(frozen=True)
class ImportFormat:
    code: str
    #: file extensions (lower case, with the dot) that select this format
    extensions: tuple[str, ...] = ()
    #: first bytes that select this format when the extension does not
    magic: tuple[bytes, ...] = ()
    #: the file format whose reader opens such a file (workbook formats: ``"xlsx"``); None: itself
    container: str | None = None
    #: ``"module:function"``: the reader (file formats) or the workbook reader
    read: str = ""
    #: ``"module:function"``: recognises the format in an open workbook (workbook formats)
    detect: str = ""
    #: needs an XLSForm (``ImportOptions.xlsform``)
    needs_xlsform: bool = False
    #: which of the datasets read is the main one (previewed first): an index into them
    main_dataset: int = 0

    def reader(self) -> Any:
        return _resolve(self.read)

    def detector(self) -> Any:
        return _resolve(self.detect)


def _resolve(ref: str) -> Any:
    module, name = ref.split(":")
    return getattr(importlib.import_module(module), name)


_R = "workbench.datasets.readers"

IMPORT_FORMATS: Registry[ImportFormat] = Registry(
    "import_format",
    (
        ImportFormat("csv", (".csv", ".txt"), read=f"{_R}:read_text"),
        ImportFormat("tsv", (".tsv", ".tab"), read=f"{_R}:read_text"),
        ImportFormat(
            "xlsx", (".xlsx", ".xlsm", ".xls", ".ods"), (b"PK\x03\x04", b"\xd0\xcf\x11\xe0"),
            read=f"{_R}:read_workbook",
        ),
        ImportFormat(
            "kobo", container="xlsx", read="workbench.datasets.kobo_read:read",
            detect="workbench.datasets.kobo_read:detect",
        ),
        ImportFormat("xlsform-labelled", container=BY_EXTENSION, needs_xlsform=True),
        ImportFormat("sav", (".sav", ".zsav"), (b"$FL2", b"$FL3"), read=f"{_R}:read_spss_stata"),
        ImportFormat("dta", (".dta",), (b"<stata_dta>",), read=f"{_R}:read_spss_stata"),
        ImportFormat(
            "dart", container="xlsx", read="workbench.datasets.dart:read",
            detect="workbench.datasets.dart:detect", main_dataset=-1,
        ),
    ),
)  # fmt: skip
FORMATS: tuple[str, ...] = IMPORT_FORMATS.codes
_BY_EXT = {ext: f.code for f in IMPORT_FORMATS for ext in f.extensions}


def workbook_formats() -> list[ImportFormat]:
    """The formats recognised inside a workbook, in the order they are tried."""
    return [f for f in IMPORT_FORMATS if f.container == "xlsx" and f.detect]


def sniff_bytes(head: bytes) -> str | None:
    for f in IMPORT_FORMATS:
        if any(head.startswith(m) for m in f.magic):
            return f.code
    return None


def base_format(path: Path, requested: str | None) -> str:
    """The file format whose reader opens the file; workbook formats are refined from the
    sheets (``workbench.datasets.readers.read_workbook``)."""
    if not path.exists():
        raise ImportError_.of("import.not_found", name=path.name, path=path)
    if path.is_dir():
        raise ImportError_.of("import.is_folder", name=path.name)
    if requested:
        if requested not in IMPORT_FORMATS:
            raise ImportError_.of(
                "import.unknown_format_name",
                name=path.name,
                requested=requested,
                formats=", ".join(FORMATS),
            )
        container = IMPORT_FORMATS.get(requested).container
        if container == BY_EXTENSION:
            return _BY_EXT.get(path.suffix.lower()) or "xlsx"
        return container or requested
    by_ext = _BY_EXT.get(path.suffix.lower())
    if by_ext:
        return by_ext
    with path.open("rb") as f:
        sniffed = sniff_bytes(f.read(16))
    if sniffed:
        return sniffed
    raise ImportError_.of(
        "import.unknown_format", name=path.name, suffix=path.suffix or "(no extension)"
    )


def file_filter_patterns() -> list[str]:
    """``*.csv`` … for a file dialog: every extension a format claims."""
    return [f"*{ext}" for ext in _BY_EXT]
