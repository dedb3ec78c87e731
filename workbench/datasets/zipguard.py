"""Refuse a hostile or damaged spreadsheet before the reader allocates anything for it.

:func:`check_workbook` runs on every zip-based workbook (XLSX, XLSM, ODS; Kobo exports, DART
workbooks and XLSForms go through the same reader) before python-calamine opens it: first the zip
central directory (number of parts, declared sizes, compression ratios), then every XML part is
decompressed as a stream through :class:`~workbench.datasets.xmlscan.XmlScan` (nesting depth,
the cells each sheet would make the reader allocate, the shared-strings and sheet counts). The
limits and their reasons are in :mod:`workbench.datasets.limits`. A file over one of them raises
one :class:`ImportError_` naming the file, the part or sheet, and the limit.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from pathlib import Path

from workbench.datasets import limits as L
from workbench.datasets.xmlscan import MAX_TAG_BYTES, TagTooLong, XmlScan
from workbench.errors import ImportError_
from workbench.progress import CancelToken, check_cancel

_XML_SUFFIXES = (".xml", ".rels", ".vml")
_BLOCK = 1 << 22
_SHEET = re.compile(rb"<(?:\w+:)?sheet\s[^>]*?name=\"([^\"]*)\"[^>]*?r:id=\"([^\"]*)\"")
_REL = re.compile(
    rb"<(?:\w+:)?Relationship\s[^>]*?(?:Id=\"([^\"]*)\"[^>]*?Target=\"([^\"]*)\"|Target=\"([^\"]*)\"[^>]*?Id=\"([^\"]*)\")"
)


def _mb(n: int) -> int:
    return max(1, round(n / 2**20))


def check_workbook(path: Path, cancel: CancelToken | None = None) -> None:
    """ImportError_ when the workbook at ``path`` exceeds a limit; nothing when it is not a zip
    archive (the reader then reports what it is)."""
    if not zipfile.is_zipfile(path):
        return
    name = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            _check_directory(name, infos)
            _check_parts(name, zf, infos, cancel)
    except ImportError_:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError,
            ValueError) as exc:  # fmt: skip
        reason = (str(exc).splitlines() or [type(exc).__name__])[0][:160]
        raise ImportError_.of("import.zip_damaged", file=name, reason=reason) from None


def _check_directory(name: str, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > L.MAX_PARTS:
        raise ImportError_.of("import.zip_parts", file=name, count=len(infos), limit=L.MAX_PARTS)
    total = 0
    for info in infos:
        size = info.file_size
        total += size
        if size > L.MAX_PART_BYTES:
            raise ImportError_.of(
                "import.zip_part_size", file=name, part=info.filename, size_mb=_mb(size),
                limit_mb=_mb(L.MAX_PART_BYTES),
            )  # fmt: skip
        if size > L.RATIO_MIN_BYTES and size > L.MAX_RATIO * max(info.compress_size, 1):
            raise ImportError_.of(
                "import.zip_ratio", file=name, part=info.filename,
                ratio=size // max(info.compress_size, 1), limit=L.MAX_RATIO,
            )  # fmt: skip
    if total > L.MAX_TOTAL_BYTES:
        raise ImportError_.of(
            "import.zip_total_size", file=name, size_mb=_mb(total), limit_mb=_mb(L.MAX_TOTAL_BYTES)
        )


def _check_parts(
    name: str, zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], cancel: CancelToken | None
) -> None:
    sheets = _sheet_names(zf)
    if len(sheets) > L.MAX_SHEETS:
        raise ImportError_.of("import.zip_sheets", file=name, count=len(sheets), limit=L.MAX_SHEETS)
    total_cells = 0
    for info in infos:
        if not info.filename.lower().endswith(_XML_SUFFIXES):
            continue
        scan = _scan_part(name, zf, info, cancel)
        if scan.counts.get(b"si", 0) > L.MAX_SHARED_STRINGS:
            raise ImportError_.of(
                "import.shared_strings", file=name, count=scan.counts[b"si"],
                limit=L.MAX_SHARED_STRINGS,
            )  # fmt: skip
        if scan.counts.get(b"sheet", 0) > L.MAX_SHEETS:
            raise ImportError_.of(
                "import.zip_sheets", file=name, count=scan.counts[b"sheet"], limit=L.MAX_SHEETS
            )
        if not scan.has_cells:
            continue
        extent = scan.extent()
        sheet = sheets.get(info.filename, info.filename)
        if (
            extent.rows > L.MAX_ROWS
            or extent.columns > L.MAX_COLUMNS
            or extent.cells > L.MAX_SHEET_CELLS
        ):
            raise ImportError_.of(
                "import.sheet_too_large", file=name, sheet=sheet, rows=extent.rows,
                columns=extent.columns, limit=L.MAX_SHEET_CELLS,
            )  # fmt: skip
        total_cells += extent.cells
        if total_cells > L.MAX_WORKBOOK_CELLS:
            raise ImportError_.of(
                "import.workbook_too_large", file=name, cells=total_cells,
                limit=L.MAX_WORKBOOK_CELLS,
            )  # fmt: skip


def _scan_part(
    name: str, zf: zipfile.ZipFile, info: zipfile.ZipInfo, cancel: CancelToken | None
) -> XmlScan:
    scan = XmlScan()
    try:
        with zf.open(info) as f:
            while block := f.read(_BLOCK):
                scan.feed(block)
                if scan.max_depth > L.MAX_XML_DEPTH:
                    break
                check_cancel(cancel)
        scan.close()
    except TagTooLong:
        raise ImportError_.of(
            "import.xml_tag", file=name, part=info.filename, limit_kb=MAX_TAG_BYTES // 1024
        ) from None
    if scan.max_depth > L.MAX_XML_DEPTH:
        raise ImportError_.of(
            "import.xml_depth", file=name, part=info.filename, limit=L.MAX_XML_DEPTH
        )
    return scan


def _sheet_names(zf: zipfile.ZipFile) -> dict[str, str]:
    """Part path → sheet name, from ``xl/workbook.xml`` and its relationships (small parts, read
    once their declared size passed the directory check); empty when they are not there."""
    try:
        parts = [zf.getinfo("xl/workbook.xml"), zf.getinfo("xl/_rels/workbook.xml.rels")]
    except KeyError:
        return {}
    if any(p.file_size > _BLOCK for p in parts):
        return {}  # unusually large; the scan of the parts still applies every limit
    workbook, rels = (zf.read(p) for p in parts)
    targets: dict[str, str] = {}
    for m in _REL.finditer(rels):
        rid, target = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        path = target.decode("utf-8", "replace")
        targets[rid.decode("utf-8", "replace")] = (
            path.lstrip("/") if path.startswith("/") else posixpath.normpath("xl/" + path)
        )
    out: dict[str, str] = {}
    for i, m in enumerate(_SHEET.finditer(workbook)):
        part = targets.get(m.group(2).decode("utf-8", "replace"), f"#sheet{i}")
        out[part] = m.group(1).decode("utf-8", "replace")
    return out
