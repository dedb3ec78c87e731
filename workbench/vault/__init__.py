"""The encrypted vault (SQLCipher + Argon2id/AES-GCM key wrapping). See docs/vault.md."""

from __future__ import annotations

from workbench.vault.keys import DEFAULT_KDF, KdfParams
from workbench.vault.records import (
    AuditEntry,
    DatasetInfo,
    IntegrityReport,
    PlanRecord,
    ReportRecord,
    RunRecord,
    StoredRun,
)
from workbench.vault.vault import Vault

__all__ = [
    "DEFAULT_KDF", "AuditEntry", "DatasetInfo", "IntegrityReport", "KdfParams", "PlanRecord",
    "ReportRecord", "RunRecord", "StoredRun", "Vault",
]  # fmt: skip
