"""The parsing pass of a CSV import: pandas' C parser, in chunks, cancel checked between chunks.

The C parser infers each chunk's numeric columns itself; they come out as ``float64`` (a column
that holds text further down is re-read as text on its own). Text columns, decided on a sample of
the first rows, are read as pandas ``str``. The frame is put together without consolidating the
columns into one block (no copy of the data).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from workbench.datasets.columns import blank_to_none
from workbench.progress import CancelToken, Progress, check_cancel


class RangeReader(io.RawIOBase):
    """A raw binary stream over bytes ``[start, stop)`` of a file, counting the bytes read."""

    def __init__(self, path: Path, start: int = 0, stop: int | None = None) -> None:
        self._f = path.open("rb")
        self._f.seek(start)
        self._left = (stop - start) if stop is not None else None
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        view = memoryview(buffer)
        if self._left is not None:
            if self._left <= 0:
                return 0
            view = view[: self._left]
        n = self._f.readinto(view) or 0
        self.count += n
        if self._left is not None:
            self._left -= n
        return n

    def close(self) -> None:
        self._f.close()
        super().close()


@dataclass
class _Part:
    numeric: dict[str, list[np.ndarray]] = field(default_factory=dict)
    texts: dict[str, list[pd.Series]] = field(default_factory=dict)
    mixed: set[str] = field(default_factory=set)
    rows: int = 0
    stopped: bool = False


def _read_part(
    stream: RangeReader,
    kw: dict[str, Any],
    header: list[str],
    text_cols: set[str],
    chunk_rows: int,
    between_chunks: Callable[[], bool],
) -> _Part:
    part = _Part(
        numeric={c: [] for c in header if c not in text_cols},
        texts={c: [] for c in header if c in text_cols},
    )
    dtypes = {i: "str" for i, c in enumerate(header) if c in text_cols}
    with pd.read_csv(stream, dtype=dtypes, chunksize=max(1, chunk_rows), **kw) as chunks:
        for chunk in chunks:
            if not between_chunks():
                part.stopped = True
                return part
            chunk.columns = header
            for col in header:
                if col in part.texts:
                    part.texts[col].append(chunk[col])
                elif col not in part.mixed:
                    vals = _as_float(chunk[col])
                    if vals is None:
                        part.mixed.add(col)
                        part.numeric.pop(col, None)
                    else:
                        part.numeric[col].append(vals)
            part.rows += len(chunk)
            del chunk
    return part


def parse(
    path: Path,
    kw: dict[str, Any],
    header: list[str],
    text_cols: set[str],
    chunk_rows: int,
    progress: Progress,
    cancel: CancelToken | None,
    size: int,
    abort: Callable[[], bool] | None = None,
    may_have_blanks: Callable[[], bool] = lambda: True,
) -> pd.DataFrame | None:
    """All rows, numeric columns as float64, text as ``str``; None when ``abort()`` said stop.
    Raises Cancelled when ``cancel`` is set (checked between chunks). ``may_have_blanks()`` False
    (the byte scan saw no field starting with white space) skips the blank-to-missing pass."""
    stream = RangeReader(path)

    def between_chunks() -> bool:
        check_cancel(cancel)
        if abort is not None and abort():
            return False
        progress.update(stream.count, size, f"reading {path.name}")
        return True

    try:
        part = _read_part(stream, kw, header, text_cols, chunk_rows, between_chunks)
    finally:
        stream.close()
    if part.stopped:
        return None
    blanks = may_have_blanks()
    return _assemble(path, kw, header, [part], chunk_rows, progress, size, blanks)


def _assemble(
    path: Path,
    kw: dict[str, Any],
    header: list[str],
    parts: list[_Part],
    chunk_rows: int,
    progress: Progress,
    size: int,
    blanks: bool = True,
) -> pd.DataFrame:
    mixed = set().union(*(p.mixed for p in parts))
    out: dict[str, pd.Series] = {}
    for col in header:
        if col in mixed:
            continue
        if col in parts[0].numeric:
            arrays = [a for p in parts for a in p.numeric.pop(col)]
            arr = np.concatenate(arrays) if len(arrays) > 1 else (arrays or [np.empty(0)])[0]
            out[col] = pd.Series(arr, name=col, copy=False)
        else:
            pieces = [s for p in parts for s in p.texts.pop(col)]
            joined = pd.concat(pieces, ignore_index=True) if pieces else pd.Series([], dtype="str")
            out[col] = (blank_to_none(joined) if blanks else joined).rename(col)
    for col in mixed:
        out[col] = _reread_text(path, kw, header, col, chunk_rows)
    progress.update(size, size, f"reading {path.name}")
    return pd.DataFrame({c: out.pop(c) for c in header}, copy=False)


def _as_float(s: pd.Series) -> np.ndarray | None:
    """The chunk's values as float64 (no copy when the parser made float64), or None when the
    column must be text: booleans, integers beyond float64's exact range, non-numbers."""
    if pd.api.types.is_bool_dtype(s):
        return None
    if s.dtype == np.float64:
        return s.to_numpy()
    if pd.api.types.is_integer_dtype(s):
        ints = s.to_numpy()
        if len(ints) and max(abs(int(ints.max())), abs(int(ints.min()))) > 2**53:
            return None  # ID numbers longer than float64 can hold: read the column as text
        return ints.astype(np.float64)
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
