"""Opening a SQLCipher connection the one safe way, and telling damage from other failures.

Bootstrap, in order: log level off (so a failed HMAC prints nothing) → ``set_key`` with the raw
32-byte key → verify with a read → ``temp_store=MEMORY`` (asserted to read 2: with FILE, sorts and
TEMP tables spill to disk unencrypted) → ``foreign_keys=ON`` → ``secure_delete=ON``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlcipher3
from sqlcipher3.dbapi2 import Connection, DatabaseError

from workbench.errors import VaultError
from workbench.vault.diagnose import damaged, sqlite_failure
from workbench.vault.keys import zero

__all__ = ["Connection", "DatabaseError", "damaged", "sqlite_failure"]

MAX_REPORT_LINES = 20


_HEX = b"0123456789abcdef"


def raw_key_literal(key: bytearray) -> bytearray:
    """``x'<64 hex digits>'`` in a zeroable buffer. Given plain bytes instead, SQLCipher would
    treat the key as a passphrase and run 256,000 PBKDF2 rounds on every open."""
    out = bytearray(3 + 2 * len(key))
    out[0:2], out[-1] = b"x'", ord("'")
    for i, b in enumerate(key):
        out[2 + 2 * i] = _HEX[b >> 4]
        out[3 + 2 * i] = _HEX[b & 15]
    return out


PAGE_SIZE = 65536  # large pages: 1.5× faster bulk writes than SQLCipher's 4096 (docs/vault.md)
LEGACY_PAGE_SIZE = 4096
#: how long a statement waits for another process's write lock before "in use — try again"
BUSY_TIMEOUT_S = 5.0


def connect(
    path: Path, key: bytearray, *, page_size: int = PAGE_SIZE, cache_kib: int = 8192
) -> Connection:
    """An open, verified, hardened connection (autocommit mode; use :func:`transaction`)."""
    try:
        conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False,
                                  timeout=BUSY_TIMEOUT_S)  # fmt: skip
    except DatabaseError as exc:
        raise sqlite_failure(path, exc) from exc
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        raw = raw_key_literal(key)
        try:
            conn.set_key(raw)  # x'<hex>': a raw key, so SQLCipher's own PBKDF2 is skipped
        finally:
            zero(raw)
        conn.execute(f"PRAGMA cipher_page_size = {int(page_size)}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA temp_store = MEMORY")
        store = conn.execute("PRAGMA temp_store").fetchone()[0]
        if int(store) != 2:
            raise VaultError.of("vault.temp_unencrypted")
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute(f"PRAGMA cache_size = -{int(cache_kib)}")
    except DatabaseError as exc:
        conn.close()
        raise sqlite_failure(path, exc) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def report_lines(rows: list[tuple[object, ...]]) -> list[str]:
    """Flatten integrity-check rows into at most MAX_REPORT_LINES lines."""
    lines: list[str] = []
    for row in rows:
        for line in str(row[0]).splitlines():
            if line.strip() and line.strip() != "ok":
                lines.append(line.strip())
    if len(lines) > MAX_REPORT_LINES:
        extra = len(lines) - MAX_REPORT_LINES
        lines = [*lines[:MAX_REPORT_LINES], f"… and {extra} more problems"]
    return lines


def cipher_check(conn: Connection) -> list[str]:
    """Pages whose HMAC fails (empty = every page authentic)."""
    return report_lines(conn.execute("PRAGMA cipher_integrity_check").fetchall())


def sqlite_check(conn: Connection) -> list[str]:
    return report_lines(conn.execute("PRAGMA integrity_check").fetchall())


@contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """One atomic write: BEGIN IMMEDIATE … COMMIT, rolled back on any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
