"""Which reader a file needs: by the user's choice, the extension, then the first bytes."""

from __future__ import annotations

from pathlib import Path

from workbench.errors import ImportError_

FORMATS = ("csv", "tsv", "xlsx", "kobo", "xlsform-labelled", "sav", "dta", "dart")
_BY_EXT = {
    ".csv": "csv", ".txt": "csv", ".tsv": "tsv", ".tab": "tsv",
    ".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xlsx", ".ods": "xlsx",
    ".sav": "sav", ".zsav": "sav", ".dta": "dta",
}  # fmt: skip


def sniff_bytes(head: bytes) -> str | None:
    if head.startswith(b"PK\x03\x04") or head.startswith(b"\xd0\xcf\x11\xe0"):
        return "xlsx"
    if head.startswith((b"$FL2", b"$FL3")):
        return "sav"
    if head.startswith(b"<stata_dta>"):
        return "dta"
    return None


def base_format(path: Path, requested: str | None) -> str:
    """csv, tsv, xlsx, sav or dta: the container; Kobo / DART are refined from the sheets."""
    if not path.exists():
        raise ImportError_(f"{path.name}: no such file ({path}).", code="import.not_found")
    if path.is_dir():
        raise ImportError_(f"{path.name}: is a folder, not a data file.")
    if requested:
        if requested not in FORMATS:
            raise ImportError_(
                f"{path.name}: unknown format {requested!r}; use one of {', '.join(FORMATS)}."
            )
        if requested in ("kobo", "dart"):
            return "xlsx"
        if requested == "xlsform-labelled":
            return _BY_EXT.get(path.suffix.lower()) or "xlsx"
        return requested
    by_ext = _BY_EXT.get(path.suffix.lower())
    if by_ext:
        return by_ext
    with path.open("rb") as f:
        sniffed = sniff_bytes(f.read(16))
    if sniffed:
        return sniffed
    raise ImportError_(
        f"{path.name}: unknown file type {path.suffix or '(no extension)'}; the workbench reads "
        "CSV, TSV, XLSX (incl. Kobo and DART), SPSS .sav and Stata .dta.",
        code="import.unknown_format",
    )
