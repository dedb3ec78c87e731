"""Frozen entry point of the Linux bundle: one executable for the desktop app and the command line.

PyInstaller gives every executable its own compressed archive of all Python modules (~18 MB), so
two executables would ship it twice. On Linux the bundle has one, ``workbench``, and
``workbench-gui`` is a symbolic link to it: the program started is chosen by the name it was
started by (``sys.argv[0]``, following symbolic links, so a link elsewhere to ``workbench-gui``
starts the app too). If a copy dereferences the link, ``workbench-gui`` becomes a full copy of
the executable and still starts the app. Windows (console vs windowed executable) and macOS keep
two executables, from ``launch_gui.py`` and ``launch_cli.py``.
"""

import multiprocessing
import os
import shutil
import sys

GUI_NAME = "workbench-gui"


def started_as_gui(argv0: str) -> bool:
    """True when ``argv0``, or a symbolic link it leads through, is named ``workbench-gui``."""
    path = argv0 if os.sep in argv0 else (shutil.which(argv0) or argv0)
    for _ in range(40):  # the kernel's own limit on nested links
        if os.path.basename(path) == GUI_NAME:
            return True
        try:
            target = os.readlink(path)
        except OSError:
            return False
        path = os.path.join(os.path.dirname(path), target)
    return False


if __name__ == "__main__":
    # First: a frozen spawn worker (the SPSS/Stata parsing helper, workbench.datasets.sandbox)
    # re-runs this executable; freeze_support() turns it into the worker and never returns there.
    multiprocessing.freeze_support()
    if started_as_gui(sys.argv[0]):
        from ui.app import main
    else:
        from workbench.cli import main

    sys.exit(main())
