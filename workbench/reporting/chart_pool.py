"""Render every indicator's chart up front, on every core: worker processes plus this one.

Charts are pure functions of plain data, so they can run on several cores. Workers come from a
``forkserver`` (a clean process that imported matplotlib once; forking the caller itself is not
safe in the threaded desktop app), started as soon as a report begins (:func:`warm_up`) so its
imports overlap the validation gate. The caller's process draws too: it takes the jobs no
worker has started (a cancelled future), from the end of the list, so on two cores one worker and
the caller share the charts without either waiting.

``WORKBENCH_CHART_WORKERS`` sets how many processes draw, this one included (``1``: everything
in-process); by default as many as the cores, at most four. No pool in frozen builds, on
platforms without forkserver, for a handful of charts, or when the pool fails for any reason:
then charts render in-process. The bytes are the same either way (a test checks it).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from workbench.reporting.charts import indicator_chart
from workbench.reporting.views import ChartData

MIN_CHARTS_FOR_POOL = 12
MAX_DRAWING = 4

Job = tuple[ChartData, list[tuple[str, ChartData]], float, str, bool, str]


def render(job: Job) -> bytes:
    main, parts, width, total, rtl, lang = job
    return indicator_chart(main, parts, width, total, rtl, lang=lang)


def _pool_workers(n_jobs: int) -> int:
    """Worker processes to start beside this one (0: draw everything here).
    ``WORKBENCH_CHART_WORKERS``: the processes that draw, this one included (default: the
    cores, at most :data:`MAX_DRAWING`; ``1`` draws in-process only)."""
    raw = os.environ.get("WORKBENCH_CHART_WORKERS", "")
    try:
        drawing = int(raw) if raw else min(os.cpu_count() or 1, MAX_DRAWING)
    except ValueError:
        return 0
    if drawing < 2 or n_jobs < MIN_CHARTS_FOR_POOL or getattr(sys, "frozen", False):
        return 0
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return 0
    return drawing - 1


class ChartPool:
    """The worker processes of one report (a context manager; none when not worth it)."""

    def __init__(self, n_jobs: int) -> None:
        self.pool: ProcessPoolExecutor | None = None
        workers = _pool_workers(n_jobs)
        if not workers:
            return
        try:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(["workbench.reporting.charts"])
            self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx)
            # start the workers now: the forkserver's imports overlap the caller's work
            self.pool.submit(int, 0)
        except Exception:  # no pool: charts are drawn in-process
            self.close()

    def __enter__(self) -> ChartPool:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def render_all(self, jobs: dict[str, Job]) -> dict[str, bytes]:
        """``{key: image bytes}`` for every job, in the jobs' order."""
        keys = list(jobs)
        if self.pool is None:
            return {k: render(jobs[k]) for k in keys}
        try:
            futures: dict[str, Future[bytes]] = {k: self.pool.submit(render, jobs[k]) for k in keys}
        except Exception:
            return {k: render(jobs[k]) for k in keys}
        done: dict[str, bytes] = {}
        for k in reversed(keys):  # the caller draws what no worker has started
            if futures[k].cancel():
                done[k] = render(jobs[k])
        out: dict[str, bytes] = {}
        for k in keys:
            if k in done:
                out[k] = done[k]
                continue
            try:
                out[k] = futures[k].result()
            except Exception:  # a broken worker: draw it here
                out[k] = render(jobs[k])
        return out


def render_all(jobs: dict[str, Job]) -> dict[str, bytes]:
    """``{key: image bytes}`` for every job (same bytes whichever process drew them)."""
    with ChartPool(len(jobs)) as pool:
        return pool.render_all(jobs)
