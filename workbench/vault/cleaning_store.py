"""The cleaning log in the vault: an append-only table of changes per dataset.

Entries belong to a dataset by name and by the fingerprint of the data they were made against: a
dataset replaced by different data does not inherit the old log (its entries stay, retired, and
apply again only to data with that fingerprint). The table is made by schema migration v4
(``workbench/vault/schema.py``); its triggers refuse UPDATE and DELETE. All writes happen inside
the caller's transaction; nothing here commits.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from workbench.cleaning_model import KINDS, CleaningEntry
from workbench.errors import NotFound, VaultError
from workbench.vault.connection import Connection
from workbench.vault.dataset_store import dataset_id, now_utc
from workbench.vault.records_store import audit, os_user

_COLS = (
    "id, dataset, kind, record, row, question, old_json, new_json, issue, check_code, user, time,"
    " undoes, rows"
)


def _entry(r: tuple[Any, ...], old: Any, new: Any) -> CleaningEntry:
    return CleaningEntry(
        id=int(r[0]),
        dataset=r[1],
        kind=r[2],
        record=r[3],
        row=None if r[4] is None else int(r[4]),
        question=r[5],
        old=old,
        new=new,
        issue=r[8],
        check=r[9],
        user=r[10],
        time=r[11],
        undoes=None if r[12] is None else int(r[12]),
        rows=int(r[13]),
    )


def _fingerprint(conn: Connection, dataset: str) -> str:
    did = dataset_id(conn, dataset)  # NotFound for an unknown dataset
    return str(conn.execute("SELECT fingerprint FROM datasets WHERE id = ?", (did,)).fetchone()[0])


def load_log(conn: Connection, dataset: str) -> list[CleaningEntry]:
    """Every entry of the dataset's log (for the data stored now), in order."""
    rows = conn.execute(
        f"SELECT {_COLS} FROM cleaning_log WHERE dataset = ? AND fingerprint = ? ORDER BY id",
        (dataset, _fingerprint(conn, dataset)),
    ).fetchall()
    return _entries(rows)


def _entries(rows: list[tuple[Any, ...]]) -> list[CleaningEntry]:
    # every value decoded by one C call: 10,000 json.loads calls cost more than the query
    old = json.loads("[" + ",".join(r[6] for r in rows) + "]")
    new = json.loads("[" + ",".join(r[7] for r in rows) + "]")
    return [_entry(r, o, n) for r, o, n in zip(rows, old, new, strict=True)]


def log_stamp(conn: Connection, dataset: str) -> tuple[int, int]:
    """(entries, last id) of the dataset's log: changes whenever the log does (cheap)."""
    row = conn.execute(
        "SELECT count(*), coalesce(max(id), 0) FROM cleaning_log"
        " WHERE dataset = ? AND fingerprint = ?",
        (dataset, _fingerprint(conn, dataset)),
    ).fetchone()
    return int(row[0]), int(row[1])


def entry(conn: Connection, entry_id: int) -> CleaningEntry:
    row = conn.execute(
        f"SELECT {_COLS} FROM cleaning_log WHERE id = ?", (int(entry_id),)
    ).fetchone()
    if row is None:
        raise NotFound.of("clean.entry_unknown", entry=entry_id)
    return _entries([row])[0]


def append(
    conn: Connection,
    dataset: str,
    changes: Sequence[dict[str, Any]],
    *,
    after: int,
    source: dict[str, Any],
) -> list[CleaningEntry]:
    """Append ``changes`` (dicts with kind, record, row, question, old, new, issue, check, undoes,
    rows) to the dataset's log and one audit entry for each. ``after`` is the last entry id the
    caller computed old values against: if the log moved since, nothing is written."""
    _, last = log_stamp(conn, dataset)
    if last != after:
        raise VaultError.of("clean.log_moved", dataset=dataset)
    fingerprint = _fingerprint(conn, dataset)
    me, now = os_user(), now_utc()
    first = int(conn.execute("SELECT coalesce(max(id), 0) FROM cleaning_log").fetchone()[0]) + 1
    out: list[CleaningEntry] = []
    for i, c in enumerate(changes):
        if c["kind"] not in KINDS:  # the faces build changes from the vocabulary; never reached
            raise VaultError.of("clean.kind_unknown", kind=c["kind"])
        out.append(CleaningEntry(
            id=first + i, dataset=dataset, kind=c["kind"], record=c.get("record"),
            row=c.get("row"), question=c.get("question"), old=c.get("old"), new=c.get("new"),
            issue=str(c.get("issue") or ""), check=c.get("check") or None,
            # an imported log keeps its author and time (the audit entry names who imported it)
            user=str(c.get("by") or me), time=str(c.get("at") or now),
            undoes=c.get("undoes"), rows=int(c.get("rows", 1)),
        ))  # fmt: skip
    conn.executemany(
        "INSERT INTO cleaning_log (id, dataset, fingerprint, kind, record, row, question,"
        " old_json, new_json, issue, check_code, user, time, undoes, rows)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(e.id, dataset, fingerprint, e.kind, e.record, e.row, e.question,
          json.dumps(e.old, ensure_ascii=False), json.dumps(e.new, ensure_ascii=False), e.issue,
          e.check, e.user, e.time, e.undoes, e.rows) for e in out],
    )  # fmt: skip
    for e in out:
        # names and counts, never values: the entry id leads to the rest
        undoes = {"undoes": e.undoes} if e.undoes is not None else {}
        audit(conn, f"clean.{e.kind}", dataset, {
            "entry": e.id, "question": e.question, "check": e.check, "rows": e.rows, **undoes,
            **source,
        })  # fmt: skip
    return out
