"""A rounds analysis as files: the tables of change and each round's own tables.

XLSX: one workbook — ``rounds`` (each round's label, date, run), ``gap_changes``, ``changes``,
``solutions_change``, ``stock_change``, then ``estimates_<k>`` / ``comparisons_<k>`` /
``solutions_<k>`` per round ``k`` (1 = the baseline), and ``meta``. CSV: ``<stem>.csv`` holds the
changes in the gaps and the other tables go to ``<stem>-<table>.csv``. The copy is the
publishable one unless ``internal=True`` (marked as :mod:`workbench.stats.export` marks it).
Written by the one export writer (audited, atomic, formula-safe).
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from workbench.errors import StatsError
from workbench.export_writer import AuditSink, OutFile, Sheet, csv_bytes, export_files, frame_rows
from workbench.export_writer import xlsx_bytes as _xlsx
from workbench.stats.export import CLASSIFICATION, INTERNAL_TEXT, PUBLISHABLE_TEXT, internal_path
from workbench.stats.rounds import RoundsResults


def rounds_tables(rr: RoundsResults, internal: bool = False) -> dict[str, pd.DataFrame]:
    res = rr if internal else rr.publishable()
    tables: dict[str, pd.DataFrame] = {
        "rounds": pd.DataFrame(
            {
                "round": [k + 1 for k in range(len(res.rounds))],
                "label": [r.label for r in res.rounds],
                "date": [r.date for r in res.rounds],
            }
        ),
        "gap_changes": res.gap_changes,
        "changes": res.changes,
        "solutions_change": res.solutions,
        "stock_change": res.stock,
    }
    for k, one in enumerate(res.results, start=1):
        tables[f"estimates_{k}"] = one.estimates
        tables[f"comparisons_{k}"] = one.comparisons
        tables[f"solutions_{k}"] = one.solutions
    rows = [("copy", INTERNAL_TEXT if internal else PUBLISHABLE_TEXT)]
    rows += [(k, json.dumps(v, default=str, ensure_ascii=False)) for k, v in res.meta.items()]
    tables["meta"] = pd.DataFrame(rows, columns=["key", "value"])
    if internal:
        tables = {k: t.copy() for k, t in tables.items()}
        for t in tables.values():
            t.insert(0, CLASSIFICATION, INTERNAL_TEXT)
    return tables


def rounds_files(rr: RoundsResults, path: Path, *, internal: bool = False) -> list[OutFile]:
    path = internal_path(path) if internal else Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise StatsError.of("stats.export_suffix", suffix=path.suffix or "a file without extension")
    if not path.parent.exists():
        raise StatsError.of("stats.folder_missing", parent=path.parent)
    tables = rounds_tables(rr, internal)
    if suffix == ".xlsx":
        return [OutFile(path, _xlsx([Sheet(n, frame_rows(t)) for n, t in tables.items()]))]
    first = "gap_changes"
    out = [OutFile(path, csv_bytes(frame_rows(tables[first])))]
    for name, t in tables.items():
        if name != first:
            out.append(OutFile(path.with_name(f"{path.stem}-{name}.csv"), csv_bytes(frame_rows(t))))
    return out


def write_rounds(
    rr: RoundsResults, path: Path, *, audit: AuditSink, obj: str = "", internal: bool = False
) -> Path:
    files = rounds_files(rr, path, internal=internal)
    copy = "internal" if internal else "publishable"
    export_files(files, kind="rounds", obj=obj, audit=audit, audience=copy,
                 details={"copy": copy})  # fmt: skip
    return files[0].path
