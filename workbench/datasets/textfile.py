"""Low-level helpers for input files and delimited text: byte ranges, hashing, delimiter
sniffing, the checking pass.

The checking pass reads the whole file once with the csv module: it proves the encoding, that
the header has no duplicate names and that every row has as many fields as the header — so that
the parsing pass (pandas, in chunks) never meets a surprise half-way and no partial dataset can
come out.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from workbench.datasets.columns import SIGNED_START
from workbench.datasets.encoding import not_utf8_error
from workbench.errors import ImportError_
from workbench.progress import CancelToken, Progress, check_cancel

DELIMITERS = (",", ";", "\t", "|")
_SAMPLE_BYTES = 64 * 1024


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


def file_sha256(path: Path, cancel: CancelToken | None = None) -> str:
    """SHA-256 of a file's bytes, read in 4 MiB blocks; cancel checked between blocks."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(1 << 22):
            h.update(block)
            check_cancel(cancel)
    return h.hexdigest()


def read_sample(path: Path, encoding: str) -> str:
    """The first ~64 KB as text (a character cut at the end is dropped)."""
    with path.open("rb") as f:
        raw = f.read(_SAMPLE_BYTES)
    return codecs.getincrementaldecoder(encoding)(errors="strict").decode(raw, final=False)


def sniff_delimiter(sample: str, default: str, header_row: int) -> str:
    """The candidate giving the same (largest, > 1) field count on the first lines."""
    lines = sample.splitlines()[header_row : header_row + 30]
    if len(lines) > 1 and not sample.endswith(("\n", "\r")):
        lines = lines[:-1]  # the sample may end in the middle of a line
    best, best_score = default, (0, 0)
    for delim in DELIMITERS:
        try:
            counts = [len(r) for r in csv.reader(lines, delimiter=delim) if r]
        except csv.Error:
            continue
        if not counts or counts[0] < 2:
            continue
        consistent = sum(1 for c in counts if c == counts[0])
        score = (consistent, counts[0])
        if score > best_score:
            best, best_score = delim, score
    return best


@dataclass
class CheckedText:
    header: list[str]
    n_rows: int
    #: fields holding a value written with a leading zero or a plus sign (``007``, ``+252…``)
    #: in a data row after the first ``signed_after`` (see :func:`check_pass`)
    signed_fields: set[int] = field(default_factory=set)


#: a value that keeps its column as text (``columns.SIGNED_START``), alone or in a row joined by NUL
_SIGNED = re.compile(SIGNED_START)
_SIGNED_IN_ROW = re.compile(rf"(?:^|\x00)(?:{SIGNED_START})")


def check_pass(
    path: Path,
    encoding: str,
    delimiter: str,
    header_row: int,
    progress: Progress,
    cancel: CancelToken | None,
    size: int,
    signed_after: int | None = None,
) -> CheckedText:
    """Prove the encoding, the header and every row's field count (ImportError_ naming the line
    otherwise). With ``signed_after``, also note the fields with a leading-zero or plus-signed
    value in the data rows after that many (one regular-expression search per row)."""
    raw = RangeReader(path)
    signed: set[int] = set()
    text = io.TextIOWrapper(io.BufferedReader(raw), encoding=encoding, errors="strict", newline="")
    reader = csv.reader(text, delimiter=delimiter, strict=False)
    header: list[str] | None = None
    n_fields = n_rows = 0
    try:
        for row in reader:
            if not row:
                continue
            if header is None:
                if header_row > 0:
                    header_row -= 1
                    continue
                header = _check_header(path, row, reader.line_num)
                n_fields = len(header)
                continue
            if len(row) != n_fields:
                raise ImportError_.of(
                    "import.field_count",
                    name=path.name,
                    line_num=reader.line_num,
                    count=len(row),
                    n_fields=n_fields,
                    delimiter=_show(delimiter),
                )
            n_rows += 1
            if signed_after is not None and n_rows > signed_after:
                joined = "\x00".join(row)
                if _SIGNED_IN_ROW.search(joined):
                    signed.update(i for i, v in enumerate(row) if _SIGNED.match(v))
            if n_rows % 20_000 == 0:
                check_cancel(cancel)
                progress.update(raw.count, size, f"checking {path.name}")
    except UnicodeDecodeError:
        raise not_utf8_error(path, encoding) from None
    except csv.Error as exc:
        raise ImportError_.of(
            "import.line_error", name=path.name, line_num=reader.line_num, detail=str(exc)
        ) from None
    finally:
        text.close()
    if header is None:
        raise ImportError_.of("import.no_header", name=path.name)
    return CheckedText(header=header, n_rows=n_rows, signed_fields=signed)


def _check_header(path: Path, row: list[str], line: int) -> list[str]:
    names = [c.strip().lstrip("\ufeff") for c in row]
    names = [n or f"column_{i + 1}" for i, n in enumerate(names)]
    dups = [n for n, k in Counter(names).items() if k > 1]
    if dups:
        raise ImportError_.of(
            "import.duplicate_column_line", name=path.name, line=line, dups=dups[0]
        )
    return names


def _show(delimiter: str) -> str:
    return {"\t": "tab", ",": "comma", ";": "semicolon", "|": "pipe"}.get(
        delimiter, repr(delimiter)
    )
