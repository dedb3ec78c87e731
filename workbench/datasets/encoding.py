"""Choosing a text file's encoding: BOM, then UTF-16/32 by its NUL bytes, then strict UTF-8,
then ask the user.

The workbench never guesses silently: a file that is not UTF-8 and carries no byte-order mark
fails with a message asking for a legacy code page; the message includes a *hint* (Arabic text
decodes to many Arabic letters in cp1256, Western text looks right in cp1252).

UTF-16 and UTF-32 without a byte-order mark (written by some Windows tools and database exports)
are recognised by where their NUL bytes fall: a CSV file is mostly ASCII (digits, delimiters,
line ends), and in UTF-16LE every ASCII character is followed by one NUL byte, in UTF-16BE
preceded by one, in UTF-32 by three. The candidate must also decode the sample strictly. A file
with NUL bytes that fits no pattern is refused with a clear message rather than read as garbage
(NUL is valid UTF-8, so it would otherwise "decode").
"""

from __future__ import annotations

import codecs
from pathlib import Path

import numpy as np

from workbench.errors import ImportError_

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def check_codec(path: Path, encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise ImportError_.of(
            "import.unknown_encoding", name=path.name, encoding=encoding
        ) from None


def from_bom(head: bytes) -> str | None:
    for bom, name in BOMS:
        if head.startswith(bom):
            return name
    return None


def legacy_hint(raw: bytes) -> str:
    """Which legacy code page makes the bytes look like text (a hint, never a decision)."""
    arabic = raw.decode("cp1256", errors="replace")
    n_arabic = sum(1 for ch in arabic if "\u0600" <= ch <= "\u06ff")
    high = sum(1 for b in raw if b >= 0x80)
    if high and n_arabic >= 0.6 * high:
        return "cp1256"
    return "cp1252"


def resolve_encoding(path: Path, requested: str | None, head: bytes) -> str:
    """The encoding to use: the user's choice, a BOM's, UTF-16/32 recognised by its NUL bytes,
    or (provisionally) strict UTF-8."""
    if requested:
        name = check_codec(path, requested)
        if name == "utf-8" and head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        return name
    bom = from_bom(head)
    if bom:
        return bom
    with path.open("rb") as f:
        sample = f.read(_WIDE_SAMPLE)
    if b"\0" not in sample:
        return "utf-8"
    wide = wide_encoding(sample)
    if wide is None:
        raise ImportError_.of("import.nul_bytes", file=path.name)
    return wide


_WIDE_SAMPLE = 1 << 16
#: the share of code units that must be ASCII (NUL-padded) for a UTF-16/32 guess
_ASCII_SHARE = 0.3
#: (codec, code-unit width, byte of an ASCII character within the unit; the others are NUL)
_WIDE = (("utf-32-le", 4, 0), ("utf-32-be", 4, 3), ("utf-16-le", 2, 0), ("utf-16-be", 2, 1))


def wide_encoding(sample: bytes) -> str | None:
    """UTF-16/32 (LE or BE) without a BOM, from the NUL bytes of ``sample``; None if no pattern
    fits or the sample does not decode in the candidate."""
    for name, width, char_at in _WIDE:
        units = len(sample) // width
        if not units:
            continue
        data = sample[: units * width]
        grid = np.frombuffer(data, dtype=np.uint8).reshape(units, width)
        nul = np.delete(grid, char_at, axis=1) == 0
        ascii_units = np.count_nonzero(nul.all(axis=1) & (grid[:, char_at] != 0))
        if ascii_units < _ASCII_SHARE * units:
            continue
        try:
            codecs.getincrementaldecoder(name)(errors="strict").decode(data, final=False)
        except UnicodeDecodeError:
            continue
        return name
    return None


def locate_bad_bytes(path: Path, encoding: str) -> tuple[int | None, bytes]:
    """Line number of the first byte sequence that does not decode, and the bytes around it."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    lines = 1
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            try:
                decoder.decode(block, final=False)
            except UnicodeDecodeError as exc:
                start = max(0, exc.start)
                around = block[max(0, start - 2000) : start + 2000]
                return lines + block.count(b"\n", 0, start), around
            lines += block.count(b"\n")
    return None, b""


def not_utf8_error(path: Path, encoding: str = "utf-8") -> ImportError_:
    """The one-line message for a file that does not decode, with a code-page hint."""
    line, raw = locate_bad_bytes(path, encoding)
    where = f" (line {line})" if line else ""
    hint = legacy_hint(raw)
    name = "UTF-8" if encoding.replace("_", "-").lower().startswith("utf-8") else encoding
    return ImportError_.of(
        "import.encoding", name=path.name, encoding=name, where=where, looks_like=hint
    )
