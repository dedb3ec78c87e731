"""The extract as file bytes (SAV, DTA with labels through pyreadstat; CSV with a codebook
beside it; XLSX with its dictionary sheets) and the same bytes read back.

pyreadstat reads and writes only through a path, so SAV and DTA pass through an anonymous
in-memory file (``memfd``, Linux) or, elsewhere, an owner-only temporary folder that is removed
at once. The bytes then leave through the export writer like every other file, and the risk
report measures what :func:`read_back` finds in exactly those bytes."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from workbench.dataset_model import Variable
from workbench.errors import ExportError
from workbench.export_writer import Sheet, csv_bytes, frame_rows, plain_value, xlsx_bytes

T = TypeVar("T")


@contextlib.contextmanager
def _scratch(suffix: str) -> Iterator[tuple[str, Callable[[], bytes], Callable[[bytes], None]]]:
    """A path pyreadstat can open, with functions to read and replace its bytes."""
    if hasattr(os, "memfd_create"):
        fd = os.memfd_create("extract", 0)
        try:

            def read() -> bytes:
                size = os.fstat(fd).st_size
                return os.pread(fd, size, 0)

            def write(data: bytes) -> None:
                os.ftruncate(fd, 0)
                os.pwrite(fd, data, 0)

            yield f"/proc/self/fd/{fd}", read, write
        finally:
            os.close(fd)
        return
    with tempfile.TemporaryDirectory(prefix="wb-share-") as folder:  # owner-only (0700)
        path = Path(folder) / f"extract{suffix}"

        def read_file() -> bytes:
            return path.read_bytes()

        def write_file(data: bytes) -> None:
            fd2 = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd2, "wb") as fh:
                fh.write(data)

        yield str(path), read_file, write_file


def _labels(variables: dict[str, Variable], frame: pd.DataFrame, stata: bool) -> dict[str, Any]:
    out: dict[str, dict[Any, str]] = {}
    for name in frame.columns:
        labels = variables[name].value_labels if name in variables else {}
        numeric = pd.api.types.is_numeric_dtype(frame[name])
        good: dict[Any, str] = {}
        for code, text in labels.items():
            if numeric and isinstance(code, int | float) and not isinstance(code, bool):
                if not stata or float(code).is_integer():
                    good[int(code) if stata else float(code)] = str(text)
            elif not numeric and not stata and isinstance(code, str):
                good[code] = str(text)
        if good:
            out[name] = good
    return out


def _plain_frame(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for name in out.columns:
        col = out[name]
        if pd.api.types.is_bool_dtype(col):
            out[name] = col.astype(float)
        elif not pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_datetime64_any_dtype(
            col
        ):
            out[name] = col.astype(object).where(col.notna(), None)
    return out


def labelled_codes(
    frame: pd.DataFrame, variables: dict[str, Variable], columns: list[str]
) -> tuple[pd.DataFrame, dict[str, Variable]]:
    """Text ``columns`` as numeric codes 1…n with the texts as value labels: SPSS and Stata
    have no missing value for text (a suppressed text would be written as an empty string that
    a reader may take for a category), but a numeric code can be system-missing."""
    out, variables = frame.copy(), dict(variables)
    for name in columns:
        col = frame[name]
        if pd.api.types.is_numeric_dtype(col):
            continue
        codes, uniques = pd.factorize(col, sort=True, use_na_sentinel=True)
        out[name] = np.where(codes >= 0, codes + 1, np.nan)
        var = variables.get(name) or Variable(name)
        variables[name] = Variable(name, kind="numeric", label=var.label, measure="nominal",
                                   value_labels={float(i + 1): str(u)
                                                 for i, u in enumerate(uniques)})  # fmt: skip
    return out, variables


def _readstat_bytes(frame: pd.DataFrame, variables: dict[str, Variable], fmt: str) -> bytes:
    import pyreadstat

    labels: list[str | None] = [variables[n].label if n in variables else "" for n in frame.columns]
    data = _plain_frame(frame)
    try:
        with _scratch(f".{fmt}") as (path, read, _write):
            if fmt == "sav":
                pyreadstat.write_sav(
                    data, path, column_labels=labels,
                    variable_value_labels=_labels(variables, frame, stata=False),
                )  # fmt: skip
            else:
                pyreadstat.write_dta(
                    data, path, column_labels=[(x or "")[:80] for x in labels], version=15,
                    variable_value_labels=_labels(variables, frame, stata=True),
                )  # fmt: skip
            return read()
    except (pyreadstat.ReadstatError, ValueError, TypeError, OSError) as exc:
        raise ExportError.of("share.write_format", format=fmt.upper(), reason=str(exc)) from exc


def _codebook_rows(frame: pd.DataFrame, variables: dict[str, Variable]) -> list[list[Any]]:
    rows: list[list[Any]] = [["variable", "label", "value", "value_label"]]
    for name in frame.columns:
        var = variables.get(name)
        rows.append([name, var.label if var else "", "", ""])
        for code, text in (var.value_labels if var else {}).items():
            rows.append([name, "", plain_value(code), text])
    return rows


def extract_files(
    frame: pd.DataFrame,
    variables: dict[str, Variable],
    fmt: str,
    path: Path,
    keys: tuple[str, ...] = (),
) -> dict[Path, bytes]:
    """The files of the extract: the data file, and for CSV its codebook beside it. In SAV and
    DTA the text quasi-identifiers ``keys`` become labelled numeric codes."""
    path = Path(path)
    if fmt in ("sav", "dta"):
        coded, labelled = labelled_codes(frame, variables, list(keys))
        return {path: _readstat_bytes(coded, labelled, fmt)}
    if fmt == "csv":
        book = path.with_name(path.stem + "_codebook.csv")
        return {path: csv_bytes(frame_rows(frame), bom=True),
                book: csv_bytes(_codebook_rows(frame, variables), bom=True)}  # fmt: skip
    sheets = [
        Sheet("data", frame_rows(frame), freeze="A2"),
        Sheet("codebook", _codebook_rows(frame, variables), freeze="A2"),
    ]
    return {path: xlsx_bytes(sheets)}


def read_back(data: bytes, fmt: str) -> pd.DataFrame:
    """The records of an extract file's bytes, as a reader of the file will see them. An empty
    text value is missing (SPSS and Stata write a missing string as empty text)."""
    frame = _read(data, fmt)
    for name in frame.columns:
        col = frame[name]
        if not pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_datetime64_any_dtype(col):
            frame[name] = col.where(col.astype(object).map(lambda v: v != ""), None)
    return frame


def _read(data: bytes, fmt: str) -> pd.DataFrame:
    if fmt in ("sav", "dta"):
        import pyreadstat

        with _scratch(f".{fmt}") as (path, _read, write):
            write(data)
            reader = pyreadstat.read_sav if fmt == "sav" else pyreadstat.read_dta
            frame, _meta = reader(path)
        return frame
    if fmt == "csv":
        return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=True)
    return pd.read_excel(io.BytesIO(data), sheet_name="data", engine="openpyxl")


def same_keys(written: pd.DataFrame, frame: pd.DataFrame, keys: list[str]) -> bool:
    """Whether the file holds the keys as they were computed (same records, same grouping)."""
    if len(written) != len(frame) or any(k not in written.columns for k in keys):
        return False
    for k in keys:
        a = pd.isna(written[k]).to_numpy()
        b = pd.isna(frame[k]).to_numpy()
        if not np.array_equal(a, b):
            return False
    return True
