"""One helper that resolves asset paths for source, installed and frozen (PyInstaller) runs."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def app_root() -> Path:
    """The folder holding ``indicator_library/`` and ``resources/``.

    - frozen (PyInstaller): ``sys._MEIPASS``
    - source checkout or editable install: the repository root (parent of ``workbench/``)
    - override: the ``WORKBENCH_ROOT`` environment variable (tests, packagers)
    """
    override = os.environ.get("WORKBENCH_ROOT")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource(*parts: str) -> Path:
    return app_root().joinpath("resources", *parts)


def library_dir() -> Path:
    return app_root() / "indicator_library"


def sample_dir() -> Path:
    return resource("sample")


def fonts_dir() -> Path:
    return resource("fonts")


def translations_dir() -> Path:
    return resource("translations")


def help_dir() -> Path:
    """The offline user guide, one HTML file per language (``<lang>.html``)."""
    return resource("help")


def portable_root() -> Path | None:
    """Portable mode: a ``portable.flag`` file next to the executable keeps settings beside it."""
    exe_dir = Path(sys.executable).resolve().parent
    if getattr(sys, "frozen", False) and (exe_dir / "portable.flag").exists():
        return exe_dir / "workbench-data"
    env = os.environ.get("WORKBENCH_PORTABLE_DIR")
    return Path(env) if env else None


def config_dir() -> Path:
    port = portable_root()
    if port is not None:
        return port / "config"
    env = os.environ.get("WORKBENCH_CONFIG_DIR")
    if env:
        return Path(env)
    from platformdirs import user_config_dir

    return Path(user_config_dir("ds-workbench", appauthor=False))


def default_vault_dir() -> Path:
    port = portable_root()
    if port is not None:
        return port / "vaults"
    from platformdirs import user_documents_dir

    return Path(user_documents_dir()) / "Durable Solutions Workbench"
