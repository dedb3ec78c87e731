"""Which vault is which: the random id every vault gets at creation (``vault_id`` in its header,
also in the ``meta`` table) decides whether a backup may replace the vault at a path.

Restoring a backup of the SAME vault (same id) is the everyday repair and goes ahead. Restoring a
backup of ANOTHER vault over an existing one would silently destroy that vault's data, so it is
refused unless the caller says so explicitly (``workbench vault restore --replace-other``; the
app asks, naming both). A vault whose header is missing, unreadable or has no id counts as
"unknown": it cannot be proved to be the same vault, so it is treated like another vault.
Every vault this program ever created has an id (it is part of the key wrap's associated data,
so it cannot be added later without the passphrase); "unknown" only arises from a damaged or
hand-edited header.
"""

from __future__ import annotations

import json
from pathlib import Path

from workbench.errors import RestoreOtherVault, VaultError
from workbench.vault.header import MAX_HEADER_BYTES, Header, header_path, read_header


def short_id(vault_id: str) -> str:
    """The first eight characters: enough to tell vaults apart in a message."""
    return vault_id[:8]


def day(created_at: str) -> str:
    return created_at[:10]


def check_replacing(dest: Path, incoming: Header, backup: Path, replace_other: bool) -> str | None:
    """None when nothing is at ``dest`` or it is the backup's own vault; otherwise the id of the
    vault that will be replaced ("" when unknown) if ``replace_other``, else RestoreOtherVault."""
    if not dest.exists() and not header_path(dest).exists():
        return None
    current_id, current_created = current_identity(dest)
    if current_id and current_id == incoming.vault_id:
        return None
    if replace_other:
        return current_id
    params = {
        "vault": dest.name,
        "backup": backup.name,
        "backup_id": short_id(incoming.vault_id) or "-",
        "backup_created": day(incoming.created_at) or "-",
    }
    if not current_id:
        raise RestoreOtherVault.of(
            "vault.restore_unknown_vault", hint_code="vault.hint_replace_other", **params
        )
    raise RestoreOtherVault.of(
        "vault.restore_other_vault",
        hint_code="vault.hint_replace_other",
        vault_id=short_id(current_id),
        vault_created=day(current_created) or "-",
        **params,
    )


def current_identity(vault: Path) -> tuple[str, str]:
    """(vault id, creation time) of the vault at ``vault``; ("", "") when unknown. A header that
    is refused for another reason (absurd KDF costs, a field of the wrong kind) still names its
    vault: that is enough to recognise its own backup, which is how such a header is repaired."""
    try:
        header = read_header(vault)
        return header.vault_id, header.created_at
    except VaultError:
        pass
    try:
        raw = json.loads(header_path(vault).read_bytes()[:MAX_HEADER_BYTES].decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return "", ""
    if not isinstance(raw, dict) or not isinstance(raw.get("vault_id"), str):
        return "", ""
    created = raw.get("created_at")
    return raw["vault_id"], created if isinstance(created, str) else ""
