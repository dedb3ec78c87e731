"""The cleaning log's value types: one change to a stored dataset, as the vault keeps it.

A dataset's imported data never change (its fingerprint stays the one computed at import); the
changes a cleaner makes are an append-only list of entries kept beside it, and every reader
(analysis, data viewer, checks) sees the data with the log applied
(:func:`workbench.datasets.cleaning_apply.apply_log`). An entry is one of:

- ``change``  — one answer (record × question) gets a new value;
- ``missing`` — one answer is set missing (blanked);
- ``drop``    — one record is removed from every analysis and export;
- ``recode``  — every answer ``old`` of a question becomes ``new`` (a category recoded);
- ``undo``    — the entry ``undoes`` stops applying (an undo of an undo applies it again).

Records are named as the exchange format names them (``uuid``): the value of the dataset's key
column, or the record's 1-based row number in the imported file when the dataset has no key.
Values are JSON values (number, text, boolean or null); a date is ISO text.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from itertools import pairwise
from typing import Any, Literal

ChangeKind = Literal["change", "missing", "drop", "recode", "undo"]
#: the kinds that change data (an undo only switches another entry off or on again)
EDIT_KINDS: tuple[ChangeKind, ...] = ("change", "missing", "drop", "recode")
KINDS: tuple[ChangeKind, ...] = (*EDIT_KINDS, "undo")


@dataclass(frozen=True)
class NewChange:
    """A change as a face asks for it (the vault adds who, when, the old value and the id)."""

    dataset: str
    kind: ChangeKind
    #: the record (``uuid``): key value, or 1-based row number for a dataset without a key
    record: str | None = None
    question: str | None = None
    #: the new value (``change``), or for ``recode`` the category's new code
    new: Any = None
    #: ``recode`` only: the category recoded
    old: Any = None
    #: why (the exchange format's ``issue``)
    issue: str = ""
    #: the check it answers (a finding code such as ``check.age_range``), if any
    check: str | None = None


@dataclass(frozen=True)
class CleaningEntry:
    """One stored entry of a dataset's cleaning log."""

    id: int
    dataset: str
    kind: ChangeKind
    record: str | None
    #: the record's 0-based position in the imported data (None for a recode or an undo)
    row: int | None
    question: str | None
    old: Any
    new: Any
    issue: str
    check: str | None
    user: str
    time: str
    #: for an ``undo``: the entry it reverts
    undoes: int | None = None
    #: answers or records the entry touched when it was made
    rows: int = 1

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class CleanedView:
    """A dataset as the viewer shows it: ``dataset`` (log applied, dropped records removed),
    ``rows`` the imported row position of each of its rows, and ``records`` each row's name in
    the log (``uuid``; None for a partial load)."""

    dataset: Any
    rows: Any
    records: Any
    #: (imported row position, question) → the entry that last changed or blanked the answer
    #: (recodes are not listed cell by cell)
    edits: Mapping[tuple[int, str], CleaningEntry] = field(default_factory=dict)


#: the counts of a :class:`LogSummary`, in the order the faces show them
SUMMARY_COUNTS = ("entries", "changed", "set_missing", "dropped", "recodes", "recoded_values",
                  "undone")  # fmt: skip


@dataclass(frozen=True)
class LogSummary:
    """What a dataset's log does, for records (run snapshot, report, ``clean list``)."""

    dataset: str
    #: entries in the log (undo entries included): its length
    entries: int
    #: SHA-256 over every entry, in order (``log_hash``)
    sha256: str
    #: answers given a new value, set missing; records dropped; categories recoded and the answers
    #: they changed; entries switched off by an undo
    changed: int = 0
    set_missing: int = 0
    dropped: int = 0
    recodes: int = 0
    recoded_values: int = 0
    undone: int = 0
    by_check: Mapping[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["by_check"] = dict(self.by_check)
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> LogSummary:
        return cls(
            dataset=str(d.get("dataset", "")),
            sha256=str(d.get("sha256", "")),
            by_check={str(k): int(v) for k, v in dict(d.get("by_check") or {}).items()},
            **{k: int(d.get(k) or 0) for k in SUMMARY_COUNTS},
        )


def in_order(entries: Iterable[CleaningEntry]) -> list[CleaningEntry]:
    """The entries by id (a log read from the vault already is: then nothing is sorted)."""
    out = list(entries)
    if any(a.id > b.id for a, b in pairwise(out)):
        out.sort(key=lambda e: e.id)
    return out


def switched_off(entries: Iterable[CleaningEntry]) -> set[int]:
    """Ids of the entries (edits or undos) an applying ``undo`` switches off. Undo entries only
    name earlier entries, so one pass from the end decides each."""
    off: set[int] = set()
    for e in reversed(in_order(entries)):
        if e.kind == "undo" and e.id not in off and e.undoes is not None:
            off.add(e.undoes)
    return off


def active_entries(entries: Iterable[CleaningEntry]) -> list[CleaningEntry]:
    """The edits that apply, in log order (an undo of an undo applies its edit again)."""
    ordered = in_order(entries)
    off = switched_off(ordered)
    return [e for e in ordered if e.kind != "undo" and e.id not in off]


def cell_edits(entries: Iterable[CleaningEntry]) -> dict[tuple[int, str], CleaningEntry]:
    """The applying entry that last changed or blanked each answer, by (row, question)."""
    return {
        (e.row, e.question): e
        for e in active_entries(entries)
        if e.kind in ("change", "missing") and e.row is not None and e.question is not None
    }


def log_hash(entries: Iterable[CleaningEntry]) -> str:
    """SHA-256 over every entry (canonical JSON, in id order): equal logs, equal hashes."""
    h = hashlib.sha256()
    for e in sorted(entries, key=lambda e: e.id):
        h.update(json.dumps(e.to_dict(), sort_keys=True, ensure_ascii=False, default=str).encode())
        h.update(b"\n")
    return h.hexdigest()


def summarise(dataset: str, entries: list[CleaningEntry]) -> LogSummary:
    """Counts of what the log does now: an answer edited several times counts once, by the
    kind of its last applying edit (changed, or set missing)."""
    active = active_entries(entries)
    last = cell_edits(active)
    by_kind = {k: [e for e in active if e.kind == k] for k in EDIT_KINDS}
    checks: dict[str, int] = {}
    for e in active:
        if e.check:
            checks[e.check] = checks.get(e.check, 0) + 1
    edits = sum(1 for e in entries if e.kind != "undo")
    return LogSummary(
        dataset=dataset,
        entries=len(entries),
        sha256=log_hash(entries),
        changed=sum(1 for e in last.values() if e.kind == "change"),
        set_missing=sum(1 for e in last.values() if e.kind == "missing"),
        dropped=len({e.row for e in by_kind["drop"]}),
        recodes=len(by_kind["recode"]),
        recoded_values=sum(e.rows for e in by_kind["recode"]),
        undone=edits - len(active),
        by_check=dict(sorted(checks.items())),
    )
