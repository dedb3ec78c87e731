"""Entry point of the desktop application: ``workbench-gui`` (``ui.app:main``)."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence

from workbench.languages import with_catalogue

_T0 = time.perf_counter()

log = logging.getLogger("workbench.ui")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="workbench-gui", description="Durable Solutions Workbench")
    p.add_argument(
        "--self-test",
        action="store_true",
        help="start, show the unlock screen, exit 0 (packaging smoke test)",
    )
    p.add_argument("--language", choices=with_catalogue("app"), help="override the language")
    return p.parse_args(list(argv) if argv is not None else None)


#: background work that imports the vault stack waits this long after the window is shown
AFTER_PAINT_MS = 150


def build(argv: Sequence[str] | None = None, *, synchronous: bool = False):
    """Create (or reuse) the QApplication and the main window; returns (app, window)."""
    from PySide6.QtWidgets import QApplication

    from ui import i18n
    from ui.main_window import MainWindow
    from ui.tasks import TaskManager
    from workbench.service import Workbench
    from workbench.settings import Settings

    args = parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Durable Solutions Workbench")
    app.setOrganizationName("ds-workbench")
    settings = Settings.load()
    if args.language:
        settings.language = args.language
    i18n.install(app, settings.language)
    service = Workbench(settings)
    tasks = TaskManager(app, synchronous=synchronous)
    window = MainWindow(service, tasks)
    return app, window, args


def _no_core_dumps() -> None:
    """At once, before anything else: no core dumps (they would hold decrypted data)."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        pass


def missing_system_libraries(argv: Sequence[str] | None = None) -> str | None:
    """The message, in the user's language, when Qt could not start here (ui/syscheck.py)."""
    from ui.syscheck import check

    problem = check()
    if problem is None:
        return None
    from workbench.messages import render
    from workbench.settings import Settings

    args = parse_args(argv)
    language = args.language or Settings.load().language
    code, params = problem
    return render(code, params, language)


def main(argv: Sequence[str] | None = None) -> int:
    _no_core_dumps()
    logging.basicConfig(level=logging.WARNING)
    problem = missing_system_libraries(argv)
    if problem is not None:  # Qt would abort the process: say why instead
        sys.stderr.write(problem + "\n")
        return 1
    sys.excepthook = _excepthook
    app, window, args = build(argv)
    window.restore_geometry()
    window.show()
    from PySide6.QtCore import QTimer

    # The rest of the hardening (SQLCipher memory wiping) imports the vault stack (pandas …):
    # run it on the vault thread, queued before any unlock, once the window is painted (an import
    # on another thread still takes the GIL from the one drawing the window).
    QTimer.singleShot(
        AFTER_PAINT_MS,
        lambda: window.tasks.run(
            window.service.harden_process, progress=False, cancellable=False, label="harden"
        ),
    )
    if args.self_test:

        def check() -> None:
            ok = window.start_screen.isVisible()
            took = time.perf_counter() - _T0
            msg = f"self-test: unlock screen shown after {took:.2f} s" if ok else "FAILED"
            print(msg if ok else "self-test: FAILED", flush=True)
            window.close()
            app.exit(0 if ok else 1)

        QTimer.singleShot(0, check)
    rc = app.exec()
    window.tasks.shutdown()
    return rc


def _excepthook(exc_type, exc, tb) -> None:
    """Last line of defence: an unexpected error becomes a dialog, never a traceback."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    log.error("unhandled %s", exc_type.__name__)
    try:
        from ui.error_dialog import show_error

        exc.__traceback__ = tb
        show_error(None, exc)
    except Exception:
        sys.stderr.write(f"Unexpected error ({exc_type.__name__}).\n")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
