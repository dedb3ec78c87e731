"""Finished columns handed on while an import is still running (a context-local sink).

The importer knows when a column is final long before the import returns: a CSV's numeric
columns are done when its chunks are joined, and the rest of the import (blank text values,
markers, identifiers, checks) is main-thread work during which the second core is idle. Inside
:func:`receiving` (the façade's import: read, then save, nothing else touching the frames in
between) the importer :func:`offer` s each such column to the sink, and the vault encodes it
there and then (:mod:`workbench.vault.encode_ahead`); outside, :func:`offer` does nothing.

A base module because the importers and the vault are independent parts: neither imports the
other, both import this.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

Sink = Callable[[str, "pd.Series"], None]

_SINK: ContextVar[Sink | None] = ContextVar("workbench_column_sink", default=None)


@contextmanager
def receiving(sink: Sink) -> Iterator[None]:
    """Within this block, :func:`offer` hands columns to ``sink``."""
    token = _SINK.set(sink)
    try:
        yield
    finally:
        _SINK.reset(token)


def offer(name: str, column: pd.Series) -> None:
    """Hand on a column whose values the importer will not change any more (it may still drop
    or replace it: the receiver must check it is the same column when it uses its work)."""
    sink = _SINK.get()
    if sink is not None:
        sink(name, column)
