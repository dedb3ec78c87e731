"""One BLAS thread while the engine analyses.

The engine's matrix products are small — the replicate sums of one domain grid are an
(80 × 2,000) · (2,000 × 256) product, about 1 ms on one core. OpenBLAS splits every such product
over all cores and its threads wait for each other; when the cores are busy (the app's window,
another program, a second analysis) a thread can wait a whole scheduler time slice for its
partner. Measured on ``benchmarks/engine_designs.py --cases replicates`` at load average 8 on
two cores: 0.65 s for the analysis with OpenBLAS's own threads, 0.27 s with one. On an idle
machine one thread costs about a millisecond per product.

threadpoolctl finds the BLAS that numpy loaded and sets its thread count for the duration of a
``with`` block; the controller is made once (it scans the loaded libraries, ~1 ms). Where it
finds no BLAS it can set (a numpy built on another one), the block changes nothing.
"""

from __future__ import annotations

import warnings
from contextlib import AbstractContextManager
from typing import Any

from threadpoolctl import ThreadpoolController

_controller: ThreadpoolController | None = None


def one_blas_thread() -> AbstractContextManager[Any]:
    """Context in which numpy's BLAS uses one thread (restored after)."""
    global _controller
    if _controller is None:
        with warnings.catch_warnings():  # e.g. two OpenMP runtimes found: not the user's concern
            warnings.simplefilter("ignore")
            _controller = ThreadpoolController()
    return _controller.limit(limits=1, user_api="blas")
