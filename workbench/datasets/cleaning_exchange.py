"""The cleaning log's exchange format: the layout REACH/IMPACT's ``cleaningtools`` reads and writes.

One row per change: ``uuid``, ``question``, ``old_value``, ``new_value``, ``issue``,
``change_type``, ``changed_by``, ``changed_at`` — then the Workbench's own ``dataset`` and
``check`` columns (other tools ignore extra columns). ``change_type`` is ``change_response``,
``blank_response`` or ``remove_survey`` as in ``cleaningtools``, and ``recode_category`` for a
recode (``uuid`` empty: every answer ``old_value`` of the question). Rows marked ``no_action``
are read and skipped. Every cell is written as text, so ``007`` stays ``007`` and a value such
as ``=1+1`` is never a formula. XLSX or CSV (UTF-8) are read.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.cleaning_model import ChangeKind, CleaningEntry, NewChange
from workbench.datasets.cleaning_apply import value_text
from workbench.datasets.cleaning_edit import UNCHECKED, EditSession
from workbench.errors import CleaningError, WorkbenchError
from workbench.export_writer import OutFile, Sheet, xlsx_bytes
from workbench.messages import Message

COLUMNS = (
    "uuid",
    "question",
    "old_value",
    "new_value",
    "issue",
    "change_type",
    "changed_by",
    "changed_at",
)
EXTRA_COLUMNS = ("dataset", "check")
CHANGE_TYPES: dict[ChangeKind, str] = {
    "change": "change_response",
    "missing": "blank_response",
    "drop": "remove_survey",
    "recode": "recode_category",
}
KIND_OF = {v: k for k, v in CHANGE_TYPES.items()}
NO_ACTION = "no_action"
#: the columns a log must have to be read (the rest may be absent)
REQUIRED = ("uuid", "question", "old_value", "new_value", "change_type")


@dataclass(frozen=True)
class LogRow:
    """One row of an exchanged log (``line``: its row number in the file, the header is 1)."""

    line: int
    kind: ChangeKind | None  # None: no_action
    uuid: str
    question: str
    old: str
    new: str
    issue: str
    changed_by: str
    changed_at: str
    dataset: str
    check: str


def entry_row(e: CleaningEntry) -> dict[str, str]:
    """A stored entry as a row of the exchange format (every value as text)."""
    return {
        "uuid": e.record or "",
        "question": e.question or "",
        "old_value": value_text(e.old),
        "new_value": value_text(e.new),
        "issue": e.issue,
        "change_type": CHANGE_TYPES[e.kind],
        "changed_by": e.user,
        "changed_at": e.time,
        "dataset": e.dataset,
        "check": e.check or "",
    }


def log_xlsx(rows: Sequence[dict[str, str]], path: Path) -> OutFile:
    """The rows as an XLSX sheet ``cleaning_log`` of text cells (never a formula or a number),
    for the export writer (``workbench/export_writer.py``: audited, atomic)."""
    header = (*COLUMNS, *EXTRA_COLUMNS)
    table = [header, *([row.get(name, "") for name in header] for row in rows)]
    widths = (16, 22, 14, 14, 40, 18, 14, 28, 22, 22)
    sheet = Sheet("cleaning_log", table, widths={j: float(w) for j, w in enumerate(widths, 1)},
                  freeze="A2")  # fmt: skip
    return OutFile(Path(path), xlsx_bytes([sheet]))


def read_log_file(path: Path) -> list[LogRow]:
    """The rows of a log file (XLSX/XLSM/XLS: its ``cleaning_log`` sheet, else the first; or
    CSV), refused with the problem named when the layout is not the exchange format's."""
    path = Path(path)
    if not path.is_file():
        raise CleaningError.of("clean.import_no_file", file=str(path))
    if path.suffix.lower() == ".csv":
        try:
            with path.open(encoding="utf-8-sig", newline="") as fh:
                table: list[list[Any]] = list(csv.reader(fh))
        except (UnicodeDecodeError, csv.Error) as exc:
            raise CleaningError.of(
                "clean.import_unreadable", file=path.name, detail=str(exc)[:120]
            ) from None
    else:
        from workbench.datasets.excel import open_workbook, sheet_rows

        wb = open_workbook(path)
        names = list(wb.sheet_names)
        sheet = "cleaning_log" if "cleaning_log" in names else names[0]
        table = sheet_rows(wb, path, sheet)
    return _rows(path.name, table)


def _rows(name: str, table: list[list[Any]]) -> list[LogRow]:
    if not table:
        raise CleaningError.of(
            "clean.import_columns", file=name, columns=", ".join(REQUIRED), count=len(REQUIRED)
        )
    header = [_cell(c).strip().casefold() for c in table[0]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise CleaningError.of(
            "clean.import_columns", file=name, columns=", ".join(missing), count=len(missing)
        )
    at = {c: header.index(c) for c in (*COLUMNS, *EXTRA_COLUMNS) if c in header}
    out: list[LogRow] = []
    for line, cells in enumerate(table[1:], start=2):
        get = {c: (_cell(cells[j]) if j < len(cells) else "") for c, j in at.items()}
        if not any(v.strip() for v in get.values()):
            continue  # a blank row
        change_type = get["change_type"].strip().casefold()
        if change_type != NO_ACTION and change_type not in KIND_OF:
            raise CleaningError.of(
                "clean.import_change_type",
                file=name,
                line=line,
                value=get["change_type"],
                known=", ".join([*KIND_OF, NO_ACTION]),
            )
        out.append(
            LogRow(
                line=line,
                kind=KIND_OF.get(change_type),
                uuid=get["uuid"].strip(),
                question=get["question"].strip(),
                old=get["old_value"],
                new=get["new_value"],
                issue=get.get("issue", "").strip(),
                changed_by=get.get("changed_by", "").strip(),
                changed_at=get.get("changed_at", "").strip(),
                dataset=get.get("dataset", "").strip(),
                check=get.get("check", "").strip(),
            )
        )
    return out


def _cell(value: Any) -> str:
    """A spreadsheet cell as the text the log means (a number typed in Excel as a number)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return value_text(value)


def plan_import(
    file: str,
    rows: Sequence[LogRow],
    default_dataset: str | None,
    session: Callable[[str], EditSession],
) -> tuple[dict[str, list[dict[str, Any]]], int]:
    """The entries an exchanged log adds, per dataset, each row checked against the data as the
    rows before it leave it (old values must match). The first problem refuses the whole log,
    naming the row of the file, its uuid and question. Also returns the ``no_action`` rows."""
    out: dict[str, list[dict[str, Any]]] = {}
    skipped = 0
    for row in rows:
        if row.kind is None:
            skipped += 1
            continue
        dataset = row.dataset or default_dataset
        try:
            if not dataset:
                raise CleaningError.of("clean.import_dataset_needed")
            req = NewChange(
                dataset=dataset,
                kind=row.kind,
                record=row.uuid or None,
                question=row.question or None,
                new=row.new,
                old=row.old if row.kind == "recode" else None,
                issue=row.issue,
                check=row.check or None,
            )
            checked = row.old if row.kind in ("change", "missing") else UNCHECKED
            change = session(dataset).plan(req, expected_old=checked)
        except WorkbenchError as exc:
            raise CleaningError.of(
                "clean.import_row",
                file=file,
                line=row.line,
                uuid=row.uuid or "—",
                question=row.question or "—",
                problem=Message(exc.code, exc.params),
            ) from None
        out.setdefault(dataset, []).append(
            {**change, "by": row.changed_by or None, "at": row.changed_at or None}
        )
    return out, skipped
