"""Write the Freedonia frames as CSV (UTF-8), SPSS .sav and Stata .dta, byte-for-byte repeatable.

- CSV: codes as integers, system-missing empty, datetimes ISO 8601, ``\\n`` line ends.
- SAV: variable labels, value labels (English), 98/99 (or 9998/9999, 999998/999999) as discrete
  user-missing values, measurement level; zlib-compressed (.zsav layout, read by SPSS 21+ and
  pyreadstat); header date fixed.
- DTA (Stata 14+, format 118): variable labels (cut to Stata's 80 characters), value labels
  including the 98/99 codes; integer columns as the smallest Stata integer type; fixed timestamp.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyreadstat

from workbench.dataset_model import Variable

#: the date written into file headers in place of "now" (keeps bundles byte-for-byte stable)
FIXED_SAV_DATE = b"01 Mar 2600:00:00"
FIXED_DATETIME = datetime.datetime(2026, 3, 1)
FILE_LABEL = "Freedonia synthetic IDP profiling survey (fictional data)"


def integer_columns(frame: pd.DataFrame) -> list[str]:
    out = []
    for c in frame.columns:
        s = frame[c]
        if s.dtype.kind == "f":
            v = s.to_numpy()
            v = v[~np.isnan(v)]
            if np.all(v == np.round(v)) and (len(v) == 0 or np.abs(v).max() < 2**31 - 1):
                out.append(str(c))
    return out


def _with_ints(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for c in integer_columns(frame):
        out[c] = out[c].astype("Int64")
    return out


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    out = _with_ints(frame)
    for c in out.columns:
        if out[c].dtype.kind == "M":
            out[c] = out[c].dt.strftime("%Y-%m-%dT%H:%M:%S")
    out.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    return path


def _int_labels(labels: dict[float, str]) -> dict[int | float, str]:
    return {int(k) if float(k).is_integer() else k: v for k, v in labels.items()}


def write_sav(frame: pd.DataFrame, variables: dict[str, Variable], path: Path) -> Path:
    labels: dict[str, str | None] = {str(c): variables[str(c)].label for c in frame.columns}
    value_labels = {c: _int_labels(v.value_labels) for c, v in variables.items() if v.value_labels}
    missing: dict[str, list[Any]] = {
        c: [int(m) for m in v.missing_codes] for c, v in variables.items() if v.missing_codes
    }
    measure: dict[str, str] = {
        c: v.measure for c, v in variables.items() if v.measure in ("nominal", "ordinal", "scale")
    }
    formats = {}
    for c in integer_columns(frame):
        top = frame[c].abs().max()
        width = max(8, len(str(int(top))) + 1) if pd.notna(top) else 8
        formats[c] = f"F{width}.0"
    data = frame.copy()
    for c in data.columns:
        if data[c].dtype.kind not in "fM":
            data[c] = data[c].astype(object).where(data[c].notna(), "")
    pyreadstat.write_sav(
        data,
        str(path),
        file_label=FILE_LABEL,
        column_labels=labels,
        compress=True,
        variable_value_labels=value_labels,
        missing_ranges=missing,
        variable_measure=measure,
        variable_format=formats,
    )
    raw = bytearray(path.read_bytes())
    raw[92:109] = FIXED_SAV_DATE
    path.write_bytes(bytes(raw))
    return path


def _stata_int(s: pd.Series) -> str:
    v = s.dropna()
    lo, hi = (v.min(), v.max()) if len(v) else (0, 0)
    if lo >= -127 and hi <= 100:
        return "Int8"
    if lo >= -32767 and hi <= 32740:
        return "Int16"
    return "Int32"


def write_dta(frame: pd.DataFrame, variables: dict[str, Variable], path: Path) -> Path:
    """Stata 14+ (format 118, UTF-8) via pandas: the smallest integer type per column."""
    data = frame.copy()
    ints = set(integer_columns(frame))
    for c in ints:
        data[c] = data[c].astype(_stata_int(data[c]))
    labels = {c: variables[c].label[:80] for c in frame.columns}
    value_labels = {
        c: {int(k): v[:32000] for k, v in var.value_labels.items()}
        for c, var in variables.items()
        if var.value_labels and c in ints
    }
    dates = {c: "tc" for c in frame.columns if frame[c].dtype.kind == "M"}
    # strL (stored once per distinct value) for repetitive or sparse text: summaries, accounts
    text = [
        c for c in frame.columns if c not in ints and c not in dates and frame[c].dtype.kind != "f"
    ]
    strl = [c for c in text if frame[c].nunique() < 0.2 * len(frame)]
    data.to_stata(
        path,
        write_index=False,
        version=118,
        convert_dates=dates,
        variable_labels=labels,
        value_labels=value_labels,
        data_label=FILE_LABEL[:80],
        time_stamp=FIXED_DATETIME,
        convert_strl=strl,
    )
    return path
