"""Key combinations of quasi-identifiers and their frequencies, as sdcMicro counts them.

A record's *key* is its combination of quasi-identifier values. ``fk`` is the number of records
of the sample that share it and ``Fk`` the sum of their sampling weights (an estimate of how many
people of the population share it). A missing value — system-missing, or suppressed by local
suppression — matches every value of its variable, as in sdcMicro's ``freqCalc``: a record with
``sex`` suppressed is counted with every record whose other keys agree, whatever its sex. So
suppressing a value can only raise frequencies, which is what makes local suppression work.

Everything is vectorised over integer codes (``-1`` = missing) and done on distinct rows (each
with its count and summed weight), so the work grows with the number of distinct key
combinations, not of records. Rows are grouped by their missingness pattern; two patterns are
compared on the variables both observe, with one sorted look-up (:class:`KeyCounts`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

MISSING = -1
_RADIX_LIMIT = 1 << 62


def encode(frame: pd.DataFrame, keys: list[str]) -> np.ndarray:
    """The ``(n, m)`` int32 code matrix of ``keys`` (``-1`` for a missing value)."""
    n = len(frame)
    out = np.empty((n, len(keys)), dtype=np.int32)
    for j, name in enumerate(keys):
        codes, _uniques = pd.factorize(frame[name], use_na_sentinel=True)
        out[:, j] = codes
    return out


def combine(codes: np.ndarray, offset: int = 0) -> np.ndarray:
    """One int64 per row that is equal for two rows exactly when all their codes are equal
    (codes + ``offset`` must be ≥ 0). Mixed radix, re-densified whenever the product would
    overflow."""
    n, m = codes.shape
    if m == 0:
        return np.zeros(n, dtype=np.int64)
    key = codes[:, 0].astype(np.int64)
    key += offset
    span = int(key.max(initial=0)) + 1
    for j in range(1, m):
        col = codes[:, j].astype(np.int64)
        col += offset
        card = int(col.max(initial=0)) + 1
        if span * card >= _RADIX_LIMIT:
            _u, key = np.unique(key, return_inverse=True)
            key = key.astype(np.int64, copy=False)
            span = int(key.max(initial=0)) + 1
        key *= card
        key += col
        span *= card
    return key


@dataclass(frozen=True)
class Frequencies:
    """``fk`` (records sharing the key, wildcards included) and ``Fk`` (their summed weights),
    one value per record."""

    fk: np.ndarray
    Fk: np.ndarray


def _patterns(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each row's missingness pattern (bit j set = variable j observed) and the distinct ones."""
    observed = codes >= 0
    bits = (observed.astype(np.int64) << np.arange(codes.shape[1], dtype=np.int64)).sum(axis=1)
    return bits, np.unique(bits)


def _columns(pattern: int, m: int) -> np.ndarray:
    return np.array([j for j in range(m) if pattern >> j & 1], dtype=np.int64)


