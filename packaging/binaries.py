"""Strip symbol tables from the bundle's ELF files (Linux), only where that is provably harmless.

``strip --strip-unneeded`` drops ``.symtab``/``.strtab`` and debug sections, which the dynamic
loader never reads. But on a library edited by ``patchelf`` (auditwheel does this to every
library it vendors into ``<package>.libs/``, and to extension modules whose RPATH it rewrites),
``strip`` re-lays out the file: here it emptied three segments of numpy's libgfortran and moved
OpenBLAS's so ``dlopen`` failed ("ELF load command address/offset not page-aligned"). So each
stripped copy is kept only if what the loader maps is byte-for-byte the original's: the ELF header
(except the section-header fields), the program headers and the file contents of every
``PT_LOAD`` segment. Otherwise the original file is bundled as it is.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

PT_LOAD = 1


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(4) == b"\x7fELF"
    except OSError:
        return False


def load_image(path: Path) -> list[bytes] | None:
    """What the dynamic loader reads of a 64-bit little-endian ELF file, or None for others."""
    b = bytearray(path.read_bytes())
    if b[:4] != b"\x7fELF" or b[4] != 2 or b[5] != 1:
        return None
    b[40:48] = bytes(8)  # e_shoff
    b[58:64] = bytes(6)  # e_shentsize, e_shnum, e_shstrndx
    (phoff,) = struct.unpack_from("<Q", b, 32)
    phentsize, phnum = struct.unpack_from("<HH", b, 54)
    phdrs = bytes(b[phoff : phoff + phentsize * phnum])
    parts = [bytes(b[:64]), phdrs]
    for i in range(phnum):
        p_type, _fl, off, _va, _pa, filesz, _ms, _al = struct.unpack_from(
            "<IIQQQQQQ", phdrs, i * phentsize
        )
        if p_type == PT_LOAD:
            parts.append(bytes(b[off : off + filesz]))
    return parts


def section_names(path: Path) -> set[str]:
    b = path.read_bytes()
    if b[:4] != b"\x7fELF" or b[4] != 2 or b[5] != 1:
        return set()
    (shoff,) = struct.unpack_from("<Q", b, 40)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", b, 58)
    if not shoff or shstrndx >= shnum:
        return set()
    strtab_off = struct.unpack_from("<Q", b, shoff + shstrndx * shentsize + 24)[0]
    names = set()
    for i in range(shnum):
        (name,) = struct.unpack_from("<I", b, shoff + i * shentsize)
        end = b.index(b"\0", strtab_off + name)
        names.add(b[strtab_off + name : end].decode(errors="replace"))
    return names


def strip_copy(src: Path, target: Path, strip: str = "strip") -> tuple[Path, str]:
    """A stripped copy of ``src`` at ``target`` if that is safe, else ``src``; with what happened:
    ``"stripped"``, ``"nothing to strip"`` or ``"kept: …"``."""
    if not is_elf(src):
        return src, "nothing to strip"
    sections = section_names(src)
    if not sections & {".symtab", ".debug_info"}:
        return src, "nothing to strip"
    original = load_image(src)
    if original is None:
        return src, "kept: not a 64-bit little-endian ELF file"
    target.parent.mkdir(parents=True, exist_ok=True)
    modes = ["--strip-unneeded"] + (["--strip-debug"] if ".debug_info" in sections else [])
    for mode in modes:  # --strip-debug alone may leave a patchelf-edited layout intact
        shutil.copyfile(src, target)
        target.chmod(0o755)
        res = subprocess.run([strip, mode, str(target)], capture_output=True, text=True)
        if res.returncode == 0 and load_image(target) == original:
            if target.stat().st_size < src.stat().st_size:
                return target, f"stripped ({mode})"
            target.unlink()
            return src, "nothing to strip"
    target.unlink(missing_ok=True)
    return src, "kept: stripping would change what the loader maps (patchelf-edited file)"
