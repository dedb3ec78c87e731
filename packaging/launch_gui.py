"""Frozen entry point of the desktop application (``workbench-gui``)."""

import sys

from ui.app import main

if __name__ == "__main__":
    sys.exit(main())
