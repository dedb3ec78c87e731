"""Records the vault returns (frozen dataclasses; never hold data values)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class DatasetInfo:
    name: str
    unit: str
    n_rows: int
    n_cols: int
    imported_at: str
    fingerprint: str
    key: str | None = None
    parent: str | None = None
    parent_key: str | None = None
    source: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class PlanRecord:
    name: str
    version: int
    toml_text: str
    saved_at: str
    note: str
    sha256: str
    #: errors the plan checks found when this version was saved: > 0 makes it a draft, which
    #: ``analyze`` refuses
    draft_errors: int = 0

    @property
    def is_draft(self) -> bool:
        return self.draft_errors > 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class RunRecord:
    id: int
    created_at: str
    plan_name: str
    plan_version: int
    results_sha256: str
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class StoredRun:
    """One stored analysis run as the vault keeps it: the result tables by name, the engine's
    meta and the run snapshot as JSON-ready dicts (``snapshot`` None for a run stored before
    snapshots existed). ``workbench.stats.results`` turns these parts into results."""

    record: RunRecord
    tables: dict[str, Any]
    meta: dict[str, Any]
    snapshot: dict[str, Any] | None


@dataclass(frozen=True)
class ReportRecord:
    id: int
    run_id: int
    path: str
    options: dict[str, Any]
    created_at: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class AuditEntry:
    time: str
    user: str
    action: str
    object: str
    params: dict[str, Any]
    #: the entry's place in the log and its hash chain (see workbench/vault/audit_log.py)
    id: int = 0
    prev_hash: str = ""
    hash: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class IntegrityReport:
    ok: bool
    problems: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
