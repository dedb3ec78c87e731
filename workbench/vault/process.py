"""Process-wide hardening done once at start (CLI, app): no core dumps, SQLCipher memory wiping."""

from __future__ import annotations

import os

_done = False
#: passphrase variables of the CLI's non-interactive mode; no child process may inherit them
SECRET_VARIABLES = ("WORKBENCH_PASSPHRASE", "WORKBENCH_NEW_PASSPHRASE")


def harden_process() -> None:
    """Disable core dumps (they would hold decrypted pages and keys) and turn on SQLCipher's
    memory wiping for the whole process; drop passphrase variables from the environment (the
    app never reads them; the CLI has taken them out already) so that no child process started
    later inherits one. Safe to call more than once."""
    global _done
    for name in SECRET_VARIABLES:
        os.environ.pop(name, None)
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
