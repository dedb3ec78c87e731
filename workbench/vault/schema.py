"""The vault schema: a version number (``PRAGMA user_version``) and ordered migrations.

A vault created by an older Workbench is brought up to date on open (inside one transaction);
a vault from a newer Workbench is refused with a clear message instead of being misread.
"""

from __future__ import annotations

from collections.abc import Callable

from workbench.errors import VaultError
from workbench.vault.audit_log import chain_existing
from workbench.vault.connection import Connection, transaction
from workbench.vault.sharing_store import MIGRATION as _SHARING

_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE datasets (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    unit TEXT NOT NULL,
    n_rows INTEGER NOT NULL,
    n_cols INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    key_col TEXT,
    parent TEXT,
    parent_key TEXT,
    source_json TEXT NOT NULL,
    languages_json TEXT NOT NULL
);
CREATE TABLE variables (
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    measure TEXT NOT NULL,
    value_labels_json TEXT NOT NULL,
    missing_codes_json TEXT NOT NULL,
    identifier TEXT,
    identifier_action TEXT,
    variable_json TEXT NOT NULL,
    PRIMARY KEY (dataset_id, position)
);
CREATE TABLE columns (
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    dtype TEXT NOT NULL,
    codec TEXT NOT NULL,
    meta_json TEXT NOT NULL,
    dictionary BLOB,
    PRIMARY KEY (dataset_id, position)
);
CREATE TABLE chunks (
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    chunk INTEGER NOT NULL,
    n INTEGER NOT NULL,
    physical TEXT NOT NULL,
    compressed INTEGER NOT NULL,
    data BLOB NOT NULL,
    mask BLOB,
    PRIMARY KEY (dataset_id, position, chunk)
);
CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    version INTEGER NOT NULL,
    toml_text TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    note TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    UNIQUE (name, version)
);
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    plan_name TEXT NOT NULL,
    plan_version INTEGER NOT NULL,
    results_sha256 TEXT NOT NULL,
    meta_json TEXT NOT NULL,
    payload BLOB NOT NULL
);
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    time TEXT NOT NULL,
    user TEXT NOT NULL,
    action TEXT NOT NULL,
    object TEXT NOT NULL,
    params_json TEXT NOT NULL
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""

_V2 = """
CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    path TEXT NOT NULL,
    options_json TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX audit_by_action ON audit (action, time);
CREATE INDEX audit_by_time ON audit (time);
"""

#: the run snapshot (JSON; see workbench/stats/snapshot.py). NULL for a run stored before
#: snapshots existed until the Workbench reconstructs one (docs/vault.md, "Run snapshots").
_V3 = """
ALTER TABLE runs ADD COLUMN snapshot_json TEXT;
"""

#: the cleaning log: an append-only list of changes per dataset (workbench/vault/
#: cleaning_store.py); the imported data never change
_V4 = """
CREATE TABLE cleaning_log (
    id INTEGER PRIMARY KEY,
    dataset TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('change', 'missing', 'drop', 'recode', 'undo')),
    record TEXT,
    row INTEGER,
    question TEXT,
    old_json TEXT NOT NULL,
    new_json TEXT NOT NULL,
    issue TEXT NOT NULL,
    check_code TEXT,
    user TEXT NOT NULL,
    time TEXT NOT NULL,
    undoes INTEGER REFERENCES cleaning_log(id),
    rows INTEGER NOT NULL
);
CREATE INDEX cleaning_by_dataset ON cleaning_log (dataset, fingerprint, id);
CREATE TRIGGER cleaning_no_update BEFORE UPDATE ON cleaning_log
BEGIN SELECT RAISE(ABORT, 'the cleaning log is append-only'); END;
CREATE TRIGGER cleaning_no_delete BEFORE DELETE ON cleaning_log
BEGIN SELECT RAISE(ABORT, 'the cleaning log is append-only'); END;
"""

#: a plan version saved with errors is a draft (the number of errors its checks found when it
#: was saved; 0 = ready): kept, shown as a draft, and never run by `analyze` (docs/plans.md)
_V5 = """
ALTER TABLE plans ADD COLUMN draft_errors INTEGER NOT NULL DEFAULT 0;
"""

#: the audit log becomes a hash chain: two columns, existing entries chained in id order
#: (workbench/vault/audit_log.py; a migration step may be a function of the connection)
_V6 = chain_existing

#: sharing records of anonymised extracts (workbench/vault/sharing_store.py), append-only
_V7 = _SHARING

#: MIGRATIONS[i] brings a vault from version i to version i + 1
MIGRATIONS: tuple[str | Callable[[Connection], None], ...] = (_V1, _V2, _V3, _V4, _V5, _V6, _V7)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Connection, name: str, target: int = SCHEMA_VERSION) -> int:
    """Apply the missing migrations in one transaction; returns the version found before."""
    found = schema_version(conn)
    if found > SCHEMA_VERSION:
        raise VaultError.of("vault.schema_newer", name=name, found=found, known=SCHEMA_VERSION)
    if found >= target:
        return found
    if found == 0 and _has_tables(conn):
        raise VaultError.of("vault.schema_missing", name=name)
    with transaction(conn):
        for version in range(found, target):
            step = MIGRATIONS[version]
            if callable(step):
                step(conn)
                continue
            for statement in _statements(step):
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {int(target)}")
    return found


def _has_tables(conn: Connection) -> bool:
    return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (trigger bodies kept whole)."""
    out: list[str] = []
    buf = ""
    for line in script.strip().splitlines():
        buf += line + "\n"
        if line.rstrip().endswith(";") and _complete(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


def _complete(stmt: str) -> bool:
    import sqlcipher3

    return bool(sqlcipher3.complete_statement(stmt))
