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


def _entry(r: tuple[Any, ...]) -> CleaningEntry:
    return CleaningEntry(
        id=int(r[0]),
        dataset=r[1],
        kind=r[2],
        record=r[3],
        row=None if r[4] is None else int(r[4]),
        question=r[5],
        old=json.loads(r[6]),
        new=json.loads(r[7]),
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
    return [_entry(r) for r in rows]


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
    return _entry(row)


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
    out: list[CleaningEntry] = []
    for c in changes:
        kind = c["kind"]
        # an imported log keeps its author and time (the audit entry names who imported it)
        user, at = str(c.get("by") or me), str(c.get("at") or now)
        if kind not in KINDS:  # the faces build changes from the vocabulary; never reached
            raise VaultError.of("clean.kind_unknown", kind=kind)
        cur = conn.execute(
            "INSERT INTO cleaning_log (dataset, fingerprint, kind, record, row, question, old_json,"
            " new_json, issue, check_code, user, time, undoes, rows)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                dataset,
                fingerprint,
                kind,
                c.get("record"),
                c.get("row"),
                c.get("question"),
                json.dumps(c.get("old"), ensure_ascii=False),
                json.dumps(c.get("new"), ensure_ascii=False),
                str(c.get("issue") or ""),
                c.get("check") or None,
                user,
                at,
                c.get("undoes"),
                int(c.get("rows", 1)),
            ),
        )
        new = CleaningEntry(
            id=int(cur.lastrowid or 0),
            dataset=dataset,
            kind=kind,
            record=c.get("record"),
            row=c.get("row"),
            question=c.get("question"),
            old=c.get("old"),
            new=c.get("new"),
            issue=str(c.get("issue") or ""),
            check=c.get("check") or None,
            user=user,
            time=at,
            undoes=c.get("undoes"),
            rows=int(c.get("rows", 1)),
        )
        # names and counts, never values: the entry id leads to the rest
        audit(
            conn,
            f"clean.{kind}",
            dataset,
            {
                "entry": new.id,
                "question": new.question,
                "check": new.check,
                "rows": new.rows,
                **({"undoes": new.undoes} if new.undoes is not None else {}),
                **source,
            },
        )
        out.append(new)
    return out
