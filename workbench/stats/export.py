"""Write results to CSV (estimates + sibling CSVs) or XLSX (one sheet per table)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from workbench.errors import StatsError
from workbench.stats.results import AnalysisResults

TABLES = ("estimates", "comparisons", "criteria_summary", "solutions", "stock")
SUFFIX = {
    "comparisons": "comparisons",
    "criteria_summary": "summary",
    "solutions": "solutions",
    "stock": "stock",
}


def _tables(results: AnalysisResults) -> dict[str, pd.DataFrame]:
    return {name: getattr(results, name) for name in TABLES}


def _meta_frame(results: AnalysisResults) -> pd.DataFrame:
    rows = [
        (k, v if isinstance(v, str) else json.dumps(v, default=str, ensure_ascii=False))
        for k, v in results.meta.items()
    ]
    return pd.DataFrame(rows, columns=["key", "value"])


def write_results(results: AnalysisResults, path: Path) -> Path:
    """``results.csv`` (+ ``results-comparisons.csv``, ``-summary``, ``-solutions``,
    ``-stock``, ``-meta``) or ``results.xlsx`` with one sheet per table. Returns ``path``."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise StatsError.of("stats.export_suffix", suffix=path.suffix or "a file without extension")
    if not path.parent.exists():
        raise StatsError.of("stats.folder_missing", parent=path.parent)
    tables = _tables(results)
    try:
        if suffix == ".csv":
            tables["estimates"].to_csv(path, index=False)
            for name, tag in SUFFIX.items():
                tables[name].to_csv(path.with_name(f"{path.stem}-{tag}.csv"), index=False)
            _meta_frame(results).to_csv(path.with_name(f"{path.stem}-meta.csv"), index=False)
        else:
            with pd.ExcelWriter(path, engine="openpyxl") as xl:
                for name, table in tables.items():
                    table.to_excel(xl, sheet_name=name[:31], index=False)
                _meta_frame(results).to_excel(xl, sheet_name="meta", index=False)
    except OSError as exc:
        raise StatsError.of("stats.write_failed", path=path, reason=exc.strerror or exc) from exc
    return path
