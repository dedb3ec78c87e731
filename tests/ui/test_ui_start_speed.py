"""What keeps the start and the page switches fast (issue 21, speed; benchmarks/gui.py measures
them): the unlock screen comes up without the data stack (pandas, numpy, matplotlib, reportlab,
the keyring, the vault) — those load on the vault thread after the window is painted — and once
unlocked the pages are built in idle moments, so the first visit of a page is only a switch."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ui_testdata import unlock

from ui.workspace import PAGES

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("pandas", "numpy", "matplotlib", "reportlab", "pikepdf", "keyring", "workbench.vault")


def test_the_unlock_screen_is_built_without_the_data_stack(tmp_path) -> None:
    code = (
        "import sys\n"
        "from ui.app import build\n"
        "app, window, _args = build([])\n"
        "window.show()\n"  # the probes of the keyring and the hardening wait for the event loop
        "assert window.start_screen.isVisible()\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "WORKBENCH_CONFIG_DIR": str(tmp_path)}  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=120)  # fmt: skip
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout


def test_pages_are_built_in_idle_time_after_unlocking(window, qtbot, make_vault, passphrase):
    ws = window.workspace
    unlock(window, make_vault(), passphrase)
    assert len(ws.pages) < len(PAGES)  # only the page shown, at once
    qtbot.waitUntil(lambda: len(ws.pages) == len(PAGES), timeout=15000)
    assert ws.stack.currentIndex() == 0  # built, not shown: the user stays where they are
    window.lock()
    assert not window.service.is_unlocked