def _distinct(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct rows of ``codes`` and each row's index among them."""
    _u, first, inv = np.unique(combine(codes, 1), return_index=True, return_inverse=True)
    return codes[first], np.asarray(inv, dtype=np.int64).reshape(-1)


class KeyCounts:
    """Frequencies counted against one set of records (``codes``, ``weights``): of those records
    themselves (:meth:`own`) or of other rows (:meth:`of`, e.g. copies with a value suppressed).
    The per-pattern tables of the records are built once and reused by every call."""

    def __init__(self, codes: np.ndarray, weights: np.ndarray | None = None) -> None:
        n, self.m = codes.shape
        w = np.ones(n) if weights is None else np.asarray(weights, dtype=float)
        self.src, self.inv = _distinct(codes)
        self.src_n = np.bincount(self.inv, minlength=len(self.src)).astype(float)
        self.src_w = np.bincount(self.inv, weights=w, minlength=len(self.src))
        bits, pats = _patterns(self.src)
        self.rows = {int(p): np.flatnonzero(bits == p) for p in pats}
        self.cards = np.maximum(self.src.max(axis=0, initial=0), 0).astype(np.int64) + 1
        self._tables: dict[tuple[int, tuple[int, ...]], tuple[np.ndarray, ...]] = {}

    def _radix(self, cols: np.ndarray) -> np.ndarray | None:
        """Multipliers making one exact int64 of the codes on ``cols`` (None on overflow)."""
        mult, span = np.ones(len(cols), dtype=np.int64), 1
        for i in range(len(cols) - 1, -1, -1):
            mult[i] = span
            span *= int(self.cards[cols[i]])
            if span >= _RADIX_LIMIT:
                return None
        return mult

    def _table(self, common: int, qs: tuple[int, ...]) -> tuple[np.ndarray, ...]:
        """Sorted distinct keys on ``common`` of the records of patterns ``qs``, with their
        counts and weights."""
        found = self._tables.get((common, qs))
        if found is None:
            rows = np.concatenate([self.rows[q] for q in qs])
            cols = _columns(common, self.m)
            mult = self._radix(cols)
            assert mult is not None
            key = self.src[np.ix_(rows, cols)].astype(np.int64) @ mult
            u, inv = np.unique(key, return_inverse=True)
            found = (u, np.bincount(inv, weights=self.src_n[rows], minlength=len(u)),
                     np.bincount(inv, weights=self.src_w[rows], minlength=len(u)))  # fmt: skip
            self._tables[(common, qs)] = found
        return found

    def own(self) -> Frequencies:
        """``fk`` and ``Fk`` of every record counted against."""
        fk, Fk = self.own_distinct()
        return Frequencies(fk[self.inv], Fk[self.inv])

    def own_distinct(self) -> tuple[np.ndarray, np.ndarray]:
        """``fk`` and ``Fk`` of each distinct row (``self.inv`` maps records to them): what
        depends only on the key is computed once per key, then spread to the records."""
        fk, Fk = self._count(self.src)
        return np.rint(fk).astype(np.int64), Fk

    def of(self, targets: np.ndarray) -> Frequencies:
        """``fk`` and ``Fk`` of the rows ``targets`` (a code matrix with the same columns)."""
        if len(targets) == 0:
            return Frequencies(np.zeros(0, dtype=np.int64), np.zeros(0))
        dst, inv = _distinct(targets)
        fk, Fk = self._count(dst)
        return Frequencies(np.rint(fk[inv]).astype(np.int64), Fk[inv])

    def _count(self, dst: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        fk, Fk = np.zeros(len(dst)), np.zeros(len(dst))
        dst_bits, dst_pats = _patterns(dst)
        for p in map(int, dst_pats):
            rows_p = np.flatnonzero(dst_bits == p)
            by_common: dict[int, list[int]] = {}
            for q in self.rows:
                by_common.setdefault(p & q, []).append(q)
            for common, qs in by_common.items():
                cols = _columns(common, self.m)
                if len(cols) == 0:
                    rows_q = np.concatenate([self.rows[q] for q in qs])
                    fk[rows_p] += self.src_n[rows_q].sum()
                    Fk[rows_p] += self.src_w[rows_q].sum()
                    continue
                mult = self._radix(cols)
                if mult is None:  # too many combinations for one int64: compare in one pass
                    c, s = self._slow(dst[rows_p], qs, cols)
                else:
                    u, counts, sums = self._table(common, tuple(qs))
                    sub = dst[np.ix_(rows_p, cols)].astype(np.int64)
                    key = sub @ mult
                    key[(sub >= self.cards[cols]).any(axis=1)] = -1  # a value no record has
                    pos = np.minimum(np.searchsorted(u, key), len(u) - 1)
                    hit = u[pos] == key
                    c, s = np.where(hit, counts[pos], 0.0), np.where(hit, sums[pos], 0.0)
                fk[rows_p] += c
                Fk[rows_p] += s
        return fk, Fk

    def _slow(self, dst: np.ndarray, qs: list[int], cols: np.ndarray) -> tuple[np.ndarray, ...]:
        rows = np.concatenate([self.rows[q] for q in qs])
        both = combine(np.concatenate([self.src[np.ix_(rows, cols)], dst[:, cols]]))
        u, inv = np.unique(both[: len(rows)], return_inverse=True)
        counts = np.bincount(inv, weights=self.src_n[rows], minlength=len(u))
        sums = np.bincount(inv, weights=self.src_w[rows], minlength=len(u))
        key = both[len(rows) :]
        pos = np.minimum(np.searchsorted(u, key), len(u) - 1)
        hit = u[pos] == key
        return np.where(hit, counts[pos], 0.0), np.where(hit, sums[pos], 0.0)


def frequencies(
    codes: np.ndarray,
    weights: np.ndarray | None = None,
    targets: np.ndarray | None = None,
) -> Frequencies:
    """``fk`` and ``Fk`` of every record (or of the rows ``targets`` — a code matrix of other
    rows, e.g. tentatively suppressed copies — counted against ``codes``)."""
    n_dst = len(codes) if targets is None else len(targets)
    if n_dst == 0 or len(codes) == 0:
        return Frequencies(np.zeros(n_dst, dtype=np.int64), np.zeros(n_dst))
    counts = KeyCounts(codes, weights)
    return counts.own() if targets is None else counts.of(targets)


def key_groups(codes: np.ndarray) -> np.ndarray:
    """Each record's exact key combination as a dense group number (a missing value is a value
    of its own here): the groups in which l-diversity is counted."""
    # -1 (missing) becomes 0, a code like the others
    _u, inv = np.unique(combine(codes, 1), return_inverse=True)
    return inv.astype(np.int64)
