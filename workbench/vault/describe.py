"""What ``workbench vault info`` shows: the vault's settings, versions, sizes and row counts —
never a data value."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workbench.vault.connection import Connection
from workbench.vault.header import Header, header_path
from workbench.vault.keys import DEFAULT_KDF
from workbench.vault.schema import schema_version


def describe(conn: Connection, path: Path, header: Header) -> dict[str, Any]:
    """Settings, versions, sizes and counts of the open vault at ``path``."""
    import sqlcipher3

    c = conn

    def one(sql: str) -> Any:
        return c.execute(sql).fetchone()[0]

    tables = ("datasets", "variables", "plans", "runs", "reports", "audit", "cleaning_log")
    counts = {t: one(f"SELECT count(*) FROM {t}") for t in tables}
    h = header
    return {
        "path": str(path),
        "header": str(header_path(path)),
        "vault_id": h.vault_id,
        "created_at": h.created_at,
        "schema_version": schema_version(c),
        "file_bytes": path.stat().st_size,
        "page_size": one("PRAGMA page_size"),
        "page_count": one("PRAGMA page_count"),
        "free_pages": one("PRAGMA freelist_count"),
        "cipher": "AES-256-CBC pages, HMAC-SHA512 per page",
        "cipher_key": "raw 256-bit data key (SQLCipher's PBKDF2 unused)",
        "cipher_settings": [r[0] for r in c.execute("PRAGMA cipher_settings")],
        "cipher_version": one("PRAGMA cipher_version"),
        "crypto_provider": one("PRAGMA cipher_provider_version"),
        "sqlite_version": one("SELECT sqlite_version()"),
        "sqlcipher3_version": getattr(sqlcipher3, "__version__", "unknown"),
        "temp_store": one("PRAGMA temp_store"),
        "kdf": {"name": "argon2id", **h.kdf.to_dict()},
        "kdf_below_recommended": h.kdf.weaker_than(DEFAULT_KDF),
        "key_wrap": "AES-256-GCM",
        "remembered_in": (h.remembered or {}).get("backend"),
        "counts": counts,
    }
