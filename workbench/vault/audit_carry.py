"""Restoring a backup keeps the audit entries written after it (issue 15, finding 5).

Before a restore replaces a vault, the entries that vault wrote after the backup's last entry
(the backup point: its ``vault.backup`` entry) are read from it with the same passphrase; after
the restore they are appended to the restored vault's chain, followed by ``audit.carried``.
When the current vault cannot be read (damaged, another passphrase, another vault's backup) the
restored vault records ``audit.not_carried`` with the reason instead — never silence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from workbench.errors import WorkbenchError, WrongPassphrase
from workbench.vault import audit_log
from workbench.vault.connection import Connection, DatabaseError, connect
from workbench.vault.header import read_header
from workbench.vault.keys import zero


@dataclass
class Carry:
    """What a restore carries: the entries (None when they could not be read) and why not."""

    entries: list[audit_log.Content] | None = field(default_factory=list)
    reason: str = ""
    present: bool = False  # a vault was there to be replaced


def read_carry(
    dest: Path, passphrase: str | bytes | bytearray, point: audit_log.Content | None
) -> Carry:
    """The entries of the vault at ``dest`` written after ``point`` (the backup's last entry)."""
    if not dest.exists():
        return Carry(present=False)
    try:
        header = read_header(dest)
        key = header.unwrap(passphrase)
        try:
            conn = connect(dest, key, page_size=header.page_size)
        finally:
            zero(key)
        try:
            after = audit_log.contents_after(conn, point)
        finally:
            conn.close()
    except WrongPassphrase:
        return Carry(None, "other_passphrase", True)
    except (WorkbenchError, DatabaseError, OSError, ValueError) as exc:
        return Carry(None, getattr(exc, "code", None) or type(exc).__name__, True)
    if after is None:
        return Carry(None, "backup_point_not_found", True)
    return Carry(after, "", True)


def record_carry(conn: Connection, carry: Carry, source: str) -> None:
    """In the restored vault (inside a transaction): the carried entries, or why there are none."""
    if not carry.present:
        return
    if carry.entries is None:
        audit_log.audit(conn, "audit.not_carried", source, {"reason": carry.reason})
        return
    audit_log.append_carried(conn, carry.entries, source)
