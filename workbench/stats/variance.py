"""Variances and covariances from a design's variance terms.

A design turns per-unit sums into :class:`VarianceTerms`: ``Var = Σ plus² − Σ minus² + diag``
over axis 0, and ``Cov(d, e) = Σ plus_d plus_e − Σ minus_d minus_e`` for domains ``d ≠ e``
with no row in common (``diag`` holds the sums of the rows' own squares, which two disjoint
domains never share). One-stage linearisation and replicate designs only have ``plus``; a
multistage design whose last stage samples single rows (households) has the last stage's
within-unit part as ``diag − minus²`` from per-stratum sums of the rows' squares (design.py).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np


class VarianceTerms(NamedTuple):
    plus: np.ndarray
    minus: np.ndarray | None = None
    diag: np.ndarray | None = None

    def var(self) -> np.ndarray:
        out = np.einsum("p...,p...->...", self.plus, self.plus)
        if self.minus is not None:
            out = out - np.einsum("p...,p...->...", self.minus, self.minus)
        if self.diag is not None:  # rounding can take Σ z² − (Σ z)²/n a hair below 0
            out = np.maximum(out + self.diag, 0.0)
        return out

    def cov(self, other: VarianceTerms) -> np.ndarray:
        """Covariance with ``other`` (broadcast against this one's trailing axes)."""
        out = np.einsum("p...,p...->...", self.plus, np.broadcast_to(other.plus, self.plus.shape))
        if self.minus is not None and other.minus is not None:
            mo = np.broadcast_to(other.minus, self.minus.shape)
            out = out - np.einsum("p...,p...->...", self.minus, mo)
        return out

    def take(self, index: tuple[slice | int | None, ...]) -> VarianceTerms:
        """The terms of a sub-array of domains (``index`` applies after the first axis)."""
        full = (slice(None), *index)
        return VarianceTerms(
            self.plus[full],
            None if self.minus is None else self.minus[full],
            None if self.diag is None else self.diag[index],
        )
