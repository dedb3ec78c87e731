"""The core never loads Qt or pyplot (ARCHITECTURE.md principle 1)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import workbench

ROOT = Path(workbench.__file__).resolve().parent.parent


def _all_core_modules() -> list[str]:
    names = ["workbench"]
    for info in pkgutil.walk_packages(workbench.__path__, prefix="workbench."):
        names.append(info.name)
    return sorted(set(names))


@pytest.mark.slow
def test_every_core_module_imports_without_qt_or_pyplot() -> None:
    modules = _all_core_modules()
    assert len(modules) > 10
    code = (
        "import importlib, sys\n"
        f"mods = {modules!r}\n"
        "for m in mods:\n"
        "    if m.endswith('__main__'):\n"
        "        continue\n"
        "    importlib.import_module(m)\n"
        "bad = [m for m in sys.modules\n"
        "       if m.split('.')[0] == 'PySide6' or m == 'matplotlib.pyplot']\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "", f"core loaded: {out.stdout.strip()}"


def test_no_qt_or_pyplot_import_statements_in_core() -> None:
    offenders = []
    for path in (ROOT / "workbench").rglob("*.py"):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            s = line.strip()
            if s.startswith(("import PySide6", "from PySide6", "import matplotlib.pyplot")) or (
                s.startswith("from matplotlib import pyplot")
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{lineno}")
    assert offenders == []
