"""Frozen entry point of the desktop application (``workbench-gui``)."""

import multiprocessing
import sys

from ui.app import main

if __name__ == "__main__":
    # the importers parse SPSS/Stata files in a spawned helper process first (a damaged file can
    # crash the reader); a frozen executable must let multiprocessing re-enter it as that helper
    multiprocessing.freeze_support()
    sys.exit(main())
