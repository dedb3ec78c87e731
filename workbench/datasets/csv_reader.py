"""CSV / TSV import: encoding chain, delimiter sniffing, chunked parsing with bounded memory.

Column types are decided on the first 20,000 rows (numbers without leading zeros → float64,
anything else → text). The parse (:mod:`csv_parse`: pandas' C parser, ``chunk_rows`` rows at a
time, a large file on two threads) runs beside the byte scan (:mod:`scan`), which proves the
encoding and every record's field count, hashes the file, and notes the fields where a value
is written with a leading zero or a plus sign; when the scan cannot prove the file, the exact
csv-module pass (:func:`textfile.check_pass`) decides and names the damaged line. A column that
turns out to hold text further down is read again as text on its own, and so is a numeric column
with a leading-zero or plus-signed value past the sample (``007`` stays ``007`` wherever it is).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from workbench.datasets.columns import (
    blank_to_none,
    looks_decimal_comma,
    numbers_of,
    numbers_stay_text,
    typed_with_markers,
)
from workbench.datasets.csv_parse import parse, ranges, reread_texts
from workbench.datasets.encoding import not_utf8_error, resolve_encoding
from workbench.datasets.markers import Counts, add_counts
from workbench.datasets.scan import ByteScan
from workbench.datasets.textfile import (
    CheckedText,
    _check_header,
    check_pass,
    file_sha256,
    read_sample,
    sniff_delimiter,
)
from workbench.errors import Cancelled, ImportError_
from workbench.progress import NULL_PROGRESS, CancelToken, Progress

_TYPE_SAMPLE_ROWS = 20_000


@dataclass
class CsvResult:
    frame: pd.DataFrame
    encoding: str
    delimiter: str
    decimal: str
    info: dict[str, Any] = field(default_factory=dict)


def _settings(
    path: Path, encoding: str | None, delimiter: str | None, header_row: int, fmt: str
) -> tuple[str, str]:
    size = path.stat().st_size
    if size == 0:
        raise ImportError_.of("import.empty", name=path.name)
    with path.open("rb") as f:
        head = f.read(4)
    enc = resolve_encoding(path, encoding, head)
    if delimiter:
        delim = "\t" if delimiter in ("\\t", "tab", "TAB") else delimiter
        if len(delim) != 1:
            raise ImportError_.of("import.delimiter_length", name=path.name, delimiter=delimiter)
        return enc, delim
    try:
        sample = read_sample(path, enc)
    except UnicodeDecodeError:
        sample = ""  # the checking pass reports it with a line number
    default = "\t" if fmt == "tsv" else ","
    return enc, sniff_delimiter(sample, default, header_row) if sample else default


def _read_kwargs(enc: str, delim: str, header_row: int, decimal: str) -> dict[str, Any]:
    return dict(
        sep=delim,
        encoding=enc,
        skiprows=header_row,
        header=0,
        keep_default_na=False,
        na_values=[""],
        decimal=decimal,
        skip_blank_lines=True,
        engine="c",
    )


def _sample_types(
    path: Path,
    kw: dict[str, Any],
    header: list[str],
    decimal_opt: str | None,
    markers: frozenset[str] = frozenset(),
) -> tuple[set[str], str]:
    """Text columns and the decimal mark, decided on the first rows: a column is numeric when its
    distinct values there are numbers (or missing-value ``markers``) by the rules of
    :func:`~workbench.datasets.columns.typed_with_markers`, judged once per distinct value (a
    0/1 column has two)."""
    sample = pd.read_csv(path, dtype=str, nrows=_TYPE_SAMPLE_ROWS, **{**kw, "decimal": "."})
    sample.columns = header
    decimal = decimal_opt or ("," if kw["sep"] != "," and looks_decimal_comma(sample) else ".")
    text_cols = set()
    for col in header:
        values = pd.unique(sample[col].to_numpy(dtype=object))
        present = [v for v in values if isinstance(v, str) and v.strip()]
        if present and numbers_of(present, decimal, markers) is None:
            text_cols.add(col)
    return text_cols, decimal


def read_csv(
    path: Path,
    *,
    fmt: str = "csv",
    encoding: str | None = None,
    delimiter: str | None = None,
    decimal: str | None = None,
    header_row: int = 0,
    chunk_rows: int = 200_000,
    n_rows: int | None = None,
    progress: Progress = NULL_PROGRESS,
    cancel: CancelToken | None = None,
    markers: frozenset[str] = frozenset(),
) -> CsvResult:
    """The typed frame; ``info`` holds the file's ``sha256`` (a whole read) and
    ``missing_markers`` (column → marker → count of the markers made NaN, see
    :mod:`workbench.datasets.markers`)."""
    enc, delim = _settings(path, encoding, delimiter, header_row, fmt)
    size = path.stat().st_size
    progress = _Forward(progress)
    exact = _ExactCheck(path, enc, delim, header_row, NULL_PROGRESS, cancel, size)
    scan: ByteScan | None = None
    starts = [0]
    try:
        header = _read_header(path, enc, delim, header_row)
        kw = _read_kwargs(enc, delim, header_row, ".")
        if n_rows is None:  # the scan starts now: it uses the second core while the sample is typed
            starts = ranges(path, kw, size)
            scan = ByteScan(
                path, enc, delim, header_row, len(header), _TYPE_SAMPLE_ROWS, cuts=starts
            )
            scan.start()
        text_cols, dec = _sample_types(path, kw, header, decimal, markers)
    except BaseException as exc:
        if scan is not None:
            scan.stop()
            scan.join()
        if n_rows is None and not isinstance(exc, ImportError_ | Cancelled):
            exact.run()  # the precise message (file + line) when the file is damaged
        raise
    kw["decimal"] = dec
    if n_rows is not None:
        frame = pd.read_csv(path, dtype=str, nrows=n_rows, **{**kw, "decimal": "."})
        frame.columns = header
        counts: Counts = {}
        typed: dict[str, pd.Series] = {}
        for c in header:
            if c in text_cols:
                typed[c] = blank_to_none(frame[c])
            else:
                typed[c], found = typed_with_markers(frame[c], dec, markers)
                add_counts(counts, c, found)
        return CsvResult(pd.DataFrame(typed), enc, delim, dec, {"missing_markers": counts})
    counts = {}
    assert scan is not None
    frame, digest, signed = _parse_checked(
        path, kw, header, text_cols, chunk_rows, progress, cancel, size, exact, markers, counts,
        scan, starts,
    )  # fmt: skip
    signed_cols = {header[i] for i in signed if i < len(header)} - text_cols
    frame = _keep_signed_as_text(path, kw, header, frame, signed_cols)
    counts = {c: found for c, found in counts.items() if frame[c].dtype.kind == "f"}
    return CsvResult(frame, enc, delim, dec, {"sha256": digest, "missing_markers": counts})


def _keep_signed_as_text(
    path: Path, kw: dict[str, Any], header: list[str], frame: pd.DataFrame, cols: set[str]
) -> pd.DataFrame:
    """Numeric columns (by the sample) in which the byte scan saw a value written with a leading
    zero or a plus sign further down (``007``, ``+252…``): read as text again (all in one pass)
    and kept as text when the rule of :func:`numbers_stay_text` holds for the whole column, as it
    would have had the value been in the sample. An identifier is never turned into a number past
    row 20,000."""
    for col, text in reread_texts(path, kw, header, cols).items():
        if numbers_stay_text([u for u in text.unique().tolist() if isinstance(u, str)]):
            frame[col] = text
    return frame


class _Forward:
    """Progress that never goes back (the exact pass may re-read a file the parse began)."""

    def __init__(self, sink: Progress) -> None:
        self._sink, self._done = sink, -1.0

    def update(self, done: float, total: float | None = None, message: str = "") -> None:
        frac = done / total if total else done
        if frac >= self._done:
            self._done = frac
            self._sink.update(done, total, message)


class _ExactCheck:
    """The csv-module checking pass, run only when the fast byte scan could not prove the file."""

    def __init__(
        self,
        path: Path,
        enc: str,
        delim: str,
        header_row: int,
        progress: Progress,
        cancel: CancelToken | None,
        size: int,
    ) -> None:
        self.args = (path, enc, delim, header_row, progress, cancel, size)

    def run(self) -> CheckedText:
        """Raises ImportError_ naming the line when the file is damaged; else its row count and
        the fields with a signed value past the type sample."""
        return check_pass(*self.args, signed_after=_TYPE_SAMPLE_ROWS)


def _read_header(path: Path, enc: str, delim: str, header_row: int) -> list[str]:
    try:
        head = pd.read_csv(
            path,
            sep=delim,
            encoding=enc,
            skiprows=header_row,
            header=None,
            nrows=1,
            dtype=str,
            keep_default_na=False,
            engine="c",
        )
    except UnicodeDecodeError:
        raise not_utf8_error(path, enc) from None
    except pd.errors.EmptyDataError:
        head = pd.DataFrame()
    if head.empty:
        raise ImportError_.of("import.no_header", name=path.name)
    return _check_header(path, [str(v) for v in head.iloc[0].tolist()], header_row + 1)


def _parse_checked(
    path: Path,
    kw: dict[str, Any],
    header: list[str],
    text_cols: set[str],
    chunk_rows: int,
    progress: Progress,
    cancel: CancelToken | None,
    size: int,
    exact: _ExactCheck,
    markers: frozenset[str],
    counts: Counts,
    scan: ByteScan,
    starts: list[int],
) -> tuple[pd.DataFrame, str, set[int]]:
    """Parse with pandas while the byte scan (started by the caller) checks and hashes the file
    on a second thread; when the scan cannot prove the file well-formed, the exact csv-module
    pass decides. Also the fields in which the scan (or, when it decided, the exact pass) saw a
    value with a leading zero or a plus sign past the type sample. ``starts``: the byte ranges
    parsed side by side (:func:`~workbench.datasets.csv_parse.ranges`), whose cuts the scan
    checks."""
    frame: pd.DataFrame | None = None
    failure: Exception | None = None
    try:
        try:
            frame = parse(
                path, kw, header, text_cols, chunk_rows, progress, cancel, size,
                abort=lambda: not scan.ok, starts=starts, markers=markers, counts=counts,
            )  # fmt: skip
        except Cancelled:
            raise
        except Exception as exc:  # judged below, after the exact pass had its say
            failure = exc
    finally:
        if failure is not None or frame is None:
            scan.stop()
        scan.join()
    if failure is None and frame is not None and scan.ok and scan.records == len(frame):
        return frame, scan.sha256, scan.signed_fields
    checked = exact.run()
    total_rows = checked.n_rows
    split = len(starts) > 1
    if failure is not None and not split:
        raise failure
    if frame is None or (split and (failure is not None or not scan.ok)):
        # the parse stopped early for the exact pass, which found nothing wrong; or its ranges
        # rested on the scan's proof that the cuts lie between records, which the scan could not
        # give: parse again on one thread (a real error of the parser is raised again here)
        counts.clear()
        frame = parse(
            path, kw, header, text_cols, chunk_rows, progress, cancel, size,
            markers=markers, counts=counts,
        )  # fmt: skip
        assert frame is not None  # only an ``abort`` callback makes parse() stop early
    if len(frame) != total_rows:
        raise ImportError_.of(
            "import.rows_lost", name=path.name, count=len(frame), total_rows=total_rows
        )
    if not scan.ok or scan.records != len(frame):  # the exact pass looked at every value
        return frame, file_sha256(path, cancel), checked.signed_fields
    return frame, scan.sha256, scan.signed_fields
