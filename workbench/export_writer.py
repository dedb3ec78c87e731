"""The one way a file leaves the vault: audited before and after, atomic, formula-safe.

Every exporter (PDF report, annex XLSX/CSV, results XLSX/CSV, plan TOML, audit log) builds its
files in memory as :class:`OutFile` values and hands them to :func:`export_files`, which

1. commits an ``export.started`` entry (kind, target files, audience) to the audit log *before*
   any byte is written — when the vault is busy or locked this raises and nothing is written;
2. writes each file under a temporary name in its destination folder, owner-only (0600) from
   creation, flushed to disk;
3. in one audit transaction, commits ``export.completed`` (every file's path, size and SHA-256)
   and renames the temporary files onto their names (``os.replace``) — so a file under its final
   name has a completed entry unless the process dies between the rename and the commit;
4. on any failure in between removes the temporary (and any already renamed) files and commits
   ``export.failed`` with the reason, then re-raises.

A killed process leaves at most hidden ``.<name>.<hex>.partial`` files and an ``export.started``
entry with no outcome; the next unlock of the vault closes it (:func:`close_interrupted`): the
partial files are removed and ``export.failed`` recorded, or — when the process died after its
files were in place but before the commit — ``export.completed`` with ``recovered``.

Formula safety (OWASP "CSV injection"): text from user data never becomes a formula. In XLSX
every text cell is written as a string cell (``t="s"``; text that a spreadsheet would read as a
formula also gets the quote-prefix style, so editing the cell keeps it text). In CSV a text field
starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return is prefixed with a single quote
and quoted. Numbers (int/float values, such as an estimate of -3.2) are written bare, as numbers;
only text is escaped.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as _dt
import errno
import hashlib
import io
import math
import os
import re
import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from workbench.errors import ExportError, WorkbenchError

#: who may read an exported file: ``publishable`` (passed disclosure control) or ``internal``
AUDIENCES = ("publishable", "internal")
#: the first characters that make a spreadsheet read a CSV field as a formula (OWASP)
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
#: characters XML 1.0 (and so XLSX) cannot hold
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")
PARTIAL = ".partial"
XLSX_CELL_LIMIT = 32767


class AuditSink(Protocol):
    """Where export entries go: the vault (``Vault.record``), or a list when there is none."""

    def record(
        self,
        action: str,
        obj: str,
        params: dict[str, Any],
        inside: Callable[[], None] | None = None,
    ) -> None:
        """Append one entry; with ``inside``, call it in the same transaction before commit
        (an exception from it rolls the entry back and propagates)."""


@dataclass
class AuditList:
    """An audit sink that keeps entries in memory: outputs made without a vault (tests,
    benchmarks) still go through the one writer."""

    entries: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)

    def record(
        self,
        action: str,
        obj: str,
        params: dict[str, Any],
        inside: Callable[[], None] | None = None,
    ) -> None:
        if inside is not None:
            inside()
        self.entries.append((action, obj, params))

    def actions(self) -> list[str]:
        return [a for a, _o, _p in self.entries]


@dataclass(frozen=True)
class OutFile:
    """One file of an export: where it goes and its complete content."""

    path: Path
    data: bytes


# ----------------------------------------------------------------- formula safety
def is_formula_like(text: str) -> bool:
    """Text that a spreadsheet may evaluate: it starts with ``=``, ``+``, ``-``, ``@``, tab or
    CR (OWASP's list; text such as ``-3.2`` too — only numbers written as numbers are bare)."""
    return text.startswith(FORMULA_TRIGGERS)


def neutralise(text: str) -> str:
    """A CSV text field made inert: ``'`` before a formula trigger (OWASP)."""
    return "'" + text if is_formula_like(text) else text


def plain_value(value: Any) -> Any:
    """A cell value as a plain Python scalar: None for missing, numbers as int/float, dates as
    ISO text, everything else as str."""
    if value is None:
        return None
    item = getattr(value, "item", None)
    if item is not None and not isinstance(value, str | bytes):
        with contextlib.suppress(ValueError, TypeError):
            value = item()
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, _dt.datetime | _dt.date):
        return value.isoformat()
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return None
    except ImportError:  # pragma: no cover - pandas is a dependency
        pass
    return str(value)


def _csv_field(value: Any, delimiter: str = ",", decimal_comma: bool = False) -> str:
    v = plain_value(value)
    if v is None:
        return ""
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int | float):
        text = repr(v) if isinstance(v, float) else str(v)
        return text.replace(".", ",") if decimal_comma else text
    text = neutralise(v)
    if text is not v or any(ch in text for ch in f'{delimiter}"\r\n') or text != text.strip():
        return '"' + text.replace('"', '""') + '"'
    return text


