"""SUDA scores: special uniques found through their minimal sample uniques, as sdcMicro's
``suda2`` computes them (Elliot et al. 2002; Manning, Haglin & Keane 2008; docs/sharing.md).

A set ``S`` of quasi-identifiers is a **sample unique** (SU) of record *i* when no other record
has *i*'s values on every variable of ``S``; it is **minimal** (an MSU) when no proper subset of
``S`` is a sample unique of *i* as well. A missing value is no value here (sdcMicro's
``missing`` code): it is never part of an MSU and it matches no value — unlike the wildcard of
the frequencies (:mod:`workbench.stats.sdc_keys`), so an MSU is never hidden by a suppression
elsewhere in the file. With ``M`` keys (at least 3: sdcMicro pads fewer with constant columns)
an MSU of size ``s`` scores ``(M − s)!`` (``original_scores = TRUE``: the product
``∏_{j=s}^{M−1} (M − j)``), and a record's **SUDA score** is the sum over its MSUs; a record
without MSU scores 0.

The **DIS-SUDA score** spreads the file-level DIS probability (that a sample unique is a
population unique, estimated from the sampling fraction ``f`` = ``dis_fraction``) over the
records by their SUDA scores::

    U = records unique on all keys, P = records whose key is shared by exactly one other
    DIS = U·f / (U·f + P·(1 − f))
    Q = 1 + (8 − M) / 20,  A = Σ_i score_i^(−Q)  (over records with score > 0)
    dis_i = 1 / (1 + (U/DIS − U) / (score_i^Q · A))   (0 when score_i = 0)

The **contribution** of variable *v* to record *i*'s score is the share of the score coming
from MSUs that contain *v* (the shares add up to more than 1 when MSUs have several variables);
the file-level contribution of *v* is ``100 · Σ_i contribution_iv · score_i / Σ_i score_i``
(sdcMicro's ``attribute_contributions``).

The search is exhaustive over the subsets of at most ``max_size`` keys (default: all), each
counted once over the distinct key rows with integer arithmetic: a subset is an MSU of a
record exactly when the record is unique on it and on none of its subsets one variable
smaller (uniqueness is inherited by supersets). Only rows that are unique on all keys can have
an MSU, so only their flags are kept.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import numpy as np

from workbench.errors import StatsError
from workbench.progress import CancelToken, check_cancel
from workbench.stats.sdc_keys import MISSING, combine

#: sdcMicro's default sampling fraction for the DIS probability
DIS_FRACTION = 0.01
#: the DIS-SUDA intervals sdcMicro's print method tabulates (upper bounds; 0 on its own)
DIS_BINS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
#: sdcMicro's suda2 works on at least this many variables (constant columns are added)
MIN_VARIABLES = 3
#: a bincount over more cells than this (and than 2× the rows) sorts instead
_DENSE_LIMIT = 1 << 20


@dataclass
class SudaScores:
    """SUDA score, DIS-SUDA score and each key's share of the score of the records that can
    have an MSU (those unique on every key; every other record scores 0 — kept sparse, the
    dense per-record arrays are built on demand); per MSU size the number of MSUs found; the
    file's DIS probability."""

    keys: tuple[str, ...]
    #: number of records
    n: int
    #: the candidates' record numbers, and their scores, DIS-SUDA scores and contributions
    records: np.ndarray
    scores: np.ndarray
    dis_scores: np.ndarray
    #: (candidates, keys): share of the score from MSUs containing the key (0 without score)
    contributions: np.ndarray
    #: MSUs found by size (index 0 = size 1)
    msu_by_size: np.ndarray
    dis_probability: float
    max_size: int
    dis_fraction: float
    uniques: int = 0
    pairs: int = 0

    def _dense(self, values: np.ndarray) -> np.ndarray:
        out = np.zeros((self.n, *values.shape[1:]))
        out[self.records] = values
        return out

    @property
    def score(self) -> np.ndarray:
        """Every record's SUDA score."""
        return self._dense(self.scores)

    @property
    def dis(self) -> np.ndarray:
        """Every record's DIS-SUDA score."""
        return self._dense(self.dis_scores)

    @property
    def contribution(self) -> np.ndarray:
        """(records, keys): each key's share of each record's score."""
        return self._dense(self.contributions)

    def attribute_contributions(self) -> dict[str, float]:
        """Per key: its share of the total SUDA score, in percent (sdcMicro's
        ``attribute_contributions``); 0 for every key when no record has an MSU."""
        total = float(self.scores.sum())
        if total <= 0:
            return {k: 0.0 for k in self.keys}
        part = self.contributions.T @ self.scores
        return {k: 100.0 * float(v) / total for k, v in zip(self.keys, part, strict=True)}

    def dis_table(self) -> list[int]:
        """Records per DIS-SUDA interval: = 0, (0, 0.1], (0.1, 0.2] … (0.6, 0.7], > 0.7."""
        d = self.dis_scores
        out = [self.n - int((d > 0).sum())]
        low = 0.0
        for high in DIS_BINS:
            out.append(int(((d > low) & (d <= high)).sum()))
            low = high
        out.append(int((d > DIS_BINS[-1]).sum()))
        return out

    def summary(self, threshold: float = 0.1) -> dict[str, Any]:
        """What a risk report says about the scores (JSON-ready)."""
        n = max(self.n, 1)
        return {
            "records_with_msu": int((self.scores > 0).sum()),
            "msus": int(self.msu_by_size.sum()),
            "msu_by_size": [int(x) for x in self.msu_by_size],
            "max_score": float(self.scores.max(initial=0.0)),
            "mean_score": float(self.scores.sum()) / n,
            "max_dis": float(self.dis_scores.max(initial=0.0)),
            "mean_dis": float(self.dis_scores.sum()) / n,
            "dis_above": int((self.dis_scores > threshold).sum()), "dis_threshold": threshold,
            "dis_probability": self.dis_probability, "dis_fraction": self.dis_fraction,
            "max_size": self.max_size, "dis_table": self.dis_table(),
            "contributions": self.attribute_contributions(),
        }  # fmt: skip


