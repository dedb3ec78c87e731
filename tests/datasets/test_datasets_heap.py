"""The import gives freed chunk memory back to the system every ``step`` bytes (glibc's
``malloc_trim``), and does nothing where the C library has no such call."""

from __future__ import annotations

import threading

import pytest

from workbench.datasets import heap


def test_releaser_trims_every_step_of_freed_bytes_from_any_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[int] = []
    monkeypatch.setattr(heap, "_TRIM", lambda pad: calls.append(pad) or 1)
    releaser = heap.Releaser(step=1000)
    threads = [
        threading.Thread(target=lambda: [releaser.freed(100) for _ in range(50)]) for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert calls == [0] * 20  # 4 × 50 × 100 bytes freed, one trim per 1,000


def test_without_malloc_trim_release_does_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(heap, "_TRIM", None)
    heap.release()
    heap.Releaser(step=1).freed(10)


def test_the_real_trim_runs_here() -> None:
    """On this (glibc) machine the call is found and can be made."""
    if heap._TRIM is None:
        pytest.skip("no malloc_trim in this C library")
    heap.release()
