"""Parsing SPSS / Stata files in a helper process first.

libreadstat (C, under pyreadstat) can crash the whole process on some damaged files — a
segmentation fault, which no ``except`` can catch and which would close the app with unsaved work.
So a file is first parsed by a long-lived helper process (started on first use, reused, core dumps
off); only when that succeeds is it parsed again in-process. A crash or hang of the helper becomes
an :class:`ImportError_` naming the file, and the next call starts a fresh helper.

From source the helper is ``python -I -c "…serve()"`` speaking one JSON line per request over its
pipes (it never re-imports the caller's main script). It starts with a clean environment: isolated
mode (no ``PYTHON*`` variables, no user site-packages), only the variables it needs — never the
caller's passphrase variables — and one thread per numeric library. Each parse runs under an
address-space limit (``RLIMIT_AS``, :func:`workbench.datasets.limits.helper_memory_limit`): a
damaged or hostile file that declares billions of cases fails with a memory error in the helper,
reported as one line, instead of exhausting the machine. In a frozen build (PyInstaller), where
``sys.executable`` is the app, it is a ``multiprocessing`` spawn worker instead: the frozen entry
points must call ``multiprocessing.freeze_support()`` first, as for any use of multiprocessing.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workbench.datasets.limits import helper_data_bytes
from workbench.errors import ImportError_

_lock = threading.Lock()
_helper: Any = None  # subprocess.Popen (source) or ProcessPoolExecutor (frozen)
_FUNCS: dict[str, Callable[..., Any]] = {}


def _no_core_dumps() -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a crash must not dump data to disk
    except (ImportError, ValueError, OSError):
        pass


def _limit_memory(data_bytes: int) -> None:
    """Limit this process's address space to what it maps now plus ``data_bytes`` (Linux, macOS;
    a no-op where the resource module or /proc is missing)."""
    try:
        import resource

        now = _mapped_bytes()
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        want = now + data_bytes
        if hard != resource.RLIM_INFINITY:
            want = min(want, hard)
        resource.setrlimit(resource.RLIMIT_AS, (want, hard))
    except (ImportError, ValueError, OSError):
        pass


def _mapped_bytes() -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    raise OSError("no VmSize")


def parse_readstat(path: str, fmt: str, n_rows: int, data_bytes: int = 0) -> Any:
    """Runs in the helper: None when the file parses, ``{"memory": limit}`` when it needs more
    than ``data_bytes`` of memory, else the reader's one-line complaint."""
    import pyreadstat

    reader = pyreadstat.read_sav if fmt == "sav" else pyreadstat.read_dta
    if data_bytes:
        _limit_memory(data_bytes)
    try:
        reader(path, user_missing=True, dates_as_pandas_datetime=True, row_limit=n_rows)
    except MemoryError:
        return {"memory": data_bytes}
    except Exception as exc:  # any complaint is reported by the caller as an ImportError_
        return (str(exc).splitlines() or [type(exc).__name__])[0][:160]
    return None


def _helper_env() -> dict[str, str]:
    """The helper's environment: nothing of the caller's but what Python needs to start."""
    keep = ("SYSTEMROOT", "WINDIR", "TMPDIR", "TEMP", "TMP")  # Windows needs SYSTEMROOT
    env = {k: v for k, v in os.environ.items() if k in keep}
    env.update(LC_ALL="C.UTF-8", OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1",
               MKL_NUM_THREADS="1", PATH=os.defpath)  # fmt: skip
    return env


def _call(spec: str, args: list[Any]) -> Any:
    module, _, name = spec.partition(":")
    fn = getattr(__import__(module, fromlist=[name]), name)
    return fn(*args)


def serve() -> None:
    """The helper's loop: one JSON request per line in, one JSON answer per line out."""
    _no_core_dumps()
    for line in sys.stdin:
        req = json.loads(line)
        try:
            answer = {"result": _call(req["fn"], req["args"])}
        except Exception as exc:  # reported to the caller, the helper stays up
            answer = {"error": f"{type(exc).__name__}: {exc}"[:200]}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


