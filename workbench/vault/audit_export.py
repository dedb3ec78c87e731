"""The audit log as a file for a reviewer: CSV, XLSX or JSON, with the hash chain.

Every entry is written with its id, time, user, action, object, details (the stored JSON
text, byte for byte, so the hash can be recomputed), ``prev_hash`` and ``hash``; the JSON file
also states how an entry's hash is formed. Files go through the one export writer (audited,
atomic, formula-safe)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from workbench.errors import VaultError
from workbench.export_writer import OutFile, Sheet, csv_bytes, xlsx_bytes
from workbench.vault.audit_log import COLS, GENESIS
from workbench.vault.dataset_store import now_utc

FORMATS = (".csv", ".xlsx", ".json")
COLUMNS = [c.strip() for c in COLS.split(",")]
HASH_RULE = (
    "hash = SHA-256 of the UTF-8 bytes of the compact JSON array "
    "[id, time, user, action, object, params_json, prev_hash] (ensure_ascii false, "
    "separators ',' and ':'); prev_hash of the first entry = 64 zeros"
)


def audit_files(rows: list[tuple[Any, ...]], path: Path, vault_name: str) -> list[OutFile]:
    """The file of an audit export to ``path`` (its suffix picks the format) from the stored
    rows (``audit_log.COLUMNS`` order; details as stored, so hashes can be recomputed)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise VaultError.of("audit.export_format", name=path.name)
    if not path.parent.is_dir():
        raise VaultError.of("vault.folder_missing", parent=path.parent)
    if suffix == ".csv":
        return [OutFile(path, csv_bytes([COLUMNS, *rows], bom=True))]
    if suffix == ".xlsx":
        widths = {2: 28.0, 4: 24.0, 6: 60.0, 7: 66.0, 8: 66.0}
        return [OutFile(path, xlsx_bytes([Sheet("audit", [COLUMNS, *rows], widths=widths)]))]
    doc = {
        "format": "dswb-audit-log/1",
        "vault": vault_name,
        "exported_at": now_utc(),
        "hash_rule": HASH_RULE,
        "genesis": GENESIS,
        "head": rows[-1][7] if rows else GENESIS,
        "entries": [dict(zip(COLUMNS, row, strict=True)) for row in rows],
    }
    text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    return [OutFile(path, text.encode("utf-8"))]
