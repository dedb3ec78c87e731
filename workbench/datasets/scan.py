"""Fast structural scan of delimited text, run on a thread beside the pandas parse.

The scan reads the raw bytes once, in large blocks, and with numpy proves what the csv-module
checking pass (:func:`workbench.datasets.textfile.check_pass`) would prove: the bytes decode
strictly, and every non-blank record has as many fields as the header. It also computes the
file's SHA-256 on the way. Counting is done on bytes, so it only runs for encodings in which the
delimiter, quote and line-end bytes can only mean themselves (UTF-8 and single-byte code pages).

The scan never reports *why* a file is bad: when it cannot prove a file well-formed (bad bytes, a
wrong field count, quotes that are not RFC 4180-shaped, lone carriage returns, NUL bytes, an
unusual encoding) it sets ``ok = False`` and the caller runs the exact checking pass, which names
the file and the line. So a clean file is checked without a Python-level pass over its text, and
a damaged one still gets the same precise message as before.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from workbench.datasets.columns import SIGNED_START

_BLOCK = 1 << 22
_QUOTE, _LF, _CR = 34, 10, 13
_PLUS, _MINUS, _ZERO = 43, 45, 48
#: a value that keeps its column as text (``columns.SIGNED_START``; ``\d`` is ASCII in bytes)
_SIGNED = re.compile(SIGNED_START.encode())
_NONE = np.empty(0, dtype=np.intp)
_PREFIXES = (b"0", b"-", b"-0")  # the start of a signed value whose deciding byte is still to come


#: encodings whose bytes below 0x80 are ASCII, one byte per character
_BYTE_SAFE = ("utf-8", "utf-8-sig", "ascii", "latin-1", "iso8859-", "cp125", "cp437", "cp850")


def byte_safe(encoding: str) -> bool:
    name = codecs.lookup(encoding).name
    return name.startswith(_BYTE_SAFE)


class ByteScan(threading.Thread):
    """Hash + strict decode + per-record field counts of one file, off the main thread."""

    def __init__(
        self,
        path: Path,
        encoding: str,
        delimiter: str,
        header_row: int,
        n_fields: int,
        sample_rows: int = 0,
        cuts: Sequence[int] = (),
    ) -> None:
        """``sample_rows``: the first records whose columns were typed by the text rules already;
        a block that holds only such records is not searched for signed values. ``cuts``: file
        offsets where the parse starts a byte range, each of which must follow a line end
        outside quotes (else ``ok`` is False)."""
        super().__init__(name="csv-scan", daemon=True)
        self.path = path
        self.encoding = encoding
        self.n_fields = n_fields
        self.ok = len(delimiter) == 1 and ord(delimiter) < 0x80 and delimiter != '"'
        self.ok = self.ok and byte_safe(encoding)
        self._delim = ord(delimiter) if self.ok else 0
        self.records = 0  # non-blank data records after the header
        self.error: BaseException | None = None
        self._sha = hashlib.sha256()
        self._stop_event = threading.Event()
        self._header_left = header_row + 1  # non-blank records before the data: preamble + header
        self._in_quote = 0
        self._prev = _LF  # the byte before the current block (start of file = start of a line)
        self._part_delims = 0  # delimiters of the unfinished line (outside quotes)
        self._part_len = 0  # its length in bytes
        self._need_lf = False  # the previous block ended in CR
        self._need_quote_next = False  # ... or in a closing quote
        #: fields (0-based) holding a value written with a leading zero or a plus sign
        #: (``007``, ``-05``, ``+252…``) after the header: such a value keeps a column as text
        self.signed_fields: set[int] = set()
        self._offset = 0  # file offset of the current block's first byte
        self._carry: tuple[bytes, int] | None = None  # a value start cut by the block's end
        self._sample_rows = sample_rows
        self._cuts = sorted(c for c in cuts if c > 0)
        with path.open("rb") as f:  # where the data starts: after the preamble and the header
            for _ in range(header_row + 1):
                f.readline()
            self._data_start = f.tell()
        # the fast path keeps only delimiters and line ends (``bytes.translate``); a block's
        # complete lines must then be a prefix of ``_units`` (``delimiter * (n_fields - 1)``
        # and a line end, repeated as often as a block can hold lines)
        self._others = bytes(b for b in range(256) if b not in (self._delim, _LF))
        self._unit = bytes([self._delim]) * (n_fields - 1) + b"\n"
        self._units = b""
        #: work arrays of the vector passes, reused block after block (numpy would otherwise
        #: allocate, fault in and free a few 4 MB temporaries per block: about half the cost)
        self._bools = np.empty((2, _BLOCK), dtype=bool)
        self._bytes = np.empty(_BLOCK, dtype=np.uint8)

    def stop(self) -> None:
        self._stop_event.set()

    @property
    def sha256(self) -> str:
        return self._sha.hexdigest()

    def run(self) -> None:
        try:
            self._run()
        except BaseException as exc:  # reported to the caller, which then checks the slow way
            self.ok = False
            self.error = exc

    def _run(self) -> None:
        decoder = codecs.getincrementaldecoder(self.encoding)(errors="strict") if self.ok else None
        first = True
        pos = 0
        buffer = bytearray(_BLOCK)  # read into one buffer: a fresh 4 MB per block costs faults
        with self.path.open("rb") as f:
            while not self._stop_event.is_set():
                got = f.readinto(buffer)
                if not got:
                    break
                block = buffer if got == _BLOCK else buffer[:got]
                self._sha.update(block)
                self._offset, pos = pos, pos + len(block)
                if not self.ok or decoder is None:
                    continue
                if first and block.startswith(codecs.BOM_UTF8) and "utf-8" in self.encoding:
                    block = block[3:]
                    self._offset += 3
                first = False
                try:
                    if not block.isascii():
                        decoder.decode(block, final=False)
                except UnicodeDecodeError:
                    self.ok = False
                    continue
                self._block(block)
        if self._stop_event.is_set() or not self.ok or decoder is None:
            return
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            self.ok = False
            return
        if self._in_quote or self._need_lf:
            self.ok = False
            return
        if self._part_len:  # a last line without a line end
            self._lines(np.array([self._part_delims]), np.array([self._part_len]), self._prev)
        if self._header_left:
            self.ok = False  # no header row: the exact pass says so

    def _block(self, block: bytes | bytearray) -> None:
        n = len(block)
        if n == 0:
            return
        if b"\x00" in block:
            self.ok = False  # NUL bytes: leave them to the exact pass
            return
        if self._cuts and self._cuts[0] < self._offset + n and not self._cuts_ok(block):
            self.ok = False  # a range of the parse may start inside a record
            return
        arr = np.frombuffer(block, dtype=np.uint8)
        in_sample = self.records < self._sample_rows
        if in_sample and self.records + self._count(arr, _LF) < self._sample_rows:
            starts = (_NONE, _NONE)  # every record here was in the sample (line ends ≥ records)
        else:
            starts = self._signed_starts(block, arr)
        any_start = bool(len(starts[0]) or len(starts[1]))
        part_delims = self._part_delims
        if self._need_lf and arr[0] != _LF:
            self.ok = False
            return
        if self._need_quote_next and arr[0] not in (self._delim, _LF, _CR, _QUOTE):
            self.ok = False
            return
        self._need_quote_next = False
        cr = np.flatnonzero(arr == _CR) if b"\r" in block else np.empty(0, dtype=np.intp)
        if len(cr):
            inner = cr[cr < n - 1]
            if len(inner) and not (arr[inner + 1] == _LF).all():
                self.ok = False  # lone CR line ends (old Mac files)
                return
        self._need_lf = bool(len(cr)) and cr[-1] == n - 1
        quoted = b'"' in block
        fast = not quoted and not self._in_quote and not self._header_left and self.n_fields > 1
        if fast and self._plain_lines(block):
            if any_start:
                nl, dl = self._where(arr, _LF), self._where(arr, self._delim)
                self._note_fields(arr, starts, nl, dl, part_delims)
            self._prev = block[-1]
            return
        nl = self._where(arr, _LF)
        dl = self._where(arr, self._delim)
        q = np.flatnonzero(arr == _QUOTE) if quoted else np.empty(0, dtype=np.intp)
        if len(q) or self._in_quote:
            if not self._quotes_ok(arr, q):
                self.ok = False
                return
            nl = nl[((self._in_quote + np.searchsorted(q, nl)) & 1) == 0]
            dl = dl[((self._in_quote + np.searchsorted(q, dl)) & 1) == 0]
            self._in_quote = (self._in_quote + len(q)) & 1
        if any_start:
            self._note_fields(arr, starts, nl, dl, part_delims)
        before = np.searchsorted(dl, nl)
        if len(nl):
            delims = np.diff(before, prepend=0)
            delims[0] += self._part_delims
            lengths = np.diff(nl, prepend=-1) - 1
            lengths[0] += self._part_len
            prev_byte = np.where(nl > 0, arr[np.maximum(nl - 1, 0)], self._prev)
            self._lines(delims, lengths, prev_byte)
            self._part_delims = len(dl) - int(before[-1])
            self._part_len = n - int(nl[-1]) - 1
        else:
            self._part_delims += len(dl)
            self._part_len += n
        self._prev = int(arr[-1])

    def _where(self, arr: np.ndarray, byte: int) -> np.ndarray:
        """``np.flatnonzero(arr == byte)`` without a fresh work array."""
        return np.flatnonzero(np.equal(arr, byte, out=self._bools[0, : len(arr)]))

    def _count(self, arr: np.ndarray, byte: int) -> int:
        return int(np.count_nonzero(np.equal(arr, byte, out=self._bools[0, : len(arr)])))

    def _cuts_ok(self, block: bytes | bytearray) -> bool:
        """The cuts in this block follow a line end and an even number of quotes (counted from
        the start of the file, as the quote state of this block's start says)."""
        while self._cuts and self._cuts[0] < self._offset + len(block):
            i = self._cuts.pop(0) - self._offset
            before = block[i - 1] if i > 0 else self._prev
            if i < 0 or before != _LF or (self._in_quote + block.count(b'"', 0, i)) & 1:
                return False
        return True

    def _signed_starts(
        self, block: bytes | bytearray, arr: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Offsets in the block where a field's value starts (just after a delimiter, a line end
        or a quote, from the data on) with ``+``, with ``0`` and a digit, or with ``-0`` and a
        digit; and a start whose bytes run past the block's end, decided with the next block's
        first bytes.

        Only a ``0`` followed by a digit can start such a value, so the search begins there (a
        few vector passes over the bytes), not at every ``0`` field: a file of 0/1 answers has
        tens of millions of those and hardly any ``0`` + digit pair after a delimiter."""
        n = len(arr)
        if self._carry is not None:  # a value start cut by the previous block's end
            head, field = self._carry
            self._carry = None
            head += block[:2]
            if _SIGNED.match(head):
                self.signed_fields.add(field)
            elif head in _PREFIXES:  # a block shorter than what is still needed
                self._carry = (head, field)
        lead = np.zeros(256, dtype=bool)
        lead[[self._delim, _LF] + ([_QUOTE] if self._in_quote or b'"' in block else [])] = True
        m = max(n - 1, 0)
        zero_digit, digit = self._bools[0, :m], self._bools[1, :m]
        np.equal(arr[:-1], _ZERO, out=zero_digit)
        np.subtract(arr[1:], _ZERO, out=self._bytes[:m])  # uint8: bytes below '0' wrap around
        np.less_equal(self._bytes[:m], 9, out=digit)
        zero_digit &= digit
        zd = np.flatnonzero(zero_digit)
        if len(zd) and zd[0] == 0 and self._prev == _MINUS:
            zd = zd[1:]  # "-" ended the previous block: its carry decides
        if self._delim != _MINUS and len(zd):
            minus = arr[np.maximum(zd - 1, 0)] == _MINUS
            minus[zd == 0] = False
            zd = zd - minus  # "-0" + digit: the value starts at the "-"
        plus = np.flatnonzero(arr == _PLUS) if b"+" in block else _NONE
        cand = np.concatenate((zd, plus)) if len(plus) else zd
        if len(cand):
            before = np.where(cand > 0, arr[np.maximum(cand - 1, 0)], self._prev)
            cand = cand[lead[before] & (self._offset + cand >= self._data_start)]
        found = [np.sort(cand)]
        cut = []
        for v in range(max(n - 2, 0), n):  # a value start in the last two bytes
            prev = arr[v - 1] if v > 0 else self._prev
            tail = bytes(block[v:])
            if lead[prev] and tail in _PREFIXES and self._offset + v >= self._data_start:
                cut.append(v)  # "0", "-" or "-0" ("0" + digit was found above)
                break
        return np.concatenate(found), np.array(cut[:1], dtype=np.intp)

    def _note_fields(
        self,
        arr: np.ndarray,
        starts: tuple[np.ndarray, np.ndarray],
        nl: np.ndarray,
        dl: np.ndarray,
        part_delims: int,
    ) -> None:
        """Record the field of each value start: the delimiters (outside quotes) since its line
        began, plus those of a line begun in an earlier block."""
        complete, cut = starts
        for group, is_cut in ((complete, False), (cut, True)):
            if not len(group):
                continue
            line = np.searchsorted(nl, group)  # line ends before the start
            if len(nl):
                first = np.where(line > 0, np.searchsorted(dl, nl[np.maximum(line - 1, 0)]), 0)
            else:  # no line end in the block (a long line, a short last block): all line 0
                first = np.zeros(len(group), dtype=np.intp)
            fields = np.searchsorted(dl, group) - first + np.where(line > 0, 0, part_delims)
            if is_cut:
                v = int(group[0])
                self._carry = (arr[v:].tobytes(), int(fields[0]))
            else:
                self.signed_fields.update(fields.tolist())

    def _plain_lines(self, block: bytes | bytearray) -> bool:
        """The block's lines, when none is blank and the block has no quotes: only delimiters and
        line ends are kept (``bytes.translate``) and every complete line must read exactly
        ``delimiter * (n_fields - 1)``. False (state untouched) sends the block to the general
        path."""
        kept = block.translate(None, self._others)
        last = kept.rfind(b"\n")
        if last == -1:
            self._part_delims += len(kept)
            self._part_len += len(block)
            return True
        first = kept.find(b"\n")
        if first + self._part_delims != self.n_fields - 1:
            return False
        rest = kept[first + 1 : last + 1]
        k, extra = divmod(len(rest), len(self._unit))
        if len(self._units) < len(rest):
            self._units = self._unit * max(k, 2 * len(self._units) // len(self._unit))
        if extra or not self._units.startswith(rest):
            return False
        self.records += 1 + k
        self._part_delims = len(kept) - last - 1
        self._part_len = len(block) - block.rfind(b"\n") - 1
        return True

    def _quotes_ok(self, arr: np.ndarray, q: np.ndarray) -> bool:
        """Every quote opens a field, closes one or is a doubled quote inside one (RFC 4180)."""
        self._need_quote_next = False
        if not len(q):
            return True
        n = len(arr)
        opening = ((self._in_quote + np.arange(len(q))) & 1) == 0
        prev = np.where(q > 0, arr[np.maximum(q - 1, 0)], self._prev)
        allowed_before = (prev == self._delim) | (prev == _LF) | (prev == _QUOTE)
        if not allowed_before[opening].all():
            return False
        closing = q[~opening]
        if len(closing) and closing[-1] == n - 1:
            self._need_quote_next = True
            closing = closing[:-1]
        nxt = arr[closing + 1]
        return bool(((nxt == self._delim) | (nxt == _LF) | (nxt == _CR) | (nxt == _QUOTE)).all())

    def _lines(self, delims: np.ndarray, lengths: np.ndarray, prev_byte: np.ndarray | int) -> None:
        blank = (lengths == 0) | ((lengths == 1) & (np.asarray(prev_byte) == _CR))
        counts = delims[~blank]
        if self._header_left:
            head = counts[: self._header_left]
            self._header_left -= len(head)
            if self._header_left == 0 and int(head[-1]) != self.n_fields - 1:
                self.ok = False  # the header is not what pandas read: let the exact pass decide
                return
            counts = counts[len(head) :]
        if len(counts) and not (counts == self.n_fields - 1).all():
            self.ok = False
            return
        self.records += len(counts)