def _discard() -> None:
    global _helper
    helper, _helper = _helper, None
    if isinstance(helper, subprocess.Popen):
        helper.kill()
        helper.wait()
        for pipe in (helper.stdin, helper.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()
    elif helper is not None:
        for proc in list(getattr(helper, "_processes", {}).values()):
            proc.terminate()
        helper.shutdown(wait=False, cancel_futures=True)


def _shutdown() -> None:
    """At exit: let the helper finish its loop (stdin closes) rather than leave it running."""
    helper = _helper
    if isinstance(helper, subprocess.Popen) and helper.poll() is None:
        try:
            for pipe in (helper.stdin, helper.stdout):
                if pipe is not None:
                    pipe.close()  # the helper's loop ends when its stdin closes
                    helper.wait(timeout=2)
        except (OSError, subprocess.TimeoutExpired):
            helper.kill()


atexit.register(_shutdown)


def _run_subprocess(spec: str, args: list[Any], timeout: float) -> tuple[bool, Any]:
    global _helper
    if _helper is None or _helper.poll() is not None:
        root = str(Path(__file__).resolve().parents[2])
        code = (
            f"import sys; sys.path.insert(0, {root!r}); "
            "from workbench.datasets.sandbox import serve; serve()"
        )
        _helper = subprocess.Popen(
            [sys.executable, "-I", "-c", code],
            env=_helper_env(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
        )
    proc = _helper
    answer: list[str] = []
    try:
        proc.stdin.write(json.dumps({"fn": spec, "args": args}) + "\n")
        proc.stdin.flush()
    except OSError:
        return False, "crashed"
    reader = threading.Thread(target=lambda: answer.append(proc.stdout.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    if reader.is_alive():
        return False, "timeout"
    if not answer or not answer[0]:
        return False, "crashed"
    reply = json.loads(answer[0])
    if "error" in reply:
        raise ImportError_.of("import.helper_failed", error=reply["error"])
    return True, reply["result"]


def _run_frozen(spec: str, args: list[Any], timeout: float) -> tuple[bool, Any]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures import TimeoutError as FutureTimeout
    from concurrent.futures.process import BrokenProcessPool

    global _helper
    if _helper is None:
        ctx = multiprocessing.get_context("spawn")
        _helper = ProcessPoolExecutor(max_workers=1, mp_context=ctx, initializer=_no_core_dumps)
    try:
        return True, _helper.submit(_call, spec, args).result(timeout=timeout)
    except BrokenProcessPool:
        return False, "crashed"
    except FutureTimeout:
        return False, "timeout"


def run_isolated(spec: str, *args: Any, timeout: float, what: dict[str, str]) -> Any:
    """``module:function`` called with JSON-able ``args`` in the helper process. A crash, or a run
    longer than ``timeout`` seconds, raises ImportError_ "<name>: not a readable <kind> file
    (damaged: …)" (``what`` gives the file's name and kind)."""
    with _lock:
        run = _run_frozen if getattr(sys, "frozen", False) else _run_subprocess
        ok, value = run(spec, list(args), timeout)
        if ok:
            return value
        _discard()
        why = "import.reader_crashed" if value == "crashed" else "import.reader_timeout"
        raise ImportError_.of(why, name=what["name"], kind=what["kind"])


def probe_readstat(path: Path, fmt: str, n_rows: int | None = None) -> str | None:
    """Parse ``path`` in the helper. None if it parsed; the reader's complaint if it refused;
    ImportError_ if the helper crashed or took too long."""
    kind = "SPSS" if fmt == "sav" else "Stata"
    size = path.stat().st_size
    timeout = 60 + 4 * size / 2**20
    what = {"name": path.name, "kind": kind}
    spec = "workbench.datasets.sandbox:parse_readstat"
    data = helper_data_bytes(size)
    answer = run_isolated(spec, str(path), fmt, n_rows or 0, data, timeout=timeout, what=what)
    if isinstance(answer, dict):
        raise ImportError_.of(
            "import.readstat_memory", file=path.name, kind=kind, limit_mb=data // 2**20
        )
    return answer
