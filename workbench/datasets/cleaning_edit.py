"""Turning requested changes into log entries, checked against the data as the log leaves it.

An :class:`EditSession` holds the dataset with its current log applied (records kept in their
imported positions, the dropped ones set aside) and plans each change in turn: it finds the
record, checks the question, reads the old value, turns the typed value into the column's type
and applies the change to its working copy, so the next change of the same batch (an imported
log) sees it. Nothing is stored here; the façade appends the planned entries in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from workbench.cleaning_model import CleaningEntry, NewChange, active_entries, switched_off
from workbench.dataset_model import Dataset, Variable
from workbench.datasets.cleaning_apply import (
    apply_log,
    as_scalar,
    assign,
    holds_scalars,
    matches,
    record_ids,
    same_value,
    value_json,
    value_text,
)
from workbench.errors import CleaningError

#: ``expected_old`` not given (an edit made in the app or the CLI reads it from the data)
UNCHECKED = object()


class EditSession:
    def __init__(self, raw: Dataset, entries: Sequence[CleaningEntry]) -> None:
        self.name = raw.name
        self.key = raw.key
        self.variables = raw.variables
        self.frame = apply_log(raw, entries, drop=False)[0].frame
        #: the working copies of the columns changed so far (the cached data never see them)
        self._cols: dict[str, pd.Series] = {}
        self.dropped = {e.row for e in active_entries(entries) if e.kind == "drop"}
        ids = record_ids(raw)
        index = pd.Index(ids)
        self._index = index
        self._unique = index.is_unique

    # ------------------------------------------------------------ records
    def locate(self, record: str | None) -> int:
        text = "" if record is None else str(record).strip()
        if not text:
            raise CleaningError.of("clean.record_needed", dataset=self.name)
        if self._unique:
            pos = int(self._index.get_indexer([text])[0])
        else:
            hits = np.flatnonzero(self._index == text)
            if len(hits) > 1:
                raise CleaningError.of(
                    "clean.record_ambiguous",
                    dataset=self.name,
                    record=text,
                    key=self.key or "",
                    count=len(hits),
                )
            pos = int(hits[0]) if len(hits) else -1
        if pos < 0:
            how = "clean.record_by_key" if self.key else "clean.record_by_row"
            raise CleaningError.of(
                "clean.record_unknown",
                dataset=self.name,
                record=text,
                hint_code=how,
                key=self.key or "",
                rows=len(self.frame),
            )
        return pos

    def column(self, question: str | None) -> pd.Series:
        if not question or question not in self.frame.columns:
            raise CleaningError.of(
                "clean.question_unknown", dataset=self.name, question=question or ""
            )
        return self._cols[question] if question in self._cols else self.frame[question]

    def _set(self, question: str, rows: np.ndarray, values: list[Any]) -> None:
        """Apply a planned change to the working copy: in place when the column's type holds
        the values (a batch of 10,000 imported changes then costs one copy per column)."""
        col = self.column(question)
        if question in self._cols and len(rows) == 1 and holds_scalars(col):
            col.iat[int(rows[0])] = as_scalar(col, values[0])
            return
        self._cols[question] = assign(col, rows, values, owned=question in self._cols)

    def current(self, record: str, question: str) -> Any:
        """The answer now (with the log applied) as a log value."""
        col = self.column(question)
        return value_json(col.iloc[self.locate(record)])

    # ----------------------------------------------------------- planning
    def plan(self, req: NewChange, expected_old: Any = UNCHECKED) -> dict[str, Any]:
        """The entry for ``req`` (a dict for the vault), applied to the working copy."""
        base = {"kind": req.kind, "issue": req.issue.strip(), "check": (req.check or "").strip()}
        if not base["issue"]:
            raise CleaningError.of("clean.reason_needed")
        if req.kind == "recode":
            return {**base, **self._recode(req, expected_old)}
        pos = self.locate(req.record)
        record = str(req.record).strip()
        if pos in self.dropped:
            raise CleaningError.of("clean.record_dropped", dataset=self.name, record=record)
        if req.kind == "drop":
            self.dropped.add(pos)
            return {
                **base,
                "record": record,
                "row": pos,
                "question": None,
                "old": None,
                "new": None,
                "rows": 1,
            }
        col = self.column(req.question)
        old = value_json(col.iloc[pos])
        if expected_old is not UNCHECKED and not same_value(old, expected_old):
            raise CleaningError.of(
                "clean.old_mismatch",
                dataset=self.name,
                record=record,
                question=req.question,
                expected=value_text(expected_old),
                found=value_text(old),
            )
        if req.kind == "missing":
            if old is None:
                raise CleaningError.of(
                    "clean.already_missing", record=record, question=req.question
                )
            new = None
        else:
            new = parse_value(col, self.variables.get(str(req.question)), req.new, req.question)
            if same_value(old, new):
                raise CleaningError.of(
                    "clean.value_unchanged",
                    record=record,
                    question=req.question,
                    value=value_text(old),
                )
        self._set(str(req.question), np.array([pos]), [new])
        return {
            **base,
            "record": record,
            "row": pos,
            "question": req.question,
            "old": old,
            "new": new,
            "rows": 1,
        }

    def _recode(self, req: NewChange, expected_old: Any) -> dict[str, Any]:
        col = self.column(req.question)
        var = self.variables.get(str(req.question))
        old = parse_value(col, var, req.old, req.question)
        if expected_old is not UNCHECKED and not same_value(old, expected_old):
            raise CleaningError.of(
                "clean.old_mismatch",
                dataset=self.name,
                record="",
                question=req.question,
                expected=value_text(expected_old),
                found=value_text(old),
            )
        empty = req.new is None or not str(req.new).strip()
        new = None if empty else parse_value(col, var, req.new, req.question)
        hit = matches(col, old)
        if self.dropped:
            hit[np.fromiter(self.dropped, dtype=np.int64)] = False
        rows = np.flatnonzero(hit)
        if not len(rows):
            raise CleaningError.of(
                "clean.recode_nothing",
                dataset=self.name,
                question=req.question,
                value=value_text(old),
            )
        if same_value(old, new):
            raise CleaningError.of(
                "clean.value_unchanged", record="*", question=req.question, value=value_text(old)
            )
        self._set(str(req.question), rows, [new])
        return {
            "record": None,
            "row": None,
            "question": req.question,
            "old": old,
            "new": new,
            "rows": len(rows),
        }


def parse_value(col: pd.Series, var: Variable | None, raw: Any, question: str | None) -> Any:
    """A typed value (text from a face or a log file) as a log value of the column's type: a
    number for a numeric column (a value label's text is taken as its code), a boolean, an ISO
    date, or text. Refused with the question named when it does not fit."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        raise CleaningError.of("clean.value_needed", question=question or "")
    text = raw.strip() if isinstance(raw, str) else raw
    if isinstance(text, str) and var is not None and var.value_labels:
        for code, label in var.value_labels.items():
            if str(label).strip().casefold() == text.casefold():
                text = code
                break
    try:
        return value_json(as_scalar(col, text))
    except (ValueError, TypeError, OverflowError) as exc:
        dtype = col.dtype
        if pd.api.types.is_bool_dtype(dtype):
            code = "clean.value_not_boolean"
        elif pd.api.types.is_datetime64_any_dtype(dtype):
            code = "clean.value_not_date"
        else:
            code = "clean.value_not_number"
        raise CleaningError.of(code, question=question or "", value=str(raw)) from exc


def undo_change(
    entries: Sequence[CleaningEntry], target: CleaningEntry, reason: str
) -> dict[str, Any]:
    """The entry that reverts ``target`` (an edit, or an undo to apply its edit again), refused
    when ``target`` does not apply now (already undone) or is not in this log."""
    if not reason.strip():
        raise CleaningError.of("clean.reason_needed")
    if target.id not in {e.id for e in entries}:
        raise CleaningError.of("clean.entry_retired", entry=target.id, dataset=target.dataset)
    if target.id in switched_off(entries):
        raise CleaningError.of("clean.already_undone", entry=target.id)
    return {
        "kind": "undo",
        "record": target.record,
        "row": target.row,
        "question": target.question,
        "old": target.new,
        "new": target.old,
        "issue": reason.strip(),
        "check": target.check,
        "undoes": target.id,
        "rows": target.rows,
    }
