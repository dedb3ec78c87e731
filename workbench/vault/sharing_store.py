"""Sharing records: which anonymised extract went to whom, under which agreement (issue 18).

One row per export of ``workbench share export``: the recipient organisation, purpose,
data-sharing agreement reference, approval, expiry date, the file and its SHA-256, and the
settings and risk figures as JSON. The table is made by schema migration v7
(``workbench/vault/schema.py``); its triggers refuse UPDATE and DELETE (a record of what left the
vault is never rewritten). :class:`SharingVault` is mixed into :class:`~workbench.vault.Vault`.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from workbench.errors import NotFound
from workbench.vault.audit_log import audit, os_user
from workbench.vault.connection import Connection, transaction

MIGRATION = """
CREATE TABLE sharing (
    id INTEGER PRIMARY KEY,
    ref TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    user TEXT NOT NULL,
    dataset TEXT NOT NULL,
    recipient TEXT NOT NULL CHECK (length(trim(recipient)) > 0),
    purpose TEXT NOT NULL CHECK (length(trim(purpose)) > 0),
    agreement TEXT NOT NULL,
    approved_by TEXT NOT NULL,
    expires TEXT,
    file TEXT NOT NULL,
    format TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    records INTEGER NOT NULL,
    k INTEGER NOT NULL,
    details_json TEXT NOT NULL
);
CREATE INDEX sharing_by_recipient ON sharing (recipient, created_at);
CREATE TRIGGER sharing_no_update BEFORE UPDATE ON sharing
BEGIN SELECT RAISE(ABORT, 'sharing records are append-only'); END;
CREATE TRIGGER sharing_no_delete BEFORE DELETE ON sharing
BEGIN SELECT RAISE(ABORT, 'sharing records are append-only'); END;
"""

_COLS = ("id, ref, created_at, user, dataset, recipient, purpose, agreement, approved_by,"
         " expires, file, format, sha256, records, k, details_json")  # fmt: skip


@dataclass(frozen=True)
class SharingRecord:
    id: int
    ref: str
    created_at: str
    user: str
    dataset: str
    recipient: str
    purpose: str
    agreement: str
    approved_by: str
    expires: str
    file: str
    format: str
    sha256: str
    records: int
    k: int
    details: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in self.__dataclass_fields__}


def _record(row: tuple[Any, ...]) -> SharingRecord:
    return SharingRecord(int(row[0]), row[1], row[2], row[3], row[4], row[5], row[6], row[7],
                         row[8], row[9] or "", row[10], row[11], row[12], int(row[13]),
                         int(row[14]), json.loads(row[15]))  # fmt: skip


def insert(conn: Connection, rec: dict[str, Any]) -> int:
    """Store one record (inside the caller's transaction) and its ``share.record`` entry."""
    core = ("ref", "created_at", "dataset", "recipient", "purpose", "agreement", "approved_by",
            "expires", "file", "format", "sha256", "records", "k")  # fmt: skip
    details = {k: v for k, v in rec.items() if k not in core}
    cur = conn.execute(
        "INSERT INTO sharing (ref, created_at, user, dataset, recipient, purpose, agreement,"
        " approved_by, expires, file, format, sha256, records, k, details_json)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (rec["ref"], rec["created_at"], os_user(), rec["dataset"], rec["recipient"],
         rec["purpose"], rec.get("agreement", ""), rec.get("approved_by", ""),
         rec.get("expires") or None, rec["file"], rec["format"], rec["sha256"],
         int(rec["records"]), int(rec["k"]),
         json.dumps(details, default=str, sort_keys=True, ensure_ascii=False)),
    )  # fmt: skip
    # names, counts and the agreement — never data values
    audit(conn, "share.record", rec["ref"], {
        "dataset": rec["dataset"], "recipient": rec["recipient"], "purpose": rec["purpose"],
        "agreement": rec.get("agreement", ""), "approved_by": rec.get("approved_by", ""),
        "expires": rec.get("expires", ""), "file": rec["file"], "sha256": rec["sha256"],
        "records": rec["records"], "k": rec["k"], "keys": rec.get("keys", []),
    })  # fmt: skip
    return int(cur.lastrowid or 0)


def list_records(conn: Connection, recipient: str | None = None) -> list[SharingRecord]:
    sql = f"SELECT {_COLS} FROM sharing"
    args: list[Any] = []
    if recipient:
        sql += " WHERE recipient = ?"
        args.append(recipient)
    return [_record(r) for r in conn.execute(sql + " ORDER BY id", args).fetchall()]


def get(conn: Connection, ref: str) -> SharingRecord:
    row = conn.execute(f"SELECT {_COLS} FROM sharing WHERE ref = ?", (ref,)).fetchone()
    if row is None:
        raise NotFound.of("share.unknown_ref", ref=ref)
    return _record(row)


F = TypeVar("F", bound=Callable[..., Any])


def _unlocked(fn: F) -> F:
    """The vault's own guard (mutex, locked check, SQLCipher errors as VaultErrors), looked up
    when called: ``vault.py`` imports this module."""

    @functools.wraps(fn)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        from workbench.vault.vault import _unlocked as guard

        return guard(fn)(self, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


class SharingVault:
    """The vault's sharing-record methods."""

    _conn: Connection | None

    @_unlocked
    def store_sharing(
        self,
        record: dict[str, Any],
        completed: dict[str, Any],
        inside: Callable[[], None] | None = None,
    ) -> int:
        """In ONE transaction: the export's ``export.completed`` entry, the sharing record and
        its ``share.record`` entry, and ``inside`` (the export writer renames its files there;
        its failure rolls all of it back)."""
        assert self._conn is not None
        with transaction(self._conn):
            audit(self._conn, "export.completed", record["ref"], completed)
            rid = insert(self._conn, record)
            if inside is not None:
                inside()
        return rid

    @_unlocked
    def sharing_records(self, recipient: str | None = None) -> list[SharingRecord]:
        assert self._conn is not None
        return list_records(self._conn, recipient)

    @_unlocked
    def sharing_record(self, ref: str) -> SharingRecord:
        assert self._conn is not None
        return get(self._conn, ref)
