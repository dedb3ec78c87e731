"""A streaming byte scan of one XML part: nesting depth, element counts, and the cells a sheet
would make its reader allocate — in constant memory, at about 40 MB/s of CPU time.

An event parser calling Python for every element (expat) took 23 s on a 150 MB sheet, longer
than the reader it protects; this scan looks at the bytes instead, with numpy and regular
expressions doing the work in C. It counts element starts ``<name``, ends ``</name`` and
self-closing ``/>`` tags; comments and CDATA sections are rare in SpreadsheetML and are not
special-cased (a ``/>`` written inside an attribute value would be read as a self-closing tag).
Namespace prefixes (``<x:c>``) are ignored, as a namespace-aware reader would.

For a sheet it also finds the *used range* as python-calamine builds it: cells with a value and
a reference (``<c r="XFD1048576"><v>1</v></c>``) count at their reference; cells without one
count by position (the n-th cell of a row, in the row's ``r`` or the next row); self-closing
cells (``<c r="Z9" s="1"/>``, formatting only) hold no value and do not extend the range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

_PREFIX = re.compile(rb"<(/?)[A-Za-z_][\w.\-]*:")
_REF_ATTR = re.compile(rb"\sr\s*=\s*[\"']\$?([A-Za-z]{0,12})\$?([0-9]{0,12})")
#: bytes that may follow an element's name
_ENDS_NAME = np.zeros(256, dtype=bool)
_ENDS_NAME[[0x20, 0x09, 0x0A, 0x0D, 0x3E, 0x2F]] = True
#: bytes of an XML name (ASCII letters, digits, ``_ - .`` and every non-ASCII byte)
_IN_NAME = np.zeros(256, dtype=np.uint8)
_IN_NAME[
    [*b"_-.", *range(0x30, 0x3A), *range(0x41, 0x5B), *range(0x61, 0x7B), *range(0x80, 0x100)]
] = 1
_SPACE = np.zeros(256, dtype=bool)
_SPACE[[0x20, 0x09, 0x0A, 0x0D]] = True
_WINDOW = 32
_REF_BYTES = 12
_PAD = 64
#: stands for "out of range" (more than any sheet can have)
_HUGE = 10**12
_LT, _GT, _SLASH = 0x3C, 0x3E, 0x2F
#: a tag longer than this is not SpreadsheetML (real tags are well under a kilobyte)
MAX_TAG_BYTES = 2**20


_Refs = tuple[np.ndarray, np.ndarray, np.ndarray]


class TagTooLong(ValueError):
    """An element's start tag runs on for more than :data:`MAX_TAG_BYTES`."""


@dataclass
class Extent:
    rows: int
    columns: int

    @property
    def cells(self) -> int:
        return self.rows * self.columns


def _windows(arr: np.ndarray, starts: np.ndarray, width: int) -> np.ndarray:
    """The ``width`` bytes from each of ``starts`` (one row each; ``arr`` is padded)."""
    return np.lib.stride_tricks.sliding_window_view(arr, width)[starts]


def _is(head: np.ndarray, name: bytes) -> np.ndarray:
    """Which element starts are ``<name`` (``head``: the bytes after each ``<``)."""
    hit = _ENDS_NAME[head[:, len(name)]]
    for i, ch in enumerate(name):
        hit &= head[:, i] == ch
    return hit


def _first_refs(arr: np.ndarray, tags: np.ndarray, name_len: int) -> _Refs:
    """For each start tag (``<c …`` or ``<row …``) whose first attribute is ``r``: the column and
    row numbers it gives (0 where absent; a huge number where out of range)."""
    after = _windows(arr, tags + 1 + name_len, 4)
    first = (after[:, :3] == np.frombuffer(b" r=", np.uint8)).all(1)
    first &= (after[:, 3] == 0x22) | (after[:, 3] == 0x27)
    col = np.zeros(len(tags), dtype=np.int64)
    row = np.zeros(len(tags), dtype=np.int64)
    if first.any():
        col[first], row[first] = _parse_refs(arr, tags[first] + name_len + 5)
    return first, col, row


