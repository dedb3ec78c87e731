"""Dataset checks users care about, returned as findings (never raised)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.dataset_model import Dataset
from workbench.datasets import distinct
from workbench.datasets.columns import few_distinct
from workbench.datasets.markers import count_values
from workbench.findings import Finding, Severity


def _f(ds: Dataset, code: str, severity: Severity, col: str, **params: object) -> Finding:
    return Finding.of(
        code, severity, where={"dataset": ds.name, "column": col}, column=col, **params
    )


def check_dataset(ds: Dataset) -> list[Finding]:
    """All-empty columns, constant columns, text columns that are mostly numbers, codes without a
    value label, and key columns with duplicates or gaps."""
    out: list[Finding] = []
    if ds.n_rows == 0:
        return [Finding.of("dataset.no_rows", "warning", where={"dataset": ds.name})]
    for col in ds.frame.columns:
        s = ds.frame[col]
        var = ds.variables[col]
        stats = _ColumnStats(s)
        if stats.n_present == 0:
            out.append(_f(ds, "dataset.empty_column", "warning", col))
            continue
        if ds.n_rows > 1 and stats.n_present == ds.n_rows and stats.constant():
            out.append(
                _f(
                    ds,
                    "dataset.constant_column",
                    "info",
                    col,
                    value=_num(stats.first()),  # 1, not 1.0, for a code column
                )
            )
        mostly_numbers = var.kind == "string" and not var.identifier and stats.may_be_numbers()
        if mostly_numbers and 0.8 <= stats.numeric_share() < 1.0:
            counts = stats.counts()
            nums = _as_numbers(counts.index)
            bad = [str(v) for v in counts.index[nums.isna().to_numpy()][:3]]
            out.append(
                _f(
                    ds,
                    "dataset.mixed_types",
                    "warning",
                    col,
                    examples=bad,
                )
            )
        if var.value_labels and var.kind == "numeric":
            known = set(var.value_labels) | set(var.missing_codes)
            unlabelled = sorted(
                v
                for v in stats.present().unique()
                if v not in known and not _in_ranges(v, var.missing_ranges)
            )
            if unlabelled and len(unlabelled) <= 20:
                out.append(
                    _f(
                        ds,
                        "dataset.unlabelled_codes",
                        "info",
                        col,
                        codes=[_num(v) for v in unlabelled],
                    )
                )
    if ds.key and ds.key in ds.frame.columns:
        key = ds.frame[ds.key]
        dups = int(key.dropna().duplicated().sum())
        if dups:
            out.append(
                _f(
                    ds,
                    "dataset.duplicate_keys",
                    "error",
                    ds.key,
                    count=dups,
                )
            )
        if key.isna().any():
            out.append(
                _f(
                    ds,
                    "dataset.missing_keys",
                    "error",
                    ds.key,
                    count=int(key.isna().sum()),
                )
            )
    return out


#: a value pandas.to_numeric can read starts (after spaces) with one of these
_NUMBER_START = frozenset("0123456789.+-iI")


def _as_numbers(values: pd.Index) -> pd.Series:
    """``pd.to_numeric(values, errors="coerce")``, skipping values that cannot be numbers (their
    first character rules them out) so that a column of a million distinct codes stays cheap."""
    objs = values.to_numpy(dtype=object)
    maybe = np.fromiter(
        (_may_start(v) for v in objs),
        dtype=bool,
        count=len(objs),
    )
    out = pd.Series(np.full(len(objs), np.nan), dtype=object)
    if maybe.any():
        nums = pd.to_numeric(pd.Series(objs[maybe], dtype=object), errors="coerce")
        out[maybe] = nums.to_numpy(dtype=object)
    return pd.to_numeric(out, errors="coerce")


class _ColumnStats:
    """What the checks need of one column, computed once and vectorised: float columns with numpy
    (no copy of the values); text columns from their distinct values when a sample shows few of
    them, else from the first byte of each value, in blocks that stop once the answer is known."""

    def __init__(self, s: pd.Series) -> None:
        self.s = s
        self._counts: pd.Series | None = None
        self._float = s.dtype.kind == "f"
        self._text = _textual(s)
        self._uniques: np.ndarray | None = None  # distinct present text values, when few
        if self._float:
            self._arr = s.to_numpy()
            self._nan = np.isnan(self._arr)
        elif self._text:
            self._arr = s.to_numpy(dtype=object)
            if few_distinct(self._arr):  # one hashing of the column answers everything
                codes, self._uniques = distinct.factorize(self._arr)
                self._nan = codes < 0
            else:
                self._nan = s.isna().to_numpy()
        else:
            self._arr = s.to_numpy()
            self._nan = s.isna().to_numpy()
        self.n_present = len(s) - int(np.count_nonzero(self._nan))

    def counts(self) -> pd.Series:
        """Non-missing values by count, most frequent first (``present.value_counts()``)."""
        if self._counts is None:
            self._counts = self.s.value_counts(dropna=True)
        return self._counts

    def may_be_numbers(self) -> bool:
        """False when fewer than 80% of the present values could be numbers (judged by their first
        character), so the "mostly numbers" check has nothing to find."""
        if not self._text:
            return True
        if self._uniques is not None:
            may = np.array([_may_start(v) for v in self._uniques], dtype=bool)
            if may.all() or not may.any():
                return bool(may.all())
            counts = self.counts()
            flags = np.array([_may_start(v) for v in counts.index], dtype=bool)
            return int(counts.to_numpy()[flags].sum()) >= 0.8 * self.n_present
        present = self._arr[~self._nan]
        need, limit, may_n, ruled_out = 0.8 * self.n_present, 0.2 * self.n_present, 0, 0
        for i in range(0, len(present), _BLOCK):
            block = present[i : i + _BLOCK]
            firsts = _first_bytes(block)
            if firsts is None:  # a value that is not text or holds a line end: value by value
                n_may = sum(1 for v in block if _may_start(v))
            else:  # a superset of the values that may be numbers: still exact below
                n_may = int(_MAY_START[firsts].sum())
            may_n, ruled_out = may_n + n_may, ruled_out + len(block) - n_may
            if ruled_out > limit:
                return False
            if may_n >= need:
                return True
        return may_n >= need

    def present(self) -> pd.Series:
        return self.s.dropna()

    def numeric_share(self) -> float:
        """Share of the present values that pandas.to_numeric reads as numbers: from the counts of
        the distinct values when they are few, else value by value (no hashing of a million
        distinct IDs)."""
        if self._uniques is not None:
            counts = self.counts()
            numeric = counts.to_numpy()[_as_numbers(counts.index).notna().to_numpy()].sum()
        else:
            values = self._arr[~self._nan]
            numeric = pd.to_numeric(pd.Series(values, dtype=object), errors="coerce").notna().sum()
        return float(numeric / self.n_present)

    def constant(self) -> bool:
        """One distinct value among the present ones."""
        if self._uniques is not None:
            return len(self._uniques) == 1
        if self._text:
            return False  # the sample alone holds a thousand distinct values
        if self._float:
            first = self._arr[np.argmin(self._nan)]
            return bool(((self._arr == first) | self._nan).all())
        return self.present().nunique() == 1

    def first(self) -> object:
        """The first present value."""
        if self._float or self._text:
            return self._arr[np.argmin(self._nan)]
        return self.present().iloc[0]


_BLOCK = 100_000


def _may_start(v: object) -> bool:
    """Whether a value may be read as a number, judged by its first character."""
    return not isinstance(v, str) or v[:1] in _NUMBER_START or v[:1].isspace()


#: first UTF-8 bytes that may start a number: digits . + - i I, ASCII white space, any non-ASCII
_MAY_START = np.zeros(256, dtype=bool)
_MAY_START[[ord(c) for c in "0123456789.+-iI \t\x0b\x0c\x1c\x1d\x1e\x1f\r"]] = True
_MAY_START[0x80:] = True


def _first_bytes(values: np.ndarray) -> np.ndarray | None:
    """The first UTF-8 byte of every value (the line end for an empty one), read from the values
    joined by line ends; None when some value is not text or holds a line end itself."""
    try:
        joined = "\n".join(values).encode("utf-8", "surrogatepass") + b"\n"
    except TypeError:
        return None
    arr = np.frombuffer(joined, dtype=np.uint8)
    ends = np.flatnonzero(arr == 10)
    if len(ends) != len(values):
        return None
    return arr[np.concatenate(([0], ends[:-1] + 1))] if len(values) else arr[:0]


def _textual(s: pd.Series) -> bool:
    return s.dtype == "str" or s.dtype == object


def _in_ranges(v: object, ranges: list[tuple[object, object]]) -> bool:
    return any(lo <= v <= hi for lo, hi in ranges)  # type: ignore[operator]


def _num(v: object) -> str:
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)


def markers_kept_as_text(ds: Dataset, markers: frozenset[str]) -> list[Finding]:
    """One finding per text column holding missing-value markers (``NA``, ``-`` …): there they
    are values (a category ``NA`` is data when the column is text), so the import says so."""
    out: list[Finding] = []
    wanted = sorted(markers)
    for col in ds.frame.columns if wanted else ():
        s = ds.frame[col]
        if not _textual(s):
            continue
        values = s.to_numpy(dtype=object)
        if few_distinct(values):  # stripped values, tested on the distinct ones
            uniques = distinct.factorize(values)[1]
            found = [v for v in uniques if isinstance(v, str) and v.strip() in markers]
        else:  # exact values, vectorised
            found = [v for v in pd.unique(values[s.isin(wanted).to_numpy()]) if isinstance(v, str)]
        hits = count_values(s, found)
        if hits:
            shown = ", ".join(f"{m!r} ({n})" for m, n in sorted(hits.items()))
            out.append(
                _f(
                    ds,
                    "dataset.marker_kept_as_text",
                    "info",
                    col,
                    markers=shown,
                )
            )
    return out
