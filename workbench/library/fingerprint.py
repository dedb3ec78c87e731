"""The library's fingerprint: SHA-256 over its files, recorded in every run snapshot.

The version number in criteria.toml says which release a library claims to be; the hash says
exactly which texts and rules a run used, so an edited copy cannot pass for the release.
"""

from __future__ import annotations

import hashlib

from workbench.library.model import Library


def library_hash(library: Library) -> str:
    """SHA-256 over each data file's path (relative, ``/``-separated) and bytes, in path order;
    for a library built in memory (no folder), over its canonical text form."""
    digest = hashlib.sha256()
    if library.path is None or not library.path.is_dir():
        digest.update(repr(library).encode("utf-8"))
        return digest.hexdigest()
    root = library.path
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".toml", ".json"))
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()
