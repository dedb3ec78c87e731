"""Test-wide set-up: no real keyring, no user config touched, offscreen Qt."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

import pytest


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory, monkeypatch):
    """Every test gets its own config folder so no test reads or writes the user's settings."""
    cfg = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("WORKBENCH_CONFIG_DIR", str(cfg))
    yield


PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE
