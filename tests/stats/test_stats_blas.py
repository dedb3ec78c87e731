"""analyze() runs with one BLAS thread and gives the previous count back (stats/blas.py)."""

from __future__ import annotations

from threadpoolctl import ThreadpoolController

from workbench.stats.blas import one_blas_thread


def _blas_threads() -> list[int]:
    return [int(i["num_threads"]) for i in ThreadpoolController().info() if i["user_api"] == "blas"]


def test_one_blas_thread_inside_and_restored_after() -> None:
    before = _blas_threads()
    with one_blas_thread():
        inside = _blas_threads()
    assert inside == [1] * len(before)
    assert _blas_threads() == before