#: a number as a table shows it in any language (digits, group and decimal marks, sign, %)
_SHOWN_NUMBER = re.compile(
    r"[+\-\u2212]?[\d\s.,\u00a0\u202f\u066b\u066c]*\d[\d\s.,\u00a0\u202f\u066b\u066c]*%?"
)


def _tsv_field(value: Any) -> str:
    v = plain_value(value)
    if v is None:
        return ""
    if isinstance(v, bool | int | float):
        return str(v)
    text = v.replace("\r", " ").replace("\n", " ").replace("\t", " ")
    return text if _SHOWN_NUMBER.fullmatch(text) else neutralise(text)


def tsv_text(rows: Iterable[Sequence[Any]]) -> str:
    """Tab-separated text as spreadsheets and word processors paste it (a table, one line per
    row): tabs and line ends inside a cell become spaces, and text a spreadsheet would
    evaluate is neutralised as in CSV — except numbers as shown (``-3.2``, ``14 542``)."""
    return "".join("\t".join(_tsv_field(v) for v in row) + "\n" for row in rows)


def clipboard_export(
    rows: Sequence[Sequence[Any]],
    *,
    kind: str,
    obj: str,
    audit: AuditSink,
    audience: str,
    details: dict[str, Any] | None = None,
) -> str:
    """``rows`` (the first is the header) as :func:`tsv_text` for the clipboard, after an
    ``export.clipboard`` audit entry (what, how many rows and columns, the text's SHA-256) —
    a locked or busy vault raises here and nothing is copied."""
    if audience not in AUDIENCES:
        raise ValueError(f"audience must be one of {AUDIENCES}")
    text = tsv_text(rows)
    audit.record("export.clipboard", obj, {
        "kind": kind, "audience": audience, "rows": max(len(rows) - 1, 0),
        "columns": max((len(r) for r in rows), default=0),
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), **(details or {}),
    })  # fmt: skip
    return text


def csv_bytes(
    rows: Iterable[Sequence[Any]],
    *,
    bom: bool = False,
    delimiter: str = ",",
    decimal_comma: bool = False,
) -> bytes:
    """Formula-safe CSV (comma, CRLF-free ``\\n`` line ends as the csv module's ``excel``
    dialect would quote them): numbers bare, text neutralised and quoted when needed.
    ``delimiter=";", decimal_comma=True`` writes what French, Spanish … spreadsheets split into
    columns and read as numbers."""
    if decimal_comma and delimiter == ",":
        raise ValueError("a decimal comma needs another delimiter")
    lines = [delimiter.join(_csv_field(v, delimiter, decimal_comma) for v in row) for row in rows]
    text = "\r\n".join(lines) + ("\r\n" if lines else "")
    return ("\ufeff" if bom else "").encode("utf-8") + text.encode("utf-8")


def read_csv_text(data: bytes, delimiter: str = ",") -> list[list[str]]:
    """The rows of CSV bytes written by :func:`csv_bytes` (for checks and tests)."""
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))


# ----------------------------------------------------------------- XLSX
@dataclass
class Sheet:
    """One worksheet: rows of values; which rows are bold (0-based), a bigger first row,
    column widths (characters)."""

    name: str
    rows: Sequence[Sequence[Any]]
    bold_rows: tuple[int, ...] = (0,)
    title_row: bool = False
    widths: dict[int, float] = field(default_factory=dict)
    #: the first cell below and right of the frozen panes ("A2": the header row stays)
    freeze: str | None = None
    #: columns from right to left (Excel's "sheet right-to-left": an Arabic workbook)
    right_to_left: bool = False
    #: a workbook-level defined name for the sheet's table (its rows from ``key_row``, 0-based,
    #: to the last, every column): a stable id scripts can find the sheet by, whatever its name
    key: str = ""
    key_row: int = 0
    #: (row, column), both 0-based → the number format of a number there ("#,##0.0")
    formats: dict[tuple[int, int], str] = field(default_factory=dict)


def sheet_names(wanted: Sequence[str]) -> list[str]:
    """Valid, distinct sheet names (≤ 31 characters, none of ``[]:*?/\\``)."""
    used: set[str] = set()
    out = []
    for raw in wanted:
        base = _SHEET_BAD.sub("_", raw).strip("'") or "sheet"
        name = base[:31]
        i = 2
        while name.lower() in used:
            name = f"{base[:28]}_{i}"
            i += 1
        used.add(name.lower())
        out.append(name)
    return out


