"""The distinct values of a text column, hashed once per import.

An import looks at each text column's distinct values three times: blank values become missing
(:func:`~workbench.datasets.columns.blank_to_none`), missing-value markers kept as text are
reported (:func:`~workbench.datasets.checks.markers_kept_as_text`), and the dataset checks count
and judge them (:func:`~workbench.datasets.checks.check_dataset`). Each was a hashing pass over
every value (about 55 ms for a million values). Inside :func:`shared` (one import or preview, on
one thread) :func:`factorize` hashes a column's values once and hands the same codes and distinct
values to the next caller that asks for the same values.

"The same values" is the same object buffer: its address, length and stride, while the memo holds
a reference to it (so its memory cannot be reused by another array meanwhile). pandas replaces a
column (``frame[col] = ...``, ``where``, ``astype``) with a new buffer, and nothing in an import
writes into a text column's buffer in place. Outside :func:`shared`, :func:`factorize` is plain
``pandas.factorize``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import numpy as np
import pandas as pd

_Entry = tuple[np.ndarray, np.ndarray, np.ndarray]  # (the values, codes, distinct values)
_MEMO: ContextVar[dict[tuple[int, int, int], _Entry] | None] = ContextVar(
    "workbench_distinct", default=None
)


@contextmanager
def shared() -> Iterator[None]:
    """Within this block, :func:`factorize` hashes each column buffer once."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def factorize(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``pandas.factorize(values, use_na_sentinel=True)`` of a 1-D object array: codes (−1 =
    missing, in the narrowest signed type) and the distinct present values in order of first
    appearance; computed once per buffer inside :func:`shared`."""
    memo = _MEMO.get()
    key = (values.__array_interface__["data"][0], len(values), values.strides[0])
    if memo is not None and (hit := memo.get(key)) is not None:
        return hit[1], hit[2]
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    narrow = np.int8 if len(uniques) < 127 else np.int16 if len(uniques) < 32_767 else np.int32
    codes = codes.astype(narrow) if len(uniques) < 2**31 - 1 else codes
    if memo is not None:
        memo[key] = (values, codes, uniques)
    return codes, uniques
