"""The parsing pass of a CSV import: pandas' C parser, in chunks, cancel checked between chunks.

The C parser infers each chunk's numeric columns itself; they come out as ``float64`` (a column
that holds text further down is re-read as text on its own). Text columns, decided on a sample of
the first rows, are read as pandas ``str``. The frame is put together without consolidating the
columns into one block (no copy of the data).

A file of 32 MB or more is cut at record boundaries into two byte ranges parsed on two threads
(the C tokenizer and number conversion run without the GIL): 1M × 40 parses in about 0.75 of
the one-thread time on two cores (``benchmarks/import_load.py``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
import pandas as pd

from workbench import column_handoff
from workbench.datasets.columns import blank_to_none
from workbench.datasets.heap import Releaser, release
from workbench.datasets.markers import Counts, add_counts, tally
from workbench.datasets.scan import byte_safe
from workbench.datasets.textfile import RangeReader
from workbench.progress import CancelToken, Progress, check_cancel


@dataclass
class _Part:
    numeric: dict[str, list[np.ndarray]] = field(default_factory=dict)
    texts: dict[str, list[pd.Series]] = field(default_factory=dict)
    mixed: set[str] = field(default_factory=set)
    #: missing-value markers made NaN in numeric columns: column → marker → count
    markers: Counts = field(default_factory=dict)
    rows: int = 0
    stopped: bool = False


def _read_part(
    stream: RangeReader,
    kw: dict[str, Any],
    header: list[str],
    text_cols: set[str],
    chunk_rows: int,
    between_chunks: Callable[[], bool],
    markers: frozenset[str] = frozenset(),
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
                    got = _as_float(chunk[col], markers, kw.get("decimal", "."))
                    if got is None:
                        part.mixed.add(col)
                        part.numeric.pop(col, None)
                    else:
                        part.numeric[col].append(got[0])
                        add_counts(part.markers, col, got[1])
            part.rows += len(chunk)
            del chunk
    return part


#: files smaller than this are parsed on one thread (two would not pay for their start-up)
PARALLEL_MIN_BYTES = 32 << 20


def ranges(path: Path, kw: dict[str, Any], size: int, threads: int = 2) -> list[int]:
    """Start offsets of the byte ranges to parse side by side: one range for a file smaller than
    :data:`PARALLEL_MIN_BYTES`, else :func:`split_points`."""
    return split_points(path, kw, size, threads) if size >= PARALLEL_MIN_BYTES else [0]


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
    starts: list[int] | None = None,
    markers: frozenset[str] = frozenset(),
    counts: Counts | None = None,
) -> pd.DataFrame | None:
    """All rows, numeric columns as float64, text as ``str``; None when ``abort()`` said stop.
    Raises Cancelled when ``cancel`` is set (checked between chunks).

    ``starts`` (from :func:`ranges`) cuts the file at record boundaries into byte ranges parsed
    side by side (pandas' C tokenizer releases the GIL); by default one range. Missing-value
    ``markers`` in a numeric column are NaN, counted into ``counts`` (column → marker → n); a
    column holding other text is read as text, markers and all."""
    starts = starts or [0]
    stops: list[int | None] = [*starts[1:], None]
    streams = [RangeReader(path, a, b) for a, b in zip(starts, stops, strict=True)]
    lock = threading.Lock()
    stop = threading.Event()

    def between_chunks() -> bool:
        if stop.is_set():
            return False
        check_cancel(cancel)
        if abort is not None and abort():
            return False
        with lock:
            progress.update(sum(s.count for s in streams), size, f"reading {path.name}")
        return True

    def read(i: int) -> _Part:
        part_kw = kw if i == 0 else {**kw, "skiprows": 0, "header": None}
        try:
            return _read_part(
                streams[i], part_kw, header, text_cols, chunk_rows, between_chunks, markers
            )
        except BaseException:
            stop.set()  # the other ranges stop at their next chunk
            raise
        finally:
            streams[i].close()

    if len(streams) == 1:
        parts = [read(0)]
    else:
        with ThreadPoolExecutor(len(streams) - 1, thread_name_prefix="csv-parse") as pool:
            futures = [pool.submit(read, i) for i in range(1, len(streams))]
            try:
                first = read(0)
            finally:
                rest = [f.exception() or f.result() for f in futures]
            for r in rest:
                if isinstance(r, BaseException):
                    raise r
            parts = [first] + [r for r in rest if isinstance(r, _Part)]
    if any(p.stopped for p in parts):
        return None
    frame = _assemble(path, kw, header, parts, chunk_rows, progress, size)
    if counts is not None:
        for p in parts:
            for col, found in p.markers.items():
                if frame[col].dtype.kind == "f":  # not a column read again as text
                    add_counts(counts, col, found)
    return frame


def split_points(path: Path, kw: dict[str, Any], size: int, n: int) -> list[int]:
    """Start offsets ``[0, cut, ...]`` of up to ``n`` byte ranges of about equal size, each cut
    just after a line end outside quotes; one range when the encoding is not one whose quote and
    line-end bytes only mean themselves.

    A cut is the first line end after its target when no quote byte lies within
    :data:`_QUIET` bytes either side (a few kilobytes read, the common case); else every quote
    byte before it is counted and the cut follows a line end with an even number of quotes
    before it. Either way the byte scan proves it (:class:`~workbench.datasets.scan.ByteScan`'s
    ``cuts``: outside quotes, after a line end, in a file whose quoting is RFC 4180-shaped); when
    it cannot, the caller parses again on one thread."""
    if n < 2 or not byte_safe(kw["encoding"]):
        return [0]
    with path.open("rb") as f:
        for _ in range(int(kw.get("skiprows") or 0) + 1):  # preamble and header stay in range 0
            f.readline()
        head_end = f.tell()
        targets = [max(size * k // n, head_end) for k in range(1, n)]
        cuts = [0]
        for target in targets:
            cut = _quiet_cut(f, max(target, cuts[-1]), size)
            if cut is None:
                return _counted_cuts(f, targets, size)
            if cut >= size:
                break
            cuts.append(cut)
    return cuts


#: bytes either side of a cut's target that must hold no quote for the quick cut
_QUIET = 1 << 16


def _quiet_cut(f: BinaryIO, target: int, size: int) -> int | None:
    """Just past the first line end from ``target`` when no quote byte is near (``size`` when
    there is no line end before the end of the file); None when there is one."""
    start = max(target - _QUIET, 0)
    f.seek(start)
    window = f.read(target - start + _QUIET)
    if b'"' in window:
        return None
    j = window.find(b"\n", target - start)
    return size if j == -1 else start + j + 1


def _counted_cuts(f: BinaryIO, targets: list[int], size: int) -> list[int]:
    """Cuts after a line end with an even number of quote bytes before it (all of them
    counted)."""
    cuts = [0]
    f.seek(0)
    pos, quotes = 0, 0
    for target in targets:
        while pos < target:
            block = f.read(min(_SCAN_BLOCK, target - pos))
            if not block:
                return cuts
            quotes += block.count(b'"')
            pos += len(block)
        found = _line_end_outside_quotes(f, pos, quotes)
        if found is None or found[0] >= size:
            break
        pos, quotes = found
        f.seek(pos)
        cuts.append(pos)
    return cuts


_SCAN_BLOCK = 1 << 22
_MAX_LOOKAHEAD = 1 << 24  # a quoted field longer than 16 MB: no cut


def _line_end_outside_quotes(f: BinaryIO, pos: int, quotes: int) -> tuple[int, int] | None:
    """(offset just past the next line end with an even quote count before it, that count)."""
    start = pos
    while pos - start < _MAX_LOOKAHEAD:
        block = f.read(1 << 16)
        if not block:
            return None
        i = 0
        while (j := block.find(b"\n", i)) != -1:
            quotes += block.count(b'"', i, j)
            if quotes % 2 == 0:
                return pos + j + 1, quotes
            i = j + 1
        quotes += block.count(b'"', i)
        pos += len(block)
    return None


def _assemble(
    path: Path,
    kw: dict[str, Any],
    header: list[str],
    parts: list[_Part],
    chunk_rows: int,
    progress: Progress,
    size: int,
) -> pd.DataFrame:
    """The frame from the parts' chunks. The numeric columns are joined on two pool threads (numpy
    copies with the GIL released) while this thread joins the text columns and finds their blank
    values (Python objects: the GIL held), so the two kinds of work overlap."""
    mixed = set().union(*(p.mixed for p in parts))
    numeric = {
        col: [a for p in parts for a in p.numeric.pop(col)]
        for col in header
        if col not in mixed and col in parts[0].numeric
    }
    out: dict[str, pd.Series] = {}
    releaser = Releaser()  # the freed chunks go back to the system as the columns are joined
    with ThreadPoolExecutor(2, thread_name_prefix="csv-join") as pool:
        joined = {col: pool.submit(_join_numbers, numeric, col, releaser) for col in numeric}
        for col in header:
            if col in mixed or col in numeric:
                continue
            pieces = [s for p in parts for s in p.texts.pop(col)]
            text = pd.concat(pieces, ignore_index=True) if pieces else pd.Series([], dtype="str")
            del pieces
            out[col] = blank_to_none(text).rename(col)
        out.update(reread_texts(path, kw, header, mixed, chunk_rows))
        for col, done in joined.items():
            out[col] = pd.Series(done.result(), name=col, copy=False)
    release()  # the text columns' chunks too
    progress.update(size, size, f"reading {path.name}")
    frame = pd.DataFrame({c: out.pop(c) for c in header}, copy=False)
    for pos, col in enumerate(header):
        if col in numeric:  # final now: the vault may encode it while the import goes on
            column_handoff.offer(col, frame.iloc[:, pos])
    return frame


def _join_numbers(
    numeric: dict[str, list[np.ndarray]], col: str, releaser: Releaser | None = None
) -> np.ndarray:
    """One numeric column's chunks as one array; the chunks are let go as soon as they are
    copied, and their memory is given back to the system now and then (``releaser``: else the
    heap keeps it, and the peak is the parsed chunks plus the joined frame)."""
    arrays = numeric[col]
    arr = np.concatenate(arrays) if len(arrays) > 1 else (arrays or [np.empty(0)])[0]
    freed = sum(a.nbytes for a in arrays) if len(arrays) > 1 else 0
    arrays.clear()
    if releaser is not None and freed:
        releaser.freed(freed)
    return arr


def _as_float(
    s: pd.Series, markers: frozenset[str] = frozenset(), decimal: str = "."
) -> tuple[np.ndarray, dict[str, int]] | None:
    """The chunk's values as float64 (no copy when the parser made float64) and the counts of the
    missing-value ``markers`` made NaN; None when the column must be text: booleans, integers
    beyond float64's exact range, non-numbers other than the markers."""
    if pd.api.types.is_bool_dtype(s):
        return None
    if s.dtype == np.float64:
        return s.to_numpy(), {}
    if pd.api.types.is_integer_dtype(s):
        ints = s.to_numpy()
        if len(ints) and max(abs(int(ints.max())), abs(int(ints.min()))) > 2**53:
            return None  # ID numbers longer than float64 can hold: read the column as text
        return ints.astype(np.float64), {}
    if pd.api.types.is_numeric_dtype(s):
        return s.to_numpy(dtype="float64", na_value=np.nan), {}
    text = s.str.replace(",", ".", regex=False) if decimal == "," else s
    nums = pd.to_numeric(text, errors="coerce")
    odd = (nums.isna() & s.notna()).to_numpy()
    found: dict[str, int] | None = {}
    if odd.any():  # values that are not numbers: all markers, or the column is text
        found = tally(s[odd], markers) if markers else None
        if found is None:
            return None
    return nums.to_numpy(dtype="float64", na_value=np.nan), found or {}


def reread_texts(
    path: Path,
    kw: dict[str, Any],
    header: list[str],
    cols: set[str],
    chunk_rows: int = 200_000,
) -> dict[str, pd.Series]:
    """Columns read again as text (missing and blank values as missing), all in one pass."""
    order = sorted(cols, key=header.index)  # usecols gives the columns in the file's order
    if not order:
        return {}
    usecols = [header.index(c) for c in order]
    parts: dict[str, list[pd.Series]] = {c: [] for c in order}
    with pd.read_csv(path, usecols=usecols, dtype=str, chunksize=max(1, chunk_rows), **kw) as rd:
        for chunk in rd:
            for i, col in enumerate(order):
                parts[col].append(chunk.iloc[:, i])
    return {c: blank_to_none(pd.concat(parts[c], ignore_index=True)).rename(c) for c in order}
