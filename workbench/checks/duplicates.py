"""Duplicate and soft-duplicate interviews (household-level datasets: a member roster has
legitimately identical rows, such as two young children of the same age and sex).

Compared: every answer column (not metadata, identifiers, keys or design columns). An interview
whose answers are all equal to an earlier one's is ``check.duplicate_interview``; one differing
in fewer than :data:`SOFT_SHARE` of the answers either interview gave (and in at least one) is
``check.soft_duplicate`` (``cleaningtools::check_soft_duplicates``). Questions both skipped do not
count: two households of a group asked few questions are not near-copies for agreeing on blanks.

Not O(n²): two interviews differing in at most ``k`` answers are identical on at least one of
``k + 1`` disjoint bands of columns (pigeonhole), so rows are bucketed by the hash of each band and
only rows sharing a bucket are compared — column by column, most distinct first, each pair dropped
as soon as it differs in more than ``k``. A bucket of more than :data:`BUCKET_CAP` rows (a band
where most interviews agree, e.g. all blank) is not expanded; the pair is still found through
another band unless every band's bucket is that large. Columns are compared as integer codes
(``pd.factorize``), one vector operation per column over the candidate pairs.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.checks.collect import Collector

#: interviews differing in fewer than this share of the compared answers are soft duplicates
SOFT_SHARE = 0.05
#: buckets larger than this are not expanded into pairs
BUCKET_CAP = 64


def answer_columns(c: Collector) -> list[str]:
    skip = set(c.roles.metadata) | {x for x in (c.ds.key, c.ds.parent_key) if x}
    return [col for col in c.ds.frame.columns if col not in skip]


def _codes(frame: pd.DataFrame) -> np.ndarray:
    out = np.empty((len(frame), frame.shape[1]), dtype=np.int32, order="F")
    for j, col in enumerate(frame.columns):
        codes, _ = pd.factorize(frame[col], use_na_sentinel=True)
        out[:, j] = codes
    return out


def _row_hash(codes: np.ndarray) -> np.ndarray:
    h = np.zeros(codes.shape[0], dtype=np.uint64)
    mult = np.uint64(0x100000001B3)
    with np.errstate(over="ignore"):
        for j in range(codes.shape[1]):
            h = (h ^ (codes[:, j].astype(np.int64).astype(np.uint64) + np.uint64(j + 1))) * mult
            h ^= h >> np.uint64(29)
    return h


def _pairs_in_buckets(h: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    order = np.argsort(h, kind="stable")
    hs = h[order]
    starts = np.r_[0, np.flatnonzero(hs[1:] != hs[:-1]) + 1]
    sizes = np.diff(np.r_[starts, len(hs)])
    size_of = np.repeat(sizes, sizes)
    small = size_of <= BUCKET_CAP
    firsts, seconds = [], []
    for d in range(1, min(BUCKET_CAP, int(sizes.max(initial=1)))):
        same = (hs[d:] == hs[:-d]) & small[d:]
        if not same.any():
            break
        idx = np.flatnonzero(same)
        firsts.append(order[idx])
        seconds.append(order[idx + d])
    if not firsts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    a, b = np.concatenate(firsts), np.concatenate(seconds)
    return np.minimum(a, b), np.maximum(a, b)


def _close(
    codes: np.ndarray, order: np.ndarray, a: np.ndarray, b: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray]:
    """The candidate pairs differing in at most ``k`` answers, most distinct columns first and
    pairs dropped as soon as they exceed ``k`` (most candidates go after a few columns)."""
    differ = np.zeros(len(a), dtype=np.int16)
    for step, j in enumerate(order):
        if not len(a):
            break
        differ += codes[a, j] != codes[b, j]
        if step % 4 == 3:
            keep = differ <= k
            a, b, differ = a[keep], b[keep], differ[keep]
    keep = differ <= k
    return a[keep], b[keep]


def check_duplicates(c: Collector) -> None:
    cols = answer_columns(c)
    n = c.ds.n_rows
    if n < 2 or not cols:
        return
    codes = _codes(c.ds.frame[cols])
    m = len(cols)
    full = _row_hash(codes)
    first_of = pd.Series(np.arange(n)).groupby(full).transform("min").to_numpy()
    exact = first_of != np.arange(n)
    other = np.array([c.record(int(i)) for i in first_of[exact]], dtype=object)
    other_rows = np.full(n, "", dtype=object)
    other_rows[exact] = other
    c.add("check.duplicate_interview", "error", exact, None, {"other": other_rows}, compared=m)
    k = int(np.ceil(SOFT_SHARE * m)) - 1  # differ in fewer than SOFT_SHARE of m: at most k
    if k < 1:
        return
    # most distinct columns first, dealt round-robin into the bands so each band discriminates
    order = np.argsort(-codes.max(axis=0), kind="stable")  # factorize codes count from 0
    bands = [order[i :: k + 1] for i in range(k + 1)]
    pa, pb = [], []
    for band in bands:
        a, b = _pairs_in_buckets(_row_hash(codes[:, band]))
        a, b = _close(codes, order, a, b, k)
        pa.append(a)
        pb.append(b)
    a, b = np.concatenate(pa), np.concatenate(pb)
    if not len(a):
        return
    key = np.unique(a.astype(np.int64) * n + b)
    a, b = key // n, key % n
    keep = ~exact[a] & ~exact[b]
    a, b = a[keep], b[keep]
    differ = np.zeros(len(a), dtype=np.int64)
    answered = np.zeros(len(a), dtype=np.int64)
    for j in range(m):
        ca, cb = codes[a, j], codes[b, j]
        differ += ca != cb
        answered += (ca >= 0) | (cb >= 0)
    soft = (differ > 0) & (differ < SOFT_SHARE * answered)
    a, b, differ, answered = a[soft], b[soft], differ[soft], answered[soft]
    order = np.argsort(b, kind="stable")
    a, b, differ, answered = a[order], b[order], differ[order], answered[order]
    _, first = np.unique(b, return_index=True)  # each later interview once, with its first match
    a, b, differ, answered = a[first], b[first], differ[first], answered[first]
    mask = np.zeros(n, dtype=bool)
    mask[b] = True
    other_rec = np.full(n, "", dtype=object)
    other_rec[b] = [c.record(int(i)) for i in a]
    n_differ = np.zeros(n, dtype=np.int64)
    n_differ[b] = differ
    n_answered = np.zeros(n, dtype=np.int64)
    n_answered[b] = answered
    c.add(
        "check.soft_duplicate",
        "warning",
        mask,
        None,
        {"other": other_rec, "differ": n_differ, "compared": n_answered},
    )
