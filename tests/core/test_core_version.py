"""The version is written once, in workbench/__init__.py: the installed distribution, the CLI, and
the packaging files all say the same."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest

import workbench

ROOT = Path(workbench.__file__).resolve().parent.parent


def test_pyproject_takes_the_version_from_the_package() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    dynamic = project["tool"]["setuptools"]["dynamic"]["version"]
    assert dynamic == {"attr": "workbench.__version__"}
    assert version("ds-workbench") == workbench.__version__  # as installed (pip install -e)


@pytest.mark.slow
def test_cli_version_is_the_package_version() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "workbench.cli", "--version"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"workbench {workbench.__version__}"


def test_packaging_files_say_the_package_version() -> None:
    """The spec imports ``__version__``; Inno Setup and the Windows version resource are read
    as they are by their tools, so they are checked here instead."""
    spec = (ROOT / "packaging" / "workbench.spec").read_text(encoding="utf-8")
    assert "from workbench import __version__" in spec and "version=__version__" in spec
    windows = ROOT / "packaging" / "windows"
    iss = (windows / "installer.iss").read_text(encoding="utf-8")
    assert re.findall(r'#define AppVersion "([^"]+)"', iss) == [workbench.__version__]
    info = (windows / "version_info.txt").read_text(encoding="utf-8")
    strings = re.findall(r"StringStruct\('(?:File|Product)Version', '([^']+)'\)", info)
    assert strings == [workbench.__version__] * 2
    numbers = ".".join([*workbench.__version__.split(".")[:3], "0"])
    tuples = re.findall(r"(?:file|prod)vers=\((\d+), (\d+), (\d+), (\d+)\)", info)
    assert [".".join(t) for t in tuples] == [numbers] * 2
