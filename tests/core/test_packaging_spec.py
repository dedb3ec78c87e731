"""The PyInstaller spec ships every data folder the app reads at run time."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import workbench.paths as paths

ROOT = Path(__file__).resolve().parents[2]


def _datas() -> ModuleType:
    spec = importlib.util.spec_from_file_location("datas", ROOT / "packaging" / "datas.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _runtime_data() -> list[str]:
    return list(_datas().RUNTIME_DATA)


def _package_data() -> list[str]:
    return list(_datas().PACKAGE_DATA)


def test_spec_uses_the_data_lists() -> None:
    text = (ROOT / "packaging" / "workbench.spec").read_text(encoding="utf-8")
    assert "RUNTIME_DATA" in text and "PACKAGE_DATA" in text and "datas=datas" in text


def test_every_folder_the_paths_helper_resolves_is_bundled(monkeypatch) -> None:
    monkeypatch.setenv("WORKBENCH_ROOT", str(ROOT))
    needed = {
        paths.library_dir(), paths.sample_dir(), paths.fonts_dir(), paths.translations_dir(),
        paths.resource("plan_templates"), paths.resource("icons"),
    }  # fmt: skip
    bundled = {ROOT / d for d in _runtime_data()}
    assert needed <= bundled, sorted(str(p) for p in needed - bundled)


def test_every_resources_subfolder_in_the_repo_is_bundled() -> None:
    bundled = set(_runtime_data())
    present = {f"resources/{p.name}" for p in (ROOT / "resources").iterdir() if p.is_dir()}
    assert present <= bundled, sorted(present - bundled)
    assert "indicator_library" in bundled


def test_every_data_file_inside_the_packages_is_bundled() -> None:
    """A non-Python file under workbench/ or ui/ (JSON catalogs …) is read next to its module;
    PyInstaller does not collect it unless a PACKAGE_DATA folder holds it."""
    folders = [ROOT / d for d in _package_data()]
    missing = []
    for pkg in ("workbench", "ui"):
        for f in (ROOT / pkg).rglob("*"):
            if not f.is_file() or "__pycache__" in f.parts:
                continue
            if f.suffix in (".py", ".pyc", ".pyi") or f.name == "py.typed":
                continue
            if not any(folder in f.parents for folder in folders):
                missing.append(str(f.relative_to(ROOT)))
    assert not missing, missing


def test_package_data_folders_exist() -> None:
    for d in _package_data():
        assert (ROOT / d).is_dir() and any((ROOT / d).iterdir()), d


def test_packaging_is_not_part_of_make_test() -> None:
    """`make test` must stay fast and need no PyInstaller: it never runs the bundle build."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    lines = makefile.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("test:"))
    recipe = []
    for line in lines[start + 1 :]:
        if not line.startswith("\t") and line.strip() and not line.startswith(" "):
            break
        recipe.append(line)
    assert "package" not in lines[start] and not any("packaging" in r for r in recipe)
