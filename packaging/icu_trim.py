"""Trim Qt's ICU data library (Linux bundle): 32 MB → about 3.9 MB.

PySide6's Qt links its own ICU 73; ``libicudata.so.73`` is one exported symbol, ``icudt73_dat``,
holding ICU's common data package (format ``CmnD``: a table of contents and ~3,900 items). Only
``libQt6Core`` links ICU, and it calls 31 functions: collation (``ucol_*``: QCollator, the file
dialogs' sorting), case mapping (``u_strToUpper/Lower``: QLocale::toUpper/toLower), calendars and
time-zone names (``ucal_*``: QTimeZone display names) and charset converters (``ucnv_*``:
QStringDecoder/QStringEncoder for names Qt does not implement itself). Items no such call can
reach are removed with ICU's ``icupkg``; the rest is assembled, with the same symbol and SONAME,
into a new shared library (GNU ``as`` + ``ld``). Removed (see ``drop_reason``):

- locale data of languages other than the app's (en, fr, es, ar) in the main, ``coll/`` and
  ``zone/`` trees: a collator or time-zone name for another locale falls back to root (the
  Unicode collation order; English-like zone names or GMT offsets), never to an error;
- whole trees no imported function reads: ``brkitr/`` (break iterators and the CJK, Thai, Khmer,
  Lao and Burmese dictionaries; Qt segments text itself and calls no ``ubrk_`` function),
  ``translit/``, ``rbnf/``, ``unit/``, ``curr/``, ``lang/`` and ``region/`` (transliteration,
  spelled-out numbers, unit, currency, language and territory display names; Qt formats numbers,
  currencies and language names from its own CLDR tables);
- multi-byte legacy charset tables (``.cnv`` with more than one byte per character: Shift-JIS,
  GB 18030, Big5, EUC, EBCDIC DBCS …). The single-byte tables (Windows-125x incl. 1256 Arabic,
  ISO-8859-x incl. -6, DOS and Mac code pages) stay, as do ICU's algorithmic converters (UTF-*,
  US-ASCII, Latin-1, SCSU, BOCU-1 …). The app decodes files with Python's codecs, never by Qt.

Everything else stays: normalization, properties, case and bidi data, ``coll/ucadata.icu``, all
supplemental data (likely subtags, calendars, time-zone rules and metazones …) and the root,
pool and index bundles of each kept tree. ``smoke_test.py`` checks that Qt gives the same
results with the trimmed library as with the wheel's for the app's languages.

If anything is missing (``icupkg``, ``as``, ``ld``, the symbol) or unexpected, ``trim`` returns
None with the reason and the build keeps the wheel's library unchanged.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from dataclasses import dataclass
from pathlib import Path

from workbench.languages import CODES as APP_LANGUAGES

DROPPED_TREES = {
    "brkitr": "break iterators/dictionaries (Qt segments text itself; no ubrk_ call)",
    "translit": "transliterators (no utrans_ call)",
    "rbnf": "spelled-out number rules (no unum_ call)",
    "unit": "unit display names (no measure formatting)",
    "curr": "currency display names (Qt uses its own CLDR tables)",
    "lang": "language display names (Qt uses its own CLDR tables)",
    "region": "territory display names (Qt uses its own CLDR tables)",
}
# a locale ID as ICU names its bundles: language, optional script, region (or empty), variants
LOCALE_RE = re.compile(
    r"^(?P<lang>[a-z]{2,3})(_[A-Z][a-z]{3})?(_(?:[A-Z]{2}|\d{3})?)?(_[A-Z0-9]{2,})*$"
)
_SYMBOL_RE = re.compile(r"^icudt\d+_dat$")


class TrimError(Exception):
    pass


@dataclass(frozen=True)
class Item:
    name: str  # without the package prefix, e.g. "coll/fr.res"
    data: bytes


# ------------------------------------------------------------------------------- ELF (64-bit LE)
def _sections(b: bytes) -> list[tuple[int, int, int, int, int, int]]:
    """(type, addr, offset, size, link, entsize) of every section."""
    if b[:4] != b"\x7fELF" or b[4] != 2 or b[5] != 1:
        raise TrimError("not a 64-bit little-endian ELF file")
    (shoff,) = struct.unpack_from("<Q", b, 40)
    shentsize, shnum = struct.unpack_from("<HH", b, 58)
    out = []
    for i in range(shnum):
        _n, typ, _f, addr, off, size, link, _i, _a, ent = struct.unpack_from(
            "<IIQQQQIIQQ", b, shoff + i * shentsize
        )
        out.append((typ, addr, off, size, link, ent))
    return out


def _cstr(b: bytes, off: int) -> str:
    return b[off : b.index(b"\0", off)].decode()


def data_symbol(b: bytes) -> tuple[str, bytes]:
    """The exported ``icudtNN_dat`` symbol: its name and the bytes it covers."""
    secs = _sections(b)
    for typ, _addr, off, size, link, ent in secs:
        if typ != 11:  # SHT_DYNSYM
            continue
        strtab = secs[link][2]
        for i in range(size // ent):
            st_name, _info, _other, shndx, value, st_size = struct.unpack_from(
                "<IBBHQQ", b, off + i * ent
            )
            name = _cstr(b, strtab + st_name)
            if _SYMBOL_RE.match(name) and st_size and 0 < shndx < len(secs):
                s_addr, s_off = secs[shndx][1], secs[shndx][2]
                start = value - s_addr + s_off
                return name, b[start : start + st_size]
    raise TrimError("no exported icudtNN_dat symbol with a size")


def soname(b: bytes) -> str:
    secs = _sections(b)
    for typ, _addr, off, size, link, _ent in secs:
        if typ == 6:  # SHT_DYNAMIC
            strtab = secs[link][2]
            for i in range(size // 16):
                tag, val = struct.unpack_from("<qQ", b, off + i * 16)
                if tag == 14:  # DT_SONAME
                    return _cstr(b, strtab + val)
    raise TrimError("no SONAME")


# ------------------------------------------------------------------------- ICU common data (CmnD)
def package_items(blob: bytes) -> tuple[str, list[Item]]:
    """The package's item-name prefix (``icudt73l``) and its items."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != (0xDA, 0x27) or blob[12:16] != b"CmnD" or blob[8] != 0:
        raise TrimError("not a little-endian ICU common data package")
    (count,) = struct.unpack_from("<I", blob, header_size)
    toc = [struct.unpack_from("<II", blob, header_size + 4 + 8 * i) for i in range(count)]
    items, prefixes = [], set()
    for i, (name_off, data_off) in enumerate(toc):
        full = _cstr(blob, header_size + name_off)
        end = toc[i + 1][1] if i + 1 < count else len(blob) - header_size
        prefix, _, name = full.partition("/")
        prefixes.add(prefix)
        items.append(Item(name, blob[header_size + data_off : header_size + end]))
    if len(prefixes) != 1 or not items:
        raise TrimError(f"unexpected item prefixes {sorted(prefixes)[:3]}")
    return prefixes.pop(), items


