"""Child process for test_vault_security: big TEMP table + sort, then report whether any open
file in SQLITE_TMPDIR holds the marker. argv: vault passphrase marker mode(vault|raw-file)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from workbench.vault import Vault


def open_temp_files(folder: Path) -> list[bytes]:
    """Contents of files this process has open under folder (SQLite unlinks them at once)."""
    out = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(str(folder)):
            with open(f"/proc/self/fd/{fd}", "rb") as fh:
                out.append(fh.read())
    return out


def main() -> None:
    path, secret, marker, mode = sys.argv[1:5]
    v = Vault.open(Path(path), secret)
    conn = v._conn
    assert conn is not None
    if mode == "raw-file":
        conn.execute("PRAGMA temp_store = FILE")  # what a careless connection would do
    conn.execute("PRAGMA temp.cache_size = 8")
    conn.execute("CREATE TEMP TABLE spill (k INTEGER, v TEXT)")
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO spill VALUES (?, ?)",
        ((i, f"{marker}-{i}-" + "x" * 200) for i in range(20000)),
    )
    rows = conn.execute("SELECT v FROM spill ORDER BY v DESC, k").fetchall()
    assert len(rows) == 20000
    blobs = open_temp_files(Path(os.environ["SQLITE_TMPDIR"]))
    found = any(marker.encode() in b for b in blobs)
    print(f"files={len(blobs)} found={found}")
    conn.execute("ROLLBACK")
    v.lock()


if __name__ == "__main__":
    main()