def _other_refs(buf: bytes, arr: np.ndarray, tags: np.ndarray, refs: _Refs) -> None:
    """Complete ``refs`` with the tags whose ``r`` attribute is not the first (rare): a regular
    expression on each tag that has an ``r`` attribute in a fixed window or is longer than it."""
    has_r, col, row = refs
    rest = np.flatnonzero(~has_r)
    if not len(rest):
        return
    window = _windows(arr, tags[rest], _WINDOW)
    is_gt = window == _GT
    end = np.where(is_gt.any(1), is_gt.argmax(1), _WINDOW)
    r_attr = _SPACE[window[:, :-1]] & (window[:, 1:] == ord("r"))
    r_attr &= np.arange(_WINDOW - 1) < end[:, None]
    for i in rest[(end == _WINDOW) | r_attr.any(1)]:
        start = int(tags[i])
        stop = buf.find(b">", start)
        m = _REF_ATTR.search(buf, start, stop if stop >= 0 else len(buf))
        if m:
            has_r[i] = True
            col[i] = _column(m.group(1)) if m.group(1) else 0
            row[i] = min(int(m.group(2)), _HUGE) if m.group(2) else 0


def _r_attributes(body: np.ndarray) -> int:
    """How many times ``r`` stands after a space and before ``=`` or a space (an upper bound of
    the ``r`` attributes in ``body``)."""
    r_at = np.flatnonzero(body[1:-1] == ord("r")) + 1
    nxt = body[r_at + 1]
    return int(np.count_nonzero(_SPACE[body[r_at - 1]] & ((nxt == ord("=")) | _SPACE[nxt])))


