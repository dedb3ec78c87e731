"""Numeric columns encoded while the import is still running, used by the save that follows.

Inside :func:`encode_ahead` (the façade's ``import_file``: read a file, save its datasets, nothing
in between touching the frames), each numeric column the importer hands on
(:mod:`workbench.column_handoff`) is encoded and digested at once on one background thread, while
the main thread finishes the import (blank text values, markers, identifiers, checks: Python
work during which the second core was idle). The save then takes the finished encoding instead of
encoding the column again.

The work is used only for the very column it was done for: the same numpy buffer (address,
length, strides, dtype), with its name set to the saved column's. The job holds the offered
Series until the save takes it, so the address cannot be reused meanwhile and, under pandas'
copy-on-write (pandas ≥ 3, the pinned floor), a write into the frame's column copies it first:
the buffer no longer matches and the save encodes the new values (a numpy view alone would not
count as a reference — that was tested to leave a stale encoding). A column the import replaced
(read again as text, hashed as an identifier) has another buffer and is encoded by the save as
before; one it dropped is let go when the block ends. Encoding is a deterministic function of the
column, so the stored bytes and the fingerprint are the same either way
(``tests/vault/test_vault_encode_ahead.py``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar

import numpy as np
import pandas as pd

from workbench import column_handoff
from workbench.vault.codec import EncodedColumn, column_digest, encode_column

_Key = tuple[int, int, int, str]
_CURRENT: ContextVar[EncodeAhead | None] = ContextVar("workbench_encode_ahead", default=None)


def _buffer(column: pd.Series) -> np.ndarray | None:
    """The column's own numpy array (no copy) when it is a plain numeric column."""
    dtype = column.dtype
    if not isinstance(dtype, np.dtype) or dtype.kind not in "iuf":
        return None
    arr = column.to_numpy()
    return arr if arr.ndim == 1 else None


def _key(arr: np.ndarray) -> _Key:
    return (arr.__array_interface__["data"][0], len(arr), arr.strides[0], arr.dtype.str)


def _encode(name: str, column: pd.Series) -> EncodedColumn:
    enc = encode_column(name, column)
    enc.digest = column_digest(enc)
    return enc


class EncodeAhead:
    """Encodes offered columns on one thread; :meth:`take` hands a job to the save."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="vault-ahead")
        # the offered Series itself is held until the save takes its job: while it lives,
        # copy-on-write gives the frame a new buffer on any write (a numpy view would not count)
        self._jobs: dict[_Key, tuple[pd.Series, Future[EncodedColumn]]] = {}
        self.used = 0  # encodings handed to the save

    def offer(self, name: str, column: pd.Series) -> None:
        arr = _buffer(column)
        if arr is not None:
            self._jobs[_key(arr)] = (column, self._pool.submit(_encode, name, column))

    def take(self, name: str, column: pd.Series) -> EncodedColumn | None:
        """The encoding done for this very column (under its saved name), else None."""
        arr = _buffer(column)
        job = None if arr is None else self._jobs.pop(_key(arr), None)
        if job is None:
            return None
        enc = job[1].result()
        self.used += 1
        return enc if enc.name == name else dataclasses.replace(enc, name=name)

    def close(self) -> None:
        for _, job in self._jobs.values():
            job.cancel()
        self._pool.shutdown(wait=True)
        self._jobs.clear()


@contextmanager
def encode_ahead() -> Iterator[EncodeAhead]:
    """Within this block, columns the importer hands on are encoded at once and the vault's save
    uses that work (:func:`current`)."""
    ahead = EncodeAhead()
    token = _CURRENT.set(ahead)
    try:
        with column_handoff.receiving(ahead.offer):
            yield ahead
    finally:
        _CURRENT.reset(token)
        ahead.close()


def current() -> EncodeAhead | None:
    return _CURRENT.get()
