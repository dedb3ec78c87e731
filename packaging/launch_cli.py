"""Frozen entry point of the command line (``workbench``)."""

import multiprocessing
import sys

from workbench.cli import main

if __name__ == "__main__":
    # the importers parse SPSS/Stata files in a spawned helper process first (a damaged file can
    # crash the reader); a frozen executable must let multiprocessing re-enter it as that helper
    multiprocessing.freeze_support()
    sys.exit(main())
