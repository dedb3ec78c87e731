"""Findings about records: one per record and column, with enough "where" to find it again.

``where`` holds ``dataset``, ``row`` (0-based position in the dataset as loaded: the cleaning log
applied, as the data viewer shows it), ``record`` (the record's name in the cleaning log: the key
column's value, or the 1-based row number of the imported file for a dataset without a key) and
``column``. A cleaning-log entry answers a finding by its code and this ``where``
(``workbench clean add --check CODE``). Each check
lists at most :data:`LIMIT` records per column, then one ``check.more`` finding with the rest's
count, so a systematic problem does not drown the list.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from workbench.checks.roles import Roles
from workbench.dataset_model import Dataset
from workbench.findings import Finding, Severity

#: records listed per check and column before the rest is counted in one ``check.more`` finding
LIMIT = 100


def plain(v: Any) -> Any:
    """A value as a finding shows it: whole numbers without ``.0``, dates as ISO text."""
    if isinstance(v, np.datetime64):
        v = pd.Timestamp(v) if not np.isnat(v) else None
    if isinstance(v, np.generic):
        v = v.item()
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return ""
    if isinstance(v, float):
        return int(v) if v.is_integer() else round(v, 4)
    if v is pd.NaT:
        return ""
    if isinstance(v, pd.Timestamp):
        return v.isoformat(sep=" ") if (v.hour or v.minute or v.second) else v.date().isoformat()
    return v


class Collector:
    """Builds record findings for one dataset."""

    def __init__(
        self, ds: Dataset, roles: Roles, limit: int = LIMIT, records: np.ndarray | None = None
    ) -> None:
        """``records``: each row's name in the cleaning log (the façade passes the log's own);
        without it, the key's value or the 1-based row number."""
        self.ds, self.roles, self.limit = ds, roles, limit
        self.findings: list[Finding] = []
        self._records = records
        key = ds.key if ds.key and ds.key in ds.frame.columns else None
        self._key = ds.frame[key] if key else None

    def record(self, row: int) -> str:
        if self._records is not None:
            return str(self._records[row])
        if self._key is not None:
            return str(plain(self._key.iat[row]))
        return str(row + 1)

    def where(self, row: int, column: str | None) -> dict[str, str]:
        out = {"dataset": self.ds.name, "row": str(row), "record": self.record(row)}
        if column:
            out["column"] = column
        return out

    def add(
        self,
        code: str,
        severity: Severity,
        mask: np.ndarray,
        column: str | None,
        per_row: dict[str, Any] | None = None,
        **params: Any,
    ) -> int:
        """One finding per true row of ``mask`` (up to the limit); ``per_row`` maps a parameter
        to an array (or Series) giving its value row by row. Returns the number of records."""
        rows = np.flatnonzero(mask)
        for i in rows[: self.limit]:
            extra = {k: plain(_at(v, int(i))) for k, v in (per_row or {}).items()}
            self.findings.append(
                Finding.of(code, severity, where=self.where(int(i), column), **params, **extra)
            )
        self.more(code, column, len(rows))
        return len(rows)

    def more(self, code: str, column: str | None, total: int) -> None:
        if total > self.limit:
            where = {"dataset": self.ds.name} | ({"column": column} if column else {})
            self.findings.append(
                Finding.of(
                    "check.more",
                    "info",
                    where=where,
                    check=code,
                    count=total - self.limit,
                    total=total,
                )
            )


def _at(v: Any, i: int) -> Any:
    if isinstance(v, pd.Series):
        return v.iat[i]
    if isinstance(v, np.ndarray):
        return v[i]
    return v
