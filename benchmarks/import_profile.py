"""Where one CSV import's CPU goes, per thread and per step (for ``docs/vault.md``).

Runs one ``read_datasets`` + ``Vault.save_datasets`` of a CSV (e.g. a file kept by
``benchmarks/import_load.py --keep DIR``) with every step of interest wrapped so that it adds
its own thread's CPU time (``time.thread_time()``) to a tally, and prints, per step, the CPU
seconds and the threads it ran on, then each thread's whole CPU and the wall time. Wall times
taken beside other work are noisy; thread CPU seconds much less so.

Steps nest (blank-to-missing runs inside the join, for instance): a step's figure includes the
steps it calls.

Usage: python benchmarks/import_profile.py CSV [--repeat N]
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: (module, function) pairs timed; a function imported by name elsewhere is replaced there too
STEPS = [
    ("workbench.datasets.csv_reader", "_sample_types"),
    ("workbench.datasets.csv_reader", "_read_header"),
    ("workbench.datasets.csv_parse", "split_points"),
    ("workbench.datasets.csv_parse", "_read_part"),
    ("workbench.datasets.csv_parse", "_assemble"),
    ("workbench.datasets.csv_parse", "_join_numbers"),
    ("workbench.datasets.heap", "release"),
    ("workbench.datasets.csv_parse", "reread_texts"),
    ("workbench.datasets.csv_reader", "_keep_signed_as_text"),
    ("workbench.datasets.columns", "blank_to_none"),
    ("workbench.datasets.checks", "markers_kept_as_text"),
    ("workbench.datasets.identifiers", "detect_identifiers"),
    ("workbench.datasets.checks", "check_dataset"),
    ("workbench.vault.codec", "encode_column"),
    ("workbench.vault.encode_ahead", "_encode"),
    ("workbench.vault.dataset_store", "_save_item"),
    ("workbench.vault.fingerprint", "FrameDigest.add"),
    ("workbench.vault.dataset_store", "_save_column"),
]

_cpu: dict[str, float] = defaultdict(float)
_threads: dict[str, set[str]] = defaultdict(set)
_thread_total: dict[str, float] = {}
_lock = threading.Lock()
#: per thread, the steps it is in now (innermost last), read by the sampler
_active: dict[int, list[str]] = defaultdict(list)


def _timed(label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t = time.thread_time()
        stack = _active[threading.get_ident()]
        stack.append(label)
        try:
            return fn(*args, **kwargs)
        finally:
            stack.pop()
            with _lock:
                _cpu[label] += time.thread_time() - t
                _threads[label].add(threading.current_thread().name.rstrip("0123456789_"))

    return wrapper


def _thread_end(run: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(run)
    def wrapper(self: threading.Thread) -> Any:
        try:
            return run(self)
        finally:
            with _lock:
                _thread_total[self.name] = time.thread_time()

    return wrapper


class _Sampler(threading.Thread):
    """Every ``period`` seconds: the process's CPU since the last sample (so how many cores
    were busy) and each thread's innermost step. Printed as a timeline of segments."""

    def __init__(self, period: float = 0.05) -> None:
        super().__init__(name="sampler", daemon=True)
        self.period = period
        self.samples: list[tuple[float, float, str]] = []
        self.rss: list[float] = []  # MB, one per sample
        self.halt = threading.Event()

    def run(self) -> None:
        t0 = last_t = time.perf_counter()
        last_cpu = sum(os.times()[:2])
        while not self.halt.wait(self.period):
            now, cpu = time.perf_counter(), sum(os.times()[:2])
            names = {t.ident: t.name.rstrip("0123456789_") for t in threading.enumerate()}
            busy = sorted(
                f"{names.get(tid, '?')}:{stack[-1]}"
                for tid, stack in list(_active.items())
                if stack
            )
            self.samples.append((now - t0, (cpu - last_cpu) / (now - last_t), " | ".join(busy)))
            self.rss.append(_rss_mb())
            last_t, last_cpu = now, cpu

    def timeline(self) -> None:
        print("timeline (seconds from start, cores busy on average, peak RSS MB, steps running):")
        seg: list[tuple[float, float, str, float]] = []
        rows = [(*x, r) for x, r in zip(self.samples, self.rss, strict=True)]
        for t, util, busy, rss in [*rows, (float("inf"), 0.0, "<end>", 0.0)]:
            if seg and (busy != seg[0][2]):
                a, b = seg[0][0] - self.period, seg[-1][0]
                mean = sum(x[1] for x in seg) / len(seg)
                peak = max(x[3] for x in seg)
                if b - a >= 0.1:
                    print(f"  {a:5.2f}-{b:5.2f}  {mean:4.2f}  {peak:6.0f}  "
                          f"{seg[0][2] or '(between steps)'}")  # fmt: skip
                seg = []
            seg.append((t, util, busy, rss))
        print(f"peak RSS {max(self.rss, default=0):.0f} MB")


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def install() -> None:
    import importlib

    from workbench.datasets.scan import ByteScan
    from workbench.vault import dataset_store

    for cls in (threading.Thread, ByteScan, dataset_store._Worker, dataset_store._ChunkReader):
        cls.run = _thread_end(cls.run)  # type: ignore[method-assign]
    for mod_name, qual in STEPS:
        mod = importlib.import_module(mod_name)
        if "." in qual:
            cls_name, meth = qual.split(".")
            cls = getattr(mod, cls_name)
            setattr(cls, meth, _timed(qual, getattr(cls, meth)))
            continue
        orig = getattr(mod, qual)
        wrapped = _timed(qual, orig)
        for other in list(sys.modules.values()):
            if getattr(other, "__name__", "").startswith("workbench") and (
                getattr(other, qual, None) is orig
            ):
                setattr(other, qual, wrapped)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("csv", type=Path)
    ap.add_argument("--no-save", action="store_true", help="time read_datasets only")
    args = ap.parse_args()

    import workbench.datasets.importing
    import workbench.vault.dataset_store  # noqa: F401

    install()
    from workbench.datasets.importing import ImportOptions, read_datasets
    from workbench.vault import KdfParams, Vault
    from workbench.vault.encode_ahead import encode_ahead

    work = Path(tempfile.mkdtemp(prefix="wb-prof-"))
    vault_path = work / "p.dsv"
    v = Vault.create(vault_path, "profile passphrase", kdf=KdfParams(8192, 1, 1))
    sampler = _Sampler()
    sampler.start()
    main_cpu0 = time.thread_time()
    wall0 = time.perf_counter()
    with encode_ahead():  # the façade's import path
        datasets = read_datasets(args.csv, ImportOptions())
        wall_read = time.perf_counter() - wall0
        main_read = time.thread_time() - main_cpu0
        if not args.no_save:
            v.save_datasets(datasets)
    wall = time.perf_counter() - wall0
    main_cpu = time.thread_time() - main_cpu0
    sampler.halt.set()
    sampler.join()
    v.lock()
    for p in work.iterdir():
        p.unlink()
    work.rmdir()
    r = os.times()
    print(f"{args.csv.name}: wall {wall:.2f} s (read_datasets {wall_read:.2f} s), "
          f"process CPU {r.user + r.system:.2f} s; load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")  # fmt: skip
    print(f"main thread: {main_cpu:.2f} s CPU ({main_read:.2f} s in read_datasets)")
    print("step CPU seconds (inclusive of nested steps), threads:")
    for label, secs in sorted(_cpu.items(), key=lambda kv: -kv[1]):
        print(f"  {label:28s} {secs:6.2f}  {', '.join(sorted(_threads[label]))}")
    sampler.timeline()
    print("threads' whole CPU seconds:")
    groups: dict[str, float] = defaultdict(float)
    for name, secs in _thread_total.items():
        groups[name.rstrip("0123456789_")] += secs
    for name, secs in sorted(groups.items(), key=lambda kv: -kv[1]):
        print(f"  {name:28s} {secs:6.2f}")


if __name__ == "__main__":
    main()
