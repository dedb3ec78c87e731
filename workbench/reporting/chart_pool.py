"""Render every indicator's chart up front, on every core: worker processes plus this one.

Charts are pure functions of plain data, so they can run on several cores. Workers come from a
``forkserver`` (a clean process that imported matplotlib once; forking the caller itself is not
safe in the threaded desktop app), started in a thread as soon as a report begins so its imports
overlap the validation gate and the caller's first charts. The caller's process draws too: it
takes the jobs no worker has started (a cancelled future), from the end of the list, so on two
cores one worker and the caller share the charts without either waiting.

``WORKBENCH_CHART_WORKERS`` sets how many processes draw, this one included (``1``: everything
in-process); by default as many as the cores, at most four. No pool in frozen builds, on
platforms without forkserver, for a handful of charts, or when the pool fails for any reason:
then charts render in-process. The bytes are the same either way (a test checks it).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

from workbench.reporting.charts import chart_figure, encode_pair, indicator_chart, print_quality
from workbench.reporting.views import ChartData

MIN_CHARTS_FOR_POOL = 12
MAX_DRAWING = 4

Job = tuple[ChartData, list[tuple[str, ChartData]], float, str, bool, str]
T = TypeVar("T")


def render(job: Job) -> bytes:
    main, parts, width, total, rtl, lang = job
    return indicator_chart(main, parts, width, total, rtl, lang=lang)


def render_pair(job: Job) -> tuple[bytes, bytes]:
    """The chart for the PDF (as :func:`render`) and for the Word report (PNG at print
    resolution), from one figure: laying the figure out costs about as much as drawing it."""
    return encode_pair(chart_figure(*job))


def _pool_workers(n_jobs: int) -> int:
    """Worker processes to start beside this one (0: draw everything here).
    ``WORKBENCH_CHART_WORKERS``: the processes that draw, this one included (default: the
    cores, at most :data:`MAX_DRAWING`; ``1`` draws in-process only)."""
    raw = os.environ.get("WORKBENCH_CHART_WORKERS", "")
    try:
        drawing = int(raw) if raw else min(os.cpu_count() or 1, MAX_DRAWING)
    except ValueError:
        return 0
    if print_quality():  # workers would not see the caller's print_raster() (a context variable)
        return 0
    if drawing < 2 or n_jobs < MIN_CHARTS_FOR_POOL or getattr(sys, "frozen", False):
        return 0
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return 0
    return drawing - 1


class ChartPool:
    """The worker processes of one report (a context manager; none when not worth it).

    They start in a thread: the first start of a forkserver waits for its imports (about a
    second), which would hold up the caller; meanwhile the caller builds the report's views and
    checks them, then draws charts itself until the workers are there."""

    def __init__(self, n_jobs: int) -> None:
        self.pool: ProcessPoolExecutor | None = None
        self._starter: threading.Thread | None = None
        workers = _pool_workers(n_jobs)
        if workers:
            self._starter = threading.Thread(
                target=self._start, args=(workers,), name="chart-pool-start", daemon=True
            )
            self._starter.start()

    def _start(self, workers: int) -> None:
        try:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(["workbench.reporting.charts"])
            pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx)
            self.pool = pool
            pool.submit(int, 0)  # the workers start now, from the forkserver
        except Exception:  # no pool: charts are drawn in-process
            self._shutdown()

    def _starting(self) -> bool:
        return self._starter is not None and self._starter.is_alive()

    def _ready(self) -> ProcessPoolExecutor | None:
        if self._starter is not None:
            self._starter.join()
            self._starter = None
        return self.pool

    def has_workers(self) -> bool:
        """Whether :meth:`later` runs its function in a worker (else here, at once)."""
        return self._ready() is not None

    def __enter__(self) -> ChartPool:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self._ready()
        self._shutdown()

    def _shutdown(self) -> None:
        pool, self.pool = self.pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def later(self, fn: Callable[..., T], *args: Any) -> Callable[[], T]:
        """``fn(*args)`` in a worker when there is one, while this process goes on (a function
        of picklable data, such as checking the finished PDF); else here, now. Returns the
        function that gives its result (a broken worker: computed here then)."""
        pool = self._ready()
        if pool is not None:
            try:
                future = pool.submit(fn, *args)
            except Exception:
                future = None
            if future is not None:
                submitted = future

                def result() -> T:
                    try:
                        return submitted.result()
                    except Exception:
                        return fn(*args)

                return result
        value = fn(*args)
        return lambda: value

    def render_all(self, jobs: dict[str, Job]) -> dict[str, bytes]:
        """``{key: image bytes}`` for every job, in the jobs' order."""
        return self._run(render, jobs)

    def render_pairs(self, jobs: dict[str, Job]) -> tuple[dict[str, bytes], dict[str, bytes]]:
        """(PDF images, Word images) by key, each chart laid out once (:func:`render_pair`)."""
        pairs = self._run(render_pair, jobs)
        return {k: p[0] for k, p in pairs.items()}, {k: p[1] for k, p in pairs.items()}

    def _run(self, fn: Callable[[Job], T], jobs: dict[str, Job]) -> dict[str, T]:
        keys = list(jobs)
        done: dict[str, T] = {}
        while len(done) < len(keys) and self._starting():  # draw here until workers are up
            k = keys[len(keys) - 1 - len(done)]
            done[k] = fn(jobs[k])
        rest = keys[: len(keys) - len(done)]
        pool = self._ready()
        futures: dict[str, Future[T]] = {}
        if pool is not None:
            try:
                futures = {k: pool.submit(fn, jobs[k]) for k in rest}
            except Exception:
                futures = {}
        for k in reversed(rest):  # the caller draws what no worker has started
            if k not in futures or futures[k].cancel():
                done[k] = fn(jobs[k])
        out: dict[str, T] = {}
        for k in keys:
            if k in done:
                out[k] = done[k]
                continue
            try:
                out[k] = futures[k].result()
            except Exception:  # a broken worker: draw it here
                out[k] = fn(jobs[k])
        return out


def render_all(jobs: dict[str, Job]) -> dict[str, bytes]:
    """``{key: image bytes}`` for every job (same bytes whichever process drew them)."""
    with ChartPool(len(jobs)) as pool:
        return pool.render_all(jobs)
