"""The results hash: SHA-256 over a canonical serialisation of the publishable results.

Canonical form (documented in docs/reporting.md so anyone can recompute it): for each table in
the order estimates, comparisons, criteria_summary, solutions, stock — columns sorted by name,
rows sorted by every column's text, each value as text (floats with ``repr`` after rounding to
12 significant digits, NaN/None as empty); JSON with sorted keys, no spaces, UTF-8.
"""

from __future__ import annotations

import hashlib
import json
import math
from typing import Any

import pandas as pd

from workbench.stats.results import AnalysisResults

TABLES = ("estimates", "comparisons", "criteria_summary", "solutions", "stock")


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float) or hasattr(v, "dtype"):
        try:
            f = float(v)
        except (TypeError, ValueError):
            return str(v)
        if math.isnan(f):
            return ""
        if f.is_integer() and abs(f) < 1e15:
            return str(int(f))
        return repr(float(f"{f:.12g}"))
    if pd.isna(v):
        return ""
    return str(v)


def canonical_table(df: pd.DataFrame) -> list[list[str]]:
    if df is None or df.empty:
        return []
    cols = sorted(str(c) for c in df.columns)
    rows = [[_cell(v) for v in rec] for rec in df[cols].itertuples(index=False, name=None)]
    rows.sort()
    return [cols, *rows]


def canonical_bytes(results: AnalysisResults) -> bytes:
    pub = results.publishable()
    doc = {name: canonical_table(getattr(pub, name)) for name in TABLES}
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def results_hash(results: AnalysisResults) -> str:
    return hashlib.sha256(canonical_bytes(results)).hexdigest()
