"""The append-only, hash-chained audit log.

Each entry carries ``prev_hash`` (the hash of the entry before it; 64 zeros for the first) and
``hash`` = SHA-256 of its canonical form: the UTF-8 bytes of the compact JSON array
``[id, time, user, action, object, params_json, prev_hash]`` (``ensure_ascii=False``,
separators ``,`` and ``:``; ``params_json`` is the stored text). A reviewer can recompute the
chain from ``workbench audit export`` alone. :func:`verify` reports the first break: an entry
changed after it was written, one removed or inserted, one written without a hash.

Entries are appended inside the caller's ``BEGIN IMMEDIATE`` transaction (the vault's write
lock), so the id and the previous hash cannot change between reading and inserting.

Limits: a chain proves order and integrity of what is there, not that nothing was cut from the
end; an export or a backup fixes the head (its hash) for later comparison.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from workbench.export_writer import close_interrupted
from workbench.vault.connection import Connection
from workbench.vault.dataset_store import now_utc
from workbench.vault.records import AuditEntry

GENESIS = "0" * 64
#: the schema version whose audit table has the hash columns
CHAINED_SINCE = 6
COLS = "id, time, user, action, object, params_json, prev_hash, hash"
_TRIGGER = (
    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
)
#: the content of an entry without its id and hashes: what carrying copies
Content = tuple[str, str, str, str, str]


def os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return "unknown"


def canonical(
    entry_id: int, time: str, user: str, action: str, obj: str, params_json: str, prev: str
) -> bytes:
    """The bytes an entry's hash is taken over (see the module docstring)."""
    row = [entry_id, time, user, action, obj, params_json, prev]
    return json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def entry_hash(
    entry_id: int, time: str, user: str, action: str, obj: str, params_json: str, prev: str
) -> str:
    return hashlib.sha256(
        canonical(entry_id, time, user, action, obj, params_json, prev)
    ).hexdigest()


def _append(conn: Connection, content: Content) -> None:
    time, user, action, obj, params_json = content
    if int(conn.execute("PRAGMA user_version").fetchone()[0]) < CHAINED_SINCE:
        # a vault still being brought up to date: its entries are chained by the migration
        conn.execute(
            "INSERT INTO audit (time, user, action, object, params_json) VALUES (?,?,?,?,?)",
            content,
        )
        return
    last = conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    entry_id = int(last[0]) + 1 if last else 1
    prev = (last[1] or GENESIS) if last else GENESIS
    digest = entry_hash(entry_id, time, user, action, obj, params_json, prev)
    conn.execute(
        f"INSERT INTO audit ({COLS}) VALUES (?,?,?,?,?,?,?,?)",
        (entry_id, time, user, action, obj, params_json, prev, digest),
    )


def audit(conn: Connection, action: str, obj: str, params: dict[str, Any]) -> None:
    """Append one chained entry. Callers pass names, counts and settings — never values or
    secrets."""
    params_json = json.dumps(params, default=str, sort_keys=True)
    _append(conn, (now_utc(), os_user(), action, obj, params_json))


def _entry(row: tuple[Any, ...]) -> AuditEntry:
    return AuditEntry(row[1], row[2], row[3], row[4], json.loads(row[5]), int(row[0]),
                      row[6] or "", row[7] or "")  # fmt: skip


def audit_log(conn: Connection, action: str | None, since: str | None) -> list[AuditEntry]:
    sql = f"SELECT {COLS} FROM audit"
    where, args = [], []
    if action:
        where.append("(action = ? OR action LIKE ?)")
        args += [action, action + ".%"]
    if since:
        where.append("time >= ?")
        args.append(since)
    if where:
        sql += " WHERE " + " AND ".join(where)
    return [_entry(r) for r in conn.execute(sql + " ORDER BY id", args).fetchall()]


# ------------------------------------------------------------------ migration (schema 4)
def chain_existing(conn: Connection) -> None:
    """Schema 4: add the two hash columns and chain the entries already there, in id order
    (the append-only trigger is lifted for this one update, inside the migration's
    transaction)."""
    conn.execute("ALTER TABLE audit ADD COLUMN prev_hash TEXT")
    conn.execute("ALTER TABLE audit ADD COLUMN hash TEXT")
    conn.execute("DROP TRIGGER audit_no_update")
    prev = GENESIS
    rows = conn.execute(
        "SELECT id, time, user, action, object, params_json FROM audit ORDER BY id"
    ).fetchall()
    for r in rows:
        digest = entry_hash(int(r[0]), r[1], r[2], r[3], r[4], r[5], prev)
        conn.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?", (prev, digest, r[0]))
        prev = digest
    conn.execute(_TRIGGER)


