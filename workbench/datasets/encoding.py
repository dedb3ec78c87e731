"""Choosing a text file's encoding: BOM, then strict UTF-8, then ask the user.

The workbench never guesses silently: a file that is not UTF-8 and carries no byte-order mark
fails with a message asking for a legacy code page; the message includes a *hint* (Arabic text
decodes to many Arabic letters in cp1256, Western text looks right in cp1252).
"""

from __future__ import annotations

import codecs
from pathlib import Path

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
    """The encoding to use: the user's choice, a BOM's, or (provisionally) strict UTF-8."""
    if requested:
        name = check_codec(path, requested)
        if name == "utf-8" and head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        return name
    return from_bom(head) or "utf-8"


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
