"""Encrypted single-file backups: ``DSWBAK01`` + header length + the key header + an encrypted
SQLCipher copy made with the backup API (the target is keyed with the same data key, so no page
is ever written in plaintext; SQLCipher itself refuses a backup into an unkeyed database)."""

from __future__ import annotations

import contextlib
import os
import shutil
import struct
import time
import uuid
from pathlib import Path

from workbench.errors import NotAVault, VaultError
from workbench.vault.connection import Connection, DatabaseError, connect
from workbench.vault.diagnose import os_failure, sqlite_failure
from workbench.vault.header import Header

MAGIC = b"DSWBAK01"
_LEN = struct.Struct(">I")
MAX_HEADER = 64 * 1024
#: a work file not written to for this long belongs to no running backup or restore
STALE_SECONDS = 3600


def sidecar_files(db: Path) -> list[Path]:
    return [db.with_name(db.name + s) for s in ("-journal", "-wal", "-shm")]


def create_private(path: Path) -> int:
    """A new, empty file that only its owner can read or write, from its creation (the mode is
    set on the descriptor too, so a permissive or restrictive umask changes nothing). Returns
    the open descriptor; refuses to reuse an existing file."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0), 0o600)
    if os.name == "posix":
        os.fchmod(fd, 0o600)
    return fd


def work_file(vault: Path, kind: str) -> Path:
    """A work file beside the vault, named so that a later backup, restore or key rotation finds
    it if this process is killed: ``.<vault>.<kind>-<pid>-<random>``."""
    return vault.with_name(f".{vault.name}.{kind}-{os.getpid()}-{uuid.uuid4().hex[:8]}")


def _owner_gone(path: Path, name: str) -> bool:
    """Is the process that made this work file (``name`` without a journal suffix) gone, or has
    the file been silent for STALE_SECONDS?"""
    try:
        pid = int(name.rsplit("-", 2)[-2])
        idle = time.time() - path.stat().st_mtime
    except (IndexError, ValueError, OSError):
        return True
    if idle > STALE_SECONDS:
        return True
    if pid == os.getpid() or os.name != "posix":
        return False  # ours (cleaned by the operation that made it), or no cheap liveness test
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def remove_leftovers(vault: Path) -> list[Path]:
    """Delete what an interrupted backup or restore of this vault left beside it (a full-size
    encrypted copy and its journal, a staging file). Returns what was removed."""
    removed: list[Path] = []
    for kind in ("backup", "restore"):
        for path in sorted(vault.parent.glob(f".{glob_escape(vault.name)}.{kind}-*")):
            name = path.name
            for suffix in ("-journal", "-wal", "-shm"):
                name = name.removesuffix(suffix)
            if not _owner_gone(path, name):
                continue
            if name.endswith(".target"):  # names the partial backup file in its own folder
                removed += _remove_partial(path)
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def _remove_partial(marker: Path) -> list[Path]:
    try:
        partial = Path(marker.read_text(encoding="utf-8").strip())
    except (OSError, UnicodeDecodeError):
        return []
    # only ever a ".<name>.partial" file that starts like a backup or is still empty (a marker
    # cannot be used to delete anything else)
    if not (partial.name.startswith(".") and partial.name.endswith(".partial")):
        return []
    try:
        with open(partial, "rb") as fh:
            if not MAGIC.startswith(fh.read(len(MAGIC))):  # empty (killed before a flush) or ours
                return []
        partial.unlink()
    except OSError:
        return []
    return [partial]


def glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def write_backup(conn: Connection, key: bytearray, header: Header, dest: Path, vault: Path) -> Path:
    """Copy the open vault into ``dest``. The encrypted copy is made beside the vault (a work
    file, owner-only) and streamed into ``.<dest>.partial`` (owner-only), renamed at the end."""
    if dest.exists():
        raise VaultError.of("vault.backup_exists", dest=dest)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise os_failure(dest, exc) from exc
    tmp = work_file(vault, "backup")
    out_tmp = dest.with_name(f".{dest.name}.partial")
    marker = tmp.with_name(tmp.name + ".target")
    try:
        with os.fdopen(create_private(marker), "w", encoding="utf-8") as fh:
            fh.write(str(out_tmp.absolute()))  # so a later backup finds it if this one is killed
        os.close(create_private(tmp))  # empty: SQLCipher makes it a database, keeping the mode
        target = connect(tmp, key, page_size=header.page_size)
        try:
            conn.backup(target)
        finally:
            target.close()
        hdr = header.to_bytes()
        out_tmp.unlink(missing_ok=True)  # a killed backup to this same file
        with os.fdopen(create_private(out_tmp), "wb") as out, open(tmp, "rb") as src:
            out.write(MAGIC + _LEN.pack(len(hdr)) + hdr)
            shutil.copyfileobj(src, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        os.replace(out_tmp, dest)
    except DatabaseError as exc:
        raise sqlite_failure(dest, exc) from exc
    except OSError as exc:
        raise os_failure(dest, exc) from exc
    finally:
        tmp.unlink(missing_ok=True)
        for side in sidecar_files(tmp):
            side.unlink(missing_ok=True)
        out_tmp.unlink(missing_ok=True)
        marker.unlink(missing_ok=True)
    return dest


def read_backup(backup: Path, db_out: Path) -> Header:
    """Split a backup file: the header is returned, the encrypted database written to db_out."""
    try:
        fh = open(backup, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise NotAVault.of("vault.backup_unreadable", backup=backup, reason=exc.strerror) from exc
    with fh:
        head = fh.read(len(MAGIC) + _LEN.size)
        if len(head) < len(MAGIC) + _LEN.size or head[: len(MAGIC)] != MAGIC:
            raise NotAVault.of("vault.not_a_backup", backup=backup.name)
        (n,) = _LEN.unpack(head[len(MAGIC) :])
        if n > MAX_HEADER:
            raise NotAVault.of("vault.backup_bad_header", backup=backup.name)
        raw = fh.read(n)
        if len(raw) != n:
            raise NotAVault.of("vault.backup_truncated", backup=backup.name)
        header = Header.from_bytes(raw, backup)
        try:
            with os.fdopen(create_private(db_out), "wb") as out:
                shutil.copyfileobj(fh, out, 1 << 20)
                out.flush()
                os.fsync(out.fileno())
        except OSError as exc:
            raise os_failure(db_out, exc) from exc
    if db_out.stat().st_size == 0:
        raise NotAVault.of("vault.backup_no_database", backup=backup.name)
    return header
