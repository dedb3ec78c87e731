"""Save an openpyxl workbook byte-for-byte repeatably.

openpyxl stamps ``docProps/core.xml`` with the current time and the zip entries with the time of
writing; both are replaced by a fixed moment so that the same data always gives the same file.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook

FIXED_ISO = "2026-03-01T00:00:00Z"
_ZIP_TIME = (2026, 3, 1, 0, 0, 0)
_STAMP = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def save_stable(wb: Workbook, path: Path) -> Path:
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _STAMP.sub(lambda m: m.group(1) + FIXED_ISO.encode() + m.group(3), data)
            out = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            out.compress_type = zipfile.ZIP_DEFLATED
            out.external_attr = 0o600 << 16
            dst.writestr(out, data, compresslevel=9)
    return path
