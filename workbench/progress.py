"""Progress sinks and cancel tokens for long work (plain Python; the UI marshals to Qt).

Long work is a plain function
``f(..., progress: Progress = NULL_PROGRESS, cancel: CancelToken | None = None)``. It calls
``progress.update(done, total, message)`` now and then and ``cancel.raise_if_cancelled()`` at safe
points (before any write that cannot be rolled back).
"""

from __future__ import annotations

import threading
import time
from typing import Protocol

from workbench.errors import Cancelled


class Progress(Protocol):
    def update(self, done: float, total: float | None = None, message: str = "") -> None: ...


class _NullProgress:
    def update(self, done: float, total: float | None = None, message: str = "") -> None:
        return None


NULL_PROGRESS: Progress = _NullProgress()


class CancelToken:
    """Cooperative cancellation, safe to set from another thread."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()


def check_cancel(cancel: CancelToken | None) -> None:
    if cancel is not None:
        cancel.raise_if_cancelled()


class ThrottledProgress:
    """Wraps a sink so it is called at most every ``interval`` seconds (plus the final update)."""

    def __init__(self, sink: Progress, interval: float = 0.1) -> None:
        self._sink = sink
        self._interval = interval
        self._last = 0.0

    def update(self, done: float, total: float | None = None, message: str = "") -> None:
        now = time.monotonic()
        if now - self._last >= self._interval or (total is not None and done >= total):
            self._last = now
            self._sink.update(done, total, message)


class Scaled:
    """Maps a sub-task's progress onto the range [start, stop] of a parent's total."""

    def __init__(self, sink: Progress, start: float, stop: float, total: float) -> None:
        self._sink, self._start, self._stop, self._total = sink, start, stop, total

    def update(self, done: float, total: float | None = None, message: str = "") -> None:
        frac = (done / total) if total else 0.0
        self._sink.update(self._start + (self._stop - self._start) * frac, self._total, message)
