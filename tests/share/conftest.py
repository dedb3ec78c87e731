"""The bundled Freedonia sample in a real vault, imported as ``workbench demo`` imports it."""

from __future__ import annotations

from pathlib import Path

import pytest
from share_testkit import PASS


@pytest.fixture(scope="module")
def freedonia_vault(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """(vault path, plan name): both Freedonia files and the bundled plan, cheap KDF."""
    from freedonia_testkit import make_freedonia_vault

    path = tmp_path_factory.mktemp("freedonia") / "f.wbv"
    return path, make_freedonia_vault(path, PASS)
