"""Frozen entry point of the desktop application (``workbench-gui``)."""

import multiprocessing
import sys

if __name__ == "__main__":
    # First: a frozen spawn worker (the SPSS/Stata parsing helper, workbench.datasets.sandbox)
    # re-runs this executable; freeze_support() turns it into the worker and never returns there.
    multiprocessing.freeze_support()
    from ui.app import main

    sys.exit(main())
