"""Warnings the reading libraries raise during an import become import findings, or are dropped
for a stated reason — never text on the user's terminal.

pandas, openpyxl, python-calamine and pyreadstat speak through :mod:`warnings`, which by default
prints a source line to stderr. :func:`captured` records every warning raised while a file is
read; :func:`to_findings` keeps the ones that tell the user something about the file as
``import.library_warning`` findings (shown in the import summary) and drops those the import
already handles, listed in :data:`DROPPED` with the reason.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from workbench.findings import Finding

#: warning class name → why it is not shown
DROPPED: dict[str, str] = {
    # pandas guesses a type per internal block of a column; the workbench types every column
    # itself after parsing (text stays text) and reports a mixed column as dataset.mixed_types
    "DtypeWarning": "column types are decided by the workbench after parsing, not by pandas",
    # the workbench's own temporary objects; nothing about the user's file
    "ResourceWarning": "an unclosed internal file handle, not a property of the data",
    "DeprecationWarning": "a library talking to developers about its future API",
    "PendingDeprecationWarning": "a library talking to developers about its future API",
    "FutureWarning": "a library talking to developers about its future API",
}
_MAX_FINDINGS = 5


@contextmanager
def captured() -> Iterator[list[warnings.WarningMessage]]:
    """Record (do not print) every warning raised in the block, from any thread."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield caught


def to_findings(caught: list[warnings.WarningMessage]) -> list[Finding]:
    """One ``import.library_warning`` finding per distinct warning that is not in DROPPED."""
    out: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    for w in caught:
        kind = w.category.__name__
        if kind in DROPPED:
            continue
        text = (str(w.message).splitlines() or [kind])[0][:200]
        library = _library(w.filename)
        if (library, text) in seen:
            continue
        seen.add((library, text))
        if len(out) < _MAX_FINDINGS:
            out.append(Finding.of("import.library_warning", "warning", library=library, text=text))
    return out


def _library(filename: str) -> str:
    """The package a warning came from (``pandas``, ``openpyxl`` …) from its source path."""
    parts = filename.replace("\\", "/").split("/")
    for marker in ("site-packages", "dist-packages"):
        if marker in parts:
            i = parts.index(marker)
            if i + 1 < len(parts):
                return parts[i + 1].removesuffix(".py")
    if "workbench" in parts:
        return "workbench"
    return "python"
