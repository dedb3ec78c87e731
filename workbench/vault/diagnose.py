"""Honest diagnoses: what a SQLCipher or file-system failure means for the user.

A vault is called damaged only when SQLCipher says so (``SQLITE_CORRUPT``, ``SQLITE_NOTADB``:
a page failed its authentication code or the structure is broken). Everything else has its own
message and its own next step, because "restore the latest backup" loses recent work:

- another process holds the write lock (``SQLITE_BUSY``/``SQLITE_LOCKED``) → in use, try again;
- the disk is full (``SQLITE_FULL``, ``ENOSPC``, ``EDQUOT``, an I/O error while the folder has
  no free space) → free space on that folder;
- the file or its folder is read-only, or cannot be opened → say so, with the OS's reason.
"""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

from sqlcipher3.dbapi2 import DatabaseError

from workbench.errors import DamagedVault, VaultBusy, VaultError

SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

#: below this many free bytes, an I/O error on a write is reported as a full disk
LOW_SPACE_BYTES = 1 << 20
_NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


#: SQLite's fixed English texts (sqlite3_errstr) for errors raised without a code (SQLCipher's
#: rekey raises a bare OperationalError)
_BY_TEXT = {
    "database is locked": SQLITE_BUSY,
    "database table is locked": SQLITE_LOCKED,
    "database or disk is full": SQLITE_FULL,
    "attempt to write a readonly database": SQLITE_READONLY,
    "disk I/O error": SQLITE_IOERR,
    "unable to open database file": SQLITE_CANTOPEN,
    "database disk image is malformed": SQLITE_CORRUPT,
    "file is not a database": SQLITE_NOTADB,
}


def primary_code(exc: BaseException) -> int | None:
    """SQLite's primary result code (the low byte of the extended code) of ``exc``."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return int(code) & 0xFF
    return _BY_TEXT.get(str(exc).strip())


def damaged(path: Path, exc: DatabaseError, report: list[str] | None = None) -> DamagedVault:
    code = primary_code(exc)
    if code == SQLITE_NOTADB:
        what = "vault.damaged_first_page"
    elif code == SQLITE_CORRUPT:
        what = "vault.damaged_corrupt"
    else:
        what = "vault.damaged_other"
    return DamagedVault.of(what, report=report or [str(exc)], name=path.name, detail=str(exc))


def low_on_space(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < LOW_SPACE_BYTES
    except OSError:
        return False


def disk_full(path: Path) -> VaultError:
    return VaultError.of("vault.disk_full", name=path.name, folder=str(path.parent))


def sqlite_failure(path: Path, exc: DatabaseError) -> VaultError:
    """The error a user sees for a SQLCipher failure on the vault (or backup) at ``path``."""
    code = primary_code(exc)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return VaultBusy.of("vault.busy", name=path.name)
    if code == SQLITE_FULL or (code == SQLITE_IOERR and low_on_space(path.parent)):
        return disk_full(path)
    if code in (SQLITE_READONLY, SQLITE_PERM):
        return VaultError.of("vault.read_only", name=path.name, folder=str(path.parent))
    if code == SQLITE_CANTOPEN:
        return VaultError.of("vault.cannot_open", path=str(path))
    if code == SQLITE_IOERR:
        return VaultError.of("vault.io_error", name=path.name, detail=str(exc))
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return damaged(path, exc)
    return VaultError.of("vault.operation_failed", name=path.name, detail=str(exc))


def os_failure(path: Path, exc: OSError) -> VaultError:
    """The error for a file-system failure while writing or reading ``path`` (a vault, its
    header, a backup or a staging file)."""
    if exc.errno in _NO_SPACE:
        return disk_full(path)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return VaultError.of("vault.read_only", name=path.name, folder=str(path.parent))
    return VaultError.of(
        "vault.file_failed", path=str(path), reason=exc.strerror or type(exc).__name__
    )
