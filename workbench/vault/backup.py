"""Encrypted single-file backups: ``DSWBAK01`` + header length + the key header + an encrypted
SQLCipher copy made with the backup API (the target is keyed with the same data key, so no page
is ever written in plaintext; SQLCipher itself refuses a backup into an unkeyed database)."""

from __future__ import annotations

import os
import shutil
import struct
import tempfile
from pathlib import Path

from workbench.errors import NotAVault, VaultError
from workbench.vault.connection import Connection, connect
from workbench.vault.header import Header

MAGIC = b"DSWBAK01"
_LEN = struct.Struct(">I")
MAX_HEADER = 64 * 1024


def sidecar_files(db: Path) -> list[Path]:
    return [db.with_name(db.name + s) for s in ("-journal", "-wal", "-shm")]


def write_backup(conn: Connection, key: bytearray, header: Header, dest: Path) -> Path:
    if dest.exists():
        raise VaultError.of("vault.backup_exists", dest=dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".db")
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # SQLCipher must create it itself
    out_tmp = dest.with_name(f".{dest.name}.partial")
    try:
        target = connect(tmp, key, page_size=header.page_size)
        try:
            conn.backup(target)
        finally:
            target.close()
        hdr = header.to_bytes()
        with open(out_tmp, "wb") as out, open(tmp, "rb") as src:
            out.write(MAGIC + _LEN.pack(len(hdr)) + hdr)
            shutil.copyfileobj(src, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        if os.name == "posix":
            os.chmod(out_tmp, 0o600)  # owner-only, like the vault it copies
        os.replace(out_tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)
        for side in sidecar_files(tmp):
            side.unlink(missing_ok=True)
        out_tmp.unlink(missing_ok=True)
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
        with open(db_out, "wb") as out:
            shutil.copyfileobj(fh, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
    if db_out.stat().st_size == 0:
        raise NotAVault.of("vault.backup_no_database", backup=backup.name)
    return header