def defined_name(key: str) -> str:
    """``key`` as a defined name a workbook takes: letters, digits, ``_`` and ``.``, not
    starting with a digit, never read as a cell reference (``A1``, ``R1C1``)."""
    name = re.sub(r"[^A-Za-z0-9_.]", "_", key) or "_"
    if not (name[0].isalpha() or name[0] == "_") or re.fullmatch(
        r"[A-Za-z]{1,3}\d+|[Rr]\d*[Cc]?\d*|[Cc]\d*", name
    ):
        name = "_" + name
    return name


def xlsx_text(text: str) -> str:
    """Text as an XLSX cell can hold it: characters XML refuses replaced, at most 32,767."""
    text = _ILLEGAL_XML.sub("\ufffd", text)
    if len(text) > XLSX_CELL_LIMIT:
        text = text[: XLSX_CELL_LIMIT - 1] + "…"
    return text


def xlsx_bytes(sheets: Sequence[Sheet], *, creator: str = "Durable Solutions Workbench") -> bytes:
    """A workbook where every text cell is a string cell — never a formula."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.workbook.defined_name import DefinedName

    wb = Workbook()
    wb.remove(wb.active)
    bold, title = Font(bold=True), Font(bold=True, size=12)
    for sheet, name in zip(sheets, sheet_names([s.name for s in sheets]), strict=True):
        ws = wb.create_sheet(name)
        for r, row in enumerate(sheet.rows, start=1):
            font = (
                title
                if (sheet.title_row and r == 1)
                else bold
                if r - 1 in sheet.bold_rows
                else None
            )
            for c, raw in enumerate(row, start=1):
                value = plain_value(raw)
                if value is None or value == "":
                    continue
                cell = ws.cell(r, c)
                if isinstance(value, str):
                    value = xlsx_text(value)
                    cell.value = value
                    cell.data_type = "s"  # openpyxl makes "=…" a formula otherwise
                    if value.startswith(FORMULA_TRIGGERS):
                        cell.quotePrefix = True
                elif isinstance(value, float) and math.isinf(value):
                    cell.value = "inf" if value > 0 else "-inf"
                    cell.data_type = "s"
                else:
                    cell.value = value
                    number_format = sheet.formats.get((r - 1, c - 1))
                    if number_format and isinstance(value, int | float):
                        cell.number_format = number_format
                if font is not None:
                    cell.font = font
        for col, width in sheet.widths.items():
            ws.column_dimensions[get_column_letter(col)].width = width
        if sheet.freeze:
            ws.freeze_panes = sheet.freeze
        if sheet.right_to_left:
            ws.sheet_view.rightToLeft = True
        if sheet.key:
            width = max((len(r) for r in sheet.rows), default=1) or 1
            last = get_column_letter(width)
            ref = (
                f"{quote_sheetname(name)}!$A${sheet.key_row + 1}:${last}${max(len(sheet.rows), 1)}"
            )
            key = defined_name(sheet.key)
            wb.defined_names[key] = DefinedName(key, attr_text=ref)
    wb.properties.creator = creator
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def frame_rows(frame: Any) -> list[list[Any]]:
    """A DataFrame as a header row plus value rows."""
    return [list(map(str, frame.columns)), *frame.itertuples(index=False, name=None)]


# ----------------------------------------------------------------- writing
def _mode(audience: str) -> int:
    """Owner-only for internal files; publishable files get the user's usual mode (umask)."""
    if audience != "publishable":
        return 0o600
    return 0o666 & ~_umask()


def _umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def _error_reason(exc: BaseException) -> str:
    """What the failed entry says: the error's message code, or the kind of system error."""
    if isinstance(exc, WorkbenchError):
        return exc.code
    name = errno.errorcode.get(exc.errno or 0) if isinstance(exc, OSError) else None
    if name:
        return f"{type(exc).__name__}:{name}"
    return type(exc).__name__


