"""Failed unlock attempts, counted without the key (issue 21).

A wrong passphrase cannot write to the vault (its key is what was wrong), so the count lives in
a small plain file beside it, ``<vault>.attempts``: JSON ``{"failed": n, "first": t, "last": t}``
(UTC times), owner-only, no secret and nothing about the passphrase typed. Every wrong passphrase
adds one; the next successful unlock reads it into the vault's encrypted, hash-chained audit log
(the ``vault.unlock`` entry's ``failed_attempts``, ``first_failed`` and ``last_failed``) and
removes the file, and the app shows the count after unlocking.

It is a warning, not a lock-out: anyone who can delete files beside the vault can delete this
one (they could delete the vault too). The audit log keeps every count once unlocked.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

log = logging.getLogger("workbench.vault")
SUFFIX = ".attempts"


def attempts_path(vault: Path) -> Path:
    return vault.with_name(vault.name + SUFFIX)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def read(vault: Path) -> dict[str, Any]:
    """``{"failed": n, "first": t, "last": t}``; ``{"failed": 0}`` without a (readable) file."""
    try:
        data = json.loads(attempts_path(vault).read_text(encoding="utf-8"))
        failed = int(data.get("failed", 0))
    except (OSError, ValueError, TypeError, AttributeError):
        return {"failed": 0}
    if failed <= 0:
        return {"failed": 0}
    return {"failed": failed, "first": str(data.get("first", "")),
            "last": str(data.get("last", ""))}  # fmt: skip


def record_failure(vault: Path) -> None:
    """Add one failed attempt (a folder that cannot be written is logged, never an error: the
    user must still see "wrong passphrase")."""
    now = _now()
    previous = read(vault)
    data = {"failed": previous["failed"] + 1, "first": previous.get("first") or now, "last": now}
    target = attempts_path(vault)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh)
        os.replace(tmp, target)
    except OSError as exc:
        log.warning("failed unlock not counted: %s", type(exc).__name__)
        tmp.unlink(missing_ok=True)


def clear(vault: Path) -> None:
    try:
        attempts_path(vault).unlink(missing_ok=True)
    except OSError as exc:
        log.warning("failed-unlock counter not cleared: %s", type(exc).__name__)
