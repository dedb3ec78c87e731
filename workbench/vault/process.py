"""Process-wide hardening done once at start (CLI, app): no core dumps, SQLCipher memory wiping."""

from __future__ import annotations

_done = False


def harden_process() -> None:
    """Disable core dumps (they would hold decrypted pages and keys) and turn on SQLCipher's
    memory wiping for the whole process. Safe to call more than once."""
    global _done
    if _done:
        return
    _done = True
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        pass  # not available on Windows; nothing else to do there
    try:
        import sqlcipher3

        conn = sqlcipher3.connect(":memory:")
        conn.execute("PRAGMA cipher_memory_security = ON")
        conn.close()
    except Exception:
        pass
