"""JIPS DART workbooks: a ``Data`` sheet (one row per individual, household variables repeated)
and a ``Metadata`` sheet (``Name``, ``HouseInd`` = house / ind).

Produces the individual dataset (the ``Data`` sheet as delivered) and a derived household dataset
(the key plus the ``house`` variables, one row per household key), linked by that key.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import python_calamine as pc

from workbench.dataset_model import Dataset, Variable, infer_kind
from workbench.datasets.columns import as_key_strings
from workbench.datasets.excel import header_cells, read_sheet
from workbench.datasets.raw import RawRead, Workbook
from workbench.findings import Finding
from workbench.progress import CancelToken, Progress

if TYPE_CHECKING:
    from workbench.datasets.importing import ImportOptions

KEY_CANDIDATES = ("hh_id", "hhid", "household_id", "id_hh", "hh_code", "hh_key", "_uuid", "uuid")
IND_KEY_CANDIDATES = ("ind_id", "indid", "individual_id", "id_ind", "member_id", "pid")


def sheet_lookup(wb: pc.CalamineWorkbook) -> dict[str, str]:
    return {s.strip().lower(): s for s in wb.sheet_names}


def is_dart(wb: pc.CalamineWorkbook, path: Path) -> bool:
    sheets = sheet_lookup(wb)
    if "data" not in sheets or "metadata" not in sheets:
        return False
    head = {h.lower() for h in header_cells(wb, path, sheets["metadata"])}
    return {"name", "houseind"} <= head


def _find_key(columns: list[str], candidates: tuple[str, ...]) -> str | None:
    lower = {c.lower(): c for c in columns}
    for cand in candidates:
        if cand in lower:
            return lower[cand]
    return None


def read_dart(
    wb: pc.CalamineWorkbook,
    path: Path,
    base: str,
    key: str | None,
    n_rows: int | None = None,
    cancel: CancelToken | None = None,
) -> tuple[list[Dataset], list[Finding]]:
    from workbench.errors import ImportError_

    sheets = sheet_lookup(wb)
    data = read_sheet(wb, path, sheets["data"], n_rows=n_rows, cancel=cancel)
    meta = read_sheet(wb, path, sheets["metadata"])
    cols = {c.lower(): c for c in meta.columns}
    levels: dict[str, str] = {}
    labels: dict[str, str] = {}
    for _, row in meta.iterrows():
        name = row[cols["name"]]
        if name is None or pd.isna(name):
            continue
        level = str(row[cols["houseind"]] or "").strip().lower()
        levels[str(name).strip()] = "house" if level.startswith("house") else "ind"
        if "label" in cols and isinstance(row[cols["label"]], str):
            labels[str(name).strip()] = row[cols["label"]].strip()
    unknown = [n for n in levels if n not in data.columns]
    if unknown:
        raise ImportError_.of("import.dart_unknown_column", name=path.name, unknown=unknown[0])
    hh_key = key or _find_key([c for c, lv in levels.items() if lv == "house"], KEY_CANDIDATES)
    hh_key = hh_key or _find_key(list(data.columns), KEY_CANDIDATES)
    if hh_key is None:
        raise ImportError_.of("import.dart_no_key", name=path.name)
    if hh_key not in data.columns:
        raise ImportError_.of("import.dart_key_missing", name=path.name, hh_key=hh_key)
    house_cols = [hh_key] + [c for c, lv in levels.items() if lv == "house" and c != hh_key]
    if data[hh_key].isna().any():
        first = int(data[hh_key].isna().to_numpy().argmax()) + 2
        raise ImportError_.of("import.dart_key_empty", name=path.name, first=first, hh_key=hh_key)
    findings = _consistency(data, house_cols, hh_key)
    household = (
        data[house_cols].drop_duplicates(subset=[hh_key], keep="first").reset_index(drop=True)
    )
    hh_name, ind_name = f"{base}_households", f"{base}_individuals"

    def variables(frame: pd.DataFrame) -> dict[str, Variable]:
        return {
            c: Variable(
                name=c,
                kind=infer_kind(frame[c]),
                label=labels.get(c, ""),
                extra={"dart_level": levels.get(c, "ind")},
            )
            for c in frame.columns
        }

    hh = Dataset(hh_name, household, variables(household), unit="household", key=hh_key)
    ind_key = _find_key(
        [c for c in data.columns if levels.get(c, "ind") == "ind"], IND_KEY_CANDIDATES
    )
    ind = Dataset(
        ind_name,
        data,
        variables(data),
        unit="individual",
        key=ind_key,
        parent=hh_name,
        parent_key=hh_key,
    )
    return [hh, ind], findings


def _consistency(data: pd.DataFrame, house_cols: list[str], key: str) -> list[Finding]:
    out: list[Finding] = []
    keys = as_key_strings(data[key])
    for col in house_cols[1:]:
        varying = data[col].groupby(keys).nunique(dropna=False)
        bad = varying[varying > 1]
        if len(bad):
            out.append(
                Finding.of(
                    "dart.house_variable_varies",
                    "warning",
                    where={"column": col},
                    column=col,
                    households=len(bad),
                    examples=list(bad.index[:5]),
                )
            )
    return out


# ------------------------------------------------- the workbook format (datasets/formats.py)
def detect(wb: Workbook, opts: ImportOptions) -> bool:
    return is_dart(wb.book, wb.path)


def read(
    wb: Workbook,
    opts: ImportOptions,
    base: str,
    n_rows: int | None,
    progress: Progress,
    cancel: CancelToken | None,
) -> RawRead:
    from workbench.errors import ImportError_

    if not is_dart(wb.book, wb.path):
        raise ImportError_.of("import.dart_sheets", name=wb.path.name)
    datasets, findings = read_dart(wb.book, wb.path, base, opts.key, n_rows, cancel)
    for ds in datasets:
        ds.source["sheet"] = "Data"
    return RawRead(datasets, "dart", sheets=wb.sheets, warnings=findings)
