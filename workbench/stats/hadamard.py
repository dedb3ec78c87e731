"""Hadamard matrices for balanced repeated replication (BRR).

``hadamard(n)``: a ±1 matrix ``H`` of the smallest order ``m ≥ n + 1`` that is a multiple of
4 and constructible here — Sylvester (powers of 2), Paley I (``m − 1`` a prime ≡ 3 mod 4),
Paley II (``m/2 − 1`` a prime ≡ 1 mod 4) and doubling — normalised so that the first row is
all ones (rows 1..n give the signs of n strata: full orthogonal balance). R's ``hadamard()``
picks the same order from precomputed matrices; for linear statistics every Hadamard matrix of
that order gives the same variance.
"""

from __future__ import annotations

from functools import cache

import numpy as np


def _is_prime(q: int) -> bool:
    return q > 1 and all(q % d for d in range(2, int(q**0.5) + 1))


def _jacobsthal(q: int) -> np.ndarray:
    squares = {(x * x) % q for x in range(1, q)}
    chi = np.array([0] + [1 if x in squares else -1 for x in range(1, q)])
    idx = (np.arange(q)[None, :] - np.arange(q)[:, None]) % q
    return chi[idx]


def _paley1(q: int) -> np.ndarray:
    m = q + 1
    s = np.zeros((m, m), dtype=np.int64)
    s[0, 1:] = 1
    s[1:, 0] = -1
    s[1:, 1:] = _jacobsthal(q)
    return s + np.eye(m, dtype=np.int64)


def _paley2(q: int) -> np.ndarray:
    m = q + 1
    s = np.zeros((m, m), dtype=np.int64)
    s[0, 1:] = 1
    s[1:, 0] = 1
    s[1:, 1:] = _jacobsthal(q)
    plus = np.array([[1, -1], [-1, -1]])
    zero = np.array([[1, 1], [1, -1]])
    blocks = np.where(s[:, :, None, None] == 0, zero, s[:, :, None, None] * plus)
    return blocks.transpose(0, 2, 1, 3).reshape(2 * m, 2 * m)


@cache
def _order(m: int) -> np.ndarray | None:
    if m == 1:
        return np.ones((1, 1), dtype=np.int64)
    if m == 2:
        return np.array([[1, 1], [1, -1]])
    if m % 4:
        return None
    if _is_prime(m - 1) and (m - 1) % 4 == 3:
        return _paley1(m - 1)
    if _is_prime(m // 2 - 1) and (m // 2 - 1) % 4 == 1:
        return _paley2(m // 2 - 1)
    half = _order(m // 2)
    if half is not None:
        return np.block([[half, half], [half, -half]])
    return None


def hadamard(n: int) -> np.ndarray:
    m = 4 * ((n + 1 + 3) // 4) if n > 0 else 1
    while True:
        h = _order(m)
        if h is not None:
            return h * h[0][None, :]  # first row all ones
        m += 4
