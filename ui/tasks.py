"""One single-thread executor for all vault work (Anki's taskman, Orange's TaskState).

A task is a plain function. When ``progress=True`` it is called with ``progress=`` (a sink with
``update(done, total, message)``) and ``cancel=`` (a :class:`CancelToken`). It runs on the one
worker thread; its progress, result and error come back to the GUI thread through queued
signals. The ``synchronous`` mode runs everything in the caller's thread (tests, scripts) — same
callbacks, same order, no thread.

The runner is generic in the task's result, as Anki's ``CollectionOp[T]``: ``run(fn, …)`` returns
a ``Task[T]`` where ``T`` is what ``fn`` returns, and mypy checks that ``on_done`` takes a ``T``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot

from workbench.errors import Cancelled
from workbench.progress import CancelToken

log = logging.getLogger("workbench.ui")

T = TypeVar("T")
OnError = Callable[[BaseException], None]


class Task(QObject, Generic[T]):
    """Handle of one submitted task whose function returns a ``T``; lives on the GUI thread."""

    progressed = Signal(float, float, str)  # done, total (0 when unknown), message
    finished = Signal()  # after on_done / on_error ran, whatever the outcome

    def __init__(
        self,
        label: str,
        cancellable: bool,
        on_done: Callable[[T], None] | None = None,
        on_error: OnError | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.label = label
        self.cancellable = cancellable
        self.token = CancelToken()
        self.done = False
        self.on_done, self.on_error = on_done, on_error

    def cancel(self) -> None:
        self.token.cancel()


class _Relay(QObject):
    """Emitted from the worker thread, received on the GUI thread (queued connections)."""

    progress = Signal(object, float, float, str)
    result = Signal(object, object)
    failure = Signal(object, object)


class _Sink:
    def __init__(self, relay: _Relay, task: Task[Any]) -> None:
        self._relay, self._task = relay, task

    def update(self, done: float, total: float | None = None, message: str = "") -> None:
        self._relay.progress.emit(self._task, float(done), float(total or 0.0), message)


class TaskManager(QObject):
    """``run(fn, *args, on_done=…, on_error=…, progress=True, cancellable=True)``."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._executor = None if synchronous else ThreadPoolExecutor(1, "workbench-vault")
        self._relay = _Relay()
        kind = (
            Qt.ConnectionType.DirectConnection
            if synchronous
            else Qt.ConnectionType.QueuedConnection
        )
        self._relay.progress.connect(self._on_progress, kind)
        self._relay.result.connect(self._on_result, kind)
        self._relay.failure.connect(self._on_failure, kind)
        self._active: list[Task[Any]] = []

    # ------------------------------------------------------------------ API
    def run(
        self,
        fn: Callable[..., T],
        *args: Any,
        on_done: Callable[[T], None] | None = None,
        on_error: OnError | None = None,
        progress: bool = True,
        cancellable: bool = True,
        label: str = "",
        **kwargs: Any,
    ) -> Task[T]:
        task = Task(label or getattr(fn, "__name__", "task"), cancellable, on_done, on_error, self)
        self._active.append(task)
        if len(self._active) == 1:
            self.busy_changed.emit(True)
        sink = _Sink(self._relay, task)
        if progress:
            kwargs = {**kwargs, "progress": sink, "cancel": task.token}

        def work() -> None:
            if task.token.cancelled:
                self._relay.failure.emit(task, Cancelled())
                return
            try:
                value = fn(*args, **kwargs)
            except BaseException as exc:
                self._relay.failure.emit(task, exc)
            else:
                self._relay.result.emit(task, value)

        if self._executor is None:
            work()
        else:
            self._executor.submit(work)
        return task

    def cancel_all(self) -> None:
        for task in list(self._active):
            task.cancel()

    @property
    def busy(self) -> bool:
        return bool(self._active)

    def active(self) -> list[Task[Any]]:
        return list(self._active)

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Block until the worker has drained its queue (tests, shutdown). Does not deliver
        callbacks; process events afterwards for that."""
        if self._executor is None:
            return True
        done = threading.Event()
        self._executor.submit(done.set)
        return done.wait(timeout)

    def shutdown(self) -> None:
        self.cancel_all()
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=False)
            self._executor = None

    # ------------------------------------------------------------ delivery
    @Slot(object, float, float, str)
    def _on_progress(self, task: Task[Any], done: float, total: float, message: str) -> None:
        if not task.done:
            task.progressed.emit(done, total, message)

    @Slot(object, object)
    def _on_result(self, task: Task[Any], value: Any) -> None:
        task.done = True
        if task.on_done is not None and not task.token.cancelled:
            task.on_done(value)
        self._finished(task)

    @Slot(object, object)
    def _on_failure(self, task: Task[Any], exc: BaseException) -> None:
        task.done = True
        on_error = task.on_error
        if task.token.cancelled:
            exc = Cancelled()  # whatever happened after a cancel, the caller asked to stop
        if not isinstance(exc, Cancelled):
            log.warning("task %s failed: %s", task.label, type(exc).__name__)
        if on_error is not None:
            on_error(exc)
        elif not isinstance(exc, Cancelled):
            from ui.error_dialog import show_error

            show_error(None, exc)
        self._finished(task)

    def _finished(self, task: Task[Any]) -> None:
        task.on_done = task.on_error = None  # drop the callbacks' references to their pages
        task.finished.emit()
        if task in self._active:
            self._active.remove(task)
            if not self._active:
                self.busy_changed.emit(False)
        task.deleteLater()
