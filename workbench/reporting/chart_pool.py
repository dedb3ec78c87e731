"""Render every indicator's chart up front, in worker processes when that is safe and worth it.

Charts are pure functions of plain data, so they can run on several cores (opt-in:
``WORKBENCH_CHART_WORKERS=2``). Workers come from a ``forkserver`` (a clean process that imported
matplotlib once; forking the caller itself is not safe in the threaded desktop app). No pool in
frozen builds, on platforms without forkserver, for a handful of charts, or when the pool fails
for any reason: then charts render in-process. The bytes are the same either way.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor

from workbench.reporting.charts import indicator_chart
from workbench.reporting.views import ChartData

MIN_CHARTS_FOR_POOL = 12

Job = tuple[ChartData, list[tuple[str, ChartData]], float, str, bool, str]


def render(job: Job) -> bytes:
    main, parts, width, total, rtl, lang = job
    return indicator_chart(main, parts, width, total, rtl, lang=lang)


def _pool_workers(n_jobs: int) -> int:
    """Workers to use: ``WORKBENCH_CHART_WORKERS`` (default 0 = draw in-process; measured on a
    shared 2-core machine the pool was not reliably faster, see docs/reporting.md)."""
    try:
        wanted = int(os.environ.get("WORKBENCH_CHART_WORKERS", "0"))
    except ValueError:
        return 0
    if wanted < 2 or n_jobs < MIN_CHARTS_FOR_POOL or getattr(sys, "frozen", False):
        return 0
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return 0
    return min(wanted, os.cpu_count() or 1)


def render_all(jobs: dict[str, Job]) -> dict[str, bytes]:
    """``{key: image bytes}`` for every job (same bytes whichever process drew them)."""
    workers = _pool_workers(len(jobs))
    if workers:
        try:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(["workbench.reporting.charts"])
            with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
                keys = list(jobs)
                images = pool.map(render, [jobs[k] for k in keys], chunksize=4)
                return dict(zip(keys, images, strict=True))
        except Exception:
            pass
    return {k: render(j) for k, j in jobs.items()}
