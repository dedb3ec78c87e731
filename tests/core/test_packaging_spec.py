"""The PyInstaller spec ships every data folder the app reads at run time."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import workbench.paths as paths

ROOT = Path(__file__).resolve().parents[2]


def _runtime_data() -> list[str]:
    spec = importlib.util.spec_from_file_location("datas", ROOT / "packaging" / "datas.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return list(mod.RUNTIME_DATA)


def test_spec_uses_the_runtime_data_list() -> None:
    text = (ROOT / "packaging" / "workbench.spec").read_text(encoding="utf-8")
    assert "RUNTIME_DATA" in text and "datas=datas" in text


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
