"""Shared fixtures of the app tests: synchronous task runner (picard's pattern), fast vaults."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from ui.tasks import TaskManager
from workbench.service import Workbench
from workbench.settings import Settings
from workbench.vault import KdfParams, Vault

FAST_KDF = KdfParams(memory_kib=8192, iterations=1, lanes=1)


@pytest.fixture
def sync_tasks(qapp):
    tasks = TaskManager(synchronous=True)
    yield tasks
    tasks.shutdown()


@pytest.fixture
def make_vault(tmp_path, passphrase):
    """Create a real vault with a cheap KDF (opening reads the cost from its header)."""

    def make(name: str = "test.dsvault"):
        path = tmp_path / name
        Vault.create(path, passphrase, kdf=FAST_KDF).lock()
        return path

    return make


@pytest.fixture
def service():
    wb = Workbench(Settings())
    yield wb
    wb.lock()


@pytest.fixture
def window(qtbot, service, sync_tasks):
    from ui.main_window import MainWindow

    w = MainWindow(service, sync_tasks)
    qtbot.addWidget(w)
    w.resize(1100, 750)
    w.show()
    yield w
    w.close()


@pytest.fixture
def datasets_page(window, make_vault, passphrase):
    """The datasets page of the window, unlocked on a fresh vault."""
    from ui.pages.datasets_page import DatasetsPage

    s = window.start_screen
    s.open_path.setText(str(make_vault()))
    s.open_pass.setText(passphrase)
    s.unlock()
    assert window.service.is_unlocked
    return window.workspace.show_page(DatasetsPage)
