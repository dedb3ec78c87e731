"""What a format's reader returns: typed, described datasets before identifier handling
(``RawRead``), and the reader signatures of the import-format registry
(``workbench/datasets/formats.py``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from workbench.dataset_model import Dataset, Variable, infer_kind
from workbench.findings import Finding
from workbench.progress import CancelToken, Progress

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


#: a file format's reader: (path, its format's code, options, dataset name, rows or None for
#: all, progress, cancel)
FileReader = Callable[
    [Path, str, "ImportOptions", str, "int | None", Progress, "CancelToken | None"], RawRead
]


@dataclass
class Workbook:
    """An open spreadsheet, handed to the readers of the formats that live in workbooks."""

    book: Any  # python_calamine.CalamineWorkbook
    path: Path
    sheets: list[str]


#: does this workbook hold the format? (workbook, options)
WorkbookDetector = Callable[[Workbook, "ImportOptions"], bool]
#: a workbook format's reader: (workbook, options, dataset name, rows or None, progress, cancel)
WorkbookReader = Callable[
    [Workbook, "ImportOptions", str, "int | None", Progress, "CancelToken | None"], RawRead
]


def plain_variables(frame: pd.DataFrame) -> dict[str, Variable]:
    return {str(c): Variable(name=str(c), kind=infer_kind(frame[c])) for c in frame.columns}


def safe_name(text: str) -> str:
    return re.sub(r"\s+", "_", text.strip()) or "sheet"