def msu_weight(size: int, variables: int) -> float:
    """The score of one MSU of ``size`` among ``variables`` keys: ``(M − size)!``."""
    return float(math.factorial(max(variables, MIN_VARIABLES) - size))


def _counts(rows: np.ndarray, mult: np.ndarray, cards: np.ndarray, at: np.ndarray) -> np.ndarray:
    """For the rows ``at`` of ``rows`` (codes ≥ 0), the number of records (``mult`` per row)
    sharing their values."""
    key = np.zeros(len(rows), dtype=np.int64)
    span = 1
    for j in range(rows.shape[1]):
        card = int(cards[j])
        if span * card >= 1 << 62:  # re-densify before the product would overflow
            _u, key = np.unique(key, return_inverse=True)
            key = key.astype(np.int64, copy=False).reshape(-1)
            span = int(key.max(initial=0)) + 1
        key *= card
        key += rows[:, j]
        span *= card
    if span <= max(_DENSE_LIMIT, 2 * len(rows)):
        return np.bincount(key, weights=mult, minlength=span)[key[at]]
    _u, inv = np.unique(key, return_inverse=True)
    inv = inv.reshape(-1)
    return np.bincount(inv, weights=mult)[inv[at]]


def suda2(
    codes: np.ndarray,
    keys: tuple[str, ...] | list[str] = (),
    *,
    dis_fraction: float = DIS_FRACTION,
    max_size: int | None = None,
    cancel: CancelToken | None = None,
) -> SudaScores:
    """SUDA and DIS-SUDA scores of every record of the code matrix ``codes`` (``-1`` =
    missing; :func:`workbench.stats.sdc_keys.encode`), with MSUs of at most ``max_size``
    keys (None: all)."""
    if not 0.0 < float(dis_fraction) < 1.0:
        raise StatsError.of("share.dis_fraction", value=dis_fraction)
    if max_size is not None and int(max_size) < 1:
        raise StatsError.of("share.suda_max_size", value=max_size)
    m = codes.shape[1]
    keys = tuple(keys) or tuple(f"v{j}" for j in range(m))
    size_cap = m if max_size is None else max(1, min(int(max_size), m))
    variables = max(m, MIN_VARIABLES)
    # distinct rows (a missing value is a value here: two rows alike with the same gaps are
    # the same row), each one's first record and its number of records
    src, first, mult = _distinct_rows(codes)
    cards = np.maximum(src.max(axis=0, initial=0), 0).astype(np.int64) + 1
    cand = np.flatnonzero(mult == 1)  # only a record unique on every key can have an MSU
    score_c = np.zeros(len(cand))
    contrib_c = np.zeros((len(cand), m))
    msu_by_size = np.zeros(size_cap, dtype=np.int64)
    observed = src != MISSING
    mult_f = mult.astype(float)
    previous: dict[tuple[int, ...], np.ndarray] = {}
    for size in range(1, size_cap + 1):
        check_cancel(cancel)
        weight = msu_weight(size, variables)
        current: dict[tuple[int, ...], np.ndarray] = {}
        for subset in combinations(range(m), size):
            cols = np.array(subset, dtype=np.int64)
            # a subset can be an MSU of a candidate only if none of its smaller subsets is
            # unique for it: skip the count when no candidate is left
            alive = np.ones(len(cand), dtype=bool)
            for drop in range(size if size > 1 else 0):
                alive &= ~previous[subset[:drop] + subset[drop + 1 :]]
            seen = observed[:, cols].all(axis=1)
            unique_c = np.zeros(len(cand), dtype=bool)
            if alive.any() and seen[cand].any():
                rows = np.flatnonzero(seen)
                pos = np.searchsorted(rows, cand)  # every candidate's place among the rows
                hit = seen[cand]
                counts = _counts(src[np.ix_(rows, cols)], mult_f[rows], cards[cols],
                                 pos[hit])  # fmt: skip
                unique_c[hit] = counts == 1
            if size > 1:
                # supersets of a unique subset are unique (kept for the next size)
                for drop in range(size):
                    unique_c |= previous[subset[:drop] + subset[drop + 1 :]]
            msu = unique_c & alive
            if msu.any():
                msu_by_size[size - 1] += int(msu.sum())
                score_c[msu] += weight
                contrib_c[np.ix_(msu, cols)] += weight
            current[subset] = unique_c
        previous = current
    with np.errstate(divide="ignore", invalid="ignore"):
        contrib_c = np.where(score_c[:, None] > 0, contrib_c / score_c[:, None], 0.0)
    uniques = len(cand)
    pairs = int(mult[mult == 2].sum())
    dis_p, dis_c = _dis(score_c, uniques, pairs, dis_fraction, variables)
    return SudaScores(keys=keys, n=len(codes), records=first[cand], scores=score_c,
                      dis_scores=dis_c, contributions=contrib_c, msu_by_size=msu_by_size,
                      dis_probability=dis_p, max_size=size_cap, dis_fraction=dis_fraction,
                      uniques=uniques, pairs=pairs)  # fmt: skip


def _distinct_rows(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The distinct rows, each one's first record and each one's number of records."""
    if len(codes) == 0:
        return codes, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    _u, first, inv = np.unique(combine(codes, 1), return_index=True, return_inverse=True)
    mult = np.bincount(np.asarray(inv).reshape(-1), minlength=len(first))
    return codes[first], np.asarray(first, dtype=np.int64), mult


def _dis(
    score: np.ndarray, uniques: int, pairs: int, fraction: float, variables: int
) -> tuple[float, np.ndarray]:
    """The file's DIS probability and each record's DIS-SUDA score (module docstring)."""
    dis = np.zeros(len(score))
    if uniques == 0:
        return 0.0, dis
    f = float(fraction)
    prob = uniques * f / (uniques * f + pairs * (1.0 - f))
    q = 1.0 + (8.0 - variables) / 20.0
    has = score > 0
    if not has.any():
        return prob, dis
    powered = score[has] ** q
    adj = float((1.0 / powered).sum())
    dis[has] = 1.0 / (1.0 + (uniques / prob - uniques) / (powered * adj))
    return prob, dis
