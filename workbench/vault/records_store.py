"""Plans (versioned), results runs and report records (the audit log: ``audit_log.py``)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from workbench.errors import NotFound, VaultError
from workbench.vault import audit_log as audit_log_
from workbench.vault.connection import Connection
from workbench.vault.dataset_store import now_utc
from workbench.vault.records import PlanRecord, ReportRecord, RunRecord, StoredRun
from workbench.vault.table_codec import json_default, pack_tables, unpack_tables

_PLAN_COLS = "name, version, toml_text, saved_at, note, sha256, draft_errors"
_RUN_COLS = "id, created_at, plan_name, plan_version, results_sha256, meta_json"


# ------------------------------------------------------------------ plans
def save_plan(
    conn: Connection, name: str, toml_text: str, note: str, draft_errors: int = 0
) -> PlanRecord:
    if not name or not name.strip():
        raise VaultError.of("vault.plan_needs_name")
    row = conn.execute("SELECT max(version) FROM plans WHERE name = ?", (name,)).fetchone()
    version = int(row[0] or 0) + 1
    sha = hashlib.sha256(toml_text.encode("utf-8")).hexdigest()
    rec = PlanRecord(name, version, toml_text, now_utc(), note, sha, max(int(draft_errors), 0))
    conn.execute(
        f"INSERT INTO plans ({_PLAN_COLS}) VALUES (?,?,?,?,?,?,?)",
        (rec.name, rec.version, rec.toml_text, rec.saved_at, rec.note, rec.sha256,
         rec.draft_errors),
    )  # fmt: skip
    return rec


def _plan(row: tuple[Any, ...]) -> PlanRecord:
    return PlanRecord(row[0], int(row[1]), row[2], row[3], row[4], row[5], int(row[6] or 0))


def _plan_names(conn: Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT name FROM plans ORDER BY name")]


def load_plan(conn: Connection, name: str, version: int | None) -> PlanRecord:
    if version is None:
        row = conn.execute(
            f"SELECT {_PLAN_COLS} FROM plans WHERE name = ? ORDER BY version DESC LIMIT 1", (name,)
        ).fetchone()
    else:
        row = conn.execute(
            f"SELECT {_PLAN_COLS} FROM plans WHERE name = ? AND version = ?", (name, int(version))
        ).fetchone()
    if row is None:
        which = f"{name!r}" if version is None else f"{name!r} version {version}"
        raise NotFound.of("vault.plan_unknown", which=which, names=_plan_names(conn))
    return _plan(row)


def plan_versions(conn: Connection, name: str) -> list[PlanRecord]:
    rows = conn.execute(
        f"SELECT {_PLAN_COLS} FROM plans WHERE name = ? ORDER BY version", (name,)
    ).fetchall()
    if not rows:
        raise NotFound.of("vault.plan_name_unknown", name=name, names=_plan_names(conn))
    return [_plan(r) for r in rows]


def list_plans(conn: Connection) -> list[PlanRecord]:
    rows = conn.execute(
        f"SELECT {_PLAN_COLS} FROM plans p WHERE version = "
        "(SELECT max(version) FROM plans q WHERE q.name = p.name) ORDER BY name"
    ).fetchall()
    return [_plan(r) for r in rows]


# ------------------------------------------------------------------ results
def _snapshot_json(snapshot: dict[str, Any]) -> str:
    return json.dumps(snapshot, default=json_default, sort_keys=True, ensure_ascii=False)


def save_run(
    conn: Connection,
    tables: dict[str, Any],
    meta: dict[str, Any],
    snapshot: dict[str, Any],
    plan_name: str,
    plan_version: int,
) -> RunRecord:
    payload, sha = pack_tables(tables, dict(meta))
    at = now_utc()
    meta_json = json.dumps(meta, default=str, sort_keys=True)
    cur = conn.execute(
        "INSERT INTO runs (created_at, plan_name, plan_version, results_sha256, meta_json, payload,"
        " snapshot_json) VALUES (?,?,?,?,?,?,?)",
        (at, plan_name, int(plan_version), sha, meta_json, payload, _snapshot_json(snapshot)),
    )
    return RunRecord(int(cur.lastrowid or 0), at, plan_name, int(plan_version), sha,
                     json.loads(meta_json))  # fmt: skip


def _no_run(conn: Connection, run_id: int) -> NotFound:
    ids = [str(r[0]) for r in conn.execute("SELECT id FROM runs ORDER BY id")]
    return NotFound.of("vault.run_unknown", run_id=run_id, runs=ids)


def load_run(conn: Connection, run_id: int) -> StoredRun:
    row = conn.execute(
        f"SELECT {_RUN_COLS}, payload, snapshot_json FROM runs WHERE id = ?", (int(run_id),)
    ).fetchone()
    if row is None:
        raise _no_run(conn, run_id)
    rec = RunRecord(int(row[0]), row[1], row[2], int(row[3]), row[4], json.loads(row[5]))
    tables, meta = unpack_tables(bytes(row[6]))
    snapshot = json.loads(row[7]) if row[7] else None
    return StoredRun(rec, tables, meta, snapshot)


def store_snapshot(conn: Connection, run_id: int, snapshot: dict[str, Any]) -> bool:
    """Give a run stored without a snapshot its (reconstructed) one. A run's snapshot is written
    once: returns False, changing nothing, when the run already has one."""
    cur = conn.execute(
        "UPDATE runs SET snapshot_json = ? WHERE id = ? AND snapshot_json IS NULL",
        (_snapshot_json(snapshot), int(run_id)),
    )
    if cur.rowcount:
        return True
    if conn.execute("SELECT 1 FROM runs WHERE id = ?", (int(run_id),)).fetchone() is None:
        raise _no_run(conn, run_id)
    return False


def list_results(conn: Connection) -> list[RunRecord]:
    rows = conn.execute(f"SELECT {_RUN_COLS} FROM runs ORDER BY id").fetchall()
    return [RunRecord(int(r[0]), r[1], r[2], int(r[3]), r[4], json.loads(r[5])) for r in rows]


# ------------------------------------------------------------------ reports
def record_report(conn: Connection, run_id: int, path: str, options: dict[str, Any]) -> int:
    if conn.execute("SELECT 1 FROM runs WHERE id = ?", (int(run_id),)).fetchone() is None:
        raise NotFound.of("vault.run_missing", run_id=run_id)
    cur = conn.execute(
        "INSERT INTO reports (run_id, path, options_json, created_at) VALUES (?,?,?,?)",
        (int(run_id), str(path), json.dumps(options, default=str, sort_keys=True), now_utc()),
    )
    return int(cur.lastrowid or 0)


def list_reports(conn: Connection) -> list[ReportRecord]:
    rows = conn.execute(
        "SELECT id, run_id, path, options_json, created_at FROM reports ORDER BY id"
    ).fetchall()
    return [ReportRecord(int(r[0]), int(r[1]), r[2], json.loads(r[3]), r[4]) for r in rows]


# ------------------------------------------------------------------ audit
# the hash-chained log has its own module; these names stay importable from here
audit = audit_log_.audit
audit_log = audit_log_.audit_log
os_user = audit_log_.os_user
