"""Key combinations of quasi-identifiers and their frequencies, as sdcMicro counts them.

A record's *key* is its combination of quasi-identifier values. ``fk`` is the number of records
of the sample that share it and ``Fk`` the sum of their sampling weights (an estimate of how many
people of the population share it). A missing value — system-missing, or suppressed by local
suppression — matches every value of its variable, as in sdcMicro's ``freqCalc``: a record with
``sex`` suppressed is counted with every record whose other keys agree, whatever its sex. So
suppressing a value can only raise frequencies, which is what makes local suppression work.

Everything is vectorised over integer codes (``-1`` = missing). Records are grouped by their
missingness pattern; for two patterns the records are compared on the variables both observe, one
sorted look-up per pair of patterns. With no missing value this is one ``np.unique``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

MISSING = -1
_RADIX_LIMIT = 1 << 62


def encode(frame: pd.DataFrame, keys: list[str]) -> np.ndarray:
    """The ``(n, m)`` int64 code matrix of ``keys`` (``-1`` for a missing value)."""
    n = len(frame)
    out = np.empty((n, len(keys)), dtype=np.int64)
    for j, name in enumerate(keys):
        codes, _uniques = pd.factorize(frame[name], use_na_sentinel=True)
        out[:, j] = codes
    return out


def combine(codes: np.ndarray) -> np.ndarray:
    """One int64 per row that is equal for two rows exactly when all their codes are equal
    (codes must be ≥ 0). Mixed radix, re-densified whenever the product would overflow."""
    n, m = codes.shape
    if m == 0:
        return np.zeros(n, dtype=np.int64)
    key = codes[:, 0].astype(np.int64, copy=True)
    span = int(key.max(initial=0)) + 1
    for j in range(1, m):
        col = codes[:, j]
        card = int(col.max(initial=0)) + 1
        if span * card >= _RADIX_LIMIT:
            _u, key = np.unique(key, return_inverse=True)
            key = key.astype(np.int64, copy=False)
            span = int(key.max(initial=0)) + 1
        key = key * card + col
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


def _match_counts(
    src: np.ndarray, src_n: np.ndarray, src_w: np.ndarray, dst: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """For each value of ``dst``: the summed ``src_n`` and ``src_w`` of the equal ``src`` values."""
    if len(dst) == 0 or len(src) == 0:
        return np.zeros(len(dst)), np.zeros(len(dst))
    u, inv = np.unique(src, return_inverse=True)
    counts = np.bincount(inv, weights=src_n, minlength=len(u))
    sums = np.bincount(inv, weights=src_w, minlength=len(u))
    pos = np.minimum(np.searchsorted(u, dst), len(u) - 1)
    hit = u[pos] == dst
    return np.where(hit, counts[pos], 0.0), np.where(hit, sums[pos], 0.0)


def _distinct(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct rows of ``codes`` and each row's index among them."""
    _u, first, inv = np.unique(combine(codes + 1), return_index=True, return_inverse=True)
    return codes[first], inv.astype(np.int64)


def frequencies(
    codes: np.ndarray,
    weights: np.ndarray | None = None,
    targets: np.ndarray | None = None,
) -> Frequencies:
    """``fk`` and ``Fk`` of every record (or of the rows ``targets`` — a code matrix of other
    rows, e.g. tentatively suppressed copies — counted against ``codes``).

    The work is done on distinct rows (each with its count and summed weight), so it grows with
    the number of distinct key combinations, not of records."""
    n, m = codes.shape
    w = np.ones(n) if weights is None else np.asarray(weights, dtype=float)
    n_dst = n if targets is None else len(targets)
    if n_dst == 0 or n == 0:
        return Frequencies(np.zeros(n_dst, dtype=np.int64), np.zeros(n_dst))
    src, src_inv = _distinct(codes)
    src_n = np.bincount(src_inv, minlength=len(src)).astype(float)
    src_w = np.bincount(src_inv, weights=w, minlength=len(src))
    dst, dst_inv = (src, src_inv) if targets is None else _distinct(targets)
    fk = np.zeros(len(dst))
    Fk = np.zeros(len(dst))
    src_bits, src_pats = _patterns(src)
    dst_bits, dst_pats = (src_bits, src_pats) if targets is None else _patterns(dst)
    src_rows = {int(p): np.flatnonzero(src_bits == p) for p in src_pats}
    for p in dst_pats:
        p = int(p)
        rows_p = np.flatnonzero(dst_bits == p)
        # source patterns that share the same observed intersection are counted together
        by_common: dict[int, list[np.ndarray]] = {}
        for q, rows_q in src_rows.items():
            by_common.setdefault(p & q, []).append(rows_q)
        for common, parts in by_common.items():
            rows_q = parts[0] if len(parts) == 1 else np.concatenate(parts)
            cols = _columns(common, m)
            if len(cols) == 0:
                fk[rows_p] += src_n[rows_q].sum()
                Fk[rows_p] += src_w[rows_q].sum()
                continue
            sub_q = src[np.ix_(rows_q, cols)]
            sub_p = dst[np.ix_(rows_p, cols)]
            both = combine(np.concatenate([sub_q, sub_p]))
            c, s = _match_counts(both[: len(rows_q)], src_n[rows_q], src_w[rows_q],
                                 both[len(rows_q) :])  # fmt: skip
            fk[rows_p] += c
            Fk[rows_p] += s
    return Frequencies(np.rint(fk[dst_inv]).astype(np.int64), Fk[dst_inv])


def key_groups(codes: np.ndarray) -> np.ndarray:
    """Each record's exact key combination as a dense group number (a missing value is a value
    of its own here): the groups in which l-diversity is counted."""
    shifted = codes + 1  # -1 (missing) becomes 0, a code like the others
    _u, inv = np.unique(combine(shifted), return_inverse=True)
    return inv.astype(np.int64)
