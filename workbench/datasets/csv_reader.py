"""CSV / TSV import: encoding chain, delimiter sniffing, chunked parsing with bounded memory.

Two passes over the file. The checking pass (:mod:`textfile`) proves encoding and shape. The
parsing pass lets pandas' C parser read ``chunk_rows`` rows at a time; numeric columns are written
straight into preallocated ``float64`` arrays (the row count is known from the first pass), so peak
memory stays near the size of the result plus one chunk. Column types are decided on the first
20,000 rows (numbers without leading zeros → float64, anything else → text); a column that turns out
to hold text further down is re-read as text on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from workbench.datasets.columns import blank_to_none, looks_decimal_comma, type_text_column
from workbench.datasets.encoding import not_utf8_error, resolve_encoding
from workbench.datasets.textfile import CountingReader, check_pass, read_sample, sniff_delimiter
from workbench.errors import ImportError_
from workbench.progress import NULL_PROGRESS, CancelToken, Progress, Scaled, check_cancel

_TYPE_SAMPLE_ROWS = 20_000


@dataclass
class CsvResult:
    frame: pd.DataFrame
    encoding: str
    delimiter: str
    decimal: str
    info: dict[str, Any] = field(default_factory=dict)


def _settings(
    path: Path, encoding: str | None, delimiter: str | None, header_row: int, fmt: str
) -> tuple[str, str]:
    size = path.stat().st_size
    if size == 0:
        raise ImportError_(f"{path.name}: the file is empty.", code="import.empty")
    with path.open("rb") as f:
        head = f.read(4)
    enc = resolve_encoding(path, encoding, head)
    if delimiter:
        delim = "\t" if delimiter in ("\\t", "tab", "TAB") else delimiter
        if len(delim) != 1:
            raise ImportError_(
                f"{path.name}: the delimiter must be one character, not {delimiter!r}."
            )
        return enc, delim
    try:
        sample = read_sample(path, enc)
    except UnicodeDecodeError:
        sample = ""  # the checking pass reports it with a line number
    default = "\t" if fmt == "tsv" else ","
    return enc, sniff_delimiter(sample, default, header_row) if sample else default


def _read_kwargs(enc: str, delim: str, header_row: int, decimal: str) -> dict[str, Any]:
    return dict(
        sep=delim,
        encoding=enc,
        skiprows=header_row,
        header=0,
        keep_default_na=False,
        na_values=[""],
        decimal=decimal,
        skip_blank_lines=True,
        engine="c",
    )


def _sample_types(
    path: Path, kw: dict[str, Any], header: list[str], decimal_opt: str | None
) -> tuple[set[str], str]:
    sample = pd.read_csv(path, dtype=str, nrows=_TYPE_SAMPLE_ROWS, **{**kw, "decimal": "."})
    sample.columns = header
    decimal = decimal_opt or ("," if kw["sep"] != "," and looks_decimal_comma(sample) else ".")
    text_cols = set()
    for col in header:
        typed = type_text_column(sample[col], decimal=decimal)
        if not pd.api.types.is_float_dtype(typed):
            text_cols.add(col)
    return text_cols, decimal


def read_csv(
    path: Path,
    *,
    fmt: str = "csv",
    encoding: str | None = None,
    delimiter: str | None = None,
    decimal: str | None = None,
    header_row: int = 0,
    chunk_rows: int = 200_000,
    n_rows: int | None = None,
    progress: Progress = NULL_PROGRESS,
    cancel: CancelToken | None = None,
) -> CsvResult:
    enc, delim = _settings(path, encoding, delimiter, header_row, fmt)
    size = path.stat().st_size
    if n_rows is None:
        checked = check_pass(
            path, enc, delim, header_row, Scaled(progress, 0, 0.4 * size, size), cancel, size
        )
        header, total_rows = checked.header, checked.n_rows
    else:
        header, total_rows = _preview_header(path, enc, delim, header_row), None
    kw = _read_kwargs(enc, delim, header_row, ".")
    text_cols, dec = _sample_types(path, kw, header, decimal)
    kw["decimal"] = dec
    if n_rows is not None:
        frame = pd.read_csv(path, dtype=str, nrows=n_rows, **{**kw, "decimal": "."})
        frame.columns = header
        frame = pd.DataFrame(
            {
                c: type_text_column(frame[c], dec)
                if c not in text_cols
                else blank_to_none(frame[c])
                for c in header
            }
        )
        return CsvResult(frame, enc, delim, dec)
    assert total_rows is not None
    frame = _parse(
        path,
        kw,
        header,
        text_cols,
        total_rows,
        chunk_rows,
        Scaled(progress, 0.4 * size, size, size),
        cancel,
        size,
    )
    return CsvResult(frame, enc, delim, dec)


def _preview_header(path: Path, enc: str, delim: str, header_row: int) -> list[str]:
    from workbench.datasets.textfile import _check_header  # shared rule for header names

    try:
        head = pd.read_csv(
            path,
            sep=delim,
            encoding=enc,
            skiprows=header_row,
            header=None,
            nrows=1,
            dtype=str,
            keep_default_na=False,
        )
    except UnicodeDecodeError:
        raise not_utf8_error(path, enc) from None
    if head.empty:
        raise ImportError_(f"{path.name}: the file has no header row (is it empty?).")
    return _check_header(path, [str(v) for v in head.iloc[0].tolist()], header_row + 1)


def _parse(
    path: Path,
    kw: dict[str, Any],
    header: list[str],
    text_cols: set[str],
    total_rows: int,
    chunk_rows: int,
    progress: Progress,
    cancel: CancelToken | None,
    size: int,
) -> pd.DataFrame:
    numeric = {c: np.full(total_rows, np.nan) for c in header if c not in text_cols}
    texts: dict[str, list[pd.Series]] = {c: [] for c in header if c in text_cols}
    mixed: set[str] = set()
    dtypes = {i: "str" for i, c in enumerate(header) if c in text_cols}
    raw = CountingReader(path)
    done = 0
    try:
        with pd.read_csv(raw, dtype=dtypes, chunksize=max(1, chunk_rows), **kw) as chunks:
            for chunk in chunks:
                check_cancel(cancel)
                chunk.columns = header
                stop = done + len(chunk)
                if stop > total_rows:
                    raise ImportError_(f"{path.name}: more rows than expected; check its quoting.")
                for col in header:
                    if col in texts:
                        texts[col].append(chunk[col])
                    elif col not in mixed:
                        vals = _as_float(chunk[col])
                        if vals is None:
                            mixed.add(col)
                            numeric.pop(col, None)
                        else:
                            numeric[col][done:stop] = vals
                done = stop
                progress.update(raw.count, size, f"reading {path.name}")
    finally:
        raw.close()
    if done != total_rows:
        raise ImportError_(
            f"{path.name}: read {done} rows but the file has {total_rows}; check its quoting."
        )
    out: dict[str, pd.Series] = {}
    for col in header:
        if col in numeric:
            out[col] = pd.Series(numeric.pop(col), name=col)
        elif col in texts:
            out[col] = blank_to_none(pd.concat(texts.pop(col), ignore_index=True))
    for col in mixed:
        out[col] = _reread_text(path, kw, header, col, chunk_rows)
    return pd.DataFrame({c: out[c] for c in header})


def _as_float(s: pd.Series) -> np.ndarray | None:
    if pd.api.types.is_bool_dtype(s):
        return None
    if pd.api.types.is_integer_dtype(s) and len(s) and int(s.abs().max()) > 2**53:
        return None  # ID numbers longer than float64 can hold: read the column as text
    if pd.api.types.is_numeric_dtype(s):
        return s.to_numpy(dtype="float64", na_value=np.nan)
    nums = pd.to_numeric(s, errors="coerce")
    if (nums.isna() & s.notna()).any():
        return None
    return nums.to_numpy(dtype="float64", na_value=np.nan)


def _reread_text(
    path: Path, kw: dict[str, Any], header: list[str], col: str, chunk_rows: int
) -> pd.Series:
    idx = header.index(col)
    parts = []
    with pd.read_csv(path, usecols=[idx], dtype=str, chunksize=max(1, chunk_rows), **kw) as chunks:
        for chunk in chunks:
            parts.append(chunk.iloc[:, 0])
    return blank_to_none(pd.concat(parts, ignore_index=True)).rename(col)