def _write_temp(target: OutFile) -> Path:
    tmp = target.path.with_name(f".{target.path.name}.{secrets.token_hex(4)}{PARTIAL}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(target.data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _sync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _leftovers(target: Path) -> list[Path]:
    """Partial files an interrupted export to ``target`` left (``.<name>.<8 hex>.partial``)."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.[0-9a-f]{{8}}{re.escape(PARTIAL)}")
    with contextlib.suppress(OSError):
        return [p for p in target.parent.glob(f".*{PARTIAL}") if pattern.fullmatch(p.name)]
    return []


def _listing(files: Sequence[OutFile]) -> list[dict[str, Any]]:
    return [
        {"path": str(f.path), "bytes": len(f.data), "sha256": hashlib.sha256(f.data).hexdigest()}
        for f in files
    ]


def export_files(
    files: Sequence[OutFile],
    *,
    kind: str,
    obj: str,
    audit: AuditSink,
    audience: str,
    details: dict[str, Any] | None = None,
    before_write: Callable[[], None] | None = None,
) -> list[Path]:
    """Write ``files`` as one audited, all-or-nothing export; returns their paths.

    ``kind`` names the export (``report``, ``annex``, ``results``, ``plan``, ``audit``), ``obj``
    what it exports (a run id, a plan name); ``details`` are extra settings for the audit entries
    (names and options, never data values). ``before_write`` runs after the started entry and
    before the first byte (where a caller checks its cancel token).

    The three entries share an ``export_id``; the started one already lists every file's size
    and SHA-256 and the process id, so an export cut short by a crash can be closed at the next
    unlock (:func:`close_interrupted`)."""
    if audience not in AUDIENCES:
        raise ValueError(f"audience must be one of {AUDIENCES}")
    paths = [Path(f.path) for f in files]
    if len({p.resolve() for p in paths}) != len(paths):
        raise ValueError("an export names the same file twice")
    listing = _listing(files)
    base = {"kind": kind, "audience": audience, "export_id": secrets.token_hex(8),
            **(details or {})}  # fmt: skip
    audit.record("export.started", obj, {**base, "files": listing, "pid": os.getpid()})
    temps: list[tuple[Path, Path]] = []
    placed: list[Path] = []
    try:
        if before_write is not None:
            before_write()
        for folder in dict.fromkeys(p.parent for p in paths):
            folder.mkdir(parents=True, exist_ok=True)
        for f in files:
            temps.append((_write_temp(f), Path(f.path)))
        mode = _mode(audience)

        def publish() -> None:
            for tmp, final in temps:
                if mode != 0o600:
                    os.chmod(tmp, mode)
                os.replace(tmp, final)
                placed.append(final)
            for folder in dict.fromkeys(p.parent for p in paths):
                _sync_dir(folder)

        audit.record("export.completed", obj, {**base, "files": listing}, inside=publish)
    except BaseException as exc:
        for tmp, _final in temps:
            tmp.unlink(missing_ok=True)
        for final in placed:
            final.unlink(missing_ok=True)
        with contextlib.suppress(Exception):
            audit.record(
                "export.failed", obj,
                {**base, "files": [str(p) for p in paths], "reason": _error_reason(exc)},
            )  # fmt: skip
        if isinstance(exc, OSError):
            raise _write_error(exc, paths) from exc
        raise
    return paths


def _alive(pid: Any) -> bool:
    if not isinstance(pid, int) or pid <= 0:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def _sha256_file(path: Path) -> str | None:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


def close_interrupted(started: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """The entry that closes an ``export.started`` left without an outcome (its process was
    killed), or None while that process still runs.

    Every file under its final name with the announced SHA-256 → ``export.completed``
    (``recovered``): the files were put in place and only the commit was lost. Otherwise the
    export's partial files and any of its files already renamed are removed →
    ``export.failed`` (reason ``interrupted``): all or nothing, as for a live failure."""
    if _alive(started.get("pid")):
        return None
    files = [f for f in started.get("files", []) if isinstance(f, dict) and "path" in f]
    keep = {k: v for k, v in started.items() if k not in ("files", "pid")}
    for f in files:
        for leftover in _leftovers(Path(f["path"])):
            leftover.unlink(missing_ok=True)
    ours = [f for f in files if _sha256_file(Path(f["path"])) == f.get("sha256")]
    if files and len(ours) == len(files):
        return "export.completed", {**keep, "files": files, "recovered": True}
    for f in ours:
        Path(f["path"]).unlink(missing_ok=True)
    return "export.failed", {**keep, "files": [f["path"] for f in files], "reason": "interrupted"}


def _write_error(exc: OSError, paths: Sequence[Path]) -> ExportError:
    where = Path(exc.filename).parent if exc.filename else paths[0].parent
    if exc.errno == errno.ENOSPC:
        return ExportError.of("export.disk_full", folder=where)
    return ExportError.of(
        "export.write_failed", folder=where, reason=exc.strerror or type(exc).__name__
    )