def max_bytes_per_char(cnv: bytes) -> int:
    """``maxBytesPerChar`` of a converter table (UConverterStaticData after the data header)."""
    (header_size,) = struct.unpack_from("<H", cnv, 0)
    return cnv[header_size + 71]


def drop_reason(item: Item, languages: tuple[str, ...] = APP_LANGUAGES) -> str | None:
    """Why ``item`` can go, or None to keep it."""
    parts = item.name.split("/")
    tree = parts[0] if len(parts) > 1 else ""
    stem, _, ext = parts[-1].rpartition(".")
    if tree in DROPPED_TREES:
        return tree
    if ext == "cnv" and not tree:
        return "multi-byte charset" if max_bytes_per_char(item.data) > 1 else None
    if ext == "res" and tree in ("", "coll", "zone"):
        m = LOCALE_RE.match(stem)
        if m and m["lang"] not in languages:
            return f"locale ({tree or 'main'})"
    return None


# -------------------------------------------------------------------------------------- trimming
def trim(
    src: Path, workdir: Path, languages: tuple[str, ...] = APP_LANGUAGES
) -> tuple[Path | None, str]:
    """Write a trimmed copy of ``src`` (libicudataNN.so) into ``workdir``.

    Returns (path, summary) or (None, why the library is kept as it is)."""
    try:
        return _trim(src, workdir, languages)
    except (TrimError, OSError, subprocess.CalledProcessError, ValueError, IndexError) as exc:
        return None, f"{type(exc).__name__}: {exc}"