def _parse_refs(arr: np.ndarray, starts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Column and row of references like ``AB12"`` beginning at ``starts`` (column 0 for ``12"``);
    a reference longer than the window counts as out of range."""
    ref = _windows(arr, starts, _REF_BYTES)
    upper = ref & 0xDF
    letter = (upper >= ord("A")) & (upper <= ord("Z"))
    digit = (ref >= ord("0")) & (ref <= ord("9"))
    n_letters = np.where(letter.all(1), _REF_BYTES, np.argmin(letter, 1))
    pos = np.arange(_REF_BYTES)
    col = np.zeros(len(starts), dtype=np.int64)
    row = np.zeros(len(starts), dtype=np.int64)
    for j in range(_REF_BYTES):
        in_col = j < n_letters
        col = np.where(
            in_col, np.minimum(col * 26 + (upper[:, j].astype(np.int64) - 64), _HUGE), col
        )
    in_digits = (pos >= n_letters[:, None]) & digit
    run = np.cumprod(in_digits | (pos < n_letters[:, None]), axis=1).astype(bool)
    in_digits &= run
    for j in range(_REF_BYTES):
        d = in_digits[:, j]
        row = np.where(d, np.minimum(row * 10 + (ref[:, j].astype(np.int64) - 48), _HUGE), row)
    too_long = run[:, -1]
    col[too_long & (n_letters > 0)] = _HUGE
    row[too_long] = _HUGE
    return col, row


def _column(letters: bytes) -> int:
    """``A`` → 1, ``Z`` → 26, ``AA`` → 27, ``XFD`` → 16,384."""
    n = 0
    for ch in letters.upper():
        n = min(n * 26 + (ch - 64), _HUGE)
    return n


def _has_prefixed_tag(buf: bytes) -> bool:
    """Whether an element name in ``buf`` may carry a namespace prefix (``<x:c``): a colon with
    only name characters back to a ``<`` (or for more than a window's length)."""
    if b":" not in buf:
        return False
    arr = np.frombuffer(b"\0" * _WINDOW + buf, dtype=np.uint8)
    colons = np.flatnonzero(arr == ord(":"))
    window = arr[colons[:, None] - np.arange(1, _WINDOW + 1)]
    is_lt = window == _LT
    stop = _IN_NAME[window] == 0
    first_lt = np.where(is_lt.any(1), is_lt.argmax(1), _WINDOW)
    first_stop = np.where(stop.any(1), stop.argmax(1), _WINDOW)
    return bool(np.any(first_lt <= first_stop) or np.any(first_stop == _WINDOW))


class XmlScan:
    """Feed the bytes of one part in blocks of any size; read the figures after :meth:`close`."""

    def __init__(self) -> None:
        self._carry = b""
        self._depth = 0
        self.max_depth = 0
        self.counts: dict[bytes, int] = {}
        # sheet figures
        self._max_row_attr = self._max_cell_row = self._max_col = 0
        self._row_tags = self._row_refs = 0
        self._cell_tags = self._cell_refs = 0
        self._cells_in_row = self._max_cells_in_row = 0

    def feed(self, block: bytes) -> None:
        buf = self._carry + block
        cut = buf.rfind(b"<")
        if cut < 0:
            self._carry = b""
            return
        self._carry = buf[cut:]
        if len(self._carry) > MAX_TAG_BYTES:
            raise TagTooLong(len(self._carry))
        if cut:
            self._scan(buf[:cut])

    def close(self) -> None:
        carry, self._carry = self._carry, b""
        if carry:
            self._scan(carry)

    def _scan(self, buf: bytes) -> None:
        if _has_prefixed_tag(buf):
            buf = _PREFIX.sub(rb"<\1", buf)
        arr = np.frombuffer(buf + b"\0" * _PAD, dtype=np.uint8)
        body = arr[: len(buf)]
        lt = np.flatnonzero(body == _LT)
        if not len(lt):
            return
        nxt = arr[lt + 1]
        is_close = nxt == _SLASH
        is_open = ~is_close & (nxt != ord("?")) & (nxt != ord("!"))
        # a self-closing tag: the last "<" before each "/>"
        ends = np.flatnonzero((body[1:] == _GT) & (body[:-1] == _SLASH))
        self_closing = np.zeros(len(lt), dtype=bool)
        self_closing[np.searchsorted(lt, ends) - 1] = True
        self_closing &= is_open
        step = is_open.astype(np.int32) - is_close - self_closing
        level = np.cumsum(step, dtype=np.int32)
        self.max_depth = max(self.max_depth, self._depth + int((level + self_closing).max()))
        self._depth += int(level[-1])
        opens, closed = lt[is_open], self_closing[is_open]
        head = _windows(arr, opens + 1, 7)
        for name in (b"si", b"sheet"):
            self.counts[name] = self.counts.get(name, 0) + int(np.count_nonzero(_is(head, name)))
        is_row, is_cell = _is(head, b"row"), _is(head, b"c")
        if is_row.any() or is_cell.any():
            self._sheet(buf, arr, opens[is_row], opens[is_cell], closed[is_cell])

    def _sheet(
        self, buf: bytes, arr: np.ndarray, rows: np.ndarray, cells: np.ndarray, empty: np.ndarray
    ) -> None:
        row_refs, cell_refs = _first_refs(arr, rows, 3), _first_refs(arr, cells, 1)
        if _r_attributes(arr[: len(buf)]) > row_refs[0].sum() + cell_refs[0].sum():
            _other_refs(buf, arr, rows, row_refs)
            _other_refs(buf, arr, cells, cell_refs)
        has_r, _, row_no = row_refs
        self._row_tags += len(rows)
        self._row_refs += int(has_r.sum())
        if has_r.any():
            self._max_row_attr = max(self._max_row_attr, int(row_no[has_r].max()))
        has_r, col_no, row_no = cell_refs
        self._cell_tags += len(cells)
        self._cell_refs += int(has_r.sum())
        valued = has_r & ~empty
        if valued.any():
            self._max_cell_row = max(self._max_cell_row, int(row_no[valued].max()))
            self._max_col = max(self._max_col, int(col_no[valued].max()))
        # cells per row, for cells placed by position: the first group continues the last row
        counts = np.bincount(np.searchsorted(rows, cells), minlength=len(rows) + 1)
        if len(rows):
            first = self._cells_in_row + int(counts[0])
            self._max_cells_in_row = max(self._max_cells_in_row, first, int(counts[1:].max()))
            self._cells_in_row = int(counts[-1])
        else:
            self._cells_in_row += int(counts[0])
            self._max_cells_in_row = max(self._max_cells_in_row, self._cells_in_row)

    def extent(self) -> Extent:
        """The used range a reader would allocate (an upper bound when cells are positional)."""
        max_col = self._max_col
        positional = self._cell_tags - self._cell_refs
        if positional <= 0:
            return Extent(self._max_cell_row, max_col)
        rows = max(self._max_row_attr, self._max_cell_row) + (self._row_tags - self._row_refs)
        return Extent(max(rows, 1), max_col + self._max_cells_in_row)

    @property
    def has_cells(self) -> bool:
        return self._cell_tags > 0
