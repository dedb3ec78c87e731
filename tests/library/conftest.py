"""Fixtures for the indicator-library tests: a private copy of the real library to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workbench import paths

REAL = paths.library_dir()


@pytest.fixture
def lib_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled library."""
    dest = tmp_path / "indicator_library"
    shutil.copytree(REAL, dest)
    return dest