def _trim(src: Path, workdir: Path, languages: tuple[str, ...]) -> tuple[Path, str]:
    tools = {t: shutil.which(t) for t in ("icupkg", "as", "ld")}
    missing = [t for t, p in tools.items() if not p]
    if missing:
        raise TrimError(f"{', '.join(missing)} not found (Debian/Ubuntu: icu-devtools, binutils)")
    lib = src.read_bytes()
    symbol, blob = data_symbol(lib)
    name = soname(lib)
    prefix, items = package_items(blob)
    drop: dict[str, int] = {}
    removed = []
    for item in items:
        why = drop_reason(item, languages)
        if why:
            removed.append(item.name)
            drop[why] = drop.get(why, 0) + len(item.data)
    keep = {i.name for i in items} - set(removed)
    if not removed or not {"coll/ucadata.icu", "root.res", "coll/root.res"} <= keep:
        raise TrimError("unexpected package contents")
    if workdir.exists():
        shutil.rmtree(workdir)
    (workdir / "out").mkdir(parents=True)
    original = workdir / f"{prefix}.dat"
    original.write_bytes(blob)
    listing = workdir / "removed.txt"
    listing.write_text("".join(f"{n}\n" for n in removed), encoding="utf-8")
    trimmed = workdir / "out" / f"{prefix}.dat"  # same base name: icupkg names items after it
    subprocess.run([tools["icupkg"], "-r", str(listing), str(original), str(trimmed)],
                   check=True, capture_output=True)  # fmt: skip
    new_prefix, new_items = package_items(trimmed.read_bytes())
    if new_prefix != prefix or {i.name for i in new_items} != keep:
        raise TrimError("icupkg wrote an unexpected package")
    asm = workdir / "icudata.S"
    asm.write_text(
        '\t.section .note.GNU-stack,"",%progbits\n'
        "\t.section .rodata\n\t.balign 16\n"
        f"\t.globl {symbol}\n\t.type {symbol},%object\n{symbol}:\n"
        f'\t.incbin "{trimmed}"\n\t.size {symbol}, .-{symbol}\n',
        encoding="utf-8",
    )
    obj = workdir / "icudata.o"
    out = workdir / name
    subprocess.run([tools["as"], "-o", str(obj), str(asm)], check=True, capture_output=True)
    subprocess.run([tools["ld"], "-shared", "-soname", name, "--build-id", "-z", "noexecstack",
                    "-o", str(out), str(obj)], check=True, capture_output=True)  # fmt: skip
    built = out.read_bytes()
    if data_symbol(built) != (symbol, trimmed.read_bytes()) or soname(built) != name:
        raise TrimError("the assembled library does not hold the trimmed package")
    parts = ", ".join(f"{why} {size / 1e6:.1f} MB" for why, size in sorted(drop.items()))
    summary = (
        f"{len(blob) / 1e6:.1f} → {len(built) / 1e6:.1f} MB: removed {len(removed)} of "
        f"{len(items)} items ({parts}); kept languages {', '.join(languages)} + root"
    )
    return out, summary
