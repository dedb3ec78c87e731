"""Frozen entry point of the command line (``workbench``)."""

import multiprocessing
import sys

if __name__ == "__main__":
    # First: a frozen spawn worker (the SPSS/Stata parsing helper, workbench.datasets.sandbox)
    # re-runs this executable; freeze_support() turns it into the worker and never returns there.
    multiprocessing.freeze_support()
    from workbench.cli import main

    sys.exit(main())
