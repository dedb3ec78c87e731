"""Results as files: CSV (estimates + sibling CSVs) or XLSX (one sheet per table).

The copy written is the *publishable* one unless ``internal=True`` is asked for explicitly:
every suppressed value (primary and complementary) removed and flagged. The internal copy holds
every value; its file names carry ``INTERNAL-not-for-publication`` and every table (sheet or
CSV) starts with a ``classification`` column saying so on every row.

It is the *machine-readable* export: sheet, file and column names, codes (``indicator_id``,
``group``, ``flag`` …) and the meta keys are stable identifiers, never translated, so scripts
can rely on them; its ``meta`` table's ``about`` row says so in the user's language and sends a
reader to the report's annex, the tables with labels in the report's language.

:func:`results_files` builds the files in memory; :func:`write_results` hands them to the one
export writer (``workbench/export_writer.py``: audited before and after, atomic, formula-safe)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from workbench.errors import StatsError
from workbench.export_writer import AuditSink, OutFile, Sheet, csv_bytes, export_files, frame_rows
from workbench.export_writer import xlsx_bytes as _xlsx
from workbench.messages import render
from workbench.stats.results import AnalysisResults

TABLES = ("estimates", "comparisons", "criteria_summary", "solutions", "stock")
SUFFIX = {
    "comparisons": "comparisons",
    "criteria_summary": "summary",
    "solutions": "solutions",
    "stock": "stock",
    "meta": "meta",
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


#: the identifiers the ``about`` row names as never translated
IDENTIFIERS = "indicator_id, group, disaggregation, flag, suppression"


def copy_text(internal: bool, language: str = "en") -> str:
    """The meta sheet's ``copy`` value: the copy's identifier ("publishable", "INTERNAL"; what
    scripts test), then what it means in the user's language (issue 20: an English sentence
    in the French and Arabic files)."""
    if internal:
        return "INTERNAL - " + render("stats.results_copy_internal", {}, language)
    return "publishable: " + render("stats.results_copy_publishable", {}, language)


def _tables(results: AnalysisResults, internal: bool, language: str) -> dict[str, pd.DataFrame]:
    tables = {name: getattr(results, name) for name in TABLES}
    tables["meta"] = _meta_frame(results, internal, language)
    if internal:
        tables = {k: t.copy() for k, t in tables.items()}
        for t in tables.values():
            t.insert(0, CLASSIFICATION, INTERNAL_TEXT)
    return tables


def _meta_frame(results: AnalysisResults, internal: bool, language: str = "en") -> pd.DataFrame:
    about = render("stats.results_file_about", {"ids": IDENTIFIERS}, language)
    rows = [("copy", copy_text(internal, language)), ("about", about)]
    rows += [
        (k, v if isinstance(v, str) else json.dumps(v, default=str, ensure_ascii=False))
        for k, v in results.meta.items()
    ]
    return pd.DataFrame(rows, columns=["key", "value"])


def results_files(
    results: AnalysisResults, path: Path, *, internal: bool = False, language: str = "en"
) -> list[OutFile]:
    """``results.csv`` (+ ``results-comparisons.csv``, ``-summary``, ``-solutions``,
    ``-stock``, ``-meta``: six files) or ``results.xlsx`` with one sheet per table: the
    publishable copy, or with ``internal=True`` the full copy under :func:`internal_path`.
    ``language``: the meta table's ``about`` row (what the file is: machine-readable)."""
    path = internal_path(path) if internal else Path(path)
    if not internal:
        results = results.publishable()
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise StatsError.of("stats.export_suffix", suffix=path.suffix or "a file without extension")
    if not path.parent.exists():
        raise StatsError.of("stats.folder_missing", parent=path.parent)
    tables = _tables(results, internal, language)
    if suffix == ".csv":
        out = [OutFile(path, csv_bytes(frame_rows(tables["estimates"])))]
        for name, tag in SUFFIX.items():
            csv = csv_bytes(frame_rows(tables[name]))
            out.append(OutFile(path.with_name(f"{path.stem}-{tag}.csv"), csv))
        return out
    return [OutFile(path, _xlsx([Sheet(name, frame_rows(t)) for name, t in tables.items()]))]


def write_results(
    results: AnalysisResults,
    path: Path,
    *,
    audit: AuditSink,
    obj: str = "",
    internal: bool = False,
    language: str = "en",
) -> Path:
    """Write the results files through the export writer (audited with ``copy`` and the
    audience ``publishable`` or ``internal``); returns the path written."""
    files = results_files(results, path, internal=internal, language=language)
    copy = "internal" if internal else "publishable"
    export_files(files, kind="results", obj=obj, audit=audit, audience=copy,
                 details={"copy": copy})  # fmt: skip
    return files[0].path
