"""The task runner: results, errors, progress and cancel come back on the GUI thread."""

from __future__ import annotations

import threading

from ui.tasks import TaskManager
from workbench.errors import Cancelled, NotFound


def test_threaded_result_and_progress_arrive_on_gui_thread(qtbot):
    tasks = TaskManager()
    gui = threading.get_ident()
    seen: dict = {"progress": []}

    def work(x, progress, cancel):
        seen["worker"] = threading.get_ident()
        for i in range(3):
            progress.update(i + 1, 3, "step")
        return x * 2

    def done(value):
        seen["done_thread"] = threading.get_ident()
        seen["value"] = value

    task = tasks.run(work, 21, on_done=done)
    task.progressed.connect(lambda d, t, m: seen["progress"].append((d, t, threading.get_ident())))
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)
    assert seen["value"] == 42
    assert seen["worker"] != gui
    assert seen["done_thread"] == gui
    assert all(th == gui for _, _, th in seen["progress"])
    tasks.shutdown()


def test_one_worker_thread_runs_tasks_in_order(qtbot):
    tasks = TaskManager()
    order, threads = [], set()

    def work(i):
        threads.add(threading.get_ident())
        order.append(i)

    for i in range(5):
        tasks.run(work, i, progress=False)
    assert tasks.wait_idle()
    qtbot.waitUntil(lambda: not tasks.busy, timeout=5000)
    assert order == [0, 1, 2, 3, 4]
    assert len(threads) == 1
    tasks.shutdown()


def test_error_goes_to_on_error_and_cancel_skips_on_done(qapp):
    tasks = TaskManager(synchronous=True)
    errors, done = [], []

    def boom():
        raise NotFound("no such dataset")

    tasks.run(boom, progress=False, on_error=errors.append)
    assert isinstance(errors[0], NotFound)

    def cancels_itself(progress, cancel):
        cancel.cancel()
        cancel.raise_if_cancelled()

    tasks.run(cancels_itself, on_done=done.append, on_error=errors.append)
    assert isinstance(errors[1], Cancelled)
    assert done == []
    assert not tasks.busy