# ------------------------------------------------------------------ verification
@dataclass(frozen=True)
class ChainReport:
    """The outcome of :func:`verify`: ``ok``, the entries checked and the chain's head, or the
    first break as a message code with its parameters."""

    ok: bool
    entries: int
    head: str
    code: str = "audit.chain_ok"
    params: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "entries": self.entries, "head": self.head, "code": self.code,
                **self.params}  # fmt: skip


def verify_rows(rows: Iterable[tuple[Any, ...]]) -> ChainReport:
    """Check ``(id, time, user, action, object, params_json, prev_hash, hash)`` rows in id
    order; the first break wins."""
    prev, prev_id, n = GENESIS, 0, 0
    for r in rows:
        entry_id, stored_prev, stored = int(r[0]), r[6], r[7]
        what = {"id": entry_id, "action": r[3], "time": r[1]}
        if not stored or not stored_prev:
            return ChainReport(False, n, prev, "audit.chain_unhashed", what)
        if entry_id != prev_id + 1:
            gap = {**what, "first": prev_id + 1, "last": entry_id - 1}
            return ChainReport(False, n, prev, "audit.chain_gap", gap)
        if stored_prev != prev:
            link = {**what, "before": prev_id, "expected": prev[:16], "found": stored_prev[:16]}
            return ChainReport(False, n, prev, "audit.chain_link", link)
        computed = entry_hash(entry_id, r[1], r[2], r[3], r[4], r[5], stored_prev)
        if computed != stored:
            changed = {**what, "expected": computed[:16], "found": stored[:16]}
            return ChainReport(False, n, prev, "audit.chain_changed", changed)
        prev, prev_id, n = stored, entry_id, n + 1
    return ChainReport(True, n, prev, "audit.chain_ok", {"entries": n, "head": prev[:16]})


def rows(conn: Connection) -> list[tuple[Any, ...]]:
    """Every entry as stored, in ``COLS`` order."""
    return [tuple(r) for r in conn.execute(f"SELECT {COLS} FROM audit ORDER BY id").fetchall()]


def verify(conn: Connection) -> ChainReport:
    return verify_rows(conn.execute(f"SELECT {COLS} FROM audit ORDER BY id"))


# ------------------------------------------------------------------ interrupted exports
def close_open_exports(conn: Connection) -> int:
    """Close every ``export.started`` left without an outcome by a process that no longer runs
    (see ``export_writer.close_interrupted``); returns how many were closed."""
    open_: dict[str, tuple[str, dict[str, Any]]] = {}
    rows = conn.execute(
        "SELECT action, object, params_json FROM audit WHERE action IN "
        "('export.started', 'export.completed', 'export.failed') ORDER BY id"
    ).fetchall()
    for action, obj, params_json in rows:
        params = json.loads(params_json)
        export_id = params.get("export_id")
        if not export_id:
            continue
        if action == "export.started":
            open_[export_id] = (obj, params)
        else:
            open_.pop(export_id, None)
    closed = 0
    for obj, params in open_.values():
        outcome = close_interrupted(params)
        if outcome is not None:
            audit(conn, outcome[0], obj, outcome[1])
            closed += 1
    return closed


# ------------------------------------------------------------------ carrying (restore)
def last_content(conn: Connection) -> Content | None:
    """The last entry's content (the backup point of a backup's log)."""
    row = conn.execute(
        "SELECT time, user, action, object, params_json FROM audit ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return tuple(row) if row else None  # type: ignore[return-value]  # five text columns


def contents_after(conn: Connection, point: Content | None) -> list[Content] | None:
    """The entries written after ``point`` (None when ``point`` is not in this log: another
    vault's backup, or a log that does not reach back to it)."""
    rows = [
        tuple(r)
        for r in conn.execute(
            "SELECT time, user, action, object, params_json FROM audit ORDER BY id"
        ).fetchall()
    ]
    if point is None:
        return None
    for i in range(len(rows) - 1, -1, -1):
        if rows[i] == tuple(point):
            return rows[i + 1 :]  # type: ignore[return-value]  # five text columns
    return None


def append_carried(conn: Connection, entries: list[Content], source: str) -> None:
    """Append entries carried from the replaced vault (their own time, user, action, object,
    details; a new place in this chain), then one ``audit.carried`` entry saying so."""
    for content in entries:
        _append(conn, content)
    audit(conn, "audit.carried", source, {
        "count": len(entries),
        "first": entries[0][0] if entries else None,
        "last": entries[-1][0] if entries else None,
    })  # fmt: skip
