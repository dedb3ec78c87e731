"""Write results to CSV (estimates + sibling CSVs) or XLSX (one sheet per table).

The copy written is the *publishable* one unless ``internal=True`` is asked for explicitly:
every suppressed value (primary and complementary) removed and flagged. The internal copy holds
every value; its file names carry ``INTERNAL-not-for-publication`` and every table (sheet or
CSV) starts with a ``classification`` column saying so on every row."""

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


#: what an internal copy carries in its file names
INTERNAL_MARK = "INTERNAL-not-for-publication"
#: the first column of every table of an internal copy
CLASSIFICATION = "classification"
INTERNAL_TEXT = "INTERNAL - not for publication: holds suppressed values"
PUBLISHABLE_TEXT = "publishable: suppressed values removed (flag = suppressed)"


def internal_path(path: Path) -> Path:
    """``results.xlsx`` → ``results-INTERNAL-not-for-publication.xlsx`` (unless marked)."""
    path = Path(path)
    if INTERNAL_MARK.lower() in path.stem.lower():
        return path
    return path.with_name(f"{path.stem}-{INTERNAL_MARK}{path.suffix}")


def _tables(results: AnalysisResults, internal: bool) -> dict[str, pd.DataFrame]:
    tables = {name: getattr(results, name) for name in TABLES}
    tables["meta"] = _meta_frame(results, internal)
    if internal:
        tables = {k: t.copy() for k, t in tables.items()}
        for t in tables.values():
            t.insert(0, CLASSIFICATION, INTERNAL_TEXT)
    return tables


def _meta_frame(results: AnalysisResults, internal: bool) -> pd.DataFrame:
    rows = [("copy", INTERNAL_TEXT if internal else PUBLISHABLE_TEXT)]
    rows += [
        (k, v if isinstance(v, str) else json.dumps(v, default=str, ensure_ascii=False))
        for k, v in results.meta.items()
    ]
    return pd.DataFrame(rows, columns=["key", "value"])


def write_results(results: AnalysisResults, path: Path, *, internal: bool = False) -> Path:
    """``results.csv`` (+ ``results-comparisons.csv``, ``-summary``, ``-solutions``,
    ``-stock``, ``-meta``) or ``results.xlsx`` with one sheet per table: the publishable copy,
    or with ``internal=True`` the full copy under :func:`internal_path`. Returns the path."""
    path = internal_path(path) if internal else Path(path)
    if not internal:
        results = results.publishable()
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise StatsError.of("stats.export_suffix", suffix=path.suffix or "a file without extension")
    if not path.parent.exists():
        raise StatsError.of("stats.folder_missing", parent=path.parent)
    tables = _tables(results, internal)
    try:
        if suffix == ".csv":
            tables["estimates"].to_csv(path, index=False)
            for name, tag in SUFFIX.items():
                tables[name].to_csv(path.with_name(f"{path.stem}-{tag}.csv"), index=False)
            tables["meta"].to_csv(path.with_name(f"{path.stem}-meta.csv"), index=False)
        else:
            with pd.ExcelWriter(path, engine="openpyxl") as xl:
                for name, table in tables.items():
                    table.to_excel(xl, sheet_name=name[:31], index=False)
    except OSError as exc:
        raise StatsError.of("stats.write_failed", path=path, reason=exc.strerror or exc) from exc
    return path
