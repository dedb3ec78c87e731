"""Frozen entry point of the command line (``workbench``)."""

import sys

from workbench.cli import main

if __name__ == "__main__":
    sys.exit(main())
