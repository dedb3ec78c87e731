"""Parsing SPSS / Stata files in a helper process first.

libreadstat (C, under pyreadstat) can crash the whole process on some damaged files — a
segmentation fault, which no ``except`` can catch and which would close the app with unsaved work.
So a file is first parsed by a long-lived helper process (started on first use, reused, core dumps
off); only when that succeeds is it parsed again in-process. A crash or hang of the helper becomes
an :class:`ImportError_` naming the file, and the next call starts a fresh helper.

From source the helper is ``python -c "…serve()"`` speaking one JSON line per request over its
pipes (it never re-imports the caller's main script). In a frozen build (PyInstaller), where
``sys.executable`` is the app, it is a ``multiprocessing`` spawn worker instead: the frozen entry
points must call ``multiprocessing.freeze_support()`` first, as for any use of multiprocessing.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


def parse_readstat(path: str, fmt: str, n_rows: int) -> str | None:
    """Runs in the helper: None when the file parses, else the reader's one-line complaint."""
    import pyreadstat

    reader = pyreadstat.read_sav if fmt == "sav" else pyreadstat.read_dta
    try:
        reader(path, user_missing=True, dates_as_pandas_datetime=True, row_limit=n_rows)
    except Exception as exc:  # any complaint is reported by the caller as an ImportError_
        return (str(exc).splitlines() or [type(exc).__name__])[0][:160]
    return None


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
        code = "from workbench.datasets.sandbox import serve; serve()"
        _helper = subprocess.Popen(
            [sys.executable, "-c", code],
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
    timeout = 60 + 4 * path.stat().st_size / 2**20
    what = {"name": path.name, "kind": kind}
    spec = "workbench.datasets.sandbox:parse_readstat"
    return run_isolated(spec, str(path), fmt, n_rows or 0, timeout=timeout, what=what)
